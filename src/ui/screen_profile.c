/* screen_profile: the company profile form — name, employee band, target level, year, assessor. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "i18n.h"

#include "text.h"
#include "ui/app.h"
#include "ui/widgets.h"

enum field { FIELD_COMPANY, FIELD_BAND, FIELD_TARGET, FIELD_YEAR, FIELD_ASSESSOR, FIELD_COUNT };

static int field_is_text(int f)
{
	return f == FIELD_COMPANY || f == FIELD_YEAR || f == FIELD_ASSESSOR;
}

/* The text of a text field in the draft, as UTF-8 into buf. */
static void field_value(const struct store_profile *p, int f, char *buf, size_t len)
{
	if (f == FIELD_COMPANY)
		snprintf(buf, len, "%s", p->company);
	else if (f == FIELD_ASSESSOR)
		snprintf(buf, len, "%s", p->assessor);
	else if (f == FIELD_YEAR)
		snprintf(buf, len, "%d", p->year);
	else
		buf[0] = '\0';
}

static void field_load(struct app *a)
{
	char buf[512];
	field_value(&a->draft, a->profile_field, buf, sizeof buf);
	editor_free(&a->profile_text);
	editor_init(&a->profile_text, buf, a->profile_field == FIELD_YEAR ? 4 : 80);
}

/* Copies the edited text back into the draft; returns -1 (with a message)
 * when the year is not a year. */
static int field_store(struct app *a)
{
	if (!field_is_text(a->profile_field))
		return 0;
	char *text = editor_text(&a->profile_text);
	if (!text)
		return -1;
	int rc = 0;
	if (a->profile_field == FIELD_COMPANY) {
		snprintf(a->draft.company, sizeof a->draft.company, "%s", text);
	} else if (a->profile_field == FIELD_ASSESSOR) {
		snprintf(a->draft.assessor, sizeof a->draft.assessor, "%s", text);
	} else {
		char *end;
		long year = strtol(text, &end, 10);
		if (end == text || *end || year < 2000 || year > 2100) {
			app_message(a, 1, _("The assessment year must be between 2000 and 2100."));
			rc = -1;
		} else {
			a->draft.year = (int)year;
		}
	}
	free(text);
	return rc;
}

void app_profile_begin(struct app *a)
{
	a->draft = a->profile;
	if (!a->have_profile) {
		time_t now = time(NULL);
		struct tm tm;
		localtime_r(&now, &tm);
		a->draft.target_level = 2;
		a->draft.year = tm.tm_year + 1900;
		snprintf(a->draft.guideline, sizeof a->draft.guideline, "%s", GUIDELINE_VERSION);
	}
	a->profile_field = FIELD_COMPANY;
	field_load(a);
	a->screen = SCREEN_PROFILE;
}

static const char *target_explanation(int level)
{
	switch (level) {
	case 1: return _("Lv1: 50 items, the minimum every company in the supply chain must meet.");
	case 3: return _("Lv3: all 153 items, for companies that handle highly confidential data.");
	default: return _("Lv2: Lv1 + 74 items, the standard the industry asks every company to reach (recommended).");
	}
}

static int band_index(const struct app *a)
{
	for (int i = 0; i < a->cat->n_bands; i++)
		if (strcmp(a->cat->bands[i].id, a->draft.band) == 0)
			return i;
	return -1;
}

static void draw_label(struct app *a, int y, int f, const char *label)
{
	widget_print(y, 2, COLS - 4, label, a->profile_field == f ? ROLE_KEY : ROLE_HEADING);
}

static void draw_choices(int y, int n, int selected, const char *(*name)(const struct app *, int),
                         const struct app *a)
{
	int x = 4;
	for (int i = 0; i < n; i++) {
		char item[128];
		snprintf(item, sizeof item, "%d:%s", i + 1, name(a, i));
		int w = text_width(item);
		if (x + w >= COLS - 1)
			break;
		widget_print(y, x, w, item, i == selected ? ROLE_SELECTED : ROLE_NORMAL);
		x += w + 2;
	}
}

static const char *band_name(const struct app *a, int i)
{
	return a->cat->bands[i].name;
}

static const char *level_name(const struct app *a, int i)
{
	static const char *const names[] = { "Lv1", "Lv2", "Lv3" };
	(void)a;
	return names[i];
}

static void draw_text_field(struct app *a, int y, int f)
{
	char buf[512];
	if (a->profile_field == f) {
		int top = 0;
		attrset(theme_attr(ROLE_SELECTED));
		mvhline(y, 4, ' ', COLS - 8);
		widget_editor_draw(&a->profile_text, y, 4, 1, COLS - 8, &top);
		attrset(A_NORMAL);
		curs_set(1);
	} else {
		field_value(&a->draft, f, buf, sizeof buf);
		widget_print(y, 4, COLS - 8, buf[0] ? buf : _("(not set)"), buf[0] ? ROLE_NORMAL : ROLE_DIM);
	}
}

