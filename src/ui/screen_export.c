/* screen_export: writes the checksheet, plan, contact sheet and starter documents, and shows where they went. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* The folder once, then the files' names wrapped below it: fifteen full
 * paths would not fit 80x24. */
static void draw_result(struct app *a, int y)
{
	struct ui_text t;
	int rows = LINES - 3 - y;
	ui_text_init(&t, COLS - 4);
	if (a->export_state < 0) {
		ui_text_add(&t, a->export_res.error, ROLE_ERROR, 0, 0);
		ui_text_add(&t, _("Nothing was left half-written. Choose another folder and press Enter again."),
		            ROLE_NORMAL, 0, 0);
	} else {
		char names[4096] = "", line[4200];
		snprintf(line, sizeof line, _("Written into %s:"), a->export_res.dir);
		ui_text_add(&t, line, ROLE_OK, 0, 0);
		for (int i = 0; i < a->export_res.n; i++) {
			const char *slash = strrchr(a->export_res.paths[i], '/');
			size_t used = strlen(names);
			/* A file's own name is short; the precision keeps it so. */
			snprintf(names + used, sizeof names - used, "%s%.120s", i ? "  " : "",
			         slash ? slash + 1 : a->export_res.paths[i]);
		}
		ui_text_add(&t, names, ROLE_NORMAL, 2, 0);
		ui_text_add(&t, _("Open the .xlsx in Excel or LibreOffice, the .html files in a browser to print them."),
		            ROLE_DIM, 0, 0);
	}
	ui_text_draw(&t, y, 2, rows, 0);
	ui_text_free(&t);
}

static void export_draw(struct app *a)
{
	app_draw_title(a, _("Export (書き出し)"));
	widget_print(2, 2, COLS - 4, _("Folder (a dated folder kamae-<company>-FY<year>-<date> is made inside it):"),
	             ROLE_HEADING);
	widget_print(4, 2, COLS - 4, _("Change the folder if needed, then press Enter."), ROLE_DIM);
	struct ui_text t;
	ui_text_init(&t, COLS - 4);
	ui_text_add(&t, _("Files: the checksheet (xlsx); the plan and the contact sheet; five starter documents "
	                  "(policy, incident procedure and report form, backup plan, access review), each as "
	                  "HTML and text."), ROLE_DIM, 0, 0);
	ui_text_draw(&t, 5, 2, 2, 0);
	ui_text_free(&t);
	if (a->export_state != 0)
		draw_result(a, 8);
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
