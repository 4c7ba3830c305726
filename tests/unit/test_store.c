/* test_store: the company database — creation, safety checks, locking, durability and round trips. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>

#include "store.h"

#define KAMAE_APP_ID 0x4B414D45

struct fixture {
	char dir[64];
	char path[128];    /* dir/kamae.db: the folder exists */
	char subpath[128]; /* dir/sub/kamae.db: the folder does not */
};

/* ---- helpers ---- */

static int remove_entry(const char *path, const struct stat *sb, int flag,
                        struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (!f)
		return -1;
	strcpy(f->dir, "/tmp/kamae-store-XXXXXX");
	if (!mkdtemp(f->dir)) {
		free(f);
		return -1;
	}
	snprintf(f->path, sizeof f->path, "%s/kamae.db", f->dir);
	snprintf(f->subpath, sizeof f->subpath, "%s/sub/kamae.db", f->dir);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	nftw(f->dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	free(f);
	return 0;
}

static struct store *open_ok(const char *path)
{
	enum store_status status = STORE_ERR_IO;
	char err[512] = "";
	struct store *st = store_open(path, &status, err, sizeof err);

	if (!st)
		print_error("store_open(%s): %d %s\n", path, status, err);
	assert_non_null(st);
	assert_int_equal(status, STORE_OK);
	return st;
}

/* A store with one saved assessment; returns its id. */
static int64_t new_assessment(struct store *st)
{
	struct store_profile p = { 0 };

	strcpy(p.company, "株式会社かまえ");
	p.target_level = 1;
	p.year = 2025;
	strcpy(p.guideline, "2.3");
	assert_int_equal(store_profile_save(st, &p), STORE_OK);
	assert_true(p.id > 0);
	return p.id;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	long size;

	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	size = ftell(fp);
	assert_true(size >= 0);
	rewind(fp);
	buf = malloc((size_t)size + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)size, fp), (size_t)size);
	fclose(fp);
	*len = (size_t)size;
	return buf;
}

