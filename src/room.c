/* room: many kamae files read side by side, and the room's figures. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"

#include "room.h"

/* ---- the files ---- */

static struct room_company *room_push(struct room *r, const char *path)
{
	if (r->n == r->cap) {
		int cap = r->cap ? r->cap * 2 : 64;
		struct room_company *grown = realloc(r->company, (size_t)cap * sizeof *grown);
		if (!grown)
			return NULL;
		r->company = grown;
		r->cap = cap;
	}
	struct room_company *c = &r->company[r->n];
	memset(c, 0, sizeof *c);
	c->path = strdup(path);
	if (!c->path)
		return NULL;
	r->n++;
	return c;
}

static int room_is_db_name(const char *name)
{
	size_t n = strlen(name);
	return name[0] != '.' && n > 3 && strcmp(name + n - 3, ".db") == 0;
}

static void room_skip(struct room_company *c, enum store_status status, const char *reason,
                      const char *reason_short)
{
	c->status = status == STORE_OK ? STORE_ERR_IO : status;
	snprintf(c->reason, sizeof c->reason, "%s", reason);
	snprintf(c->reason_short, sizeof c->reason_short, "%s", reason_short);
}

/* Every *.db of a folder, not its subfolders: a facilitator's folder of
 * company files, where the lock and WAL files beside them are not ours to
 * read. */
static int room_add_folder(struct room *r, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		struct room_company *c = room_push(r, dir);
		if (!c)
			return -1;
		char why[1024];
		snprintf(why, sizeof why, _("cannot list the folder %s (%s)"), dir, strerror(errno));
		room_skip(c, STORE_ERR_IO, why, _("a folder that cannot be listed"));
		return 0;
	}
	struct dirent *e;
	char path[PATH_MAX];
	int rc = 0;
	while ((e = readdir(d)) && rc == 0) {
		if (!room_is_db_name(e->d_name))
			continue;
		int len = snprintf(path, sizeof path, "%s%s%s", dir,
		                   dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
		if (len < 0 || (size_t)len >= sizeof path)
			continue;
		struct stat sb;
		if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
			continue;
		if (!room_push(r, path))
			rc = -1;
	}
	closedir(d);
	return rc;
}

int room_add(struct room *r, const char *path)
{
	struct stat sb;
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return room_add_folder(r, path);
	return room_push(r, path) ? 0 : -1;
}

static int room_by_path(const void *a, const void *b)
{
	return strcmp(((const struct room_company *)a)->path, ((const struct room_company *)b)->path);
}

/* The same file named twice (a folder and a file in it, a link) counts once. */
static void room_dedupe(struct room *r)
{
	char **real = calloc((size_t)r->n + 1, sizeof *real);
	if (!real)
		return;
	int kept = 0;
	for (int i = 0; i < r->n; i++) {
		char *rp = realpath(r->company[i].path, NULL);
		int seen = 0;
		for (int k = 0; rp && k < kept && !seen; k++)
			seen = real[k] && strcmp(real[k], rp) == 0;
		if (seen) {
			free(rp);
			free(r->company[i].path);
			continue;
		}
		real[kept] = rp;
		r->company[kept++] = r->company[i];
	}
	for (int k = 0; k < kept; k++)
		free(real[k]);
	free(real);
	r->n = kept;
}

/* ---- one company ---- */

static const char *room_status_short(enum store_status s)
{
	switch (s) {
	case STORE_ERR_NOT_DB: return _("not a database (not SQLite)");
	case STORE_ERR_NOT_KAMAE: return _("a database of another program");
	case STORE_ERR_CORRUPT: return _("damaged");
	case STORE_ERR_NEWER: return _("written by a newer kamae");
	case STORE_ERR_LOCKED: return _("locked by a program changing it");
	case STORE_ERR_READONLY: return _("left unfinished by a crash");
	case STORE_NOT_FOUND: return _("no assessment yet");
	case STORE_ERR_INVALID: return _("not a regular file");
	default: return _("cannot be read");
	}
}

