/* store_answers: answers and evidence notes, their audit trail, a checksheet imported and a year carried forward — each one transaction. */
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

/* ---- answers, notes and their history ---- */

/* Reads the stored value code and note of an item; *found is 0 when no row. */
static int store_answer_row(struct store *st, int64_t assessment, int item,
                            char **code, char **note, int *found)
{
	sqlite3_stmt *stmt;
	int rc = store_prepare_cached(st, "SELECT value, note, confirmed FROM answers"
	                              " WHERE assessment = ?1 AND item = ?2", &stmt);

	*code = *note = NULL;
	*found = 0;
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, assessment);
	sqlite3_bind_int(stmt, 2, item);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(stmt, 0);

		/* found is 2 for a row still to be confirmed. */
		*found = sqlite3_column_int(stmt, 2) ? 1 : 2;
		*code = v ? strdup(v) : NULL;
		*note = store_dup_column(stmt, 1);
		rc = (!v || *code) && *note ? SQLITE_OK : SQLITE_NOMEM;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_OK;
	}
	store_release(st, stmt);
	return rc;
}

/* Appends the item's current value and note to the audit trail. */
static int store_history_add(struct store *st, int64_t assessment, int item)
{
	return store_exec_bound(st, "INSERT INTO answer_history (assessment, item,"
	                        " value, note, changed) SELECT assessment, item, value,"
	                        " note, " STORE_NOW " FROM answers"
	                        " WHERE assessment = ?1 AND item = ?2", assessment, item);
}

static int store_same_code(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}


/* The answer's row, inside a transaction the caller holds; an SQLite code. */
static int store_answer_write(struct store *st, int64_t assessment, int item, const char *code)
{
	sqlite3_stmt *stmt = NULL;
	char *old_code, *old_note;
	int rc, found, same;

	rc = store_answer_row(st, assessment, item, &old_code, &old_note, &found);
	same = store_same_code(old_code, code);
	free(old_code);
	free(old_note);
	/* Pressing the same answer again is not a change: no new history row;
	 * on a carried answer it confirms it. */
	if (rc != SQLITE_OK || (same && found != 2))
		return rc;
	if (same)
		return store_exec_bound(st, "UPDATE answers SET confirmed = 1"
		                        " WHERE assessment = ?1 AND item = ?2", assessment, item);
	rc = store_prepare_cached(st, "INSERT INTO answers (assessment, item, value,"
	                   " updated) VALUES (?1, ?2, ?3, " STORE_NOW ")"
	                   " ON CONFLICT (assessment, item) DO UPDATE SET"
	                   " value = excluded.value, updated = excluded.updated,"
	                   " confirmed = 1",
	                   &stmt);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(stmt, 1, assessment);
		sqlite3_bind_int(stmt, 2, item);
		if (code)
			sqlite3_bind_text(stmt, 3, code, -1, SQLITE_STATIC);
		rc = store_step_done(stmt);
	}
	if (stmt)
		store_release(st, stmt);
	return rc == SQLITE_OK ? store_history_add(st, assessment, item) : rc;
}

/* The note's row, inside a transaction the caller holds; an SQLite code. */
static int store_note_write(struct store *st, int64_t assessment, int item, const char *note)
{
	sqlite3_stmt *stmt = NULL;
	char *old_code, *old_note;
	size_t len = strlen(note);
	int rc, found, same;

	rc = store_answer_row(st, assessment, item, &old_code, &old_note, &found);
	same = rc == SQLITE_OK && strlen(found ? old_note : "") == len
	       && memcmp(found ? old_note : "", note, len) == 0;
	free(old_code);
	free(old_note);
	if (rc != SQLITE_OK || same)
		return rc;
	/* The note does not touch `updated`: that says when the item was
	 * answered; note_updated says how old the evidence is. */
	rc = store_prepare_cached(st, "INSERT INTO answers (assessment, item, note, note_updated)"
	                   " VALUES (?1, ?2, ?3, " STORE_NOW ") ON CONFLICT (assessment, item)"
	                   " DO UPDATE SET note = excluded.note,"
	                   " note_updated = excluded.note_updated, note_carried = 0", &stmt);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(stmt, 1, assessment);
		sqlite3_bind_int(stmt, 2, item);
		sqlite3_bind_text(stmt, 3, note, (int)len, SQLITE_TRANSIENT);
		rc = store_step_done(stmt);
	}
	if (stmt)
		store_release(st, stmt);
	return rc == SQLITE_OK ? store_history_add(st, assessment, item) : rc;
}

