/* store: one company's SQLite file — profile, answers, history, plan actions, contacts. */
#ifndef KAMAE_STORE_H
#define KAMAE_STORE_H

#include <stddef.h>
#include <stdint.h>
#include "answer.h"

enum store_status {
	STORE_OK = 0,
	STORE_NOT_FOUND,     /* no such row (e.g. no assessment yet) */
	STORE_ERR_IO,        /* cannot create/open/write: errno-ish, see message */
	STORE_ERR_LOCKED,    /* another kamae holds the file */
	STORE_ERR_NOT_KAMAE, /* a SQLite file, but not ours */
	STORE_ERR_CORRUPT,   /* a damaged database */
	STORE_ERR_NEWER,     /* written by a newer kamae (schema version) */
	STORE_ERR_FULL,      /* disk full */
	STORE_ERR_READONLY,  /* file or directory not writable */
	STORE_ERR_INVALID,   /* bad argument (item out of range, bad date...) */
	STORE_ERR_NOT_DB     /* not a database at all (not SQLite) */
};

#define STORE_SCHEMA_VERSION 3
/* The oldest schema a reader (store_open_readonly) still reads: what it
 * lacks reads as its default (v2 has one contact per role, no company). */
#define STORE_SCHEMA_READABLE 2
#define STORE_TEXT_MAX 4096   /* notes, tasks, memos: characters kept */

struct store;

struct store_profile {
	int64_t id;              /* 0 until saved */
	char company[256];
	char band[16];           /* catalog_band.id, "" if not chosen */
	int target_level;        /* 1..3 */
	int year;                /* assessment year */
	char assessor[256];
	char guideline[16];      /* "2.3" */
};

struct store_answer {
	enum answer value;
	char *note;              /* owned, "" when none; never NULL after load */
	char updated[32];        /* ISO 8601 UTC, "" when never answered */
	char note_updated[32];   /* when the note last changed, "" if unknown */
	int confirmed;           /* 0: carried from last year, 要再確認 */
	int note_carried;        /* the note is last year's, not yet rewritten */
};

enum action_status { ACTION_TODO = 0, ACTION_DOING = 1, ACTION_DONE = 2 };

struct store_action {
	int item;
	char *task;              /* owned; NULL = no row stored yet */
	char *owner;             /* owned */
	char due[11];            /* YYYY-MM-DD or "" */
	enum action_status status;
	char *memo;              /* owned */
};

#define STORE_CONTACT_SLOT_MAX 99   /* rows a role may have, past its own */

struct store_contact {
	char role[32];           /* fixed key, e.g. "ceo", "ipa" (see contacts module) */
	int slot;                /* 0: the role's own row; 1, 2...: rows the user added */
	char *company;           /* owned: the other party's company or office */
	char *person, *phone, *email, *after_hours; /* owned, "" when empty */
	char confirmed[11];      /* YYYY-MM-DD or "" */
};

/* Default database path: $XDG_DATA_HOME/kamae/kamae.db or
 * ~/.local/share/kamae/kamae.db. Returns 0, or -1 if it does not fit/no HOME. */
int store_default_path(char *buf, size_t len);

/* Opens (creating when missing: directory 0700, file 0600) and migrates.
 * Takes PATH.lock for the life of the handle. On error returns NULL, sets
 * *status and writes a user-facing message into err. A file that is not
 * ours, corrupt or newer is never modified. */
struct store *store_open(const char *path, enum store_status *status,
                         char *err, size_t errlen);
/* Opens an existing database for reading only (summary, export): no lock
 * file, nothing created, not a byte changed, so it works on a read-only
 * file and while a wizard has it open. A missing, empty or schema-less file
 * is refused (STORE_NOT_FOUND), as is one that needs crash recovery. */
struct store *store_open_readonly(const char *path, enum store_status *status,
                                  char *err, size_t errlen);
/* Checkpoints (TRUNCATE), closes, releases the lock. NULL is fine. */
void store_close(struct store *st);
/* Last error message of this handle (owned by the handle). */
const char *store_error(const struct store *st);

/* The latest assessment (highest year, then id): STORE_OK or STORE_NOT_FOUND. */
enum store_status store_profile_current(struct store *st, struct store_profile *out);
/* Inserts (id == 0, sets p->id) or updates the assessment. */
enum store_status store_profile_save(struct store *st, struct store_profile *p);
/* Makes `year` the assessment every later call works on (0: the latest). */
void store_select_year(struct store *st, int year);
/* The assessment of that year (the last saved when there are two);
 * STORE_NOT_FOUND when the file has none for it. */
