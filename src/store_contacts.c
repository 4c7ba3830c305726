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
	free(c->person);
	free(c->phone);
	free(c->email);
	free(c->after_hours);
	c->person = c->phone = c->email = c->after_hours = NULL;
}

static int store_role_valid(const char *role, size_t size)
{
	return role && role[0] != '\0' && memchr(role, '\0', size);
}

enum store_status store_contact_get(struct store *st, int64_t assessment,
                                    const char *role, struct store_contact *out)
{
	sqlite3_stmt *stmt;
	int rc;

	if (!st || !out)
		return STORE_ERR_INVALID;
	memset(out, 0, sizeof *out);
	if (!store_role_valid(role, sizeof out->role))
		return store_invalid(st, _("Invalid contact role. Correct it, then try again."));
	store_copy_text(out->role, sizeof out->role, role);
	rc = store_prepare(st, "SELECT person, phone, email, after_hours, confirmed"
	                   " FROM contacts WHERE assessment = ?1 AND role = ?2", &stmt);
	if (rc != SQLITE_OK)
		return store_fail(st, rc);
	sqlite3_bind_int64(stmt, 1, assessment);
	sqlite3_bind_text(stmt, 2, role, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		out->person = store_dup_column(stmt, 0);
		out->phone = store_dup_column(stmt, 1);
		out->email = store_dup_column(stmt, 2);
		out->after_hours = store_dup_column(stmt, 3);
		store_copy_text(out->confirmed, sizeof out->confirmed,
		                (const char *)sqlite3_column_text(stmt, 4));
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE) {
		store_set_error(st, _("No contact has been recorded for this role yet."));
		return STORE_NOT_FOUND;
	}
	if (rc != SQLITE_ROW)
		return store_fail(st, rc);
	if (!out->person || !out->phone || !out->email || !out->after_hours) {
		store_contact_clear(out);
		return store_no_memory(st);
	}
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
	    || (rc = store_bind_user_text(stmt, 3, x->c->person)) != SQLITE_OK
	    || (rc = store_bind_user_text(stmt, 4, x->c->phone)) != SQLITE_OK
	    || (rc = store_bind_user_text(stmt, 5, x->c->email)) != SQLITE_OK
	    || (rc = store_bind_user_text(stmt, 6, x->c->after_hours)) != SQLITE_OK)
		return rc;
	return sqlite3_bind_text(stmt, 7, x->c->confirmed, -1, SQLITE_TRANSIENT);
}

enum store_status store_contact_save(struct store *st, int64_t assessment,
                                     const struct store_contact *c)
{
	struct store_contact_arg arg = { assessment, c };

	if (!st || !c)
		return STORE_ERR_INVALID;
	if (!store_role_valid(c->role, sizeof c->role))
		return store_invalid(st, _("Invalid contact role. Correct it, then try again."));
	if (!store_date_valid(c->confirmed, sizeof c->confirmed))
		return store_invalid(st, _("Invalid confirmation date: write it as "
		                           "YYYY-MM-DD, or leave it empty."));
	return store_write(st, "INSERT INTO contacts (assessment, role, person,"
	                   " phone, email, after_hours, confirmed) VALUES (?1, ?2,"
	                   " ?3, ?4, ?5, ?6, ?7) ON CONFLICT (assessment, role)"
	                   " DO UPDATE SET person = excluded.person,"
	                   " phone = excluded.phone, email = excluded.email,"
	                   " after_hours = excluded.after_hours,"
	                   " confirmed = excluded.confirmed", store_bind_contact, &arg);
}

