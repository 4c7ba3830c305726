/* store: the one SQLite file per company — opening it safely, migrations, and one transaction per user action. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <sqlite3.h>

#include "i18n.h"
#include "date.h"
#include "store.h"
#include "text.h"

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
	char *path;
	char err[1024];
	/* Statements an answer runs, prepared once for the handle's life:
	 * keyed by the address of their SQL, a string literal of this file. */
	const char *cached_sql[STORE_CACHE];
	sqlite3_stmt *cached[STORE_CACHE];
	int n_cached;
	long prepares;      /* statements prepared so far (store_prepare_count) */
};

/* Migration N (index N - 1) brings a file from user_version N - 1 to N. */
static const char *const store_migrations[STORE_SCHEMA_VERSION] = {
	"CREATE TABLE assessments ("
	" id INTEGER PRIMARY KEY,"
	" company TEXT NOT NULL DEFAULT '',"
	" band TEXT NOT NULL DEFAULT '',"
	" target_level INTEGER NOT NULL CHECK (target_level BETWEEN 1 AND 3),"
	" year INTEGER NOT NULL,"
	" assessor TEXT NOT NULL DEFAULT '',"
	" guideline TEXT NOT NULL,"
	" created TEXT,"
	" updated TEXT);"
	"CREATE TABLE answers ("
	" assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,"
	" item INTEGER NOT NULL CHECK (item BETWEEN 1 AND 153),"
	" value TEXT CHECK (value IN ('done','progress','notdone','na') OR value IS NULL),"
	" note TEXT NOT NULL DEFAULT '',"
	" updated TEXT,"
	" PRIMARY KEY (assessment, item));"
	"CREATE TABLE answer_history ("
	" id INTEGER PRIMARY KEY,"
	" assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,"
	" item INTEGER NOT NULL,"
	" value TEXT,"
	" note TEXT NOT NULL DEFAULT '',"
	" changed TEXT NOT NULL);"
	"CREATE INDEX answer_history_item ON answer_history (assessment, item);"
	/* The audit trail is only ever appended to. */
	"CREATE TRIGGER answer_history_append_only BEFORE UPDATE ON answer_history"
	" BEGIN SELECT RAISE(ABORT, 'answer_history is append-only'); END;"
	"CREATE TABLE actions ("
	" assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,"
	" item INTEGER NOT NULL CHECK (item BETWEEN 1 AND 153),"
	" task TEXT NOT NULL DEFAULT '',"
	" owner TEXT NOT NULL DEFAULT '',"
	" due TEXT NOT NULL DEFAULT '',"
	" status INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 2),"
	" memo TEXT NOT NULL DEFAULT '',"
	" PRIMARY KEY (assessment, item));"
	"CREATE TABLE contacts ("
	" assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,"
	" role TEXT NOT NULL,"
	" person TEXT NOT NULL DEFAULT '',"
	" phone TEXT NOT NULL DEFAULT '',"
	" email TEXT NOT NULL DEFAULT '',"
	" after_hours TEXT NOT NULL DEFAULT '',"
	" confirmed TEXT NOT NULL DEFAULT '',"
	" PRIMARY KEY (assessment, role));"
	/* No foreign key: assessment 0 may hold settings of the whole file. */
	"CREATE TABLE settings ("
	" assessment INTEGER NOT NULL,"
	" key TEXT NOT NULL,"
	" value TEXT NOT NULL DEFAULT '',"
	" PRIMARY KEY (assessment, key));",
	/* 2: year two. An answer carried from last year (or imported) is
	 * unconfirmed until the user confirms it; a note knows when it last
	 * changed, so that evidence can age. */
	"ALTER TABLE answers ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 1"
	" CHECK (confirmed IN (0, 1));"
	"ALTER TABLE answers ADD COLUMN note_updated TEXT;"
	"ALTER TABLE answers ADD COLUMN note_carried INTEGER NOT NULL DEFAULT 0;"
	"UPDATE answers SET note_updated = updated WHERE note <> '';",
};

/* ---- errors ---- */

