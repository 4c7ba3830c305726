/* keys: the one table of key bindings — dispatch, footers and the help screen all read it. */
#ifndef KAMAE_KEYS_H
#define KAMAE_KEYS_H

#include <curses.h>
#include <wchar.h>

#define KEY_ACTIONS(X) \
	X(ACT_NONE) \
	X(ACT_ANSWER_DONE) \
	X(ACT_ANSWER_PROGRESS) \
	X(ACT_ANSWER_NOTDONE) \
	X(ACT_ANSWER_NA) \
	X(ACT_NOTE) \
	X(ACT_NEXT) \
	X(ACT_BACK) \
	X(ACT_UP) \
	X(ACT_DOWN) \
	X(ACT_PAGE_UP) \
	X(ACT_PAGE_DOWN) \
	X(ACT_SELECT) \
	X(ACT_ACCEPT) \
	X(ACT_LIST) \
	X(ACT_FILTER) \
	X(ACT_GOTO) \
	X(ACT_SEARCH) \
	X(ACT_REVIEW) \
	X(ACT_PROFILE) \
	X(ACT_PLAN) \
	X(ACT_CONTACTS) \
	X(ACT_EXPORT) \
	X(ACT_HELP) \
	X(ACT_GLOSSARY) \
	X(ACT_TERMS) \
	X(ACT_CONFIRM) \
	X(ACT_IMPORT) \
	X(ACT_CLOSE) \
	X(ACT_SIGNOFF) \
	X(ACT_DROP_LEVELS) \
	X(ACT_ADD_ROW) \
	X(ACT_REMOVE_ROW) \
	X(ACT_QUIT)

enum action {
#define X(name) name,
	KEY_ACTIONS(X)
#undef X
	ACT_COUNT
};

/* Where a binding applies; a screen passes one of these. */
enum key_context {
	CTX_WELCOME = 1 << 0,
	CTX_INTRO = 1 << 1,     /* measure / label intro */
	CTX_OFFER = 1 << 2,     /* "answer Lv2 too?" */
	CTX_ITEM = 1 << 3,
	CTX_REVIEW = 1 << 4,
	CTX_LIST = 1 << 5,      /* overview and search results */
	CTX_HELP = 1 << 6,
	CTX_GLOSSARY = 1 << 7,
	CTX_PLAN = 1 << 8,
	CTX_CONTACTS = 1 << 9,
	CTX_EXPORT = 1 << 10,
	CTX_NOTE = 1 << 11,     /* the evidence-note editor */
	CTX_FORM = 1 << 12,     /* profile, plan task and contact forms */
};

/* One key press as wget_wch delivered it. */
struct keypress {
	int fn;        /* 1 for KEY_* function keys (KEY_CODE_YES) */
	wint_t code;
};

/* The action bound to a key in a context, or ACT_NONE. */
enum action keys_lookup(int context, const struct keypress *k);

/* Draws the footer of a context on the two rows starting at y: each shown
 * binding as "KEY label", wrapping to the second row. */
void keys_draw_footer(int context, int y);

/* The help, one section per screen: emit gets each section's heading (keys
 * NULL, is_heading set) and then one entry per key of that screen, the
 * keys as written and the width of the section's longest, and its text. */
void keys_help(void (*emit)(void *ctx, const char *keys, int keys_cols, const char *text, int is_heading),
               void *ctx);

#endif
