/* screen_plan: the improvement plan's tasks, and the form that edits one of them. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

#include "text.h"
#include "assessment.h"
#include "ui/app.h"
#include "ui/widgets.h"

#define PLAN_TOP 3
#define DETAIL_ROWS 6
#define TASK_MAX 1000
#define SHORT_MAX 100

static const char *const status_names[] = { "未着手", "進行中", "完了" };

static int list_rows(void)
{
	return LINES - 3 - PLAN_TOP - DETAIL_ROWS;
}

static int plan_reload(struct app *a)
{
	char today[11];
	if (a->plan_loaded)
		plan_free(&a->plan);
	a->plan_loaded = 0;
	date_today(today);
	if (plan_build(a->cat, a->st, &a->profile, a->answers, today, PLAN_SCOPE_TARGET, &a->plan) != STORE_OK) {
		app_message(a, 1, _("Cannot read the plan: %s"), store_error(a->st));
		return -1;
	}
	a->plan_loaded = 1;
	return 0;
}

void app_open_plan(struct app *a)
{
	if (plan_reload(a) != 0)
		return;
	a->screen = SCREEN_PLAN;
	a->selected = 0;
	a->list_top = 0;
}

static void draw_row(struct app *a, int y, const struct plan_entry *e, int selected)
{
	char state[32], owner[64], line[1024], cut[1024];
	const char *now = e->evidence != EVIDENCE_OK ? assessment_evidence_label(e->evidence)
	                  : e->answer == ANSWER_NONE ? _("unanswered") : answer_label(e->answer);
	text_fit(now, 10, state, sizeof state);
	text_fit(e->action.owner ? e->action.owner : "", 10, owner, sizeof owner);
	char status[16];
	text_pad(status_names[e->action.status], 6, status, sizeof status);   /* 完了 is narrower */
	snprintf(line, sizeof line, "%sNo.%-4d Lv%d %s %-10s %s %s %s", e->priority ? "*" : " ",
	         e->item, catalog_item(a->cat, e->item)->level, state, e->action.due,
	         status, owner, e->action.task ? e->action.task : "");
	text_truncate(line, COLS - 2, 1, cut, sizeof cut);
	widget_list_row(y, cut, ROLE_NORMAL, selected);
}

/* Rows: the tasks, then the answers whose evidence needs writing or renewing. */
static int row_count(const struct app *a)
{
	return a->plan.n + a->plan.n_missing;
}

static void draw_missing_row(struct app *a, int y, int k, int selected)
{
	char line[1024], cut[1024];
	int item = a->plan.evidence_missing[k];
	snprintf(line, sizeof line, " No.%-4d Lv%d %s: %s", item, catalog_item(a->cat, item)->level,
	         assessment_evidence_label((enum evidence_issue)a->plan.evidence_issue[k]),
	         catalog_item(a->cat, item)->condition);
	text_truncate(line, COLS - 2, 1, cut, sizeof cut);
	widget_list_row(y, cut, ROLE_PROGRESS, selected);
}

static void draw_detail(struct app *a, const struct plan_entry *e)
{
	struct ui_text t;
	char line[512];
	int y = LINES - 3 - DETAIL_ROWS;
	widget_rule(y);
	ui_text_init(&t, COLS - 3);
	snprintf(line, sizeof line, "No.%d %s", e->item, catalog_item(a->cat, e->item)->condition);
	ui_text_add(&t, line, ROLE_HEADING, 0, 0);
	ui_text_add(&t, e->action.task, ROLE_NORMAL, 2, 0);
	if (e->action.memo && e->action.memo[0]) {
		snprintf(line, sizeof line, _("Memo: %s"), e->action.memo);
		ui_text_add(&t, line, ROLE_DIM, 2, 0);
	}
	ui_text_draw(&t, y + 1, 1, DETAIL_ROWS - 1, 0);
	ui_text_free(&t);
}

static void plan_draw(struct app *a)
{
	char title[256];
	int open = 0;
	for (int lv = 0; lv < CATALOG_LEVELS; lv++)
		open += a->plan.unanswered[lv];
	if (open)
		snprintf(title, sizeof title,
		         _("Plan: %d tasks, %d evidence, %d unanswered"),
		         a->plan.n, plan_evidence_count(&a->plan), open);
	else
		snprintf(title, sizeof title, _("Improvement plan (改善計画): tasks %d; evidence to write or renew %d"),
		         a->plan.n, plan_evidence_count(&a->plan));
	app_draw_title(a, title);
	widget_print(1, 1, COLS - 2, _(" No.    Level Answer     Due        Status Owner      Task (*: priority)"), ROLE_DIM);
	widget_rule(2);
	int rows = list_rows();
	int n = row_count(a);
	app_list_clamp(a, n, rows);
	for (int r = 0; r < rows && a->list_top + r < n; r++) {
		int i = a->list_top + r;
		if (i < a->plan.n)
			draw_row(a, PLAN_TOP + r, &a->plan.entries[i], i == a->selected);
		else
			draw_missing_row(a, PLAN_TOP + r, i - a->plan.n, i == a->selected);
	}
	if (n == 0)
		widget_print(PLAN_TOP, 2, COLS - 4, _("Nothing to plan: every item in the flow is 対策完了 or 該当なし."), ROLE_OK);
	else if (a->selected < a->plan.n)
		draw_detail(a, &a->plan.entries[a->selected]);
	else {
		widget_rule(LINES - 3 - DETAIL_ROWS);
		widget_print(LINES - 2 - DETAIL_ROWS, 1, COLS - 2,
		             _("Enter: write the evidence note of this item."), ROLE_DIM);
	}
	app_draw_message(a, LINES - 3);
	keys_draw_footer(CTX_PLAN, LINES - 2);
}