static void store_set_error(struct store *st, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void store_set_error(struct store *st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(st->err, sizeof st->err, fmt, ap);
	va_end(ap);
}

static enum store_status store_errno_status(int err)
{
	switch (err) {
	case ENOSPC:
#ifdef EDQUOT
	case EDQUOT:
#endif
		return STORE_ERR_FULL;
	case EACCES:
	case EPERM:
	case EROFS:
		return STORE_ERR_READONLY;
	default:
		return STORE_ERR_IO;
	}
}

/* Turns a failed SQLite call into a status and a message that says what to do. */
static enum store_status store_fail(struct store *st, int rc)
{
	const char *detail = st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
	int sys = st->db ? sqlite3_system_errno(st->db) : 0;
	enum store_status status;

	switch (rc & 0xff) {
	case SQLITE_FULL:
		status = STORE_ERR_FULL;
		break;
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_AUTH:
		status = STORE_ERR_READONLY;
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		status = STORE_ERR_LOCKED;
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		status = STORE_ERR_CORRUPT;
		break;
	case SQLITE_CONSTRAINT:
		status = rc == SQLITE_CONSTRAINT_FOREIGNKEY ? STORE_NOT_FOUND
		                                            : STORE_ERR_INVALID;
		break;
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		status = store_errno_status(sys);
		break;
	default:
		status = STORE_ERR_IO;
		break;
	}

	switch (status) {
	case STORE_ERR_FULL:
		store_set_error(st, _("The disk holding %s is full, so the last change "
		                      "was not saved. Free some space, then try again."),
		                st->path);
		break;
	case STORE_ERR_READONLY:
		store_set_error(st, _("Cannot write to %s: the file or its folder is "
		                      "read-only. Check the permissions, or choose "
		                      "another file."), st->path);
		break;
	case STORE_ERR_LOCKED:
		store_set_error(st, _("%s is busy in another program. Close that "
		                      "program, then try again."), st->path);
		break;
	case STORE_ERR_CORRUPT:
		store_set_error(st, _("%s is damaged (%s). Restore it from a backup "
		                      "copy."), st->path, detail);
		break;
	case STORE_NOT_FOUND:
		store_set_error(st, _("There is no such assessment in %s. Save the "
		                      "company profile first."), st->path);
		break;
	case STORE_ERR_INVALID:
		store_set_error(st, _("The value was refused by the database (%s). "
		                      "Correct it, then try again."), detail);
		break;
	default:
		store_set_error(st, _("Cannot read or write %s (%s). Check that the "
		                      "disk is available, then try again."),
		                st->path, detail);
		break;
	}
	return status;
}

/* message: a whole translated sentence saying what is wrong and what to do. */
static enum store_status store_invalid(struct store *st, const char *message)
{
	store_set_error(st, "%s", message);
	return STORE_ERR_INVALID;
}

static enum store_status store_no_memory(struct store *st)
{
	store_set_error(st, _("Out of memory. Close other programs, then try again."));
	return STORE_ERR_IO;
}

/* ---- text and values ---- */

/* Bytes of s[0..len) that hold at most max characters, never ending inside
 * a UTF-8 sequence. */
static size_t store_text_cut(const char *s, size_t len, size_t max)
{
	size_t chars = 0;

	for (size_t i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		if (chars == max)
			return i;
		chars++;
	}
	return len;
}

/* Largest length <= len that does not end inside a UTF-8 sequence. */
static size_t store_byte_cut(const char *s, size_t len)
{
	size_t end = len;

	while (end > 0 && ((unsigned char)s[end] & 0xC0) == 0x80)
		end--;
	return end;
}

/* Copies src into a fixed buffer, cutting between characters if it must. */
static void store_copy_text(char *dst, size_t dstlen, const char *src)
{
	size_t len;

	if (!src)
		src = "";
	len = strlen(src);
	if (len >= dstlen)
		len = store_byte_cut(src, dstlen - 1);
	memcpy(dst, src, len);
	dst[len] = '\0';
}

static char *store_dup_column(sqlite3_stmt *stmt, int col)
{
	const char *s = (const char *)sqlite3_column_text(stmt, col);

	return strdup(s ? s : "");
}

static int store_bind_user_text(sqlite3_stmt *stmt, int idx, const char *s)
{
	if (!s)
		s = "";
	return sqlite3_bind_text(stmt, idx, s,
	                         (int)store_text_cut(s, strlen(s), STORE_TEXT_MAX),
	                         SQLITE_TRANSIENT);
}

/* A fixed-size field that the caller may have filled to the last byte. */
static int store_bind_field(sqlite3_stmt *stmt, int idx, const char *s, size_t size)
{
	size_t len = strnlen(s, size);

	if (len == size)
		len = store_byte_cut(s, size - 1);
	return sqlite3_bind_text(stmt, idx, s, (int)len, SQLITE_TRANSIENT);
}

static int store_item_valid(int item)
{
	return item >= 1 && item <= STORE_ITEMS;
}

/* "" or a real calendar date written YYYY-MM-DD (the date module's rule),
 * within a buffer of size. */
static int store_date_valid(const char *s, size_t size)
{
	if (!memchr(s, '\0', size))
		return 0;
	return s[0] == '\0' || date_valid(s);
}

/* ---- statements and transactions ---- */

static int store_prepare(struct store *st, const char *sql, sqlite3_stmt **stmt)
{
	st->prepares++;
	return sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL);
}