static void spit(const char *path, const void *data, size_t len)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(data, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

static void exec_sql(const char *path, const char *sql)
{
	sqlite3 *db = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

static long long query_int(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt;
	long long v;

	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
	v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return v;
}

static mode_t mode_of(const char *path)
{
	struct stat sb;

	assert_int_equal(stat(path, &sb), 0);
	return sb.st_mode & 07777;
}

/* Opening must fail with `expected` and leave the file exactly as it was. */
static void assert_rejected_unchanged(const char *path, enum store_status expected)
{
	enum store_status status = STORE_OK;
	char err[512] = "";
	size_t before_len, after_len;
	char *before = slurp(path, &before_len);
	struct store *st = store_open(path, &status, err, sizeof err);
	char *after;

	assert_null(st);
	assert_int_equal(status, expected);
	assert_true(strlen(err) > 0);
	after = slurp(path, &after_len);
	assert_int_equal(after_len, before_len);
	assert_memory_equal(after, before, before_len);
	free(before);
	free(after);
}

/* ---- creation and migrations ---- */

static void test_default_path(void **state)
{
	char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	char *xdg = getenv("XDG_DATA_HOME") ? strdup(getenv("XDG_DATA_HOME")) : NULL;
	char buf[256], tiny[8];

	(void)state;
	setenv("HOME", "/home/yamada", 1);
	setenv("XDG_DATA_HOME", "/data/yamada", 1);
	assert_int_equal(store_default_path(buf, sizeof buf), 0);
	assert_string_equal(buf, "/data/yamada/kamae/kamae.db");
	assert_int_equal(store_default_path(tiny, sizeof tiny), -1);

	unsetenv("XDG_DATA_HOME");
	assert_int_equal(store_default_path(buf, sizeof buf), 0);
	assert_string_equal(buf, "/home/yamada/.local/share/kamae/kamae.db");

	unsetenv("HOME");
	assert_int_equal(store_default_path(buf, sizeof buf), -1);

	if (home)
		setenv("HOME", home, 1);
	if (xdg)
		setenv("XDG_DATA_HOME", xdg, 1);
	free(home);
	free(xdg);
}

static void test_new_file_is_migrated(void **state)
{
	struct fixture *f = *state;
	static const char *const tables[] = {
		"assessments", "answers", "answer_history", "actions", "contacts",
		"settings",
	};
	struct store *st = open_ok(f->subpath);
	char sql[128];

	store_close(st);
	assert_int_equal(query_int(f->subpath, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(query_int(f->subpath, "PRAGMA application_id"), KAMAE_APP_ID);
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_master"
		         " WHERE type = 'table' AND name = '%s'", tables[i]);
		assert_int_equal(query_int(f->subpath, sql), 1);
	}
	/* Opening again does not migrate twice. */
	st = open_ok(f->subpath);
	store_close(st);
	assert_int_equal(query_int(f->subpath, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
}

static void test_new_file_and_folder_are_private(void **state)
{
	struct fixture *f = *state;
	char lock[160];
	mode_t old = umask(0);   /* SQLite alone would then create 0644 */
	struct store *st = open_ok(f->subpath);
	struct store_profile p = { 0 };

	p.target_level = 1;
	p.year = 2025;
	assert_int_equal(store_profile_save(st, &p), STORE_OK);
	snprintf(lock, sizeof lock, "%s.lock", f->subpath);
	assert_int_equal(mode_of(f->subpath), 0600);
	assert_int_equal(mode_of(lock), 0600);
	store_close(st);
	umask(old);

	snprintf(lock, sizeof lock, "%s/sub", f->dir);
	assert_int_equal(mode_of(lock), 0700);
	assert_int_equal(mode_of(f->subpath), 0600);
}

static void test_existing_folder_keeps_its_mode(void **state)
{
	struct fixture *f = *state;
	struct store *st;

	assert_int_equal(chmod(f->dir, 0750), 0);
	st = open_ok(f->path);
	store_close(st);
	assert_int_equal(mode_of(f->dir), 0750);
	assert_int_equal(chmod(f->dir, 0700), 0);
}

static void test_missing_grandparent_is_an_error(void **state)
{
	struct fixture *f = *state;
	char path[192], err[512] = "";
	enum store_status status = STORE_OK;

	snprintf(path, sizeof path, "%s/a/b/kamae.db", f->dir);
	assert_null(store_open(path, &status, err, sizeof err));
	assert_int_equal(status, STORE_ERR_IO);
	assert_true(strlen(err) > 0);
}

static void test_empty_file_counts_as_new(void **state)
{
	struct fixture *f = *state;
	struct store *st;
	int fd = open(f->path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	assert_true(fd >= 0);
	close(fd);
	st = open_ok(f->path);
	store_close(st);
	assert_int_equal(mode_of(f->path), 0600);
	assert_int_equal(query_int(f->path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
}

/* A file others can read (a planted 0666 one, or a 0644 copy) holds the
 * company's weaknesses where others see them: a writer refuses it, says
 * why and how to fix it, and changes and creates nothing. */
static void test_file_open_to_others_refused(void **state)
{
	struct fixture *f = *state;
	char lock[4200], err[512] = "";
	enum store_status status;
	struct store *st = open_ok(f->path);

	new_assessment(st);
	store_close(st);
	snprintf(lock, sizeof lock, "%s.lock", f->path);
	unlink(lock);
	assert_int_equal(chmod(f->path, 0666), 0);
	assert_rejected_unchanged(f->path, STORE_ERR_READONLY);
	assert_null(store_open(f->path, &status, err, sizeof err));
	assert_non_null(strstr(err, "0666"));
	assert_non_null(strstr(err, "chmod 600"));
	assert_int_equal(access(lock, F_OK), -1);   /* no lock file made */
	/* A lock file someone else could read or swap is refused too. */
	assert_int_equal(chmod(f->path, 0600), 0);
	fclose(fopen(lock, "w"));
	assert_int_equal(chmod(lock, 0644), 0);
	assert_rejected_unchanged(f->path, STORE_ERR_READONLY);
	assert_int_equal(chmod(lock, 0600), 0);
	store_close(open_ok(f->path));
}

/* A folder others may write into (without the sticky bit) lets them swap
 * the database: refused before anything is created there. */
static void test_folder_open_to_others_refused(void **state)
{
	struct fixture *f = *state;
	char dir[4200], path[4300], err[512] = "";
	enum store_status status;

	snprintf(dir, sizeof dir, "%s/shared", f->dir);
	assert_int_equal(mkdir(dir, 0777), 0);
	assert_int_equal(chmod(dir, 0777), 0);
	snprintf(path, sizeof path, "%s/acme.db", dir);
	assert_null(store_open(path, &status, err, sizeof err));
	assert_int_equal(status, STORE_ERR_READONLY);
	assert_non_null(strstr(err, "0777"));
	assert_int_equal(access(path, F_OK), -1);
	/* With the sticky bit (like /tmp) others cannot swap our files. */
	assert_int_equal(chmod(dir, 01777), 0);
	store_close(open_ok(path));
}

/* summary and export read without the writer's lock and change nothing:
 * on a file a wizard holds, on a read-only file, and never on an empty one. */
static void test_readonly_open(void **state)
{
	struct fixture *f = *state;
	char err[512] = "";
	enum store_status status;
	struct store *writer = open_ok(f->path), *reader;
	int64_t id = new_assessment(writer);
	struct store_profile p;

	assert_int_equal(store_answer_set(writer, id, 18, ANSWER_DONE), STORE_OK);
	/* The writer still holds the file. */
	reader = store_open_readonly(f->path, &status, err, sizeof err);
	assert_non_null(reader);
	assert_int_equal(store_profile_current(reader, &p), STORE_OK);
	/* A reader cannot write, whatever it is asked. */
	assert_int_not_equal(store_answer_set(reader, id, 19, ANSWER_DONE), STORE_OK);
	store_close(reader);
	store_close(writer);
	size_t before_len, after_len;
	char *before = slurp(f->path, &before_len), *after;
	assert_int_equal(chmod(f->path, 0400), 0);
	reader = store_open_readonly(f->path, &status, err, sizeof err);
	assert_non_null(reader);
	store_close(reader);
	after = slurp(f->path, &after_len);
	assert_int_equal(after_len, before_len);
	assert_memory_equal(after, before, before_len);
	free(before);
	free(after);
	/* An empty file is refused and stays empty. */
	assert_int_equal(truncate(f->path, 0), 0);
	assert_null(store_open_readonly(f->path, &status, err, sizeof err));
	assert_int_equal(status, STORE_NOT_FOUND);
	assert_non_null(strstr(err, "empty"));
	slurp(f->path, &after_len);
	assert_int_equal(after_len, 0);
}

/* ---- round trips ---- */

static void test_profile_round_trip(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->path);
	struct store_profile p = { 0 }, got, older = { 0 }, *list = NULL;
	int n = -1;

	assert_int_equal(store_profile_current(st, &got), STORE_NOT_FOUND);

	strcpy(p.company, "株式会社テスト工業");
	strcpy(p.band, "mfg-50");
	p.target_level = 2;
	p.year = 2025;
	strcpy(p.assessor, "山田 太郎（情報システム課）");
	strcpy(p.guideline, "2.3");
	assert_int_equal(store_profile_save(st, &p), STORE_OK);
	assert_true(p.id > 0);

	assert_int_equal(store_profile_current(st, &got), STORE_OK);
	assert_int_equal(got.id, p.id);
	assert_string_equal(got.company, "株式会社テスト工業");
	assert_string_equal(got.band, "mfg-50");
	assert_int_equal(got.target_level, 2);
	assert_int_equal(got.year, 2025);
	assert_string_equal(got.assessor, "山田 太郎（情報システム課）");
	assert_string_equal(got.guideline, "2.3");

	/* Saving again updates the same row. */
	strcpy(p.company, "テスト工業株式会社");
	p.target_level = 3;
	assert_int_equal(store_profile_save(st, &p), STORE_OK);
	assert_int_equal(store_profile_current(st, &got), STORE_OK);
	assert_int_equal(got.id, p.id);
	assert_string_equal(got.company, "テスト工業株式会社");
	assert_int_equal(got.target_level, 3);

	/* The latest year wins, whatever the insertion order. */
	strcpy(older.company, "旧年度");
	older.target_level = 1;
	older.year = 2024;
	strcpy(older.guideline, "2.3");
	assert_int_equal(store_profile_save(st, &older), STORE_OK);
	assert_int_equal(store_profile_current(st, &got), STORE_OK);
	assert_int_equal(got.id, p.id);

	assert_int_equal(store_profile_list(st, &list, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].id, p.id);
	assert_int_equal(list[1].id, older.id);
	assert_string_equal(list[1].company, "旧年度");
	free(list);

	store_close(st);
	st = open_ok(f->path);
	assert_int_equal(store_profile_current(st, &got), STORE_OK);
	assert_string_equal(got.company, "テスト工業株式会社");
	store_close(st);
}

static void test_profile_rejects_bad_values(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->path);
	struct store_profile p = { 0 };

	p.year = 2025;
	p.target_level = 4;
	assert_int_equal(store_profile_save(st, &p), STORE_ERR_INVALID);
	assert_true(strlen(store_error(st)) > 0);
	p.target_level = 0;
	assert_int_equal(store_profile_save(st, &p), STORE_ERR_INVALID);
	assert_int_equal(p.id, 0);

	p.target_level = 1;
	p.id = 9999;   /* never saved */
	assert_int_equal(store_profile_save(st, &p), STORE_NOT_FOUND);
	store_close(st);
}

/* The wizard saves an answer per key: after the first, an answer and a
 * note reuse their prepared statements (issue 14, cost at rest). */
static void test_answers_reuse_statements(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->path);
	int64_t id = new_assessment(st);
	assert_int_equal(store_answer_note_set(st, id, 1, ANSWER_DONE, "規程あり"), STORE_OK);
	assert_int_equal(store_answer_set(st, id, 2, ANSWER_DONE), STORE_OK);
	assert_int_equal(store_answer_set(st, id, 2, ANSWER_DONE), STORE_OK);   /* same: none written */
	long warm = store_prepare_count(st);
	for (int no = 3; no <= 60; no++) {
		assert_int_equal(store_answer_set(st, id, no, (enum answer)(no % 4)), STORE_OK);
		assert_int_equal(store_answer_note_set(st, id, no, ANSWER_DONE, "手順書 第2版"), STORE_OK);
	}
	assert_int_equal(store_prepare_count(st), warm);
	assert_int_equal(store_history_count(st, id, 3), 3);   /* the rows were still written */
	store_close(st);
}

static void test_answer_round_trip(void **state)
{
	struct fixture *f = *state;
	static const enum answer values[] = {
		ANSWER_DONE, ANSWER_IN_PROGRESS, ANSWER_NOT_DONE, ANSWER_NA, ANSWER_NONE,
	};
	struct store *st = open_ok(f->path);
	int64_t id = new_assessment(st);
	struct store_answer a[153];

	for (int i = 0; i < 5; i++)
		assert_int_equal(store_answer_set(st, id, i + 1, values[i]), STORE_OK);
	assert_int_equal(store_answer_set(st, id, 153, ANSWER_DONE), STORE_OK);
	store_close(st);

	st = open_ok(f->path);
	assert_int_equal(store_answers_load(st, id, a), STORE_OK);
	for (int i = 0; i < 5; i++) {
		assert_int_equal(a[i].value, values[i]);
		assert_string_equal(a[i].note, "");
	}
	assert_int_equal(a[152].value, ANSWER_DONE);
	/* ISO 8601 UTC, e.g. 2025-01-31T09:00:00Z */
	assert_int_equal(strlen(a[0].updated), 20);
	assert_int_equal(a[0].updated[10], 'T');
	assert_int_equal(a[0].updated[19], 'Z');
	/* Never touched. */
	assert_int_equal(a[5].value, ANSWER_NONE);
	assert_string_equal(a[5].updated, "");
	store_answers_free(a, 153);

	/* Every value can be replaced by every other one. */
	for (int i = 0; i < 5; i++) {
		assert_int_equal(store_answer_set(st, id, 7, values[i]), STORE_OK);
		assert_int_equal(store_answers_load(st, id, a), STORE_OK);
		assert_int_equal(a[6].value, values[i]);
		store_answers_free(a, 153);
	}
	store_close(st);
}

static void test_invalid_item_is_rejected(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->path);
	int64_t id = new_assessment(st);
	struct store_action act = { 0 };

	assert_int_equal(store_answer_set(st, id, 0, ANSWER_DONE), STORE_ERR_INVALID);
	assert_int_equal(store_answer_set(st, id, 154, ANSWER_DONE), STORE_ERR_INVALID);
	assert_int_equal(store_answer_set(st, id, 1, (enum answer)7), STORE_ERR_INVALID);
	assert_int_equal(store_note_set(st, id, -1, "x"), STORE_ERR_INVALID);
	assert_int_equal(store_action_get(st, id, 154, &act), STORE_ERR_INVALID);
	act.item = 0;
	assert_int_equal(store_action_save(st, id, &act), STORE_ERR_INVALID);
	assert_true(strlen(store_error(st)) > 0);
	/* An answer for an assessment that was never saved. */
	assert_int_equal(store_answer_set(st, id + 100, 1, ANSWER_DONE), STORE_NOT_FOUND);
	store_close(st);
}

static void test_note_round_trip(void **state)
{
	struct fixture *f = *state;
	static const char japanese[] = "規程は「情報セキュリティ基本方針」として2024年に制定済み。\n総務部が管理。";
	static const char formula[] = "=HYPERLINK(\"http://example.com\",\"証跡\")";
	struct store *st = open_ok(f->path);
	int64_t id = new_assessment(st);
	struct store_answer a[153];

	assert_int_equal(store_answer_set(st, id, 10, ANSWER_IN_PROGRESS), STORE_OK);
	assert_int_equal(store_note_set(st, id, 10, japanese), STORE_OK);
	assert_int_equal(store_note_set(st, id, 11, formula), STORE_OK);
	/* Clearing the answer keeps the note; a note alone is not an answer. */
	assert_int_equal(store_note_set(st, id, 12, "メモ"), STORE_OK);
	assert_int_equal(store_answer_set(st, id, 12, ANSWER_DONE), STORE_OK);
	assert_int_equal(store_answer_set(st, id, 12, ANSWER_NONE), STORE_OK);
	store_close(st);

	st = open_ok(f->path);
	assert_int_equal(store_answers_load(st, id, a), STORE_OK);
	assert_int_equal(a[9].value, ANSWER_IN_PROGRESS);
	assert_string_equal(a[9].note, japanese);
	assert_int_equal(a[10].value, ANSWER_NONE);
	assert_string_equal(a[10].note, formula);
	assert_string_equal(a[10].updated, "");
	assert_int_equal(a[11].value, ANSWER_NONE);
	assert_string_equal(a[11].note, "メモ");
	store_answers_free(a, 153);
	store_close(st);
}

static void test_long_note_is_refused_whole(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->path);
	int64_t id = new_assessment(st);
	size_t chars = STORE_TEXT_MAX + 10;
	char *note = malloc(chars * 3 + 2);
	struct store_answer a[153];

	assert_non_null(note);
	/* One ASCII byte first, so a byte-based cut would land mid-character. */
	note[0] = 'x';
	for (size_t i = 0; i < chars; i++)
		memcpy(note + 1 + i * 3, "あ", 3);
	note[1 + chars * 3] = '\0';
	/* Over the limit: refused, nothing saved, never silently cut. */
	assert_int_equal(store_note_set(st, id, 1, note), STORE_ERR_INVALID);
	assert_non_null(strstr(store_error(st), "too long"));
	assert_int_equal(store_answer_note_set(st, id, 1, ANSWER_DONE, note), STORE_ERR_INVALID);
	assert_int_equal(store_answers_load(st, id, a), STORE_OK);
	assert_string_equal(a[0].note, "");
	assert_int_equal(a[0].value, ANSWER_NONE);
	store_answers_free(a, 153);
	/* Exactly the limit, counted in characters: kept whole. */
	note[1 + (STORE_TEXT_MAX - 1) * 3] = '\0';
	assert_int_equal(store_answer_note_set(st, id, 1, ANSWER_DONE, note), STORE_OK);
	assert_int_equal(store_answers_load(st, id, a), STORE_OK);
	assert_string_equal(a[0].note, note);
	assert_int_equal(a[0].value, ANSWER_DONE);
	store_answers_free(a, 153);
	free(note);
	store_close(st);
}

static void test_history_grows_on_every_change(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->path);
	int64_t id = new_assessment(st);

	assert_int_equal(store_history_count(st, id, 5), 0);
	assert_int_equal(store_answer_set(st, id, 5, ANSWER_NOT_DONE), STORE_OK);
	assert_int_equal(store_history_count(st, id, 5), 1);
	assert_int_equal(store_answer_set(st, id, 5, ANSWER_DONE), STORE_OK);
	assert_int_equal(store_history_count(st, id, 5), 2);
	assert_int_equal(store_note_set(st, id, 5, "根拠"), STORE_OK);
	assert_int_equal(store_history_count(st, id, 5), 3);
	assert_int_equal(store_answer_set(st, id, 5, ANSWER_NONE), STORE_OK);
	assert_int_equal(store_history_count(st, id, 5), 4);
	/* Repeating the same answer or note is not a change. */
	assert_int_equal(store_answer_set(st, id, 5, ANSWER_NONE), STORE_OK);
	assert_int_equal(store_note_set(st, id, 5, "根拠"), STORE_OK);
	assert_int_equal(store_history_count(st, id, 5), 4);
	assert_int_equal(store_history_count(st, id, 6), 0);
	store_close(st);

	/* The trail is append-only even for other programs. */
	{
		sqlite3 *db;

		assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
		assert_int_not_equal(sqlite3_exec(db, "UPDATE answer_history SET value"
		                                  " = 'done'", NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(db);
	}
}

static void test_action_round_trip(void **state)
{
	struct fixture *f = *state;
	static const char *const bad_dates[] = {
		"2025-02-29", "2025-13-01", "2025-04-31", "2025/01/01", "25-01-01",
		"2025-1-1", "abcd-ef-gh", "0000-01-01", "2025-00-10",
	};
	struct store *st = open_ok(f->path);
	int64_t id = new_assessment(st);
	struct store_action a = { 0 }, got;

	assert_int_equal(store_action_get(st, id, 42, &got), STORE_NOT_FOUND);
	assert_null(got.task);
	assert_int_equal(got.item, 42);

	a.item = 42;
	a.task = (char *)"UTMを導入し、ログを90日保存する";
	a.owner = (char *)"佐藤";
	strcpy(a.due, "2024-02-29");
	a.status = ACTION_DOING;
	a.memo = (char *)"=見積り依頼中";
	assert_int_equal(store_action_save(st, id, &a), STORE_OK);
	store_close(st);

	st = open_ok(f->path);
	assert_int_equal(store_action_get(st, id, 42, &got), STORE_OK);
	assert_string_equal(got.task, "UTMを導入し、ログを90日保存する");
	assert_string_equal(got.owner, "佐藤");
	assert_string_equal(got.due, "2024-02-29");
	assert_int_equal(got.status, ACTION_DOING);
	assert_string_equal(got.memo, "=見積り依頼中");
	store_action_clear(&got);
	assert_null(got.task);

	/* Saving again replaces; empty strings and an empty date are fine. */
	a.owner = NULL;
	a.due[0] = '\0';
	a.status = ACTION_DONE;
	assert_int_equal(store_action_save(st, id, &a), STORE_OK);
	assert_int_equal(store_action_get(st, id, 42, &got), STORE_OK);
	assert_string_equal(got.owner, "");
	assert_string_equal(got.due, "");
	assert_int_equal(got.status, ACTION_DONE);
	store_action_clear(&got);

	for (size_t i = 0; i < sizeof bad_dates / sizeof bad_dates[0]; i++) {
		strcpy(a.due, bad_dates[i]);
		assert_int_equal(store_action_save(st, id, &a), STORE_ERR_INVALID);
	}
	strcpy(a.due, "2025-12-31");
	a.status = (enum action_status)3;
	assert_int_equal(store_action_save(st, id, &a), STORE_ERR_INVALID);
	/* Nothing of the refused saves reached the file. */
	assert_int_equal(store_action_get(st, id, 42, &got), STORE_OK);
	assert_string_equal(got.due, "");
	store_action_clear(&got);
	store_close(st);
}

static void test_contact_round_trip(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->path);
	int64_t id = new_assessment(st);
	struct store_contact c = { 0 }, got;

	assert_int_equal(store_contact_get(st, id, "ceo", 0, &got), STORE_NOT_FOUND);
	assert_null(got.person);

	strcpy(c.role, "ceo");
	c.company = (char *)"";
	c.person = (char *)"代表取締役 鈴木一郎";
	c.phone = (char *)"03-1234-5678";
	c.email = (char *)"suzuki@example.co.jp";
	c.after_hours = (char *)"090-0000-0000（夜間・休日）";
	strcpy(c.confirmed, "2025-04-01");
	assert_int_equal(store_contact_save(st, id, &c), STORE_OK);
	store_close(st);

	st = open_ok(f->path);
	assert_int_equal(store_contact_get(st, id, "ceo", 0, &got), STORE_OK);
	assert_string_equal(got.role, "ceo");
	assert_string_equal(got.person, "代表取締役 鈴木一郎");
	assert_string_equal(got.phone, "03-1234-5678");
	assert_string_equal(got.email, "suzuki@example.co.jp");
	assert_string_equal(got.after_hours, "090-0000-0000（夜間・休日）");
	assert_string_equal(got.confirmed, "2025-04-01");
	store_contact_clear(&got);
	assert_int_equal(store_contact_get(st, id, "ipa", 0, &got), STORE_NOT_FOUND);

	strcpy(c.confirmed, "2025-02-30");
	assert_int_equal(store_contact_save(st, id, &c), STORE_ERR_INVALID);
	strcpy(c.confirmed, "");
	c.role[0] = '\0';
	assert_int_equal(store_contact_save(st, id, &c), STORE_ERR_INVALID);
	store_close(st);
}

/* A role keeps more rows than its own (a second customer, the local
 * police station), each with the other party's company; removing one
 * leaves the others, and a new year starts with all of them. */
static void test_contact_rows_added_and_removed(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->path);
	int64_t id = new_assessment(st);
	struct store_contact c = { 0 }, *rows;
	int n;
	char empty[] = "";

	c.phone = c.email = c.after_hours = empty;
	strcpy(c.role, "customer");
	const char *companies[] = { "株式会社A", "B工業株式会社", "=C社" };
	for (int slot = 2; slot >= 0; slot--) {
		c.slot = slot;
		c.company = (char *)companies[slot];
		c.person = (char *)"購買部";
		assert_int_equal(store_contact_save(st, id, &c), STORE_OK);
	}
	strcpy(c.role, "police");
	c.slot = 1;
	c.company = (char *)"○○警察署";
	assert_int_equal(store_contact_save(st, id, &c), STORE_OK);
	c.slot = STORE_CONTACT_SLOT_MAX + 1;
	assert_int_equal(store_contact_save(st, id, &c), STORE_ERR_INVALID);
	c.slot = -1;
	assert_int_equal(store_contact_save(st, id, &c), STORE_ERR_INVALID);

	assert_int_equal(store_contacts_load(st, id, &rows, &n), STORE_OK);
	assert_int_equal(n, 4);
	for (int i = 0; i < 3; i++) {
		assert_string_equal(rows[i].role, "customer");
		assert_int_equal(rows[i].slot, i);
		assert_string_equal(rows[i].company, companies[i]);
	}
	assert_string_equal(rows[3].role, "police");
	assert_string_equal(rows[3].company, "○○警察署");
	store_contacts_free(rows, n);

	assert_int_equal(store_contact_delete(st, id, "customer", 1), STORE_OK);
	assert_int_equal(store_contact_delete(st, id, "customer", 1), STORE_NOT_FOUND);
	struct store_contact got;
	assert_int_equal(store_contact_get(st, id, "customer", 2, &got), STORE_OK);
	assert_string_equal(got.company, "=C社");
	store_contact_clear(&got);

	struct store_profile next = { .target_level = 2, .year = 2099 };
	int carried;
	snprintf(next.guideline, sizeof next.guideline, "2.3");
	assert_int_equal(store_profile_save(st, &next), STORE_OK);
	assert_int_equal(store_carry_forward(st, id, next.id, &carried), STORE_OK);
	assert_int_equal(store_contacts_load(st, next.id, &rows, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[1].slot, 2);
	assert_string_equal(rows[2].company, "○○警察署");
	store_contacts_free(rows, n);
	store_close(st);
}

/* A file of schema 2 (tests/fixtures/v2.db, written by that release):
 * a reader reads it as it is, without a byte changed, its contacts one a
 * role with no company; the wizard brings it to schema 3 with every
 * contact kept. */
static void test_schema_2_read_then_migrated(void **state)
{
	struct fixture *f = *state;
	char from[4096], err[512];
	size_t len, len_after;
	enum store_status status;
	struct store_profile p;
	struct store_contact *rows;
	int n;

	snprintf(from, sizeof from, "%s/tests/fixtures/v2.db", getenv("KAMAE_SRCDIR"));
	char *bytes = slurp(from, &len);
	spit(f->path, bytes, len);
	assert_int_equal(query_int(f->path, "PRAGMA user_version"), 2);
	struct store *ro = store_open_readonly(f->path, &status, err, sizeof err);
	assert_non_null(ro);
	assert_int_equal(store_profile_current(ro, &p), STORE_OK);
	assert_int_equal(p.year, 2027);
	assert_int_equal(store_contacts_load(ro, p.id, &rows, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].person, "山田 太郎");
	assert_string_equal(rows[0].company, "");
	assert_int_equal(rows[0].slot, 0);
	store_contacts_free(rows, n);
	struct store_contact got;
	assert_int_equal(store_contact_get(ro, p.id, "ceo", 1, &got), STORE_NOT_FOUND);
	store_close(ro);
	char *after = slurp(f->path, &len_after);
	assert_int_equal(len_after, len);
	assert_memory_equal(after, bytes, len);
	free(after);
	free(bytes);

	struct store *st = open_ok(f->path);
	assert_int_equal(query_int(f->path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(store_profile_by_year(st, 2026, &p), STORE_OK);
	assert_int_equal(store_contact_get(st, p.id, "ceo", 0, &got), STORE_OK);
	assert_string_equal(got.person, "山田 太郎");
	assert_string_equal(got.phone, "090-0000-0000");
	assert_string_equal(got.confirmed, "2026-11-01");
	store_contact_clear(&got);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM contacts"), 2);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM answers WHERE note = 'v2で記入'"), 2);
	store_close(st);
}

static void test_settings_round_trip(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->path);
	int64_t id = new_assessment(st);
	char *v = (char *)"sentinel";

	assert_int_equal(store_setting_get(st, id, "alt_ordering", &v), STORE_NOT_FOUND);
	assert_null(v);
	assert_int_equal(store_setting_set(st, id, "alt_ordering", "1"), STORE_OK);
	assert_int_equal(store_setting_set(st, id, "plan_approver", "代表取締役"), STORE_OK);
	assert_int_equal(store_setting_set(st, id, "alt_ordering", "0"), STORE_OK);
	store_close(st);

	st = open_ok(f->path);
	assert_int_equal(store_setting_get(st, id, "alt_ordering", &v), STORE_OK);
	assert_string_equal(v, "0");
	free(v);
	assert_int_equal(store_setting_get(st, id, "plan_approver", &v), STORE_OK);
	assert_string_equal(v, "代表取締役");
	free(v);
	/* Settings belong to one assessment. */
	assert_int_equal(store_setting_get(st, id + 1, "plan_approver", &v), STORE_NOT_FOUND);
	/* NULL removes. */
	assert_int_equal(store_setting_set(st, id, "plan_approver", NULL), STORE_OK);
	assert_int_equal(store_setting_get(st, id, "plan_approver", &v), STORE_NOT_FOUND);
	assert_null(v);
	store_close(st);
}

/* ---- locking ---- */

static void test_second_open_is_locked(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->path);
	char lock[160], pidtext[32], msg[512] = "";
	int fds[2], wstatus;
	enum store_status status = STORE_OK;
	size_t len;
	char *content;
	pid_t child;

	/* The lock file names the holder. */
	snprintf(lock, sizeof lock, "%s.lock", f->path);
	content = slurp(lock, &len);
	snprintf(pidtext, sizeof pidtext, "%ld\n", (long)getpid());
	assert_int_equal(len, strlen(pidtext));
	assert_memory_equal(content, pidtext, len);
	free(content);

	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		char err[480] = "";
		enum store_status s = STORE_OK;
		struct store *other = store_open(f->path, &s, err, sizeof err);
		ssize_t w;

		w = write(fds[1], &s, sizeof s);
		w += write(fds[1], err, strlen(err) + 1);
		(void)other;  /* never closed: it would not be ours to close */
		_exit(w > 0 ? 0 : 1);
	}
	close(fds[1]);
	assert_int_equal(read(fds[0], &status, sizeof status), (ssize_t)sizeof status);
	assert_true(read(fds[0], msg, sizeof msg - 1) > 0);
	close(fds[0]);
	assert_int_equal(waitpid(child, &wstatus, 0), child);
	assert_int_equal(status, STORE_ERR_LOCKED);
	snprintf(pidtext, sizeof pidtext, "pid %ld", (long)getpid());
	assert_non_null(strstr(msg, pidtext));
	assert_non_null(strstr(msg, "in use by another kamae"));

	/* Still ours, and usable. */
	new_assessment(st);
	store_close(st);
	/* Released on close. */
	st = open_ok(f->path);
	store_close(st);
}

