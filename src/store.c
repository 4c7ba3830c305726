/* store: the file's life — opening it safely (kind, privacy, lock, verify), migrations, errors, statements and transactions; what it holds is in store_*.c. */
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
#include "store_internal.h"
#include "text.h"

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
	/* 3: a contact sheet of its own shape. A role may have more rows than
	 * one (a second customer, the local police station), each with the
	 * other party's company: the key gains a slot, so the table is made
	 * again (SQLite cannot change a primary key in place). */
	"CREATE TABLE contacts_v3 ("
	" assessment INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,"
	" role TEXT NOT NULL,"
	" slot INTEGER NOT NULL DEFAULT 0 CHECK (slot BETWEEN 0 AND 99)," /* STORE_CONTACT_SLOT_MAX */
	" company TEXT NOT NULL DEFAULT '',"
	" person TEXT NOT NULL DEFAULT '',"
	" phone TEXT NOT NULL DEFAULT '',"
	" email TEXT NOT NULL DEFAULT '',"
	" after_hours TEXT NOT NULL DEFAULT '',"
	" confirmed TEXT NOT NULL DEFAULT '',"
	" PRIMARY KEY (assessment, role, slot));"
	"INSERT INTO contacts_v3 (assessment, role, person, phone, email, after_hours, confirmed)"
	" SELECT assessment, role, person, phone, email, after_hours, confirmed FROM contacts;"
	"DROP TABLE contacts;"
	"ALTER TABLE contacts_v3 RENAME TO contacts;",
};

/* ---- errors ---- */

void store_set_error(struct store *st, const char *fmt, ...)
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
enum store_status store_fail(struct store *st, int rc)
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
enum store_status store_invalid(struct store *st, const char *message)
{
	store_set_error(st, "%s", message);
	return STORE_ERR_INVALID;
}

enum store_status store_no_memory(struct store *st)
{
	store_set_error(st, _("Out of memory. Close other programs, then try again."));
	return STORE_ERR_IO;
}


/* ---- text and values ---- */

/* Copies src into a fixed buffer, cutting between characters if it must. */
void store_copy_text(char *dst, size_t dstlen, const char *src)
{
	size_t len;

	if (!src)
		src = "";
	len = strlen(src);
	if (len >= dstlen)
		len = text_cut_bytes(src, dstlen - 1);
	memcpy(dst, src, len);
	dst[len] = '\0';
}

char *store_dup_column(sqlite3_stmt *stmt, int col)
{
	const char *s = (const char *)sqlite3_column_text(stmt, col);

	return strdup(s ? s : "");
}

int store_bind_user_text(sqlite3_stmt *stmt, int idx, const char *s)
{
	if (!s)
		s = "";
	return sqlite3_bind_text(stmt, idx, s,
	                         (int)text_cut_chars(s, strlen(s), STORE_TEXT_MAX),
	                         SQLITE_TRANSIENT);
}

/* A fixed-size field that the caller may have filled to the last byte. */
int store_bind_field(sqlite3_stmt *stmt, int idx, const char *s, size_t size)
{
	size_t len = strnlen(s, size);

	if (len == size)
		len = text_cut_bytes(s, size - 1);
	return sqlite3_bind_text(stmt, idx, s, (int)len, SQLITE_TRANSIENT);
}

int store_item_valid(int item)
{
	return item >= 1 && item <= STORE_ITEMS;
}

/* "" or a real calendar date written YYYY-MM-DD (the date module's rule),
 * within a buffer of size. */
int store_date_valid(const char *s, size_t size)
{
	if (!memchr(s, '\0', size))
		return 0;
	return s[0] == '\0' || date_valid(s);
}


/* ---- statements and transactions ---- */

int store_prepare(struct store *st, const char *sql, sqlite3_stmt **stmt)
{
	st->prepares++;
	return sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL);
}

/* Runs a statement that returns no rows (or whose rows do not matter). */
int store_step_done(sqlite3_stmt *stmt)
{
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		;
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* A statement of the answer path: prepared on first use, then reused.
 * Give it back with store_release, never finalize it. */
int store_prepare_cached(struct store *st, const char *sql, sqlite3_stmt **stmt)
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
void store_release(struct store *st, sqlite3_stmt *stmt)
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
int store_exec_bound(struct store *st, const char *sql, int64_t first, int64_t second)
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

enum store_status store_begin(struct store *st)
{
	int rc = store_exec_cached(st, "BEGIN IMMEDIATE");

	return rc == SQLITE_OK ? STORE_OK : store_fail(st, rc);
}

void store_rollback(struct store *st)
{
	/* SQLite may already have rolled back itself, e.g. after SQLITE_FULL. */
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Ends the transaction: commits when rc is SQLITE_OK, else rolls back. */
enum store_status store_finish(struct store *st, int rc)
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
enum store_status store_write(struct store *st, const char *sql,
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
	st->version = STORE_SCHEMA_VERSION;
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
	if (version < STORE_SCHEMA_READABLE) {
		store_set_error(st, _("%s has no assessment yet, or was written by an older kamae: "
		                      "start kamae on it once."), st->path);
		return STORE_NOT_FOUND;
	}
	st->version = (int)version;
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

