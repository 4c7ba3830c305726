/* documents: the starter documents (案) — the list, their templates, filling placeholders. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "documents.h"

/* Which items each one serves, after the guideline's 達成条件: a company
 * that adapts and adopts it can answer those items 対策完了. */
static const struct document documents_table[] = {
	{ "policy", "情報セキュリティ基本方針（案）", 0, 3, { 1, 2, 3 } },
	{ "incident-procedure", "事故対応手順書（案）", 0, 3, { 18, 24, 26 } },
	{ "incident-report", "事故報告書（ひな形）", 1, 1, { 19 } },
	{ "backup-plan", "バックアップ計画表（案）", 0, 2, { 148, 149 } },
	{ "access-review", "利用者・アクセス権点検表（案）", 0, 6, { 49, 51, 52, 76, 77, 78 } },
};

#define DOCUMENTS_TABLE_COLS 6

const struct document *documents_list(int *n)
{
	*n = (int)(sizeof documents_table / sizeof documents_table[0]);
	return documents_table;
}

enum document_line documents_line_kind(const char *line, const char **text)
{
	size_t n = strlen(line);
	*text = line;
	if (n == 0)
		return DOC_BLANK;
	if (strncmp(line, "== ", 3) == 0) {
		*text = line + 3;
		return DOC_HEADING;
	}
	if (strncmp(line, "- ", 2) == 0) {
		*text = line + 2;
		return DOC_BULLET;
	}
	if (strncmp(line, "[ ] ", 4) == 0) {
		*text = line + 4;
		return DOC_CHECK;
	}
	if (line[0] == '|' && n > 1 && line[n - 1] == '|')
		return DOC_ROW;
	return DOC_TEXT;
}

int documents_row_cells(const char *row, const char *start[], size_t len[], int max)
{
	int n = 0;
	const char *p = row + 1;   /* after the leading '|' */
	for (const char *bar; (bar = strchr(p, '|')) && n < max; p = bar + 1) {
		const char *a = p, *b = bar;
		while (a < b && *a == ' ')
			a++;
		while (b > a && b[-1] == ' ')
			b--;
		start[n] = a;
		len[n++] = (size_t)(b - a);
	}
	return n;
}

/* ---- placeholders ---- */

struct documents_buf {
	char *s;
	size_t len, cap;
};

static int documents_put(struct documents_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = (b->len + n + 1) * 2;
		char *grown = realloc(b->s, cap);
		if (!grown)
			return -1;
		b->s = grown;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

char *documents_fill(const char *line, documents_lookup lookup, const void *ctx)
{
	struct documents_buf b = { NULL, 0, 0 };
	const char *p = line;
	if (documents_put(&b, "", 0) != 0)
		return NULL;
	for (;;) {
		const char *open = strstr(p, "{{"), *close = open ? strstr(open, "}}") : NULL;
		if (!close) {
			if (documents_put(&b, p, strlen(p)) != 0)
				break;
			return b.s;
		}
		char key[64];
		size_t klen = (size_t)(close - open - 2);
		if (klen >= sizeof key)
			break;
		memcpy(key, open + 2, klen);
		key[klen] = '\0';
		const char *value = lookup(key, ctx);
		if (!value)
			break;
		if (!value[0])
			value = DOCUMENTS_BLANK;
		if (documents_put(&b, p, (size_t)(open - p)) != 0 || documents_put(&b, value, strlen(value)) != 0)
			break;
		p = close + 2;
	}
	free(b.s);
	return NULL;
}

const char *documents_keep(const char *line, documents_lookup lookup, const void *ctx)
{
	char key[64];
	const char *close;
	if (strncmp(line, "?{{", 3) != 0 || !(close = strstr(line, "}}")))
		return line;
	size_t n = (size_t)(close - line - 3);
	if (n >= sizeof key)
		return line;
	memcpy(key, line + 3, n);
	key[n] = '\0';
	const char *value = lookup(key, ctx);
	if (value && value[0])
		return NULL;
	return close[2] == ' ' ? close + 3 : close + 2;
}

/* ---- templates ---- */

char *documents_read(const char *datadir, const char *name)
{
	char path[4096];
	if (snprintf(path, sizeof path, "%s/documents/%s.tmpl", datadir, name) >= (int)sizeof path) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	struct documents_buf b = { NULL, 0, 0 };
	char chunk[4096];
	size_t n;
	int rc = documents_put(&b, "", 0);
	while (rc == 0 && (n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		rc = documents_put(&b, chunk, n);
	int e = ferror(fp) ? EIO : ENOMEM;
	fclose(fp);
	if (rc != 0 || memchr(b.s, '\0', b.len)) {
		free(b.s);
		errno = rc != 0 ? e : EINVAL;
		return NULL;
	}
	return b.s;
}

int documents_check(const char *text, documents_lookup lookup, const void *ctx, char *err,
                    size_t errlen)
{
	const char *p = text;
	int lineno = 0, decide_last = 0;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char line[2048], *filled;
		const char *body, *cells[DOCUMENTS_TABLE_COLS + 1];
		size_t lens[DOCUMENTS_TABLE_COLS + 1];
		lineno++;
		if (n >= sizeof line || memchr(p, '\t', n) || memchr(p, '\r', n)) {
			snprintf(err, errlen, "line %d: too long, or a tab or CR in it", lineno);
			return -1;
		}
		memcpy(line, p, n);
		line[n] = '\0';
		enum document_line kind = documents_line_kind(line, &body);
		if (!(filled = documents_fill(line, lookup, ctx))) {
			snprintf(err, errlen, "line %d: an unknown {{placeholder}}", lineno);
			return -1;
		}
		free(filled);
		if (kind == DOC_HEADING)
			decide_last = strcmp(body, DOCUMENTS_LAST_HEADING) == 0;
		if (kind == DOC_ROW && documents_row_cells(line, cells, lens, DOCUMENTS_TABLE_COLS + 1)
		                           > DOCUMENTS_TABLE_COLS) {
			snprintf(err, errlen, "line %d: more than %d columns", lineno, DOCUMENTS_TABLE_COLS);
			return -1;
		}
		p += n + (nl ? 1 : 0);
	}
	if (!decide_last) {
		snprintf(err, errlen, "the last section is not 「%s」", DOCUMENTS_LAST_HEADING);
		return -1;
	}
	return 0;
}
