/* export_text: plan.txt and contacts.txt, plain UTF-8 for the terminal or lp. */
#ifndef KAMAE_EXPORT_TEXT_H
#define KAMAE_EXPORT_TEXT_H

#include <stdio.h>
#include "export_data.h"

/* Width in columns the text files are wrapped to. */
#define EXPORT_TEXT_COLS 78

/* Write one document to out. Return 0, or -1 when out has an error. */
int export_text_plan(FILE *out, const struct export_data *d);
int export_text_contacts(FILE *out, const struct export_data *d);

#endif
