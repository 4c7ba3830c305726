/* screen_step: the wizard's current step — measure/label intro, level offer, item, review. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"

#include "assessment.h"
#include "plan.h"
#include "score.h"
#include "summary.h"
#include "text.h"
#include "ui/app.h"
#include "ui/widgets.h"

#define BODY_TOP 5

static int body_rows(void)
{
	return LINES - 3 - BODY_TOP;
}

static enum theme_role answer_role(enum answer v)
{
	switch (v) {
	case ANSWER_DONE: return ROLE_DONE;
	case ANSWER_IN_PROGRESS: return ROLE_PROGRESS;
	case ANSWER_NOT_DONE: return ROLE_NOTDONE;
	case ANSWER_NA: return ROLE_NA;
	default: return ROLE_UNANSWERED;
	}
}

static const char *answer_text(enum answer v)
{
	return v == ANSWER_NONE ? _("unanswered") : answer_label(v);
}

static int context_of(const struct wizard_step *s)
{
	switch (s->kind) {
	case STEP_MEASURE:
	case STEP_LABEL: return CTX_INTRO;
	case STEP_OFFER: return CTX_OFFER;
	case STEP_ITEM: return CTX_ITEM;
	default: return CTX_REVIEW;
	}
}

/* Title bar: where we are on the left, the live score on the right. */
/* "Lv1 12.0/100  Lv2 3.0/148", or without the maxima when compact. */
static void header_scores(struct app *a, const struct score_report *r, int compact,
                          char *score, size_t len)
{
	char part[64];
	score[0] = '\0';
	for (int lv = 0; lv < app_max_level(a); lv++) {
		summary_format_points(&r->level[lv], part, sizeof part);
		char *cut = strstr(part, compact ? "/" : " (");
		if (cut)
			*cut = '\0';
		size_t used = strlen(score);
		snprintf(score + used, len - used, "%sLv%d %s", lv ? "  " : "", lv + 1, part);
	}
}

/* Row 0: whose file and which year, the part of the flow, and the points
 * (shortened, or left out, when the terminal is narrow). Row 1: progress. */
static void draw_header(struct app *a, const struct wizard_step *s)
{
	struct score_report r;
	char score[160], who[128], left[512];
	score_compute(a->cat, a->values, a->profile.target_level, &r);
	app_identity(a, who, sizeof who);
	snprintf(left, sizeof left, "%s | %s", who, wizard_section_name(a->cat, s->section));
	int room = COLS - 2 - text_width(left) - 2;
	header_scores(a, &r, 0, score, sizeof score);
	if (text_width(score) > room)
		header_scores(a, &r, 1, score, sizeof score);
	int w = text_width(score) <= room ? text_width(score) : 0;
	widget_bar_row(0, ROLE_TITLE);
	widget_print(0, 1, COLS - w - 3, left, ROLE_TITLE);
	if (w)
		widget_print(0, COLS - w - 1, w, score, ROLE_TITLE);

	struct wizard_progress pr;
	wizard_progress(&a->wiz, a->open, &pr);
	if (pr.section_total > 0) {
		widget_print(1, 1, 12, _("This part"), ROLE_DIM);
		widget_progress(1, 13, 26, pr.section_done, pr.section_total);
	}
	widget_print(1, 42, 10, _("Overall"), ROLE_DIM);
	widget_progress(1, 52, COLS - 53, pr.all_done, pr.all_total);
}

static void add_heading(struct ui_text *t, const char *title)
{
	ui_text_blank(t);
	ui_text_add(t, title, ROLE_HEADING, 0, 0);
}

static void add_item_list(struct app *a, struct ui_text *t, const int *items, int n)
{
	char line[1024];
	for (int i = 0; i < n; i++) {
		const struct catalog_item *it = catalog_item(a->cat, items[i]);
		snprintf(line, sizeof line, "No.%d  %s", it->no, it->condition);
		ui_text_add(t, line, ROLE_NORMAL, 2, 0);
	}
}