/* Runs a statement that returns no rows (or whose rows do not matter). */
static int store_step_done(sqlite3_stmt *stmt)
{
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		;
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* A statement of the answer path: prepared on first use, then reused.
 * Give it back with store_release, never finalize it. */
static int store_prepare_cached(struct store *st, const char *sql, sqlite3_stmt **stmt)
{
	for (int i = 0; i < st->n_cached; i++)
		if (st->cached_sql[i] == sql) {
			*stmt = st->cached[i];
			return SQLITE_OK;
		}
	int rc = store_prepare(st, sql, stmt);
	if (rc == SQLITE_OK && st->n_cached < STORE_CACHE) {
		st->cached_sql[st->n_cached] = sql;
		st->cached[st->n_cached++] = *stmt;
	}
	return rc;
}

/* Resets a cached statement for its next use (finalizes one that did not
 * fit the cache). */
static void store_release(struct store *st, sqlite3_stmt *stmt)
{
	for (int i = 0; i < st->n_cached; i++)
		if (st->cached[i] == stmt) {
			sqlite3_reset(stmt);
			sqlite3_clear_bindings(stmt);
			return;
		}
	sqlite3_finalize(stmt);
}

static void store_cache_free(struct store *st)
{
	for (int i = 0; i < st->n_cached; i++)
		sqlite3_finalize(st->cached[i]);
	st->n_cached = 0;
}

long store_prepare_count(const struct store *st)
{
	return st ? st->prepares : 0;
}

/* Runs a cached statement without parameters, e.g. BEGIN or COMMIT. */
static int store_exec_cached(struct store *st, const char *sql)
{
	sqlite3_stmt *stmt;
	int rc = store_prepare_cached(st, sql, &stmt);
	if (rc != SQLITE_OK)
		return rc;
	rc = store_step_done(stmt);
	store_release(st, stmt);
	return rc;
}

/* Reads one integer, e.g. a pragma; returns an SQLite code. */
static int store_query_int(sqlite3 *db, const char *sql, long long *out)
{
	sqlite3_stmt *stmt;
	int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);

	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(stmt, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_ERROR;
	}
	sqlite3_finalize(stmt);
	return rc;
}

/* BEGIN IMMEDIATE takes the write lock up front, so a transaction never fails
 * half-way because another connection started writing. */
/* Runs one statement with two integers bound to ?1 and ?2 (an assessment
 * and an item, or two assessments); an SQLite code. */
static int store_exec_bound(struct store *st, const char *sql, int64_t first, int64_t second)
{
	sqlite3_stmt *stmt;
	int rc = store_prepare_cached(st, sql, &stmt);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_int64(stmt, 1, first);
	sqlite3_bind_int64(stmt, 2, second);
	rc = store_step_done(stmt);
	store_release(st, stmt);
	return rc;
}

static enum store_status store_begin(struct store *st)
{
	int rc = store_exec_cached(st, "BEGIN IMMEDIATE");

	return rc == SQLITE_OK ? STORE_OK : store_fail(st, rc);
}

static void store_rollback(struct store *st)
{
	/* SQLite may already have rolled back itself, e.g. after SQLITE_FULL. */
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Ends the transaction: commits when rc is SQLITE_OK, else rolls back. */
static enum store_status store_finish(struct store *st, int rc)
{
	enum store_status status;

	if (rc == SQLITE_OK)
		rc = store_exec_cached(st, "COMMIT");
	if (rc == SQLITE_OK)
		return STORE_OK;
	status = store_fail(st, rc);
	store_rollback(st);
	return status;
}

/* Runs a one-statement write, binding (assessment, ...) via bind(), in its
 * own transaction. */
static enum store_status store_write(struct store *st, const char *sql,
                                     int (*bind)(sqlite3_stmt *, const void *),
                                     const void *arg)
{
	sqlite3_stmt *stmt = NULL;
	enum store_status status = store_begin(st);
	int rc;

	if (status != STORE_OK)
		return status;
	rc = store_prepare(st, sql, &stmt);
	if (rc == SQLITE_OK)
		rc = bind(stmt, arg);
	if (rc == SQLITE_OK)
		rc = store_step_done(stmt);
	sqlite3_finalize(stmt);
	return store_finish(st, rc);
}

/* ---- opening: directory, lock, checks, pragmas, migrations ---- */

/* Creates the file's own folder (not its parents) 0700; an existing folder
 * keeps its mode. */
static enum store_status store_make_dir(struct store *st)
{
	char *dir = strdup(st->path);
	char *slash;
	struct stat sb;
	enum store_status status = STORE_OK;

	if (!dir)
		return store_no_memory(st);
	slash = strrchr(dir, '/');
	if (!slash) {
		free(dir);
		return STORE_OK;
	}
	if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';

	if (mkdir(dir, 0700) == 0) {
		/* A restrictive umask must not leave us without access. */
		chmod(dir, 0700);
	} else if (errno == EEXIST) {
		if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
			store_set_error(st, _("%s is not a folder. Choose another place "
			                      "for the database."), dir);
			status = STORE_ERR_IO;
		}
	} else if (errno == ENOENT) {
		store_set_error(st, _("Cannot create the folder %s: the folder above "
		                      "it does not exist. Create it, or choose another "
		                      "path."), dir);
		status = STORE_ERR_IO;
	} else {
		int err = errno;

		status = store_errno_status(err);
		store_set_error(st, _("Cannot create the folder %s (%s). Choose a "
		                      "folder you can write to."), dir, strerror(err));
	}
	free(dir);
	return status;
}

