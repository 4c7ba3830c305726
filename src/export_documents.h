/* export_documents: the starter documents (案) filled from the company's data, as printable HTML and as text. */
#ifndef KAMAE_EXPORT_DOCUMENTS_H
#define KAMAE_EXPORT_DOCUMENTS_H

#include <stdio.h>
#include "export_data.h"

/* Writes document k of documents_list() for d; 0, or -1 with errno set
 * (its template missing or unsound: EINVAL). */
int export_document_html(FILE *out, const struct export_data *d, int k);
int export_document_text(FILE *out, const struct export_data *d, int k);
/* A placeholder's value for d (the documents_lookup of an export). */
const char *export_document_value(const char *key, const void *d);

#endif
