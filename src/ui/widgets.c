/* widgets: reusable drawing pieces — wrapped text blocks, bars, the note editor view. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui/widgets.h"

static void *xrealloc(void *p, size_t size)
{
	void *q = realloc(p, size);
	if (!q) {
		endwin();
		fputs("kamae: out of memory\n", stderr);
		exit(1);
	}
	return q;
}

void ui_text_init(struct ui_text *t, int width)
{
	memset(t, 0, sizeof *t);
	t->width = width < 4 ? 4 : width;
}

void ui_text_free(struct ui_text *t)
{
	for (int i = 0; i < t->n; i++)
		free(t->lines[i].text);
	free(t->lines);
	for (int i = 0; i < t->n_marks; i++)
		free(t->marks[i]);
	free(t->marks);
	memset(t, 0, sizeof *t);
}

static void push_line(struct ui_text *t, const wchar_t *w, size_t len, enum theme_role role,
                      int indent, int tag)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 32;
		t->lines = xrealloc(t->lines, sizeof *t->lines * (size_t)t->cap);
	}
	wchar_t *copy = xrealloc(NULL, sizeof *copy * (len + 1));
	wmemcpy(copy, w, len);
	copy[len] = L'\0';
	t->lines[t->n++] = (struct ui_line){ copy, role, indent, tag };
}

void ui_text_add(struct ui_text *t, const char *utf8, enum theme_role role, int indent, int tag)
{
	size_t n;
	wchar_t *w = text_to_wide(utf8 ? utf8 : "", &n);
	if (!w)
		return;
	int cols = t->width - indent;
	int count = text_wrap(w, n, cols, NULL, 0);
	struct text_line *lines = xrealloc(NULL, sizeof *lines * (size_t)(count > 0 ? count : 1));
	text_wrap(w, n, cols, lines, count);
	for (int i = 0; i < count; i++)
		push_line(t, w + lines[i].start, lines[i].len, role, indent, tag);
	free(lines);
	free(w);
}

void ui_text_add_hanging(struct ui_text *t, const char *head, int head_cols, const char *utf8,
                         enum theme_role role, int indent)
{
	size_t n, hn;
	char padded[256];
	text_pad(head, head_cols, padded, sizeof padded);
	wchar_t *w = text_to_wide(utf8 ? utf8 : "", &n), *h = text_to_wide(padded, &hn);
	if (!w || !h) {
		free(w);
		free(h);
		return;
	}
	int body = indent + head_cols + 1, cols = t->width - body;
	int count = text_wrap(w, n, cols, NULL, 0);
	struct text_line *lines = xrealloc(NULL, sizeof *lines * (size_t)(count > 0 ? count : 1));
	text_wrap(w, n, cols, lines, count);
	for (int i = 0; i < count; i++) {
		if (i > 0) {
			push_line(t, w + lines[i].start, lines[i].len, role, body, 0);
			continue;
		}
		/* The head and the first line of text as one display line. */
		wchar_t *first = xrealloc(NULL, sizeof *first * (hn + 1 + lines[0].len + 1));
		wmemcpy(first, h, hn);
		first[hn] = L' ';
		wmemcpy(first + hn + 1, w + lines[0].start, lines[0].len);
		push_line(t, first, hn + 1 + lines[0].len, role, indent, 0);
		free(first);
	}
	free(lines);
	free(w);
	free(h);
}

void ui_text_blank(struct ui_text *t)
{
	push_line(t, L"", 0, ROLE_NORMAL, 0, 0);
}

void ui_text_mark(struct ui_text *t, const char *utf8)
{
	size_t n;
	wchar_t *w = text_to_wide(utf8, &n);
	if (!w || n == 0) {
		free(w);
		return;
	}
	t->marks = xrealloc(t->marks, sizeof *t->marks * (size_t)(t->n_marks + 1));
	t->marks[t->n_marks++] = w;
}

/* Underlines every occurrence of the marked words in a drawn line. */
static void draw_marks(const struct ui_text *t, const struct ui_line *l, int y, int x)
{
	for (int m = 0; m < t->n_marks; m++) {
		size_t len = wcslen(t->marks[m]);
		for (const wchar_t *p = wcsstr(l->text, t->marks[m]); p; p = wcsstr(p + len, t->marks[m])) {
			int col = wcswidth(l->text, (size_t)(p - l->text));
			if (col < 0)
				break;
			attrset(theme_attr(ROLE_TERM));
			mvaddnwstr(y, x + l->indent + col, p, (int)len);
		}
	}
}

void ui_text_draw(const struct ui_text *t, int y, int x, int rows, int top)
{
	for (int r = 0; r < rows && top + r < t->n; r++) {
		const struct ui_line *l = &t->lines[top + r];
		attrset(theme_attr(l->role));
		mvaddwstr(y + r, x + l->indent, l->text);
		if (l->role == ROLE_NORMAL)
			draw_marks(t, l, y + r, x);
	}
	attrset(A_NORMAL);
}

int ui_text_clamp(const struct ui_text *t, int rows, int top)
{
	int max = t->n - rows;
	if (top > max)
		top = max;
	return top < 0 ? 0 : top;
}

