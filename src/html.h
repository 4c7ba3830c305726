/* html: the pieces every printed page shares — escaping, cells, lists, the page's head with its A4 style. */
#ifndef KAMAE_HTML_H
#define KAMAE_HTML_H

#include <stdio.h>

/* Writes s with & < > " ' escaped and line breaks as <br>; invalid UTF-8
 * and control characters are dropped first. NULL writes nothing. */
void html_text(FILE *out, const char *s);
/* A field to fill in by hand when it is empty. */
void html_text_or_blank(FILE *out, const char *s);
/* Like html_text_or_blank, but each space-separated word is kept whole on
 * one line where it fits its cell (a phone number "0532-12-3456" does not
 * break at its hyphens) and wraps inside only when it cannot fit. */
void html_words_or_blank(FILE *out, const char *s);
/* <tag class="cls">s</tag>, cls NULL for none. */
void html_cell(FILE *out, const char *tag, const char *cls, const char *s);
/* '\n'-separated lines as a list. */
void html_list(FILE *out, const char *lines);
/* The document up to <body>: title (and " — company" when set), the
 * common style, then the page's own css. */
void html_begin(FILE *out, const char *title, const char *company, const char *css);

#endif
