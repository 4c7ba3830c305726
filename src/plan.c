/* plan: the improvement plan — which gaps, in which order, with task/owner/due/status. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assessment.h"
#include "plan.h"

/* ---- dates ---- */

static int plan_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int plan_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && plan_leap(y) ? 29 : days[m - 1];
}

static int plan_digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* Splits a strict YYYY-MM-DD; 0 on success. Years before 1900 are refused:
 * nobody plans a security task then, and it keeps tm_year arithmetic simple. */
static int plan_date_parse(const char *s, int *y, int *m, int *d)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	if (plan_digits(s, 4, y) || plan_digits(s + 5, 2, m) || plan_digits(s + 8, 2, d))
		return -1;
	if (*y < 1900 || *m < 1 || *m > 12 || *d < 1 || *d > plan_days_in_month(*y, *m))
		return -1;
	return 0;
}

int plan_date_valid(const char *s)
{
	int y, m, d;
	return plan_date_parse(s, &y, &m, &d) == 0;
}

void plan_add_months(const char *today, int months, char out[11])
{
	int y, m, d;
	out[0] = '\0';
	if (plan_date_parse(today, &y, &m, &d) != 0)
		return;
	int index = y * 12 + (m - 1) + months;
	y = index / 12;
	m = index % 12 + 1;
	/* 31 Jan + 1 month is the last day of February, not early March. */
	if (d > plan_days_in_month(y, m))
		d = plan_days_in_month(y, m);
	if (y > 9999)
		return;
	/* The modulo tells the compiler what the checks above already ensure. */
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
	         (unsigned)d % 100u);
}

void plan_today(char out[11])
{
	time_t now = time(NULL);
	struct tm tm;
	if (!localtime_r(&now, &tm) || strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		snprintf(out, 11, "1970-01-01");
}

int plan_due_months(const struct catalog *cat, int item)
{
	const struct catalog_item *it = catalog_item(cat, item);
	if (catalog_is_priority(cat, item))
		return 3;
	return it && it->level == 1 ? 6 : 12;
}

/* ---- the default task text ---- */

/* How a 達成条件 (a state: 「…している」) ends, and the action that replaces
 * the ending (「…する」). Longest endings first; the first match wins. */
static const struct {
	const char *state;
	const char *action;
} plan_endings[] = {
	{ "されていること", "されるようにする" },
	{ "していること", "する" },
	{ "規定があること", "規定を設ける" },
	{ "記録がある", "記録を残す" },
	{ "されている", "されるようにする" },
	{ "できている", "できるようにする" },
	{ "なっている", "なるようにする" },
	{ "行っている", "行う" },
	{ "見直している", "見直す" },
	{ "している", "する" },
	/* Ichidan verbs: 定めている, 設けている, 講じている, 得ている... */
	{ "ている", "る" },
};

static int plan_ends_with(const char *s, size_t len, const char *suffix)
{
	size_t n = strlen(suffix);
	return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

static size_t plan_trim_end(const char *s, size_t len)
{
	for (;;) {
		if (len && (s[len - 1] == ' ' || s[len - 1] == '\n' || s[len - 1] == '\t'))
			len--;
		else if (plan_ends_with(s, len, "。") || plan_ends_with(s, len, "　"))
			len -= strlen("。");
		else
			return len;
	}
}

/* Where a trailing parenthesis such as 「（クラウドサービス利用も含む）」
 * starts, so that the verb before it can be turned round; len when none. */
static size_t plan_tail_start(const char *s, size_t len)
{
	int depth = 0;
	size_t i = len;
	if (!plan_ends_with(s, len, ")") && !plan_ends_with(s, len, "）"))
		return len;
	while (i > 0) {
		if (plan_ends_with(s, i, ")") || plan_ends_with(s, i, "）")) {
			depth++;
			i -= s[i - 1] == ')' ? 1 : strlen("）");
		} else if (plan_ends_with(s, i, "(") || plan_ends_with(s, i, "（")) {
			i -= s[i - 1] == '(' ? 1 : strlen("（");
			if (--depth == 0)
				return i;
		} else {
			i--;
		}
	}
	return len;
}

/* One clause as an action (malloc'd), or NULL when no ending matches. */
static char *plan_clause_action(const char *cond, size_t len)
{
	len = plan_trim_end(cond, len);
	size_t tail = plan_tail_start(cond, len);
	size_t head = tail;
	while (head && cond[head - 1] == ' ')
		head--;
	for (size_t k = 0; k < sizeof plan_endings / sizeof plan_endings[0]; k++) {
		if (!plan_ends_with(cond, head, plan_endings[k].state))
			continue;
		size_t stem = head - strlen(plan_endings[k].state);
		size_t alen = strlen(plan_endings[k].action);
		char *out = malloc(stem + alen + (len - tail) + 1);
		if (!out)
			return NULL;
		memcpy(out, cond, stem);
		memcpy(out + stem, plan_endings[k].action, alen);
		memcpy(out + stem + alen, cond + tail, len - tail);
		out[stem + alen + len - tail] = '\0';
		return out;
	}
	return NULL;
}

/* The condition as actions, each clause ending in 「。」 (malloc'd), or NULL
 * when a clause does not end like a state. A few conditions are several
 * clauses separated by a space: 「…共有している …整備している」. */
static char *plan_condition_action(const char *cond)
{
	size_t n = strlen(cond), start = 0, used = 0;
	/* Each clause grows by at most the longest action and 「。」. */
	char *out = malloc(n * 2 + 64);
	if (!out)
		return NULL;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && !(cond[i] == ' ' && plan_ends_with(cond, i, "いる")))
			continue;
		char *clause = plan_clause_action(cond + start, i - start);
		if (!clause || used + strlen(clause) + strlen("。") + 1 > n * 2 + 64) {
			free(clause);
			free(out);
			return NULL;
		}
		used += (size_t)sprintf(out + used, "%s。", clause);
		free(clause);
		start = i + 1;
	}
	return out;
}