/* ---- files that must not be touched ---- */

static void test_random_bytes_rejected_unchanged(void **state)
{
	struct fixture *f = *state;
	unsigned char junk[8192];
	unsigned int seed = 12345;

	for (size_t i = 0; i < sizeof junk; i++) {
		seed = seed * 1103515245u + 12345u;
		junk[i] = (unsigned char)(seed >> 16);
	}
	spit(f->path, junk, sizeof junk);
	assert_rejected_unchanged(f->path, STORE_ERR_NOT_DB);
	/* Shorter than the SQLite header. */
	spit(f->path, "SQLite", 6);
	assert_rejected_unchanged(f->path, STORE_ERR_NOT_DB);
}

static void test_truncated_db_rejected_unchanged(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->path);
	int64_t id = new_assessment(st);
	struct stat sb;
	char note[200];

	for (int i = 1; i <= 153; i++) {
		snprintf(note, sizeof note, "項目%dの根拠: 規程、手順書、記録を確認した。", i);
		assert_int_equal(store_answer_set(st, id, i, ANSWER_DONE), STORE_OK);
		assert_int_equal(store_note_set(st, id, i, note), STORE_OK);
	}
	store_close(st);
	assert_int_equal(stat(f->path, &sb), 0);
	assert_true(sb.st_size > 8 * 4096);
	assert_int_equal(truncate(f->path, sb.st_size / 2), 0);
	assert_rejected_unchanged(f->path, STORE_ERR_CORRUPT);
	/* Only part of the first page left. */
	assert_int_equal(truncate(f->path, 1000), 0);
	assert_rejected_unchanged(f->path, STORE_ERR_CORRUPT);
}