/* An existing path must be a regular file: a folder, FIFO or device is
 * refused before anything is created beside it (a FIFO would also block
 * the open that follows). */
static enum store_status store_check_kind(struct store *st)
{
	struct stat sb;

	if (stat(st->path, &sb) != 0 || S_ISREG(sb.st_mode))
		return STORE_OK;   /* missing: created later, 0600 */
	if (S_ISDIR(sb.st_mode))
		store_set_error(st, _("%s is a folder, not a database file. Give a "
		                      "file name, e.g. %s/kamae.db."), st->path, st->path);
	else
		store_set_error(st, _("%s is not a regular file (it is a device, FIFO "
		                      "or socket). Give the name of a database file."),
		                st->path);
	return STORE_ERR_INVALID;
}

/* A file (or folder) another user could read or change: not ours, or open
 * to group or others. Names the owner and mode for the message. */
static int store_foreign(const struct stat *sb)
{
	return sb->st_uid != geteuid() || (sb->st_mode & 077) != 0;
}

static void store_owner_name(uid_t uid, char *buf, size_t len)
{
	struct passwd *pw = getpwuid(uid);
	if (pw)
		snprintf(buf, len, "%s", pw->pw_name);
	else
		snprintf(buf, len, "uid %ld", (long)uid);
}

/* A writer keeps the company's weaknesses only where nobody else can read
 * or replace them: the database and its companions (-wal, -shm, -journal,
 * .lock) must be ours and closed to others, and their folder must not let
 * others swap files (writable by others without the sticky bit). Checked
 * before anything is created. */
static enum store_status store_check_private(struct store *st)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal", ".lock" };
	char path[PATH_MAX], owner[64];
	struct stat sb;

	for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(path, sizeof path, "%s%s", st->path, suffixes[i]);
		if (lstat(path, &sb) != 0)
			continue;
		if (S_ISLNK(sb.st_mode) && i > 0) {
			store_set_error(st, _("%s is a link: kamae does not follow links beside a "
			                      "database. Remove it, then try again."), path);
			return STORE_ERR_READONLY;
		}
		if (i == 0 && stat(path, &sb) != 0)
			continue;
		if (store_foreign(&sb)) {
			store_owner_name(sb.st_uid, owner, sizeof owner);
			store_set_error(st, _("%s belongs to %s and has mode %04o: kamae writes only to "
			                      "a database that is yours alone, because it holds your "
			                      "company's weaknesses. If it is yours, make it private "
			                      "(chmod 600 '%s'); otherwise copy it into a folder of "
			                      "your own."),
			                path, owner, (unsigned)(sb.st_mode & 07777), path);
			return STORE_ERR_READONLY;
		}
	}
	char *dir = strdup(st->path), *slash = dir ? strrchr(dir, '/') : NULL;
	if (!dir)
		return store_no_memory(st);
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	int open_dir = slash && stat(dir, &sb) == 0 && (sb.st_mode & 022) && !(sb.st_mode & S_ISVTX);
	if (open_dir)
		store_set_error(st, _("The folder %s can be written by other users (mode %04o), who "
		                      "could replace the database: keep it in a folder of your own "
		                      "(for example chmod 700 '%s')."),
		                dir, (unsigned)(sb.st_mode & 07777), dir);
	free(dir);
	return open_dir ? STORE_ERR_READONLY : STORE_OK;
}

static long store_lock_owner(int fd)
{
	char buf[32];
	ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
	char *end;
	long pid;

	if (n <= 0)
		return 0;
	buf[n] = '\0';
	pid = strtol(buf, &end, 10);
	return end != buf && pid > 0 ? pid : 0;
}

/* Replaces the lock file's contents; returns 0 or -1. */
static int store_lock_write(int fd, const char *text, size_t len)
{
	if (ftruncate(fd, 0) != 0)
		return -1;
	return len == 0 || pwrite(fd, text, len, 0) == (ssize_t)len ? 0 : -1;
}

/* Holds flock() on PATH.lock for the handle's life: the kernel releases it
 * even on kill -9, and the .db itself is left to SQLite's own locking. */
static enum store_status store_lock(struct store *st)
{
	size_t len = strlen(st->path) + sizeof ".lock";
	char *lock_path = malloc(len);
	char pidbuf[32];
	int fd, n;

	if (!lock_path)
		return store_no_memory(st);
	snprintf(lock_path, len, "%s.lock", st->path);
	/* No lock file yet: a file from elsewhere (a copy, another machine),
	 * whose history we do not know. */
	st->check_integrity = access(lock_path, F_OK) != 0;
	fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		int err = errno;

