/* score: pure scoring — tallies per level/label/category, the N/A rule, industry comparison. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <string.h>

#include "score.h"

void score_tally_add(struct score_tally *t, enum answer a)
{
	t->total++;
	t->max += 2;
	t->raw += answer_points(a);
	switch (a) {
	case ANSWER_DONE: t->done++; break;
	case ANSWER_IN_PROGRESS: t->in_progress++; break;
	case ANSWER_NOT_DONE: t->not_done++; break;
	case ANSWER_NA: t->na++; break;
	case ANSWER_NONE: t->unanswered++; break;
	}
}

int score_tally_answered(const struct score_tally *t)
{
	return t->total - t->unanswered;
}

/* The one place where 該当なし is handled: see score.h. */
double score_scaled(const struct score_tally *t)
{
	int applicable = t->total - t->na;
	if (applicable <= 0)
		return -1;
	return (double)t->raw * t->total / applicable;
}

double score_percent(const struct score_tally *t)
{
	double scaled = score_scaled(t);
	if (scaled < 0 || t->max == 0)
		return -1;
	return 100.0 * scaled / t->max;
}

void score_compute(const struct catalog *cat, const enum answer answers[CATALOG_ITEMS],
                   int target_level, struct score_report *out)
{
	memset(out, 0, sizeof *out);
	out->target_level = target_level;
	for (int i = 0; i < CATALOG_ITEMS; i++) {
		const struct catalog_item *it = &cat->items[i];
		const struct catalog_label *l = &cat->labels[it->label - 1];
		enum answer a = answers[i];
		score_tally_add(&out->level[it->level - 1], a);
		score_tally_add(&out->label[it->label - 1], a);
		score_tally_add(&out->category[l->category - 1], a);
		if (it->level <= target_level) {
			score_tally_add(&out->target, a);
			score_tally_add(&out->label_target[it->label - 1], a);
			score_tally_add(&out->category_target[l->category - 1], a);
		}
	}
}

void score_compare_industry(const struct catalog *cat, const struct score_report *r,
                            const char *band_id, struct score_compare *out)
{
	memset(out, 0, sizeof *out);
	out->company = score_scaled(&r->target);
	out->company_max = r->target.max;
	const struct catalog_band *b = catalog_band(cat, band_id);
	if (!b || r->target_level < 1 || r->target_level > CATALOG_LEVELS)
		return;
	out->available = 1;
	out->industry = b->average[r->target_level - 1];
	out->companies = b->companies[r->target_level - 1];
}
