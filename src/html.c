/* html: the pieces every printed page shares — escaping, cells, lists, the page's head with its A4 style. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "text.h"

/* Fonts every office PC has one of; print rules for A4, a header row that
 * repeats on each page, rows that do not split. */
static const char html_css_common[] =
	"*{box-sizing:border-box}\n"
	"body{font-family:\"Yu Gothic\",YuGothic,Meiryo,\"Hiragino Sans\",\"Noto Sans CJK JP\","
	"\"Noto Sans JP\",sans-serif;font-size:10pt;line-height:1.45;color:#000;background:#fff;"
	"margin:1.5em auto;max-width:62em;padding:0 1em}\n"
	"h1{font-size:16pt;margin:0 0 .3em}\n"
	"h2{font-size:12pt;border-bottom:1.5px solid #000;margin:1.1em 0 .4em;padding-bottom:.1em}\n"
	"table{border-collapse:collapse;width:100%}\n"
	"th,td{border:1px solid #666;padding:.2em .4em;vertical-align:top;text-align:left}\n"
	"th{background:#e6e6e6;font-weight:bold}\n"
	"table.meta{width:auto}\n"
	"table.meta th,table.meta td{border:none;background:none;padding:.05em 1em .05em 0}\n"
	".num{text-align:right;white-space:nowrap}\n"
	".nowrap{white-space:nowrap}\n"
	/* html_words_or_blank: a word moves to the next line whole, and breaks
	 * only when it is wider than its cell. */
	".word{display:inline-block;max-width:100%;overflow-wrap:anywhere}\n"
	".small{font-size:85%;color:#333}\n"
	".blank{color:#888}\n"
	".note{font-size:85%;color:#333;margin:.3em 0}\n"
	"ul{margin:.1em 0;padding-left:1.3em}\n"
	"footer{margin-top:1.5em;font-size:8pt;color:#555}\n"
	"@media print{body{margin:0;max-width:none;padding:0}"
	"thead{display:table-header-group}tr{break-inside:avoid}h2{break-after:avoid}}\n";

/* Writes s with & < > \" ' escaped and line breaks as <br>; invalid UTF-8
 * and control characters were dropped by text_sanitize first. */
void html_text(FILE *out, const char *s)
{
	char *clean = text_sanitize(s ? s : "", 0);
	for (const char *p = clean ? clean : ""; *p; p++) {
		switch (*p) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&#39;", out);
			break;
		case '\n':
			fputs("<br>\n", out);
			break;
		default:
			fputc(*p, out);
		}
	}
	free(clean);
}

/* A field to fill in by hand when it is empty. */
void html_text_or_blank(FILE *out, const char *s)
{
	if (s && s[0])
		html_text(out, s);
	else
		fputs("<span class=\"blank\">&nbsp;</span>", out);
}

void html_words_or_blank(FILE *out, const char *s)
{
	char *copy = s && s[0] ? strdup(s) : NULL;
	if (!copy) {
		html_text_or_blank(out, s);
		return;
	}
	int first = 1;
	char *save = NULL;
	for (char *word = strtok_r(copy, " ", &save); word; word = strtok_r(NULL, " ", &save)) {
		fputs(first ? "<span class=\"word\">" : " <span class=\"word\">", out);
		html_text(out, word);
		fputs("</span>", out);
		first = 0;
	}
	free(copy);
}

void html_cell(FILE *out, const char *tag, const char *cls, const char *s)
{
	if (cls)
		fprintf(out, "<%s class=\"%s\">", tag, cls);
	else
		fprintf(out, "<%s>", tag);
	html_text(out, s);
	fprintf(out, "</%s>", tag);
}

/* '\n'-separated lines as a list. */
void html_list(FILE *out, const char *lines)
{
	const char *p = lines;
	fputs("<ul>", out);
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = strndup(p, len);
		fputs("<li>", out);
		html_text(out, line ? line : "");
		fputs("</li>", out);
		free(line);
		p += len + (nl ? 1 : 0);
	}
	fputs("</ul>\n", out);
}

void html_begin(FILE *out, const char *title, const char *company, const char *css)
{
	fputs("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<meta name=\"generator\" content=\"kamae " PACKAGE_VERSION "\">\n<title>", out);
	html_text(out, title);
	if (company && company[0]) {
		fputs(" — ", out);
		html_text(out, company);
	}
	fprintf(out, "</title>\n<style>\n%s%s</style>\n</head>\n<body>\n", html_css_common, css);
}