static void profile_draw(struct app *a)
{
	app_draw_title(a, _("Company profile"));
	int y = 2, row[FIELD_COUNT];
	draw_label(a, y++, FIELD_COMPANY, _("Company name"));
	row[FIELD_COMPANY] = y;
	draw_text_field(a, y++, FIELD_COMPANY);
	y++;
	draw_label(a, y++, FIELD_BAND, _("Number of employees (for the comparison with the industry average)"));
	draw_choices(y++, a->cat->n_bands, band_index(a), band_name, a);
	y++;
	draw_label(a, y++, FIELD_TARGET, _("Target level"));
	draw_choices(y++, 3, a->draft.target_level - 1, level_name, a);
	widget_print(y++, 4, COLS - 6, target_explanation(a->draft.target_level), ROLE_DIM);
	y++;
	draw_label(a, y++, FIELD_YEAR, _("Assessment year"));
	row[FIELD_YEAR] = y;
	draw_text_field(a, y++, FIELD_YEAR);
	y++;
	draw_label(a, y++, FIELD_ASSESSOR, _("Assessor (who answers)"));
	row[FIELD_ASSESSOR] = y;
	draw_text_field(a, y++, FIELD_ASSESSOR);
	y++;
	const char *hint = field_is_text(a->profile_field)
		? _("Type, then Enter for the next field.")
		: _("Press a number or <-/-> to choose, then Enter.");
	widget_print(y, 2, COLS - 4, hint, ROLE_DIM);
	app_draw_message(a, LINES - 3);
	keys_draw_footer(CTX_FORM, LINES - 2);
	/* The cursor belongs to the focused text field: draw it last. */
	if (field_is_text(a->profile_field))
		draw_text_field(a, row[a->profile_field], a->profile_field);
}

static void choose(struct app *a, int delta, int absolute)
{
	if (a->profile_field == FIELD_BAND) {
		int n = a->cat->n_bands, i = band_index(a);
		i = absolute >= 0 ? absolute : (i < 0 ? 0 : (i + delta + n) % n);
		if (i >= 0 && i < n)
			snprintf(a->draft.band, sizeof a->draft.band, "%s", a->cat->bands[i].id);
	} else if (a->profile_field == FIELD_TARGET) {
		int lv = absolute >= 0 ? absolute + 1 : a->draft.target_level + delta;
		if (lv >= 1 && lv <= 3)
			a->draft.target_level = lv;
	}
}

static void finish(struct app *a)
{
	int first = !a->have_profile, rc = app_save_profile(a, &a->draft);
	if (rc != 0)
		return;   /* an error, or another year opened */
	if (first) {
		a->wiz.pos = 0;
		app_show_step(a);
	} else {
		a->screen = SCREEN_STEP;
		app_message(a, 0, _("Profile saved."));
	}
}

static void move_field(struct app *a, int delta)
{
	if (field_store(a) != 0)
		return;
	int f = a->profile_field + delta;
	if (f >= FIELD_COUNT) {
		finish(a);
		return;
	}
	a->profile_field = f < 0 ? 0 : f;
	field_load(a);
}

static int is_enter(const struct keypress *k)
{
	return (!k->fn && (k->code == '\n' || k->code == '\r')) || (k->fn && k->code == KEY_ENTER);
}

static int is_digit(wint_t c)
{
	return c >= '0' && c <= '9';
}

static void edit_text(struct app *a, const struct keypress *k)
{
	widget_editor_key(&a->profile_text, k, a->profile_field == FIELD_YEAR ? is_digit : NULL);
}

static void profile_key(struct app *a, const struct keypress *k)
{
	if (is_enter(k) || (!k->fn && k->code == '\t') || (k->fn && k->code == KEY_DOWN)) {
		if (is_enter(k) || a->profile_field < FIELD_COUNT - 1)
			move_field(a, 1);
	} else if ((k->fn && (k->code == KEY_UP || k->code == KEY_BTAB))) {
		move_field(a, -1);
	} else if (!k->fn && k->code == 27) {
		/* Esc keeps what was entered, as in the other forms. */
		if (a->have_profile) {
			if (field_store(a) == 0 && app_save_profile(a, &a->draft) == 0) {   /* 1: another year */
				a->screen = SCREEN_STEP;
				app_message(a, 0, _("Profile saved."));
			}
		} else
			app_message(a, 1, _("Fill in the profile first: Enter moves on; p changes it later."));
	} else if (field_is_text(a->profile_field)) {
		edit_text(a, k);
	} else if (k->fn && (k->code == KEY_LEFT || k->code == KEY_RIGHT)) {
		choose(a, k->code == KEY_LEFT ? -1 : 1, -1);
	} else if (!k->fn && k->code >= '1' && k->code <= '9') {
		choose(a, 0, (int)(k->code - '1'));
	}
}

const struct screen screen_profile = { profile_draw, profile_key };
