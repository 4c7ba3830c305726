/* xlsx_file: a libxlsxwriter workbook's life — opened quietly beside its path, closed, and read back whole. */
#ifndef KAMAE_XLSX_FILE_H
#define KAMAE_XLSX_FILE_H

#include <stddef.h>
#include <xlsxwriter.h>

/* Starts a workbook at path with its part files beside it and
 * libxlsxwriter's own messages silenced (*quiet, for the close). NULL with
 * err set (errno kept) when it cannot. */
lxw_workbook *xlsx_file_open(const char *path, int *quiet, char *err, size_t errlen);
/* Closes (and frees) the workbook, restores stderr, and reads the file
 * back: every part must be whole and `sheets` worksheets there. build_err
 * is the first error met while building. Returns 0, or -1 with err set. */
int xlsx_file_close(lxw_workbook *wb, lxw_error build_err, int quiet, int sheets, const char *path,
                    char *err, size_t errlen);
/* Always a string cell, whatever the text starts with (= + - @ stay text);
 * invalid UTF-8 and controls other than tab and line break are dropped. */
lxw_error xlsx_file_string(lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f);

/* A workbook is built by many calls and judged once, at the close: these
 * keep the first error met in *first and go on. */
void xlsx_file_keep(lxw_error *first, lxw_error rc);
void xlsx_file_str(lxw_error *first, lxw_worksheet *ws, int row, int col, const char *s,
                   lxw_format *f);
void xlsx_file_num(lxw_error *first, lxw_worksheet *ws, int row, int col, double v,
                   lxw_format *f);

#endif
