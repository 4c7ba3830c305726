/* plan: the improvement plan — which gaps, in which order, with task/owner/due/status. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assessment.h"
#include "plan.h"
#include "text.h"

/* ---- phases ---- */

int plan_phase_of(const struct catalog *cat, int item)
{
	const struct catalog_item *it = catalog_item(cat, item);
	if (catalog_is_priority(cat, item))
		return PLAN_PHASE_PRIORITY;
	return it && it->level == 1 ? PLAN_PHASE_LV1 : PLAN_PHASE_TARGET;
}

const char *plan_phase_name(int phase)
{
	switch (phase) {
	case PLAN_PHASE_PRIORITY: return "第1期（優先 8+11 項目）";
	case PLAN_PHASE_LV1: return "第2期（レベル1の残り）";
	default: return "第3期（目標レベルまで）";
	}
}

int plan_phase_start_months(int phase)
{
	return phase == PLAN_PHASE_PRIORITY ? 0 : phase == PLAN_PHASE_LV1 ? 3 : 6;
}

int plan_phase_end_months(int phase)
{
	return phase == PLAN_PHASE_PRIORITY ? 3 : phase == PLAN_PHASE_LV1 ? 6 : 12;
}

int plan_scope_parse(const char *s, enum plan_scope *out)
{
	if (strcmp(s, "target") == 0)
		*out = PLAN_SCOPE_TARGET;
	else if (strcmp(s, "lv1") == 0)
		*out = PLAN_SCOPE_LV1;
	else if (strcmp(s, "priority") == 0)
		*out = PLAN_SCOPE_PRIORITY;
	else
		return -1;
	return 0;
}

