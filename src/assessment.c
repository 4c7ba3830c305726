/* assessment: the rules across years — which answers moved since last year. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include "assessment.h"

int assessment_moved(const enum answer now[CATALOG_ITEMS], const enum answer before[CATALOG_ITEMS],
                     int better, int out[CATALOG_ITEMS])
{
	int n = 0;
	for (int i = 0; i < CATALOG_ITEMS; i++) {
		enum answer a = now[i], b = before[i];
		if (a == ANSWER_NONE || b == ANSWER_NONE || a == ANSWER_NA || b == ANSWER_NA)
			continue;
		int diff = answer_points(a) - answer_points(b);
		if (better ? diff > 0 : diff < 0)
			out[n++] = i + 1;
	}
	return n;
}
