/* test_wizard: the order the user is asked in, which levels are included, resume, jump and progress. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "catalog.h"
#include "wizard.h"

static struct catalog *cat;
/* struct wizard is about 3 KiB: keep it off cmocka's test stack. */
static struct wizard wz;

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

static void no_answers(enum answer answers[CATALOG_ITEMS])
{
	for (int i = 0; i < CATALOG_ITEMS; i++)
		answers[i] = ANSWER_NONE;
}

static int count_kind(const struct wizard *w, enum wizard_step_kind kind, int arg)
{
	int n = 0;

	for (int i = 0; i < w->n; i++)
		n += w->steps[i].kind == kind && (arg < 0 || w->steps[i].arg == arg);
	return n;
}

static int items_of_level(const struct wizard *w, int level)
{
	int n = 0;

	for (int i = 0; i < w->n; i++)
		if (w->steps[i].kind == STEP_ITEM)
			n += catalog_item(cat, w->steps[i].arg)->level == level;
	return n;
}

/* Every item at most once, only items of the given levels, review last. */
static void assert_flow_sane(const struct wizard *w, const int levels[CATALOG_LEVELS + 1])
{
	int seen[CATALOG_ITEMS + 1] = { 0 };

	assert_in_range(w->n, 1, WIZARD_MAX_STEPS);
	assert_int_equal(w->steps[w->n - 1].kind, STEP_REVIEW);
	assert_int_equal(count_kind(w, STEP_REVIEW, -1), 1);
	for (int i = 0; i < w->n; i++) {
		if (w->steps[i].kind != STEP_ITEM)
			continue;
		assert_in_range(w->steps[i].arg, 1, CATALOG_ITEMS);
		seen[w->steps[i].arg]++;
	}
	for (int no = 1; no <= CATALOG_ITEMS; no++)
		assert_int_equal(seen[no], levels[catalog_item(cat, no)->level]);
}

static void test_first_19_items_are_the_brochure_order(void **state)
{
	static const int expected[CATALOG_PRIORITY_ITEMS] = {
		18, 19, 20, 24, 26, 148, 149, 150,
		16, 124, 136, 137, 115, 49, 51, 52, 76, 77, 78,
	};
	/* Index of the first item of each measure in expected[]. */
	static const int measure_first[CATALOG_MEASURES] = { 0, 5, 7, 8, 9, 10, 12, 13 };
	int items = 0, measures = 0;

	(void)state;
	wizard_build(&wz, cat, 2, 0, 0);
	assert_int_equal(wz.pos, 0);
	for (int i = 0; i < wz.n && items < CATALOG_PRIORITY_ITEMS; i++) {
		const struct wizard_step *st = &wz.steps[i];

		if (st->kind == STEP_MEASURE) {
			assert_int_equal(st->arg, measures);
			/* The intro comes right before its measure's first item. */
			assert_int_equal(wz.steps[i + 1].kind, STEP_ITEM);
			assert_int_equal(wz.steps[i + 1].arg, expected[measure_first[measures]]);
			measures++;
			continue;
		}
		assert_int_equal(st->kind, STEP_ITEM);
		assert_int_equal(st->arg, expected[items]);
		assert_int_equal(st->section, items < 8 ? SECTION_GROUP1 : SECTION_GROUP2);
		items++;
	}
	assert_int_equal(items, CATALOG_PRIORITY_ITEMS);
	assert_int_equal(measures, CATALOG_MEASURES);
	assert_int_equal(count_kind(&wz, STEP_MEASURE, -1), CATALOG_MEASURES);
}

