/* app: the state every screen shares and the changes they make to it — answers, notes, the profile, the flow and its levels, the prompt, loading and freeing; no screen is called from here. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "i18n.h"

#include "import.h"
#include "search.h"
#include "xlsx_read.h"
#include "text.h"
#include "ui/app.h"
#include "ui/theme.h"
#include "ui/widgets.h"

static void rebuild_flow(struct app *a, int with_lv2, int with_lv3);
static void remember_scope(struct app *a, int lv2, int lv3);

void app_message(struct app *a, int error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->message, sizeof a->message, fmt, ap);
	va_end(ap);
	a->message_error = error;
}

int app_set_answer(struct app *a, int item, enum answer value)
{
	if (store_answer_set(a->st, a->profile.id, item, value) != STORE_OK) {
		app_message(a, 1, _("Not saved: %s"), store_error(a->st));
		return -1;
	}
	/* Answering an item beyond the target is the explicit yes. */
	int level = a->cat->items[item - 1].level;
	if (value != ANSWER_NONE && level > a->profile.target_level && level > app_opted_level(a))
		remember_scope(a, level >= 2, level == 3);
	a->answers[item - 1].value = value;
	a->answers[item - 1].confirmed = 1;   /* answering confirms */
	a->values[item - 1] = value;
	app_update_open(a);
	return 0;
}

void app_update_open(struct app *a)
{
	int carried = 0;
	for (int i = 0; i < CATALOG_ITEMS; i++) {
		a->open[i] = a->answers[i].confirmed ? a->values[i] : ANSWER_NONE;
		carried += !a->answers[i].confirmed;
	}
	/* Year two goes from one carried answer to the next: the intros were
	 * read last year. */
	a->wiz.skip_intros = carried > 0;
}

int app_set_note(struct app *a, int item, const char *note)
{
	if (store_note_set(a->st, a->profile.id, item, note) != STORE_OK) {
		app_message(a, 1, _("Note not saved: %s"), store_error(a->st));
		return -1;
	}
	char *copy = strdup(note);
	if (copy) {
		free(a->answers[item - 1].note);
		a->answers[item - 1].note = copy;
	}
	return 0;
}

static int app_load_assessment(struct app *a);

/* The profile's year changed: that year's assessment is opened, or a new
 * one started from this one (year two: every answer 要再確認). */
static int app_change_year(struct app *a, const struct store_profile *p)
{
	struct store_profile copy = *p, existing;
	int carried = 0, from_year = a->profile.year;
	int64_t from_id = a->profile.id;
	int exists = store_profile_by_year(a->st, p->year, &existing) == STORE_OK;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	/* A typo (2072) would start a year that then opens by default. */
	if (!exists && p->year > tm.tm_year + 1900 + 1) {
		app_message(a, 1, _("FY%d is more than a year ahead: check the year (no assessment was started)."),
		            p->year);
		return -1;
	}
	copy.id = exists ? existing.id : 0;
	if (store_profile_save(a->st, &copy) != STORE_OK
	    || (!exists && from_year < p->year
	        && store_carry_forward(a->st, from_id, copy.id, &carried) != STORE_OK)) {
		app_message(a, 1, _("Profile not saved: %s"), store_error(a->st));
		return -1;
	}
	store_select_year(a->st, p->year);
	store_answers_free(a->answers, CATALOG_ITEMS);
	app_contacts_free(a);
	if (a->plan_loaded)
		plan_free(&a->plan);
	a->plan_loaded = 0;
	if (app_load_assessment(a) != 0)
		return -1;
	if (carried)
		app_message(a, 0, ngettext("FY%d started from FY%d: %d answer to re-confirm (要再確認).",
		                           "FY%d started from FY%d: %d answers to re-confirm (要再確認), one key each.",
		                           (unsigned long)carried), p->year, from_year, carried);
	else
		app_message(a, 0, _("Now working on FY%d."), p->year);
	return 1;
}

int app_save_profile(struct app *a, const struct store_profile *p)
{
	struct store_profile copy = *p;
	if (a->have_profile && p->year != a->profile.year)
		return app_change_year(a, p);
	if (store_profile_save(a->st, &copy) != STORE_OK) {
		app_message(a, 1, _("Profile not saved: %s"), store_error(a->st));
		return -1;
	}
	int target_changed = !a->have_profile || copy.target_level != a->profile.target_level;
	int lowered = a->have_profile && copy.target_level < a->profile.target_level;
	a->profile = copy;
	a->have_profile = 1;
	if (lowered) {
		/* The levels the old target took in were never a yes of their own:
		 * they leave the flow, answers kept, until a yes on their offer. */
		remember_scope(a, a->scope_lv2, a->scope_lv3);
		rebuild_flow(a, a->scope_lv2, a->scope_lv3);
	} else if (target_changed)
		rebuild_flow(a, a->wiz.with_lv2, a->wiz.with_lv3);
	return 0;
}