static void build_measure(struct app *a, struct ui_text *t, int m)
{
	const struct catalog_measure *me = &a->cat->measures[m];
	char line[512];
	if (me->number == 1) {
		const struct catalog_group *g = &a->cat->groups[me->group - 1];
		snprintf(line, sizeof line, _("Priority group %d: %s"), g->id, g->title);
		ui_text_add(t, line, ROLE_HEADING, 0, 0);
		ui_text_add(t, g->summary, ROLE_NORMAL, 2, 0);
		ui_text_blank(t);
	}
	snprintf(line, sizeof line, _("Measure %d: %s"), me->number, me->title);
	ui_text_add(t, line, ROLE_KEY, 0, 0);
	add_heading(t, _("Why"));
	ui_text_add(t, me->purpose, ROLE_NORMAL, 2, 0);
	add_heading(t, _("In plain words"));
	ui_text_add(t, me->explanation, ROLE_NORMAL, 2, 0);
	add_heading(t, _("The items of this measure"));
	add_item_list(a, t, me->items, me->n_items);
	ui_text_blank(t);
	ui_text_add(t, _("Press Enter to answer them."), ROLE_DIM, 0, 0);
}

static void build_label(struct app *a, struct ui_text *t, const struct wizard_step *s)
{
	const struct catalog_label *l = catalog_label(a->cat, s->arg);
	char line[512];
	int items[CATALOG_ITEMS], n = 0, flow[CATALOG_ITEMS];
	int nflow = wizard_items(&a->wiz, flow);
	snprintf(line, sizeof line, _("Label %d: %s (category %s)"), l->number, l->name,
	         catalog_category(a->cat, l->category)->name);
	ui_text_add(t, line, ROLE_KEY, 0, 0);
	add_heading(t, "目的");
	ui_text_add(t, l->purpose, ROLE_NORMAL, 2, 0);
	/* The items of this label in this part of the flow. */
	for (int i = 0; i < nflow; i++) {
		const struct catalog_item *it = catalog_item(a->cat, flow[i]);
		int w = wizard_find_item(&a->wiz, flow[i]);
		if (it->label == l->number && a->wiz.steps[w].section == s->section)
			items[n++] = flow[i];
	}
	add_heading(t, _("The items that follow"));
	add_item_list(a, t, items, n);
}

static void build_offer(struct app *a, struct ui_text *t, int level)
{
	char line[512];
	snprintf(line, sizeof line, _("Lv%d is beyond your target level (Lv%d)."), level,
	         a->profile.target_level);
	ui_text_add(t, line, ROLE_KEY, 0, 0);
	ui_text_blank(t);
	ui_text_add(t, level == 2
		? _("The industry asks every company to reach Lv2 in time (74 more items). You can answer them now, or skip them and come back later with g or p.")
		: _("Lv3 (29 items) is meant for companies handling highly confidential data. You can answer them now, or skip them."),
		ROLE_NORMAL, 0, 0);
	ui_text_blank(t);
	ui_text_add(t, _("y: answer these items too   Enter: skip"), ROLE_DIM, 0, 0);
}

#define ITEM_MAX_TERMS 32

/* 担当 and 手間 in one short line, above everything else. */
static void add_owner_effort(struct app *a, struct ui_text *t, const struct catalog_coach *c)
{
	char who[256], line[512];
	catalog_owner_text(a->cat, c, who, sizeof who);
	snprintf(line, sizeof line, _("Owner: %s  Effort: %s"), who,
	         catalog_effort_name(a->cat, c->effort));
	ui_text_add(t, line, ROLE_DIM, 0, 0);
}

/* The glossary terms of the item: underlined in its texts, listed below. */
static void add_terms(struct app *a, struct ui_text *t, int no)
{
	int terms[ITEM_MAX_TERMS], n = catalog_item_terms(a->cat, no, terms, ITEM_MAX_TERMS);
	char list[1024];
	size_t used = 0;
	if (n == 0)
		return;
	list[0] = '\0';
	for (int i = 0; i < n; i++) {
		const char *term = a->cat->terms[terms[i]].term;
		ui_text_mark(t, term);
		int w = snprintf(list + used, sizeof list - used, "%s%s", i ? "、" : "", term);
		if (w < 0 || (size_t)w >= sizeof list - used)
			break;
		used += (size_t)w;
	}
	add_heading(t, _("Terms in this item (t shows what they mean)"));
	ui_text_add(t, list, ROLE_NORMAL, 2, 0);
}