/* The whole-file check runs only when the last kamae on the file did not
 * end cleanly (its pid is still in the lock file): opening stays cheap in
 * the tenth year, and a crash still gets the file checked. */
static void test_integrity_checked_after_unclean_end(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->path);
	int64_t id = new_assessment(st);
	char note[200], lock[4200], junk[4096];
	struct stat sb;

	for (int i = 1; i <= 153; i++) {
		snprintf(note, sizeof note, "項目%dの根拠: 規程、手順書、記録を確認した。", i);
		assert_int_equal(store_answer_note_set(st, id, i, ANSWER_DONE, note), STORE_OK);
	}
	store_close(st);
	/* Damage a page that opening does not read. */
	assert_int_equal(stat(f->path, &sb), 0);
	memset(junk, 0x5A, sizeof junk);
	int fd = open(f->path, O_WRONLY);
	assert_true(fd >= 0);
	assert_int_equal(pwrite(fd, junk, sizeof junk, sb.st_size - (off_t)sizeof junk), (ssize_t)sizeof junk);
	close(fd);
	/* After a clean end, opening trusts the file and stays cheap. */
	st = open_ok(f->path);
	store_close(st);
	/* A pid left behind: the last kamae was killed; now it is checked. */
	snprintf(lock, sizeof lock, "%s.lock", f->path);
	spit(lock, "999999\n", 7);
	assert_rejected_unchanged(f->path, STORE_ERR_CORRUPT);
}

