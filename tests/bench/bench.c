/* bench: the figures the issues ask about — catalog load, one committed answer, scoring, export, a room of 1,000 files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include "catalog.h"
#include "export.h"
#include "score.h"
#include "store.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static struct catalog *bench_catalog(void)
{
	char err[512];
	struct catalog *cat = NULL;
	double t0 = now_ms();
	for (int i = 0; i < 20; i++) {
		catalog_free(cat);
		cat = catalog_load(catalog_datadir(), err, sizeof err);
		if (!cat) {
			fprintf(stderr, "bench: %s\n", err);
			exit(1);
		}
	}
	printf("catalog load (153 items, 9 files):   %8.3f ms\n", (now_ms() - t0) / 20);
	return cat;
}

/* One answer = one transaction with fsync (WAL, synchronous=FULL). */
static void bench_answers(struct store *st, int64_t id)
{
	double t0 = now_ms();
	for (int no = 1; no <= CATALOG_ITEMS; no++)
		store_answer_set(st, id, no, (enum answer)(no % 4));
	printf("answer committed (mean of 153):      %8.3f ms\n", (now_ms() - t0) / CATALOG_ITEMS);
}

static void bench_score(const struct catalog *cat)
{
	enum answer a[CATALOG_ITEMS];
	struct score_report r;
	for (int i = 0; i < CATALOG_ITEMS; i++)
		a[i] = (enum answer)(i % 4);
	double t0 = now_ms();
	for (int i = 0; i < 10000; i++)
		score_compute(cat, a, 3, &r);
	printf("score of all levels/labels/categories: %6.4f ms\n", (now_ms() - t0) / 10000);
}

/* Opening a file with ten years of history costs (nearly) what a fresh one
 * does: integrity is checked only after an unclean end. */
static double open_ms(const char *path)
{
	char err[512];
	enum store_status status;
	double t0 = now_ms();
	for (int i = 0; i < 20; i++) {
		struct store *st = store_open(path, &status, err, sizeof err);
		if (!st) {
			fprintf(stderr, "bench: %s\n", err);
			exit(1);
		}
		store_close(st);
	}
	return (now_ms() - t0) / 20;
}

static void bench_open(const char *dir)
{
	char fresh[4096], old[4096], err[512], note[8000];
	enum store_status status;
	snprintf(fresh, sizeof fresh, "%s/fresh.db", dir);
	snprintf(old, sizeof old, "%s/ten-years.db", dir);
	struct store *st = store_open(fresh, &status, err, sizeof err);
	struct store_profile p = { .target_level = 2, .year = 2026 };
	snprintf(p.guideline, sizeof p.guideline, "2.3");
	store_profile_save(st, &p);
	store_close(st);
	/* Ten yearly assessments, every item answered five times a year with a
	 * long Japanese note: about 12 MB. */
	st = store_open(old, &status, err, sizeof err);
	for (size_t i = 0; i + 3 < 2400; i += 3)
		memcpy(note + i, "記", 3);
	note[2400 - 3] = '\0';
	for (int y = 0; y < 10; y++) {
		struct store_profile q = { .target_level = 2, .year = 2017 + y };
		snprintf(q.guideline, sizeof q.guideline, "2.3");
		store_profile_save(st, &q);
		for (int round = 0; round < 5; round++)
			for (int no = 1; no <= CATALOG_ITEMS; no++) {
				note[round * 3] = (char)('0' + y);   /* a change each time */
				store_answer_note_set(st, q.id, no, (enum answer)((no + round) % 4), note);
			}
	}
	store_close(st);
	FILE *fp = fopen(old, "rb");
	long size = 0;
	if (fp) {
		fseek(fp, 0, SEEK_END);
		size = ftell(fp);
		fclose(fp);
	}
	double a = open_ms(fresh), b = open_ms(old);
	printf("open, fresh file:                    %8.3f ms\n", a);
	printf("open, 10 years of history (%4.1f MB):  %8.3f ms (%.2fx)\n", size / 1e6, b, b / a);
}

