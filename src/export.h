/* export: the dated folder, which writer makes which file, and the run that writes them all or none. */
#ifndef KAMAE_EXPORT_H
#define KAMAE_EXPORT_H

#include <stddef.h>
#include "export_data.h"
#include "outfile.h"

enum export_format {
	EXPORT_XLSX = 1 << 0,  /* checksheet.xlsx */
	EXPORT_HTML = 1 << 1,  /* plan.html, contacts.html */
	EXPORT_TEXT = 1 << 2,  /* plan.txt, contacts.txt */
	EXPORT_ALL = EXPORT_XLSX | EXPORT_HTML | EXPORT_TEXT
};

#define EXPORT_PATH_MAX OUTFILE_PATH_MAX
#define EXPORT_DIR_PREFIX "kamae-"

/* Writes the chosen formats (EXPORT_* bits, 0 = all) of the current
 * assessment into the folder kamae-<company>-FY<year>-TODAY under out_root
 * (the current directory when NULL; made 0700 when missing), creating the
 * dated folder (0700) when missing. Checkpoints the store first. Each file is written to a temporary
 * name in that folder, flushed to disk, and renamed only once every file is
 * ready; on failure the temporaries are removed, a dated folder created by
 * this call is removed again, and res->error says why. today NULL means the
 * local date. Never prints: libxlsxwriter's own messages are silenced.
 * Returns 0 or -1. */
/* The export folder's name for an assessment on a date:
 * kamae-<company>-FY<year>-<date>, the company made safe for a file name. */
void export_dir_name(const struct store_profile *p, const char *date, char *buf, size_t len);

int export_run(const struct catalog *cat, struct store *st, const char *out_root,
               unsigned formats, enum plan_scope scope, const char *today,
               struct outfile_result *res);

#endif