/* A file written by the schema-1 release (tests/fixtures/v1.db, made by
 * that release's own code) keeps every answer, note, history row, task and
 * contact when it is opened; its answers count as confirmed. */
static void test_migration_from_schema_1(void **state)
{
	struct fixture *f = *state;
	char from[4096];
	struct store_answer a[153];
	struct store_profile p;
	struct store_action act = { 0 };

	snprintf(from, sizeof from, "%s/tests/fixtures/v1.db", getenv("KAMAE_SRCDIR"));
	size_t len;
	char *bytes = slurp(from, &len);
	spit(f->path, bytes, len);
	free(bytes);
	assert_int_equal(query_int(f->path, "PRAGMA user_version"), 1);
	struct store *st = open_ok(f->path);
	assert_int_equal(query_int(f->path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(store_profile_by_year(st, 2026, &p), STORE_OK);
	assert_string_equal(p.company, "株式会社移行テスト");
	assert_int_equal(store_answers_load(st, p.id, a), STORE_OK);
	for (int no = 1; no <= 50; no++) {
		enum answer want = no == 18 ? ANSWER_IN_PROGRESS : (enum answer)(no % 4);
		assert_int_equal(a[no - 1].value, want);
		assert_int_equal(a[no - 1].confirmed, 1);
		if (no % 5 == 0) {
			char note[64];
			snprintf(note, sizeof note, "根拠%d", no);
			assert_string_equal(a[no - 1].note, note);
			assert_true(a[no - 1].note_updated[0] != '\0');
		}
	}
	assert_int_equal(a[50].value, ANSWER_NONE);
	store_answers_free(a, 153);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM answer_history"), 61);
	assert_int_equal(store_action_get(st, p.id, 26, &act), STORE_OK);
	assert_string_equal(act.task, "手順書を作る");
	assert_string_equal(act.due, "2027-03-31");
	store_action_clear(&act);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM contacts WHERE person = '山田 太郎'"), 1);
	store_close(st);
}

/* Year two: a new year starts from the last one; every carried answer
 * waits to be confirmed, and answering (even the same value) confirms it. */
static void test_carry_forward_and_confirm(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->path);
	struct store_profile y1 = { .target_level = 2, .year = 2026 }, y2 = y1, got;
	struct store_answer a[153];
	int carried = 0;

	snprintf(y1.guideline, sizeof y1.guideline, "2.3");
	snprintf(y2.guideline, sizeof y2.guideline, "2.3");
	y2.year = 2027;
	assert_int_equal(store_profile_save(st, &y1), STORE_OK);
	assert_int_equal(store_answer_note_set(st, y1.id, 18, ANSWER_DONE, "体制表"), STORE_OK);
	assert_int_equal(store_answer_set(st, y1.id, 19, ANSWER_IN_PROGRESS), STORE_OK);
	assert_int_equal(store_profile_save(st, &y2), STORE_OK);
	assert_int_equal(store_carry_forward(st, y1.id, y2.id, &carried), STORE_OK);
	assert_int_equal(carried, 2);
	assert_int_equal(store_answers_load(st, y2.id, a), STORE_OK);
	assert_int_equal(a[17].value, ANSWER_DONE);
	assert_string_equal(a[17].note, "体制表");
	assert_int_equal(a[17].confirmed, 0);
	assert_int_equal(a[18].confirmed, 0);
	assert_int_equal(a[19].confirmed, 1);   /* unanswered: nothing to confirm */
	store_answers_free(a, 153);
	/* The same answer again confirms; a different one changes and confirms. */
	assert_int_equal(store_answer_set(st, y2.id, 18, ANSWER_DONE), STORE_OK);
	assert_int_equal(store_answer_set(st, y2.id, 19, ANSWER_DONE), STORE_OK);
	assert_int_equal(store_answers_load(st, y2.id, a), STORE_OK);
	assert_int_equal(a[17].confirmed, 1);
	assert_int_equal(a[18].confirmed, 1);
	assert_int_equal(a[18].value, ANSWER_DONE);
	store_answers_free(a, 153);
	/* Last year is untouched. */
	assert_int_equal(store_answers_load(st, y1.id, a), STORE_OK);
	assert_int_equal(a[18].value, ANSWER_IN_PROGRESS);
	store_answers_free(a, 153);
	assert_int_equal(store_profile_by_year(st, 2026, &got), STORE_OK);
	assert_int_equal(got.id, y1.id);
	assert_int_equal(store_profile_by_year(st, 2030, &got), STORE_NOT_FOUND);
	store_close(st);
}

static void test_foreign_sqlite_rejected_unchanged(void **state)
{
	struct fixture *f = *state;

	exec_sql(f->path, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total);"
	                  "INSERT INTO invoices VALUES (1, 100);");
	assert_rejected_unchanged(f->path, STORE_ERR_NOT_KAMAE);
	/* An empty schema with a version of its own is someone else's too. */
	remove(f->path);
	exec_sql(f->path, "PRAGMA user_version = 3;");
	assert_rejected_unchanged(f->path, STORE_ERR_NOT_KAMAE);
}

