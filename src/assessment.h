/* assessment: the rules across years — which answers moved since last year. */
#ifndef KAMAE_ASSESSMENT_H
#define KAMAE_ASSESSMENT_H

#include "answer.h"
#include "catalog.h"
#include "store.h"

/* Fills out[] with the items 対策完了 now that were not last year (対策中,
 * 未実施 or unanswered then): the work finished since; returns how many. */
int assessment_finished(const enum answer now[CATALOG_ITEMS], const enum answer before[CATALOG_ITEMS],
                        int out[CATALOG_ITEMS]);

/* What the evidence of an answer still needs, most urgent first. */
enum evidence_issue {
	EVIDENCE_OK = 0,
	EVIDENCE_MISSING,     /* 対策完了 with no note */
	EVIDENCE_NA_REASON,   /* 該当なし with no reason */
	EVIDENCE_CARRIED,     /* 対策完了 whose note is last year's, unchanged */
	EVIDENCE_OLD,         /* 対策完了 whose note is older than 12 months */
};

/* The issue of one answer on `today` (YYYY-MM-DD): 根拠の更新が必要 when the
 * note of a 対策完了 was carried unchanged or is over 12 months old. */
enum evidence_issue assessment_evidence(const struct store_answer *a, const char *today);
/* A short Japanese label of an issue for lists and paper ("" for OK). */
const char *assessment_evidence_label(enum evidence_issue issue);

/* Fills out[] with the items answered both years (neither 該当なし) whose
 * points rose (better) or fell (!better) since `before`, in item order;
 * returns how many. */
int assessment_moved(const enum answer now[CATALOG_ITEMS], const enum answer before[CATALOG_ITEMS],
                     int better, int out[CATALOG_ITEMS]);

#endif