static char *plan_join(const char *a, const char *b, const char *c, const char *d)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + strlen(d) + 1;
	char *out = malloc(n);
	if (out)
		snprintf(out, n, "%s%s%s%s", a, b, c, d);
	return out;
}

char *plan_default_task(const struct catalog *cat, int item)
{
	const struct catalog_item *it = catalog_item(cat, item);
	const struct catalog_coach *coach = catalog_coach(cat, item);
	if (!it || !coach)
		return NULL;
	char *action = plan_condition_action(it->condition);
	char *first = action ? action : plan_join("次の達成条件を満たす: ", it->condition, "", "");
	if (!first)
		return NULL;
	/* The coach's typical way says what a shared condition's higher level adds too. */
	char *task = plan_join(first, "\n進め方の例: ", coach->typical, "");
	free(first);
	return task;
}

/* ---- building the plan ---- */

/* Priority items in brochure order, then the rest of Lv1, Lv2, Lv3 by
 * number: the order of the plan and of the wizard. Returns 153. */
static int plan_flow_order(const struct catalog *cat, int out[CATALOG_ITEMS])
{
	int n = catalog_priority_items(cat, out);
	for (int lv = 1; lv <= CATALOG_LEVELS; lv++)
		for (int no = 1; no <= CATALOG_ITEMS; no++)
			if (cat->items[no - 1].level == lv && !catalog_is_priority(cat, no))
				out[n++] = no;
	return n;
}

static int plan_wants(const struct catalog_item *it, enum answer a, int target)
{
	if (a == ANSWER_DONE || a == ANSWER_NA)
		return 0;
	if (it->level <= target)
		return 1;
	/* Above the target only what the company itself started or flagged. */
	return a == ANSWER_IN_PROGRESS || a == ANSWER_NOT_DONE;
}

static enum store_status plan_defaults(const struct catalog *cat, int item, const char *today,
                                       struct store_action *a)
{
	a->item = item;
	a->task = plan_default_task(cat, item);
	a->owner = strdup("");
	a->memo = strdup("");
	a->status = ACTION_TODO;
	plan_add_months(today, plan_due_months(cat, item), a->due);
	if (!a->task || !a->owner || !a->memo) {
		store_action_clear(a);
		return STORE_ERR_IO;
	}
	return STORE_OK;
}