static const char *room_basename(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* The figures of one assessment: levels and target as kamae summary has
 * them, the labels over the items up to the target (score_report). */
static void room_tally(const struct catalog *cat, struct room_company *c,
                       const struct store_answer answers[CATALOG_ITEMS])
{
	enum answer values[CATALOG_ITEMS];
	for (int i = 0; i < CATALOG_ITEMS; i++) {
		values[i] = answers[i].value;
		c->unconfirmed += !answers[i].confirmed;
		if (catalog_is_priority(cat, i + 1)) {
			c->priority_done += values[i] == ANSWER_DONE;
			c->priority_unanswered += values[i] == ANSWER_NONE;
		}
	}
	score_compute(cat, values, c->profile.target_level, &c->score);
	c->answered = score_tally_answered(&c->score.target);
	c->total = c->score.target.total;
	score_compare_industry(cat, &c->score, c->profile.band, &c->industry);
}

static void room_read_one(const struct catalog *cat, struct room_company *c, int year)
{
	char err[1024];
	enum store_status status;
	struct store *st = store_open_readonly(c->path, &status, err, sizeof err);
	if (!st) {
		room_skip(c, status, err, room_status_short(status));
		return;
	}
	status = year ? store_profile_by_year(st, year, &c->profile)
	              : store_profile_current(st, &c->profile);
	struct store_answer answers[CATALOG_ITEMS];
	if (status == STORE_OK)
		status = store_answers_load(st, c->profile.id, answers);
	if (status == STORE_OK) {
		room_tally(cat, c, answers);
		store_answers_free(answers, CATALOG_ITEMS);
		c->status = STORE_OK;
		snprintf(c->name, sizeof c->name, "%s",
		         c->profile.company[0] ? c->profile.company : room_basename(c->path));
	} else if (status == STORE_NOT_FOUND && year) {
		char why[1024], brief[256];
		snprintf(why, sizeof why, _("%s has no assessment for %d"), c->path, year);
		snprintf(brief, sizeof brief, _("no assessment for %d"), year);
		room_skip(c, status, why, brief);
	} else {
		room_skip(c, status, store_error(st), room_status_short(status));
	}
	store_close(st);
}

/* ---- the room ---- */

void room_letter(int i, char *buf, size_t len)
{
	char tmp[16];
	int n = 0;
	/* Bijective base 26: A..Z, AA..ZZ, AAA... */
	for (int k = i + 1; k > 0 && n < (int)sizeof tmp - 1; k = (k - 1) / 26)
		tmp[n++] = (char)('A' + (k - 1) % 26);
	for (int a = 0; a < n && (size_t)a + 1 < len; a++)
		buf[a] = tmp[n - 1 - a];
	buf[(size_t)n < len ? (size_t)n : len - 1] = '\0';
}

/* FNV-1a of a file name: an order that stays the same from one run to the
 * next but does not follow the file names (often the companies' names). */
static uint32_t room_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* By the hash of the file's name (not its folder): the same letters
 * wherever the facilitator keeps the files. */
static int room_by_hash(const void *a, const void *b)
{
	const struct room_company *x = a, *y = b;
	uint32_t hx = room_hash(room_basename(x->path)), hy = room_hash(room_basename(y->path));
	return hx < hy ? -1 : hx > hy ? 1 : strcmp(x->path, y->path);
}

static void room_anonymize(struct room *r)
{
	int k = 0;
	qsort(r->company, (size_t)r->n, sizeof *r->company, room_by_hash);
	for (int i = 0; i < r->n; i++) {
		struct room_company *c = &r->company[i];
		char letter[16];
		if (c->status != STORE_OK)
			continue;
		room_letter(k++, letter, sizeof letter);
		snprintf(c->name, sizeof c->name, _("%s社"), letter);
	}
}

static void room_labels(struct room *r)
{
	for (int l = 0; l < CATALOG_LABELS; l++) {
		double sum = 0;
		int n = 0, below = 0;
		for (int i = 0; i < r->n; i++) {
			const struct room_company *c = &r->company[i];
			/* A company that has not answered yet would read as 0 %. */
			double pct = c->status == STORE_OK && c->answered ? score_percent(&c->score.label_target[l])
			                                                  : -1;
			if (pct < 0)
				continue;
			sum += pct;
			n++;
			below += pct < 50.0;
		}
		r->label_average[l] = n ? sum / n : -1;
		r->label_companies[l] = n;
		r->label_below_half[l] = below;
	}
	/* The weakest labels: lowest average first, ties in label order. */
	int used[CATALOG_LABELS] = { 0 };
	r->n_weakest = 0;
	while (r->n_weakest < ROOM_WEAKEST) {
		int best = -1;
		for (int l = 0; l < CATALOG_LABELS; l++)
			if (!used[l] && r->label_average[l] >= 0
			    && (best < 0 || r->label_average[l] < r->label_average[best]))
				best = l;
		if (best < 0)
			break;
		used[best] = 1;
		r->weakest[r->n_weakest++] = best + 1;
	}
}

static void room_totals(struct room *r)
{
	r->n_read = r->n_skipped = r->compared = r->above_industry = 0;
	r->year_min = r->year_max = 0;
	for (int i = 0; i < r->n; i++) {
		const struct room_company *c = &r->company[i];
		if (c->status != STORE_OK) {
			r->n_skipped++;
			continue;
		}
		r->n_read++;
		if (!r->year_min || c->profile.year < r->year_min)
			r->year_min = c->profile.year;
		if (c->profile.year > r->year_max)
			r->year_max = c->profile.year;
		if (c->industry.available && c->industry.company >= 0) {
			r->compared++;
			r->above_industry += c->industry.company >= c->industry.industry;
		}
	}
}

void room_read(struct room *r, const struct catalog *cat, int year, int anonymous)
{
	r->cat = cat;
	r->year = year;
	r->anonymous = anonymous;
	room_dedupe(r);
	qsort(r->company, (size_t)r->n, sizeof *r->company, room_by_path);
	for (int i = 0; i < r->n; i++)
		if (!r->company[i].reason[0])
			room_read_one(cat, &r->company[i], year);
	if (anonymous)
		room_anonymize(r);
	room_totals(r);
	room_labels(r);
}

void room_free(struct room *r)
{
	for (int i = 0; i < r->n; i++)
		free(r->company[i].path);
	free(r->company);
	memset(r, 0, sizeof *r);
}
