/* documents: the starter documents (案) — which there are, reading their templates from data/documents, and filling their placeholders. */
#ifndef KAMAE_DOCUMENTS_H
#define KAMAE_DOCUMENTS_H

#include <stddef.h>

#define DOCUMENTS_MAX_ITEMS 8
#define DOCUMENTS_BLANK "＿＿＿＿＿＿"   /* an empty value: a line to fill in by hand */
#define DOCUMENTS_LAST_HEADING "採用前に決めること"

struct document {
	const char *name;     /* file name without extension: policy, ... */
	const char *title;    /* 情報セキュリティ基本方針（案）, ... */
	int form;             /* a form copied for each use: kamae's notes go after it, on their own page */
	int n_items;
	int items[DOCUMENTS_MAX_ITEMS]; /* the items it serves */
};

/* The five documents, in the order they are printed. */
const struct document *documents_list(int *n);

/* One line of a template, by its first characters (see data/FORMAT.md). */
enum document_line { DOC_BLANK, DOC_HEADING, DOC_BULLET, DOC_CHECK, DOC_ROW, DOC_TEXT };
/* The kind of a line, and where its text starts (*text). */
enum document_line documents_line_kind(const char *line, const char **text);
/* The cells of a table row "| a | b |": fills up to max [start, len) pairs
 * (trimmed) and returns how many. */
int documents_row_cells(const char *row, const char *start[], size_t len[], int max);

/* A placeholder's value ("" when empty), or NULL when the key is unknown. */
typedef const char *(*documents_lookup)(const char *key, const void *ctx);
/* The line with every {{key}} replaced (an empty value by DOCUMENTS_BLANK),
 * malloc'd; NULL when out of memory or a key is unknown. */
char *documents_fill(const char *line, documents_lookup lookup, const void *ctx);

/* A line "?{{key}} rest" stays only while key's value is empty (a
 * decision the company has made needs no reminder): returns rest, the
 * line itself when it has no condition, or NULL when it is dropped. */
const char *documents_keep(const char *line, documents_lookup lookup, const void *ctx);

/* The template dir/documents/NAME.tmpl, malloc'd; NULL with errno set. */
char *documents_read(const char *datadir, const char *name);
/* 0 when a template is sound: only known constructs and keys (checked with
 * lookup), tables of at most 6 columns, the last heading 採用前に決めること;
 * -1 with the line and the reason in err otherwise. */
int documents_check(const char *text, documents_lookup lookup, const void *ctx, char *err,
                    size_t errlen);

#endif