		store_set_error(st, _("Cannot create the lock file %s (%s). Check "
		                      "that you can write to its folder."),
		                lock_path, strerror(err));
		free(lock_path);
		return store_errno_status(err);
	}
	free(lock_path);
	fchmod(fd, 0600);
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		int err = errno;
		long pid = store_lock_owner(fd);

		close(fd);
		if (err != EWOULDBLOCK) {
			store_set_error(st, _("Cannot lock %s (%s)."), st->path,
			                strerror(err));
			return STORE_ERR_IO;
		}
		if (pid > 0)
			store_set_error(st, _("%s is in use by another kamae (pid %ld). "
			                      "Close that one first, then try again."),
			                st->path, pid);
		else
			store_set_error(st, _("%s is in use by another kamae. Close that "
			                      "one first, then try again."), st->path);
		return STORE_ERR_LOCKED;
	}
	st->lock_fd = fd;
	/* A pid left in the lock file: the last kamae was killed or crashed
	 * (a clean close empties it), so the file is checked this time. */
	if (store_lock_owner(fd) > 0)
		st->check_integrity = 1;
	/* The pid only makes the "in use" message helpful; the lock holds
	 * without it, so a failed write is not an error. */
	n = snprintf(pidbuf, sizeof pidbuf, "%ld\n", (long)getpid());
	(void)store_lock_write(fd, pidbuf, (size_t)n);
	return STORE_OK;
}

static void store_unlock(struct store *st)
{
	if (st->lock_fd < 0)
		return;
	/* The lock file stays: unlinking it would let a process that already
	 * opened it lock a name nobody else sees. Emptying it drops a stale pid. */
	(void)store_lock_write(st->lock_fd, "", 0);
	close(st->lock_fd);
	st->lock_fd = -1;
}

/* Reads the header of the existing file: *empty when it has no byte yet,
 * *ours when it carries our application_id (offset 68, big-endian). */
static enum store_status store_read_header(struct store *st, int *empty, int *ours)
{
	static const char magic[16] = "SQLite format 3";
	unsigned char head[72];
	struct stat sb;
	ssize_t n;
	/* O_NONBLOCK: a FIFO swapped in since the check must not hang us. */
	int fd = open(st->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);

	*empty = 0;
	*ours = 0;
	if (fd < 0) {
		int err = errno;

		store_set_error(st, _("Cannot open %s (%s). Check its permissions."),
		                st->path, strerror(err));
		return store_errno_status(err);
	}
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		store_set_error(st, _("%s is not a regular file. Choose another path "
		                      "for the database."), st->path);
		return STORE_ERR_IO;
	}
	if (sb.st_size == 0) {
		close(fd);
		*empty = *ours = 1;
		return STORE_OK;
	}
	n = pread(fd, head, sizeof head, 0);
	close(fd);
	if (n < (ssize_t)sizeof magic || memcmp(head, magic, sizeof magic) != 0) {
		store_set_error(st, _("%s is not a kamae database (not SQLite). Choose "
		                      "another file; this one was left unchanged."),
		                st->path);
		return STORE_ERR_NOT_DB;
	}
	*ours = n == (ssize_t)sizeof head
	        && ((uint32_t)head[68] << 24 | (uint32_t)head[69] << 16
	            | (uint32_t)head[70] << 8 | head[71]) == STORE_APPLICATION_ID;
	return STORE_OK;
}

/* A file that exists must look like SQLite before a lock file is made
 * beside it: a wrong --db leaves nothing behind. */
static enum store_status store_check_existing(struct store *st)
{
	int empty, ours;
	if (access(st->path, F_OK) != 0)
		return STORE_OK;
	return store_read_header(st, &empty, &ours);
}

/* Creates a missing file 0600 ourselves, so that SQLite never creates it
 * with the umask's mode; an existing one must at least look like SQLite.
 * *ours is set when the file is empty or carries our application_id. */
static enum store_status store_check_file(struct store *st, int *ours)
{
	int empty, fd = open(st->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);

	*ours = 1;
	if (fd >= 0) {
		fchmod(fd, 0600);
		close(fd);
		return STORE_OK;
	}
	if (errno != EEXIST) {
		int err = errno;

		store_set_error(st, _("Cannot create %s (%s). Choose a folder you can "
		                      "write to."), st->path, strerror(err));
		return store_errno_status(err);
	}
	return store_read_header(st, &empty, ours);
}

/* Reads only: quick_check, then whose file it is and which schema version.
 * Returns an SQLite code for failures SQLite reports itself. */
