/* export_xlsx: the checksheet workbook — チェックシート, 集計, 改善計画, 緊急連絡先. */
#ifndef KAMAE_EXPORT_XLSX_H
#define KAMAE_EXPORT_XLSX_H

#include <stddef.h>
#include "export_data.h"

/* Writes the workbook to path (created or overwritten), keeping
 * libxlsxwriter's own stderr messages away from the terminal. Returns 0, or
 * -1 with a user-facing message in err and errno set to the cause when one
 * is known (ENOSPC, EACCES...), else 0. */
int export_xlsx_write(const struct export_data *d, const char *path, char *err, size_t errlen);

#endif
