/* import: a filled checksheet's cells to answers and notes — finding the header, reading each row, saying what was skipped. */
#ifndef KAMAE_IMPORT_H
#define KAMAE_IMPORT_H

#include "answer.h"
#include "catalog.h"
#include "xlsx_read.h"

#define IMPORT_MAX_SKIPPED 200
/* Rows of the header searched, from the top of each sheet. */
#define IMPORT_HEADER_ROWS 20

struct import_row {
	int item;              /* 1..153 */
	enum answer value;     /* ANSWER_NONE: the answer cell is blank */
	char *note;            /* owned; "" when none */
	int sheet_row;         /* 1-based, as the spreadsheet shows it */
};

struct import_skip {
	int sheet_row;
	char reason[160];      /* translated */
};

struct import_report {
	const char *sheet;     /* the sheet with the header (points into the book) */
	int header_row;        /* 1-based */
	struct import_row rows[CATALOG_ITEMS];
	int n;
	struct import_skip skipped[IMPORT_MAX_SKIPPED];
	int n_skipped, more_skipped;
	int answers[CATALOG_LEVELS], notes[CATALOG_LEVELS];
};

/* Finds the sheet and header row holding No., 達成条件評価 and 評価の根拠
 * (compared after NFKC, case folding and without white space; columns in
 * any order) and reads every row below it. Returns 0, or -1 with a
 * translated message in err when no sheet has such a header. Free with
 * import_report_free. */
int import_find(const struct catalog *cat, const struct xlsx_book *book, struct import_report *rep,
                char *err, size_t errlen);
void import_report_free(struct import_report *rep);

/* Parses an answer cell: the four labels, 2/1/0, n; "" is unanswered.
 * Returns 0 and sets *out, or -1 when the text is none of them. */
int import_parse_answer(const char *text, enum answer *out);

#endif