int store_note_fits(const char *note)
{
	return text_chars(note ? note : "") <= STORE_TEXT_MAX;
}

/* Answer and note (NULL: the note is left as it is) in one transaction:
 * a kill between the two can never keep one without the other. */
enum store_status store_answer_note_set(struct store *st, int64_t assessment, int item,
                                        enum answer value, const char *note)
{
	enum store_status status;
	const char *code = answer_code(value);

	if (!st)
		return STORE_ERR_INVALID;
	if (!store_item_valid(item))
		return store_invalid(st, _("Invalid item number: it must be 1 to 153."));
	if (value != ANSWER_NONE && !code)
		return store_invalid(st, _("Invalid answer. Correct it, then try again."));
	if (note && !store_note_fits(note))
		return store_invalid(st, _("The note is too long: it can hold 4096 characters. "
		                           "Shorten it, then save again."));
	if ((status = store_begin(st)) != STORE_OK)
		return status;
	int rc = store_answer_write(st, assessment, item, code);
	if (rc == SQLITE_OK && note)
		rc = store_note_write(st, assessment, item, note);
	return store_finish(st, rc);
}

enum store_status store_answer_set(struct store *st, int64_t assessment, int item,
                                   enum answer value)
{
	return store_answer_note_set(st, assessment, item, value, NULL);
}

enum store_status store_note_set(struct store *st, int64_t assessment, int item,
                                 const char *note)
{
	enum store_status status;

	if (!st)
		return STORE_ERR_INVALID;
	if (!store_item_valid(item))
		return store_invalid(st, _("Invalid item number: it must be 1 to 153."));
	if (!note)
		note = "";
	if (!store_note_fits(note))
		return store_invalid(st, _("The note is too long: it can hold 4096 characters. "
		                           "Shorten it, then save again."));
	if ((status = store_begin(st)) != STORE_OK)
		return status;
	return store_finish(st, store_note_write(st, assessment, item, note));
}

enum store_status store_import(struct store *st, int64_t assessment, const struct store_import_row *rows,
                               int n, int replace, int *written, int *kept)
{
	enum store_status status;
	int rc = SQLITE_OK;

	*written = *kept = 0;
	if (!st || assessment <= 0)
		return STORE_ERR_INVALID;
	if ((status = store_begin(st)) != STORE_OK)
		return status;
	for (int i = 0; i < n && rc == SQLITE_OK; i++) {
		char *code = NULL, *note = NULL;
		int found;
		if (!store_item_valid(rows[i].item) || !store_note_fits(rows[i].note))
			continue;
		rc = store_answer_row(st, assessment, rows[i].item, &code, &note, &found);
		int answered = code != NULL;
		free(code);
		free(note);
		if (rc != SQLITE_OK)
			break;
		if (answered && !replace) {
			(*kept)++;
			continue;
		}
		/* Imported answers wait to be confirmed, like carried ones, and
		 * their notes are old evidence until rewritten. */
		sqlite3_stmt *stmt;
		rc = store_prepare(st, "INSERT INTO answers (assessment, item, value, note, updated,"
		                   " confirmed, note_updated, note_carried) VALUES (?1, ?2, ?3, ?4, "
		                   STORE_NOW ", ?5, NULL, ?6) ON CONFLICT (assessment, item) DO UPDATE SET"
		                   " value = excluded.value, note = excluded.note, updated = excluded.updated,"
		                   " confirmed = excluded.confirmed, note_updated = NULL,"
		                   " note_carried = excluded.note_carried", &stmt);
		if (rc != SQLITE_OK)
			break;
		const char *value = answer_code(rows[i].value);
		sqlite3_bind_int64(stmt, 1, assessment);
		sqlite3_bind_int(stmt, 2, rows[i].item);
		if (value)
			sqlite3_bind_text(stmt, 3, value, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 4, rows[i].note, -1, SQLITE_STATIC);
		sqlite3_bind_int(stmt, 5, value ? 0 : 1);
		sqlite3_bind_int(stmt, 6, rows[i].note[0] != '\0');
		rc = store_step_done(stmt);
		sqlite3_finalize(stmt);
		if (rc == SQLITE_OK)
			rc = store_history_add(st, assessment, rows[i].item);
		if (rc == SQLITE_OK)
			(*written)++;
	}
	return store_finish(st, rc);
}

