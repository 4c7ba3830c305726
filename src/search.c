/* search: which items a query finds — the guideline's texts, the coach, the glossary and the user's own notes. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "text.h"

/* 1 when the folded query q occurs in text; -1 when out of memory. */
static int folded_contains(const char *text, const char *q)
{
	if (!text || !text[0])
		return 0;
	char *f = text_fold(text);
	if (!f)
		return -1;
	int found = strstr(f, q) != NULL;
	free(f);
	return found;
}

static int item_texts_match(const struct catalog *cat, int no, const char *note, const char *q)
{
	const struct catalog_item *it = catalog_item(cat, no);
	const struct catalog_coach *c = catalog_coach(cat, no);
	const char *texts[] = {
		it->purpose, it->requirement, it->condition, it->criteria, note,
		c ? c->plain : NULL, c ? c->typical : NULL,
		c ? c->evidence_done : NULL, c ? c->evidence_progress : NULL,
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		int r = folded_contains(texts[i], q);
		if (r)
			return r;
	}
	return 0;
}

/* Marks in hit[] the glossary terms whose name or definition matches. */
static int terms_matching(const struct catalog *cat, const char *q, char *hit)
{
	int any = 0;
	for (int t = 0; t < cat->n_terms; t++) {
		int r = folded_contains(cat->terms[t].term, q);
		if (r == 0)
			r = folded_contains(cat->terms[t].definition, q);
		if (r < 0)
			return -1;
		hit[t] = (char)r;
		any |= r;
	}
	return any;
}

static int uses_a_hit_term(const struct catalog *cat, int no, const char *hit)
{
	int terms[64];
	int n = catalog_item_terms(cat, no, terms, (int)(sizeof terms / sizeof terms[0]));
	for (int i = 0; i < n; i++)
		if (hit[terms[i]])
			return 1;
	return 0;
}

int search_items(const struct catalog *cat, const struct store_answer answers[CATALOG_ITEMS],
                 const char *query, int out[CATALOG_ITEMS])
{
	char *q = text_fold(query ? query : "");
	char *hit = calloc((size_t)cat->n_terms + 1, 1);
	int n = 0, terms = 0;
	if (!q || !hit || (terms = terms_matching(cat, q, hit)) < 0) {
		free(q), free(hit);
		return -1;
	}
	for (int no = 1; q[0] && no <= CATALOG_ITEMS; no++) {
		int r = item_texts_match(cat, no, answers ? answers[no - 1].note : NULL, q);
		if (r < 0) {
			n = -1;
			break;
		}
		if (r || (terms && uses_a_hit_term(cat, no, hit)))
			out[n++] = no;
	}
	free(q);
	free(hit);
	return n;
}
