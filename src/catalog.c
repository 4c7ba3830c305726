/* catalog: parses and validates the data files (data/FORMAT.md) into read-only structs. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

#include "catalog.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/kamae"
#endif

#define TSV_MAX_FIELDS 10

/* Where a row came from, so that every error names the file and line. */
struct tsv_row {
	const char *file;
	int line;
	int n;
	char *field[TSV_MAX_FIELDS];
};

typedef int (*tsv_row_fn)(struct catalog *cat, const struct tsv_row *row,
                          char *err, size_t errlen);

__attribute__((format(printf, 4, 5)))
static int fail(char *err, size_t errlen, const struct tsv_row *row, const char *fmt, ...)
{
	va_list ap;
	int off = snprintf(err, errlen, "%s:%d: ", row->file, row->line);
	if (off < 0 || (size_t)off >= errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(err + off, errlen - (size_t)off, fmt, ap);
	va_end(ap);
	return -1;
}

const char *catalog_datadir(void)
{
	const char *env = getenv("KAMAE_DATADIR");
	return env && *env ? env : PKGDATADIR;
}

/* Undoes the \n \t \\ escapes in place. */
static void tsv_unescape(char *s)
{
	char *out = s;
	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			*out++ = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s;
		} else {
			*out++ = *s;
		}
	}
	*out = '\0';
}

static int tsv_split(char *line, struct tsv_row *row)
{
	row->n = 0;
	for (char *p = line;;) {
		if (row->n == TSV_MAX_FIELDS)
			return -1;
		row->field[row->n++] = p;
		char *tab = strchr(p, '\t');
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	for (int i = 0; i < row->n; i++)
		tsv_unescape(row->field[i]);
	return 0;
}

static void chomp(char *line)
{
	size_t len = strlen(line);
	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
}

/* Reads dir/name, calling fn for each record of exactly ncols fields. */
static int tsv_read(struct catalog *cat, const char *dir, const char *name, int ncols,
                    tsv_row_fn fn, char *err, size_t errlen)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *fp = fopen(path, "r");
	if (!fp) {
		snprintf(err, errlen, _("%s: cannot read the guideline data (%s); set KAMAE_DATADIR to the folder with the .tsv files"),
		         path, strerror(errno));
		return -1;
	}
	struct tsv_row row = { .file = path };
	char *line = NULL;
	size_t cap = 0;
	int rc = 0;
	while (rc == 0 && getline(&line, &cap, fp) != -1) {
		row.line++;
		chomp(line);
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (tsv_split(line, &row) != 0 || row.n != ncols) {
			rc = fail(err, errlen, &row, _("expected %d tab-separated fields, found %d"),
			          ncols, row.n);
			break;
		}
		rc = fn(cat, &row, err, errlen);
	}
	free(line);
	fclose(fp);
	return rc;
}

/* Parses a whole decimal integer in [min, max]. */
static int parse_int(const char *s, int min, int max, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max)
		return -1;
	*out = (int)v;
	return 0;
}

/* Parses a plain decimal such as 155.0 the same in every locale (strtod
 * would want a decimal comma under de_DE): digits, then optionally a point
 * and digits. The digits make an exact integer, divided once by a power of
 * ten, so the result is as correctly rounded as strtod's. */
static int parse_double(const char *s, double *out)
{
	double mantissa = 0, scale = 1;
	int digits = 0;
	const char *p = s;
	for (; *p >= '0' && *p <= '9'; p++, digits++)
		mantissa = mantissa * 10 + (*p - '0');
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, digits++) {
			mantissa = mantissa * 10 + (*p - '0');
			scale *= 10;
		}
	if (digits == 0 || digits > 15 || *p)
		return -1;
	*out = mantissa / scale;
	return 0;
}

static char *dup_field(const char *s)
{
	char *d = strdup(s);
	if (!d) {
		perror("kamae");
		exit(EXIT_FAILURE);
	}
	return d;
}

