/* store_settings: small per-assessment settings (the No.150 alternative, the sign-off, the levels opted into). */
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

/* ---- settings ---- */

enum store_status store_setting_get(struct store *st, int64_t assessment,
                                    const char *key, char **value)
{
	sqlite3_stmt *stmt;
	int rc;

	if (!st || !value)
		return STORE_ERR_INVALID;
	*value = NULL;
	if (!key || !key[0])
		return store_invalid(st, _("Invalid setting name. Correct it, then try again."));
	rc = store_prepare(st, "SELECT value FROM settings"
	                   " WHERE assessment = ?1 AND key = ?2", &stmt);
	if (rc != SQLITE_OK)
		return store_fail(st, rc);
	sqlite3_bind_int64(stmt, 1, assessment);
	sqlite3_bind_text(stmt, 2, key, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*value = store_dup_column(stmt, 0);
	sqlite3_finalize(stmt);
	if (rc == SQLITE_DONE) {
		store_set_error(st, _("The setting %s is not set."), key);
		return STORE_NOT_FOUND;
	}
	if (rc != SQLITE_ROW)
		return store_fail(st, rc);
	return *value ? STORE_OK : store_no_memory(st);
}

struct store_setting_arg {
	int64_t assessment;
	const char *key, *value;
};

static int store_bind_setting(sqlite3_stmt *stmt, const void *arg)
{
	const struct store_setting_arg *x = arg;
	int rc;

	if ((rc = sqlite3_bind_int64(stmt, 1, x->assessment)) != SQLITE_OK
	    || (rc = sqlite3_bind_text(stmt, 2, x->key, -1, SQLITE_TRANSIENT)) != SQLITE_OK)
		return rc;
	return x->value ? store_bind_user_text(stmt, 3, x->value) : SQLITE_OK;
}

enum store_status store_setting_set(struct store *st, int64_t assessment,
                                    const char *key, const char *value)
{
	struct store_setting_arg arg = { assessment, key, value };

	if (!st)
		return STORE_ERR_INVALID;
	if (!key || !key[0])
		return store_invalid(st, _("Invalid setting name. Correct it, then try again."));
	/* NULL removes the setting, so that a later get reports NOT_FOUND. */
	if (!value)
		return store_write(st, "DELETE FROM settings WHERE assessment = ?1"
		                   " AND key = ?2", store_bind_setting, &arg);
	return store_write(st, "INSERT INTO settings (assessment, key, value)"
	                   " VALUES (?1, ?2, ?3) ON CONFLICT (assessment, key)"
	                   " DO UPDATE SET value = excluded.value",
	                   store_bind_setting, &arg);
}