/* The coach's plain words come first: they are what a non-specialist
 * reads; the guideline's own wording follows, then how to meet it. */
static void build_item(struct app *a, struct ui_text *t, int no)
{
	const struct catalog_item *it = catalog_item(a->cat, no);
	const struct catalog_coach *c = catalog_coach(a->cat, no);
	const char *note = a->answers[no - 1].note;
	if (!a->answers[no - 1].confirmed)
		ui_text_add(t, _("要再確認: this is last year's answer. Unchanged? Press Enter to keep it; "
		                 "changed? Answer with 2, 1, 0 or n."), ROLE_KEY, 0, 0);
	add_owner_effort(a, t, c);
	add_heading(t, _("In plain words"));
	ui_text_add(t, c->plain, ROLE_NORMAL, 2, 0);
	add_heading(t, "達成条件");
	ui_text_add(t, it->condition, ROLE_NORMAL, 2, 0);
	add_heading(t, "達成基準");
	ui_text_add(t, it->criteria, ROLE_NORMAL, 2, 0);
	add_heading(t, "要求事項");
	ui_text_add(t, it->requirement, ROLE_NORMAL, 2, 0);
	add_heading(t, _("What small companies typically do"));
	ui_text_add(t, c->typical, ROLE_NORMAL, 2, 0);
	add_heading(t, _("Evidence for 対策完了 (done)"));
	ui_text_add(t, c->evidence_done, ROLE_NORMAL, 2, 0);
	add_heading(t, _("対策中 or 未実施: where the line lies"));
	ui_text_add(t, c->evidence_progress, ROLE_NORMAL, 2, 0);
	add_terms(a, t, no);
	add_heading(t, _("評価の根拠 (evidence note, e to edit)"));
	if (note && note[0])
		ui_text_add(t, note, ROLE_NORMAL, 2, 0);
	else
		ui_text_add(t, _("(none yet: press e and write what shows it, e.g. the document's name and date)"),
		            ROLE_DIM, 2, 0);
}

/* t: the glossary, showing only this item's terms. */
static void open_item_terms(struct app *a, int no)
{
	int terms[ITEM_MAX_TERMS];
	if (catalog_item_terms(a->cat, no, terms, ITEM_MAX_TERMS) == 0) {
		app_message(a, 0, _("No.%d uses none of the glossary's terms."), no);
		return;
	}
	a->glossary_item = no;
	a->back_to = a->screen;
	a->screen = SCREEN_GLOSSARY;
	a->scroll = 0;
}

static void draw_item_head(struct app *a, int no)
{
	const struct catalog_item *it = catalog_item(a->cat, no);
	const struct catalog_label *l = catalog_label(a->cat, it->label);
	char line[512];
	snprintf(line, sizeof line, _("No.%d  Lv%d  label %d %s  category %s"), no, it->level,
	         l->number, l->name, catalog_category(a->cat, l->category)->name);
	widget_print(2, 1, COLS - 2, line, ROLE_HEADING);
	enum answer v = a->values[no - 1];
	widget_print(3, 1, 20, _("Answer:"), ROLE_NORMAL);
	int x = 2 + text_width(_("Answer:"));
	widget_print(3, x, 20, answer_text(v), answer_role(v));
	x += text_width(answer_text(v)) + 1;
	if (!a->answers[no - 1].confirmed) {
		widget_print(3, x, 30, _("(要再確認)"), ROLE_PROGRESS);
		x += text_width(_("(要再確認)")) + 1;
	}
	x += 2;
	const char *note = a->answers[no - 1].note;
	widget_print(3, x, COLS - x - 1, note && note[0] ? _("Note: written") : _("Note: none"),
	             ROLE_DIM);
}

static void add_item_numbers(struct ui_text *t, const char *title, const int *items, int n)
{
	char line[1024];
	size_t used = (size_t)snprintf(line, sizeof line, "%s", title);
	for (int i = 0; i < n && used < sizeof line; i++)
		used += (size_t)snprintf(line + used, sizeof line - used, " No.%d", items[i]);
	ui_text_add(t, line, ROLE_NORMAL, 2, 0);
}

