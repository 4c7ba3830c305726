/* store_contacts: the incident-response contact sheet's people, by role. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "date.h"
#include "store_internal.h"
#include "text.h"

/* ---- contacts ---- */

void store_contact_clear(struct store_contact *c)
{
	if (!c)
		return;
	free(c->company);
	free(c->person);
	free(c->phone);
	free(c->email);
	free(c->after_hours);
	c->company = c->person = c->phone = c->email = c->after_hours = NULL;
}

void store_contacts_free(struct store_contact *rows, int n)
{
	for (int i = 0; rows && i < n; i++)
		store_contact_clear(&rows[i]);
	free(rows);
}

static int store_role_valid(const char *role, size_t size)
{
	return role && role[0] != '\0' && memchr(role, '\0', size);
}

static int store_slot_valid(int slot)
{
	return slot >= 0 && slot <= STORE_CONTACT_SLOT_MAX;
}

/* The columns every contact query reads; a schema-2 file (read-only) has
 * one row per role and no company. */
static const char *store_contact_columns(const struct store *st)
{
	return st->version >= 3 ? "role, slot, company, person, phone, email, after_hours, confirmed"
	                        : "role, 0, '', person, phone, email, after_hours, confirmed";
}

/* One row of store_contact_columns() into out; STORE_OK or out of memory. */
static enum store_status store_contact_row(struct store *st, sqlite3_stmt *stmt,
                                           struct store_contact *out)
{
	memset(out, 0, sizeof *out);
	store_copy_text(out->role, sizeof out->role, (const char *)sqlite3_column_text(stmt, 0));
	out->slot = sqlite3_column_int(stmt, 1);
	out->company = store_dup_column(stmt, 2);
	out->person = store_dup_column(stmt, 3);
	out->phone = store_dup_column(stmt, 4);
	out->email = store_dup_column(stmt, 5);
	out->after_hours = store_dup_column(stmt, 6);
	store_copy_text(out->confirmed, sizeof out->confirmed,
	                (const char *)sqlite3_column_text(stmt, 7));
	if (!out->company || !out->person || !out->phone || !out->email || !out->after_hours) {
		store_contact_clear(out);
		return store_no_memory(st);
	}
	return STORE_OK;
}

enum store_status store_contact_get(struct store *st, int64_t assessment,
                                    const char *role, int slot, struct store_contact *out)
{
	sqlite3_stmt *stmt;
	char sql[256];
	int rc;

	if (!st || !out)
		return STORE_ERR_INVALID;
	memset(out, 0, sizeof *out);
	if (!store_role_valid(role, sizeof out->role) || !store_slot_valid(slot))
		return store_invalid(st, _("Invalid contact role. Correct it, then try again."));
	snprintf(sql, sizeof sql, "SELECT %s FROM contacts WHERE assessment = ?1 AND role = ?2%s",
	         store_contact_columns(st), st->version >= 3 ? " AND slot = ?3" : "");
	rc = store_prepare(st, sql, &stmt);
	if (rc != SQLITE_OK)
		return store_fail(st, rc);
	sqlite3_bind_int64(stmt, 1, assessment);
	sqlite3_bind_text(stmt, 2, role, -1, SQLITE_TRANSIENT);
	if (st->version >= 3)
		sqlite3_bind_int(stmt, 3, slot);
	rc = sqlite3_step(stmt);
	enum store_status status = STORE_OK;
	if (rc == SQLITE_ROW && (st->version >= 3 || slot == 0))
		status = store_contact_row(st, stmt, out);
	else if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
		store_set_error(st, _("No contact has been recorded for this role yet."));
		status = STORE_NOT_FOUND;
	} else
		status = store_fail(st, rc);
	sqlite3_finalize(stmt);
	return status;
}

enum store_status store_contacts_load(struct store *st, int64_t assessment,
                                      struct store_contact **out, int *n)
{
	sqlite3_stmt *stmt;
	char sql[256];
	struct store_contact *rows = NULL;
	int count = 0, cap = 0, rc;
	enum store_status status = STORE_OK;

