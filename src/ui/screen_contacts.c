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

/* Columns of the role (with the company), the person and the phone: at 80
 * columns the confirmation date still fits (8+32+10+14+10 and 4 spaces in
 * 78); what a wider terminal adds goes to them, a third each. */
static int extra_cols(void)
{
	return COLS > 80 ? COLS - 80 : 0;
}

static int role_cols(void)
{
	return 32 + extra_cols() / 3;
}

static int person_cols(void)
{
	return 10 + extra_cols() / 3;
}

static int phone_cols(void)
{
	return 14 + extra_cols() - 2 * (extra_cols() / 3);
}

/* Rows: the sheet's rows, then the No.150 alternative ordering means. */
static int row_count(const struct app *a)
{
	return a->sheet.n + 1;
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
	contacts_sheet_free(&a->sheet);
	free(a->alt_ordering);
	a->alt_ordering = NULL;
}

/* The sheet's row of a role and slot, or -1. */
static int row_of(const struct app *a, const char *role, int slot)
{
	for (int i = 0; i < a->sheet.n; i++)
		if (a->sheet.rows[i].c.slot == slot && strcmp(a->sheet.rows[i].role->key, role) == 0)
			return i;
	return -1;
}

/* Reads the sheet and the No.150 text once, not on every redraw. */
static void contacts_reload(struct app *a)
{
	app_contacts_free(a);
	if (contacts_sheet_load(a->st, a->profile.id, &a->sheet) != STORE_OK)
		app_message(a, 1, _("Could not read the contact sheet: %s"), store_error(a->st));
	if (store_setting_get(a->st, a->profile.id, CONTACTS_ALT_ORDERING_KEY, &a->alt_ordering)
	    != STORE_OK)
		a->alt_ordering = NULL;
}

void app_open_contacts(struct app *a)
{
	contacts_reload(a);
	a->screen = SCREEN_CONTACTS;
	a->selected = 0;
	a->list_top = 0;
	a->remove_pending = 0;
}

/* A row the user added sits under its role's, named by its company (the
 * role's name when it has none); a role's own row shows the company after
 * the role's name. */
static void draw_role_row(struct app *a, int y, int i, int selected)
{
	const struct contact_row *row = &a->sheet.rows[i];
	const struct store_contact *c = &row->c;
	char kind[32], who[512], name[1024], person[1024], phone[128], line[2600], cut[2600];
	text_pad(c->slot == 0 ? kind_name(row->role->kind) : "", 8, kind, sizeof kind);
	if (c->slot > 0)
		snprintf(who, sizeof who, "  ・%s", c->company[0] ? c->company : row->role->name);
	else
		snprintf(who, sizeof who, c->company[0] ? "%s（%s）" : "%s", row->role->name, c->company);
	text_fit(who, role_cols(), name, sizeof name);
	text_fit(c->person, person_cols(), person, sizeof person);
	text_fit(c->phone, phone_cols(), phone, sizeof phone);
	snprintf(line, sizeof line, "%s %s %s %s %s", kind, name, person, phone, c->confirmed);
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
	if (a->selected < a->sheet.n)
		ui_text_add(&t, a->sheet.rows[a->selected].role->duty, ROLE_NORMAL, 0, 0);
	else
		ui_text_add(&t, _("How you keep taking and placing orders when the servers are down: FAX, phone, a cloud service... agree it with your customers and suppliers beforehand."), ROLE_NORMAL, 0, 0);
	int n = contacts_missing(a->answers, &a->sheet, a->alt_ordering, missing, CONTACTS_MISSING_MAX);
	for (int i = 0; i < n; i++)
		ui_text_add(&t, missing[i], ROLE_PROGRESS, 0, 0);
	ui_text_draw(&t, y + 1, 1, DETAIL_ROWS - 1, 0);
	ui_text_free(&t);
}