static void test_rest_of_lv1_ascending_with_label_intros(void **state)
{
	int prev = 0, n = 0, label = 0;

	(void)state;
	wizard_build(&wz, cat, 2, 0, 0);
	for (int i = 0; i < wz.n; i++) {
		const struct wizard_step *st = &wz.steps[i];

		if (st->section != SECTION_LV1)
			continue;
		if (st->kind == STEP_LABEL) {
			/* An intro is followed by an item of its label. */
			assert_int_equal(wz.steps[i + 1].kind, STEP_ITEM);
			assert_int_equal(catalog_item(cat, wz.steps[i + 1].arg)->label, st->arg);
			label = st->arg;
			continue;
		}
		assert_int_equal(st->kind, STEP_ITEM);
		assert_true(st->arg > prev);
		assert_int_equal(catalog_item(cat, st->arg)->level, 1);
		assert_false(catalog_is_priority(cat, st->arg));
		/* No item without the intro of its own label before it. */
		assert_int_equal(catalog_item(cat, st->arg)->label, label);
		prev = st->arg;
		n++;
	}
	assert_int_equal(n, 31);
	assert_int_equal(wz.steps[wizard_find_item(&wz, 1) - 1].kind, STEP_LABEL);
	assert_int_equal(wz.steps[wizard_find_item(&wz, 1) - 1].arg, 1);
}

static void test_target_2_has_all_lv2_and_offers_lv3(void **state)
{
	static const int levels[] = { 0, 1, 1, 0 };

	(void)state;
	wizard_build(&wz, cat, 2, 0, 0);
	assert_flow_sane(&wz, levels);
	assert_int_equal(items_of_level(&wz, 2), 74);
	assert_int_equal(items_of_level(&wz, 3), 0);
	assert_int_equal(count_kind(&wz, STEP_OFFER, -1), 1);
	assert_int_equal(count_kind(&wz, STEP_OFFER, 3), 1);
	/* The offer stands where Lv3 would be: right before review. */
	assert_int_equal(wz.steps[wz.n - 2].kind, STEP_OFFER);
	assert_int_equal(wz.steps[wz.n - 2].section, SECTION_LV3);
	for (int i = 0; i < wz.n; i++)
		if (wz.steps[i].kind == STEP_ITEM && catalog_item(cat, wz.steps[i].arg)->level == 2)
			assert_int_equal(wz.steps[i].section, SECTION_LV2);
}

static void test_target_1_offers_lv2_without_its_items(void **state)
{
	static const int levels[] = { 0, 1, 0, 0 };
	int offer2;

	(void)state;
	wizard_build(&wz, cat, 1, 0, 0);
	assert_flow_sane(&wz, levels);
	assert_int_equal(items_of_level(&wz, 1), 50);
	assert_int_equal(items_of_level(&wz, 2), 0);
	assert_int_equal(count_kind(&wz, STEP_OFFER, 2), 1);
	assert_int_equal(count_kind(&wz, STEP_OFFER, 3), 1);
	/* Offered after the last Lv1 item, Lv2 before Lv3. */
	offer2 = wz.n - 3;
	assert_int_equal(wz.steps[offer2].kind, STEP_OFFER);
	assert_int_equal(wz.steps[offer2].arg, 2);
	assert_int_equal(wz.steps[offer2 - 1].kind, STEP_ITEM);
	assert_int_equal(wz.steps[offer2 + 1].arg, 3);
}

static void test_target_3_has_all_153_items_and_no_offer(void **state)
{
	static const int levels[] = { 0, 1, 1, 1 };

	(void)state;
	wizard_build(&wz, cat, 3, 0, 0);
	assert_flow_sane(&wz, levels);
	assert_int_equal(count_kind(&wz, STEP_ITEM, -1), CATALOG_ITEMS);
	assert_int_equal(count_kind(&wz, STEP_OFFER, -1), 0);
}

static void test_every_item_once_in_every_configuration(void **state)
{
	static const struct {
		int target, lv2, lv3;
		int levels[CATALOG_LEVELS + 1];
		int offers;
	} cases[] = {
		{ 1, 0, 0, { 0, 1, 0, 0 }, 2 },
		{ 1, 1, 0, { 0, 1, 1, 0 }, 1 },
		{ 1, 0, 1, { 0, 1, 0, 1 }, 1 },
		{ 1, 1, 1, { 0, 1, 1, 1 }, 0 },
		{ 2, 0, 0, { 0, 1, 1, 0 }, 1 },
		{ 2, 0, 1, { 0, 1, 1, 1 }, 0 },
		{ 3, 0, 0, { 0, 1, 1, 1 }, 0 },
	};
	int out[CATALOG_ITEMS];

	(void)state;
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		int n, expected = 0;

		wizard_build(&wz, cat, cases[c].target, cases[c].lv2, cases[c].lv3);
		assert_flow_sane(&wz, cases[c].levels);
		assert_int_equal(count_kind(&wz, STEP_OFFER, -1), cases[c].offers);
		for (int l = 1; l <= CATALOG_LEVELS; l++)
			expected += cases[c].levels[l] * catalog_level_max(cat, l) / 2;
		n = wizard_items(&wz, out);
		assert_int_equal(n, expected);
		/* The overview list follows the flow's order. */
		for (int k = 0, i = 0; i < wz.n; i++)
			if (wz.steps[i].kind == STEP_ITEM)
				assert_int_equal(out[k++], wz.steps[i].arg);
	}
}

