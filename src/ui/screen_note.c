/* screen_note: the evidence-note (評価の根拠) editor; saved whenever it is left. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

#include "ui/app.h"
#include "ui/widgets.h"

#define NOTE_TOP 6

void app_note_open(struct app *a, int item)
{
	editor_free(&a->note);
	if (editor_init(&a->note, a->answers[item - 1].note, APP_NOTE_MAX) != 0) {
		app_message(a, 1, _("Out of memory."));
		return;
	}
	a->note_item = item;
	a->note_top = 0;
	a->note_reason = 0;
	a->note_back_to_plan = 0;
	a->screen = SCREEN_NOTE;
}

void app_note_open_reason(struct app *a, int item)
{
	app_note_open(a, item);
	if (a->screen == SCREEN_NOTE)
		a->note_reason = 1;
}

void app_note_close(struct app *a)
{
	if (a->screen != SCREEN_NOTE)
		return;
	char *text = editor_text(&a->note);
	/* Stay in the editor when the save failed, so nothing typed is lost. */
	if (!text || app_set_note(a, a->note_item, text) != 0) {
		free(text);
		return;
	}
	free(text);
	app_message(a, 0, _("No.%d: note saved."), a->note_item);
	a->screen = SCREEN_STEP;
	if (a->note_back_to_plan) {
		/* Written from the plan: back to it, on the same row. */
		int selected = a->selected;
		a->note_back_to_plan = 0;
		app_open_plan(a);
		a->selected = selected;
		return;
	}
	if (a->note_reason) {
		/* The reason was the last part of answering 該当なし: go on. */
		a->note_reason = 0;
		wizard_next_open(&a->wiz, a->open);
		app_show_step(a);
	}
}

static void note_draw(struct app *a)
{
	const struct catalog_item *it = catalog_item(a->cat, a->note_item);
	char line[512];
	snprintf(line, sizeof line, _("評価の根拠 (evidence note) for No.%d"), a->note_item);
	app_draw_title(a, line);
	widget_print(2, 1, COLS - 2, it->condition, ROLE_HEADING);
	widget_print(3, 1, COLS - 2, a->note_reason
	             ? _("Why does this item not apply to your company? Customers ask. (Esc: later)")
	             : _("Write what shows your answer: document name, where it is kept, date, who."),
	             a->note_reason ? ROLE_KEY : ROLE_DIM);
	snprintf(line, sizeof line, _("%zu/%zu characters"), a->note.len, a->note.max);
	widget_print(4, COLS - 1 - (int)strlen(line), (int)strlen(line), line,
	             a->note.len >= a->note.max ? ROLE_ERROR : ROLE_DIM);
	widget_rule(5);
	int rows = LINES - 3 - NOTE_TOP - 1;
	widget_rule(NOTE_TOP + rows);
	app_draw_message(a, LINES - 3);
	keys_draw_footer(CTX_NOTE, LINES - 2);
	curs_set(1);
	widget_editor_draw(&a->note, NOTE_TOP, 2, rows, COLS - 4, &a->note_top);
}

static void note_key(struct app *a, const struct keypress *k)
{
	struct editor *e = &a->note;
	int cols = COLS - 4;
	if (k->fn && (k->code == KEY_UP || k->code == KEY_DOWN)) {
		widget_editor_vertical(e, cols, k->code == KEY_UP ? -1 : 1);
	} else if ((k->fn && k->code == KEY_ENTER) || (!k->fn && (k->code == '\r' || k->code == '\n'))) {
		editor_insert(e, L'\n');
	} else if (!k->fn && (k->code == 27 || k->code == '\t')) {
		app_note_close(a);
	} else if (widget_editor_key(e, k, NULL) && !k->fn && k->code >= ' ' && k->code != 127
	           && e->len >= e->max) {
		app_message(a, 1, _("The note is full (%zu characters)."), e->max);
	}
}

const struct screen screen_note = { note_draw, note_key };
