/* export_documents: the starter documents (案) — each opens with the items it serves and the company's answers, then the template filled from the profile, the contact sheet and the plan's sign-off. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "documents.h"
#include "export_documents.h"
#include "html.h"
#include "text.h"

/* Portrait A4; tables laid out fixed and words breakable, so that nothing
 * a company types can push a table past the page. */
static const char doc_css[] =
	"@page{size:A4;margin:10mm 12mm 12mm;"
	"@bottom-center{content:counter(page) \" / \" counter(pages);font-size:8pt}}\n"
	"@media print{body{font-size:9pt;line-height:1.35}h2{margin:.7em 0 .3em}}\n"
	"h1{font-size:15pt}\n"
	"table{table-layout:fixed;margin:.3em 0}\n"
	"td,th{overflow-wrap:anywhere}\n"
	"td:empty{height:1.7em}\n"
	".serves{font-size:85%;border:1px solid #999;padding:.2em .5em;margin:.4em 0}\n"
	".serves ul{margin:0;padding-left:1.2em}\n"
	"ul{margin:.2em 0}\n"
	".after-form{break-before:page}\n"
	"p{margin:.3em 0}\n"
	"ul.check{list-style:none;padding-left:.2em}\n"
	"ul.check li::before{content:\"□ \"}\n"
	"h2.decide{border-bottom-color:#b00}\n";

/* ---- values ---- */

/* 2026-12-02 as 2026年12月2日. */
static void doc_date(const char *iso, char *buf, size_t len)
{
	int y, m, d;
	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
		snprintf(buf, len, "%d年%d月%d日", y, m, d);
	else
		snprintf(buf, len, "%s", iso);
}

const char *export_document_value(const char *key, const void *ctx)
{
	const struct export_data *d = ctx;
	static char buf[64];   /* year and date: copied by documents_fill at once */
	if (strcmp(key, "company") == 0)
		return d->profile.company;
	if (strcmp(key, "assessor") == 0)
		return d->profile.assessor;
	if (strcmp(key, "approver") == 0)
		return d->approver;
	if (strcmp(key, "alt_ordering") == 0)
		return d->alt_ordering;
	if (strcmp(key, "year") == 0) {
		snprintf(buf, sizeof buf, "%d", d->profile.year);
		return buf;
	}
	if (strcmp(key, "date") == 0) {
		doc_date(d->today, buf, sizeof buf);
		return buf;
	}
	const char *colon = strchr(key, ':');
	if (!colon)
		return NULL;
	size_t field = (size_t)(colon - key);
	/* A role's own row: the one the documents name (added rows are extras). */
	const struct store_contact *c = contacts_sheet_role(&d->sheet, colon + 1);
	if (c && field == 6 && strncmp(key, "person", 6) == 0)
		return c->person;
	if (c && field == 5 && strncmp(key, "phone", 5) == 0)
		return c->phone;
	if (c && field == 5 && strncmp(key, "email", 5) == 0)
		return c->email;
	if (c && field == 11 && strncmp(key, "after_hours", 11) == 0)
		return c->after_hours;
	char *end;
	long no = strtol(colon + 1, &end, 10);
	if (*end || no < 1 || no > CATALOG_ITEMS)
		return NULL;
	if (field == 4 && strncmp(key, "note", 4) == 0)
		return d->answers[no - 1].note;
	if (field == 6 && strncmp(key, "answer", 6) == 0)
		return export_answer_text(d->answers[no - 1].value);
	return NULL;
}

/* The document's template, checked; NULL with errno set. */
static char *doc_template(const struct export_data *d, const struct document *doc)
{
	char err[256];
	char *text = documents_read(catalog_datadir(), doc->name);
	if (text && documents_check(text, export_document_value, d, err, sizeof err) != 0) {
		free(text);
		errno = EINVAL;
		return NULL;
	}
	return text;
}

/* Calls fn for each line of text (a copy it may keep only for the call). */
static int doc_lines(const char *text, int (*fn)(FILE *, const char *, const struct export_data *, void *),
                     FILE *out, const struct export_data *d, void *state)
{
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *line = strndup(p, n);
		if (!line || fn(out, line, d, state) != 0) {
			free(line);
			return -1;
		}
		free(line);
		p += n + (nl ? 1 : 0);
	}
	return fn(out, "", d, state);
}

