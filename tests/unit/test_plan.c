/* test_plan: the improvement plan (order, default tasks and due dates, stored actions) and the contact sheet's missing parts. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "catalog.h"
#include "contacts.h"
#include "assessment.h"
#include "plan.h"
#include "store.h"

#define TODAY "2026-01-31"

struct fixture {
	char dir[64];
	char path[128];
	struct catalog *cat;
	struct store *st;
	struct store_profile p;
	struct store_answer answers[CATALOG_ITEMS];
};

static int remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int setup(void **state)
{
	char err[512];
	enum store_status status;
	struct fixture *f = calloc(1, sizeof *f);
	if (!f)
		return -1;
	strcpy(f->dir, "/tmp/kamae-plan-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof f->path, "%s/kamae.db", f->dir);
	f->cat = catalog_load(catalog_datadir(), err, sizeof err);
	if (!f->cat) {
		fprintf(stderr, "# %s\n", err);
		return -1;
	}
	f->st = store_open(f->path, &status, err, sizeof err);
	if (!f->st) {
		fprintf(stderr, "# %s\n", err);
		return -1;
	}
	snprintf(f->p.company, sizeof f->p.company, "株式会社テスト精機");
	snprintf(f->p.guideline, sizeof f->p.guideline, "2.3");
	f->p.target_level = 2;
	f->p.year = 2026;
	if (store_profile_save(f->st, &f->p) != STORE_OK)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	store_answers_free(f->answers, CATALOG_ITEMS);
	store_close(f->st);
	catalog_free(f->cat);
	nftw(f->dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
	free(f);
	return 0;
}

static void answer(struct fixture *f, int item, enum answer a, const char *note)
{
	assert_int_equal(store_answer_set(f->st, f->p.id, item, a), STORE_OK);
	if (note)
		assert_int_equal(store_note_set(f->st, f->p.id, item, note), STORE_OK);
}

static void load_answers(struct fixture *f)
{
	store_answers_free(f->answers, CATALOG_ITEMS);
	assert_int_equal(store_answers_load(f->st, f->p.id, f->answers), STORE_OK);
}

static void build_scope(struct fixture *f, enum plan_scope scope, struct plan *pl)
{
	load_answers(f);
	assert_int_equal(plan_build(f->cat, f->st, &f->p, f->answers, TODAY, scope, pl), STORE_OK);
}

static void build(struct fixture *f, struct plan *pl)
{
	build_scope(f, PLAN_SCOPE_TARGET, pl);
}

static const struct plan_entry *find(const struct plan *pl, int item)
{
	for (int i = 0; i < pl->n; i++)
		if (pl->entries[i].item == item)
			return &pl->entries[i];
	return NULL;
}

/* ---- order ---- */

/* The scripted answers: priority 18 done with a note, 19 done without one,
 * 20 n/a, 24 in progress, 26 not done, 148 done with a note; Lv2 No.2 done
 * without a note; Lv3 No.138 in progress (above the Lv2 target, but the
 * company started it), Lv3 No.73 unanswered (above the target: left out). */
static void script(struct fixture *f)
{
	answer(f, 18, ANSWER_DONE, "緊急連絡体制表（2025年4月版）");
	answer(f, 19, ANSWER_DONE, NULL);
	answer(f, 20, ANSWER_NA, NULL);
	answer(f, 24, ANSWER_IN_PROGRESS, NULL);
	answer(f, 26, ANSWER_NOT_DONE, NULL);
	answer(f, 148, ANSWER_DONE, "NASと外付けHDDに毎日");
	answer(f, 2, ANSWER_DONE, "  \n");
	answer(f, 138, ANSWER_IN_PROGRESS, NULL);
}

/* Unanswered items of a level up to the target, leaving out the scripted ones. */
static int unanswered_in(const struct catalog *cat, int level)
{
	static const int scripted[] = { 18, 19, 20, 24, 26, 148, 2, 138 };
	int n = 0;
	for (int no = 1; no <= CATALOG_ITEMS; no++) {
		int s = 0;
		for (size_t k = 0; k < sizeof scripted / sizeof scripted[0]; k++)
			s |= scripted[k] == no;
		n += !s && cat->items[no - 1].level == level;
	}
	return n;
}

