/* catalog: the guideline's fixed facts (items, labels, measures, statistics), read-only once loaded. */
#ifndef KAMAE_CATALOG_H
#define KAMAE_CATALOG_H

#include <stddef.h>

#define CATALOG_ITEMS 153
#define CATALOG_LABELS 24
#define CATALOG_CATEGORIES 5
#define CATALOG_LEVELS 3
#define CATALOG_GROUPS 2
#define CATALOG_MEASURES 8
#define CATALOG_PRIORITY_ITEMS 19
#define CATALOG_MEASURE_MAX_ITEMS 8
#define CATALOG_ROLES 5
#define CATALOG_EFFORTS 4
#define CATALOG_COACH_OWNERS 2

struct catalog_category {
	int id;             /* 1..5, in the checksheet's order */
	char *name;         /* 共通, 特定, 防御, 検知, 対応・復旧 */
};

struct catalog_label {
	int number;         /* 1..24 */
	char *name;
	int category;       /* catalog_category.id */
	int first, last;    /* item numbers, inclusive */
	char *purpose;      /* 目的 as printed for the label */
};

struct catalog_item {
	int no;             /* 1..153 */
	int level;          /* 1..3 */
	int label;          /* 1..24 */
	char *purpose;      /* 目的 */
	char *requirement;  /* 要求事項 */
	char *condition;    /* 達成条件; the shared one where the cell is empty */
	char *criteria;     /* 達成基準: plain text, lines separated by '\n' */
	int shares_condition_of; /* item whose condition this one shares, or 0 */
};

struct catalog_group {
	int id;             /* 1 or 2 */
	char *title;
	char *summary;      /* our own words: why this group comes first */
};

struct catalog_measure {
	int group;          /* catalog_group.id */
	int number;         /* 1-based within the group */
	char *title;
	char *purpose;      /* the brochure's purpose, in our words */
	char *explanation;  /* plain explanation for a non-specialist, our words */
	int n_items;
	int items[CATALOG_MEASURE_MAX_ITEMS]; /* brochure order */
};

/* One employee band of the 2022 statistics; index 0..2 = target Lv1..Lv3. */
struct catalog_band {
	char *id;           /* stable key stored in the database, e.g. "le100" */
	char *name;         /* as printed, e.g. 100名以下 */
	char *short_name;   /* ours, at most 7 columns, e.g. 〜100名 */
	int companies[CATALOG_LEVELS];
	double average[CATALOG_LEVELS]; /* points out of 100 / 248 / 306 */
};

struct catalog_term {
	int no;
	char *term;
	char *definition;
};

/* Who in a small company usually owns an item (担当), and how much it takes
 * (手間): names in our words, from roles.tsv and efforts.tsv. */
struct catalog_role {
	int id;             /* 1..CATALOG_ROLES */
	char *name;         /* 経営者, 情報セキュリティ責任者, ... */
};

struct catalog_effort {
	int id;             /* 1..CATALOG_EFFORTS, cheapest first */
	char *name;         /* すぐできる（費用なし）, ... */
};

/* Our own guidance for one item: every item has one. */
struct catalog_coach {
	int no;
	char *plain;        /* わかりやすく言うと: what the item asks, in everyday words */
	char *typical;      /* よくある取り組み: what a small factory typically does */
	char *evidence_done;     /* 対策完了と言える根拠, with an example note */
	char *evidence_progress; /* 対策中・未実施の目安 */
	int owners[CATALOG_COACH_OWNERS]; /* role ids, 0 = none (the first is set) */
	int effort;              /* effort id */
};

struct catalog {
	struct catalog_item items[CATALOG_ITEMS];       /* index = no - 1 */
	struct catalog_label labels[CATALOG_LABELS];    /* index = number - 1 */
	struct catalog_category categories[CATALOG_CATEGORIES];
	struct catalog_group groups[CATALOG_GROUPS];
	struct catalog_measure measures[CATALOG_MEASURES]; /* group, then number */
	struct catalog_coach coach[CATALOG_ITEMS];      /* index = no - 1 */
	struct catalog_role roles[CATALOG_ROLES];       /* index = id - 1 */
	struct catalog_effort efforts[CATALOG_EFFORTS]; /* index = id - 1 */
	struct catalog_band *bands;  /* largest companies first */
	int n_bands;
	struct catalog_term *terms;
	int n_terms;
	/* All valid answers of 2022, per level (points out of 100/148/58). */
	double overall_average[CATALOG_LEVELS];
	int overall_answers;
};

/* Directory of the data files: $KAMAE_DATADIR if set, else PKGDATADIR. */
const char *catalog_datadir(void);

/* Loads and validates every data file in dir. On failure returns NULL and
 * writes a message naming the file and line into err. Free with catalog_free. */
struct catalog *catalog_load(const char *dir, char *err, size_t errlen);
void catalog_free(struct catalog *cat);

/* Lookups; NULL when out of range. Pointers live as long as the catalog. */
const struct catalog_item *catalog_item(const struct catalog *cat, int no);
const struct catalog_label *catalog_label(const struct catalog *cat, int number);
const struct catalog_category *catalog_category(const struct catalog *cat, int id);
const struct catalog_band *catalog_band(const struct catalog *cat, const char *id);
const struct catalog_coach *catalog_coach(const struct catalog *cat, int no);
/* "IT担当、総務・人事": the coach's owners joined for display, into buf. */
void catalog_owner_text(const struct catalog *cat, const struct catalog_coach *c, char *buf, size_t len);
/* The effort class's name, or "" for an unknown id. */
const char *catalog_effort_name(const struct catalog *cat, int effort);
/* The glossary terms that occur in the item's texts (the guideline's and the
 * coach's), in glossary order: fills out[] with term indexes into
 * cat->terms and returns how many (at most max). */
int catalog_item_terms(const struct catalog *cat, int no, int *out, int max);
/* The measure an item belongs to, or NULL when it is not a priority item. */
const struct catalog_measure *catalog_measure_of(const struct catalog *cat, int no);

/* Fills out[] with the 19 priority item numbers in brochure order; returns 19. */
int catalog_priority_items(const struct catalog *cat, int out[CATALOG_PRIORITY_ITEMS]);
int catalog_is_priority(const struct catalog *cat, int no);

/* Maximum points of a level: 2 × its number of items (100 / 148 / 58). */
int catalog_level_max(const struct catalog *cat, int level);

#endif
