/* store_internal: what the store's files share — the handle, the schema's constants, errors, statements and transactions. Only src/store*.c include it: no SQL outside them. */
#ifndef KAMAE_STORE_INTERNAL_H
#define KAMAE_STORE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "store.h"

/* 'KAME': tells our files apart from any other SQLite database. */
#define STORE_APPLICATION_ID 0x4B414D45
#define STORE_ITEMS 153
#define STORE_BUSY_MS 2000
#define STORE_NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"
#define STORE_CACHE 16

struct store {
	sqlite3 *db;
	int lock_fd;
	int readonly;       /* opened by store_open_readonly: never writes */
	int check_integrity; /* the last session did not end cleanly (or unknown) */
	int year;           /* the selected assessment year; 0 = the latest */
	int version;        /* the file's schema (a reader may see an older one) */
	char *path;
	char err[1024];
	/* Statements an answer runs, prepared once for the handle's life:
	 * keyed by the address of their SQL, a string literal of store*.c. */
	const char *cached_sql[STORE_CACHE];
	sqlite3_stmt *cached[STORE_CACHE];
	int n_cached;
	long prepares;      /* statements prepared so far (store_prepare_count) */
};

/* ---- shared by the store's files, defined in store.c ---- */

/* Errors: the message for the user, kept in st->err, and the status. */
void store_set_error(struct store *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
enum store_status store_fail(struct store *st, int rc);
enum store_status store_invalid(struct store *st, const char *message);
enum store_status store_no_memory(struct store *st);

/* Values: text cut between characters, columns copied, fields bound. */
void store_copy_text(char *dst, size_t dstlen, const char *src);
char *store_dup_column(sqlite3_stmt *stmt, int col);
int store_bind_user_text(sqlite3_stmt *stmt, int idx, const char *s);
int store_bind_field(sqlite3_stmt *stmt, int idx, const char *s, size_t size);
int store_item_valid(int item);
int store_date_valid(const char *s, size_t size);

/* Statements (cached ones are given back with store_release) and the one
 * transaction per user action (BEGIN IMMEDIATE ... COMMIT or ROLLBACK). */
int store_prepare(struct store *st, const char *sql, sqlite3_stmt **stmt);
int store_step_done(sqlite3_stmt *stmt);
int store_prepare_cached(struct store *st, const char *sql, sqlite3_stmt **stmt);
void store_release(struct store *st, sqlite3_stmt *stmt);
int store_exec_bound(struct store *st, const char *sql, int64_t first, int64_t second);
enum store_status store_begin(struct store *st);
void store_rollback(struct store *st);
enum store_status store_finish(struct store *st, int rc);
enum store_status store_write(struct store *st, const char *sql,
                              int (*bind)(sqlite3_stmt *, const void *), const void *arg);

#endif