/* Tasks are the answered gaps and the 対策完了 without evidence, by phase
 * and then due date; unanswered items are counted per level instead. */
static void test_plan_order(void **state)
{
	struct fixture *f = *state;
	struct plan pl;
	char owner[256];
	script(f);
	build(f, &pl);
	/* Phase 1: 19 (対策完了, no note), 24, 26; phase 3: No.2 (Lv2, a blank
	 * note) and No.138 (Lv3 in progress, above the Lv2 target). */
	assert_int_equal(pl.n, 5);
	int phase1 = 0;
	for (int i = 0; i < 3; i++) {
		assert_int_equal(pl.entries[i].phase, PLAN_PHASE_PRIORITY);
		assert_true(pl.entries[i].priority);
		phase1 |= 1 << (pl.entries[i].item == 19 ? 0 : pl.entries[i].item == 24 ? 1 : 2);
	}
	assert_int_equal(phase1, 7);
	assert_int_equal(pl.entries[3].phase, PLAN_PHASE_TARGET);
	assert_int_equal(pl.entries[4].phase, PLAN_PHASE_TARGET);
	for (int i = 1; i < pl.n; i++)
		if (pl.entries[i].phase == pl.entries[i - 1].phase)
			assert_true(strcmp(pl.entries[i - 1].action.due, pl.entries[i].action.due) <= 0);
	assert_int_equal(pl.phase_tasks[0], 3);
	assert_int_equal(pl.phase_tasks[1], 0);
	assert_int_equal(pl.phase_tasks[2], 2);
	assert_int_equal(find(&pl, 19)->evidence, EVIDENCE_MISSING);
	assert_non_null(strstr(find(&pl, 19)->action.task, "評価の根拠"));
	assert_int_equal(find(&pl, 2)->evidence, EVIDENCE_MISSING);
	assert_int_equal(find(&pl, 24)->evidence, EVIDENCE_OK);
	assert_int_equal(find(&pl, 24)->answer, ANSWER_IN_PROGRESS);
	assert_int_equal(find(&pl, 26)->answer, ANSWER_NOT_DONE);
	assert_non_null(find(&pl, 138));
	/* Unanswered: not tasks, one count per level up to the target. */
	assert_null(find(&pl, 149));
	assert_null(find(&pl, 73));
	assert_int_equal(pl.unanswered[0], unanswered_in(f->cat, 1));
	assert_int_equal(pl.unanswered[1], unanswered_in(f->cat, 2));
	assert_int_equal(pl.unanswered[2], 0);
	/* The owner is the coach's 担当. */
	catalog_owner_text(f->cat, catalog_coach(f->cat, 24), owner, sizeof owner);
	assert_true(owner[0]);
	assert_string_equal(find(&pl, 24)->action.owner, owner);
	/* Left for the evidence list: only the 該当なし without a reason. */
	assert_int_equal(pl.n_missing, 1);
	assert_int_equal(pl.evidence_missing[0], 20);
	assert_int_equal(pl.evidence_issue[0], EVIDENCE_NA_REASON);
	plan_free(&pl);
}

/* --plan-scope: priority keeps phase 1, lv1 phases 1 and 2. */
static void test_plan_scope(void **state)
{
	struct fixture *f = *state;
	struct plan pl;
	script(f);
	answer(f, 1, ANSWER_NOT_DONE, NULL);
	build_scope(f, PLAN_SCOPE_PRIORITY, &pl);
	assert_int_equal(pl.n, 3);
	assert_null(find(&pl, 1));
	assert_int_equal(pl.unanswered[0], 19 - 6);   /* 18 19 20 24 26 148 answered */
	assert_int_equal(pl.unanswered[1], 0);
	plan_free(&pl);
	build_scope(f, PLAN_SCOPE_LV1, &pl);
	assert_int_equal(pl.n, 4);
	assert_int_equal(find(&pl, 1)->phase, PLAN_PHASE_LV1);
	assert_null(find(&pl, 2));
	plan_free(&pl);
	enum plan_scope sc;
	assert_int_equal(plan_scope_parse("lv1", &sc), 0);
	assert_int_equal(sc, PLAN_SCOPE_LV1);
	assert_int_equal(plan_scope_parse("Lv2", &sc), -1);
}