/* A template line for d: *filled (malloc'd) with its placeholders filled,
 * its *kind and where its text starts (*body). 0, 1 for a reminder already
 * settled (nothing to write), -1 when out of memory or a key is unknown. */
static int doc_line(const char *line, const struct export_data *d, char **filled,
                    enum document_line *kind, const char **body)
{
	*filled = NULL;
	if (!(line = documents_keep(line, export_document_value, d)))
		return 1;
	if (!(*filled = documents_fill(line, export_document_value, d)))
		return -1;
	*kind = documents_line_kind(*filled, body);
	return 0;
}

/* ---- HTML ---- */

struct doc_html_state {
	enum document_line open;   /* the block being written: BLANK for none */
	int rows;                  /* rows of the open table */
	const struct document *doc;
};

static void doc_html_serves(FILE *out, const struct export_data *d, const struct document *doc);

static void doc_html_close(FILE *out, struct doc_html_state *s)
{
	switch (s->open) {
	case DOC_BULLET: case DOC_CHECK: fputs("</ul>\n", out); break;
	case DOC_ROW: fputs("</tbody></table>\n", out); break;
	case DOC_TEXT: fputs("</p>\n", out); break;
	default: break;
	}
	s->open = DOC_BLANK;
	s->rows = 0;
}

static void doc_html_row(FILE *out, const char *row, struct doc_html_state *s)
{
	const char *cells[8];
	size_t lens[8];
	int n = documents_row_cells(row, cells, lens, 8);
	const char *tag = s->rows == 0 ? "th" : "td";
	if (s->rows == 0)
		fputs("<table>\n<thead>", out);
	fputs("<tr>", out);
	for (int i = 0; i < n; i++) {
		char *cell = strndup(cells[i], lens[i]);
		html_cell(out, tag, NULL, cell ? cell : "");
		free(cell);
	}
	fputs(s->rows == 0 ? "</tr></thead>\n<tbody>\n" : "</tr>\n", out);
	s->rows++;
}

static int doc_html_line(FILE *out, const char *line, const struct export_data *d, void *state)
{
	struct doc_html_state *s = state;
	const char *body;
	char *filled;
	enum document_line kind;
	int rc = doc_line(line, d, &filled, &kind, &body);
	if (rc != 0)
		return rc > 0 ? 0 : -1;
	if (kind != s->open || kind == DOC_HEADING)
		doc_html_close(out, s);
	int decide = kind == DOC_HEADING && strcmp(body, DOCUMENTS_LAST_HEADING) == 0;
	/* A form is copied for each incident: kamae's notes about it start a
	 * page of their own after it. */
	if (decide && s->doc->form) {
		fputs("<div class=\"after-form\">\n", out);
		doc_html_serves(out, d, s->doc);
	}
	switch (kind) {
	case DOC_HEADING:
		fputs(decide ? "<h2 class=\"decide\">" : "<h2>", out);
		html_text(out, body);
		fputs("</h2>\n", out);
		break;
	case DOC_BULLET: case DOC_CHECK:
		if (s->open != kind)
			fputs(kind == DOC_CHECK ? "<ul class=\"check\">\n" : "<ul>\n", out);
		html_cell(out, "li", NULL, body);
		fputc('\n', out);
		s->open = kind;
		break;
	case DOC_ROW:
		doc_html_row(out, filled, s);
		s->open = kind;
		break;
	case DOC_TEXT:
		fputs(s->open == DOC_TEXT ? "<br>\n" : "<p>", out);
		html_text(out, body);
		s->open = kind;
		break;
	case DOC_BLANK:
		break;
	}
	free(filled);
	return 0;
}

/* The items it serves and the answers now, one short line each: the
 * document itself keeps the page. */
static void doc_html_serves(FILE *out, const struct export_data *d, const struct document *doc)
{
	fputs("<div class=\"serves\"><strong>この案が役立つ項目といまの回答:</strong>\n<ul>\n", out);
	for (int i = 0; i < doc->n_items; i++) {
		const struct catalog_item *it = catalog_item(d->cat, doc->items[i]);
		const struct store_answer *a = &d->answers[it->no - 1];
		char head[64];
		snprintf(head, sizeof head, "No.%d（Lv%d）", it->no, it->level);
		fputs("<li>", out);
		html_text(out, head);
		html_text(out, it->condition);
		fputs(" — <strong>", out);
		html_text(out, export_answer_text(a->value));
		fputs("</strong>", out);
		if (a->note[0]) {
			fputs("（根拠: ", out);
			html_text(out, a->note);
			fputs("）", out);
		}
		fputs("</li>\n", out);
	}
	fputs("</ul></div>\n", out);
}

