/* xlsx_file: a libxlsxwriter workbook's life — opened quietly beside its path, closed, and read back whole. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unzip.h>

#include "i18n.h"

#include "text.h"
#include "xlsx_file.h"

/* libxlsxwriter prints "[ERROR] ..." on stderr by itself, which would
 * scribble over a curses screen: point fd 2 at /dev/null meanwhile. */
static int xlsx_quiet_begin(void)
{
	int saved, null;
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (saved >= 0 && null >= 0)
		dup2(null, STDERR_FILENO);
	if (null >= 0)
		close(null);
	return saved;
}

static void xlsx_quiet_end(int saved)
{
	if (saved < 0)
		return;
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
}

/* ---- checking the result ----
 *
 * libxlsxwriter 1.1.4 writes each part to a temporary file without
 * checking the writes, then zips what it reads back: a disk that fills up
 * (or a file size limit) gives a well-formed zip whose XML is cut short, and
 * workbook_close() reports success. So the file is read back: every part
 * must inflate to its recorded size and CRC, and every XML part must end
 * with the closing tag of its root element. */

/* Larger than any workbook kamae writes: a part claiming more is damage. */
#define XLSX_MAX_PART (64L * 1024 * 1024)

/* An XML part is whole when it ends with the end tag of its root element. */
static int xlsx_xml_whole(const unsigned char *x, size_t n)
{
	size_t i = 0, end = n;
	while (end && (x[end - 1] == '\n' || x[end - 1] == '\r' || x[end - 1] == ' '))
		end--;
	for (;;) {
		while (i < end && x[i] != '<')
			i++;
		if (i + 1 >= end)
			return 0;
		if (x[i + 1] != '?' && x[i + 1] != '!')
			break;
		i++;
	}
	size_t name = ++i;
	while (i < end && x[i] != ' ' && x[i] != '>' && x[i] != '/' && x[i] != '\r' && x[i] != '\n')
		i++;
	size_t len = i - name;
	if (len == 0 || end < len + 3)
		return 0;
	if (x[end - 1] == '>' && x[end - 2] == '/' && memchr(x + i, '>', end - i) == x + end - 1)
		return 1; /* <root .../> with nothing inside */
	return memcmp(x + end - len - 1, x + name, len) == 0 && x[end - len - 2] == '/'
	       && x[end - len - 3] == '<' && x[end - 1] == '>';
}

/* The current part of the zip, read whole into a malloc'd buffer; minizip
 * checks its CRC when it is closed. NULL when it cannot be read. */
static unsigned char *xlsx_read_part(unzFile zf, const unz_file_info64 *info, size_t *len)
{
	if (info->uncompressed_size > (ZPOS64_T)XLSX_MAX_PART || unzOpenCurrentFile(zf) != UNZ_OK)
		return NULL;
	size_t size = (size_t)info->uncompressed_size;
	unsigned char *buf = malloc(size ? size : 1);
	int got = buf ? unzReadCurrentFile(zf, buf, (unsigned)size) : -1;
	unsigned char extra;
	/* Exactly the recorded size, nothing more, and the CRC right. */
	int ok = got >= 0 && (size_t)got == size && unzReadCurrentFile(zf, &extra, 1) == 0;
	if (unzCloseCurrentFile(zf) != UNZ_OK)
		ok = 0;
	if (!ok) {
		free(buf);
		return NULL;
	}
	*len = size;
	return buf;
}

static int xlsx_name_ends(const char *name, const char *suffix)
{
	size_t n = strlen(name), m = strlen(suffix);
	return n >= m && strcmp(name + n - m, suffix) == 0;
}

/* 0 when the workbook at path is complete: every part sound, and that
 * many worksheets there. */
static int xlsx_verify(const char *path, int want_sheets)
{
	unzFile zf = unzOpen64(path);
	int ok, sheets = 0;
	if (!zf)
		return -1;
	for (ok = unzGoToFirstFile(zf) == UNZ_OK; ok;) {
		unz_file_info64 info;
		char name[256];
		size_t len = 0;
		unsigned char *part;
		if (unzGetCurrentFileInfo64(zf, &info, name, sizeof name, NULL, 0, NULL, 0) != UNZ_OK)
			break;
		part = xlsx_read_part(zf, &info, &len);
		if (!part)
			break;
		if (xlsx_name_ends(name, ".xml") || xlsx_name_ends(name, ".rels"))
			ok = xlsx_xml_whole(part, len);
		free(part);
		if (ok && strncmp(name, "xl/worksheets/sheet", 19) == 0)
			sheets++;
		int next = unzGoToNextFile(zf);
		if (next == UNZ_END_OF_LIST_OF_FILE)
			break;
		ok = ok && next == UNZ_OK;
	}
	/* The loop ends early (ok still 1) only at the end of the list. */
	unz_global_info64 gi;
	ok = ok && unzGetGlobalInfo64(zf, &gi) == UNZ_OK && gi.number_entry > 0;
	unzClose(zf);
	return ok && sheets == want_sheets ? 0 : -1;
}

/* ---- opening and closing ---- */

lxw_workbook *xlsx_file_open(const char *path, int *quiet, char *err, size_t errlen)
{
	char tmpdir[4096];
	lxw_workbook_options opts = { 0 };
	const char *slash = strrchr(path, '/');
	*quiet = xlsx_quiet_begin();
	/* Its part files go beside the result, so that one disk decides. */
	snprintf(tmpdir, sizeof tmpdir, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
	opts.tmpdir = tmpdir;
	errno = 0;
	lxw_workbook *wb = workbook_new_opt(path, &opts);
	if (!wb) {
		int e = errno;
		xlsx_quiet_end(*quiet);
		snprintf(err, errlen, _("Could not start writing the workbook."));
		errno = e;
	}
	return wb;
}

int xlsx_file_close(lxw_workbook *wb, lxw_error build_err, int quiet, int sheets, const char *path,
                    char *err, size_t errlen)
{
	errno = 0;
	/* Always closed, even after an error: it also frees the workbook. */
	lxw_error rc = workbook_close(wb);
	int e = errno;
	xlsx_quiet_end(quiet);
	if (build_err == LXW_NO_ERROR)
		build_err = rc;
	if (build_err != LXW_NO_ERROR) {
		snprintf(err, errlen, _("Could not write the workbook: %s."), lxw_strerror(build_err));
		errno = rc != LXW_NO_ERROR ? e : 0;
		return -1;
	}
	if (xlsx_verify(path, sheets) != 0) {
		snprintf(err, errlen, _("The workbook came out incomplete: the disk may be full or a file size limit reached. Free some space and export again."));
		errno = 0;
		return -1;
	}
	return 0;
}

lxw_error xlsx_file_string(lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f)
{
	char *clean = text_sanitize(s ? s : "", 1);
	if (!clean)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	lxw_error rc = worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, clean, f);
	free(clean);
	return rc;
}

void xlsx_file_keep(lxw_error *first, lxw_error rc)
{
	if (rc != LXW_NO_ERROR && *first == LXW_NO_ERROR)
		*first = rc;
}

void xlsx_file_str(lxw_error *first, lxw_worksheet *ws, int row, int col, const char *s,
                   lxw_format *f)
{
	xlsx_file_keep(first, xlsx_file_string(ws, row, col, s, f));
}

void xlsx_file_num(lxw_error *first, lxw_worksheet *ws, int row, int col, double v,
                   lxw_format *f)
{
	xlsx_file_keep(first, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, f));
}