static void contacts_draw(struct app *a)
{
	app_draw_title(a, _("Incident-response contacts (緊急連絡先・初動対応シート)"));
	char kind[32], role[512], person[512], phone[64], head[1200];
	text_pad(_("Kind"), 8, kind, sizeof kind);
	text_pad(_("Role"), role_cols(), role, sizeof role);
	text_pad(_("Person"), person_cols(), person, sizeof person);
	text_pad(_("Phone"), phone_cols(), phone, sizeof phone);
	snprintf(head, sizeof head, "%s %s %s %s %s", kind, role, person, phone, _("Confirmed"));
	widget_print(1, 1, COLS - 2, head, ROLE_DIM);
	widget_rule(2);
	int rows = list_rows(), n = row_count(a);
	app_list_clamp(a, n, rows);
	for (int r = 0; r < rows && a->list_top + r < n; r++) {
		int i = a->list_top + r;
		if (i < a->sheet.n)
			draw_role_row(a, LIST_TOP + r, i, i == a->selected);
		else
			draw_alt_row(a, LIST_TOP + r, i == a->selected);
	}
	draw_detail(a);
	if (a->list_top + rows < n)
		widget_print(LIST_TOP + rows, COLS - 12, 11, _("(more: Dn)"), ROLE_DIM);
	app_draw_message(a, LINES - 3);
	keys_draw_footer(CTX_CONTACTS, LINES - 2);
}

/* The form of a contact row: the other party's company first where there is one. */
static void contact_form(struct app *a, const struct contact_role *role, const struct store_contact *c)
{
	if (contacts_has_company(role))
		form_add_text(&a->form, _("Company or office"),
		              or_empty(c ? c->company : NULL), FIELD_MAX, 1);
	form_add_text(&a->form, _("Person (name, department)"), or_empty(c ? c->person : NULL),
	              FIELD_MAX, 1);
	form_add_text(&a->form, _("Phone"), or_empty(c ? c->phone : NULL), FIELD_MAX, 1);
	form_add_text(&a->form, _("E-mail"), or_empty(c ? c->email : NULL), FIELD_MAX, 1);
	form_add_text(&a->form, _("Out of hours (nights, holidays)"),
	              or_empty(c ? c->after_hours : NULL), FIELD_MAX, 1);
	form_add_date(&a->form, _("Last confirmed (YYYY-MM-DD)"), c ? c->confirmed : "");
}

/* Opens the form of a role's row at slot: an existing row, or (c NULL) a new one. */
static void open_edit(struct app *a, const struct contact_role *role, int slot,
                      const struct store_contact *c)
{
	form_free(&a->form);
	form_init(&a->form);
	a->contact_role[0] = '\0';
	a->contact_slot = slot;
	if (!role) {
		/* Empty so far: start from what No.150's note already says. */
		const char *alt = a->alt_ordering && a->alt_ordering[0] ? a->alt_ordering : a->answers[150 - 1].note;
		form_add_text(&a->form, _("Alternative way to take and place orders (FAX, phone, cloud...)"),
		              alt, ALT_MAX, 5);
	} else {
		snprintf(a->contact_role, sizeof a->contact_role, "%s", role->key);
		contact_form(a, role, c);
	}
	form_begin(&a->form);
	a->screen = SCREEN_CONTACT_EDIT;
}

static void edit_selected(struct app *a)
{
	if (a->selected >= a->sheet.n) {
		open_edit(a, NULL, 0, NULL);
		return;
	}
	const struct contact_row *row = &a->sheet.rows[a->selected];
	open_edit(a, row->role, row->c.slot, &row->c);
}

/* "+": a new row of the selected row's role, stored once something is typed. */
static void add_row(struct app *a)
{
	if (a->selected >= a->sheet.n) {
		app_message(a, 1, _("Choose a contact row first: the No.150 text has no second row."));
		return;
	}
	const struct contact_role *role = a->sheet.rows[a->selected].role;
	int slot = contacts_sheet_next_slot(&a->sheet, role->key);
	if (slot < 0) {
		app_message(a, 1, _("This role has as many rows as the sheet can hold."));
		return;
	}
	open_edit(a, role, slot, NULL);
}

static int row_is_empty(const struct store_contact *c)
{
	return !c->company[0] && !c->person[0] && !c->phone[0] && !c->email[0]
	       && !c->after_hours[0] && !c->confirmed[0];
}