void widget_print(int y, int x, int cols, const char *utf8, enum theme_role role)
{
	char buf[1024], flat[1024];
	size_t i = 0;
	if (cols <= 0)
		return;
	/* One line: a line break, tab or other control character in the text
	 * (a plan task, a note) would move curses' cursor and garble the row. */
	for (const char *p = utf8 ? utf8 : ""; *p && i + 1 < sizeof flat; p++)
		flat[i++] = (unsigned char)*p < 0x20 || *p == 0x7F ? ' ' : *p;
	flat[i] = '\0';
	text_truncate(flat, cols, 0, buf, sizeof buf);
	attrset(theme_attr(role));
	mvaddstr(y, x, buf);
	attrset(A_NORMAL);
}

void widget_bar_row(int y, enum theme_role role)
{
	attrset(theme_attr(role));
	mvhline(y, 0, ' ', COLS);
	attrset(A_NORMAL);
}

void widget_rule(int y)
{
	attrset(theme_attr(ROLE_DIM));
	mvhline(y, 0, '-', COLS);
	attrset(A_NORMAL);
}

void widget_progress(int y, int x, int width, int done, int total)
{
	char count[32];
	int digits = snprintf(NULL, 0, "%d", total);
	/* The count keeps its width as it grows, so the bar does not jump. */
	int n = snprintf(count, sizeof count, " %*d/%d", digits, done, total);
	int bar = width - 2 - n;
	if (bar < 3)
		bar = 3;
	int filled = total > 0 ? (int)((long)bar * done / total) : 0;
	mvaddch(y, x, '[');
	attrset(theme_attr(ROLE_BAR));
	for (int i = 0; i < filled; i++)
		addch('#');
	attrset(theme_attr(ROLE_DIM));
	for (int i = filled; i < bar; i++)
		addch('-');
	attrset(A_NORMAL);
	addch(']');
	addstr(count);
}

/* Wraps the editor's buffer; *lines is malloc'd, returns the count. */
static int editor_lines(const struct editor *e, int cols, struct text_line **lines)
{
	int count = text_wrap(e->buf, e->len, cols, NULL, 0);
	*lines = xrealloc(NULL, sizeof **lines * (size_t)(count > 0 ? count : 1));
	text_wrap(e->buf, e->len, cols, *lines, count);
	return count;
}

/* Visual line holding the cursor: the last line starting at or before it. */
static int cursor_line(const struct text_line *lines, int count, size_t cursor)
{
	int k = 0;
	for (int i = 0; i < count; i++)
		if (lines[i].start <= cursor)
			k = i;
	return k;
}

void widget_editor_draw(const struct editor *e, int y, int x, int rows, int cols, int *top)
{
	struct text_line *lines;
	int count = editor_lines(e, cols, &lines);
	int k = cursor_line(lines, count, e->cursor);
	size_t upto = e->cursor - lines[k].start;
	if (upto > lines[k].len)
		upto = lines[k].len;
	int col = text_wwidth(e->buf + lines[k].start, upto);
	if (col >= cols)
		col = cols - 1;
	if (k < *top)
		*top = k;
	if (*top > 0 && count - *top < rows)   /* text got shorter: show more of it */
		*top = count > rows ? count - rows : 0;
	if (k >= *top + rows)
		*top = k - rows + 1;
	for (int r = 0; r < rows && *top + r < count; r++) {
		const struct text_line *l = &lines[*top + r];
		mvaddnwstr(y + r, x, e->buf + l->start, (int)l->len);
	}
	move(y + k - *top, x + col);
	free(lines);
}

void widget_editor_vertical(struct editor *e, int cols, int dir)
{
	struct text_line *lines;
	int count = editor_lines(e, cols, &lines);
	int k = cursor_line(lines, count, e->cursor);
	int target = k + (dir < 0 ? -1 : 1);
	if (target < 0 || target >= count) {
		free(lines);
		return;
	}
	int col = text_wwidth(e->buf + lines[k].start, e->cursor - lines[k].start);
	const struct text_line *t = &lines[target];
	size_t i = 0;
	int w = 0;
	while (i < t->len) {
		int cw = text_wwidth(e->buf + t->start + i, 1);
		if (w + cw > col)
			break;
		w += cw;
		i++;
	}
	editor_set_cursor(e, t->start + i);
	free(lines);
}

int widget_editor_key(struct editor *e, const struct keypress *k, int (*accept)(wint_t c))
{
	if (k->fn) {
		switch (k->code) {
		case KEY_LEFT: editor_left(e); return 1;
		case KEY_RIGHT: editor_right(e); return 1;
		case KEY_HOME: editor_home(e); return 1;
		case KEY_END: editor_end(e); return 1;
		case KEY_BACKSPACE: editor_backspace(e); return 1;
		case KEY_DC: editor_delete(e); return 1;
		default: return 0;
		}
	}
	switch (k->code) {
	case 127: case 8: editor_backspace(e); return 1;
	case 1: editor_home(e); return 1;          /* Ctrl-A */
	case 5: editor_end(e); return 1;           /* Ctrl-E */
	case 11: editor_kill_after(e); return 1;   /* Ctrl-K */
	case 21: editor_kill_before(e); return 1;  /* Ctrl-U */
	}
	if (k->code < ' ' || k->code == 127)
		return 0;
	if (!accept || accept(k->code))
		editor_insert(e, (wchar_t)k->code);
	return 1;
}

void widget_list_row(int y, const char *utf8, enum theme_role role, int selected)
{
	if (selected) {
		attrset(theme_attr(ROLE_SELECTED));
		mvhline(y, 0, ' ', COLS);
	}
	widget_print(y, 1, COLS - 2, utf8, selected ? ROLE_SELECTED : role);
}
