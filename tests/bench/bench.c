/* bench: the figures the issues ask about — catalog load, one committed answer, scoring, export. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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
	struct export_result res;
	double t0 = now_ms();
	int rc = export_run(cat, st, dir, EXPORT_ALL, "2026-11-23", &res);
	printf("export of all five files:            %8.1f ms%s\n", now_ms() - t0, rc ? " (failed)" : "");
	store_close(st);
	catalog_free(cat);
	char cmd[4200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) != 0 || rc != 0;
}