void store_answers_free(struct store_answer *a, int n)
{
	if (!a)
		return;
	for (int i = 0; i < n; i++) {
		free(a[i].note);
		a[i].note = NULL;
	}
}

enum store_status store_answers_load(struct store *st, int64_t assessment,
                                     struct store_answer out[153])
{
	sqlite3_stmt *stmt;
	int rc;

	if (!st || !out)
		return STORE_ERR_INVALID;
	for (int i = 0; i < STORE_ITEMS; i++) {
		out[i].value = ANSWER_NONE;
		out[i].note = strdup("");
		out[i].updated[0] = '\0';
		out[i].note_updated[0] = '\0';
		out[i].confirmed = 1;
		out[i].note_carried = 0;
		if (!out[i].note) {
			store_answers_free(out, i);
			return store_no_memory(st);
		}
	}
	rc = store_prepare(st, "SELECT item, value, note, updated, confirmed, note_updated,"
	                   " note_carried FROM answers WHERE assessment = ?1", &stmt);
	if (rc != SQLITE_OK) {
		store_answers_free(out, STORE_ITEMS);
		return store_fail(st, rc);
	}
	sqlite3_bind_int64(stmt, 1, assessment);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int item = sqlite3_column_int(stmt, 0);
		struct store_answer *a;
		char *note;

		if (!store_item_valid(item))
			continue;
		a = &out[item - 1];
		a->value = answer_from_code((const char *)sqlite3_column_text(stmt, 1));
		note = store_dup_column(stmt, 2);
		if (!note) {
			rc = SQLITE_NOMEM;
			break;
		}
		free(a->note);
		a->note = note;
		store_copy_text(a->updated, sizeof a->updated,
		                (const char *)sqlite3_column_text(stmt, 3));
		a->confirmed = sqlite3_column_int(stmt, 4) != 0 || a->value == ANSWER_NONE;
		store_copy_text(a->note_updated, sizeof a->note_updated,
		                (const char *)sqlite3_column_text(stmt, 5));
		a->note_carried = sqlite3_column_int(stmt, 6) != 0;
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE)
		return STORE_OK;
	store_answers_free(out, STORE_ITEMS);
	return rc == SQLITE_NOMEM ? store_no_memory(st) : store_fail(st, rc);
}

int store_history_count(struct store *st, int64_t assessment, int item)
{
	sqlite3_stmt *stmt;
	int rc, count = -1;

	if (!st)
		return -1;
	rc = store_prepare(st, "SELECT count(*) FROM answer_history"
	                   " WHERE assessment = ?1 AND item = ?2", &stmt);
	if (rc != SQLITE_OK) {
		store_fail(st, rc);
		return -1;
	}
	sqlite3_bind_int64(stmt, 1, assessment);
	sqlite3_bind_int(stmt, 2, item);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		count = sqlite3_column_int(stmt, 0);
	else
		store_fail(st, rc);
	sqlite3_finalize(stmt);
	return count;
}

