/* export: the data gathered once, the dated folder's name, and which writer makes which file. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "i18n.h"

#include "export.h"
#include "text.h"
#include "export_documents.h"
#include "export_html.h"
#include "export_text.h"
#include "export_xlsx.h"

/* ---- the files ---- */

void export_dir_name(const struct store_profile *p, const char *date, char *buf, size_t len)
{
	char company[160];
	/* Company and year in the name: two companies (or two years) exported
	 * on one day never land in the same folder. */
	text_filename_part(p->company, 24, company, sizeof company);
	if (company[0])
		snprintf(buf, len, "%s%s-FY%d-%s", EXPORT_DIR_PREFIX, company, p->year, date);
	else
		snprintf(buf, len, "%sFY%d-%s", EXPORT_DIR_PREFIX, p->year, date);
}

/* The writers take the data as the outfile module passes it. */
static int write_plan_html(FILE *out, const void *d) { return export_html_plan(out, d); }
static int write_contacts_html(FILE *out, const void *d) { return export_html_contacts(out, d); }
static int write_plan_text(FILE *out, const void *d) { return export_text_plan(out, d); }
static int write_contacts_text(FILE *out, const void *d) { return export_text_contacts(out, d); }
static int write_checksheet(const void *d, const char *path, char *err, size_t errlen)
{
	return export_xlsx_write(d, path, err, errlen);
}
/* The starter documents, each in both forms: document k of documents_list(). */
#define EXPORT_DOCUMENT(k) \
	static int write_doc_html_##k(FILE *out, const void *d) { return export_document_html(out, d, k); } \
	static int write_doc_text_##k(FILE *out, const void *d) { return export_document_text(out, d, k); }
EXPORT_DOCUMENT(0)
EXPORT_DOCUMENT(1)
EXPORT_DOCUMENT(2)
EXPORT_DOCUMENT(3)
EXPORT_DOCUMENT(4)

static const struct export_file {
	unsigned format;
	struct outfile file;
} export_files[] = {
	{ EXPORT_XLSX, { "checksheet.xlsx", NULL, write_checksheet } },
	{ EXPORT_HTML, { "plan.html", write_plan_html, NULL } },
	{ EXPORT_HTML, { "contacts.html", write_contacts_html, NULL } },
	{ EXPORT_TEXT, { "plan.txt", write_plan_text, NULL } },
	{ EXPORT_TEXT, { "contacts.txt", write_contacts_text, NULL } },
	{ EXPORT_HTML, { "policy.html", write_doc_html_0, NULL } },
	{ EXPORT_HTML, { "incident-procedure.html", write_doc_html_1, NULL } },
	{ EXPORT_HTML, { "incident-report.html", write_doc_html_2, NULL } },
	{ EXPORT_HTML, { "backup-plan.html", write_doc_html_3, NULL } },
	{ EXPORT_HTML, { "access-review.html", write_doc_html_4, NULL } },
	{ EXPORT_TEXT, { "policy.txt", write_doc_text_0, NULL } },
	{ EXPORT_TEXT, { "incident-procedure.txt", write_doc_text_1, NULL } },
	{ EXPORT_TEXT, { "incident-report.txt", write_doc_text_2, NULL } },
	{ EXPORT_TEXT, { "backup-plan.txt", write_doc_text_3, NULL } },
	{ EXPORT_TEXT, { "access-review.txt", write_doc_text_4, NULL } },
};

/* The chosen formats' files, in a fixed order, into out[]; returns how many. */
static int export_pick(unsigned formats, struct outfile *out)
{
	int n = 0;
	for (size_t i = 0; i < sizeof export_files / sizeof export_files[0]; i++)
		if (export_files[i].format & formats)
			out[n++] = export_files[i].file;
	return n;
}

int export_run(const struct catalog *cat, struct store *st, const char *out_root,
               unsigned formats, enum plan_scope scope, const char *today,
               struct outfile_result *res)
{
	char date[11];
	struct export_data d;
	int created;
	memset(res, 0, sizeof *res);
	if (!formats)
		formats = EXPORT_ALL;
	if (today)
		snprintf(date, sizeof date, "%s", today);
	else
		date_today(date);
	if (!date_valid(date)) {
		snprintf(res->error, sizeof res->error, _("The date %s is not a valid YYYY-MM-DD."), date);
		return -1;
	}
	/* A copied database must be complete on its own, like the exports. */
	store_checkpoint(st);
	enum store_status rc = export_data_load(&d, cat, st, date, scope);
	if (rc != STORE_OK) {
		snprintf(res->error, sizeof res->error, "%s", rc == STORE_NOT_FOUND
		         ? _("There is no assessment to export yet: answer some items first.")
		         : store_error(st));
		export_data_free(&d);
		return -1;
	}
	char base[256];
	struct outfile files[OUTFILE_MAX];
	export_dir_name(&d.profile, date, base, sizeof base);
	int dirfd = outfile_dir_open(out_root, base, res, &created), out = -1;
	if (dirfd >= 0) {
		out = outfile_write(dirfd, files, export_pick(formats, files), &d, res);
		if (out != 0 && created)
			rmdir(res->dir);   /* only ever an empty folder */
		close(dirfd);
	}
	export_data_free(&d);
	return out;
}
