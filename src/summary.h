/* summary: the plain-text report of `kamae summary` (profile, scores, comparison, gaps). */
#ifndef KAMAE_SUMMARY_H
#define KAMAE_SUMMARY_H

#include <stdio.h>
#include "catalog.h"
#include "score.h"
#include "store.h"

/* Last year's answers, for 前年比. */
struct summary_previous {
	int year;
	const struct store_answer *answers;   /* [CATALOG_ITEMS] */
};

/* Writes the report for one assessment to out. answers[i] is item i+1;
 * prev (NULL when there is no earlier year) adds 前年比. */
void summary_print(FILE *out, const struct catalog *cat, const struct store_profile *p,
                   const struct store_answer answers[CATALOG_ITEMS],
                   const struct summary_previous *prev);

/* Formats scaled points like "72.0/100 (72%)", or "n/a (all 該当なし)" when
 * every item of the set is not applicable, into buf. */
void summary_format_points(const struct score_tally *t, char *buf, size_t len);

#endif