/* 前年比: this year's points per level beside last year's, and the items
 * that improved or fell back. */
static void add_year_on_year(struct app *a, struct ui_text *t, const struct score_report *r)
{
	struct score_report before;
	char now_s[64], before_s[64], line[512];
	int items[CATALOG_ITEMS], n;
	score_compute(a->cat, a->prev, a->profile.target_level, &before);
	snprintf(line, sizeof line, _("Compared with %d (前年比)"), a->prev_year);
	add_heading(t, line);
	for (int lv = 0; lv < app_max_level(a); lv++) {
		summary_format_points(&r->level[lv], now_s, sizeof now_s);
		summary_format_points(&before.level[lv], before_s, sizeof before_s);
		double x = score_scaled(&r->level[lv]), y = score_scaled(&before.level[lv]);
		snprintf(line, sizeof line, "Lv%d  %-18s <- %-18s %+.1f", lv + 1, now_s, before_s,
		         x >= 0 && y >= 0 ? x - y : 0.0);
		ui_text_add(t, line, ROLE_NORMAL, 2, 0);
	}
	for (int l = 0; l < CATALOG_LABELS; l++) {
		double x = score_scaled(&r->label[l]), y = score_scaled(&before.label[l]);
		if (x < 0 || y < 0 || x == y)
			continue;
		summary_format_points(&r->label[l], now_s, sizeof now_s);
		snprintf(line, sizeof line, _("Label %d %s: %s (%+.1f)"), l + 1, a->cat->labels[l].name,
		         now_s, x - y);
		ui_text_add(t, line, ROLE_NORMAL, 2, 0);
	}
	if ((n = assessment_moved(a->values, a->prev, 1, items)) > 0)
		add_item_numbers(t, _("Improved:"), items, n);
	if ((n = assessment_moved(a->values, a->prev, 0, items)) > 0)
		add_item_numbers(t, _("Fell back:"), items, n);
}

/* Answers whose evidence must be written or renewed (tagged: Enter opens). */
static void add_review_evidence(struct app *a, struct ui_text *t, const int *flow, int n)
{
	char today[11], line[1024], cut[1024];
	int listed = 0;
	date_today(today);
	for (int i = 0; i < n; i++) {
		enum evidence_issue e = assessment_evidence(&a->answers[flow[i] - 1], today);
		if (e == EVIDENCE_OK)
			continue;
		if (!listed++)
			add_heading(t, _("Evidence to write or renew (Enter opens the item, then e)"));
		snprintf(line, sizeof line, "No.%-4d %s: %s", flow[i], assessment_evidence_label(e),
		         catalog_item(a->cat, flow[i])->condition);
		text_truncate(line, t->width - 3, 1, cut, sizeof cut);
		ui_text_add(t, cut, ROLE_PROGRESS, 2, flow[i]);
	}
}