static int plan_scope_phases(enum plan_scope scope)
{
	return scope == PLAN_SCOPE_PRIORITY ? 1 : scope == PLAN_SCOPE_LV1 ? 2 : PLAN_PHASES;
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

/* The first sentence of a coach text (up to and with its first 。). */
static char *plan_first_sentence(const char *s)
{
	const char *end = strstr(s, "。");
	size_t n = end ? (size_t)(end - s) + strlen("。") : strlen(s);
	return strndup(s, n);
}

char *plan_evidence_task(const struct catalog *cat, int item, enum evidence_issue issue)
{
	const struct catalog_coach *coach = catalog_coach(cat, item);
	if (!coach)
		return NULL;
	char *what = plan_first_sentence(coach->evidence_done);
	if (!what)
		return NULL;
	const char *lead = issue == EVIDENCE_CARRIED ? "評価の根拠を今年度の内容に書き直す。"
	                   : issue == EVIDENCE_OLD  ? "評価の根拠を見直して新しくする。"
	                                            : "評価の根拠（文書や記録の名前と日付）を書く。";
	char *task = plan_join(lead, what, "", "");
	free(what);
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

/* Why an item is a task: an answered gap, or a 対策完了 whose evidence
 * is missing or stale; 0 when it is not one (unanswered items are counted,
 * not listed, unless the user stored a task for them). */
static int plan_wants(const struct catalog_item *it, const struct store_answer *a, int target,
                      enum evidence_issue issue)
{
	if (a->value == ANSWER_DONE)
		return it->level <= target && issue != EVIDENCE_OK && issue != EVIDENCE_NA_REASON;
	/* Above the target only what the company itself started or flagged. */
	return a->value == ANSWER_IN_PROGRESS || a->value == ANSWER_NOT_DONE;
}

static enum store_status plan_defaults(const struct catalog *cat, int item,
                                       enum evidence_issue issue, struct store_action *a)
{
	char owner[256];
	a->item = item;
	a->task = issue != EVIDENCE_OK ? plan_evidence_task(cat, item, issue)
	                               : plan_default_task(cat, item);
	catalog_owner_text(cat, catalog_coach(cat, item), owner, sizeof owner);
	a->owner = strdup(owner);
	a->memo = strdup("");
	a->status = ACTION_TODO;
	a->due[0] = '\0';   /* spread over the phase once every task is known */
	if (!a->task || !a->owner || !a->memo) {
		store_action_clear(a);
		return STORE_ERR_IO;
	}
	return STORE_OK;
}

/* Adds the item's entry: its stored action, or (make_default) the default
 * one. *added tells whether an entry was made. */
static enum store_status plan_add_entry(const struct catalog *cat, struct store *st,
                                        const struct store_profile *p, int item,
                                        const struct store_answer *ans, enum evidence_issue issue,
                                        int make_default, struct plan *pl, int *added)
{
	struct plan_entry *e = &pl->entries[pl->n];
	memset(e, 0, sizeof *e);
	*added = 0;
	/* A 対策完了's task is its evidence: a note to write, not the task
	 * stored while it was a gap (kept in the store, shown again should
	 * the answer fall back). */
	enum store_status rc = ans->value == ANSWER_DONE
	                       ? STORE_NOT_FOUND : store_action_get(st, p->id, item, &e->action);
	if (rc == STORE_OK) {
		e->stored = 1;
	} else if (rc != STORE_NOT_FOUND) {
		return rc;
	} else if (!make_default) {
		return STORE_OK;
	} else if ((rc = plan_defaults(cat, item, issue, &e->action)) != STORE_OK) {
		return rc;
	}
	e->item = item;
	e->answer = ans->value;
	e->priority = catalog_is_priority(cat, item);
	e->phase = plan_phase_of(cat, item);
	e->evidence = ans->value == ANSWER_DONE ? issue : EVIDENCE_OK;
	pl->n++;
	*added = 1;
	return STORE_OK;
}

/* An item's weight in its phase: the coach's 手間, 1 (cheapest) to 4. */
static int plan_item_weight(const struct catalog *cat, int no)
{
	const struct catalog_coach *c = catalog_coach(cat, no);
	return c && c->effort >= 1 && c->effort <= 4 ? c->effort : 1;
}

/* A day nobody would be asked to finish a task on: a weekend, or the days
 * most factories close (年末年始 12/29-1/3, the May holidays 5/3-5/5, お盆
 * 8/13-8/16). */
static int plan_closed(long day)
{
	char iso[11];
	int y, m, d;
	long weekday = ((day % 7) + 7 + 4) % 7;   /* 0 = Sunday; day 0, 1970-01-01, was a Thursday */
	if (weekday == 0 || weekday == 6)
		return 1;
	date_from_day(day, iso);
	if (date_parse(iso, &y, &m, &d) != 0)
		return 0;
	return (m == 12 && d >= 29) || (m == 1 && d <= 3) || (m == 5 && d >= 3 && d <= 5)
	       || (m == 8 && d >= 13 && d <= 16);
}

/* Spreads each phase's open days evenly over the phase's items of the
 * catalog, cheapest first by the coach's 手間 (then in the flow's order):
 * every item has its own due day, and a task takes its item's. Answering another item,
 * or saving a task, never moves a task's date; no day or month carries
 * dozens, because the window holds every item the phase could have. Stored
 * tasks keep their own dates. */
static void plan_spread_dues(const struct catalog *cat, struct plan *pl, const char *today,
                             const int *order, int n)
{
	long due[CATALOG_ITEMS + 1] = { 0 };
	for (int ph = 1; ph <= PLAN_PHASES; ph++) {
		char from[11], to[11];
		date_add_months(today, plan_phase_start_months(ph), from);
		date_add_months(today, plan_phase_end_months(ph), to);
		snprintf(pl->phase_from[ph - 1], 11, "%s", from);
		snprintf(pl->phase_to[ph - 1], 11, "%s", to);
		/* The open days of the window, after its start up to its end. */
		long open[400], start = date_day(from), end = date_day(to), total = 0, spent = 0;
		int n_open = 0;
		for (long day = start + 1; day <= end && n_open < 400; day++)
			if (!plan_closed(day))
				open[n_open++] = day;
		for (int k = 0; k < n; k++)
			total += plan_phase_of(cat, order[k]) == ph;
		for (int w = 1; w <= 4 && total && n_open; w++)
			for (int k = 0; k < n; k++) {
				int no = order[k];
				if (plan_phase_of(cat, no) != ph || plan_item_weight(cat, no) != w)
					continue;
				spent++;
				due[no] = open[(n_open * spent + total - 1) / total - 1];
			}
	}
	for (int i = 0; i < pl->n; i++)
		if (!pl->entries[i].stored)
			date_from_day(due[pl->entries[i].item], pl->entries[i].action.due);
}

/* Phase, then due date (undated last), then the flow order. */
static int plan_entry_cmp(const void *pa, const void *pb)
{
	const struct plan_entry *a = pa, *b = pb;
	if (a->phase != b->phase)
		return a->phase - b->phase;
	int ad = a->action.due[0] != '\0', bd = b->action.due[0] != '\0';
	if (ad != bd)
		return bd - ad;
	return strcmp(a->action.due, b->action.due);
}

enum store_status plan_build(const struct catalog *cat, struct store *st,
                             const struct store_profile *p,
                             const struct store_answer answers[CATALOG_ITEMS],
                             const char *today, enum plan_scope scope, struct plan *out)
{
	int order[CATALOG_ITEMS], rank[CATALOG_ITEMS + 1];
	int n = plan_flow_order(cat, order);
	memset(out, 0, sizeof *out);
	out->scope = scope;
	if (!date_valid(today))
		return STORE_ERR_INVALID;
	out->entries = calloc(CATALOG_ITEMS, sizeof *out->entries);
	out->evidence_missing = calloc(CATALOG_ITEMS, sizeof *out->evidence_missing);
	out->evidence_issue = calloc(CATALOG_ITEMS, sizeof *out->evidence_issue);
	if (!out->entries || !out->evidence_missing || !out->evidence_issue) {
		plan_free(out);
		return STORE_ERR_IO;
	}
	for (int k = 0; k < n; k++) {
		int no = order[k], added = 0;
		const struct catalog_item *it = &cat->items[no - 1];
		const struct store_answer *a = &answers[no - 1];
		enum evidence_issue issue = assessment_evidence(a, today);
		int in_scope = plan_phase_of(cat, no) <= plan_scope_phases(scope);
		rank[no] = k;
		enum store_status rc = STORE_OK;
		if (in_scope && (plan_wants(it, a, p->target_level, issue) || a->value == ANSWER_NONE))
			rc = plan_add_entry(cat, st, p, no, a, issue, a->value != ANSWER_NONE, out, &added);
		if (rc != STORE_OK) {
			plan_free(out);
			return rc;
		}
		if (in_scope && !added && a->value == ANSWER_NONE && it->level <= p->target_level)
			out->unanswered[it->level - 1]++;
		if (issue != EVIDENCE_OK && !added) {
			out->evidence_issue[out->n_missing] = issue;
			out->evidence_missing[out->n_missing++] = no;
		}
	}
	plan_spread_dues(cat, out, today, order, n);
	/* A plain exchange sort (at most 153 tasks): ties keep the flow order. */
	for (int i = 0; i < out->n; i++)
		for (int j = i + 1; j < out->n; j++) {
			struct plan_entry *a = &out->entries[i], *b = &out->entries[j];
			int c = plan_entry_cmp(a, b);
			if (c > 0 || (c == 0 && rank[a->item] > rank[b->item])) {
				struct plan_entry t = *a;
				*a = *b;
				*b = t;
			}
		}
	for (int i = 0; i < out->n; i++)
		out->phase_tasks[out->entries[i].phase - 1]++;
	return STORE_OK;
}

int plan_evidence_count(const struct plan *pl)
{
	int n = pl->n_missing;
	for (int i = 0; i < pl->n; i++)
		n += pl->entries[i].evidence != EVIDENCE_OK;
	return n;
}

int plan_first_tasks(const struct plan *pl, const struct plan_entry *out[], int max)
{
	int n = 0;
	for (int i = 0; i < pl->n; i++) {
		const struct plan_entry *e = &pl->entries[i];
		if (e->action.status == ACTION_DONE || !date_valid(e->action.due))
			continue;
		/* Into the first max by date; ties keep the plan's order. */
		int k = n;
		while (k > 0 && strcmp(out[k - 1]->action.due, e->action.due) > 0)
			k--;
		if (k >= max)
			continue;
		for (int j = n < max ? n : max - 1; j > k; j--)
			out[j] = out[j - 1];
		out[k] = e;
		if (n < max)
			n++;
	}
	return n;
}

void plan_task_headline(const char *task, char *buf, size_t len)
{
	char first[1024];
	const char *nl = strchr(task ? task : "", '\n');
	size_t n = nl ? (size_t)(nl - task) : strlen(task ? task : "");
	snprintf(first, sizeof first, "%.*s", (int)(n < sizeof first - 1 ? n : sizeof first - 1),
	         task ? task : "");
	text_truncate(first, 240, 1, buf, len);
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
	if (a->status == ACTION_DONE || date_parse(a->due, &y, &m, &d) != 0)
		return -1;
	return y * 4 + (m - 1) / 3;
}

int plan_quarters(const struct plan *pl, const char *today, int counts[], int max,
                  int *first_year, int *first_q, int *overdue)
{
	int y, m, d, lo, hi = -1;
	*first_year = *first_q = *overdue = 0;
	if (max <= 0 || date_parse(today, &y, &m, &d) != 0)
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
