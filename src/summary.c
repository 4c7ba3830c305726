/* summary: the plain-text report of `kamae summary`. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include "i18n.h"

#include "assessment.h"
#include "plan.h"
#include "score.h"
#include "summary.h"
#include "text.h"

void summary_format_points(const struct score_tally *t, char *buf, size_t len)
{
	double scaled = score_scaled(t);
	if (scaled < 0)
		snprintf(buf, len, _("n/a (all 該当なし)"));
	else
		snprintf(buf, len, "%.1f/%d (%.0f%%)", scaled, t->max, score_percent(t));
}

static void print_tally(FILE *out, const char *name, int name_cols, const struct score_tally *t)
{
	char points[64], padded[256];
	summary_format_points(t, points, sizeof points);
	text_pad(name, name_cols, padded, sizeof padded);
	fprintf(out, "  %s %-22s", padded, points);
	fprintf(out, _("  answered %d/%d, raw %d, 該当なし %d"), score_tally_answered(t), t->total,
	        t->raw, t->na);
	fputc('\n', out);
}

static void print_profile(FILE *out, const struct catalog *cat, const struct store_profile *p)
{
	const struct catalog_band *band = catalog_band(cat, p->band);
	fprintf(out, _("Company:      %s\n"), p->company[0] ? p->company : _("(not set)"));
	fprintf(out, _("Employees:    %s\n"), band ? band->name : _("(not set)"));
	fprintf(out, _("Target level: Lv%d\n"), p->target_level);
	fprintf(out, _("Year:         %d\n"), p->year);
	fprintf(out, _("Assessor:     %s\n"), p->assessor[0] ? p->assessor : _("(not set)"));
	fprintf(out, _("Guideline:    v%s\n"), p->guideline);
}

static void print_levels(FILE *out, const struct score_report *r)
{
	fprintf(out, _("\nAnswered per level:\n"));
	for (int lv = 0; lv < CATALOG_LEVELS; lv++)
		fprintf(out, "  Lv%d %3d/%d\n", lv + 1, score_tally_answered(&r->level[lv]),
		        r->level[lv].total);
	fprintf(out, _("\nPoints per level (該当なし left out, scaled to the maximum):\n"));
	for (int lv = 0; lv < CATALOG_LEVELS; lv++) {
		char name[8];
		snprintf(name, sizeof name, "Lv%d", lv + 1);
		print_tally(out, name, 3, &r->level[lv]);
	}
}

static void print_groups(FILE *out, const struct catalog *cat, const struct score_report *r)
{
	fprintf(out, _("\nPoints per category (all levels):\n"));
	for (int c = 0; c < CATALOG_CATEGORIES; c++)
		print_tally(out, cat->categories[c].name, 10, &r->category[c]);
	fprintf(out, _("\nPoints per label (all levels):\n"));
	for (int l = 0; l < CATALOG_LABELS; l++) {
		char name[256];
		snprintf(name, sizeof name, "%2d %s", l + 1, cat->labels[l].name);
		print_tally(out, name, 36, &r->label[l]);
	}
}

static void print_comparison(FILE *out, const struct catalog *cat, const struct store_profile *p,
                             const struct score_report *r)
{
	struct score_compare cmp;
	char points[64];
	score_compare_industry(cat, r, p->band, &cmp);
	summary_format_points(&r->target, points, sizeof points);
	fprintf(out, _("\nUp to the target level Lv%d: %s\n"), p->target_level, points);
	if (!cmp.available) {
		fprintf(out, _("Industry comparison: set the employee band to compare (kamae init --band ID).\n"));
		return;
	}
	const struct catalog_band *band = catalog_band(cat, p->band);
	fprintf(out, ngettext("2022 industry average, %s, target Lv%d: %.1f/%.0f (%d company)\n",
	                      "2022 industry average, %s, target Lv%d: %.1f/%.0f (%d companies)\n",
	                      (unsigned long)cmp.companies),
	        band->name, p->target_level, cmp.industry, cmp.company_max, cmp.companies);
	if (cmp.company >= 0)
		fprintf(out, _("Difference: %+.1f points\n"), cmp.company - cmp.industry);
}

static void print_unanswered_priority(FILE *out, const struct catalog *cat,
                                      const struct store_answer answers[CATALOG_ITEMS])
{
	int prio[CATALOG_PRIORITY_ITEMS], missing = 0, done = 0;
	int n = catalog_priority_items(cat, prio);
	for (int i = 0; i < n; i++)
		done += answers[prio[i] - 1].value == ANSWER_DONE;
	fprintf(out, _("\nPriority items 対策完了: %d/%d\n"), done, n);
	fprintf(out, _("Unanswered priority items:"));
	for (int i = 0; i < n; i++)
		if (answers[prio[i] - 1].value == ANSWER_NONE) {
			fprintf(out, " %d", prio[i]);
			missing++;
		}
	if (!missing)
		fprintf(out, _(" none"));
	fputc('\n', out);
}

/* Evidence to write or renew: missing, no reason for 該当なし, or aged. */
static void print_evidence(FILE *out, const struct store_answer answers[CATALOG_ITEMS])
{
	char today[11];
	int n = 0;
	date_today(today);
	for (int i = 0; i < CATALOG_ITEMS; i++) {
		enum evidence_issue e = assessment_evidence(&answers[i], today);
		if (e == EVIDENCE_OK)
			continue;
		if (!n++)
			fprintf(out, _("\nEvidence to write or renew (評価の根拠):\n"));
		fprintf(out, "  No.%-4d %s\n", i + 1, assessment_evidence_label(e));
	}
}

