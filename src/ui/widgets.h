/* widgets: reusable drawing pieces — wrapped text blocks, bars, the note editor view. */
#ifndef KAMAE_WIDGETS_H
#define KAMAE_WIDGETS_H

#include <wchar.h>

#include "editor.h"
#include "ui/keys.h"
#include "ui/theme.h"

struct ui_line {
	wchar_t *text;     /* owned, NUL-terminated */
	enum theme_role role;
	int indent;
	int tag;           /* caller's marker (e.g. an item number), 0 if none */
};

/* Display lines built from UTF-8 paragraphs, wrapped to a width. */
struct ui_text {
	struct ui_line *lines;
	int n, cap;
	int width;
	wchar_t **marks;   /* words drawn underlined wherever they occur (owned) */
	int n_marks;
};

void ui_text_init(struct ui_text *t, int width);
void ui_text_free(struct ui_text *t);
/* Wraps a UTF-8 paragraph ('\n' starts a new line) at width - indent and
 * appends its lines; tag marks every line added. */
void ui_text_add(struct ui_text *t, const char *utf8, enum theme_role role, int indent, int tag);
/* A labelled paragraph: head at indent, the text after it wrapped so that
 * every later line starts under the text's first (a hanging indent). */
void ui_text_add_hanging(struct ui_text *t, const char *head, int head_cols, const char *utf8,
                         enum theme_role role, int indent);
void ui_text_blank(struct ui_text *t);
/* Adds a word (UTF-8) to underline wherever it occurs in ROLE_NORMAL lines
 * (glossary terms in an item's texts). */
void ui_text_mark(struct ui_text *t, const char *utf8);
/* Draws rows lines from top at (y, x). */
void ui_text_draw(const struct ui_text *t, int y, int x, int rows, int top);
/* The scroll offset brought into range for a view of rows lines. */
int ui_text_clamp(const struct ui_text *t, int rows, int top);

/* Prints UTF-8 at (y, x), cut to at most cols columns. */
void widget_print(int y, int x, int cols, const char *utf8, enum theme_role role);
/* Fills row y with spaces in a role (title bars). */
void widget_bar_row(int y, enum theme_role role);
/* A horizontal rule across row y, in ASCII: line-drawing characters are
 * ambiguous-width and break layouts on CJK terminals. */
void widget_rule(int y);
/* "[#####-----] 3/19" in width columns. */
void widget_progress(int y, int x, int width, int done, int total);

/* Draws the editor's text wrapped into a rows × cols box at (y, x), keeping
 * the cursor visible by adjusting *top, and leaves the terminal cursor on it. */
void widget_editor_draw(const struct editor *e, int y, int x, int rows, int cols, int *top);
/* Moves the cursor one wrapped (visual) line up (dir < 0) or down, keeping
 * the display column, for a box cols wide. */
void widget_editor_vertical(struct editor *e, int cols, int dir);

/* The editing keys every text field shares: Left/Right, Home/End,
 * Backspace (KEY_BACKSPACE, 127, 8), Delete and printable characters; accept
 * (may be NULL) filters what may be typed. Returns 1 when the key was one of
 * them. Enter, Tab, Esc and Up/Down are left to the caller. */
int widget_editor_key(struct editor *e, const struct keypress *k, int (*accept)(wint_t c));
/* One row of a selectable list: text cut to the width, highlighted across
 * the whole row when selected. */
void widget_list_row(int y, const char *utf8, enum theme_role role, int selected);

#endif
