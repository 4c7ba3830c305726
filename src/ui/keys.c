/* keys: the key table — dispatch, footers and the help screen all read it. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdio.h>
#include <string.h>

#include "i18n.h"

#include "text.h"
#include "ui/keys.h"
#include "ui/theme.h"

#define MAX_KEYS 4
#define C(c) { 0, (wint_t)(c) }
#define F(k) { 1, (wint_t)(k) }
#define CTX_STEPS (CTX_INTRO | CTX_OFFER | CTX_ITEM | CTX_REVIEW)
#define CTX_ANY_WIZARD (CTX_STEPS | CTX_LIST)

struct binding {
	int contexts;
	enum action action;
	struct keypress keys[MAX_KEYS];
	const char *shown;    /* how the keys are written (ASCII: arrows are ambiguous-width) */
	const char *footer;   /* short label for the footer, NULL = help only */
	const char *help;     /* one line for the help screen, NULL = shown with another */
};

/* Order matters: the footer shows bindings in this order. Bindings with no
 * keys only document what a text editor does itself (footer and help). */
static const struct binding bindings[] = {
	{ CTX_NOTE, ACT_NONE, { { 0, 0 } }, "Esc/Tab", N_("save and close"),
	  N_("Save the note and go back to the item") },
	{ CTX_NOTE, ACT_NONE, { { 0, 0 } }, "Enter", N_("new line"), N_("Start a new line") },
	{ CTX_NOTE, ACT_NONE, { { 0, 0 } }, N_("Arrows Home End"), N_("move"),
	  N_("Move the cursor (Up/Down by displayed line)") },
	{ CTX_NOTE | CTX_FORM, ACT_NONE, { { 0, 0 } }, "BS Del", N_("delete"),
	  N_("Delete before or at the cursor") },
	{ CTX_FORM, ACT_NONE, { { 0, 0 } }, "Enter", N_("next field (saved)"),
	  N_("Save this field and go to the next; on the last one, close") },
	{ CTX_FORM, ACT_NONE, { { 0, 0 } }, "Up/Dn", N_("move"), N_("Previous or next field") },
	{ CTX_FORM, ACT_NONE, { { 0, 0 } }, "1-9 <-/->", N_("choose"),
	  N_("Choose in a field with options") },
	{ CTX_FORM, ACT_NONE, { { 0, 0 } }, "Esc", N_("back"), N_("Close the form; what was entered is kept") },
	{ CTX_ITEM, ACT_ANSWER_DONE, { C('2') }, "2", N_("done"),
	  N_("Answer 対策完了: the condition is met and you can show evidence") },
	{ CTX_ITEM, ACT_ANSWER_PROGRESS, { C('1') }, "1", N_("in progress"),
	  N_("Answer 対策中: partly done, or decided but not yet in use") },
	{ CTX_ITEM, ACT_ANSWER_NOTDONE, { C('0') }, "0", N_("not done"),
	  N_("Answer 未実施: nothing is in place yet") },
	{ CTX_ITEM, ACT_ANSWER_NA, { C('n'), C('N') }, "n", N_("N/A"),
	  N_("Answer 該当なし: the item does not apply to your company (say why in the note)") },
	{ CTX_ITEM, ACT_NOTE, { C('e'), C('\t') }, "e", N_("note"),
	  N_("Write the evidence note (評価の根拠); Esc or Tab saves and closes it") },
	{ CTX_ITEM, ACT_CONFIRM, { C('\n'), C('\r'), F(KEY_ENTER) }, "Enter", NULL,
	  N_("要再確認: keep last year's answer as it is, and go on") },
	{ CTX_ITEM, ACT_TERMS, { C('t') }, "t", NULL,
	  N_("The glossary terms this item uses (underlined), with their definitions") },
	{ CTX_WELCOME | CTX_INTRO, ACT_NEXT, { C('\n'), C('\r'), F(KEY_ENTER), F(KEY_RIGHT) }, "Enter",
	  N_("continue"), N_("Go on to the next screen") },
	{ CTX_WELCOME, ACT_IMPORT, { C('i'), C('I') }, "i", N_("import a checksheet"),
	  N_("Start from a filled checksheet (.xlsx): type its path") },
	{ CTX_STEPS | CTX_LIST, ACT_IMPORT, { C('I') }, "I", NULL,
	  N_("Import a filled checksheet (.xlsx) into this year: answers you already gave are kept") },
	{ CTX_OFFER, ACT_ACCEPT, { C('y'), C('Y') }, "y", N_("answer these too"),
	  N_("Add this level's items to the flow") },
	{ CTX_OFFER, ACT_NEXT, { C('\n'), C('\r'), F(KEY_ENTER), F(KEY_RIGHT) }, "Enter",
	  N_("skip"), N_("Skip this level and go on") },
	/* Left and Right move between screens; PgUp, PgDn and Space page, as
	 * in every list. */
	{ CTX_STEPS, ACT_NEXT, { F(KEY_RIGHT) }, "->", N_("next"),
	  N_("Next screen without answering") },
	{ CTX_STEPS, ACT_BACK, { F(KEY_LEFT) }, "<-", N_("back"),
	  N_("Previous screen") },
	{ CTX_ITEM | CTX_INTRO | CTX_HELP | CTX_GLOSSARY, ACT_UP, { F(KEY_UP), C('k') }, "Up/Dn",
	  N_("scroll"), N_("Scroll the text up and down") },
	{ CTX_ITEM | CTX_INTRO | CTX_HELP | CTX_GLOSSARY, ACT_DOWN, { F(KEY_DOWN), C('j') },
	  "Dn", NULL, NULL },
	{ CTX_ITEM | CTX_INTRO | CTX_REVIEW, ACT_PAGE_UP, { F(KEY_PPAGE) }, "PgUp", NULL, N_("Page up") },
	{ CTX_ITEM | CTX_INTRO | CTX_REVIEW, ACT_PAGE_DOWN, { F(KEY_NPAGE), C(' ') }, "PgDn/Space",
	  NULL, N_("Page down") },
	{ CTX_LIST | CTX_REVIEW | CTX_PLAN | CTX_CONTACTS, ACT_UP, { F(KEY_UP), C('k') }, "Up/Dn",
	  N_("choose"), N_("Move the selection up and down") },
	{ CTX_LIST | CTX_REVIEW | CTX_PLAN | CTX_CONTACTS, ACT_DOWN, { F(KEY_DOWN), C('j') }, "Dn",
	  NULL, NULL },
	{ CTX_LIST | CTX_PLAN | CTX_CONTACTS | CTX_HELP | CTX_GLOSSARY, ACT_PAGE_UP,
	  { F(KEY_PPAGE) }, "PgUp", NULL, N_("Page up") },
	{ CTX_LIST | CTX_PLAN | CTX_CONTACTS | CTX_HELP | CTX_GLOSSARY, ACT_PAGE_DOWN,
	  { F(KEY_NPAGE), C(' ') }, "PgDn/Space", NULL, N_("Page down") },
	{ CTX_LIST | CTX_REVIEW, ACT_SELECT, { C('\n'), C('\r'), F(KEY_ENTER) }, "Enter",
	  N_("open"), N_("Open the selected item") },
	{ CTX_LIST, ACT_FILTER, { C('u') }, "u", N_("unanswered only"),
	  N_("Show only unanswered items, or all again") },
	{ CTX_ANY_WIZARD, ACT_LIST, { C('l') }, "l", N_("list"),
	  N_("Overview of all items with their answers") },
	{ CTX_ANY_WIZARD, ACT_GOTO, { C('g') }, "g", N_("go to"), N_("Jump to an item by its number") },
	{ CTX_ANY_WIZARD, ACT_SEARCH, { C('/') }, "/", N_("search"),
	  N_("Search the item texts, the coach, the glossary and your notes") },
	{ CTX_STEPS | CTX_LIST, ACT_REVIEW, { C('r') }, "r", NULL,
	  N_("Review: scores, industry average, what is left") },
	{ CTX_STEPS | CTX_LIST, ACT_PROFILE, { C('p') }, "p", NULL,
	  N_("Edit the company profile (name, size, target level...)") },
	{ CTX_REVIEW | CTX_LIST | CTX_CONTACTS, ACT_PLAN, { C('a') }, "a",
	  N_("plan"), N_("The improvement plan: tasks, owners, due dates") },
	{ CTX_REVIEW | CTX_LIST | CTX_PLAN, ACT_CONTACTS, { C('c') }, "c",
	  N_("contacts"), N_("The incident-response contact sheet") },
	{ CTX_REVIEW | CTX_LIST | CTX_PLAN | CTX_CONTACTS, ACT_EXPORT, { C('x') }, "x",
	  N_("export"), N_("Write the checksheet (xlsx), plan and contact sheet (HTML, text)") },
	{ CTX_PLAN | CTX_CONTACTS, ACT_SELECT, { C('\n'), C('\r'), F(KEY_ENTER) }, "Enter",
	  N_("edit"), N_("Edit the selected entry") },
	{ CTX_REVIEW, ACT_DROP_LEVELS, { C('-') }, "-", N_("levels past the target out"),
	  N_("Leave the levels beyond your target out of the assessment again (answers are kept)") },
	{ CTX_CONTACTS, ACT_ADD_ROW, { C('+') }, "+", N_("add a row"),
	  N_("Add another row of the selected kind (a second customer, the local police station...)") },
	{ CTX_CONTACTS, ACT_REMOVE_ROW, { C('-'), F(KEY_DC) }, "-/Del", N_("remove"),
	  N_("Remove the selected row: press it twice. A role's own row is emptied, not removed") },
	{ CTX_PLAN, ACT_SIGNOFF, { C('s') }, "s", N_("sign-off"),
	  N_("Who approves the plan, and when (printed on its first page)") },
	{ CTX_EXPORT, ACT_SELECT, { C('\n'), C('\r'), F(KEY_ENTER) }, "Enter",
	  N_("write the files"), N_("Write every file into a dated folder under the folder shown") },
	{ CTX_ITEM | CTX_INTRO | CTX_OFFER, ACT_PLAN, { C('a') }, "a", NULL,
	  N_("The improvement plan") },
	{ CTX_ITEM | CTX_INTRO | CTX_OFFER, ACT_CONTACTS, { C('c') }, "c", NULL,
	  N_("The incident-response contact sheet") },
	{ CTX_ITEM | CTX_INTRO | CTX_OFFER, ACT_EXPORT, { C('x') }, "x", NULL,
	  N_("Export the files") },
	{ CTX_HELP, ACT_GLOSSARY, { C('w') }, "w", N_("glossary"),
	  N_("Glossary: the 61 terms of the guideline explained") },
	/* The export screen's folder field takes letters: only Esc closes it. */
	{ CTX_EXPORT, ACT_CLOSE, { C(27) }, "Esc", N_("back"), N_("Close this screen") },
	{ CTX_LIST | CTX_HELP | CTX_GLOSSARY | CTX_PLAN | CTX_CONTACTS, ACT_CLOSE,
	  { C(27), C('q') }, "Esc/q", N_("back"), N_("Close this screen") },
	{ CTX_WELCOME | CTX_STEPS, ACT_HELP, { C('?'), F(KEY_F(1)) }, "?", N_("help"),
	  N_("This help: every key, and the glossary") },
	{ CTX_WELCOME | CTX_STEPS, ACT_QUIT, { C('q'), C('Q'), C(3) }, "q", N_("quit"),
	  N_("Quit; every answer is already saved") },
};
#define N_BINDINGS (sizeof bindings / sizeof bindings[0])