static int need_text(const struct tsv_row *row, int col, const char *what,
                     char *err, size_t errlen)
{
	if (row->field[col][0] == '\0')
		return fail(err, errlen, row, _("the column \"%s\" is empty"), what);
	return 0;
}

static int row_category(struct catalog *cat, const struct tsv_row *row, char *err, size_t errlen)
{
	int id;
	if (parse_int(row->field[0], 1, CATALOG_CATEGORIES, &id) != 0)
		return fail(err, errlen, row, _("category id must be 1 to %d"), CATALOG_CATEGORIES);
	struct catalog_category *c = &cat->categories[id - 1];
	if (c->name)
		return fail(err, errlen, row, _("category %d appears twice"), id);
	if (need_text(row, 1, "name", err, errlen))
		return -1;
	c->id = id;
	c->name = dup_field(row->field[1]);
	return 0;
}

static int row_label(struct catalog *cat, const struct tsv_row *row, char *err, size_t errlen)
{
	int number, category, first, last;
	if (parse_int(row->field[0], 1, CATALOG_LABELS, &number) != 0)
		return fail(err, errlen, row, _("label number must be 1 to %d"), CATALOG_LABELS);
	if (parse_int(row->field[1], 1, CATALOG_CATEGORIES, &category) != 0)
		return fail(err, errlen, row, _("label %d: category must be 1 to %d"), number, CATALOG_CATEGORIES);
	if (parse_int(row->field[2], 1, CATALOG_ITEMS, &first) != 0
	    || parse_int(row->field[3], first, CATALOG_ITEMS, &last) != 0)
		return fail(err, errlen, row, _("label %d: bad item range"), number);
	struct catalog_label *l = &cat->labels[number - 1];
	if (l->name)
		return fail(err, errlen, row, _("label %d appears twice"), number);
	if (need_text(row, 4, "name", err, errlen) || need_text(row, 5, "purpose", err, errlen))
		return -1;
	*l = (struct catalog_label){ number, dup_field(row->field[4]), category, first, last,
	                             dup_field(row->field[5]) };
	return 0;
}

/* "<p>", "</ul>": what the PDF extraction leaves; the guideline's own
 * "<追記>" is text and stays. */
static int has_html_tag(const char *s)
{
	for (const char *p = strchr(s, '<'); p; p = strchr(p + 1, '<'))
		if (p[1] == '/' || (p[1] >= 'a' && p[1] <= 'z'))
			return 1;
	return 0;
}

static int row_item(struct catalog *cat, const struct tsv_row *row, char *err, size_t errlen)
{
	int no, level, label, shares;
	if (parse_int(row->field[0], 1, CATALOG_ITEMS, &no) != 0)
		return fail(err, errlen, row, _("item number must be 1 to %d"), CATALOG_ITEMS);
	if (parse_int(row->field[1], 1, CATALOG_LEVELS, &level) != 0)
		return fail(err, errlen, row, _("item %d: level must be 1 to 3"), no);
	if (parse_int(row->field[2], 1, CATALOG_LABELS, &label) != 0)
		return fail(err, errlen, row, _("item %d: label must be 1 to %d"), no, CATALOG_LABELS);
	if (parse_int(row->field[3], 0, no - 1, &shares) != 0)
		return fail(err, errlen, row, _("item %d: shares must be 0 or an earlier item"), no);
	struct catalog_item *it = &cat->items[no - 1];
	if (it->no)
		return fail(err, errlen, row, _("item %d appears twice"), no);
	for (int col = 4; col < 8; col++)
		if (need_text(row, col, "text", err, errlen))
			return -1;
	if (has_html_tag(row->field[6]) || has_html_tag(row->field[7]))
		return fail(err, errlen, row, _("item %d: HTML left in the text"), no);
	*it = (struct catalog_item){ no, level, label, dup_field(row->field[4]),
	                             dup_field(row->field[5]), dup_field(row->field[6]),
	                             dup_field(row->field[7]), shares };
	return 0;
}