/* Evidence ages: a 対策完了 note over twelve months old on the plan's
 * date, or carried unchanged from last year, needs renewing. */
static void test_evidence_ages(void **state)
{
	char note[] = "規程 第2版", blank[] = " \n";
	struct store_answer a = { .value = ANSWER_DONE, .note = note, .confirmed = 1 };
	(void)state;
	snprintf(a.note_updated, sizeof a.note_updated, "2025-12-01T09:00:00Z");
	assert_int_equal(assessment_evidence(&a, "2026-11-30"), EVIDENCE_OK);
	assert_int_equal(assessment_evidence(&a, "2026-12-01"), EVIDENCE_OK);
	assert_int_equal(assessment_evidence(&a, "2026-12-02"), EVIDENCE_OLD);
	a.note_carried = 1;
	assert_int_equal(assessment_evidence(&a, "2026-01-01"), EVIDENCE_CARRIED);
	a.value = ANSWER_IN_PROGRESS;
	assert_int_equal(assessment_evidence(&a, "2030-01-01"), EVIDENCE_OK);
	a.value = ANSWER_NA;
	assert_int_equal(assessment_evidence(&a, "2030-01-01"), EVIDENCE_OK);   /* a reason */
	a.note = blank;
	assert_int_equal(assessment_evidence(&a, "2030-01-01"), EVIDENCE_NA_REASON);
	assert_string_equal(assessment_evidence_label(EVIDENCE_OLD), "根拠の更新が必要（1年以上前）");
}

/* Unanswered items are counted up to the target, whatever it is. */
static void test_plan_target_level(void **state)
{
	struct fixture *f = *state;
	struct plan pl;
	f->p.target_level = 3;
	build(f, &pl);
	assert_int_equal(pl.n, 0);
	assert_int_equal(pl.unanswered[0], 50);
	assert_int_equal(pl.unanswered[1], 74);
	assert_int_equal(pl.unanswered[2], 29);
	plan_free(&pl);
	f->p.target_level = 1;
	build(f, &pl);
	assert_int_equal(pl.unanswered[0], 50);
	assert_int_equal(pl.unanswered[1], 0);
	plan_free(&pl);
}

/* ---- due dates ---- */

static int effort_of(const struct catalog *cat, const struct plan_entry *e)
{
	return catalog_coach(cat, e->item)->effort;
}

/* Every Lv1 item 未実施 and every Lv2 item 対策中: 124 tasks. Each phase's
 * tasks fall in its window, on working days, cheapest first, never many on
 * one day or in one month; answering another item moves no date. */