/* 要再確認: answers carried from last year and not confirmed yet. */
static void print_unconfirmed(FILE *out, const struct store_answer answers[CATALOG_ITEMS])
{
	int n = 0;
	for (int i = 0; i < CATALOG_ITEMS; i++)
		n += !answers[i].confirmed;
	if (!n)
		return;
	fprintf(out, ngettext("\nTo re-confirm (要再確認): %d answer carried or imported:",
	                      "\nTo re-confirm (要再確認): %d answers carried or imported:",
	                      (unsigned long)n), n);
	for (int i = 0; i < CATALOG_ITEMS; i++)
		if (!answers[i].confirmed)
			fprintf(out, " %d", i + 1);
	fputc('\n', out);
}

static void print_items(FILE *out, const char *title, const int *items, int n)
{
	if (!n)
		return;
	fputs(title, out);
	for (int i = 0; i < n; i++)
		fprintf(out, " No.%d", items[i]);
	fputc('\n', out);
}

/* 前年比: points per level beside last year's, and the items that moved. */
static void print_year_on_year(FILE *out, const struct catalog *cat, const struct store_profile *p,
                               const struct score_report *r,
                               const struct store_answer answers[CATALOG_ITEMS],
                               const struct summary_previous *prev)
{
	enum answer values[CATALOG_ITEMS], now[CATALOG_ITEMS];
	struct score_report before;
	char now_s[64], before_s[64];
	int items[CATALOG_ITEMS];
	for (int i = 0; i < CATALOG_ITEMS; i++) {
		values[i] = prev->answers[i].value;
		now[i] = answers[i].value;
	}
	score_compute(cat, values, p->target_level, &before);
	fprintf(out, _("\nCompared with %d (前年比):\n"), prev->year);
	for (int lv = 0; lv < CATALOG_LEVELS; lv++) {
		summary_format_points(&before.level[lv], before_s, sizeof before_s);
		summary_format_points(&r->level[lv], now_s, sizeof now_s);
		double a = score_scaled(&r->level[lv]), b = score_scaled(&before.level[lv]);
		fprintf(out, "  Lv%d %-18s <- %-18s", lv + 1, now_s, before_s);
		if (a >= 0 && b >= 0)
			fprintf(out, " %+.1f", a - b);
		fputc('\n', out);
	}
	int changed = 0;
	for (int l = 0; l < CATALOG_LABELS; l++) {
		double a = score_scaled(&r->label[l]), b = score_scaled(&before.label[l]);
		if (a < 0 || b < 0 || a == b)
			continue;
		char name[256], padded[256];
		if (!changed++)
			fprintf(out, _("  Labels that changed:\n"));
		snprintf(name, sizeof name, "%2d %s", l + 1, cat->labels[l].name);
		text_pad(name, 34, padded, sizeof padded);
		summary_format_points(&r->label[l], now_s, sizeof now_s);
		fprintf(out, "    %s %-16s %+.1f\n", padded, now_s, a - b);
	}
	print_items(out, _("  Improved:"), items, assessment_moved(now, values, 1, items));
	print_items(out, _("  Fell back:"), items, assessment_moved(now, values, 0, items));
}

void summary_print(FILE *out, const struct catalog *cat, const struct store_profile *p,
                   const struct store_answer answers[CATALOG_ITEMS],
                   const struct summary_previous *prev)
{
	enum answer values[CATALOG_ITEMS];
	struct score_report r;
	for (int i = 0; i < CATALOG_ITEMS; i++)
		values[i] = answers[i].value;
	score_compute(cat, values, p->target_level, &r);
	print_profile(out, cat, p);
	print_levels(out, &r);
	print_comparison(out, cat, p, &r);
	print_groups(out, cat, &r);
	print_unanswered_priority(out, cat, answers);
	print_unconfirmed(out, answers);
	print_evidence(out, answers);
	if (prev)
		print_year_on_year(out, cat, p, &r, answers, prev);
}