static void test_newer_schema_rejected_unchanged(void **state)
{
	struct fixture *f = *state;

	exec_sql(f->path, "PRAGMA application_id = 1262570821;"
	                  "PRAGMA user_version = 99;"
	                  "CREATE TABLE future (x);");
	assert_int_equal(query_int(f->path, "PRAGMA application_id"), KAMAE_APP_ID);
	assert_rejected_unchanged(f->path, STORE_ERR_NEWER);
}

/* Leaves a hot rollback journal: a big transaction whose pages spill into
 * the file, then kill -9 before it commits. */
static void crash_mid_transaction(const char *path)
{
	char journal[192];
	int wstatus;
	pid_t child;

	exec_sql(path, "PRAGMA journal_mode=DELETE;");
	fflush(NULL);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		sqlite3 *db;

		if (sqlite3_open(path, &db) != SQLITE_OK)
			_exit(2);
		sqlite3_exec(db, "PRAGMA cache_size=1; BEGIN;"
		             " CREATE TABLE IF NOT EXISTS junk (x);"
		             " WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1"
		             " FROM c WHERE i < 5000) INSERT INTO junk"
		             " SELECT randomblob(200) FROM c;", NULL, NULL, NULL);
		raise(SIGKILL);
		_exit(3);
	}
	assert_int_equal(waitpid(child, &wstatus, 0), child);
	assert_true(WIFSIGNALED(wstatus));
	snprintf(journal, sizeof journal, "%s-journal", path);
	assert_int_equal(access(journal, F_OK), 0);
}

