/* screen_export: writes the checksheet, plan and contact sheet, and shows where they went. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "i18n.h"

#include "text.h"
#include "ui/app.h"
#include "ui/widgets.h"

void app_open_export(struct app *a)
{
	char cwd[EXPORT_PATH_MAX];
	if (!getcwd(cwd, sizeof cwd))
		snprintf(cwd, sizeof cwd, "%s", getenv("HOME") ? getenv("HOME") : "/tmp");
	editor_free(&a->export_dir);
	editor_init(&a->export_dir, cwd, EXPORT_PATH_MAX - 64);
	a->export_state = 0;
	a->screen = SCREEN_EXPORT;
}

static void draw_result(struct app *a, int y)
{
	if (a->export_state < 0) {
		struct ui_text t;
		ui_text_init(&t, COLS - 4);
		ui_text_add(&t, a->export_res.error, ROLE_ERROR, 0, 0);
		ui_text_add(&t, _("Nothing was left half-written. Choose another folder and press Enter again."),
		            ROLE_NORMAL, 0, 0);
		ui_text_draw(&t, y, 2, LINES - 3 - y, 0);
		ui_text_free(&t);
		return;
	}
	widget_print(y++, 2, COLS - 4, _("Written:"), ROLE_OK);
	for (int i = 0; i < a->export_res.n && y < LINES - 3; i++)
		widget_print(y++, 4, COLS - 6, a->export_res.paths[i], ROLE_NORMAL);
	y++;
	widget_print(y, 2, COLS - 4,
	             _("Open the .xlsx in Excel or LibreOffice, the .html files in a browser to print them."),
	             ROLE_DIM);
}

static void export_draw(struct app *a)
{
	app_draw_title(a, _("Export: checksheet (xlsx), improvement plan and contact sheet (HTML, text)"));
	widget_print(2, 2, COLS - 4, _("Folder (a dated folder kamae-<company>-FY<year>-<date> is made inside it):"),
	             ROLE_HEADING);
	widget_print(4, 2, COLS - 4, _("Change the folder if needed, then press Enter."), ROLE_DIM);
	widget_print(5, 2, COLS - 4, _("Files: checksheet.xlsx, plan.html, contacts.html, plan.txt, contacts.txt"),
	             ROLE_DIM);
	if (a->export_state != 0)
		draw_result(a, 7);
	app_draw_message(a, LINES - 3);
	keys_draw_footer(CTX_EXPORT, LINES - 2);
	/* The folder field last: the terminal cursor stays in it. */
	int top = 0;
	attrset(theme_attr(ROLE_SELECTED));
	mvhline(3, 4, ' ', COLS - 8);
	widget_editor_draw(&a->export_dir, 3, 4, 1, COLS - 8, &top);
	attrset(A_NORMAL);
	curs_set(1);
}

static void run_export(struct app *a)
{
	char *dir = editor_text(&a->export_dir);
	if (!dir)
		return;
	a->export_state = export_run(a->cat, a->st, dir, EXPORT_ALL, PLAN_SCOPE_TARGET, NULL, &a->export_res) == 0 ? 1 : -1;
	free(dir);
}

static void export_key(struct app *a, const struct keypress *k)
{
	enum action act = keys_lookup(CTX_EXPORT, k);
	struct editor *e = &a->export_dir;
	if (act == ACT_SELECT) {
		run_export(a);
	} else if (act == ACT_CLOSE) {
		app_show_step(a);
	} else {
		widget_editor_key(e, k, NULL);
	}
}

const struct screen screen_export = { export_draw, export_key };