/* The review: scores, the comparison, then the items still to do (tagged). */
static void build_review(struct app *a, struct ui_text *t)
{
	struct score_report r;
	struct score_compare cmp;
	char points[64], line[512];
	score_compute(a->cat, a->values, a->profile.target_level, &r);
	ui_text_add(t, _("Points per level (該当なし left out, scaled to the maximum)"), ROLE_HEADING, 0, 0);
	for (int lv = 0; lv < CATALOG_LEVELS; lv++) {
		summary_format_points(&r.level[lv], points, sizeof points);
		snprintf(line, sizeof line, _("Lv%d  %-18s answered %d/%d, 該当なし %d"), lv + 1, points,
		         score_tally_answered(&r.level[lv]), r.level[lv].total, r.level[lv].na);
		ui_text_add(t, line, ROLE_NORMAL, 2, 0);
	}
	summary_format_points(&r.target, points, sizeof points);
	snprintf(line, sizeof line, _("Up to the target Lv%d: %s"), a->profile.target_level, points);
	ui_text_add(t, line, ROLE_KEY, 2, 0);
	score_compare_industry(a->cat, &r, a->profile.band, &cmp);
	if (cmp.available)
		snprintf(line, sizeof line,
		         ngettext("2022 industry average for %s, target Lv%d: %.1f/%.0f (%d company)",
		                  "2022 industry average for %s, target Lv%d: %.1f/%.0f (%d companies)",
		                  (unsigned long)cmp.companies),
		         catalog_band(a->cat, a->profile.band)->name, a->profile.target_level, cmp.industry,
		         cmp.company_max, cmp.companies);
	else
		snprintf(line, sizeof line, "%s", _("Set the number of employees (p) to compare with the industry average."));
	ui_text_add(t, line, ROLE_NORMAL, 2, 0);
	if (r.target.na)
		ui_text_add(t, _("(該当なし are left out over the whole range at once, so this total is not the sum of the levels.)"), ROLE_DIM, 2, 0);
	int carried = 0;
	for (int i = 0; i < CATALOG_ITEMS; i++)
		carried += !a->answers[i].confirmed;
	if (carried > 0) {
		snprintf(line, sizeof line, ngettext("要再確認: %d answer carried or imported, still to confirm",
		                                     "要再確認: %d answers carried or imported, still to confirm",
		                                     (unsigned long)carried), carried);
		ui_text_add(t, line, ROLE_KEY, 2, 0);
	}
	if (app_opted_level(a) > a->profile.target_level) {
		snprintf(line, sizeof line, _("Lv%d, beyond your target (Lv%d), is part of this assessment. - leaves it out again."),
		         app_opted_level(a), a->profile.target_level);
		ui_text_add(t, line, ROLE_KEY, 2, 0);
	}
	if (a->prev_year)
		add_year_on_year(a, t, &r);
	/* What the company aims at: a Lv1 company is not measured on Lv2. */
	snprintf(line, sizeof line, _("Per category (up to the target Lv%d)"), a->profile.target_level);
	add_heading(t, line);
	for (int c = 0; c < CATALOG_CATEGORIES; c++) {
		char name[64];
		summary_format_points(&r.category_target[c], points, sizeof points);
		text_pad(a->cat->categories[c].name, 12, name, sizeof name);
		snprintf(line, sizeof line, "%s %s", name, points);
		ui_text_add(t, line, ROLE_NORMAL, 2, 0);
	}
	add_heading(t, _("Still to do: unanswered, 対策中, 未実施 and 要再確認 (Enter opens the item)"));
	int flow[CATALOG_ITEMS], n = wizard_items(&a->wiz, flow), listed = 0;
	for (int i = 0; i < n; i++) {
		enum answer v = a->values[flow[i] - 1];
		int waits = !a->answers[flow[i] - 1].confirmed;
		if ((v == ANSWER_DONE || v == ANSWER_NA) && !waits)
			continue;
		char state[32];
		/* A carried answer waits to be confirmed, whatever it says. */
		text_fit(waits ? _("要再確認") : answer_text(v), 10, state, sizeof state);
		snprintf(line, sizeof line, "No.%-4d Lv%d %s %s", flow[i],
		         catalog_item(a->cat, flow[i])->level, state, catalog_item(a->cat, flow[i])->condition);
		char cut[512];
		text_truncate(line, t->width - 3, 1, cut, sizeof cut);
		ui_text_add(t, cut, answer_role(v), 2, flow[i]);
		listed++;
	}
	if (!listed)
		ui_text_add(t, _("Nothing left: every item is 対策完了 or 該当なし."), ROLE_OK, 2, 0);
	add_review_evidence(a, t, flow, n);
}

/* Index of the line of the k-th tagged entry, or -1. */
static int tagged_line(const struct ui_text *t, int k)
{
	for (int i = 0; i < t->n; i++)
		if (t->lines[i].tag && k-- == 0)
			return i;
	return -1;
}

static int tagged_count(const struct ui_text *t)
{
	int n = 0;
	for (int i = 0; i < t->n; i++)
		n += t->lines[i].tag != 0;
	return n;
}

