/* plan: the improvement plan — which gaps, in which order, with task/owner/due/status. */
#ifndef KAMAE_PLAN_H
#define KAMAE_PLAN_H

#include <stdint.h>
#include "assessment.h"
#include "catalog.h"
#include "date.h"
#include "store.h"

/* The plan's three phases, after IPA's advice and the brochure: the
 * priority 8+11 items first, then the rest of Lv1, then Lv2 up to the
 * target (and Lv3 when targeted or started). */
#define PLAN_PHASES 3
enum plan_phase { PLAN_PHASE_PRIORITY = 1, PLAN_PHASE_LV1 = 2, PLAN_PHASE_TARGET = 3 };

/* Settings of the plan's sign-off, set on the plan screen. */
#define PLAN_APPROVER_KEY "plan_approver"
#define PLAN_APPROVED_KEY "plan_approved"

/* How far a plan reaches (kamae export --plan-scope). */
enum plan_scope { PLAN_SCOPE_TARGET = 0, PLAN_SCOPE_LV1, PLAN_SCOPE_PRIORITY };

struct plan_entry {
	int item;
	enum answer answer;        /* current answer: IN_PROGRESS, NOT_DONE, DONE
	                              (evidence to write) or NONE (a stored task) */
	int priority;              /* 1 for the 8+11 priority items */
	int phase;                 /* enum plan_phase */
	enum evidence_issue evidence; /* for a 対策完了: why its evidence is the task */
	int stored;                /* 1 when the action row exists in the store */
	struct store_action action; /* task/owner/due/status/memo; defaults filled
	                               in when not stored (owned by the plan) */
};

struct plan {
	struct plan_entry *entries; /* by phase, then due date, then flow order */
	int n;
	enum plan_scope scope;
	/* Answers whose evidence needs writing or renewing (assessment_evidence:
	 * no note, no reason for 該当なし, last year's or a stale note), flow order. */
	int *evidence_missing;      /* item numbers */
	int *evidence_issue;        /* enum evidence_issue of each */
	int n_missing;
	/* Unanswered items in scope that are not tasks: one line per level
	 * ("Lv2 未回答 62 項目：まず回答を"), not 62 tasks. */
	int unanswered[CATALOG_LEVELS];
	int phase_tasks[PLAN_PHASES];          /* tasks per phase */
	char phase_from[PLAN_PHASES][11];      /* each phase's window for new tasks */
	char phase_to[PLAN_PHASES][11];
};

/* Builds the plan of one assessment within scope. Tasks are the answered
 * gaps (対策中, 未実施) up to the target level (and any Lv3 item answered so
 * when the target is lower), the 対策完了 answers whose evidence is missing
 * or stale, and any task the user stored; unanswered items are counted per
 * level instead. Each task gets a phase; a task not stored yet gets the
 * default text, the coach's owner, and a due date spread over its phase's
 * window by the coach's effort (cheapest first, no weekend), so that no day
 * or month carries dozens. Returns STORE_OK, STORE_ERR_INVALID for a bad
 * today (YYYY-MM-DD), or the store's error; free the plan with plan_free
 * (also after an error). */
enum store_status plan_build(const struct catalog *cat, struct store *st,
                             const struct store_profile *p,
                             const struct store_answer answers[CATALOG_ITEMS],
                             const char *today, enum plan_scope scope, struct plan *out);
void plan_free(struct plan *pl);
/* Answers whose evidence is to write or renew, tasks and the rest alike:
 * the figure kamae summary gives too. */
int plan_evidence_count(const struct plan *pl);
/* The open tasks due first (by date, then plan order), at most max, into
 * out; returns how many. */
#define PLAN_FIRST_TASKS 5
int plan_first_tasks(const struct plan *pl, const struct plan_entry *out[], int max);
/* A task as printed in a table: its first paragraph (the default's worked
 * example stays on screen), cut at 120 characters with an ellipsis. */
void plan_task_headline(const char *task, char *buf, size_t len);

/* The phase of an item: priority, the rest of Lv1, or beyond. */
int plan_phase_of(const struct catalog *cat, int item);
/* The phase's name for paper, e.g. 第1期（優先 8+11 項目）. */
const char *plan_phase_name(int phase);
/* Months after today when a phase's window starts and ends: 0-3, 3-6, 6-12. */
int plan_phase_start_months(int phase);
int plan_phase_end_months(int phase);
/* "priority", "lv1" or "target" into *out; -1 for anything else. */
int plan_scope_parse(const char *s, enum plan_scope *out);
/* The default task text (malloc'd, caller frees; NULL when out of range or
 * out of memory): the item's condition turned into an action, plus the
 * coach's "typical" text (which also says what a shared condition's higher
 * level adds). */
char *plan_default_task(const struct catalog *cat, int item);
/* The default task of a 対策完了 whose evidence is missing or stale
 * (malloc'd, caller frees). */
char *plan_evidence_task(const struct catalog *cat, int item, enum evidence_issue issue);

/* Counts of open tasks per calendar quarter of their due date, for the
 * boss's head section, from the quarter of today (YYYY-MM-DD) on. out[k]
 * counts quarter k from first_year/first_q; later ones fold into the last
 * quarter shown. Open tasks due before today are counted in *overdue, not
 * in a quarter. Returns the number of quarters (at most max). */
int plan_quarters(const struct plan *pl, const char *today, int counts[], int max,
                  int *first_year, int *first_q, int *overdue);

#endif
