/* store_assessments: the assessments of the file (one per year) — the profile, the latest, a year's, last year's, the list. */
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

/* ---- assessments (profile) ---- */

#define STORE_PROFILE_COLUMNS \
	"id, company, band, target_level, year, assessor, guideline"

static void store_read_profile(sqlite3_stmt *stmt, struct store_profile *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(stmt, 0);
	store_copy_text(p->company, sizeof p->company,
	                (const char *)sqlite3_column_text(stmt, 1));
	store_copy_text(p->band, sizeof p->band,
	                (const char *)sqlite3_column_text(stmt, 2));
	p->target_level = sqlite3_column_int(stmt, 3);
	p->year = sqlite3_column_int(stmt, 4);
	store_copy_text(p->assessor, sizeof p->assessor,
	                (const char *)sqlite3_column_text(stmt, 5));
	store_copy_text(p->guideline, sizeof p->guideline,
	                (const char *)sqlite3_column_text(stmt, 6));
}

/* One assessment by a query whose ?1 is a year: STORE_NOT_FOUND when none. */
static enum store_status store_profile_query(struct store *st, const char *sql, int year,
                                             struct store_profile *out)
{
	sqlite3_stmt *stmt;
	int rc;

	if (!st || !out)
		return STORE_ERR_INVALID;
	if ((rc = store_prepare(st, sql, &stmt)) != SQLITE_OK)
		return store_fail(st, rc);
	sqlite3_bind_int(stmt, 1, year);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		store_read_profile(stmt, out);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_ROW)
		return STORE_OK;
	return rc == SQLITE_DONE ? STORE_NOT_FOUND : store_fail(st, rc);
}

enum store_status store_profile_by_year(struct store *st, int year, struct store_profile *out)
{
	enum store_status rc = store_profile_query(st, "SELECT " STORE_PROFILE_COLUMNS
	                                           " FROM assessments WHERE year = ?1"
	                                           " ORDER BY id DESC LIMIT 1", year, out);
	if (rc == STORE_NOT_FOUND)
		store_set_error(st, _("There is no assessment for %d in %s."), year, st->path);
	return rc;
}

enum store_status store_profile_before(struct store *st, int year, struct store_profile *out)
{
	return store_profile_query(st, "SELECT " STORE_PROFILE_COLUMNS " FROM assessments"
	                           " WHERE year < ?1 ORDER BY year DESC, id DESC LIMIT 1", year, out);
}

enum store_status store_carry_forward(struct store *st, int64_t from, int64_t to, int *carried)
{
	enum store_status status;

	if (!st || from <= 0 || to <= 0 || from == to)
		return STORE_ERR_INVALID;
	if ((status = store_begin(st)) != STORE_OK)
		return status;
	/* Answers keep their value, note and dates, but wait to be confirmed;
	 * the history of the new year starts with them. */
	int rc = store_exec_bound(st, "INSERT OR REPLACE INTO answers (assessment, item, value,"
	                         " note, updated, confirmed, note_updated, note_carried)"
	                         " SELECT ?2, item, value, note, updated, 0, note_updated, note <> ''"
	                         " FROM answers WHERE assessment = ?1 AND value IS NOT NULL", from, to);
	if (rc == SQLITE_OK && carried)
		*carried = sqlite3_changes(st->db);
	if (rc == SQLITE_OK)
		rc = store_exec_bound(st, "INSERT INTO answer_history (assessment, item, value, note,"
		                     " changed) SELECT ?2, item, value, note, " STORE_NOW
		                     " FROM answers WHERE assessment = ?1 AND value IS NOT NULL", from, to);
	if (rc == SQLITE_OK)
		rc = store_exec_bound(st, "INSERT OR REPLACE INTO actions (assessment, item, task, owner,"
		                     " due, status, memo) SELECT ?2, item, task, owner, due, status, memo"
		                     " FROM actions WHERE assessment = ?1", from, to);
	if (rc == SQLITE_OK)
		rc = store_exec_bound(st, "INSERT OR REPLACE INTO contacts (assessment, role, slot,"
		                     " company, person, phone, email, after_hours, confirmed)"
		                     " SELECT ?2, role, slot, company, person, phone, email,"
		                     " after_hours, confirmed FROM contacts"
		                     " WHERE assessment = ?1", from, to);
	return store_finish(st, rc);
}