static void open_edit(struct app *a)
{
	if (a->selected >= a->plan.n) {
		if (a->selected < row_count(a)) {
			int item = a->plan.evidence_missing[a->selected - a->plan.n];
			int selected = a->selected;
			app_open_item(a, item);
			app_note_open(a, item);
			a->note_back_to_plan = 1;
			a->selected = selected;
		}
		return;
	}
	const struct plan_entry *e = &a->plan.entries[a->selected];
	if (e->evidence != EVIDENCE_OK) {   /* the task is the note itself */
		int selected = a->selected;
		app_open_item(a, e->item);
		app_note_open(a, e->item);
		a->note_back_to_plan = 1;
		a->selected = selected;
		return;
	}
	form_free(&a->form);
	form_init(&a->form);
	form_add_text(&a->form, _("Task (what will be done)"), e->action.task, TASK_MAX, 3);
	form_add_text(&a->form, _("Owner"), e->action.owner, SHORT_MAX, 1);
	form_add_date(&a->form, _("Due date (YYYY-MM-DD)"), e->action.due);
	form_add_choice(&a->form, _("Status"), status_names, 3, (int)e->action.status);
	form_add_text(&a->form, _("Memo"), e->action.memo, TASK_MAX, 2);
	form_begin(&a->form);
	a->form_target = a->selected;
	a->screen = SCREEN_PLAN_EDIT;
}

/* The sign-off: who approved the plan and when, printed on page 1. The
 * form's target is -1 then. */
static void open_signoff(struct app *a)
{
	char *who = NULL, *when = NULL;
	store_setting_get(a->st, a->profile.id, PLAN_APPROVER_KEY, &who);
	store_setting_get(a->st, a->profile.id, PLAN_APPROVED_KEY, &when);
	form_free(&a->form);
	form_init(&a->form);
	form_add_text(&a->form, _("Approved by (name and title)"), who ? who : "", SHORT_MAX, 1);
	form_add_date(&a->form, _("Approved on (YYYY-MM-DD)"), when ? when : "");
	free(who);
	free(when);
	form_begin(&a->form);
	a->form_target = -1;
	a->screen = SCREEN_PLAN_EDIT;
}

static void plan_key(struct app *a, const struct keypress *k)
{
	enum action act = keys_lookup(CTX_PLAN, k);
	int rows = list_rows();
	if (app_list_move(a, act, row_count(a), rows))
		return;
	switch (act) {
	case ACT_SELECT: open_edit(a); break;
	case ACT_SIGNOFF: open_signoff(a); break;
	case ACT_CLOSE: app_show_step(a); break;
	default: app_common_action(a, act); break;
	}
}

/* Saves the form into the store: one transaction per field left. */
static int save_form(struct app *a)
{
	if (a->form_target < 0) {
		const struct form_field *f = a->form.fields;
		if (store_setting_set(a->st, a->profile.id, PLAN_APPROVER_KEY, f[0].value) != STORE_OK
		    || store_setting_set(a->st, a->profile.id, PLAN_APPROVED_KEY, f[1].value) != STORE_OK) {
			app_message(a, 1, _("Not saved: %s"), store_error(a->st));
			return -1;
		}
		return 0;
	}
	const struct plan_entry *e = &a->plan.entries[a->form_target];
	const struct form_field *f = a->form.fields;
	struct store_action act = { .item = e->item, .task = f[0].value, .owner = f[1].value,
	                            .status = (enum action_status)f[3].choice, .memo = f[4].value };
	snprintf(act.due, sizeof act.due, "%s", f[2].value);
	if (store_action_save(a->st, a->profile.id, &act) != STORE_OK) {
		app_message(a, 1, _("Not saved: %s"), store_error(a->st));
		return -1;
	}
	return 0;
}

static void plan_edit_draw(struct app *a)
{
	char title[512];
	if (a->form_target < 0) {
		app_draw_title(a, _("Plan sign-off (承認)"));
		widget_print(1, 1, COLS - 2, _("Printed on the plan's first page, beside the signature line."),
		             ROLE_DIM);
	} else {
		const struct plan_entry *e = &a->plan.entries[a->form_target];
		snprintf(title, sizeof title, _("Plan task for No.%d"), e->item);
		app_draw_title(a, title);
		widget_print(1, 1, COLS - 2, catalog_item(a->cat, e->item)->condition, ROLE_DIM);
	}
	app_draw_message(a, LINES - 3);
	keys_draw_footer(CTX_FORM, LINES - 2);
	form_draw(&a->form, 3);   /* last: the terminal cursor stays in the field */
}

static void plan_edit_key(struct app *a, const struct keypress *k)
{
	if (app_form_key(a, k, save_form) == FORM_EDITING)
		return;
	int item = a->form_target < 0 ? 0 : a->plan.entries[a->form_target].item;
	plan_reload(a);
	a->screen = SCREEN_PLAN;
	if (item)
		app_message(a, 0, _("No.%d: plan task saved."), item);
	else
		app_message(a, 0, _("Plan sign-off saved."));
}

const struct screen screen_plan = { plan_draw, plan_key };
const struct screen screen_plan_edit = { plan_edit_draw, plan_edit_key };