static void test_due_dates_spread(void **state)
{
	struct fixture *f = *state;
	struct plan pl;
	static const char *const from[] = { "2026-01-31", "2026-04-30", "2026-07-31" };
	static const char *const to[] = { "2026-04-30", "2026-07-31", "2027-01-31" };
	for (int no = 1; no <= CATALOG_ITEMS; no++)
		if (f->cat->items[no - 1].level <= 2)
			answer(f, no, f->cat->items[no - 1].level == 1 ? ANSWER_NOT_DONE : ANSWER_IN_PROGRESS,
			       NULL);
	build(f, &pl);
	assert_int_equal(pl.n, 124);
	int per_day[400] = { 0 }, per_month[13] = { 0 };
	for (int i = 0; i < pl.n; i++) {
		const struct plan_entry *e = &pl.entries[i];
		const char *due = e->action.due;
		assert_true(date_valid(due));
		assert_true(strcmp(due, from[e->phase - 1]) > 0);
		assert_true(strcmp(due, to[e->phase - 1]) <= 0);
		struct tm tm = { 0 };
		assert_non_null(strptime(due, "%Y-%m-%d", &tm));
		tm.tm_hour = 12;
		time_t t = mktime(&tm);
		assert_true(tm.tm_wday != 0 && tm.tm_wday != 6);
		/* Nor when factories close: 年末年始, the May holidays, お盆. */
		int md = (tm.tm_mon + 1) * 100 + tm.tm_mday;
		assert_false(md >= 1229 || md <= 103 || (md >= 503 && md <= 505) || (md >= 813 && md <= 816));
		int day = (int)((t - 1769860800) / 86400);   /* days since 2026-01-31 */
		assert_true(day >= 0 && day < 400);
		per_day[day]++;
		int month = (tm.tm_year - 126) * 12 + tm.tm_mon;   /* 0: January 2026 */
		assert_true(month >= 0 && month < 13);
		per_month[month]++;
		/* Cheapest first within a phase. */
		for (int j = 0; j < i; j++)
			if (pl.entries[j].phase == e->phase)
				assert_true(effort_of(f->cat, &pl.entries[j]) <= effort_of(f->cat, e));
	}
	for (int d = 0; d < 400; d++)
		assert_true(per_day[d] <= 3);
	for (int m = 0; m < 13; m++)
		assert_true(per_month[m] <= 20);
	/* Page 1's first tasks: the five due first, in date order. */
	const struct plan_entry *first[PLAN_FIRST_TASKS];
	assert_int_equal(plan_first_tasks(&pl, first, PLAN_FIRST_TASKS), PLAN_FIRST_TASKS);
	for (int i = 0; i < pl.n; i++)
		assert_true(strcmp(pl.entries[i].action.due, first[PLAN_FIRST_TASKS - 1]->action.due) >= 0
		            || pl.entries[i].item == first[0]->item || pl.entries[i].item == first[1]->item
		            || pl.entries[i].item == first[2]->item || pl.entries[i].item == first[3]->item
		            || pl.entries[i].item == first[4]->item);
	for (int i = 1; i < PLAN_FIRST_TASKS; i++)
		assert_true(strcmp(first[i - 1]->action.due, first[i]->action.due) <= 0);
	char due24[11];
	snprintf(due24, sizeof due24, "%s", find(&pl, 24)->action.due);
	plan_free(&pl);
	answer(f, 26, ANSWER_DONE, "手順書 第1版");
	answer(f, 5, ANSWER_NONE, NULL);
	build(f, &pl);
	assert_string_equal(find(&pl, 24)->action.due, due24);
	for (int ph = 0; ph < PLAN_PHASES; ph++) {
		assert_string_equal(pl.phase_from[ph], from[ph]);
		assert_string_equal(pl.phase_to[ph], to[ph]);
	}
	assert_int_equal(plan_phase_of(f->cat, 150), PLAN_PHASE_PRIORITY);
	assert_int_equal(plan_phase_of(f->cat, 1), PLAN_PHASE_LV1);
	assert_int_equal(plan_phase_of(f->cat, 5), PLAN_PHASE_TARGET);
	plan_free(&pl);
}

static void test_add_months(void **state)
{
	char out[11];
	(void)state;
	date_add_months("2025-11-30", 3, out);
	assert_string_equal(out, "2026-02-28");
	date_add_months("2027-11-30", 3, out);
	assert_string_equal(out, "2028-02-29");
	date_add_months("2026-08-31", 6, out);
	assert_string_equal(out, "2027-02-28");
	date_add_months("2026-12-15", 1, out);
	assert_string_equal(out, "2027-01-15");
	date_add_months("2026-05-31", 12, out);
	assert_string_equal(out, "2027-05-31");
	date_add_months("2026-02-30", 3, out);
	assert_string_equal(out, "");
}

static void test_date_valid(void **state)
{
	(void)state;
	assert_true(date_valid("2026-01-31"));
	assert_true(date_valid("2028-02-29"));
	assert_true(date_valid("2000-02-29"));
	assert_false(date_valid("1900-02-29"));
	assert_false(date_valid("2026-02-29"));
	assert_false(date_valid("2026-04-31"));
	assert_false(date_valid("2026-13-01"));
	assert_false(date_valid("2026-00-10"));
	assert_false(date_valid("2026-1-01"));
	assert_false(date_valid("2026/01/01"));
	assert_false(date_valid("2026-01-01x"));
	assert_false(date_valid("２０２６-01-01"));
	assert_false(date_valid(""));
	assert_false(date_valid(NULL));
	char today[11];
	date_today(today);
	assert_true(date_valid(today));
}