void store_select_year(struct store *st, int year)
{
	if (st)
		st->year = year;
}

enum store_status store_profile_current(struct store *st, struct store_profile *out)
{
	enum store_status rc;

	if (!st || !out)
		return STORE_ERR_INVALID;
	if (st->year)
		return store_profile_by_year(st, st->year, out);
	/* The latest: the last before a year no assessment can have. */
	rc = store_profile_before(st, 10000, out);
	if (rc == STORE_NOT_FOUND)
		store_set_error(st, _("No assessment has been saved yet."));
	return rc;
}

static int store_bind_profile(sqlite3_stmt *stmt, const void *arg)
{
	const struct store_profile *p = arg;
	int rc;

	if ((rc = store_bind_field(stmt, 1, p->company, sizeof p->company)) != SQLITE_OK
	    || (rc = store_bind_field(stmt, 2, p->band, sizeof p->band)) != SQLITE_OK
	    || (rc = sqlite3_bind_int(stmt, 3, p->target_level)) != SQLITE_OK
	    || (rc = sqlite3_bind_int(stmt, 4, p->year)) != SQLITE_OK
	    || (rc = store_bind_field(stmt, 5, p->assessor, sizeof p->assessor)) != SQLITE_OK
	    || (rc = store_bind_field(stmt, 6, p->guideline, sizeof p->guideline)) != SQLITE_OK)
		return rc;
	return p->id ? sqlite3_bind_int64(stmt, 7, p->id) : SQLITE_OK;
}

enum store_status store_profile_save(struct store *st, struct store_profile *p)
{
	enum store_status status;
	sqlite3_stmt *stmt = NULL;
	int rc;

	if (!st || !p)
		return STORE_ERR_INVALID;
	if (p->target_level < 1 || p->target_level > 3)
		return store_invalid(st, _("Invalid target level: choose 1, 2 or 3."));
	if (p->id < 0)
		return store_invalid(st, _("Invalid assessment id. Correct it, then try again."));
	if ((status = store_begin(st)) != STORE_OK)
		return status;
	if (p->id == 0)
		rc = store_prepare(st, "INSERT INTO assessments (company, band,"
		                   " target_level, year, assessor, guideline, created,"
		                   " updated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
		                   STORE_NOW ", " STORE_NOW ")", &stmt);
	else
		rc = store_prepare(st, "UPDATE assessments SET company = ?1,"
		                   " band = ?2, target_level = ?3, year = ?4,"
		                   " assessor = ?5, guideline = ?6, updated = "
		                   STORE_NOW " WHERE id = ?7", &stmt);
	if (rc == SQLITE_OK)
		rc = store_bind_profile(stmt, p);
	if (rc == SQLITE_OK)
		rc = store_step_done(stmt);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_OK && p->id != 0 && sqlite3_changes(st->db) == 0) {
		store_rollback(st);
		store_set_error(st, _("This assessment no longer exists in %s."),
		                st->path);
		return STORE_NOT_FOUND;
	}
	status = store_finish(st, rc);
	if (status == STORE_OK && p->id == 0)
		p->id = sqlite3_last_insert_rowid(st->db);
	return status;
}

enum store_status store_profile_list(struct store *st, struct store_profile **out, int *n)
{
	struct store_profile *list = NULL;
	sqlite3_stmt *stmt;
	int count = 0, cap = 0, rc;

	if (!st || !out || !n)
		return STORE_ERR_INVALID;
	*out = NULL;
	*n = 0;
	rc = store_prepare(st, "SELECT " STORE_PROFILE_COLUMNS " FROM assessments"
	                   " ORDER BY year DESC, id DESC", &stmt);
	if (rc != SQLITE_OK)
		return store_fail(st, rc);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (count == cap) {
			int ncap = cap ? cap * 2 : 8;
			struct store_profile *grown = realloc(list, (size_t)ncap * sizeof *list);

			if (!grown) {
				sqlite3_finalize(stmt);
				free(list);
				return store_no_memory(st);
			}
			list = grown;
			cap = ncap;
		}
		store_read_profile(stmt, &list[count++]);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		free(list);
		return store_fail(st, rc);
	}
	*out = list;
	*n = count;
	return STORE_OK;
}