static int row_group(struct catalog *cat, const struct tsv_row *row, char *err, size_t errlen)
{
	int id;
	if (parse_int(row->field[0], 1, CATALOG_GROUPS, &id) != 0)
		return fail(err, errlen, row, _("group id must be 1 or 2"));
	struct catalog_group *g = &cat->groups[id - 1];
	if (g->title)
		return fail(err, errlen, row, _("group %d appears twice"), id);
	if (need_text(row, 1, "title", err, errlen) || need_text(row, 2, "summary", err, errlen))
		return -1;
	*g = (struct catalog_group){ id, dup_field(row->field[1]), dup_field(row->field[2]) };
	return 0;
}

static int parse_item_list(const char *s, struct catalog_measure *m)
{
	char *copy = dup_field(s), *save = NULL;
	int rc = 0;
	m->n_items = 0;
	for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int no;
		if (m->n_items == CATALOG_MEASURE_MAX_ITEMS || parse_int(tok, 1, CATALOG_ITEMS, &no) != 0) {
			rc = -1;
			break;
		}
		m->items[m->n_items++] = no;
	}
	free(copy);
	return rc == 0 && m->n_items > 0 ? 0 : -1;
}

static int n_measures_loaded(const struct catalog *cat)
{
	int n = 0;
	while (n < CATALOG_MEASURES && cat->measures[n].title)
		n++;
	return n;
}

static int row_measure(struct catalog *cat, const struct tsv_row *row, char *err, size_t errlen)
{
	int n = n_measures_loaded(cat);
	if (n == CATALOG_MEASURES)
		return fail(err, errlen, row, _("more than %d measures"), CATALOG_MEASURES);
	struct catalog_measure *m = &cat->measures[n];
	if (parse_int(row->field[0], 1, CATALOG_GROUPS, &m->group) != 0
	    || parse_int(row->field[1], 1, CATALOG_MEASURES, &m->number) != 0)
		return fail(err, errlen, row, _("bad group or measure number"));
	if (parse_item_list(row->field[2], m) != 0)
		return fail(err, errlen, row, _("items must be 1 to %d item numbers separated by commas"),
		            CATALOG_MEASURE_MAX_ITEMS);
	for (int col = 3; col < 6; col++)
		if (need_text(row, col, "text", err, errlen))
			return -1;
	m->title = dup_field(row->field[3]);
	m->purpose = dup_field(row->field[4]);
	m->explanation = dup_field(row->field[5]);
	return 0;
}

static int row_role(struct catalog *cat, const struct tsv_row *row, char *err, size_t errlen)
{
	int id;
	if (parse_int(row->field[0], 1, CATALOG_ROLES, &id) != 0)
		return fail(err, errlen, row, _("role id must be 1 to %d"), CATALOG_ROLES);
	if (cat->roles[id - 1].name)
		return fail(err, errlen, row, _("role %d appears twice"), id);
	if (need_text(row, 1, "name", err, errlen))
		return -1;
	cat->roles[id - 1] = (struct catalog_role){ id, dup_field(row->field[1]) };
	return 0;
}

static int row_effort(struct catalog *cat, const struct tsv_row *row, char *err, size_t errlen)
{
	int id;
	if (parse_int(row->field[0], 1, CATALOG_EFFORTS, &id) != 0)
		return fail(err, errlen, row, _("effort id must be 1 to %d"), CATALOG_EFFORTS);
	if (cat->efforts[id - 1].name)
		return fail(err, errlen, row, _("effort %d appears twice"), id);
	if (need_text(row, 1, "name", err, errlen))
		return -1;
	cat->efforts[id - 1] = (struct catalog_effort){ id, dup_field(row->field[1]) };
	return 0;
}

static int role_by_name(const struct catalog *cat, const char *name, size_t len)
{
	for (int i = 0; i < CATALOG_ROLES; i++)
		if (cat->roles[i].name && strlen(cat->roles[i].name) == len
		    && strncmp(cat->roles[i].name, name, len) == 0)
			return i + 1;
	return 0;
}