static void test_resume_at_first_unanswered_item(void **state)
{
	static const int first5[] = { 18, 19, 20, 24, 26 };
	enum answer answers[CATALOG_ITEMS];
	int out[CATALOG_ITEMS], n;

	(void)state;
	wizard_build(&wz, cat, 2, 0, 0);
	no_answers(answers);
	assert_int_equal(wizard_resume(&wz, answers), 18);
	assert_int_equal(wizard_current(&wz)->kind, STEP_ITEM);
	assert_int_equal(wizard_current(&wz)->arg, 18);

	for (size_t i = 0; i < sizeof first5 / sizeof first5[0]; i++)
		answers[first5[i] - 1] = ANSWER_DONE;
	assert_int_equal(wizard_resume(&wz, answers), 148);
	assert_int_equal(wizard_current(&wz)->arg, 148);

	/* Every kind of answer counts as answered, N/A included. */
	n = wizard_items(&wz, out);
	for (int i = 0; i < n; i++)
		answers[out[i] - 1] = (enum answer)(i % 4);
	/* Lv3 is not in this flow and stays unanswered. */
	assert_int_equal(answers[21 - 1], ANSWER_NONE);
	assert_int_equal(wizard_resume(&wz, answers), 0);
	/* The Lv3 offer is not skipped on the way to the review... */
	assert_int_equal(wizard_current(&wz)->kind, STEP_OFFER);
	assert_int_equal(wizard_current(&wz)->arg, 3);
	/* ...and at target 3, with nothing on offer, the review comes. */
	wizard_build(&wz, cat, 3, 0, 0);
	for (int no = 1; no <= CATALOG_ITEMS; no++)
		answers[no - 1] = ANSWER_NA;
	assert_int_equal(wizard_resume(&wz, answers), 0);
	assert_int_equal(wizard_current(&wz)->kind, STEP_REVIEW);
}

/* After answering, already-answered items are skipped, but the intro of the
 * next open item is kept. */
static void test_next_open_skips_answered_items(void **state)
{
	enum answer answers[CATALOG_ITEMS];
	(void)state;
	wizard_build(&wz, cat, 2, 0, 0);
	no_answers(answers);
	/* Fresh flow: after No.26 comes the intro of measure 2 (before 148). */
	wizard_jump_item(&wz, 26);
	answers[26 - 1] = ANSWER_DONE;
	assert_int_equal(wizard_next_open(&wz, answers), 0);
	assert_int_equal(wizard_current(&wz)->kind, STEP_MEASURE);
	assert_int_equal(wizard_next_open(&wz, answers), 0);
	assert_int_equal(wizard_current(&wz)->arg, 148);
	/* Everything answered but 150 and No.1: from 150 straight to No.1's
	 * label intro, past the answered items of group 2. */
	int out[CATALOG_ITEMS], n = wizard_items(&wz, out);
	for (int i = 0; i < n; i++)
		answers[out[i] - 1] = ANSWER_DONE;
	answers[150 - 1] = ANSWER_NONE;
	answers[1 - 1] = ANSWER_NONE;
	wizard_jump_item(&wz, 150);
	answers[150 - 1] = ANSWER_IN_PROGRESS;
	assert_int_equal(wizard_next_open(&wz, answers), 0);
	assert_int_equal(wizard_current(&wz)->kind, STEP_LABEL);
	assert_int_equal(wizard_next_open(&wz, answers), 0);
	assert_int_equal(wizard_current(&wz)->arg, 1);
	/* Once No.1 is answered too, the next stop is the Lv3 offer. */
	answers[1 - 1] = ANSWER_DONE;
	assert_int_equal(wizard_next_open(&wz, answers), 0);
	assert_int_equal(wizard_current(&wz)->kind, STEP_OFFER);
}

