/* assessment: the rules across years — which answers moved since last year. */
#ifndef KAMAE_ASSESSMENT_H
#define KAMAE_ASSESSMENT_H

#include "answer.h"
#include "catalog.h"

/* Fills out[] with the items answered both years (neither 該当なし) whose
 * points rose (better) or fell (!better) since `before`, in item order;
 * returns how many. */
int assessment_moved(const enum answer now[CATALOG_ITEMS], const enum answer before[CATALOG_ITEMS],
                     int better, int out[CATALOG_ITEMS]);

#endif