/* "IT担当,総務・人事" into role ids; -1 when a name is unknown or too many. */
static int parse_owners(const struct catalog *cat, const char *s, int owners[CATALOG_COACH_OWNERS])
{
	int n = 0;
	while (*s) {
		const char *comma = strchr(s, ',');
		size_t len = comma ? (size_t)(comma - s) : strlen(s);
		int id = role_by_name(cat, s, len);
		if (!id || n == CATALOG_COACH_OWNERS)
			return -1;
		owners[n++] = id;
		s += len + (comma ? 1 : 0);
	}
	return n ? 0 : -1;
}

static int row_coach(struct catalog *cat, const struct tsv_row *row, char *err, size_t errlen)
{
	int no;
	if (parse_int(row->field[0], 1, CATALOG_ITEMS, &no) != 0)
		return fail(err, errlen, row, _("item number must be 1 to %d"), CATALOG_ITEMS);
	struct catalog_coach *c = &cat->coach[no - 1];
	if (c->no)
		return fail(err, errlen, row, _("item %d has a second coach text"), no);
	static const char *const names[] = { "", "plain", "typical", "evidence_done", "evidence_progress" };
	for (int col = 1; col < 5; col++)
		if (need_text(row, col, names[col], err, errlen))
			return -1;
	int owners[CATALOG_COACH_OWNERS] = { 0 }, effort;
	if (parse_owners(cat, row->field[5], owners) != 0)
		return fail(err, errlen, row, _("owner must be one or two names of roles.tsv, separated by commas"));
	if (parse_int(row->field[6], 1, CATALOG_EFFORTS, &effort) != 0)
		return fail(err, errlen, row, _("effort must be 1 to %d"), CATALOG_EFFORTS);
	*c = (struct catalog_coach){ no, dup_field(row->field[1]), dup_field(row->field[2]),
	                             dup_field(row->field[3]), dup_field(row->field[4]),
	                             { owners[0], owners[1] }, effort };
	return 0;
}

static int row_band(struct catalog *cat, const struct tsv_row *row, char *err, size_t errlen)
{
	struct catalog_band b = { 0 };
	for (int lv = 0; lv < CATALOG_LEVELS; lv++)
		if (parse_int(row->field[2 + 2 * lv], 0, 1000000, &b.companies[lv]) != 0
		    || parse_double(row->field[3 + 2 * lv], &b.average[lv]) != 0)
			return fail(err, errlen, row, _("bad company count or average"));
	if (need_text(row, 0, "id", err, errlen) || need_text(row, 1, "name", err, errlen)
	    || need_text(row, 8, "short", err, errlen))
		return -1;
	if (catalog_band(cat, row->field[0]))
		return fail(err, errlen, row, _("band %s appears twice"), row->field[0]);
	struct catalog_band *bands = realloc(cat->bands, sizeof *bands * (size_t)(cat->n_bands + 1));
	if (!bands)
		return fail(err, errlen, row, "%s", strerror(ENOMEM));
	b.id = dup_field(row->field[0]);
	b.name = dup_field(row->field[1]);
	b.short_name = dup_field(row->field[8]);
	cat->bands = bands;
	cat->bands[cat->n_bands++] = b;
	return 0;
}

/* Only the 2022 row is used for comparison; other years are kept in the file. */
static int row_overall(struct catalog *cat, const struct tsv_row *row, char *err, size_t errlen)
{
	int year, answers;
	if (parse_int(row->field[0], 2000, 2100, &year) != 0
	    || parse_int(row->field[1], 1, 1000000, &answers) != 0)
		return fail(err, errlen, row, _("bad year or answer count"));
	if (year != 2022)
		return 0;
	for (int lv = 0; lv < CATALOG_LEVELS; lv++)
		if (parse_double(row->field[2 + lv], &cat->overall_average[lv]) != 0)
			return fail(err, errlen, row, _("bad average"));
	cat->overall_answers = answers;
	return 0;
}