/* "-" twice: removes an added row, empties a role's own row or the No.150 text. */
static void remove_row(struct app *a, int confirmed)
{
	int on_alt = a->selected >= a->sheet.n;
	const struct store_contact *c = on_alt ? NULL : &a->sheet.rows[a->selected].c;
	int added = c && c->slot > 0;
	enum store_status rc;
	if (on_alt ? !or_empty(a->alt_ordering)[0] : c->slot == 0 && row_is_empty(c)) {
		app_message(a, 0, _("This row is already empty."));
		return;
	}
	if (!confirmed) {
		/* Named, so that the second press is a decision about a known row. */
		const char *name = on_alt ? _("If systems are down (No.150)")
		                   : c->company[0] ? c->company : a->sheet.rows[a->selected].role->name;
		a->remove_pending = a->selected + 1;
		app_message(a, 0, added ? _("Press - again to remove \"%s\"; any other key keeps it.")
		                        : _("Press - again to empty \"%s\"; any other key keeps it."), name);
		return;
	}
	if (on_alt)
		rc = store_setting_set(a->st, a->profile.id, CONTACTS_ALT_ORDERING_KEY, "");
	else
		rc = store_contact_delete(a->st, a->profile.id, c->role, c->slot);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND) {
		app_message(a, 1, _("Not saved: %s"), store_error(a->st));
		return;
	}
	contacts_reload(a);
	app_message(a, 0, added ? _("Row removed.") : _("Row emptied."));
}

static void contacts_key(struct app *a, const struct keypress *k)
{
	enum action act = keys_lookup(CTX_CONTACTS, k);
	int n = row_count(a), pending = a->remove_pending;
	a->remove_pending = 0;
	if (app_list_move(a, act, n, list_rows()))
		return;
	switch (act) {
	case ACT_SELECT: edit_selected(a); break;
	case ACT_ADD_ROW: add_row(a); break;
	case ACT_REMOVE_ROW: remove_row(a, pending == a->selected + 1); break;
	case ACT_CLOSE: app_show_step(a); break;
	default: app_common_action(a, act); break;
	}
}

static int save_form(struct app *a)
{
	const struct form_field *f = a->form.fields;
	enum store_status rc;
	if (!a->contact_role[0]) {
		rc = store_setting_set(a->st, a->profile.id, CONTACTS_ALT_ORDERING_KEY, f[0].value);
	} else {
		int at = row_of(a, a->contact_role, a->contact_slot), i = 0;
		const struct contact_role *role = contacts_role(a->contact_role);
		char no_company[] = "";
		struct store_contact c = { .slot = a->contact_slot, .company = no_company };
		if (role && contacts_has_company(role))
			c.company = f[i++].value;
		c.person = f[i++].value;
		c.phone = f[i++].value;
		c.email = f[i++].value;
		c.after_hours = f[i++].value;
		snprintf(c.role, sizeof c.role, "%s", a->contact_role);
		snprintf(c.confirmed, sizeof c.confirmed, "%s", f[i].value);
		/* A new row comes into being with its first word, not with Tab. */
		if (at < 0 && row_is_empty(&c))
			return 0;
		rc = store_contact_save(a->st, a->profile.id, &c);
	}
	if (rc != STORE_OK) {
		app_message(a, 1, _("Not saved: %s"), store_error(a->st));
		return -1;
	}
	contacts_reload(a);
	if (a->contact_role[0]) {
		int at = row_of(a, a->contact_role, a->contact_slot);
		if (at >= 0)
			a->selected = at;
	}
	return 0;
}

static void contact_edit_draw(struct app *a)
{
	const struct contact_role *role = contacts_role(a->contact_role);
	char title[256];
	if (!role)
		snprintf(title, sizeof title, "%s", _("If systems are down (No.150)"));
	else if (a->contact_slot > 0)   /* a row added under the role, or being added */
		snprintf(title, sizeof title, _("%s: another row"), role->name);
	else
		snprintf(title, sizeof title, "%s", role->name);
	app_draw_title(a, title);
	app_draw_message(a, LINES - 3);
	keys_draw_footer(CTX_FORM, LINES - 2);
	form_draw(&a->form, 2);   /* last: the terminal cursor stays in the field */
}

static void contact_edit_key(struct app *a, const struct keypress *k)
{
	if (app_form_key(a, k, save_form) == FORM_EDITING)
		return;
	a->screen = SCREEN_CONTACTS;
	if (a->contact_role[0] && row_of(a, a->contact_role, a->contact_slot) < 0)
		app_message(a, 0, _("Nothing typed: no row was added."));
	else
		app_message(a, 0, _("Contact saved."));
}

const struct screen screen_contacts = { contacts_draw, contacts_key };
const struct screen screen_contact_edit = { contact_edit_draw, contact_edit_key };
