/* import: a filled checksheet's cells to answers and notes — finding the header, reading each row, saying what was skipped. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "import.h"
#include "store.h"
#include "text.h"

/* Folded for comparing: NFKC, case folded, without any white space. */
static char *squeeze(const char *s)
{
	char *f = text_fold(s ? s : "");
	if (!f)
		return NULL;
	char *w = f;
	for (const char *p = f; *p; p++)
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			*w++ = *p;
	*w = '\0';
	return f;
}

int import_parse_answer(const char *text, enum answer *out)
{
	static const struct { const char *text; enum answer value; } forms[] = {
		{ "", ANSWER_NONE }, { "対策完了", ANSWER_DONE }, { "対策中", ANSWER_IN_PROGRESS },
		{ "未実施", ANSWER_NOT_DONE }, { "該当なし", ANSWER_NA }, { "2", ANSWER_DONE },
		{ "1", ANSWER_IN_PROGRESS }, { "0", ANSWER_NOT_DONE }, { "n", ANSWER_NA },
		{ "2.0", ANSWER_DONE }, { "1.0", ANSWER_IN_PROGRESS }, { "0.0", ANSWER_NOT_DONE },
	};
	char *s = squeeze(text);
	int found = -1;
	for (size_t i = 0; s && i < sizeof forms / sizeof forms[0]; i++)
		if (strcmp(s, forms[i].text) == 0) {
			*out = forms[i].value;
			found = 0;
			break;
		}
	free(s);
	return found;
}

/* "18", "18.0" or "No.18" to 18; 0 when it is no whole number. */
static int parse_item(const char *text)
{
	char *s = squeeze(text);
	const char *p = s;
	long v = 0;
	int digits = 0;
	if (!s)
		return 0;
	if (strncmp(p, "no.", 3) == 0)
		p += 3;
	for (; *p >= '0' && *p <= '9' && digits < 6; p++, digits++)
		v = v * 10 + (*p - '0');
	if (*p == '.' && p[1] == '0' && p[2] == '\0')
		p += 2;
	int ok = digits > 0 && *p == '\0';
	free(s);
	return ok ? (int)v : -1;
}

struct columns {
	int no, answer, note;
};

/* The header in the first rows of a sheet: row index (0-based) or -1.
 * One pass over the cells: only those of the first rows are folded. */
static int find_header(const struct xlsx_sheet *sh, struct columns *c)
{
	struct columns rows[IMPORT_HEADER_ROWS];
	for (int r = 0; r < IMPORT_HEADER_ROWS; r++)
		rows[r] = (struct columns){ -1, -1, -1 };
	for (int k = 0; k < sh->n; k++) {
		const struct xlsx_cell *cell = &sh->cells[k];
		if (cell->row >= IMPORT_HEADER_ROWS)
			break;   /* cells come row by row */
		if (cell->row < 0 || cell->col < 0)
			continue;
		char *f = squeeze(cell->text);
		if (!f)
			continue;
		struct columns *r = &rows[cell->row];
		if (strcmp(f, "no.") == 0 || strcmp(f, "no") == 0)
			r->no = cell->col;
		else if (strcmp(f, "達成条件評価") == 0)
			r->answer = cell->col;
		else if (strcmp(f, "評価の根拠") == 0)
			r->note = cell->col;
		free(f);
	}
	for (int r = 0; r < IMPORT_HEADER_ROWS; r++)
		if (rows[r].no >= 0 && rows[r].answer >= 0 && rows[r].note >= 0) {
			*c = rows[r];
			return r;
		}
	return -1;
}

static void skip(struct import_report *rep, int sheet_row, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void skip(struct import_report *rep, int sheet_row, const char *fmt, ...)
{
	if (rep->n_skipped == IMPORT_MAX_SKIPPED) {
		rep->more_skipped++;
		return;
	}
	struct import_skip *s = &rep->skipped[rep->n_skipped++];
	va_list ap;
	va_start(ap, fmt);
	s->sheet_row = sheet_row;
	vsnprintf(s->reason, sizeof s->reason, fmt, ap);
	va_end(ap);
}

/* One data row: its three cells (NULL when empty). */
static void take_row(const struct catalog *cat, struct import_report *rep, int row, const char *no,
                     const char *answer, const char *note, int seen[CATALOG_ITEMS + 1])
{
	enum answer value;
	if (!no || !no[0])
		return;   /* a row without a number: a title, a blank, a footer */
	int item = parse_item(no);
	if (item < 0)
		return;   /* text in the number column: not an item row */
	if (item < 1 || item > CATALOG_ITEMS) {
		skip(rep, row + 1, _("No.%d is out of range (1 to 153)"), item);
		return;
	}
	if (seen[item]) {
		skip(rep, row + 1, _("No.%d appears twice (first on row %d)"), item, seen[item]);
		return;
	}
	if (import_parse_answer(answer ? answer : "", &value) != 0) {
		char cut[64];
		text_truncate(answer, 20, 1, cut, sizeof cut);
		skip(rep, row + 1, _("No.%d: unknown answer '%s'"), item, cut);
		return;
	}
	char *clean = text_sanitize(note ? note : "", 0);
	if (!clean)
		return;
	if (value == ANSWER_NONE && !clean[0]) {
		free(clean);   /* an empty row: nothing to bring in */
		return;
	}
	if (!store_note_fits(clean)) {
		skip(rep, row + 1, _("No.%d: the note is longer than 4096 characters"), item);
		free(clean);
		return;
	}
	seen[item] = row + 1;
	struct import_row *r = &rep->rows[rep->n++];
	*r = (struct import_row){ item, value, clean, row + 1 };
	int lv = cat->items[item - 1].level - 1;
	rep->answers[lv] += value != ANSWER_NONE;
	rep->notes[lv] += clean[0] != '\0';
}

int import_find(const struct catalog *cat, const struct xlsx_book *book, struct import_report *rep,
                char *err, size_t errlen)
{
	struct columns c;
	memset(rep, 0, sizeof *rep);
	for (int s = 0; s < book->n_sheets; s++) {
		const struct xlsx_sheet *sh = &book->sheets[s];
		int header = find_header(sh, &c);
		if (header < 0)
			continue;
		rep->sheet = sh->name;
		rep->header_row = header + 1;
		int seen[CATALOG_ITEMS + 1] = { 0 };
		/* Cells come row by row: gather each row's three, then take it. */
		for (int k = 0; k < sh->n;) {
			int row = sh->cells[k].row;
			const char *no = NULL, *answer = NULL, *note = NULL;
			for (; k < sh->n && sh->cells[k].row == row; k++) {
				const struct xlsx_cell *cell = &sh->cells[k];
				if (cell->col == c.no)
					no = cell->text;
				else if (cell->col == c.answer)
					answer = cell->text;
				else if (cell->col == c.note)
					note = cell->text;
			}
			if (row > header)
				take_row(cat, rep, row, no, answer, note, seen);
		}
		return 0;
	}
	snprintf(err, errlen, "%s", _("no sheet has a header row with No., 達成条件評価 and 評価の根拠 "
	                              "in its first 20 rows (is it a filled checksheet)"));
	return -1;
}

void import_report_free(struct import_report *rep)
{
	for (int i = 0; i < rep->n; i++)
		free(rep->rows[i].note);
	rep->n = 0;
}