#define SCOPE_KEY_LV2 "scope_lv2"
#define SCOPE_KEY_LV3 "scope_lv3"

static void rebuild_flow(struct app *a, int with_lv2, int with_lv3)
{
	with_lv2 = with_lv2 || with_lv3;
	wizard_rebuild(&a->wiz, a->cat, a->profile.target_level, with_lv2, with_lv3);
}

/* Remembered so that the next start shows the same flow; a failure only
 * costs the opt-in, never an answer. */
static void remember_scope(struct app *a, int lv2, int lv3)
{
	/* "0": left out on purpose, even where answers beyond the target exist. */
	store_setting_set(a->st, a->profile.id, SCOPE_KEY_LV2, lv2 || lv3 ? "1" : "0");
	store_setting_set(a->st, a->profile.id, SCOPE_KEY_LV3, lv3 ? "1" : "0");
	a->scope_lv2 = lv2 || lv3;
	a->scope_lv3 = lv3;
}

void app_include_level(struct app *a, int level)
{
	int lv2 = a->wiz.with_lv2 || level >= 2, lv3 = a->wiz.with_lv3 || level == 3;
	if (level <= a->profile.target_level)
		return;
	rebuild_flow(a, lv2, lv3);
	remember_scope(a, lv2, lv3);
}

/* Only to read an item beyond the target: in the flow for this session,
 * not in the assessment. Answering one, or y on the offer, opts it in. */
static void app_peek_level(struct app *a, int level)
{
	int lv2 = a->wiz.with_lv2 || level >= 2, lv3 = a->wiz.with_lv3 || level == 3;
	rebuild_flow(a, lv2, lv3);
}

int app_opted_level(const struct app *a)
{
	return a->scope_lv3 ? 3 : a->scope_lv2 ? 2 : 0;
}

void app_exclude_levels(struct app *a)
{
	rebuild_flow(a, 0, 0);
	remember_scope(a, 0, 0);
}

int app_max_level(const struct app *a)
{
	if (a->wiz.with_lv3 || a->profile.target_level == 3)
		return 3;
	return a->wiz.with_lv2 ? 2 : a->profile.target_level;
}

/* A scope setting: 1 opted in, 0 left out on purpose, -1 never set. */
static int setting_state(struct app *a, const char *key)
{
	char *v = NULL;
	int state = -1;
	if (store_setting_get(a->st, a->profile.id, key, &v) == STORE_OK && v && v[0])
		state = v[0] == '1';
	free(v);
	return state;
}

#define INTROS_SEEN_KEY "intros_seen"

/* An intro read once is not shown again by the next session either; a
 * failure to remember it costs only seeing it again. */
static void remember_intros(struct app *a)
{
	char seen[WIZARD_SEEN_MAX];
	wizard_seen_save(&a->wiz, seen, sizeof seen);
	if (a->have_profile)
		store_setting_set(a->st, a->profile.id, INTROS_SEEN_KEY, seen);
}

static void recall_intros(struct app *a)
{
	char *seen = NULL;
	if (store_setting_get(a->st, a->profile.id, INTROS_SEEN_KEY, &seen) == STORE_OK)
		wizard_seen_load(&a->wiz, seen);
	free(seen);
}

void app_show_step(struct app *a)
{
	a->screen = SCREEN_STEP;
	if (wizard_mark_seen(&a->wiz))
		remember_intros(a);
	a->scroll = 0;
	/* The review opens at its top, nothing selected: Down enters the list. */
	a->selected = wizard_current(&a->wiz)->kind == STEP_REVIEW ? -1 : 0;
	a->list_top = 0;
}

void app_open_item(struct app *a, int item)
{
	const struct catalog_item *it = catalog_item(a->cat, item);
	if (!it)
		return;
	if (wizard_find_item(&a->wiz, item) < 0) {
		/* Beyond the target: shown to read; only an answer (or y on the
		 * offer) adds the level to the assessment. */
		app_peek_level(a, it->level);
		app_message(a, 0, _("Lv%d is beyond your target: answering this item adds Lv%d to your assessment."),
		            it->level, it->level);
	}
	wizard_jump_item(&a->wiz, item);
	app_show_step(a);
}