static void test_bad_today_refused(void **state)
{
	struct fixture *f = *state;
	struct plan pl;
	load_answers(f);
	assert_int_equal(plan_build(f->cat, f->st, &f->p, f->answers, "31/01/2026", PLAN_SCOPE_TARGET, &pl),
	                 STORE_ERR_INVALID);
	plan_free(&pl);
}

/* ---- stored actions ---- */

static void test_stored_action_survives_answer_change(void **state)
{
	struct fixture *f = *state;
	struct plan pl;
	struct store_action a = { .item = 26, .due = "2026-03-15", .status = ACTION_DOING };
	a.task = (char *)"ウイルス感染時の手順をA4一枚で作り、各PCのそばに貼る";
	a.owner = (char *)"鈴木（システム担当）";
	a.memo = (char *)"IPAの手引きを参考";
	answer(f, 26, ANSWER_NOT_DONE, NULL);
	assert_int_equal(store_action_save(f->st, f->p.id, &a), STORE_OK);

	static const enum answer changes[] = { ANSWER_IN_PROGRESS, ANSWER_DONE, ANSWER_NONE,
	                                       ANSWER_NOT_DONE };
	for (size_t k = 0; k < sizeof changes / sizeof changes[0]; k++) {
		answer(f, 26, changes[k], NULL);
		build(f, &pl);
		const struct plan_entry *e = find(&pl, 26);
		if (changes[k] == ANSWER_DONE) {
			/* 対策完了 without a note: the task is now its evidence; the
			 * stored row stays for a fall-back. */
			assert_non_null(e);
			assert_false(e->stored);
			assert_int_equal(e->evidence, EVIDENCE_MISSING);
		} else {
			assert_non_null(e);
			assert_true(e->stored);
			assert_int_equal(e->answer, changes[k]);
			assert_string_equal(e->action.task, a.task);
			assert_string_equal(e->action.owner, a.owner);
			assert_string_equal(e->action.due, "2026-03-15");
			assert_int_equal(e->action.status, ACTION_DOING);
			assert_string_equal(e->action.memo, a.memo);
		}
		plan_free(&pl);
	}
}

/* ---- default task text ---- */

static void test_default_task(void **state)
{
	struct fixture *f = *state;
	/* The condition as an action, then the coach's example, for every item. */
	char *t = plan_default_task(f->cat, 1);
	assert_non_null(strstr(t, "自社の情報セキュリティ対応方針(ポリシー)を策定する。\n進め方の例: "));
	assert_non_null(strstr(t, catalog_coach(f->cat, 1)->typical));
	free(t);
	t = plan_default_task(f->cat, 18);
	assert_non_null(strstr(t, "責任と役割を明確化する。\n進め方の例: "));
	assert_non_null(strstr(t, catalog_coach(f->cat, 18)->typical));
	free(t);
	/* No.16 asks to share new attack methods, not to monitor (No.17). */
	t = plan_default_task(f->cat, 16);
	assert_non_null(strstr(t, "対策を社内部署へ共有する。"));
	assert_null(strstr(t, "監視"));
	free(t);
	/* 見直している is 見直す, not 見直する. */
	t = plan_default_task(f->cat, 11);
	assert_non_null(strstr(t, "ルールを適宜見直す。"));
	free(t);
	/* A shared condition: the coach says what the higher level adds. */
	t = plan_default_task(f->cat, 5);
	assert_non_null(strstr(t, catalog_coach(f->cat, 5)->typical));
	assert_non_null(strstr(t, "誓約書"));
	free(t);
	/* Every item gets a task that ends a sentence. */
	for (int no = 1; no <= CATALOG_ITEMS; no++) {
		t = plan_default_task(f->cat, no);
		assert_non_null(t);
		assert_null(strstr(t, "している。"));
		assert_null(strstr(t, "見直する"));
		free(t);
	}
	assert_null(plan_default_task(f->cat, 154));
}