static enum store_status plan_add_entry(const struct catalog *cat, struct store *st,
                                        const struct store_profile *p, int item,
                                        enum answer a, const char *today,
                                        struct plan_entry *e)
{
	memset(e, 0, sizeof *e);
	e->item = item;
	e->answer = a;
	e->priority = catalog_is_priority(cat, item);
	enum store_status rc = store_action_get(st, p->id, item, &e->action);
	if (rc == STORE_OK) {
		e->stored = 1;
		return STORE_OK;
	}
	if (rc != STORE_NOT_FOUND)
		return rc;
	return plan_defaults(cat, item, today, &e->action);
}

enum store_status plan_build(const struct catalog *cat, struct store *st,
                             const struct store_profile *p,
                             const struct store_answer answers[CATALOG_ITEMS],
                             const char *today, struct plan *out)
{
	int order[CATALOG_ITEMS];
	int n = plan_flow_order(cat, order);
	memset(out, 0, sizeof *out);
	if (!plan_date_valid(today))
		return STORE_ERR_INVALID;
	out->entries = calloc(CATALOG_ITEMS, sizeof *out->entries);
	out->evidence_missing = calloc(CATALOG_ITEMS, sizeof *out->evidence_missing);
	out->evidence_issue = calloc(CATALOG_ITEMS, sizeof *out->evidence_issue);
	if (!out->entries || !out->evidence_missing || !out->evidence_issue) {
		plan_free(out);
		return STORE_ERR_IO;
	}
	for (int k = 0; k < n; k++) {
		int no = order[k];
		enum answer a = answers[no - 1].value;
		enum evidence_issue issue = assessment_evidence(&answers[no - 1], today);
		if (issue != EVIDENCE_OK) {
			out->evidence_issue[out->n_missing] = issue;
			out->evidence_missing[out->n_missing++] = no;
		}
		if (!plan_wants(&cat->items[no - 1], a, p->target_level))
			continue;
		enum store_status rc = plan_add_entry(cat, st, p, no, a, today,
		                                      &out->entries[out->n]);
		if (rc != STORE_OK) {
			plan_free(out);
			return rc;
		}
		out->n++;
	}
	return STORE_OK;
}

void plan_free(struct plan *pl)
{
	if (!pl)
		return;
	for (int i = 0; pl->entries && i < pl->n; i++)
		store_action_clear(&pl->entries[i].action);
	free(pl->entries);
	free(pl->evidence_missing);
	free(pl->evidence_issue);
	memset(pl, 0, sizeof *pl);
}

/* ---- the boss's summary ---- */

/* Quarter index (year × 4 + 0..3) of an open, dated task; -1 otherwise. */
static int open_task_quarter(const struct store_action *a)
{
	int y, m, d;
	if (a->status == ACTION_DONE || plan_date_parse(a->due, &y, &m, &d) != 0)
		return -1;
	return y * 4 + (m - 1) / 3;
}

int plan_quarters(const struct plan *pl, const char *today, int counts[], int max,
                  int *first_year, int *first_q, int *overdue)
{
	int y, m, d, lo, hi = -1;
	*first_year = *first_q = *overdue = 0;
	if (max <= 0 || plan_date_parse(today, &y, &m, &d) != 0)
		return 0;
	lo = y * 4 + (m - 1) / 3;
	for (int i = 0; i < pl->n; i++) {
		const struct store_action *a = &pl->entries[i].action;
		int q = open_task_quarter(a);
		if (q < 0)
			continue;
		if (strcmp(a->due, today) < 0)
			(*overdue)++;
		else if (q > hi)
			hi = q;
	}
	if (hi < 0)
		return 0;
	int nq = hi - lo + 1 > max ? max : hi - lo + 1;
	memset(counts, 0, (size_t)nq * sizeof counts[0]);
	for (int i = 0; i < pl->n; i++) {
		const struct store_action *a = &pl->entries[i].action;
		int q = open_task_quarter(a);
		if (q < 0 || strcmp(a->due, today) < 0)
			continue;
		counts[q - lo < nq ? q - lo : nq - 1]++;
	}
	*first_year = lo / 4;
	*first_q = lo % 4 + 1;
	return nq;
}