int export_document_html(FILE *out, const struct export_data *d, int k)
{
	int n;
	const struct document *doc = &documents_list(&n)[k];
	char *text = doc_template(d, doc), year[32], date[64];
	if (!text)
		return -1;
	html_begin(out, doc->title, d->profile.company, doc_css);
	fputs("<h1>", out);
	html_text(out, doc->title);
	fputs("</h1>\n<p>", out);
	html_text_or_blank(out, d->profile.company);
	snprintf(year, sizeof year, "　%d年度", d->profile.year);
	html_text(out, year);
	doc_date(d->today, date, sizeof date);
	fputs("　作成日: ", out);
	html_text(out, date);
	if (!doc->form) {
		fputs("　kamae が自己評価の回答と連絡先シートから作った案です。自社のやり方に合わせて直し、"
		      "最後の「採用前に決めること」を決めてから使います。", out);
	}
	fputs("</p>\n", out);
	if (!doc->form)
		doc_html_serves(out, d, doc);
	struct doc_html_state s = { DOC_BLANK, 0, doc };
	int rc = doc_lines(text, doc_html_line, out, d, &s);
	doc_html_close(out, &s);
	if (doc->form)
		fputs("</div>\n", out);
	free(text);
	fputs("<footer>kamae " PACKAGE_VERSION " で作成（自工会/部工会・サイバーセキュリティガイドライン v", out);
	html_text(out, d->profile.guideline);
	fputs(" の自己評価から）</footer>\n</body>\n</html>\n", out);
	return rc == 0 && !ferror(out) ? 0 : -1;
}

/* ---- text ---- */

static int doc_text_line(FILE *out, const char *line, const struct export_data *d, void *state)
{
	const char *body;
	char *filled;
	int *rows = state;
	enum document_line kind;
	int rc = doc_line(line, d, &filled, &kind, &body);
	if (rc != 0)
		return rc > 0 ? 0 : -1;
	*rows = kind == DOC_ROW ? *rows + 1 : 0;
	switch (kind) {
	case DOC_HEADING: fprintf(out, "\n■ %s\n", body); break;
	case DOC_BULLET: fprintf(out, "・%s\n", body); break;
	case DOC_CHECK: fprintf(out, "□ %s\n", body); break;
	case DOC_TEXT: fprintf(out, "%s\n", body); break;
	case DOC_BLANK: fputc('\n', out); break;
	case DOC_ROW: {
		const char *cells[8];
		size_t lens[8];
		int n = documents_row_cells(filled, cells, lens, 8);
		for (int i = 0; i < n; i++)
			fprintf(out, "%s%.*s", i ? " ｜ " : "", (int)lens[i], cells[i]);
		fputc('\n', out);
		break;
	}
	}
	free(filled);
	return 0;
}

int export_document_text(FILE *out, const struct export_data *d, int k)
{
	int n, rows = 0;
	const struct document *doc = &documents_list(&n)[k];
	char *text = doc_template(d, doc), date[64];
	if (!text)
		return -1;
	doc_date(d->today, date, sizeof date);
	fprintf(out, "%s\n%s　%d年度　作成日: %s\n\n", doc->title,
	        d->profile.company[0] ? d->profile.company : DOCUMENTS_BLANK, d->profile.year, date);
	fputs("■ この案が役立つ項目と、いまの回答\n", out);
	for (int i = 0; i < doc->n_items; i++) {
		const struct catalog_item *it = catalog_item(d->cat, doc->items[i]);
		const struct store_answer *a = &d->answers[it->no - 1];
		fprintf(out, "・No.%d（Lv%d）%s\n　いまの回答: %s%s%s\n", it->no, it->level, it->condition,
		        export_answer_text(a->value), a->note[0] ? "　根拠: " : "", a->note);
	}
	fputc('\n', out);
	int rc = doc_lines(text, doc_text_line, out, d, &rows);
	free(text);
	return rc == 0 && !ferror(out) ? 0 : -1;
}