/* One company file of a workshop, its answers written in one transaction. */
static void room_file(const char *path, int k)
{
	char err[512];
	enum store_status status;
	struct store *st = store_open(path, &status, err, sizeof err);
	if (!st) {
		fprintf(stderr, "bench: %s\n", err);
		exit(1);
	}
	struct store_profile p = { .target_level = 1 + k % 3, .year = 2026 };
	snprintf(p.company, sizeof p.company, "ベンチ工業%04d", k);
	snprintf(p.band, sizeof p.band, "%s", k % 2 ? "le100" : "le500");
	snprintf(p.guideline, sizeof p.guideline, "2.3");
	store_profile_save(st, &p);
	struct store_import_row rows[CATALOG_ITEMS];
	int n = 0, written, kept;
	for (int no = 1; no <= CATALOG_ITEMS; no++)
		if ((no + k) % 5 != 0)
			rows[n++] = (struct store_import_row){ no, (enum answer)((no * 7 + k) % 4 + 1), "規程あり" };
	store_import(st, p.id, rows, n, 1, &written, &kept);
	store_close(st);
}

static void copy_file(const char *from, const char *to)
{
	char buf[65536];
	size_t n;
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	while (in && out && (n = fread(buf, 1, sizeof buf, in)) > 0)
		fwrite(buf, 1, n, out);
	if (in)
		fclose(in);
	if (out)
		fclose(out);
	chmod(to, 0600);
}

static double run_ms(const char *cmd)
{
	double t0 = now_ms();
	if (system(cmd) == -1)
		return -1;
	return now_ms() - t0;
}

/* kamae room over 1,000 files, beside the shell loop it replaces, measured
 * in the same run on the same files. */
static void bench_room(const char *dir)
{
	const char *kamae = getenv("KAMAE");
	char room[4200], cmd[8600];
	if (!kamae)
		return;
	snprintf(room, sizeof room, "%s/room", dir);
	if (mkdir(room, 0700) != 0)
		return;
	double t0 = now_ms();
	/* Twenty companies made through the store, each copied fifty times:
	 * a copy has no lock file beside it, so the room checks its integrity
	 * too (the slower path, as for files brought in on a USB stick). */
	for (int k = 0; k < 1000; k++) {
		char path[4300], from[4300];
		snprintf(path, sizeof path, "%s/c%04d.db", room, k);
		snprintf(from, sizeof from, "%s/c%04d.db", room, k % 20);
		if (k < 20)
			room_file(path, k);
		else
			copy_file(from, path);
	}
	printf("room: 1,000 company files made in    %8.0f ms\n", now_ms() - t0);
	snprintf(cmd, sizeof cmd, "'%s' room '%s' >/dev/null", kamae, room);
	double first = run_ms(cmd), second = run_ms(cmd);
	snprintf(cmd, sizeof cmd,
	         "for f in '%s'/*.db; do '%s' --db \"$f\" summary; done >/dev/null", room, kamae);
	double loop = run_ms(cmd);
	printf("kamae room, 1,000 files (wall):      %8.0f ms (again: %.0f ms)\n", first, second);
	printf("shell loop of kamae summary, same:   %8.0f ms\n", loop);
}

int main(void)
{
	char dir[] = "/tmp/kamae-bench-XXXXXX", path[4096], err[512];
	enum store_status status;
	if (!mkdtemp(dir))
		return 1;
	struct catalog *cat = bench_catalog();
	snprintf(path, sizeof path, "%s/bench.db", dir);
	struct store *st = store_open(path, &status, err, sizeof err);
	if (!st) {
		fprintf(stderr, "bench: %s\n", err);
		return 1;
	}
	struct store_profile p = { .target_level = 3, .year = 2026 };
	snprintf(p.company, sizeof p.company, "ベンチ株式会社");
	snprintf(p.guideline, sizeof p.guideline, "2.3");
	store_profile_save(st, &p);
	bench_answers(st, p.id);
	bench_score(cat);
	bench_open(dir);
	bench_room(dir);
	struct outfile_result res;
	double t0 = now_ms();
	int rc = export_run(cat, st, dir, EXPORT_ALL, PLAN_SCOPE_TARGET, "2026-11-23", &res);
	printf("export of all fifteen files:         %8.1f ms%s\n", now_ms() - t0, rc ? " (failed)" : "");
	store_close(st);
	catalog_free(cat);
	char cmd[4200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) != 0 || rc != 0;
}
