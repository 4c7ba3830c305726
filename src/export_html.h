/* export_html: plan.html and contacts.html, self-contained pages with print CSS for A4. */
#ifndef KAMAE_EXPORT_HTML_H
#define KAMAE_EXPORT_HTML_H

#include <stdio.h>
#include "export_data.h"

/* Write one page to out; every piece of user and catalog text is escaped.
 * Return 0, or -1 when out has an error (errno as left by stdio). */
int export_html_plan(FILE *out, const struct export_data *d);
int export_html_contacts(FILE *out, const struct export_data *d);

#endif