static void test_foreign_hot_journal_rejected_unchanged(void **state)
{
	struct fixture *f = *state;
	char journal[192];
	size_t before_len, after_len;
	char *before, *after;

	exec_sql(f->path, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total);");
	crash_mid_transaction(f->path);
	snprintf(journal, sizeof journal, "%s-journal", f->path);
	before = slurp(journal, &before_len);
	assert_rejected_unchanged(f->path, STORE_ERR_NOT_KAMAE);
	after = slurp(journal, &after_len);
	assert_int_equal(after_len, before_len);
	assert_memory_equal(after, before, before_len);
	free(before);
	free(after);
}

/* ---- durability ---- */

static void test_own_hot_journal_is_recovered(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_ok(f->path);
	int64_t id = new_assessment(st);
	struct store_answer a[153];

	assert_int_equal(store_answer_set(st, id, 3, ANSWER_NA), STORE_OK);
	store_close(st);
	/* As on a network share, where the rollback journal is used. */
	crash_mid_transaction(f->path);

	st = open_ok(f->path);
	assert_int_equal(store_answers_load(st, id, a), STORE_OK);
	assert_int_equal(a[2].value, ANSWER_NA);
	store_answers_free(a, 153);
	store_close(st);
	assert_int_equal(query_int(f->path, "SELECT count(*) FROM sqlite_master"
	                           " WHERE name = 'junk'"), 0);
}

