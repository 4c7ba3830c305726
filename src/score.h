/* score: pure scoring — points per level/label/category, the N/A rule, industry comparison. */
#ifndef KAMAE_SCORE_H
#define KAMAE_SCORE_H

#include "answer.h"
#include "catalog.h"

/* Tally of a set of items (a level, a label, a category...). */
struct score_tally {
	int total;        /* items in the set */
	int done, in_progress, not_done, na, unanswered;
	int raw;          /* points: 2 per done, 1 per in progress */
	int max;          /* 2 × total */
};

/* The N/A rule, in one place: 該当なし items leave the denominator and the
 * points are scaled back to the set's maximum:
 *     scaled = raw × total / (total − na)
 * so a company answering 対策完了 to every applicable item reaches max.
 * Unanswered items count as 0 points and stay in the denominator.
 * When every item is N/A the set does not apply: returns -1. */
double score_scaled(const struct score_tally *t);
/* Percent of max of the scaled points (0..100), or -1 when N/A throughout. */
double score_percent(const struct score_tally *t);

void score_tally_add(struct score_tally *t, enum answer a);
int score_tally_answered(const struct score_tally *t);

struct score_report {
	struct score_tally level[CATALOG_LEVELS];
	struct score_tally label[CATALOG_LABELS];
	struct score_tally category[CATALOG_CATEGORIES];
	struct score_tally target;    /* all levels up to the target */
	/* The same sets over the items up to the target only: what a company
	 * aiming at Lv1 is measured on. */
	struct score_tally label_target[CATALOG_LABELS];
	struct score_tally category_target[CATALOG_CATEGORIES];
	int target_level;
};

/* answers[i] is the answer of item i+1. */
void score_compute(const struct catalog *cat, const enum answer answers[CATALOG_ITEMS],
                   int target_level, struct score_report *out);

/* Industry comparison: the 2022 average for a band and target level, on the
 * scale of that target (Lv1 /100, Lv1+Lv2 /248, all /306). */
struct score_compare {
	int available;       /* 0 when the band is unknown */
	double company;      /* the company's scaled points up to the target */
	double company_max;  /* 100, 248 or 306 */
	double industry;     /* the band's 2022 average */
	int companies;       /* companies in that cell */
};
void score_compare_industry(const struct catalog *cat, const struct score_report *r,
                            const char *band_id, struct score_compare *out);

#endif