static int key_equal(const struct keypress *a, const struct keypress *b)
{
	return a->fn == b->fn && a->code == b->code;
}

enum action keys_lookup(int context, const struct keypress *k)
{
	for (size_t i = 0; i < N_BINDINGS; i++) {
		const struct binding *b = &bindings[i];
		if (!(b->contexts & context))
			continue;
		for (int j = 0; j < MAX_KEYS && b->keys[j].code; j++)
			if (key_equal(&b->keys[j], k))
				return b->action;
	}
	return ACT_NONE;
}

/* Draws "KEY label" at (y, x) if it fits before the right edge; returns the
 * new x, or -1 when it did not fit. */
static int draw_entry(int y, int x, const char *shown, const char *label)
{
	int w = text_width(shown) + 1 + text_width(label) + 2;
	if (x + w > COLS)
		return -1;
	attrset(theme_attr(ROLE_KEY));
	mvaddstr(y, x, shown);
	attrset(theme_attr(ROLE_FOOTER));
	addstr(" ");
	addstr(label);
	return x + w;
}

void keys_draw_footer(int context, int y)
{
	int x = 1, row = y;
	for (size_t i = 0; i < N_BINDINGS; i++) {
		const struct binding *b = &bindings[i];
		if (!(b->contexts & context) || !b->footer)
			continue;
		int nx = draw_entry(row, x, _(b->shown), _(b->footer));
		if (nx < 0 && row == y) {
			row++;
			x = 1;
			nx = draw_entry(row, x, _(b->shown), _(b->footer));
		}
		if (nx < 0)
			break;
		x = nx;
	}
	attrset(A_NORMAL);
}

