/* screen_list: the overview of all items in flow order, or search results; Enter opens one. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <curses.h>
#include <stdio.h>

#include "i18n.h"

#include "text.h"
#include "assessment.h"
#include "plan.h"
#include "ui/app.h"
#include "ui/widgets.h"

#define LIST_TOP 3

static int list_rows(void)
{
	return LINES - 3 - LIST_TOP;
}

/* One mark per row, the most pressing: ? 要再確認, ! evidence to write or
 * renew, * a note written. */
static const char *row_mark(const struct app *a, int item, const char *today)
{
	const struct store_answer *ans = &a->answers[item - 1];
	if (!ans->confirmed)
		return "?";
	if (assessment_evidence(ans, today) != EVIDENCE_OK)
		return "!";
	return ans->note && ans->note[0] ? "*" : " ";
}

static void draw_row(struct app *a, int y, int item, int selected, const char *today)
{
	const struct catalog_item *it = catalog_item(a->cat, item);
	enum answer v = a->values[item - 1];
	char state[32], line[1024], cut[1024];
	text_fit(v == ANSWER_NONE ? "-" : answer_label(v), 9, state, sizeof state);
	snprintf(line, sizeof line, "No.%-4d Lv%d %s %s %s", item, it->level, state,
	         row_mark(a, item, today), it->condition);
	text_truncate(line, COLS - 2, 1, cut, sizeof cut);
	widget_list_row(y, cut, ROLE_NORMAL, selected);
}

static void list_draw(struct app *a)
{
	char title[512];
	if (a->list_query[0])
		snprintf(title, sizeof title, ngettext("Search \"%s\": %d item", "Search \"%s\": %d items",
		         (unsigned long)a->list_n), a->list_query, a->list_n);
	else
		snprintf(title, sizeof title, a->list_unanswered_only
		         ? _("Unanswered items in the flow: %d") : _("All items in the flow: %d"), a->list_n);
	app_draw_title(a, title);
	widget_print(1, 1, COLS - 2, _("No.    Level Answer    * note  ? 要再確認  ! evidence to write or renew"),
	             ROLE_DIM);
	char today[11];
	date_today(today);
	widget_rule(2);
	int rows = list_rows();
	app_list_clamp(a, a->list_n, rows);
	for (int r = 0; r < rows && a->list_top + r < a->list_n; r++)
		draw_row(a, LIST_TOP + r, a->list_items[a->list_top + r], a->list_top + r == a->selected,
		         today);
	if (a->list_n == 0)
		widget_print(LIST_TOP, 2, COLS - 4, _("(nothing to show)"), ROLE_DIM);
	app_draw_message(a, LINES - 3);
	keys_draw_footer(CTX_LIST, LINES - 2);
}

static void list_key(struct app *a, const struct keypress *k)
{
	enum action act = keys_lookup(CTX_LIST, k);
	int rows = list_rows();
	if (app_list_move(a, act, a->list_n, rows))
		return;
	switch (act) {
	case ACT_SELECT:
		if (a->list_n > 0)
			app_open_item(a, a->list_items[a->selected]);
		break;
	case ACT_FILTER:
		if (!a->list_query[0]) {
			a->list_unanswered_only = !a->list_unanswered_only;
			app_open_list(a, NULL);
		}
		break;
	case ACT_CLOSE:
		app_show_step(a);
		break;
	case ACT_LIST:
		a->list_unanswered_only = 0;
		app_open_list(a, NULL);
		break;
	default:
		app_common_action(a, act);
		break;
	}
}

const struct screen screen_list = { list_draw, list_key };
