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