void app_open_list(struct app *a, const char *query)
{
	int flow[CATALOG_ITEMS], n = wizard_items(&a->wiz, flow);
	snprintf(a->list_query, sizeof a->list_query, "%s", query ? query : "");
	a->list_n = 0;
	if (query) {
		/* Every item, not only those in the flow; notes too. */
		int n_found = search_items(a->cat, a->answers, query, a->list_items);
		a->list_n = n_found > 0 ? n_found : 0;
	} else {
		for (int i = 0; i < n; i++)
			if (!a->list_unanswered_only || a->values[flow[i] - 1] == ANSWER_NONE)
				a->list_items[a->list_n++] = flow[i];
	}
	a->screen = SCREEN_LIST;
	a->selected = 0;
	a->list_top = 0;
}

/* Whose file and which year: a facilitator with several files open must
 * see which one this is, on every screen. */
int app_identity(const struct app *a, char *buf, size_t len)
{
	char company[64];
	if (!a->have_profile) {
		buf[0] = '\0';
		return 0;
	}
	/* The name is cut (with an ellipsis) so that the year always shows. */
	text_truncate(a->profile.company[0] ? a->profile.company : _("(no company name)"), 22, 1,
	              company, sizeof company);
	snprintf(buf, len, _("%s  FY%d"), company, a->profile.year);
	return text_width(buf);
}

void app_draw_title(struct app *a, const char *title)
{
	char who[128];
	int w = app_identity(a, who, sizeof who);
	widget_bar_row(0, ROLE_TITLE);
	widget_print(0, 1, COLS - w - 4, title, ROLE_TITLE);
	if (w)
		widget_print(0, COLS - w - 1, w, who, ROLE_TITLE);
}

void app_draw_message(struct app *a, int y)
{
	char fit[sizeof a->message + 8];
	const char *shown = a->message;
	if (!shown[0])
		return;
	/* A message longer than the row ends in "~" rather than just stopping
	 * (cut, it is shorter than the message: fit holds it). */
	if (text_width(shown) > COLS - 2) {
		text_fit(shown, COLS - 2, fit, sizeof fit);
		shown = fit;
	}
	widget_print(y, 1, COLS - 2, shown, a->message_error ? ROLE_ERROR : ROLE_OK);
}

void app_prompt_open(struct app *a, enum prompt_kind kind)
{
	editor_free(&a->prompt_text);
	editor_init(&a->prompt_text, "", kind == PROMPT_GOTO ? 3 : kind == PROMPT_IMPORT ? APP_PATH_MAX
	                                                                        : APP_PROMPT_MAX);
	a->prompt = kind;
}

void app_prompt_draw(struct app *a, int y)
{
	const char *label = a->prompt == PROMPT_GOTO ? _("Go to item No. (1-153): ")
	                    : a->prompt == PROMPT_IMPORT ? _("Filled checksheet (.xlsx) to import: ")
	                    : _("Search: ");
	move(y, 0);
	clrtoeol();
	widget_print(y, 1, COLS - 2, label, ROLE_KEY);
	int x = 1 + text_width(label);
	int top = 0;
	curs_set(1);
	widget_editor_draw(&a->prompt_text, y, x, 1, COLS - x - 1, &top);
}

/* i on the welcome screen: start from a filled checksheet. Its answers and
 * notes come in 要再確認 (like kamae import); then the profile is filled. */
static void app_import_file(struct app *a, const char *path)
{
	struct xlsx_book book;
	struct import_report rep;
	char err[512];
	if (xlsx_read(path, &book, err, sizeof err) != XLSX_READ_OK
	    || import_find(a->cat, &book, &rep, err, sizeof err) != 0) {
		app_message(a, 1, _("Not imported: %s."), err);
		xlsx_read_free(&book);
		return;
	}
	struct store_profile p = a->profile;
	struct store_import_row rows[CATALOG_ITEMS];
	int written = 0, kept = 0, first = !a->have_profile;
	if (first) {
		time_t now = time(NULL);
		struct tm tm;
		localtime_r(&now, &tm);
		memset(&p, 0, sizeof p);
		p.target_level = 2;
		p.year = tm.tm_year + 1900;
		snprintf(p.guideline, sizeof p.guideline, "%s", GUIDELINE_VERSION);
	}
	for (int i = 0; i < rep.n; i++)
		rows[i] = (struct store_import_row){ rep.rows[i].item, rep.rows[i].value, rep.rows[i].note };
	enum store_status rc = first ? store_profile_save(a->st, &p) : STORE_OK;
	if (rc == STORE_OK)
		rc = store_import(a->st, p.id, rows, rep.n, 0, &written, &kept);
	import_report_free(&rep);
	xlsx_read_free(&book);
	if (rc != STORE_OK) {
		app_message(a, 1, _("Not imported: %s"), store_error(a->st));
		return;
	}
	store_answers_free(a->answers, CATALOG_ITEMS);
	if (app_load_assessment(a) != 0)
		return;
	app_message(a, 0, _("Imported %d items from the checksheet (要再確認 until you confirm them); %d kept."),
	            written, kept);
	if (first)
		app_profile_begin(a);   /* the company's name, size and target next */
}