/* An intro read once is not shown again (issue 14): the answer after it
 * goes straight to the next item; and where the next session resumes. */
static void test_intro_shown_once_and_resume(void **state)
{
	enum answer answers[CATALOG_ITEMS];
	int answered, total;
	(void)state;
	wizard_build(&wz, cat, 2, 0, 0);
	no_answers(answers);
	wizard_jump_item(&wz, 26);
	answers[26 - 1] = ANSWER_DONE;
	assert_int_equal(wizard_next_open(&wz, answers), 0);
	assert_int_equal(wizard_current(&wz)->kind, STEP_MEASURE);
	wizard_mark_seen(&wz);
	wizard_jump_item(&wz, 26);
	assert_int_equal(wizard_next_open(&wz, answers), 0);
	assert_int_equal(wizard_current(&wz)->kind, STEP_ITEM);
	assert_int_equal(wizard_current(&wz)->arg, 148);
	assert_int_equal(wizard_resume_item(&wz, answers, &answered, &total), 18);
	assert_int_equal(answered, 1);
	assert_int_equal(total, 124);
	int out[CATALOG_ITEMS], n = wizard_items(&wz, out);
	for (int i = 0; i < n; i++)
		answers[out[i] - 1] = ANSWER_NA;
	assert_int_equal(wizard_resume_item(&wz, answers, &answered, &total), 0);
	assert_int_equal(answered, 124);
}

/* The intros read are kept as text for the next session, and survive a
 * rebuild (opting into a level): read once, skipped from then on. */
static void test_intros_seen_kept_across_sessions(void **state)
{
	enum answer answers[CATALOG_ITEMS];
	char seen[WIZARD_SEEN_MAX];
	(void)state;
	wizard_build(&wz, cat, 2, 0, 0);
	no_answers(answers);
	wizard_seen_save(&wz, seen, sizeof seen);
	assert_string_equal(seen, "");
	wizard_jump_item(&wz, 26);
	answers[26 - 1] = ANSWER_DONE;
	assert_int_equal(wizard_next_open(&wz, answers), 0);
	assert_int_equal(wizard_current(&wz)->kind, STEP_MEASURE);
	assert_int_equal(wizard_mark_seen(&wz), 1);
	assert_int_equal(wizard_mark_seen(&wz), 0);   /* already remembered */
	wizard_seen_save(&wz, seen, sizeof seen);
	assert_true(seen[0] == 'm');

	/* The next session: a new flow, told what was read. */
	wizard_build(&wz, cat, 2, 0, 0);
	wizard_seen_load(&wz, seen);
	wizard_jump_item(&wz, 26);
	assert_int_equal(wizard_next_open(&wz, answers), 0);
	assert_int_equal(wizard_current(&wz)->kind, STEP_ITEM);
	assert_int_equal(wizard_current(&wz)->arg, 148);

	/* Opting into Lv3 rebuilds the flow; the intro stays read. */
	wizard_rebuild(&wz, cat, 2, 1, 1);
	wizard_jump_item(&wz, 26);
	assert_int_equal(wizard_next_open(&wz, answers), 0);
	assert_int_equal(wizard_current(&wz)->arg, 148);

	/* Names match whole: "m10" is not "m1", and unknown names are ignored. */
	wizard_build(&wz, cat, 2, 0, 0);
	wizard_seen_load(&wz, "m10 l9.99 x");
	wizard_seen_save(&wz, seen, sizeof seen);
	assert_string_equal(seen, "");
	/* A buffer too small keeps whole names only. */
	wizard_seen_load(&wz, "m0 m1 m2");
	wizard_seen_save(&wz, seen, 6);
	assert_string_equal(seen, "m0 m1");
}

