/* form: a vertical form of text, date and choice fields over the wide-char editor. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

#include "date.h"
#include "plan.h"
#include "text.h"
#include "ui/form.h"
#include "ui/widgets.h"

void form_init(struct form *f)
{
	memset(f, 0, sizeof *f);
}

static int add_field(struct form *f, const struct form_field *field, const char *value)
{
	if (f->n == FORM_MAX_FIELDS)
		return -1;
	f->fields[f->n] = *field;
	f->fields[f->n].value = strdup(value ? value : "");
	return f->n++;
}

int form_add_text(struct form *f, const char *label, const char *value, size_t max, int rows)
{
	struct form_field field = { .label = label, .kind = FORM_TEXT, .max = max,
	                            .rows = rows < 1 ? 1 : rows };
	return add_field(f, &field, value);
}

int form_add_date(struct form *f, const char *label, const char *value)
{
	/* Room for 2027年12月31日, stored as 2027-12-31. */
	struct form_field field = { .label = label, .kind = FORM_DATE, .max = 16, .rows = 1 };
	return add_field(f, &field, value);
}

int form_add_choice(struct form *f, const char *label, const char *const *choices, int n, int choice)
{
	struct form_field field = { .label = label, .kind = FORM_CHOICE, .choices = choices,
	                            .n_choices = n, .choice = choice, .rows = 1 };
	return add_field(f, &field, "");
}

void form_free(struct form *f)
{
	for (int i = 0; i < f->n; i++)
		free(f->fields[i].value);
	editor_free(&f->ed);
	memset(f, 0, sizeof *f);
}

static void load_focus(struct form *f)
{
	const struct form_field *field = &f->fields[f->focus];
	editor_free(&f->ed);
	f->top = 0;
	if (field->kind != FORM_CHOICE)
		editor_init(&f->ed, field->value, field->max);
	if (field->rows > 1)   /* a long text is read from its beginning */
		editor_set_cursor(&f->ed, 0);
}

void form_begin(struct form *f)
{
	f->focus = 0;
	load_focus(f);
}

/* Copies the editor back into the focused field; -1 when a date is invalid. */
static int store_focus(struct form *f, const char **error)
{
	struct form_field *field = &f->fields[f->focus];
	if (field->kind == FORM_CHOICE)
		return 0;
	char *text = editor_text(&f->ed);
	if (!text)
		return -1;
	if (field->kind == FORM_DATE && text[0]) {
		char iso[11];
		if (date_normalize(text, iso) != 0) {
			*error = _("Write a real date: 2027-03-31, 2027/3/31 or 2027年3月31日 (or leave it empty).");
			free(text);
			return -1;
		}
		free(text);
		if (!(text = strdup(iso)))
			return -1;
	}
	free(field->value);
	field->value = text;
	return 0;
}

static int is_enter(const struct keypress *k)
{
	return (!k->fn && (k->code == '\n' || k->code == '\r')) || (k->fn && k->code == KEY_ENTER);
}

/* What people type in a date: 2027-03-31, 2027/3/31, 2027年3月31日. */
static int is_date_char(wint_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0xFF0D && c <= 0xFF19) || c == '-' || c == '/'
	       || c == '.' || c == 0x5E74 || c == 0x6708 || c == 0x65E5;   /* 年 月 日 */
}

static void edit_key(struct form *f, const struct keypress *k)
{
	struct form_field *field = &f->fields[f->focus];
	if (field->kind == FORM_CHOICE) {
		if (k->fn && (k->code == KEY_LEFT || k->code == KEY_RIGHT))
			field->choice = (field->choice + (k->code == KEY_LEFT ? -1 : 1) + field->n_choices)
			                % field->n_choices;
		else if (!k->fn && k->code >= '1' && k->code < (wint_t)('1' + field->n_choices))
			field->choice = (int)(k->code - '1');
		return;
	}
	widget_editor_key(&f->ed, k, field->kind == FORM_DATE ? is_date_char : NULL);
}

enum form_event form_key(struct form *f, const struct keypress *k, const char **error)
{
	int down = is_enter(k) || (!k->fn && k->code == '\t') || (k->fn && k->code == KEY_DOWN);
	int up = k->fn && (k->code == KEY_UP || k->code == KEY_BTAB);
	*error = NULL;
	if (!k->fn && k->code == 27) {
		if (store_focus(f, error) != 0)
			return FORM_EDITING;
		return FORM_CANCEL;
	}
	if (down || up) {
		if (store_focus(f, error) != 0)
			return FORM_EDITING;
		if (down && f->focus == f->n - 1)
			return is_enter(k) ? FORM_DONE : FORM_LEFT;
		if (up && f->focus == 0)
			return FORM_LEFT;
		f->focus += down ? 1 : -1;
		load_focus(f);
		return FORM_LEFT;
	}
	edit_key(f, k);
	return FORM_EDITING;
}

static void draw_choice(const struct form_field *field, int y, int focused)
{
	int x = 4;
	for (int i = 0; i < field->n_choices; i++) {
		char item[128];
		snprintf(item, sizeof item, "%d:%s", i + 1, field->choices[i]);
		int w = text_width(item);
		widget_print(y, x, w, item, i == field->choice ? (focused ? ROLE_SELECTED : ROLE_KEY)
		                                               : ROLE_NORMAL);
		x += w + 2;
	}
}

/* Prints a stored value wrapped into its box. */
static void draw_value(const struct form_field *field, int y)
{
	struct ui_text t;
	ui_text_init(&t, COLS - 8);
	ui_text_add(&t, field->value[0] ? field->value : _("(not set)"),
	            field->value[0] ? ROLE_NORMAL : ROLE_DIM, 0, 0);
	ui_text_draw(&t, y, 4, field->rows, 0);
	ui_text_free(&t);
}

void form_draw(struct form *f, int y)
{
	int cursor_y = -1, cursor_rows = 1;
	for (int i = 0; i < f->n; y += 2 + f->fields[i].rows, i++) {
		const struct form_field *field = &f->fields[i];
		int focused = i == f->focus;
		widget_print(y, 2, COLS - 4, field->label, focused ? ROLE_KEY : ROLE_HEADING);
		if (field->kind == FORM_CHOICE) {
			draw_choice(field, y + 1, focused);
		} else if (focused) {
			cursor_y = y + 1;
			cursor_rows = field->rows;
		} else {
			draw_value(field, y + 1);
		}
	}
	/* The focused text field last, so the terminal cursor stays on it. */
	if (cursor_y >= 0) {
		attrset(theme_attr(ROLE_SELECTED));
		for (int r = 0; r < cursor_rows; r++)
			mvhline(cursor_y + r, 4, ' ', COLS - 8);
		widget_editor_draw(&f->ed, cursor_y, 4, cursor_rows, COLS - 8, &f->top);
		attrset(A_NORMAL);
		curs_set(1);
	}
}
