/* plan: the improvement plan — which gaps, in which order, with task/owner/due/status. */
#ifndef KAMAE_PLAN_H
#define KAMAE_PLAN_H

#include <stdint.h>
#include "catalog.h"
#include "store.h"

struct plan_entry {
	int item;
	enum answer answer;        /* current answer: IN_PROGRESS, NOT_DONE or NONE */
	int priority;              /* 1 for the 8+11 priority items */
	int stored;                /* 1 when the action row exists in the store */
	struct store_action action; /* task/owner/due/status/memo; defaults filled
	                               in when not stored (owned by the plan) */
};

struct plan {
	struct plan_entry *entries; /* in plan order */
	int n;
	/* Answers whose evidence needs writing or renewing (assessment_evidence:
	 * no note, no reason for 該当なし, last year's or a stale note), flow order. */
	int *evidence_missing;      /* item numbers */
	int *evidence_issue;        /* enum evidence_issue of each */
	int n_missing;
};

/* Builds the plan of one assessment: every item up to the target level (and
 * any Lv3 item answered 対策中/未実施 when the target is lower) that is
 * 対策中, 未実施 or unanswered; priority items first in brochure order, then
 * the rest of Lv1, Lv2, Lv3 by number. Stored actions are kept whatever the
 * answer became; missing ones get the default task and due date counted from
 * today (YYYY-MM-DD). Returns STORE_OK, STORE_ERR_INVALID for a bad today,
 * or the store's error; free the plan with plan_free (also after an error). */
enum store_status plan_build(const struct catalog *cat, struct store *st,
                             const struct store_profile *p,
                             const struct store_answer answers[CATALOG_ITEMS],
                             const char *today, struct plan *out);
void plan_free(struct plan *pl);

/* Months until the default due date: 3 for priority items, 6 for the rest of
 * Lv1, 12 for Lv2 and Lv3. */
int plan_due_months(const struct catalog *cat, int item);
/* today + months, clamped to the month's last day, as YYYY-MM-DD into out;
 * "" when today is not a valid date. */
void plan_add_months(const char *today, int months, char out[11]);
/* 1 when s is a real date YYYY-MM-DD. */
int plan_date_valid(const char *s);
/* The default task text (malloc'd, caller frees; NULL when out of range or
 * out of memory): the item's condition turned into an action, plus the
 * coach's "typical" text (which also says what a shared condition's higher
 * level adds). */
char *plan_default_task(const struct catalog *cat, int item);
/* Today as YYYY-MM-DD (local time). */
void plan_today(char out[11]);

/* Counts of open tasks per calendar quarter of their due date, for the
 * boss's head section, from the quarter of today (YYYY-MM-DD) on. out[k]
 * counts quarter k from first_year/first_q; later ones fold into the last
 * quarter shown. Open tasks due before today are counted in *overdue, not
 * in a quarter. Returns the number of quarters (at most max). */
int plan_quarters(const struct plan *pl, const char *today, int counts[], int max,
                  int *first_year, int *first_q, int *overdue);

#endif