static int store_inspect(struct store *st, sqlite3 *db, enum store_status *status)
{
	sqlite3_stmt *stmt;
	long long app_id, version, objects;
	int rc, ok;

	*status = STORE_OK;
	/* quick_check reads the whole file: only after an unclean end or for
	 * a file of unknown history, so that opening costs the same in the
	 * tenth year as in the first. */
	rc = sqlite3_prepare_v2(db, st->check_integrity ? "PRAGMA quick_check(1)" : "SELECT 'ok'",
	                        -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(stmt);
	ok = rc == SQLITE_ROW && sqlite3_column_text(stmt, 0)
	     && strcmp((const char *)sqlite3_column_text(stmt, 0), "ok") == 0;
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? SQLITE_CORRUPT : rc;
	if (!ok) {
		store_set_error(st, _("%s is damaged (its integrity check failed). "
		                      "Restore it from a backup copy; this file was "
		                      "left unchanged."), st->path);
		*status = STORE_ERR_CORRUPT;
		return SQLITE_OK;
	}
	if ((rc = store_query_int(db, "PRAGMA application_id", &app_id)) != SQLITE_OK
	    || (rc = store_query_int(db, "PRAGMA user_version", &version)) != SQLITE_OK
	    || (rc = store_query_int(db, "SELECT count(*) FROM sqlite_master",
	                             &objects)) != SQLITE_OK)
		return rc;

	if (app_id != STORE_APPLICATION_ID && (objects != 0 || version != 0)) {
		store_set_error(st, _("%s is a database of another program, not of "
		                      "kamae. Choose another file; this one was left "
		                      "unchanged."), st->path);
		*status = STORE_ERR_NOT_KAMAE;
	} else if (version > STORE_SCHEMA_VERSION) {
		store_set_error(st, _("%s was written by a newer kamae (schema %lld; "
		                      "this one knows %d). Update kamae to open it."),
		                st->path, version, STORE_SCHEMA_VERSION);
		*status = STORE_ERR_NEWER;
	}
	return SQLITE_OK;
}

/* Opens a connection with extended result codes, or fails with a status.
 * name is st->path, or a file: URI of it (flags then hold SQLITE_OPEN_URI). */
static enum store_status store_connect_name(struct store *st, const char *name, int flags,
                                            sqlite3 **db)
{
	enum store_status status;
	int rc = sqlite3_open_v2(name, db, flags, NULL);

	if (*db)
		sqlite3_extended_result_codes(*db, 1);
	if (rc == SQLITE_OK)
		rc = sqlite3_busy_timeout(*db, STORE_BUSY_MS);
	if (rc == SQLITE_OK)
		return STORE_OK;
	st->db = *db;
	status = store_fail(st, rc);
	st->db = NULL;
	sqlite3_close_v2(*db);
	*db = NULL;
	return status;
}

static enum store_status store_connect(struct store *st, int flags, sqlite3 **db)
{
	return store_connect_name(st, st->path, flags, db);
}

/* 1 when path+suffix is missing, or (empty_ok) an empty file. */
static int store_companion_idle(const char *path, const char *suffix, int empty_ok)
{
	char name[PATH_MAX];
	struct stat sb;
	if (snprintf(name, sizeof name, "%s%s", path, suffix) >= (int)sizeof name)
		return 0;
	if (stat(name, &sb) != 0)
		return errno == ENOENT;
	return empty_ok && S_ISREG(sb.st_mode) && sb.st_size == 0;
}

/* A file at rest: no kamae has it open (the lock file, when there is one,
 * holds no pid: a clean close empties it) and nothing waits in a WAL or a
 * rollback journal. Such a file is read as immutable: no -wal or -shm is
 * made beside it (a reader could not remove them again) and nothing is
 * locked. A writer that starts meanwhile only appends to its own WAL; the
 * file itself changes at a checkpoint, long after this read. */
static int store_at_rest(const char *path)
{
	char lock[PATH_MAX], pid[8];
	if (!store_companion_idle(path, "-wal", 1) || !store_companion_idle(path, "-journal", 0))
		return 0;
	if (snprintf(lock, sizeof lock, "%s.lock", path) >= (int)sizeof lock)
		return 0;
	int fd = open(lock, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (fd < 0)
		return errno == ENOENT;
	ssize_t n = read(fd, pid, sizeof pid);
	close(fd);
	return n == 0;
}

/* "file:PATH?immutable=1", PATH percent-encoded where a URI needs it. */
static int store_immutable_uri(const char *path, char *uri, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o = 0;
	int n = snprintf(uri, len, "file:");
	if (n < 0 || (size_t)n >= len)
		return -1;
	o = (size_t)n;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		int plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')
		            || strchr("/-._~", *p);
		if (o + 4 >= len)
			return -1;
		if (plain) {
			uri[o++] = (char)*p;
		} else {
			uri[o++] = '%';
			uri[o++] = hex[*p >> 4];
			uri[o++] = hex[*p & 15];
		}
	}
	n = snprintf(uri + o, len - o, "?immutable=1");
	return n < 0 || (size_t)n >= len - o ? -1 : 0;
}

/* A reader's connection: immutable for a file at rest, else a plain
 * read-only one, which reads a live wizard's WAL as it stands. */
static enum store_status store_connect_reader(struct store *st, sqlite3 **db)
{
	char uri[3 * PATH_MAX + 32];
	if (store_at_rest(st->path) && store_immutable_uri(st->path, uri, sizeof uri) == 0)
		return store_connect_name(st, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, db);
	return store_connect(st, SQLITE_OPEN_READONLY, db);
}

/* Checks a file before anything may write to it: read-only connection, so a
 * file that is not ours, damaged or newer stays byte-for-byte as it was.
 * ours: the raw header says the file is kamae's (see store_check_file). */
static enum store_status store_verify(struct store *st, int ours)
{
	sqlite3 *db;
	enum store_status status = store_connect(st, SQLITE_OPEN_READONLY, &db);
	int rc;

	if (status != STORE_OK)
		return status;
	rc = store_inspect(st, db, &status);
	if ((rc & 0xff) == SQLITE_READONLY && !ours) {
		sqlite3_close_v2(db);
		store_set_error(st, _("%s is a database of another program, not of "
		                      "kamae. Choose another file; this one was left "
		                      "unchanged."), st->path);
		return STORE_ERR_NOT_KAMAE;
	}
	if ((rc & 0xff) == SQLITE_READONLY) {
		/* A hot journal left by a crash cannot be read without rolling it
		 * back. Our own file may be recovered: that only restores its last
		 * commit. */
		sqlite3_close_v2(db);
		status = store_connect(st, SQLITE_OPEN_READWRITE, &db);
		if (status != STORE_OK)
			return status;
		rc = store_inspect(st, db, &status);
	}
	if (rc != SQLITE_OK) {
		st->db = db;
		status = store_fail(st, rc);
		st->db = NULL;
		if (status == STORE_ERR_INVALID || status == STORE_NOT_FOUND)
			status = STORE_ERR_CORRUPT;
	}
	sqlite3_close_v2(db);
	return status;
}

/* WAL makes each commit one append; where it cannot work (network shares)
 * the rollback journal with synchronous=FULL is just as safe, only slower. */
static int store_configure(struct store *st)
{
	sqlite3_stmt *stmt;
	int rc, wal;

	rc = store_prepare(st, "PRAGMA journal_mode=WAL", &stmt);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(stmt);
	/* Where WAL is impossible the pragma answers the old mode, not an error. */
	wal = rc == SQLITE_ROW && sqlite3_column_text(stmt, 0)
	      && sqlite3_stricmp((const char *)sqlite3_column_text(stmt, 0), "wal") == 0;
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? SQLITE_ERROR : rc;
	if (!wal) {
		rc = sqlite3_exec(st->db, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			return rc;
	}
	return sqlite3_exec(st->db, "PRAGMA synchronous=FULL;"
	                    "PRAGMA foreign_keys=ON;", NULL, NULL, NULL);
}

/* Brings the schema to STORE_SCHEMA_VERSION in one transaction. */
static enum store_status store_migrate(struct store *st)
{
	enum store_status status = store_begin(st);
	long long version = 0, app_id = 0;
	char sql[64];
	int rc;

	if (status != STORE_OK)
		return status;
	rc = store_query_int(st->db, "PRAGMA user_version", &version);
	if (rc == SQLITE_OK)
		rc = store_query_int(st->db, "PRAGMA application_id", &app_id);
	if (rc == SQLITE_OK && version > STORE_SCHEMA_VERSION) {
		/* Another writer got in between the checks and now. */
		store_rollback(st);
		store_set_error(st, _("%s was written by a newer kamae. Update kamae "
		                      "to open it."), st->path);
		return STORE_ERR_NEWER;
	}
	for (long long v = version; rc == SQLITE_OK && v < STORE_SCHEMA_VERSION; v++)
		rc = sqlite3_exec(st->db, store_migrations[v], NULL, NULL, NULL);
	if (rc == SQLITE_OK && version != STORE_SCHEMA_VERSION) {
		snprintf(sql, sizeof sql, "PRAGMA user_version=%d", STORE_SCHEMA_VERSION);
		rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	}
	if (rc == SQLITE_OK && app_id != STORE_APPLICATION_ID) {
		snprintf(sql, sizeof sql, "PRAGMA application_id=%d", STORE_APPLICATION_ID);
		rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	}
	return store_finish(st, rc);
}

static enum store_status store_open_steps(struct store *st)
{
	enum store_status status;
	int rc, ours = 0;

	if ((status = store_check_kind(st)) != STORE_OK
	    || (status = store_check_private(st)) != STORE_OK
	    || (status = store_check_existing(st)) != STORE_OK
	    || (status = store_make_dir(st)) != STORE_OK
	    || (status = store_lock(st)) != STORE_OK
	    || (status = store_check_file(st, &ours)) != STORE_OK
	    || (status = store_verify(st, ours)) != STORE_OK)
		return status;
	status = store_connect(st, SQLITE_OPEN_READWRITE, &st->db);
	if (status != STORE_OK)
		return status;
	if (sqlite3_db_readonly(st->db, "main") == 1) {
		store_set_error(st, _("%s is read-only. Check its permissions (you "
		                      "need to be able to write it), or choose another "
		                      "file."), st->path);
		return STORE_ERR_READONLY;
	}
	rc = store_configure(st);
	if (rc != SQLITE_OK)
		return store_fail(st, rc);
	return store_migrate(st);
}

/* A reader: no lock, nothing created, nothing written. SQLite's own locks
 * keep it consistent with a wizard writing at the same time (WAL). */
static enum store_status store_open_ro_steps(struct store *st)
{
	enum store_status status;
	int empty, ours, rc;

	if ((status = store_check_kind(st)) != STORE_OK
	    || (status = store_read_header(st, &empty, &ours)) != STORE_OK)
		return status;
	if (empty) {
		store_set_error(st, _("%s is empty: it holds no assessment yet. Start kamae (or "
		                      "kamae init) on it first."), st->path);
		return STORE_NOT_FOUND;
	}
	/* A reader cannot tell a crashed writer from a live one: it checks
	 * only files kamae never opened here (no lock file beside them). */
	char lock_path[PATH_MAX];
	snprintf(lock_path, sizeof lock_path, "%s.lock", st->path);
	st->check_integrity = access(lock_path, F_OK) != 0;
	if ((status = store_connect_reader(st, &st->db)) != STORE_OK)
		return status;
	rc = store_inspect(st, st->db, &status);
	if ((rc & 0xff) == SQLITE_READONLY) {
		store_set_error(st, _("%s was left unfinished by a crash and needs recovering: "
		                      "start kamae on it once; this command changes nothing."),
		                st->path);
		return STORE_ERR_READONLY;
	}
	if (rc != SQLITE_OK)
		return store_fail(st, rc);
	if (status != STORE_OK)
		return status;
	long long version = 0;
	if ((rc = store_query_int(st->db, "PRAGMA user_version", &version)) != SQLITE_OK)
		return store_fail(st, rc);
	if (version < STORE_SCHEMA_VERSION) {
		store_set_error(st, _("%s has no assessment yet, or was written by an older kamae: "
		                      "start kamae on it once."), st->path);
		return STORE_NOT_FOUND;
	}
	return STORE_OK;
}

int store_default_path(char *buf, size_t len)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	int n;

	/* The XDG spec says to ignore a relative XDG_DATA_HOME. */
	if (xdg && xdg[0] == '/')
		n = snprintf(buf, len, "%s/kamae/kamae.db", xdg);
	else if (home && home[0] != '\0')
		n = snprintf(buf, len, "%s/.local/share/kamae/kamae.db", home);
	else
		return -1;
	return n < 0 || (size_t)n >= len ? -1 : 0;
}

/* The file's real path when it exists, so that a symlink or "./x.db" and
 * "x.db" share one lock file; the path as given otherwise. malloc'd. */
static char *store_canonical_path(const char *path)
{
	char *real = realpath(path, NULL);
	return real ? real : strdup(path);
}

static struct store *store_open_with(const char *path, enum store_status (*steps)(struct store *),
                                     enum store_status *status, char *err, size_t errlen)
{
	struct store *st;
	enum store_status result;

	if (err && errlen)
		err[0] = '\0';
	if (!path || !path[0]) {
		if (err && errlen)
			snprintf(err, errlen, "%s", _("No database file was given."));
		if (status)
			*status = STORE_ERR_INVALID;
		return NULL;
	}
	st = calloc(1, sizeof *st);
	if (st)
		st->path = store_canonical_path(path);
	if (!st || !st->path) {
		if (err && errlen)
			snprintf(err, errlen, "%s", _("Out of memory. Close other "
			                              "programs, then try again."));
		if (status)
			*status = STORE_ERR_IO;
		free(st);
		return NULL;
	}
	st->lock_fd = -1;

	result = steps(st);
	if (status)
		*status = result;
	if (result == STORE_OK)
		return st;
	if (err && errlen)
		snprintf(err, errlen, "%s", st->err);
	store_cache_free(st);
	if (st->db)
		sqlite3_close_v2(st->db);
	store_unlock(st);
	free(st->path);
	free(st);
	return NULL;
}

struct store *store_open(const char *path, enum store_status *status,
                         char *err, size_t errlen)
{
	return store_open_with(path, store_open_steps, status, err, errlen);
}

struct store *store_open_readonly(const char *path, enum store_status *status,
                                  char *err, size_t errlen)
{
	struct store *st = store_open_with(path, store_open_ro_steps, status, err, errlen);
	if (st)
		st->readonly = 1;
	return st;
}

void store_checkpoint(struct store *st)
{
	if (st && st->db && !st->readonly)
		sqlite3_exec(st->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
}

void store_close(struct store *st)
{
	if (!st)
		return;
	store_cache_free(st);
	store_checkpoint(st);
	sqlite3_close_v2(st->db);
	store_unlock(st);
	free(st->path);
	free(st);
}

const char *store_error(const struct store *st)
{
	return st ? st->err : "";
}

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
		rc = store_exec_bound(st, "INSERT OR REPLACE INTO contacts (assessment, role, person,"
		                     " phone, email, after_hours, confirmed) SELECT ?2, role, person,"
		                     " phone, email, after_hours, confirmed FROM contacts"
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