static int row_term(struct catalog *cat, const struct tsv_row *row, char *err, size_t errlen)
{
	int no;
	if (parse_int(row->field[0], 1, 10000, &no) != 0 || no != cat->n_terms + 1)
		return fail(err, errlen, row, _("glossary numbers must run 1, 2, 3... in order"));
	if (need_text(row, 1, "term", err, errlen) || need_text(row, 2, "definition", err, errlen))
		return -1;
	struct catalog_term *terms = realloc(cat->terms, sizeof *terms * (size_t)(cat->n_terms + 1));
	if (!terms)
		return fail(err, errlen, row, "%s", strerror(ENOMEM));
	cat->terms = terms;
	cat->terms[cat->n_terms++] = (struct catalog_term){ no, dup_field(row->field[1]),
	                                                    dup_field(row->field[2]) };
	return 0;
}

__attribute__((format(printf, 3, 4)))
static int bad(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/* Cross-file checks: the fixed facts of guideline v2.3. */
static int validate(const struct catalog *cat, const char *dir, char *err, size_t errlen)
{
	static const int level_counts[CATALOG_LEVELS] = { 50, 74, 29 };
	int counts[CATALOG_LEVELS] = { 0 };

	for (int i = 0; i < CATALOG_CATEGORIES; i++)
		if (!cat->categories[i].name)
			return bad(err, errlen, _("%s/categories.tsv: category %d is missing"), dir, i + 1);
	for (int i = 0; i < CATALOG_LABELS; i++) {
		const struct catalog_label *l = &cat->labels[i];
		if (!l->name)
			return bad(err, errlen, _("%s/labels.tsv: label %d is missing"), dir, i + 1);
		int expected_first = i == 0 ? 1 : cat->labels[i - 1].last + 1;
		if (l->first != expected_first)
			return bad(err, errlen, _("%s/labels.tsv: label %d must start at item %d"),
			                dir, i + 1, expected_first);
	}
	if (cat->labels[CATALOG_LABELS - 1].last != CATALOG_ITEMS)
		return bad(err, errlen, _("%s/labels.tsv: the last label must end at item %d"),
		                dir, CATALOG_ITEMS);
	for (int i = 0; i < CATALOG_ITEMS; i++) {
		const struct catalog_item *it = &cat->items[i];
		if (!it->no)
			return bad(err, errlen, _("%s/items.tsv: item %d is missing"), dir, i + 1);
		const struct catalog_label *l = &cat->labels[it->label - 1];
		if (it->no < l->first || it->no > l->last)
			return bad(err, errlen, _("%s/items.tsv: item %d is outside label %d (%d-%d)"),
			                dir, it->no, l->number, l->first, l->last);
		if (it->shares_condition_of && strcmp(it->condition, cat->items[it->shares_condition_of - 1].condition) != 0)
			return bad(err, errlen, _("%s/items.tsv: item %d must repeat the condition of item %d"),
			                dir, it->no, it->shares_condition_of);
		counts[it->level - 1]++;
	}
	for (int lv = 0; lv < CATALOG_LEVELS; lv++)
		if (counts[lv] != level_counts[lv])
			return bad(err, errlen, _("%s/items.tsv: %d items at Lv%d, expected %d"),
			                dir, counts[lv], lv + 1, level_counts[lv]);
	for (int g = 0; g < CATALOG_GROUPS; g++)
		if (!cat->groups[g].title)
			return bad(err, errlen, _("%s/groups.tsv: group %d is missing"), dir, g + 1);
	if (n_measures_loaded(cat) != CATALOG_MEASURES)
		return bad(err, errlen, _("%s/measures.tsv: expected %d measures"), dir, CATALOG_MEASURES);
	int prio[CATALOG_PRIORITY_ITEMS + CATALOG_MEASURE_MAX_ITEMS], n = 0;
	for (int m = 0; m < CATALOG_MEASURES; m++)
		for (int k = 0; k < cat->measures[m].n_items && n < (int)(sizeof prio / sizeof prio[0]); k++) {
			int no = cat->measures[m].items[k];
			if (cat->items[no - 1].level != 1)
				return bad(err, errlen, _("%s/measures.tsv: priority item %d is not Lv1"), dir, no);
			for (int j = 0; j < n; j++)
				if (prio[j] == no)
					return bad(err, errlen, _("%s/measures.tsv: item %d is listed twice"), dir, no);
			prio[n++] = no;
		}
	if (n != CATALOG_PRIORITY_ITEMS)
		return bad(err, errlen, _("%s/measures.tsv: %d priority items, expected %d"),
		                dir, n, CATALOG_PRIORITY_ITEMS);
	for (int i = 0; i < CATALOG_ROLES; i++)
		if (!cat->roles[i].name)
			return bad(err, errlen, _("%s/roles.tsv: role %d is missing"), dir, i + 1);
	for (int i = 0; i < CATALOG_EFFORTS; i++)
		if (!cat->efforts[i].name)
			return bad(err, errlen, _("%s/efforts.tsv: effort %d is missing"), dir, i + 1);
	for (int i = 0; i < CATALOG_ITEMS; i++)
		if (!cat->coach[i].no)
			return bad(err, errlen, _("%s/coach.tsv: item %d has no coach text"), dir, i + 1);
	if (cat->n_bands == 0 || cat->overall_answers == 0)
		return bad(err, errlen, _("%s/bands.tsv, overall.tsv: the 2022 statistics are missing"), dir);
	return 0;
}

struct catalog *catalog_load(const char *dir, char *err, size_t errlen)
{
	static const struct {
		const char *name;
		int ncols;
		tsv_row_fn fn;
	} files[] = {
		{ "categories.tsv", 2, row_category },
		{ "labels.tsv", 6, row_label },
		{ "items.tsv", 8, row_item },
		{ "groups.tsv", 3, row_group },
		{ "measures.tsv", 6, row_measure },
		{ "roles.tsv", 2, row_role },
		{ "efforts.tsv", 2, row_effort },
		{ "coach.tsv", 7, row_coach },
		{ "bands.tsv", 9, row_band },
		{ "overall.tsv", 5, row_overall },
		{ "glossary.tsv", 3, row_term },
	};
	struct catalog *cat = calloc(1, sizeof *cat);
	if (!cat) {
		snprintf(err, errlen, "%s", strerror(ENOMEM));
		return NULL;
	}
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
		if (tsv_read(cat, dir, files[i].name, files[i].ncols, files[i].fn, err, errlen) != 0) {
			catalog_free(cat);
			return NULL;
		}
	if (validate(cat, dir, err, errlen) != 0) {
		catalog_free(cat);
		return NULL;
	}
	return cat;
}

void catalog_free(struct catalog *cat)
{
	if (!cat)
		return;
	for (int i = 0; i < CATALOG_ITEMS; i++) {
		struct catalog_item *it = &cat->items[i];
		free(it->purpose), free(it->requirement), free(it->condition), free(it->criteria);
	}
	for (int i = 0; i < CATALOG_LABELS; i++)
		free(cat->labels[i].name), free(cat->labels[i].purpose);
	for (int i = 0; i < CATALOG_CATEGORIES; i++)
		free(cat->categories[i].name);
	for (int i = 0; i < CATALOG_GROUPS; i++)
		free(cat->groups[i].title), free(cat->groups[i].summary);
	for (int i = 0; i < CATALOG_MEASURES; i++) {
		struct catalog_measure *m = &cat->measures[i];
		free(m->title), free(m->purpose), free(m->explanation);
	}
	for (int i = 0; i < CATALOG_ITEMS; i++) {
		struct catalog_coach *c = &cat->coach[i];
		free(c->plain), free(c->typical), free(c->evidence_done), free(c->evidence_progress);
	}
	for (int i = 0; i < CATALOG_ROLES; i++)
		free(cat->roles[i].name);
	for (int i = 0; i < CATALOG_EFFORTS; i++)
		free(cat->efforts[i].name);
	for (int i = 0; i < cat->n_bands; i++)
		free(cat->bands[i].id), free(cat->bands[i].name), free(cat->bands[i].short_name);
	for (int i = 0; i < cat->n_terms; i++)
		free(cat->terms[i].term), free(cat->terms[i].definition);
	free(cat->bands);
	free(cat->terms);
	free(cat);
}

const struct catalog_item *catalog_item(const struct catalog *cat, int no)
{
	return no >= 1 && no <= CATALOG_ITEMS ? &cat->items[no - 1] : NULL;
}

const struct catalog_label *catalog_label(const struct catalog *cat, int number)
{
	return number >= 1 && number <= CATALOG_LABELS ? &cat->labels[number - 1] : NULL;
}

const struct catalog_category *catalog_category(const struct catalog *cat, int id)
{
	return id >= 1 && id <= CATALOG_CATEGORIES ? &cat->categories[id - 1] : NULL;
}

const struct catalog_band *catalog_band(const struct catalog *cat, const char *id)
{
	for (int i = 0; id && i < cat->n_bands; i++)
		if (strcmp(cat->bands[i].id, id) == 0)
			return &cat->bands[i];
	return NULL;
}

const struct catalog_coach *catalog_coach(const struct catalog *cat, int no)
{
	return no >= 1 && no <= CATALOG_ITEMS && cat->coach[no - 1].no ? &cat->coach[no - 1] : NULL;
}

void catalog_owner_text(const struct catalog *cat, const struct catalog_coach *c, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < CATALOG_COACH_OWNERS && c->owners[i] && used < len; i++) {
		int n = snprintf(buf + used, len - used, "%s%s", i ? "、" : "", cat->roles[c->owners[i] - 1].name);
		used += n > 0 ? (size_t)n : 0;
	}
}

