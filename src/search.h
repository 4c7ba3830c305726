/* search: which items a query finds — the guideline's texts, the coach, the glossary and the user's own notes. */
#ifndef KAMAE_SEARCH_H
#define KAMAE_SEARCH_H

#include "catalog.h"
#include "store.h"

/* Fills out[] with the numbers of the items that query finds, in item
 * order, and returns how many; -1 when out of memory. Case, full/half
 * width and half-width katakana do not matter (text_fold). An item is
 * found by its purpose, requirement, condition, criteria, coach texts or
 * note (answers may be NULL), or by a glossary term whose name or
 * definition matches and that the item's texts use. */
int search_items(const struct catalog *cat, const struct store_answer answers[CATALOG_ITEMS],
                 const char *query, int out[CATALOG_ITEMS]);

#endif
