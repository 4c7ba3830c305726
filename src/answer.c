/* answer: the four checksheet answers, their keys, labels and stored codes. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <string.h>
#include <strings.h>

#include "answer.h"

struct answer_info {
	enum answer value;
	const char *key;     /* the wizard's key */
	const char *label;   /* official checksheet text */
	const char *code;    /* stored in the database */
	const char *english; /* accepted on the command line */
};

static const struct answer_info answers[] = {
	{ ANSWER_DONE, "2", "対策完了", "done", "done" },
	{ ANSWER_IN_PROGRESS, "1", "対策中", "progress", "progress" },
	{ ANSWER_NOT_DONE, "0", "未実施", "notdone", "no" },
	{ ANSWER_NA, "n", "該当なし", "na", "na" },
};
#define N_ANSWERS (sizeof answers / sizeof answers[0])

static const struct answer_info *answer_find(enum answer a)
{
	for (size_t i = 0; i < N_ANSWERS; i++)
		if (answers[i].value == a)
			return &answers[i];
	return NULL;
}

const char *answer_label(enum answer a)
{
	const struct answer_info *info = answer_find(a);
	return info ? info->label : "";
}

int answer_points(enum answer a)
{
	switch (a) {
	case ANSWER_DONE: return 2;
	case ANSWER_IN_PROGRESS: return 1;
	default: return 0;
	}
}

int answer_parse(const char *text, enum answer *out)
{
	if (!text)
		return -1;
	for (size_t i = 0; i < N_ANSWERS; i++) {
		const struct answer_info *info = &answers[i];
		if (strcasecmp(text, info->key) == 0 || strcmp(text, info->label) == 0
		    || strcasecmp(text, info->code) == 0
		    || strcasecmp(text, info->english) == 0) {
			*out = info->value;
			return 0;
		}
	}
	if (strcasecmp(text, "none") == 0 || strcmp(text, "-") == 0) {
		*out = ANSWER_NONE;
		return 0;
	}
	return -1;
}

const char *answer_code(enum answer a)
{
	const struct answer_info *info = answer_find(a);
	return info ? info->code : NULL;
}

enum answer answer_from_code(const char *code)
{
	if (code)
		for (size_t i = 0; i < N_ANSWERS; i++)
			if (strcmp(code, answers[i].code) == 0)
				return answers[i].value;
	return ANSWER_NONE;
}