static void prompt_submit(struct app *a)
{
	char *text = editor_text(&a->prompt_text);
	enum prompt_kind kind = a->prompt;
	a->prompt = PROMPT_NONE;
	if (!text)
		return;
	if (!text[0]) {
		/* An empty Enter just closes the prompt. */
	} else if (kind == PROMPT_IMPORT) {
		app_import_file(a, text);
	} else if (kind == PROMPT_GOTO) {
		char *end;
		long no = strtol(text, &end, 10);
		if (end == text || *end || no < 1 || no > CATALOG_ITEMS)
			app_message(a, 1, _("There is no item No.%s: items are numbered 1 to 153."), text);
		else
			app_open_item(a, (int)no);
	} else {
		app_open_list(a, text);
		if (a->list_n == 0)
			app_message(a, 1, _("Nothing found for \"%s\"."), text);
	}
	free(text);
}

static int prompt_digit(wint_t c)
{
	return c >= '0' && c <= '9';
}

/* Full-width digits typed with the IME on count as digits. */
static struct keypress fold_digit(const struct keypress *k)
{
	struct keypress out = *k;
	if (!k->fn && k->code >= 0xFF10 && k->code <= 0xFF19)
		out.code = '0' + (k->code - 0xFF10);
	return out;
}

int app_prompt_key(struct app *a, const struct keypress *k)
{
	if (a->prompt == PROMPT_NONE)
		return 0;
	if (!k->fn && k->code == 27) {
		a->prompt = PROMPT_NONE;
	} else if ((!k->fn && (k->code == '\n' || k->code == '\r')) || (k->fn && k->code == KEY_ENTER)) {
		prompt_submit(a);
	} else {
		struct keypress key = a->prompt == PROMPT_GOTO ? fold_digit(k) : *k;
		widget_editor_key(&a->prompt_text, &key, a->prompt == PROMPT_GOTO ? prompt_digit : NULL);
	}
	return 1;
}

void app_list_clamp(struct app *a, int n, int rows)
{
	if (a->selected >= n)
		a->selected = n - 1;
	if (a->selected < 0)
		a->selected = 0;
	if (a->selected < a->list_top)
		a->list_top = a->selected;
	if (a->selected >= a->list_top + rows)
		a->list_top = a->selected - rows + 1;
}

int app_list_move(struct app *a, enum action act, int n, int rows)
{
	switch (act) {
	case ACT_UP: a->selected--; break;
	case ACT_DOWN: a->selected++; break;
	case ACT_PAGE_UP: a->selected -= rows; break;
	case ACT_PAGE_DOWN: a->selected += rows; break;
	default: return 0;
	}
	app_list_clamp(a, n, rows);
	return 1;
}

enum form_event app_form_key(struct app *a, const struct keypress *k, int (*save)(struct app *a))
{
	const char *error;
	enum form_event ev = form_key(&a->form, k, &error);
	if (error)
		app_message(a, 1, "%s", error);
	if (ev == FORM_EDITING || save(a) != 0)
		return FORM_EDITING;
	return ev == FORM_LEFT ? FORM_EDITING : ev;
}

int app_common_action(struct app *a, enum action act)
{
	switch (act) {
	case ACT_LIST:
		a->list_unanswered_only = 0;
		app_open_list(a, NULL);
		return 1;
	case ACT_GOTO:
		app_prompt_open(a, PROMPT_GOTO);
		return 1;
	case ACT_SEARCH:
		app_prompt_open(a, PROMPT_SEARCH);
		return 1;
	case ACT_IMPORT:
		app_prompt_open(a, PROMPT_IMPORT);
		return 1;
	case ACT_HELP:
		a->back_to = a->screen;
		a->screen = SCREEN_HELP;
		a->scroll = 0;
		return 1;
	case ACT_REVIEW:
		wizard_jump_review(&a->wiz);
		app_show_step(a);
		return 1;
	case ACT_PROFILE:
	case ACT_PLAN:
	case ACT_CONTACTS:
	case ACT_EXPORT:
		/* Another screen's own opening: the event loop, above the
		 * screens, carries it out (ui.c), so this file needs none. */
		a->go = act;
		return 1;
	case ACT_QUIT:
		a->quit = 1;
		return 1;
	default:
		return 0;
	}
}

