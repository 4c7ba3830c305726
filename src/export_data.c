/* export_data: what every export format reads, gathered once from the store, and the wording the Japanese sheets share. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_data.h"

/* ---- shared wording ---- */

const char *export_answer_text(enum answer a)
{
	return a == ANSWER_NONE ? "未回答" : answer_label(a);
}

const char *export_status_text(enum action_status s)
{
	switch (s) {
	case ACTION_DOING:
		return "進行中";
	case ACTION_DONE:
		return "完了";
	case ACTION_TODO:
	default:
		return "未着手";
	}
}

void export_points(const struct score_tally *t, char *buf, size_t len)
{
	double scaled = score_scaled(t);
	if (scaled < 0)
		snprintf(buf, len, "該当なし");
	else
		snprintf(buf, len, "%.1f/%d点（%.0f%%）", scaled, t->max, score_percent(t));
}

void export_quarter_name(int year, int q, char *buf, size_t len)
{
	static const char *const months[4] = { "1〜3月", "4〜6月", "7〜9月", "10〜12月" };
	if (q < 1 || q > 4)
		q = 1;
	/* Months, not 第N四半期: a company counting its 年度 from April reads
	 * 第4四半期 as January to March. */
	snprintf(buf, len, "%d年%s", year, months[q - 1]);
}

/* ---- gathering the data ---- */

static enum store_status export_setting(struct store *st, int64_t id, const char *key,
                                        char **out)
{
	enum store_status rc = store_setting_get(st, id, key, out);
	if (rc == STORE_NOT_FOUND) {
		*out = strdup("");
		rc = *out ? STORE_OK : STORE_ERR_IO;
	}
	return rc;
}

static void export_scores(struct export_data *d)
{
	enum answer now[CATALOG_ITEMS], planned[CATALOG_ITEMS];
	for (int i = 0; i < CATALOG_ITEMS; i++)
		now[i] = planned[i] = d->answers[i].value;
	for (int i = 0; i < d->plan.n; i++)
		planned[d->plan.entries[i].item - 1] = ANSWER_DONE;
	score_compute(d->cat, now, d->profile.target_level, &d->now);
	score_compute(d->cat, planned, d->profile.target_level, &d->planned);
}

enum store_status export_data_load(struct export_data *d, const struct catalog *cat,
                                   struct store *st, const char *today, enum plan_scope scope)
{
	enum store_status rc;
	memset(d, 0, sizeof *d);
	d->cat = cat;
	snprintf(d->today, sizeof d->today, "%s", today);
	if ((rc = store_profile_current(st, &d->profile)) != STORE_OK)
		return rc;
	if ((rc = store_answers_load(st, d->profile.id, d->answers)) != STORE_OK)
		return rc;
	if ((rc = plan_build(cat, st, &d->profile, d->answers, today, scope, &d->plan)) != STORE_OK)
		return rc;
	export_scores(d);
	struct store_profile before;
	struct store_answer old[CATALOG_ITEMS];
	if (store_profile_before(st, d->profile.year, &before) == STORE_OK
	    && store_answers_load(st, before.id, old) == STORE_OK) {
		for (int i = 0; i < CATALOG_ITEMS; i++)
			d->prev[i] = old[i].value;
		store_answers_free(old, CATALOG_ITEMS);
		d->prev_year = before.year;
	}
	if ((rc = contacts_sheet_load(st, d->profile.id, &d->sheet)) != STORE_OK)
		return rc;
	if ((rc = export_setting(st, d->profile.id, CONTACTS_ALT_ORDERING_KEY, &d->alt_ordering))
	    != STORE_OK)
		return rc;
	d->n_missing = contacts_missing(d->answers, &d->sheet, d->alt_ordering, d->missing,
	                                CONTACTS_MISSING_MAX);
	if ((rc = export_setting(st, d->profile.id, PLAN_APPROVER_KEY, &d->approver)) != STORE_OK)
		return rc;
	return export_setting(st, d->profile.id, PLAN_APPROVED_KEY, &d->approved);
}

void export_data_free(struct export_data *d)
{
	if (!d)
		return;
	/* Before a successful load the notes are NULL, which free() accepts. */
	store_answers_free(d->answers, CATALOG_ITEMS);
	plan_free(&d->plan);
	contacts_sheet_free(&d->sheet);
	free(d->alt_ordering);
	free(d->approver);
	free(d->approved);
	memset(d, 0, sizeof *d);
}