static void build_body(struct app *a, const struct wizard_step *s, struct ui_text *t)
{
	ui_text_init(t, COLS - 3);
	switch (s->kind) {
	case STEP_MEASURE: build_measure(a, t, s->arg); break;
	case STEP_LABEL: build_label(a, t, s); break;
	case STEP_OFFER: build_offer(a, t, s->arg); break;
	case STEP_ITEM: build_item(a, t, s->arg); break;
	case STEP_REVIEW: build_review(a, t); break;
	}
}

static void draw_review_selection(struct app *a, struct ui_text *t, int rows)
{
	int n = tagged_count(t);
	if (n == 0 || a->selected < 0)
		return;
	if (a->selected >= n)
		a->selected = n - 1;
	int line = tagged_line(t, a->selected);
	if (line < a->scroll)
		a->scroll = line;
	if (line >= a->scroll + rows)
		a->scroll = line - rows + 1;
	t->lines[line].role = ROLE_SELECTED;
}

static void step_draw(struct app *a)
{
	const struct wizard_step *s = wizard_current(&a->wiz);
	struct ui_text t;
	int rows = body_rows();
	draw_header(a, s);
	if (s->kind == STEP_ITEM)
		draw_item_head(a, s->arg);
	widget_rule(4);
	build_body(a, s, &t);
	if (s->kind == STEP_REVIEW)
		draw_review_selection(a, &t, rows);
	a->scroll = ui_text_clamp(&t, rows, a->scroll);
	ui_text_draw(&t, BODY_TOP, 1, rows, a->scroll);
	if (t.n > rows + a->scroll)
		widget_print(LINES - 3, COLS - 12, 11, _("(more: Dn)"), ROLE_DIM);
	ui_text_free(&t);
	app_draw_message(a, LINES - 3);
	keys_draw_footer(context_of(s), LINES - 2);
}

/* Enter on a carried answer: confirmed as it is, on to the next one. */
static void confirm_item(struct app *a, int no)
{
	enum answer v = a->values[no - 1];
	if (a->answers[no - 1].confirmed || v == ANSWER_NONE) {
		/* Nothing carried to keep: a hint rather than a silent skip. */
		app_message(a, 0, _("Answer with 2, 1, 0 or n (-> goes on without answering)."));
		return;
	}
	if (app_set_answer(a, no, v) != 0)
		return;
	app_message(a, 0, _("No.%d: %s confirmed."), no, answer_label(v));
	wizard_next_open(&a->wiz, a->open);
	app_show_step(a);
}

/* A milestone this answer reached: the 19 priority items, Lv1, the target
 * level, each once all its items are answered. NULL when none. */
static const char *milestone(const struct app *a, int no)
{
	const struct catalog_item *it = catalog_item(a->cat, no);
	int prio = 1, lv1 = 1, target = 1;
	for (int i = 1; i <= CATALOG_ITEMS; i++) {
		int open = a->values[i - 1] == ANSWER_NONE;
		int lv = a->cat->items[i - 1].level;
		prio &= !(open && catalog_is_priority(a->cat, i));
		lv1 &= !(open && lv == 1);
		target &= !(open && lv <= a->profile.target_level);
	}
	if (target && it->level <= a->profile.target_level && a->profile.target_level > 1)
		return _("All up to your target answered (r: review).");
	if (lv1 && it->level == 1)
		return _("All of Lv1 is answered.");
	if (prio && catalog_is_priority(a->cat, no))
		return _("All 19 priority items are answered.");
	return NULL;
}

static void answer_item(struct app *a, int no, enum answer v)
{
	int first = a->values[no - 1] == ANSWER_NONE;
	if (app_set_answer(a, no, v) != 0)
		return;
	const char *reached = first ? milestone(a, no) : NULL;
	if (reached)
		app_message(a, 0, _("No.%d: %s saved. %s"), no, answer_label(v), reached);
	else
		app_message(a, 0, _("No.%d: %s saved."), no, answer_label(v));
	/* 該当なし needs a reason: customers question an unexplained one, and
	 * last year's note on another answer is no reason. */
	if (v == ANSWER_NA && (assessment_evidence(&a->answers[no - 1], "") == EVIDENCE_NA_REASON
	                       || a->answers[no - 1].note_carried)) {
		app_note_open_reason(a, no);
		return;
	}
	wizard_next_open(&a->wiz, a->open);
	app_show_step(a);
}

