/* export_data: what every export format reads, gathered once from the store, and the wording the Japanese sheets share. */
#ifndef KAMAE_EXPORT_DATA_H
#define KAMAE_EXPORT_DATA_H

#include <stddef.h>
#include "catalog.h"
#include "contacts.h"
#include "plan.h"
#include "score.h"
#include "store.h"

/* Everything the formats read, gathered once so that no format touches the
 * store. Every string is owned by the struct and never NULL once loaded. */
struct export_data {
	const struct catalog *cat;
	struct store_profile profile;
	struct store_answer answers[CATALOG_ITEMS];
	struct score_report now;     /* the answers as they are */
	struct score_report planned; /* as if every plan item were 対策完了 */
	struct plan plan;
	struct contact_sheet sheet;  /* every role's row, and the rows added */
	const char *missing[CONTACTS_MISSING_MAX]; /* contacts_missing() */
	int n_missing;
	char *alt_ordering;          /* No.150 alternative means, "" when unset */
	char *approver;              /* "plan_approver" setting, "" when unset */
	char *approved;              /* "plan_approved" (YYYY-MM-DD), "" when unset */
	char today[11];
	int prev_year;               /* last year's assessment, 0 when none */
	enum answer prev[CATALOG_ITEMS];
};

/* Loads the current assessment of st with its plan (due dates counted from
 * today, YYYY-MM-DD). Returns STORE_OK, STORE_NOT_FOUND when there is no
 * assessment yet, or the store's error (message in store_error(st)). Free
 * with export_data_free, also after an error. */
enum store_status export_data_load(struct export_data *d, const struct catalog *cat,
                                   struct store *st, const char *today, enum plan_scope scope);
void export_data_free(struct export_data *d);

/* Shared wording of the Japanese sheets (constant strings, never freed). */
const char *export_answer_text(enum answer a);         /* 未回答 for NONE */
const char *export_status_text(enum action_status s);  /* 未着手 進行中 完了 */
/* Points of a set such as "8.3/100点（8%）", or 該当なし when every item is
 * not applicable, into buf. */
void export_points(const struct score_tally *t, char *buf, size_t len);
/* A calendar quarter as "2026年4〜6月" into buf; q is 1..4. */
void export_quarter_name(int year, int q, char *buf, size_t len);


#endif