/* ---- quarters ---- */

static void test_quarters(void **state)
{
	static const struct {
		const char *due;
		enum action_status status;
	} rows[] = {
		{ "2026-02-01", ACTION_TODO }, { "2026-03-31", ACTION_DOING },
		{ "2026-04-01", ACTION_TODO }, { "2026-12-31", ACTION_TODO },
		{ "2026-05-01", ACTION_DONE }, { "", ACTION_TODO },
	};
	struct plan_entry e[6];
	struct plan pl = { .entries = e, .n = 6 };
	int counts[8], year, q, overdue;
	(void)state;
	memset(e, 0, sizeof e);
	for (int i = 0; i < 6; i++) {
		snprintf(e[i].action.due, sizeof e[i].action.due, "%s", rows[i].due);
		e[i].action.status = rows[i].status;
	}
	assert_int_equal(plan_quarters(&pl, "2026-01-15", counts, 8, &year, &q, &overdue), 4);
	assert_int_equal(overdue, 0);
	assert_int_equal(year, 2026);
	assert_int_equal(q, 1);
	assert_int_equal(counts[0], 2);
	assert_int_equal(counts[1], 1);
	assert_int_equal(counts[2], 0);
	assert_int_equal(counts[3], 1);
	/* Later quarters fold into the last one shown. */
	assert_int_equal(plan_quarters(&pl, "2026-01-15", counts, 2, &year, &q, &overdue), 2);
	assert_int_equal(counts[0], 2);
	assert_int_equal(counts[1], 2);
	/* From mid-May: the three open tasks due before today are overdue; the
	 * table starts at today's quarter (Q2), empty but still shown. */
	assert_int_equal(plan_quarters(&pl, "2026-05-15", counts, 8, &year, &q, &overdue), 3);
	assert_int_equal(overdue, 3);
	assert_int_equal(year, 2026);
	assert_int_equal(q, 2);
	assert_int_equal(counts[0], 0);
	assert_int_equal(counts[2], 1);
	pl.n = 0;
	assert_int_equal(plan_quarters(&pl, "2026-01-15", counts, 8, &year, &q, &overdue), 0);
}

/* ---- the contact sheet ---- */

