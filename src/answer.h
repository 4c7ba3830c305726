/* answer: the four checksheet answers plus "unanswered", their keys and labels. */
#ifndef KAMAE_ANSWER_H
#define KAMAE_ANSWER_H

enum answer {
	ANSWER_NONE = -1,        /* not answered yet */
	ANSWER_NOT_DONE = 0,     /* 未実施, 0 points */
	ANSWER_IN_PROGRESS = 1,  /* 対策中, 1 point */
	ANSWER_DONE = 2,         /* 対策完了, 2 points */
	ANSWER_NA = 3            /* 該当なし, left out of the denominator */
};

/* The official checksheet label (Japanese, never translated), "" for NONE. */
const char *answer_label(enum answer a);
/* Points of an answer: 2, 1 or 0 (NONE and NA give 0). */
int answer_points(enum answer a);
/* Parses "2" "1" "0" "n", the Japanese labels, or "done" "progress" "no" "na".
 * Returns 0 and sets *out, or -1 when the text is none of them. */
int answer_parse(const char *text, enum answer *out);
/* Stored database code: "done", "progress", "notdone", "na", or NULL for NONE. */
const char *answer_code(enum answer a);
enum answer answer_from_code(const char *code);

#endif
