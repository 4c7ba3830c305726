/* xlsx_read: reading a workbook back — zip (minizip) and XML (expat) to cells, with limits against hostile files. */
#ifndef KAMAE_XLSX_READ_H
#define KAMAE_XLSX_READ_H

#include <stddef.h>

/* Limits: a filled checksheet is far below every one of them. */
#define XLSX_READ_MAX_PART (32L * 1024 * 1024)   /* bytes of one inflated part */
#define XLSX_READ_MAX_TOTAL (96L * 1024 * 1024)  /* bytes inflated in all */
#define XLSX_READ_MAX_SHEETS 64
#define XLSX_READ_MAX_ROWS 20000
#define XLSX_READ_MAX_CELLS 400000
#define XLSX_READ_MAX_STRINGS 400000
#define XLSX_READ_MAX_TEXT 32767                 /* characters in a cell, as Excel */

enum xlsx_read_status {
	XLSX_READ_OK = 0,
	XLSX_READ_NOT_ZIP,     /* not a zip: damaged, or no .xlsx at all */
	XLSX_READ_OLE,         /* an old .xls or a password-protected workbook */
	XLSX_READ_DAMAGED,     /* a zip, but a part is missing, broken or not XML */
	XLSX_READ_TOO_BIG,     /* over a limit: a zip bomb or not a checksheet */
	XLSX_READ_NO_MEMORY,
	XLSX_READ_NO_FILE,     /* cannot be opened: missing, or no permission */
};

struct xlsx_cell {
	int row, col;          /* 0-based */
	char *text;            /* UTF-8, owned; numbers as written in the file */
};

struct xlsx_sheet {
	char *name;            /* owned */
	struct xlsx_cell *cells; /* in file order (row by row), owned */
	int n, cap;
};

struct xlsx_book {
	struct xlsx_sheet sheets[XLSX_READ_MAX_SHEETS]; /* workbook order */
	int n_sheets;
};

/* Reads every worksheet of the file at path: shared and inline strings
 * (rich-text runs joined), numbers, and the cached value of formulas.
 * Returns XLSX_READ_OK and fills *book (free with xlsx_read_free, also
 * after an error), or a status with a translated message in err. */
enum xlsx_read_status xlsx_read(const char *path, struct xlsx_book *book, char *err, size_t errlen);
void xlsx_read_free(struct xlsx_book *book);

#endif
