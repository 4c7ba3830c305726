/* assessment: the rules across years — which answers moved since last year. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdio.h>
#include <string.h>

#include "assessment.h"

int assessment_finished(const enum answer now[CATALOG_ITEMS], const enum answer before[CATALOG_ITEMS],
                        int out[CATALOG_ITEMS])
{
	int n = 0;
	for (int i = 0; i < CATALOG_ITEMS; i++)
		if (now[i] == ANSWER_DONE && before[i] != ANSWER_DONE && before[i] != ANSWER_NA)
			out[n++] = i + 1;
	return n;
}

/* Blank or white space only. */
static int note_empty(const char *note)
{
	for (const char *p = note ? note : ""; *p; p++)
		if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r')
			return 0;
	return 1;
}

/* 1 when the ISO date (YYYY-MM-DD...) `when` lies more than twelve months
 * before `today`: both compared as YYYY-MM-DD, a year earlier. */
static int older_than_a_year(const char *when, const char *today)
{
	int y, m, d;
	char limit[32];
	if (!when || strlen(when) < 10 || sscanf(today, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return 0;
	snprintf(limit, sizeof limit, "%04d-%02d-%02d", y - 1, m % 100, d % 100);
	return strncmp(when, limit, 10) < 0;
}

enum evidence_issue assessment_evidence(const struct store_answer *a, const char *today)
{
	if (a->value == ANSWER_NA)
		return note_empty(a->note) ? EVIDENCE_NA_REASON : EVIDENCE_OK;
	if (a->value != ANSWER_DONE)
		return EVIDENCE_OK;
	if (note_empty(a->note))
		return EVIDENCE_MISSING;
	if (a->note_carried)
		return EVIDENCE_CARRIED;
	return older_than_a_year(a->note_updated, today) ? EVIDENCE_OLD : EVIDENCE_OK;
}

const char *assessment_evidence_label(enum evidence_issue issue)
{
	switch (issue) {
	case EVIDENCE_MISSING: return "根拠が未記入";
	case EVIDENCE_NA_REASON: return "該当なしの理由が未記入";
	case EVIDENCE_CARRIED: return "根拠の更新が必要（前年度のまま）";
	case EVIDENCE_OLD: return "根拠の更新が必要（1年以上前）";
	case EVIDENCE_OK: break;
	}
	return "";
}

int assessment_moved(const enum answer now[CATALOG_ITEMS], const enum answer before[CATALOG_ITEMS],
                     int better, int out[CATALOG_ITEMS])
{
	int n = 0;
	for (int i = 0; i < CATALOG_ITEMS; i++) {
		enum answer a = now[i], b = before[i];
		if (a == ANSWER_NONE || b == ANSWER_NONE || a == ANSWER_NA || b == ANSWER_NA)
			continue;
		int diff = answer_points(a) - answer_points(b);
		if (better ? diff > 0 : diff < 0)
			out[n++] = i + 1;
	}
	return n;
}
