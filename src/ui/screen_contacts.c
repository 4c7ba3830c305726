/* screen_contacts: the incident-response contact sheet — who to call, and the No.150 fallback. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

#include "contacts.h"
#include "text.h"
#include "ui/app.h"
#include "ui/widgets.h"

#define LIST_TOP 3
#define DETAIL_ROWS 5
#define FIELD_MAX 200
#define ALT_MAX 1000

static int list_rows(void)
{
	return LINES - 3 - LIST_TOP - DETAIL_ROWS;
}

/* Rows: every role, then the No.150 alternative ordering means. */
static int row_count(const struct app *a)
{
	return a->n_roles + 1;
}

static const char *kind_name(enum contact_kind kind)
{
	switch (kind) {
	case CONTACT_INTERNAL: return _("internal");
	case CONTACT_EXTERNAL: return _("external");
	default: return _("public");
	}
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

/* Frees what contacts_reload read. */
void app_contacts_free(struct app *a)
{
	for (int i = 0; a->contacts && i < a->n_roles; i++)
		store_contact_clear(&a->contacts[i]);
	free(a->contacts);
	free(a->alt_ordering);
	a->contacts = NULL;
	a->alt_ordering = NULL;
}

/* Reads every contact and the No.150 text once; rows missing in the store
 * stay empty. */
static void contacts_reload(struct app *a)
{
	app_contacts_free(a);
	a->roles = contacts_roles(&a->n_roles);
	a->contacts = calloc((size_t)a->n_roles, sizeof *a->contacts);
	for (int i = 0; a->contacts && i < a->n_roles; i++)
		if (store_contact_get(a->st, a->profile.id, a->roles[i].key, &a->contacts[i]) != STORE_OK)
			memset(&a->contacts[i], 0, sizeof a->contacts[i]);
	store_setting_get(a->st, a->profile.id, CONTACTS_ALT_ORDERING_KEY, &a->alt_ordering);
	if (!a->contacts) {
		a->n_roles = 0;
		app_message(a, 1, _("Out of memory."));
	}
}

void app_open_contacts(struct app *a)
{
	contacts_reload(a);
	a->screen = SCREEN_CONTACTS;
	a->selected = 0;
	a->list_top = 0;
}

static void draw_role_row(struct app *a, int y, int i, int selected)
{
	const struct store_contact *c = &a->contacts[i];
	char kind[32], name[128], person[64], line[1024], cut[1024];
	const struct contact_role *r = &a->roles[i];
	text_pad(kind_name(r->kind), 8, kind, sizeof kind);
	text_fit(r->name, 34, name, sizeof name);
	text_fit(or_empty(c->person), 10, person, sizeof person);
	snprintf(line, sizeof line, "%s %s %s %-14s %s", kind, name, person, or_empty(c->phone),
	         c->confirmed);
	text_truncate(line, COLS - 2, 1, cut, sizeof cut);
	widget_list_row(y, cut, ROLE_NORMAL, selected);
}

static void draw_alt_row(struct app *a, int y, int selected)
{
	char line[1024], cut[1024];
	const char *alt = or_empty(a->alt_ordering);
	snprintf(line, sizeof line, _("If systems are down (No.150): %s"),
	         alt[0] ? alt : _("(not written yet)"));
	text_truncate(line, COLS - 2, 1, cut, sizeof cut);
	widget_list_row(y, cut, ROLE_KEY, selected);
}

/* Below the list: the duty of the selected role, and what the answers say is missing. */
static void draw_detail(struct app *a)
{
	struct ui_text t;
	const char *missing[CONTACTS_MISSING_MAX];
	int y = LINES - 3 - DETAIL_ROWS;
	widget_rule(y);
	ui_text_init(&t, COLS - 3);
	if (a->selected < a->n_roles)
		ui_text_add(&t, a->roles[a->selected].duty, ROLE_NORMAL, 0, 0);
	else
		ui_text_add(&t, _("How you keep taking and placing orders when the servers are down: FAX, phone, a cloud service... agree it with your customers and suppliers beforehand."), ROLE_NORMAL, 0, 0);
	int n = contacts_missing(a->answers, a->contacts, a->alt_ordering, missing, CONTACTS_MISSING_MAX);
	for (int i = 0; i < n; i++)
		ui_text_add(&t, missing[i], ROLE_PROGRESS, 0, 0);
	ui_text_draw(&t, y + 1, 1, DETAIL_ROWS - 1, 0);
	ui_text_free(&t);
}

static void contacts_draw(struct app *a)
{
	app_draw_title(a, _("Incident-response contacts (緊急連絡先・初動対応シート)"));
	widget_print(1, 1, COLS - 2, _("Kind     Role                               Person     Phone          Confirmed"), ROLE_DIM);
	widget_rule(2);
	int rows = list_rows(), n = row_count(a);
	app_list_clamp(a, n, rows);
	for (int r = 0; r < rows && a->list_top + r < n; r++) {
		int i = a->list_top + r;
		if (i < a->n_roles)
			draw_role_row(a, LIST_TOP + r, i, i == a->selected);
		else
			draw_alt_row(a, LIST_TOP + r, i == a->selected);
	}
	draw_detail(a);
	app_draw_message(a, LINES - 3);
	keys_draw_footer(CTX_CONTACTS, LINES - 2);
}

static void open_edit(struct app *a)
{
	form_free(&a->form);
	form_init(&a->form);
	a->form_target = a->selected;
	if (a->selected >= a->n_roles) {
		/* Empty so far: start from what No.150's note already says. */
		const char *alt = a->alt_ordering && a->alt_ordering[0] ? a->alt_ordering : a->answers[150 - 1].note;
		form_add_text(&a->form, _("Alternative way to take and place orders (FAX, phone, cloud...)"),
		              alt, ALT_MAX, 5);
	} else {
		const struct store_contact *c = &a->contacts[a->selected];
		form_add_text(&a->form, _("Person (name, department)"), c->person, FIELD_MAX, 1);
		form_add_text(&a->form, _("Phone"), c->phone, FIELD_MAX, 1);
		form_add_text(&a->form, _("E-mail"), c->email, FIELD_MAX, 1);
		form_add_text(&a->form, _("Out of hours (nights, holidays)"), c->after_hours, FIELD_MAX, 1);
		form_add_date(&a->form, _("Last confirmed (YYYY-MM-DD)"), c->confirmed);
	}
	form_begin(&a->form);
	a->screen = SCREEN_CONTACT_EDIT;
}

static void contacts_key(struct app *a, const struct keypress *k)
{
	enum action act = keys_lookup(CTX_CONTACTS, k);
	int n = row_count(a);
	if (app_list_move(a, act, n, list_rows()))
		return;
	switch (act) {
	case ACT_SELECT: open_edit(a); break;
	case ACT_CLOSE: app_show_step(a); break;
	default: app_common_action(a, act); break;
	}
}

static int save_form(struct app *a)
{
	const struct form_field *f = a->form.fields;
	enum store_status rc;
	if (a->form_target >= a->n_roles) {
		rc = store_setting_set(a->st, a->profile.id, CONTACTS_ALT_ORDERING_KEY, f[0].value);
	} else {
		struct store_contact c = { .person = f[0].value, .phone = f[1].value, .email = f[2].value,
		                           .after_hours = f[3].value };
		snprintf(c.role, sizeof c.role, "%s", a->roles[a->form_target].key);
		snprintf(c.confirmed, sizeof c.confirmed, "%s", f[4].value);
		rc = store_contact_save(a->st, a->profile.id, &c);
	}
	if (rc != STORE_OK) {
		app_message(a, 1, _("Not saved: %s"), store_error(a->st));
		return -1;
	}
	contacts_reload(a);
	return 0;
}

static void contact_edit_draw(struct app *a)
{
	const char *name = a->form_target < a->n_roles ? a->roles[a->form_target].name
	                                               : _("If systems are down (No.150)");
	app_draw_title(a, name);
	app_draw_message(a, LINES - 3);
	keys_draw_footer(CTX_FORM, LINES - 2);
	form_draw(&a->form, 2);   /* last: the terminal cursor stays in the field */
}

static void contact_edit_key(struct app *a, const struct keypress *k)
{
	if (app_form_key(a, k, save_form) == FORM_EDITING)
		return;
	a->screen = SCREEN_CONTACTS;
	app_message(a, 0, _("Contact saved."));
}

const struct screen screen_contacts = { contacts_draw, contacts_key };
const struct screen screen_contact_edit = { contact_edit_draw, contact_edit_key };