	if (!st || !out || !n)
		return STORE_ERR_INVALID;
	*out = NULL;
	*n = 0;
	snprintf(sql, sizeof sql, "SELECT %s FROM contacts WHERE assessment = ?1 ORDER BY role, %s",
	         store_contact_columns(st), st->version >= 3 ? "slot" : "rowid");
	rc = store_prepare(st, sql, &stmt);
	if (rc != SQLITE_OK)
		return store_fail(st, rc);
	sqlite3_bind_int64(stmt, 1, assessment);
	while (status == STORE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (count == cap) {
			int grown = cap ? cap * 2 : 16;
			struct store_contact *more = realloc(rows, (size_t)grown * sizeof *rows);
			if (!more) {
				status = store_no_memory(st);
				break;
			}
			rows = more;
			cap = grown;
		}
		if ((status = store_contact_row(st, stmt, &rows[count])) == STORE_OK)
			count++;
	}
	if (status == STORE_OK && rc != SQLITE_DONE)
		status = store_fail(st, rc);
	sqlite3_finalize(stmt);
	if (status != STORE_OK) {
		store_contacts_free(rows, count);
		return status;
	}
	*out = rows;
	*n = count;
	return STORE_OK;
}

struct store_contact_arg {
	int64_t assessment;
	const struct store_contact *c;
};

static int store_bind_contact(sqlite3_stmt *stmt, const void *arg)
{
	const struct store_contact_arg *x = arg;
	int rc;

	if ((rc = sqlite3_bind_int64(stmt, 1, x->assessment)) != SQLITE_OK
	    || (rc = sqlite3_bind_text(stmt, 2, x->c->role, -1, SQLITE_TRANSIENT)) != SQLITE_OK
	    || (rc = sqlite3_bind_int(stmt, 3, x->c->slot)) != SQLITE_OK
	    || (rc = store_bind_user_text(stmt, 4, x->c->company)) != SQLITE_OK
	    || (rc = store_bind_user_text(stmt, 5, x->c->person)) != SQLITE_OK
	    || (rc = store_bind_user_text(stmt, 6, x->c->phone)) != SQLITE_OK
	    || (rc = store_bind_user_text(stmt, 7, x->c->email)) != SQLITE_OK
	    || (rc = store_bind_user_text(stmt, 8, x->c->after_hours)) != SQLITE_OK)
		return rc;
	return sqlite3_bind_text(stmt, 9, x->c->confirmed, -1, SQLITE_TRANSIENT);
}

enum store_status store_contact_save(struct store *st, int64_t assessment,
                                     const struct store_contact *c)
{
	struct store_contact_arg arg = { assessment, c };

	if (!st || !c)
		return STORE_ERR_INVALID;
	if (!store_role_valid(c->role, sizeof c->role) || !store_slot_valid(c->slot))
		return store_invalid(st, _("Invalid contact role. Correct it, then try again."));
	if (!store_date_valid(c->confirmed, sizeof c->confirmed))
		return store_invalid(st, _("Invalid confirmation date: write it as "
		                           "YYYY-MM-DD, or leave it empty."));
	return store_write(st, "INSERT INTO contacts (assessment, role, slot, company, person,"
	                   " phone, email, after_hours, confirmed) VALUES (?1, ?2, ?3,"
	                   " ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (assessment, role, slot)"
	                   " DO UPDATE SET company = excluded.company, person = excluded.person,"
	                   " phone = excluded.phone, email = excluded.email,"
	                   " after_hours = excluded.after_hours,"
	                   " confirmed = excluded.confirmed", store_bind_contact, &arg);
}

static int store_bind_contact_key(sqlite3_stmt *stmt, const void *arg)
{
	const struct store_contact_arg *x = arg;
	int rc;

	if ((rc = sqlite3_bind_int64(stmt, 1, x->assessment)) != SQLITE_OK
	    || (rc = sqlite3_bind_text(stmt, 2, x->c->role, -1, SQLITE_TRANSIENT)) != SQLITE_OK)
		return rc;
	return sqlite3_bind_int(stmt, 3, x->c->slot);
}

enum store_status store_contact_delete(struct store *st, int64_t assessment,
                                       const char *role, int slot)
{
	struct store_contact key = { .slot = slot };
	struct store_contact_arg arg = { assessment, &key };
	enum store_status status;

	if (!st)
		return STORE_ERR_INVALID;
	if (!store_role_valid(role, sizeof key.role) || !store_slot_valid(slot))
		return store_invalid(st, _("Invalid contact role. Correct it, then try again."));
	store_copy_text(key.role, sizeof key.role, role);
	status = store_write(st, "DELETE FROM contacts WHERE assessment = ?1 AND role = ?2"
	                     " AND slot = ?3", store_bind_contact_key, &arg);
	if (status == STORE_OK && sqlite3_changes(st->db) == 0) {
		store_set_error(st, _("No contact has been recorded for this role yet."));
		return STORE_NOT_FOUND;
	}
	return status;
}