static void test_contacts_missing(void **state)
{
	struct fixture *f = *state;
	const char *lines[CONTACTS_MISSING_MAX];
	static const char *const prefix[] = { "No.18 ", "No.19 ", "No.20 ", "No.24 ", "No.26 ",
	                                      "No.150 " };
	load_answers(f);
	assert_int_equal(contacts_missing(f->answers, NULL, "", lines, CONTACTS_MISSING_MAX), 6);
	for (int i = 0; i < 6; i++)
		assert_int_equal(strncmp(lines[i], prefix[i], strlen(prefix[i])), 0);
	assert_non_null(strstr(lines[5], "代替手段"));
	answer(f, 18, ANSWER_DONE, NULL);
	answer(f, 19, ANSWER_IN_PROGRESS, NULL);
	answer(f, 24, ANSWER_DONE, NULL);
	answer(f, 26, ANSWER_DONE, NULL);
	answer(f, 20, ANSWER_DONE, NULL);
	answer(f, 150, ANSWER_NA, NULL);
	load_answers(f);
	assert_int_equal(contacts_missing(f->answers, NULL, "", lines, CONTACTS_MISSING_MAX), 2);
	assert_int_equal(strncmp(lines[0], "No.19 ", 6), 0);
	assert_int_equal(strncmp(lines[1], "No.150 ", 7), 0);
	answer(f, 19, ANSWER_DONE, NULL);
	answer(f, 150, ANSWER_DONE, NULL);
	load_answers(f);
	assert_int_equal(contacts_missing(f->answers, NULL, "", lines, CONTACTS_MISSING_MAX), 0);
	answer(f, 18, ANSWER_NONE, NULL);
	answer(f, 26, ANSWER_NOT_DONE, NULL);
	load_answers(f);
	assert_int_equal(contacts_missing(f->answers, NULL, "", lines, 1), 1);
	assert_int_equal(strncmp(lines[0], "No.18 ", 6), 0);
	/* The sheet's own content settles some lines, on screen and paper
	 * alike: the alternative for No.150, the leaders' names for No.18. */
	answer(f, 150, ANSWER_NOT_DONE, NULL);
	load_answers(f);
	assert_int_equal(contacts_missing(f->answers, NULL, "", lines, CONTACTS_MISSING_MAX), 3);
	assert_int_equal(contacts_missing(f->answers, NULL, "FAXと電話で受注", lines, CONTACTS_MISSING_MAX), 2);
	assert_int_equal(strncmp(lines[1], "No.26 ", 6), 0);
	struct contact_sheet sheet;
	struct store_contact *stored = calloc(2, sizeof *stored);
	assert_non_null(stored);
	snprintf(stored[0].role, sizeof stored[0].role, "ceo");
	stored[0].person = strdup("山田");
	/* The ciso's name on a row added under the role does not name the role. */
	snprintf(stored[1].role, sizeof stored[1].role, "ciso");
	stored[1].slot = 1;
	stored[1].person = strdup("佐藤");
	assert_int_equal(contacts_sheet_build(stored, 2, &sheet), 0);
	assert_int_equal(contacts_missing(f->answers, &sheet, "FAXと電話で受注", lines, CONTACTS_MISSING_MAX), 2);
	contacts_sheet_free(&sheet);
	stored = calloc(2, sizeof *stored);
	assert_non_null(stored);
	snprintf(stored[0].role, sizeof stored[0].role, "ceo");
	stored[0].person = strdup("山田");
	snprintf(stored[1].role, sizeof stored[1].role, "ciso");
	stored[1].person = strdup("佐藤");
	assert_int_equal(contacts_sheet_build(stored, 2, &sheet), 0);
	assert_int_equal(contacts_missing(f->answers, &sheet, "FAXと電話で受注", lines, CONTACTS_MISSING_MAX), 1);
	assert_int_equal(strncmp(lines[0], "No.26 ", 6), 0);
	contacts_sheet_free(&sheet);
}

/* A stored row the sheet gets, as store_contacts_load returns it. */
static void stored_row(struct store_contact *c, const char *role, int slot, const char *company,
                       const char *person)
{
	memset(c, 0, sizeof *c);
	snprintf(c->role, sizeof c->role, "%s", role);
	c->slot = slot;
	c->company = strdup(company);
	c->person = strdup(person);
	c->phone = strdup("");
	c->email = strdup("");
	c->after_hours = strdup("");
}

/* Every role has its own row, filled or empty, in the sheet's order; rows
 * the user added follow their role's own row; a role kamae does not know
 * (a newer kamae's) is left out. */