const char *catalog_effort_name(const struct catalog *cat, int effort)
{
	return effort >= 1 && effort <= CATALOG_EFFORTS ? cat->efforts[effort - 1].name : "";
}

/* The guideline writes "MAC アドレス" in the glossary and often
 * "MACアドレス" in the text: a term matches with or without its spaces. */
static int mentions_term(const char *text, const char *term)
{
	if (strstr(text, term))
		return 1;
	if (!strchr(term, ' '))
		return 0;
	char packed[256];
	size_t n = 0;
	for (const char *p = term; *p && n + 1 < sizeof packed; p++)
		if (*p != ' ')
			packed[n++] = *p;
	packed[n] = '\0';
	return strstr(text, packed) != NULL;
}

int catalog_item_terms(const struct catalog *cat, int no, int *out, int max)
{
	const struct catalog_item *it = catalog_item(cat, no);
	const struct catalog_coach *c = catalog_coach(cat, no);
	if (!it)
		return 0;
	const char *texts[] = { it->requirement, it->condition, it->criteria,
	                        c ? c->plain : "", c ? c->typical : "",
	                        c ? c->evidence_done : "", c ? c->evidence_progress : "" };
	int n = 0;
	for (int t = 0; t < cat->n_terms && n < max; t++)
		for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
			if (mentions_term(texts[i], cat->terms[t].term)) {
				out[n++] = t;
				break;
			}
	return n;
}

const struct catalog_measure *catalog_measure_of(const struct catalog *cat, int no)
{
	for (int m = 0; m < CATALOG_MEASURES; m++)
		for (int k = 0; k < cat->measures[m].n_items; k++)
			if (cat->measures[m].items[k] == no)
				return &cat->measures[m];
	return NULL;
}

int catalog_priority_items(const struct catalog *cat, int out[CATALOG_PRIORITY_ITEMS])
{
	int n = 0;
	for (int m = 0; m < CATALOG_MEASURES; m++)
		for (int k = 0; k < cat->measures[m].n_items && n < CATALOG_PRIORITY_ITEMS; k++)
			out[n++] = cat->measures[m].items[k];
	return n;
}

int catalog_is_priority(const struct catalog *cat, int no)
{
	return catalog_measure_of(cat, no) != NULL;
}

int catalog_level_max(const struct catalog *cat, int level)
{
	int n = 0;
	for (int i = 0; i < CATALOG_ITEMS; i++)
		n += cat->items[i].level == level;
	return 2 * n;
}