static void open_review_entry(struct app *a)
{
	const struct wizard_step *s = wizard_current(&a->wiz);
	struct ui_text t;
	build_body(a, s, &t);
	int line = tagged_line(&t, a->selected);
	int item = line >= 0 ? t.lines[line].tag : 0;
	ui_text_free(&t);
	if (item)
		app_open_item(a, item);
}

static void accept_offer(struct app *a, int level)
{
	app_include_level(a, level);
	app_show_step(a);
}

/* An answer key on an introduction answers the item it introduces. */
static int answer_from_intro(struct app *a, const struct keypress *k)
{
	static const enum answer values[] = { ANSWER_DONE, ANSWER_IN_PROGRESS, ANSWER_NOT_DONE, ANSWER_NA };
	enum action act = keys_lookup(CTX_ITEM, k);
	if (act < ACT_ANSWER_DONE || act > ACT_ANSWER_NA || wizard_next(&a->wiz) != 0)
		return 0;
	const struct wizard_step *s = wizard_current(&a->wiz);
	app_show_step(a);
	if (s->kind == STEP_ITEM)
		answer_item(a, s->arg, values[act - ACT_ANSWER_DONE]);
	return 1;
}

static void step_key(struct app *a, const struct keypress *k)
{
	const struct wizard_step *s = wizard_current(&a->wiz);
	if ((s->kind == STEP_MEASURE || s->kind == STEP_LABEL) && answer_from_intro(a, k))
		return;
	enum action act = keys_lookup(context_of(s), k);
	switch (act) {
	case ACT_ANSWER_DONE: answer_item(a, s->arg, ANSWER_DONE); break;
	case ACT_ANSWER_PROGRESS: answer_item(a, s->arg, ANSWER_IN_PROGRESS); break;
	case ACT_ANSWER_NOTDONE: answer_item(a, s->arg, ANSWER_NOT_DONE); break;
	case ACT_ANSWER_NA: answer_item(a, s->arg, ANSWER_NA); break;
	case ACT_NOTE: app_note_open(a, s->arg); break;
	case ACT_TERMS: open_item_terms(a, s->arg); break;
	case ACT_CONFIRM: confirm_item(a, s->arg); break;
	case ACT_ACCEPT: accept_offer(a, s->arg); break;
	case ACT_NEXT:
		if (wizard_next(&a->wiz) == 0)
			app_show_step(a);
		break;
	case ACT_BACK:
		if (wizard_back(&a->wiz) == 0)
			app_show_step(a);
		break;
	case ACT_UP:
		if (s->kind == STEP_REVIEW) {
			if (a->selected >= 0)
				a->selected--;
			if (a->selected < 0)
				a->scroll = 0;   /* back above the list: the top again */
		} else if (a->scroll > 0) {
			a->scroll--;
		}
		break;
	case ACT_DOWN:
		if (s->kind == STEP_REVIEW)
			a->selected++;
		else
			a->scroll++;
		break;
	case ACT_PAGE_UP:
		a->scroll = a->scroll > body_rows() - 1 ? a->scroll - (body_rows() - 1) : 0;
		if (s->kind == STEP_REVIEW)
			a->selected = -1;   /* paging reads; Up/Down choose */
		break;
	case ACT_PAGE_DOWN:
		a->scroll += body_rows() - 1;   /* clamped when drawn */
		if (s->kind == STEP_REVIEW)
			a->selected = -1;
		break;
	case ACT_SELECT: open_review_entry(a); break;
	case ACT_DROP_LEVELS:
		if (app_opted_level(a) > a->profile.target_level) {
			app_exclude_levels(a);
			wizard_jump_review(&a->wiz);
			app_show_step(a);
			app_message(a, 0, _("Only the levels up to your target are in the assessment now."));
		} else
			app_message(a, 0, _("Nothing to leave out: only the levels up to your target are in "
			                    "the assessment."));
		break;
	default: app_common_action(a, act); break;
	}
}

const struct screen screen_step = { step_draw, step_key };