/* 1 when an earlier binding of the section already documents these keys:
 * one entry per key per screen. */
static int keys_listed(size_t upto, int context, const char *shown)
{
	for (size_t i = 0; i < upto; i++)
		if ((bindings[i].contexts & context) && bindings[i].help
		    && strcmp(bindings[i].shown, shown) == 0)
			return 1;
	return 0;
}

void keys_help(void (*emit)(void *ctx, const char *keys, int keys_cols, const char *text, int is_heading),
               void *ctx)
{
	/* One section per screen, so that a key means one thing in each. */
	static const struct {
		int context;
		const char *title;
	} sections[] = {
		{ CTX_ITEM, N_("On an item") },
		{ CTX_INTRO, N_("On an introduction") },
		{ CTX_OFFER, N_("When a further level is offered") },
		{ CTX_REVIEW, N_("In the review") },
		{ CTX_LIST, N_("In the lists (overview, search results)") },
		{ CTX_PLAN, N_("On the plan") },
		{ CTX_CONTACTS, N_("On the contact sheet") },
		{ CTX_EXPORT, N_("On the export screen") },
		{ CTX_NOTE, N_("In the note editor") },
		{ CTX_FORM, N_("In forms (profile, plan task, contact)") },
		{ CTX_HELP, N_("In this help") },
	};
	for (size_t s = 0; s < sizeof sections / sizeof sections[0]; s++) {
		int cols = 0;
		for (size_t i = 0; i < N_BINDINGS; i++)
			if ((bindings[i].contexts & sections[s].context) && bindings[i].help
			    && text_width(_(bindings[i].shown)) > cols)
				cols = text_width(_(bindings[i].shown));
		emit(ctx, NULL, 0, _(sections[s].title), 1);
		for (size_t i = 0; i < N_BINDINGS; i++) {
			const struct binding *b = &bindings[i];
			if (!(b->contexts & sections[s].context) || !b->help
			    || keys_listed(i, sections[s].context, b->shown))
				continue;
			emit(ctx, _(b->shown), cols, _(b->help), 0);
		}
		emit(ctx, NULL, 0, "", 0);
	}
}
