/* screen_welcome: the first-run welcome — what the guideline is, why, what you get. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <curses.h>

#include "i18n.h"

#include "ui/app.h"
#include "ui/widgets.h"

static void welcome_draw(struct app *a)
{
	struct ui_text t;
	app_draw_title(a, _("Welcome to kamae - cybersecurity self-assessment (JAMA/JAPIA guideline v2.3)"));
	ui_text_init(&t, COLS - 4);
	ui_text_add(&t, _("The automotive industry's cybersecurity guideline (JAMA/JAPIA v2.3) lists 153 checks, in three levels. Your customer (an OEM or Tier 1 supplier) asks you every year for this self-assessment, because attackers reach carmakers through their weakest supplier."), ROLE_NORMAL, 0, 0);
	ui_text_blank(&t);
	ui_text_add(&t, _("You answer the 19 priority items first (the \"8+11\" the industry asks small companies to do first), then the rest of Lv1 and, for the usual target Lv2, the Lv2 items. One key per answer: 2 done, 1 in progress, 0 not done, n not applicable."), ROLE_NORMAL, 0, 0);
	ui_text_blank(&t);
	ui_text_add(&t, _("At the end you get the filled checksheet (xlsx) for your customer, an improvement plan to show your boss, and an incident-response contact sheet for the wall."), ROLE_NORMAL, 0, 0);
	ui_text_blank(&t);
	ui_text_add(&t, _("Every answer is saved the moment you give it: you can quit with q at any time and carry on later."), ROLE_NORMAL, 0, 0);
	ui_text_blank(&t);
	ui_text_add(&t, _("Press Enter to fill in the company profile."), ROLE_KEY, 0, 0);
	ui_text_add(&t, _("Already filled in a checksheet (xlsx) in an earlier year? Press i to start from it."),
	            ROLE_KEY, 0, 0);
	ui_text_draw(&t, 2, 2, LINES - 5, 0);
	ui_text_free(&t);
	app_draw_message(a, LINES - 3);
	keys_draw_footer(CTX_WELCOME, LINES - 2);
}

static void welcome_key(struct app *a, const struct keypress *k)
{
	enum action act = keys_lookup(CTX_WELCOME, k);
	if (act == ACT_NEXT) {
		app_profile_begin(a);
	} else if (act == ACT_IMPORT) {
		app_prompt_open(a, PROMPT_IMPORT);
	} else if (act == ACT_HELP) {
		app_common_action(a, act);
	} else if (act == ACT_QUIT) {
		a->quit = 1;
	}
}

const struct screen screen_welcome = { welcome_draw, welcome_key };
