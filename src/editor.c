/* editor: the wide-character note buffer — editing, cursor movement by characters, lines and display columns; no curses. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "editor.h"
#include "text.h"

#define EDITOR_MIN_CAP 32

/* Makes room for at least need characters plus the NUL. */
static int editor_reserve(struct editor *e, size_t need)
{
	size_t cap = e->cap < EDITOR_MIN_CAP ? EDITOR_MIN_CAP : e->cap;
	wchar_t *nb;

	if (e->buf && need <= e->cap)
		return 0;
	while (cap < need) {
		if (cap > SIZE_MAX / 2)
			return -1;
		cap *= 2;
	}
	if (cap > SIZE_MAX / sizeof *nb - 1)
		return -1;
	nb = realloc(e->buf, (cap + 1) * sizeof *nb);
	if (!nb)
		return -1;
	e->buf = nb;
	e->cap = cap;
	return 0;
}

/* What the user may type: the same set text_sanitize() keeps (no C0/C1
 * controls but '\n'), and only values that can be encoded as UTF-8. */
static int editor_accepts(wchar_t c)
{
	uint32_t cp = (uint32_t)c;

	if (c == L'\n')
		return 1;
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return 0;
	return !(cp >= 0xD800 && cp <= 0xDFFF) && cp <= 0x10FFFF;
}

int editor_init(struct editor *e, const char *utf8, size_t max)
{
	char *clean;
	wchar_t *w;
	size_t n;

	memset(e, 0, sizeof *e);
	e->max = max;
	e->goal_col = -1;
	clean = text_sanitize(utf8 ? utf8 : "", 0);
	if (!clean)
		return -1;
	w = text_to_wide(clean, &n);
	free(clean);
	if (!w)
		return -1;
	if (n > max)
		n = max;
	if (editor_reserve(e, n) < 0) {
		free(w);
		return -1;
	}
	wmemcpy(e->buf, w, n);
	free(w);
	e->buf[n] = L'\0';
	e->len = n;
	e->cursor = n;
	return 0;
}

void editor_free(struct editor *e)
{
	free(e->buf);
	memset(e, 0, sizeof *e);
	e->goal_col = -1;
}

char *editor_text(const struct editor *e)
{
	return text_from_wide(e->buf, e->len);
}

int editor_insert(struct editor *e, wchar_t c)
{
	if (!editor_accepts(c) || e->len >= e->max)
		return -1;
	if (editor_reserve(e, e->len + 1) < 0)
		return -1;
	/* Moves the tail including its NUL. */
	wmemmove(e->buf + e->cursor + 1, e->buf + e->cursor, e->len - e->cursor + 1);
	e->buf[e->cursor] = c;
	e->len++;
	e->cursor++;
	e->goal_col = -1;
	return 0;
}

/* Removes the character at idx (< len) and keeps the NUL after the text. */
static void editor_remove(struct editor *e, size_t idx)
{
	wmemmove(e->buf + idx, e->buf + idx + 1, e->len - idx);
	e->len--;
	e->goal_col = -1;
}

int editor_backspace(struct editor *e)
{
	if (e->cursor == 0)
		return -1;
	e->cursor--;
	editor_remove(e, e->cursor);
	return 0;
}

int editor_delete(struct editor *e)
{
	if (e->cursor >= e->len)
		return -1;
	editor_remove(e, e->cursor);
	return 0;
}

static size_t editor_line_start(const struct editor *e, size_t idx);
static size_t editor_line_end(const struct editor *e, size_t idx);

/* Removes [from, to) (to <= len). */
static int editor_remove_range(struct editor *e, size_t from, size_t to)
{
	if (from >= to)
		return -1;
	wmemmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->cursor = from;
	e->goal_col = -1;
	return 0;
}

int editor_kill_before(struct editor *e)
{
	return editor_remove_range(e, editor_line_start(e, e->cursor), e->cursor);
}

int editor_kill_after(struct editor *e)
{
	return editor_remove_range(e, e->cursor, editor_line_end(e, e->cursor));
}

static size_t editor_line_start(const struct editor *e, size_t idx)
{
	while (idx > 0 && e->buf[idx - 1] != L'\n')
		idx--;
	return idx;
}

static size_t editor_line_end(const struct editor *e, size_t idx)
{
	while (idx < e->len && e->buf[idx] != L'\n')
		idx++;
	return idx;
}

static int editor_char_width(const struct editor *e, size_t idx)
{
	return text_wwidth(e->buf + idx, 1);
}

/* Display column of idx within its line. */
static int editor_column(const struct editor *e, size_t idx)
{
	size_t start = editor_line_start(e, idx);

	return text_wwidth(e->buf + start, idx - start);
}

/* The last character boundary of the line at start whose column is at most
 * col: a double-width character straddling col is not entered. */
static size_t editor_at_column(const struct editor *e, size_t start, int col)
{
	size_t i = start;
	int x = 0;

	while (i < e->len && e->buf[i] != L'\n') {
		int cw = editor_char_width(e, i);
		if (x + cw > col)
			break;
		x += cw;
		i++;
	}
	return i;
}

void editor_left(struct editor *e)
{
	if (e->cursor > 0)
		e->cursor--;
	e->goal_col = -1;
}

void editor_right(struct editor *e)
{
	if (e->cursor < e->len)
		e->cursor++;
	e->goal_col = -1;
}

void editor_home(struct editor *e)
{
	e->cursor = editor_line_start(e, e->cursor);
	e->goal_col = -1;
}

void editor_end(struct editor *e)
{
	e->cursor = editor_line_end(e, e->cursor);
	e->goal_col = -1;
}

/* The column survives a run of up/down moves, so passing through a short
 * line does not pull the cursor left for good. */
static int editor_goal(struct editor *e)
{
	if (e->goal_col < 0)
		e->goal_col = editor_column(e, e->cursor);
	return e->goal_col;
}

void editor_up(struct editor *e)
{
	size_t start = editor_line_start(e, e->cursor);
	int goal = editor_goal(e);

	if (start == 0)
		return;
	e->cursor = editor_at_column(e, editor_line_start(e, start - 1), goal);
}

void editor_down(struct editor *e)
{
	size_t end = editor_line_end(e, e->cursor);
	int goal = editor_goal(e);

	if (end >= e->len)
		return;
	e->cursor = editor_at_column(e, end + 1, goal);
}

void editor_set_cursor(struct editor *e, size_t idx)
{
	e->cursor = idx > e->len ? e->len : idx;
	e->goal_col = -1;
}

void editor_cursor_pos(const struct editor *e, int *line, int *col)
{
	int l = 0;

	for (size_t i = 0; i < e->cursor; i++)
		l += e->buf[i] == L'\n';
	if (line)
		*line = l;
	if (col)
		*col = editor_column(e, e->cursor);
}