static void test_answer_survives_kill_9(void **state)
{
	struct fixture *f = *state;
	struct store *st;
	struct store_profile p;
	struct store_answer a[153];
	int wstatus;
	pid_t child;

	fflush(NULL);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		enum store_status s;
		char err[256];
		struct store *cst = store_open(f->path, &s, err, sizeof err);
		struct store_profile cp = { 0 };

		if (!cst)
			_exit(2);
		cp.target_level = 1;
		cp.year = 2025;
		if (store_profile_save(cst, &cp) != STORE_OK)
			_exit(3);
		if (store_answer_set(cst, cp.id, 77, ANSWER_IN_PROGRESS) != STORE_OK)
			_exit(4);
		raise(SIGKILL);
		_exit(5);
	}
	assert_int_equal(waitpid(child, &wstatus, 0), child);
	assert_true(WIFSIGNALED(wstatus));
	assert_int_equal(WTERMSIG(wstatus), SIGKILL);

	st = open_ok(f->path);
	assert_int_equal(store_profile_current(st, &p), STORE_OK);
	assert_int_equal(store_answers_load(st, p.id, a), STORE_OK);
	assert_int_equal(a[76].value, ANSWER_IN_PROGRESS);
	store_answers_free(a, 153);
	store_close(st);
}

int main(void)
{
	/* Files the tests make stand for the user's own: private, as kamae
	 * requires of a database it writes. */
	umask(077);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_path),
		cmocka_unit_test_setup_teardown(test_new_file_is_migrated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_file_and_folder_are_private, setup, teardown),
		cmocka_unit_test_setup_teardown(test_existing_folder_keeps_its_mode, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_grandparent_is_an_error, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_file_counts_as_new, setup, teardown),
		cmocka_unit_test_setup_teardown(test_profile_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_profile_rejects_bad_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answer_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answers_reuse_statements, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invalid_item_is_rejected, setup, teardown),
		cmocka_unit_test_setup_teardown(test_note_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_long_note_is_refused_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_open_to_others_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_folder_open_to_others_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readonly_open, setup, teardown),
		cmocka_unit_test_setup_teardown(test_history_grows_on_every_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_action_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_contact_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_settings_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_second_open_is_locked, setup, teardown),
		cmocka_unit_test_setup_teardown(test_random_bytes_rejected_unchanged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_truncated_db_rejected_unchanged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_integrity_checked_after_unclean_end, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migration_from_schema_1, setup, teardown),
		cmocka_unit_test_setup_teardown(test_contact_rows_added_and_removed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_schema_2_read_then_migrated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_carry_forward_and_confirm, setup, teardown),
		cmocka_unit_test_setup_teardown(test_foreign_sqlite_rejected_unchanged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_rejected_unchanged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_foreign_hot_journal_rejected_unchanged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answer_survives_kill_9, setup, teardown),
		cmocka_unit_test_setup_teardown(test_own_hot_journal_is_recovered, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
