/* store_plan: the improvement plan's tasks, one per item. */
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

/* ---- plan actions ---- */

void store_action_clear(struct store_action *a)
{
	if (!a)
		return;
	free(a->task);
	free(a->owner);
	free(a->memo);
	a->task = a->owner = a->memo = NULL;
}

enum store_status store_action_get(struct store *st, int64_t assessment, int item,
                                   struct store_action *out)
{
	sqlite3_stmt *stmt;
	int rc, status;

	if (!st || !out)
		return STORE_ERR_INVALID;
	memset(out, 0, sizeof *out);
	out->item = item;
	if (!store_item_valid(item))
		return store_invalid(st, _("Invalid item number: it must be 1 to 153."));
	rc = store_prepare(st, "SELECT task, owner, due, status, memo FROM actions"
	                   " WHERE assessment = ?1 AND item = ?2", &stmt);
	if (rc != SQLITE_OK)
		return store_fail(st, rc);
	sqlite3_bind_int64(stmt, 1, assessment);
	sqlite3_bind_int(stmt, 2, item);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		out->task = store_dup_column(stmt, 0);
		out->owner = store_dup_column(stmt, 1);
		store_copy_text(out->due, sizeof out->due,
		                (const char *)sqlite3_column_text(stmt, 2));
		status = sqlite3_column_int(stmt, 3);
		out->status = status >= ACTION_TODO && status <= ACTION_DONE
		              ? (enum action_status)status : ACTION_TODO;
		out->memo = store_dup_column(stmt, 4);
	}
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE) {
		store_set_error(st, _("No action has been planned for this item yet."));
		return STORE_NOT_FOUND;
	}
	if (rc != SQLITE_ROW)
		return store_fail(st, rc);
	if (!out->task || !out->owner || !out->memo) {
		store_action_clear(out);
		return store_no_memory(st);
	}
	return STORE_OK;
}

struct store_action_arg {
	int64_t assessment;
	const struct store_action *a;
};

static int store_bind_action(sqlite3_stmt *stmt, const void *arg)
{
	const struct store_action_arg *x = arg;
	int rc;

	if ((rc = sqlite3_bind_int64(stmt, 1, x->assessment)) != SQLITE_OK
	    || (rc = sqlite3_bind_int(stmt, 2, x->a->item)) != SQLITE_OK
	    || (rc = store_bind_user_text(stmt, 3, x->a->task)) != SQLITE_OK
	    || (rc = store_bind_user_text(stmt, 4, x->a->owner)) != SQLITE_OK
	    || (rc = sqlite3_bind_text(stmt, 5, x->a->due, -1, SQLITE_TRANSIENT)) != SQLITE_OK
	    || (rc = sqlite3_bind_int(stmt, 6, (int)x->a->status)) != SQLITE_OK)
		return rc;
	return store_bind_user_text(stmt, 7, x->a->memo);
}

enum store_status store_action_save(struct store *st, int64_t assessment,
                                    const struct store_action *a)
{
	struct store_action_arg arg = { assessment, a };

	if (!st || !a)
		return STORE_ERR_INVALID;
	if (!store_item_valid(a->item))
		return store_invalid(st, _("Invalid item number: it must be 1 to 153."));
	if (!store_date_valid(a->due, sizeof a->due))
		return store_invalid(st, _("Invalid due date: write it as YYYY-MM-DD, "
		                           "or leave it empty."));
	if (a->status < ACTION_TODO || a->status > ACTION_DONE)
		return store_invalid(st, _("Invalid action status. Correct it, then try again."));
	return store_write(st, "INSERT INTO actions (assessment, item, task, owner,"
	                   " due, status, memo) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	                   " ON CONFLICT (assessment, item) DO UPDATE SET"
	                   " task = excluded.task, owner = excluded.owner,"
	                   " due = excluded.due, status = excluded.status,"
	                   " memo = excluded.memo", store_bind_action, &arg);
}