static void test_jump_to_lv2_item_only_when_lv2_is_in_the_flow(void **state)
{
	int pos;

	(void)state;
	assert_int_equal(catalog_item(cat, 5)->level, 2);
	wizard_build(&wz, cat, 1, 0, 0);
	wizard_next(&wz);
	pos = wz.pos;
	assert_int_equal(wizard_jump_item(&wz, 5), -1);
	assert_int_equal(wz.pos, pos);
	assert_int_equal(wizard_find_item(&wz, 5), -1);

	wizard_build(&wz, cat, 2, 0, 0);
	assert_int_equal(wizard_jump_item(&wz, 5), 0);
	assert_int_equal(wizard_current(&wz)->kind, STEP_ITEM);
	assert_int_equal(wizard_current(&wz)->arg, 5);
	assert_int_equal(wizard_current(&wz)->section, SECTION_LV2);
	assert_int_equal(wizard_jump_item(&wz, 0), -1);
	assert_int_equal(wizard_jump_item(&wz, 154), -1);
}

static int find_offer(const struct wizard *w, int level)
{
	for (int i = 0; i < w->n; i++)
		if (w->steps[i].kind == STEP_OFFER && w->steps[i].arg == level)
			return i;
	return -1;
}

static void test_rebuild_after_accepting_lv2_offer_opens_the_section(void **state)
{
	static struct wizard fresh;
	int offer;

	(void)state;
	wizard_build(&wz, cat, 1, 0, 0);
	offer = find_offer(&wz, 2);
	assert_true(offer > 0);
	wz.pos = offer;

	wizard_rebuild(&wz, cat, 1, 1, 0);
	assert_int_equal(wz.with_lv2, 1);
	/* On the section's first step: the intro of label 1, then item 2. */
	assert_int_equal(wz.pos, offer);
	assert_int_equal(wizard_current(&wz)->kind, STEP_LABEL);
	assert_int_equal(wizard_current(&wz)->section, SECTION_LV2);
	assert_int_equal(wizard_current(&wz)->arg, 1);
	assert_int_equal(wz.steps[wz.pos - 1].section, SECTION_LV1);
	assert_int_equal(wizard_next(&wz), 0);
	assert_int_equal(wizard_current(&wz)->arg, 2);

	/* The rest of the flow is what a fresh build gives, Lv3 still offered. */
	wizard_build(&fresh, cat, 1, 1, 0);
	assert_int_equal(wz.n, fresh.n);
	assert_memory_equal(wz.steps, fresh.steps, sizeof fresh.steps[0] * (size_t)fresh.n);
	assert_int_equal(items_of_level(&wz, 2), 74);
	assert_int_equal(count_kind(&wz, STEP_OFFER, 3), 1);
	assert_int_equal(count_kind(&wz, STEP_OFFER, 2), 0);
}

static void test_rebuild_keeps_the_current_item(void **state)
{
	(void)state;
	wizard_build(&wz, cat, 1, 0, 0);
	assert_int_equal(wizard_jump_item(&wz, 30), 0);
	wizard_rebuild(&wz, cat, 2, 0, 0);
	assert_int_equal(wizard_current(&wz)->kind, STEP_ITEM);
	assert_int_equal(wizard_current(&wz)->arg, 30);
	assert_int_equal(wz.target_level, 2);

	/* Lowering the target under a Lv2 item lands on the offer for Lv2. */
	assert_int_equal(wizard_jump_item(&wz, 100), 0);
	wizard_rebuild(&wz, cat, 1, 0, 0);
	assert_int_equal(wizard_current(&wz)->kind, STEP_OFFER);
	assert_int_equal(wizard_current(&wz)->arg, 2);
}