enum store_status store_profile_by_year(struct store *st, int year, struct store_profile *out);
/* One answer read from a filled checksheet. */
struct store_import_row {
	int item;
	enum answer value;     /* ANSWER_NONE: no answer, only the note */
	const char *note;      /* "" when none */
};
/* Writes the rows into the assessment in one transaction (all or nothing):
 * each answer 要再確認 until confirmed, each note old evidence until
 * rewritten. An item already answered is kept unless replace. Counts what
 * was written and kept. */
enum store_status store_import(struct store *st, int64_t assessment, const struct store_import_row *rows,
                               int n, int replace, int *written, int *kept);
/* The latest assessment before `year` (last year's, for 前年比);
 * STORE_NOT_FOUND when there is none. */
enum store_status store_profile_before(struct store *st, int year, struct store_profile *out);
/* Starts assessment `to` from `from` in one transaction: answers with their
 * notes (each 要再確認, unconfirmed), plan tasks and contacts. *carried (may
 * be NULL) is the number of answers carried. */
enum store_status store_carry_forward(struct store *st, int64_t from, int64_t to, int *carried);
/* All assessments, newest first; *out is malloc'd (free()), *n its length. */
enum store_status store_profile_list(struct store *st, struct store_profile **out, int *n);

/* Records an answer (and a history row) in one transaction. NONE clears it. */
enum store_status store_answer_set(struct store *st, int64_t assessment, int item,
                                   enum answer value);
/* Records the evidence note (評価の根拠) in one transaction. A note over
 * STORE_TEXT_MAX characters is refused (STORE_ERR_INVALID), never cut. */
enum store_status store_note_set(struct store *st, int64_t assessment, int item,
                                 const char *note);
/* Answer and note (NULL: unchanged) as one user action: one transaction. */
enum store_status store_answer_note_set(struct store *st, int64_t assessment, int item,
                                        enum answer value, const char *note);
/* 1 when a note fits STORE_TEXT_MAX characters. */
int store_note_fits(const char *note);
/* Loads all answers into out[0..152] (index = item - 1); free with
 * store_answers_free. Items never answered get ANSWER_NONE and "". */
enum store_status store_answers_load(struct store *st, int64_t assessment,
                                     struct store_answer out[153]);
void store_answers_free(struct store_answer *a, int n);
/* Number of history rows for an item (tests, audit). */
int store_history_count(struct store *st, int64_t assessment, int item);

/* Plan actions, one per item. get returns STORE_NOT_FOUND and zeroes *out
 * (task NULL) when none stored. Free strings with store_action_clear. */
enum store_status store_action_get(struct store *st, int64_t assessment, int item,
                                   struct store_action *out);
enum store_status store_action_save(struct store *st, int64_t assessment,
                                    const struct store_action *a);
void store_action_clear(struct store_action *a);

/* Contacts by role key and slot. Same ownership rules as actions. */
enum store_status store_contact_get(struct store *st, int64_t assessment,
                                    const char *role, int slot, struct store_contact *out);
/* Every stored contact of an assessment, by role and slot: *out is
 * malloc'd (NULL when none), free it with store_contacts_free. */
enum store_status store_contacts_load(struct store *st, int64_t assessment,
                                      struct store_contact **out, int *n);
void store_contacts_free(struct store_contact *rows, int n);
enum store_status store_contact_save(struct store *st, int64_t assessment,
                                     const struct store_contact *c);
/* Removes one row; STORE_NOT_FOUND when there was none. */
enum store_status store_contact_delete(struct store *st, int64_t assessment,
                                       const char *role, int slot);
void store_contact_clear(struct store_contact *c);

/* Free-form per-assessment settings (e.g. "alt_ordering" for No.150,
 * "plan_approver"). *value is malloc'd; NOT_FOUND leaves it NULL. */
enum store_status store_setting_get(struct store *st, int64_t assessment,
                                    const char *key, char **value);
enum store_status store_setting_set(struct store *st, int64_t assessment,
                                    const char *key, const char *value);

/* Statements prepared by this handle so far (tests: an answer reuses its
 * statements instead of preparing them again). */
long store_prepare_count(const struct store *st);

/* Makes the file complete on its own (WAL checkpoint), e.g. before export. */
void store_checkpoint(struct store *st);

#endif