static void test_contact_sheet_rows(void **state)
{
	int n_roles;
	const struct contact_role *roles = contacts_roles(&n_roles);
	struct store_contact *stored = calloc(5, sizeof *stored);
	struct contact_sheet sheet;
	(void)state;
	assert_non_null(stored);
	/* Sorted by role, then slot, as the store returns them. */
	stored_row(&stored[0], "customer", 0, "株式会社A", "鈴木");
	stored_row(&stored[1], "customer", 1, "B工業株式会社", "田中");
	stored_row(&stored[2], "customer", 2, "C社", "");
	stored_row(&stored[3], "police", 1, "○○警察署", "生活安全課");
	stored_row(&stored[4], "robot", 0, "", "未知の役割");
	assert_int_equal(contacts_sheet_build(stored, 5, &sheet), 0);
	assert_int_equal(sheet.n, n_roles + 3);
	int at = 0;
	for (int r = 0; r < n_roles; r++) {
		assert_ptr_equal(sheet.rows[at].role, &roles[r]);
		assert_int_equal(sheet.rows[at].c.slot, 0);
		assert_string_equal(sheet.rows[at].c.role, roles[r].key);
		assert_non_null(sheet.rows[at].c.email);
		at++;
		if (strcmp(roles[r].key, "customer") == 0) {
			assert_string_equal(sheet.rows[at - 1].c.company, "株式会社A");
			assert_string_equal(sheet.rows[at].c.company, "B工業株式会社");
			assert_int_equal(sheet.rows[at].c.slot, 1);
			assert_string_equal(sheet.rows[at + 1].c.company, "C社");
			at += 2;
		}
		if (strcmp(roles[r].key, "police") == 0) {
			/* An added row without its role's own row: the own row is empty. */
			assert_string_equal(sheet.rows[at - 1].c.person, "");
			assert_string_equal(sheet.rows[at].c.company, "○○警察署");
			at++;
		}
	}
	assert_int_equal(at, sheet.n);
	assert_string_equal(contacts_sheet_role(&sheet, "customer")->person, "鈴木");
	assert_null(contacts_sheet_role(&sheet, "robot"));
	assert_int_equal(contacts_sheet_next_slot(&sheet, "customer"), 3);
	assert_int_equal(contacts_sheet_next_slot(&sheet, "ceo"), 1);
	assert_true(contacts_has_company(contacts_role("police")));
	assert_false(contacts_has_company(contacts_role("ceo")));
	assert_null(contacts_role("robot"));
	contacts_sheet_free(&sheet);
	assert_int_equal(sheet.n, 0);
	/* Only added rows, the last role's first in the store's order: the
	 * sheet holds exactly its roles and them (ASan checks the bounds). */
	stored = calloc(2, sizeof *stored);
	assert_non_null(stored);
	stored_row(&stored[0], "jpcert", 1, "JPCERT/CC 窓口", "");
	stored_row(&stored[1], "police", 1, "○○警察署", "");
	assert_int_equal(contacts_sheet_build(stored, 2, &sheet), 0);
	assert_int_equal(sheet.n, n_roles + 2);
	assert_string_equal(sheet.rows[sheet.n - 1].c.company, "JPCERT/CC 窓口");
	contacts_sheet_free(&sheet);
}

static void test_contact_roles_and_steps(void **state)
{
	int n, counts[3] = { 0 };
	const struct contact_role *r = contacts_roles(&n);
	(void)state;
	assert_int_equal(n, 12);
	for (int i = 0; i < n; i++) {
		counts[r[i].kind]++;
		assert_true(i == 0 || r[i].kind >= r[i - 1].kind);
		assert_true(strlen(r[i].key) > 0 && strlen(r[i].key) < 32);
		assert_true(r[i].duty[0] != '\0');
		for (int j = 0; j < i; j++)
			assert_string_not_equal(r[i].key, r[j].key);
	}
	assert_int_equal(counts[CONTACT_INTERNAL], 5);
	assert_int_equal(counts[CONTACT_EXTERNAL], 3);
	assert_int_equal(counts[CONTACT_PUBLIC], 4);
	assert_string_equal(r[0].name, "経営者");
	assert_string_equal(r[n - 1].name, "JPCERT/CC");
	const struct contact_step *s = contacts_steps(&n);
	assert_int_equal(n, 5);
	assert_string_equal(s[0].title, "①発見報告");
	assert_string_equal(s[4].title, "⑤最終報告");
	assert_non_null(strstr(s[1].first, "LANケーブルを抜く"));
	assert_non_null(strstr(s[1].first, "電源は切らない"));
	assert_non_null(strstr(contacts_incident_examples(), "\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plan_order, setup, teardown),
		cmocka_unit_test(test_evidence_ages),
		cmocka_unit_test_setup_teardown(test_plan_target_level, setup, teardown),
		cmocka_unit_test_setup_teardown(test_due_dates_spread, setup, teardown),
		cmocka_unit_test_setup_teardown(test_plan_scope, setup, teardown),
		cmocka_unit_test(test_add_months),
		cmocka_unit_test(test_date_valid),
		cmocka_unit_test_setup_teardown(test_bad_today_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stored_action_survives_answer_change, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_default_task, setup, teardown),
		cmocka_unit_test(test_quarters),
		cmocka_unit_test_setup_teardown(test_contacts_missing, setup, teardown),
		cmocka_unit_test(test_contact_roles_and_steps),
		cmocka_unit_test(test_contact_sheet_rows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