static void test_progress_counts_section_and_overall(void **state)
{
	enum answer answers[CATALOG_ITEMS];
	struct wizard_progress p;

	(void)state;
	no_answers(answers);
	answers[18 - 1] = ANSWER_DONE;
	answers[19 - 1] = ANSWER_NA;
	answers[148 - 1] = ANSWER_IN_PROGRESS;
	answers[16 - 1] = ANSWER_NOT_DONE;
	answers[1 - 1] = ANSWER_DONE;
	answers[5 - 1] = ANSWER_DONE;     /* Lv2 */
	answers[21 - 1] = ANSWER_DONE;    /* Lv3: not in a target-2 flow */

	wizard_build(&wz, cat, 2, 0, 0);
	assert_int_equal(wizard_jump_item(&wz, 20), 0);
	wizard_progress(&wz, answers, &p);
	assert_int_equal(p.section_total, 8);
	assert_int_equal(p.section_done, 3);
	assert_int_equal(p.all_total, 50 + 74);
	assert_int_equal(p.all_done, 6);

	assert_int_equal(wizard_jump_item(&wz, 124), 0);
	wizard_progress(&wz, answers, &p);
	assert_int_equal(p.section_total, 11);
	assert_int_equal(p.section_done, 1);

	/* A measure intro counts for its group. */
	wz.pos = 0;
	wizard_progress(&wz, answers, &p);
	assert_int_equal(p.section_total, 8);

	assert_int_equal(wizard_jump_item(&wz, 1), 0);
	wizard_progress(&wz, answers, &p);
	assert_int_equal(p.section_total, 31);
	assert_int_equal(p.section_done, 1);

	assert_int_equal(wizard_jump_item(&wz, 5), 0);
	wizard_progress(&wz, answers, &p);
	assert_int_equal(p.section_total, 74);
	assert_int_equal(p.section_done, 1);

	wizard_build(&wz, cat, 3, 0, 0);
	wizard_progress(&wz, answers, &p);
	assert_int_equal(p.all_total, CATALOG_ITEMS);
	assert_int_equal(p.all_done, 7);
}

static void test_back_and_next_stop_at_the_ends(void **state)
{
	int last;

	(void)state;
	wizard_build(&wz, cat, 2, 0, 0);
	assert_int_equal(wizard_back(&wz), -1);
	assert_int_equal(wz.pos, 0);
	assert_int_equal(wizard_next(&wz), 0);
	assert_int_equal(wz.pos, 1);
	assert_int_equal(wizard_back(&wz), 0);
	assert_int_equal(wz.pos, 0);

	wizard_jump_review(&wz);
	last = wz.pos;
	assert_int_equal(last, wz.n - 1);
	assert_int_equal(wizard_current(&wz)->kind, STEP_REVIEW);
	assert_int_equal(wizard_next(&wz), -1);
	assert_int_equal(wz.pos, last);
	assert_int_equal(wizard_back(&wz), 0);
	assert_int_equal(wz.pos, last - 1);
}

static void test_section_names(void **state)
{
	(void)state;
	assert_string_equal(wizard_section_name(cat, SECTION_GROUP1), "セキュリティ事故発生に備えた構え");
	assert_string_equal(wizard_section_name(cat, SECTION_GROUP2), "侵入・拡散させない基本のセキュリティ対策");
	assert_string_equal(wizard_section_name(cat, SECTION_LV1), "Lv1 (the rest)");
	assert_string_equal(wizard_section_name(cat, SECTION_LV2), "Lv2");
	assert_string_equal(wizard_section_name(cat, SECTION_LV3), "Lv3");
	assert_string_equal(wizard_section_name(cat, SECTION_REVIEW), "Review");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_19_items_are_the_brochure_order),
		cmocka_unit_test(test_rest_of_lv1_ascending_with_label_intros),
		cmocka_unit_test(test_target_2_has_all_lv2_and_offers_lv3),
		cmocka_unit_test(test_target_1_offers_lv2_without_its_items),
		cmocka_unit_test(test_target_3_has_all_153_items_and_no_offer),
		cmocka_unit_test(test_every_item_once_in_every_configuration),
		cmocka_unit_test(test_resume_at_first_unanswered_item),
		cmocka_unit_test(test_next_open_skips_answered_items),
		cmocka_unit_test(test_intro_shown_once_and_resume),
		cmocka_unit_test(test_intros_seen_kept_across_sessions),
		cmocka_unit_test(test_jump_to_lv2_item_only_when_lv2_is_in_the_flow),
		cmocka_unit_test(test_rebuild_after_accepting_lv2_offer_opens_the_section),
		cmocka_unit_test(test_rebuild_keeps_the_current_item),
		cmocka_unit_test(test_progress_counts_section_and_overall),
		cmocka_unit_test(test_back_and_next_stop_at_the_ends),
		cmocka_unit_test(test_section_names),
	};

	/* Catalog texts are UTF-8; keep the environment like the program's. */
	if (!setlocale(LC_ALL, "C.UTF-8")) {
		fprintf(stderr, "test_wizard: the C.UTF-8 locale is not available\n");
		return 1;
	}
	return cmocka_run_group_tests(tests, load, unload);
}
