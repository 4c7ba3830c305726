/* editor: a multi-line wide-character text buffer with a cursor — the model behind the note editor; no curses. */
#ifndef KAMAE_EDITOR_H
#define KAMAE_EDITOR_H

#include <stddef.h>
#include <wchar.h>

struct editor {
	wchar_t *buf;     /* always NUL-terminated; '\n' separates lines */
	size_t len;       /* characters in buf */
	size_t cap;       /* allocated characters (excluding the NUL) */
	size_t max;       /* the visible length limit (characters) */
	size_t cursor;    /* 0..len */
	int goal_col;     /* column kept while moving up/down, -1 when unset */
};

/* Starts from UTF-8 text (may be NULL); invalid bytes become U+FFFD, control
 * characters other than '\n' are dropped, text beyond max is cut. Cursor at
 * the end. Returns 0, or -1 when out of memory. */
int editor_init(struct editor *e, const char *utf8, size_t max);
void editor_free(struct editor *e);
/* The text as newly malloc'd UTF-8 (caller frees), NULL when out of memory. */
char *editor_text(const struct editor *e);

/* Editing; each returns 0, or -1 when nothing changed (limit reached,
 * nothing to delete, control character refused). */
int editor_insert(struct editor *e, wchar_t c);      /* '\n' allowed */
int editor_backspace(struct editor *e);              /* deletes before the cursor */
int editor_delete(struct editor *e);                 /* deletes at the cursor */
/* The shell's keys: Ctrl-U deletes from the line's start to the cursor (a
 * field opens with the cursor at its end, so it clears it), Ctrl-K from the
 * cursor to the line's end. */
int editor_kill_before(struct editor *e);
int editor_kill_after(struct editor *e);

/* Cursor movement by characters and logical lines. Up/down keep the display
 * column (wcwidth-based: a double-width character is 2 columns), landing on
 * the character boundary at or before that column. */
void editor_left(struct editor *e);
void editor_right(struct editor *e);
void editor_home(struct editor *e);                  /* start of the line */
void editor_end(struct editor *e);                   /* end of the line */
void editor_up(struct editor *e);
void editor_down(struct editor *e);

/* Puts the cursor at character index idx (clamped to 0..len). */
void editor_set_cursor(struct editor *e, size_t idx);

/* Where the cursor is: logical line (0-based) and display column within it. */
void editor_cursor_pos(const struct editor *e, int *line, int *col);

#endif
