/* room: a workshop's companies side by side — many kamae files read without their writers' lock, and what the room has in common. */
#ifndef KAMAE_ROOM_H
#define KAMAE_ROOM_H

#include <stddef.h>
#include "catalog.h"
#include "score.h"
#include "store.h"

#define ROOM_WEAKEST 5
#define ROOM_NAME_MAX 256

/* One file of the room: read, or skipped with the reason. */
struct room_company {
	char *path;                   /* as given or found in a folder */
	enum store_status status;     /* STORE_OK: read */
	char reason[1024];            /* why skipped, naming the file */
	char reason_short[256];       /* why skipped, without the file's name */
	char name[ROOM_NAME_MAX];     /* the company, A社 when anonymous */
	struct store_profile profile;
	struct score_report score;    /* levels, the target, labels up to the target */
	int answered, total;          /* up to the target */
	int priority_done, priority_unanswered;
	int unconfirmed;              /* 要再確認 */
	struct score_compare industry;
};

struct room {
	const struct catalog *cat;
	struct room_company *company; /* sorted by path; read and skipped */
	int n, cap;
	int n_read, n_skipped;
	int anonymous;
	int year;                     /* asked for; 0: each file's latest */
	int year_min, year_max;       /* of the assessments read */
	/* Per label, over the companies where it applies: */
	double label_average[CATALOG_LABELS]; /* percent, -1 when none */
	int label_companies[CATALOG_LABELS];
	int label_below_half[CATALOG_LABELS];
	int weakest[ROOM_WEAKEST];    /* label numbers, weakest first */
	int n_weakest;
	int above_industry, compared; /* companies at or above their average */
};

/* Adds a file, or every *.db file of a folder, to the room (not yet
 * read). A folder that cannot be listed becomes one skipped entry. */
int room_add(struct room *r, const char *path);
/* Reads every file (read-only, no lock: a file open in a wizard is read as
 * it stands), sorted by path, and works out the room's figures; a company
 * with nothing answered up to its target is left out of the label
 * averages. year 0 takes each file's latest assessment. anonymous names the
 * companies A社, B社, ... in an order that is stable but not the files'
 * (their names often name the company), and sorts them so. */
void room_read(struct room *r, const struct catalog *cat, int year, int anonymous);
void room_free(struct room *r);

/* "A", ..., "Z", "AA", ...: the letter of the i-th company (0-based). */
void room_letter(int i, char *buf, size_t len);

#endif
