/* screen_help: the help generated from the key table, and the guideline's glossary. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <curses.h>
#include <stdio.h>

#include "i18n.h"

#include "ui/app.h"
#include "ui/widgets.h"

#define VIEW_TOP 2

static int view_rows(void)
{
	return LINES - 3 - VIEW_TOP;
}

/* A heading, or one key's entry with its text in a hanging indent. */
static void emit_line(void *ctx, const char *keys, int keys_cols, const char *text, int is_heading)
{
	if (!keys)
		ui_text_add(ctx, text, is_heading ? ROLE_HEADING : ROLE_NORMAL, 0, 0);
	else
		ui_text_add_hanging(ctx, keys, keys_cols, text, ROLE_NORMAL, 2);
}

static void build_help(struct ui_text *t)
{
	ui_text_add(t, _("Answers: 2 対策完了 (done, 2 points), 1 対策中 (in progress, 1 point), 0 未実施 (not done, 0 points), n 該当なし (not applicable: left out of the score)."), ROLE_NORMAL, 0, 0);
	ui_text_add(t, _("Every answer and note is saved at once. q quits at any time; the next start resumes at the first unanswered item."), ROLE_NORMAL, 0, 0);
	ui_text_blank(t);
	keys_help(emit_line, t);
	ui_text_add(t, _("Press w for the glossary of the guideline's terms."), ROLE_KEY, 0, 0);
}

static void add_term(struct ui_text *t, const struct catalog_term *term)
{
	ui_text_add(t, term->term, ROLE_HEADING, 0, 0);
	ui_text_add(t, term->definition, ROLE_NORMAL, 2, 0);
}

/* The whole glossary, or only the terms of a->glossary_item. */
static void build_glossary(struct app *a, struct ui_text *t)
{
	int terms[64], n;
	if (!a->glossary_item) {
		for (int i = 0; i < a->cat->n_terms; i++)
			add_term(t, &a->cat->terms[i]);
		return;
	}
	n = catalog_item_terms(a->cat, a->glossary_item, terms, (int)(sizeof terms / sizeof terms[0]));
	for (int i = 0; i < n; i++)
		add_term(t, &a->cat->terms[terms[i]]);
}

static void view_draw(struct app *a, int glossary)
{
	struct ui_text t;
	int rows = view_rows();
	char title[128];
	if (glossary && a->glossary_item)
		snprintf(title, sizeof title, _("Terms of No.%d (guideline glossary)"), a->glossary_item);
	else
		snprintf(title, sizeof title, "%s", glossary ? _("Glossary (guideline section 6)") : _("Help"));
	app_draw_title(a, title);
	ui_text_init(&t, COLS - 3);
	if (glossary)
		build_glossary(a, &t);
	else
		build_help(&t);
	a->scroll = ui_text_clamp(&t, rows, a->scroll);
	ui_text_draw(&t, VIEW_TOP, 1, rows, a->scroll);
	ui_text_free(&t);
	app_draw_message(a, LINES - 3);
	keys_draw_footer(glossary ? CTX_GLOSSARY : CTX_HELP, LINES - 2);
}

static void help_draw(struct app *a)
{
	view_draw(a, 0);
}

static void glossary_draw(struct app *a)
{
	view_draw(a, 1);
}

static void view_key(struct app *a, const struct keypress *k, int context)
{
	switch (keys_lookup(context, k)) {
	case ACT_UP: a->scroll--; break;
	case ACT_DOWN: a->scroll++; break;
	case ACT_PAGE_UP: a->scroll -= view_rows(); break;
	case ACT_PAGE_DOWN: a->scroll += view_rows(); break;
	case ACT_GLOSSARY:
		a->glossary_item = 0;
		a->screen = SCREEN_GLOSSARY;
		a->scroll = 0;
		break;
	case ACT_CLOSE:
		/* An item's terms go back to the item; the whole glossary to help. */
		a->screen = context == CTX_GLOSSARY && !a->glossary_item ? SCREEN_HELP : a->back_to;
		a->glossary_item = 0;
		a->scroll = 0;
		break;
	default:
		break;
	}
	if (a->scroll < 0)
		a->scroll = 0;
}

static void help_key(struct app *a, const struct keypress *k)
{
	view_key(a, k, CTX_HELP);
}

static void glossary_key(struct app *a, const struct keypress *k)
{
	view_key(a, k, CTX_GLOSSARY);
}

const struct screen screen_help = { help_draw, help_key };
const struct screen screen_glossary = { glossary_draw, glossary_key };