/* The latest assessment before this one, for 前年比; none is not an error. */
static void app_load_previous(struct app *a)
{
	struct store_profile before;
	struct store_answer old[CATALOG_ITEMS];
	a->prev_year = 0;
	if (store_profile_before(a->st, a->profile.year, &before) != STORE_OK
	    || store_answers_load(a->st, before.id, old) != STORE_OK)
		return;
	for (int k = 0; k < CATALOG_ITEMS; k++)
		a->prev[k] = old[k].value;
	store_answers_free(old, CATALOG_ITEMS);
	a->prev_year = before.year;
}

int app_load(struct app *a, struct session *s)
{
	memset(a, 0, sizeof *a);
	a->session = s;
	a->cat = s->cat;
	a->st = s->st;
	return app_load_assessment(a);
}

/* Loads the selected assessment (else the latest) with its answers, last
 * year's and the flow; decides where to start. */
static int app_load_assessment(struct app *a)
{
	enum store_status rc = store_profile_current(a->st, &a->profile);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND) {
		fprintf(stderr, "kamae: %s\n", store_error(a->st));
		return -1;
	}
	a->have_profile = rc == STORE_OK;
	for (int i = 0; i < CATALOG_ITEMS; i++) {
		a->answers[i] = (struct store_answer){ .value = ANSWER_NONE, .confirmed = 1 };
		a->values[i] = ANSWER_NONE;
	}
	if (a->have_profile) {
		if (store_answers_load(a->st, a->profile.id, a->answers) != STORE_OK) {
			fprintf(stderr, "kamae: %s\n", store_error(a->st));
			return -1;
		}
		for (int i = 0; i < CATALOG_ITEMS; i++)
			a->values[i] = a->answers[i].value;
	}
	if (a->have_profile)
		app_load_previous(a);
	wizard_build(&a->wiz, a->cat, a->have_profile ? a->profile.target_level : 2, 0, 0);
	/* The levels opted into earlier, and any level answered beyond the
	 * target (answers given with an older kamae or the CLI), stay in the flow. */
	if (a->have_profile) {
		int s2 = setting_state(a, SCOPE_KEY_LV2), s3 = setting_state(a, SCOPE_KEY_LV3);
		int lv2 = s2 == 1, lv3 = s3 == 1;
		for (int i = 0; i < CATALOG_ITEMS; i++)
			if (a->values[i] != ANSWER_NONE
			    && a->cat->items[i].level > a->profile.target_level) {
				lv2 = lv2 || (s2 != 0 && a->cat->items[i].level == 2);
				lv3 = lv3 || (s3 != 0 && a->cat->items[i].level == 3);
			}
		a->scope_lv2 = lv2 || lv3;
		a->scope_lv3 = lv3;
		rebuild_flow(a, lv2, lv3);
		recall_intros(a);
	}
	/* Before the first screen: a new file's open items are all unanswered. */
	app_update_open(a);
	if (!a->have_profile) {
		a->screen = SCREEN_WELCOME;
		return 0;
	}
	int item = wizard_resume(&a->wiz, a->open);
	struct wizard_progress pr;
	wizard_progress(&a->wiz, a->open, &pr);
	if (item)
		app_message(a, 0, _("Resumed at No.%d (%d of %d answered)."), item, pr.all_done, pr.all_total);
	else
		app_message(a, 0, wizard_current(&a->wiz)->kind == STEP_OFFER
		            ? _("Everything up to your target level is answered.")
		            : _("Everything in the flow is answered: here is the review."));
	app_show_step(a);
	return 0;
}

void app_free(struct app *a)
{
	store_answers_free(a->answers, CATALOG_ITEMS);
	editor_free(&a->note);
	editor_free(&a->prompt_text);
	editor_free(&a->profile_text);
	editor_free(&a->export_dir);
	form_free(&a->form);
	app_contacts_free(a);
	if (a->plan_loaded)
		plan_free(&a->plan);
}
