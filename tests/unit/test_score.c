/* Scoring: the N/A rule, per level/label/category tallies, industry comparison. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>

#include "catalog.h"
#include "score.h"

static struct catalog *cat;

static int load(void **state)
{
	char err[512];
	(void)state;
	cat = catalog_load(catalog_datadir(), err, sizeof err);
	if (!cat)
		fail_msg("%s", err);
	return 0;
}

static int unload(void **state)
{
	(void)state;
	catalog_free(cat);
	return 0;
}

static void fill(enum answer a[CATALOG_ITEMS], enum answer v)
{
	for (int i = 0; i < CATALOG_ITEMS; i++)
		a[i] = v;
}

static void test_nothing_answered(void **state)
{
	enum answer a[CATALOG_ITEMS];
	struct score_report r;
	(void)state;
	fill(a, ANSWER_NONE);
	score_compute(cat, a, 2, &r);
	assert_int_equal(r.level[0].total, 50);
	assert_int_equal(r.level[0].unanswered, 50);
	assert_int_equal(score_tally_answered(&r.level[0]), 0);
	assert_true(fabs(score_scaled(&r.level[0]) - 0.0) < 1e-9);
	assert_true(fabs(score_percent(&r.level[0]) - 0.0) < 1e-9);
	assert_int_equal(r.level[0].max, 100);
	assert_int_equal(r.level[1].max, 148);
	assert_int_equal(r.level[2].max, 58);
	assert_int_equal(r.target.max, 248);
}

static void test_all_done_reaches_maximum(void **state)
{
	enum answer a[CATALOG_ITEMS];
	struct score_report r;
	(void)state;
	fill(a, ANSWER_DONE);
	score_compute(cat, a, 3, &r);
	assert_true(fabs(score_scaled(&r.level[0]) - 100.0) < 1e-9);
	assert_true(fabs(score_scaled(&r.level[1]) - 148.0) < 1e-9);
	assert_true(fabs(score_scaled(&r.level[2]) - 58.0) < 1e-9);
	assert_true(fabs(score_scaled(&r.target) - 306.0) < 1e-9);
	assert_true(fabs(score_percent(&r.target) - 100.0) < 1e-9);
}

/* Every Lv2 item 該当なし: the level does not apply, it is not 0 or 100. */
static void test_all_na_in_a_level(void **state)
{
	enum answer a[CATALOG_ITEMS];
	struct score_report r;
	(void)state;
	fill(a, ANSWER_DONE);
	for (int i = 0; i < CATALOG_ITEMS; i++)
		if (cat->items[i].level == 2)
			a[i] = ANSWER_NA;
	score_compute(cat, a, 2, &r);
	assert_int_equal(r.level[1].na, 74);
	assert_true(score_scaled(&r.level[1]) < 0);
	assert_true(score_percent(&r.level[1]) < 0);
	/* Up to Lv2: 100 raw points over the 50 applicable items, scaled to 248. */
	assert_int_equal(r.target.raw, 100);
	assert_true(fabs(score_scaled(&r.target) - 248.0) < 1e-9);
}

/* Lv1, by hand: items 1..10 done (20), 11..15 in progress (5), 16..20 not
 * done, 21..30 該当なし, 31..50 unanswered. raw 25 over 40 applicable items:
 * scaled 25 × 50 / 40 = 31.25 of 100. */
static void test_mixed_level1_by_hand(void **state)
{
	enum answer a[CATALOG_ITEMS];
	struct score_report r;
	int lv1[50], n = 0;
	(void)state;
	fill(a, ANSWER_NONE);
	for (int i = 0; i < CATALOG_ITEMS; i++)
		if (cat->items[i].level == 1)
			lv1[n++] = i;
	assert_int_equal(n, 50);
	for (int k = 0; k < 30; k++)
		a[lv1[k]] = k < 10 ? ANSWER_DONE : k < 15 ? ANSWER_IN_PROGRESS
		          : k < 20 ? ANSWER_NOT_DONE : ANSWER_NA;
	score_compute(cat, a, 1, &r);
	const struct score_tally *t = &r.level[0];
	assert_int_equal(t->done, 10);
	assert_int_equal(t->in_progress, 5);
	assert_int_equal(t->not_done, 5);
	assert_int_equal(t->na, 10);
	assert_int_equal(t->unanswered, 20);
	assert_int_equal(t->raw, 25);
	assert_true(fabs(score_scaled(t) - 31.25) < 1e-9);
	assert_true(fabs(score_percent(t) - 31.25) < 1e-9);
	/* Nothing of Lv2 and Lv3 counts towards a Lv1 target. */
	assert_int_equal(r.target.total, 50);
}

static void test_label_and_category_tallies(void **state)
{
	enum answer a[CATALOG_ITEMS];
	struct score_report r;
	(void)state;
	fill(a, ANSWER_NONE);
	for (int no = 148; no <= 153; no++)
		a[no - 1] = ANSWER_IN_PROGRESS;
	a[148 - 1] = ANSWER_DONE;
	score_compute(cat, a, 3, &r);
	/* Label 24 (backup) is the whole of category 5 (対応・復旧). */
	assert_int_equal(r.label[23].total, 6);
	assert_int_equal(r.label[23].raw, 7);
	assert_int_equal(r.category[4].total, 6);
	assert_int_equal(r.category[4].raw, 7);
	assert_int_equal(r.category[0].total, 40); /* 共通: items 1..40 */
	assert_int_equal(r.category[0].raw, 0);
}

static void test_industry_comparison(void **state)
{
	enum answer a[CATALOG_ITEMS];
	struct score_report r;
	struct score_compare c;
	(void)state;
	fill(a, ANSWER_IN_PROGRESS);
	score_compute(cat, a, 2, &r);
	score_compare_industry(cat, &r, "le100", &c);
	assert_true(c.available);
	assert_true(fabs(c.industry - 155.0) < 1e-9);
	assert_int_equal(c.companies, 689);
	assert_true(fabs(c.company - 124.0) < 1e-9);
	assert_true(fabs(c.company_max - 248.0) < 1e-9);
	score_compute(cat, a, 1, &r);
	score_compare_industry(cat, &r, "le500", &c);
	assert_true(fabs(c.industry - 66.5) < 1e-9);
	assert_int_equal(c.companies, 209);
	score_compare_industry(cat, &r, "", &c);
	assert_false(c.available);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nothing_answered),
		cmocka_unit_test(test_all_done_reaches_maximum),
		cmocka_unit_test(test_all_na_in_a_level),
		cmocka_unit_test(test_mixed_level1_by_hand),
		cmocka_unit_test(test_label_and_category_tallies),
		cmocka_unit_test(test_industry_comparison),
	};
	return cmocka_run_group_tests(tests, load, unload);
}
