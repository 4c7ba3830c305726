/* xlsx_read: reading a workbook back — zip (minizip) and XML (expat) to cells, with limits against hostile files. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>
#include <unzip.h>

#include "i18n.h"
#include "xlsx_read.h"

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main|"
#define NS_REL "http://schemas.openxmlformats.org/officeDocument/2006/relationships|"
#define NS_PKG "http://schemas.openxmlformats.org/package/2006/relationships|"
/* Bytes kept of one cell's text: the character limit in 4-byte UTF-8. */
#define TEXT_BYTES (XLSX_READ_MAX_TEXT * 4)

/* One reading: the zip, the budget of inflated bytes, the first error. */
struct reader {
	unzFile zf;
	long inflated;
	enum xlsx_read_status status;
};

/* ---- parts of the zip ---- */

/* The part named `name`, inflated whole (NUL-terminated, malloc'd), or
 * NULL with r->status set; a missing part that may be missing is not an
 * error when optional. */
static char *read_part(struct reader *r, const char *name, size_t *len, int optional)
{
	unz_file_info64 info;
	if (unzLocateFile(r->zf, name, 1) != UNZ_OK) {
		if (!optional)
			r->status = XLSX_READ_DAMAGED;
		return NULL;
	}
	if (unzGetCurrentFileInfo64(r->zf, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK) {
		r->status = XLSX_READ_DAMAGED;
		return NULL;
	}
	if (info.uncompressed_size > (ZPOS64_T)XLSX_READ_MAX_PART
	    || r->inflated + (long)info.uncompressed_size > XLSX_READ_MAX_TOTAL) {
		r->status = XLSX_READ_TOO_BIG;
		return NULL;
	}
	if (unzOpenCurrentFile(r->zf) != UNZ_OK) {
		r->status = XLSX_READ_DAMAGED;   /* encrypted entries too */
		return NULL;
	}
	size_t size = (size_t)info.uncompressed_size;
	char *buf = malloc(size + 1);
	int got = buf ? unzReadCurrentFile(r->zf, buf, (unsigned)size) : -1;
	char extra;
	/* The recorded size exactly: a zip that inflates further is lying. */
	int ok = got >= 0 && (size_t)got == size && unzReadCurrentFile(r->zf, &extra, 1) == 0;
	if (unzCloseCurrentFile(r->zf) != UNZ_OK)
		ok = 0;   /* the CRC */
	if (!ok) {
		r->status = buf ? XLSX_READ_DAMAGED : XLSX_READ_NO_MEMORY;
		free(buf);
		return NULL;
	}
	buf[size] = '\0';
	r->inflated += (long)size;
	*len = size;
	return buf;
}

/* ---- a small XML walker on expat ---- */

struct xml {
	XML_Parser p;
	struct reader *r;
	char *text;            /* character data being gathered */
	size_t len;
	int gather;            /* gathering text now */
	int skip;              /* depth inside an element whose text is ignored */
};

static const char *local_name(const char *name)
{
	const char *bar = strrchr(name, '|');
	return bar ? bar + 1 : name;
}

static const char *attr(const char **atts, const char *name)
{
	for (int i = 0; atts[i]; i += 2)
		if (strcmp(atts[i], name) == 0)
			return atts[i + 1];
	return NULL;
}

static void text_reset(struct xml *x)
{
	x->len = 0;
	if (x->text)
		x->text[0] = '\0';
}

static void on_text(void *ud, const XML_Char *s, int n)
{
	struct xml *x = ud;
	if (!x->gather || x->skip || n <= 0)
		return;
	if (x->len + (size_t)n > TEXT_BYTES) {
		x->r->status = XLSX_READ_TOO_BIG;
		XML_StopParser(x->p, XML_FALSE);
		return;
	}
	char *t = realloc(x->text, x->len + (size_t)n + 1);
	if (!t) {
		x->r->status = XLSX_READ_NO_MEMORY;
		XML_StopParser(x->p, XML_FALSE);
		return;
	}
	memcpy(t + x->len, s, (size_t)n);
	x->len += (size_t)n;
	t[x->len] = '\0';
	x->text = t;
}

/* Parses a whole part with the handlers; 0 on success. */
static int xml_run(struct xml *x, const char *data, size_t len, void *ud,
                   XML_StartElementHandler start, XML_EndElementHandler end)
{
	x->p = XML_ParserCreateNS("UTF-8", '|');
	if (!x->p) {
		x->r->status = XLSX_READ_NO_MEMORY;
		return -1;
	}
	XML_SetUserData(x->p, ud);
	XML_SetElementHandler(x->p, start, end);
	XML_SetCharacterDataHandler(x->p, on_text);
	int ok = XML_Parse(x->p, data, (int)len, XML_TRUE) == XML_STATUS_OK;
	XML_ParserFree(x->p);
	x->p = NULL;
	if (!ok && x->r->status == XLSX_READ_OK)
		x->r->status = XLSX_READ_DAMAGED;
	return x->r->status == XLSX_READ_OK ? 0 : -1;
}

/* ---- the workbook: sheets in order, and where each one is ---- */

struct sheet_ref {
	char *name, *rid, *target;
};

struct workbook {
	struct xml x;          /* first: the handlers get this pointer */
	struct sheet_ref refs[XLSX_READ_MAX_SHEETS];
	int n;
};

static void wb_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct workbook *w = ud;
	if (strcmp(el, NS_MAIN "sheet") != 0)
		return;
	const char *name = attr(atts, "name"), *rid = attr(atts, NS_REL "id");
	if (!name || !rid)
		return;
	if (w->n == XLSX_READ_MAX_SHEETS) {
		w->x.r->status = XLSX_READ_TOO_BIG;
		XML_StopParser(w->x.p, XML_FALSE);
		return;
	}
	w->refs[w->n].name = strdup(name);
	w->refs[w->n].rid = strdup(rid);
	w->n++;
}

static void wb_end(void *ud, const XML_Char *el)
{
	(void)ud;
	(void)el;
}

static void rels_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct workbook *w = ud;
	if (strcmp(el, NS_PKG "Relationship") != 0)
		return;
	const char *id = attr(atts, "Id"), *target = attr(atts, "Target");
	for (int i = 0; id && target && i < w->n; i++)
		if (w->refs[i].rid && strcmp(w->refs[i].rid, id) == 0 && !w->refs[i].target) {
			char path[512];
			/* Targets are relative to xl/, or absolute from the zip's root. */
			if (target[0] == '/')
				snprintf(path, sizeof path, "%s", target + 1);
			else
				snprintf(path, sizeof path, "xl/%s", target);
			w->refs[i].target = strdup(path);
		}
}

/* ---- shared strings ---- */

struct strings {
	struct xml x;
	char **s;
	int n, cap;
	int depth_si;
};

static void ss_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct strings *ss = ud;
	const char *name = local_name(el);
	(void)atts;
	if (ss->x.skip) {
		ss->x.skip++;
	} else if (strcmp(name, "rPh") == 0 || strcmp(name, "phoneticPr") == 0) {
		ss->x.skip = 1;   /* furigana runs are not the cell's text */
	} else if (strcmp(name, "si") == 0) {
		text_reset(&ss->x);
		ss->depth_si = 1;
	} else if (strcmp(name, "t") == 0 && ss->depth_si) {
		ss->x.gather = 1;
	}
}

static void ss_end(void *ud, const XML_Char *el)
{
	struct strings *ss = ud;
	const char *name = local_name(el);
	if (ss->x.skip) {
		ss->x.skip--;
		return;
	}
	if (strcmp(name, "t") == 0) {
		ss->x.gather = 0;
	} else if (strcmp(name, "si") == 0) {
		ss->depth_si = 0;
		if (ss->n == XLSX_READ_MAX_STRINGS) {
			ss->x.r->status = XLSX_READ_TOO_BIG;
			XML_StopParser(ss->x.p, XML_FALSE);
			return;
		}
		if (ss->n == ss->cap) {
			int cap = ss->cap ? 2 * ss->cap : 256;
			char **grown = realloc(ss->s, sizeof *grown * (size_t)cap);
			if (!grown) {
				ss->x.r->status = XLSX_READ_NO_MEMORY;
				XML_StopParser(ss->x.p, XML_FALSE);
				return;
			}
			ss->s = grown;
			ss->cap = cap;
		}
		ss->s[ss->n++] = strdup(ss->x.text ? ss->x.text : "");
	}
}

/* ---- a worksheet ---- */

struct sheet_parse {
	struct xml x;
	struct xlsx_sheet *sheet;
	const struct strings *ss;
	int *cells_total;
	int row, col;          /* the cell being read */
	int last_row;
	char type[16];
	int in_cell, in_value, in_inline, rows;
};

/* "B12" to 0-based row 11, column 1; -1 when it is not a reference. */
static int parse_ref(const char *ref, int *row, int *col)
{
	int c = 0, r = 0, letters = 0, digits = 0;
	for (; *ref >= 'A' && *ref <= 'Z' && letters < 4; ref++, letters++)
		c = c * 26 + (*ref - 'A' + 1);
	for (; *ref >= '0' && *ref <= '9' && digits < 8; ref++, digits++)
		r = r * 10 + (*ref - '0');
	if (!letters || !digits || *ref || r < 1)
		return -1;
	*row = r - 1;
	*col = c - 1;
	return 0;
}

static void sheet_add(struct sheet_parse *sp, const char *text)
{
	struct xlsx_sheet *sh = sp->sheet;
	if (!text || !text[0])
		return;
	if (++*sp->cells_total > XLSX_READ_MAX_CELLS) {
		sp->x.r->status = XLSX_READ_TOO_BIG;
		XML_StopParser(sp->x.p, XML_FALSE);
		return;
	}
	if (sh->n == sh->cap) {
		int cap = sh->cap ? 2 * sh->cap : 256;
		struct xlsx_cell *grown = realloc(sh->cells, sizeof *grown * (size_t)cap);
		if (!grown) {
			sp->x.r->status = XLSX_READ_NO_MEMORY;
			XML_StopParser(sp->x.p, XML_FALSE);
			return;
		}
		sh->cells = grown;
		sh->cap = cap;
	}
	char *copy = strdup(text);
	if (!copy) {
		sp->x.r->status = XLSX_READ_NO_MEMORY;
		XML_StopParser(sp->x.p, XML_FALSE);
		return;
	}
	sh->cells[sh->n++] = (struct xlsx_cell){ sp->row, sp->col, copy };
}

static void sheet_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct sheet_parse *sp = ud;
	const char *name = local_name(el);
	if (sp->x.skip) {
		sp->x.skip++;
	} else if (strcmp(name, "row") == 0) {
		const char *r = attr(atts, "r");
		sp->last_row = r ? atoi(r) - 1 : sp->last_row + 1;
		sp->col = -1;
		if (++sp->rows > XLSX_READ_MAX_ROWS || sp->last_row >= 1048576 || sp->last_row < 0) {
			sp->x.r->status = XLSX_READ_TOO_BIG;
			XML_StopParser(sp->x.p, XML_FALSE);
		}
	} else if (strcmp(name, "c") == 0) {
		const char *ref = attr(atts, "r"), *t = attr(atts, "t");
		if (sp->last_row < 0) {   /* a cell outside any row */
			sp->x.r->status = XLSX_READ_DAMAGED;
			XML_StopParser(sp->x.p, XML_FALSE);
			return;
		}
		sp->row = sp->last_row;
		sp->col++;
		if (ref && parse_ref(ref, &sp->row, &sp->col) != 0)
			sp->col = sp->col < 0 ? 0 : sp->col;
		snprintf(sp->type, sizeof sp->type, "%s", t ? t : "n");
		sp->in_cell = 1;
		text_reset(&sp->x);
	} else if (sp->in_cell && strcmp(name, "v") == 0) {
		sp->in_value = 1;
		sp->x.gather = 1;
	} else if (sp->in_cell && strcmp(name, "is") == 0) {
		sp->in_inline = 1;
	} else if (sp->in_inline && strcmp(name, "rPh") == 0) {
		sp->x.skip = 1;
	} else if (sp->in_inline && strcmp(name, "t") == 0) {
		sp->x.gather = 1;
	}
}

static void sheet_end(void *ud, const XML_Char *el)
{
	struct sheet_parse *sp = ud;
	const char *name = local_name(el);
	if (sp->x.skip) {
		sp->x.skip--;
		return;
	}
	if (strcmp(name, "v") == 0 || strcmp(name, "t") == 0) {
		sp->x.gather = 0;
	} else if (strcmp(name, "is") == 0) {
		sp->in_inline = 0;
	} else if (strcmp(name, "c") == 0 && sp->in_cell) {
		const char *text = sp->x.text ? sp->x.text : "";
		if (strcmp(sp->type, "s") == 0) {
			char *end;
			long k = strtol(text, &end, 10);
			text = end != text && *end == '\0' && k >= 0 && k < sp->ss->n ? sp->ss->s[k] : "";
		}
		sheet_add(sp, text);
		sp->in_cell = sp->in_value = 0;
	}
}

/* ---- the whole book ---- */

static const char *status_message(enum xlsx_read_status st)
{
	switch (st) {
	case XLSX_READ_NOT_ZIP:
		return _("it is not an .xlsx workbook (not a zip file, or a damaged one)");
	case XLSX_READ_OLE:
		return _("it is an old .xls file or a password-protected workbook: open it in Excel or LibreOffice and save it as .xlsx without a password");
	case XLSX_READ_DAMAGED:
		return _("the workbook is damaged (a part is missing or broken)");
	case XLSX_READ_TOO_BIG:
		return _("the workbook is far larger than a checksheet (too many cells or too much data)");
	case XLSX_READ_NO_MEMORY:
		return _("out of memory");
	case XLSX_READ_NO_FILE:
		return _("the file cannot be opened (check its name and permissions)");
	case XLSX_READ_OK:
		break;
	}
	return "";
}

/* Looks at the first bytes: a zip, an OLE compound file (.xls or an
 * encrypted .xlsx), or neither. */
static enum xlsx_read_status sniff(const char *path)
{
	static const unsigned char ole[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
	unsigned char head[8] = { 0 };
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return XLSX_READ_NO_FILE;
	size_t n = fread(head, 1, sizeof head, fp);
	fclose(fp);
	if (n == sizeof head && memcmp(head, ole, sizeof ole) == 0)
		return XLSX_READ_OLE;
	return n >= 4 && memcmp(head, "PK\x03\x04", 4) == 0 ? XLSX_READ_OK : XLSX_READ_NOT_ZIP;
}

static void strings_free(struct strings *ss)
{
	for (int i = 0; i < ss->n; i++)
		free(ss->s[i]);
	free(ss->s);
	free(ss->x.text);
}

static void workbook_free(struct workbook *w)
{
	for (int i = 0; i < w->n; i++)
		free(w->refs[i].name), free(w->refs[i].rid), free(w->refs[i].target);
	free(w->x.text);
}

static void read_book(struct reader *r, struct xlsx_book *book)
{
	struct workbook w = { .x.r = r };
	struct strings ss = { .x.r = r };
	size_t len;
	char *part = read_part(r, "xl/workbook.xml", &len, 0);
	if (part)
		xml_run(&w.x, part, len, &w, wb_start, wb_end);
	free(part);
	if (r->status == XLSX_READ_OK && (part = read_part(r, "xl/_rels/workbook.xml.rels", &len, 0)))
		xml_run(&w.x, part, len, &w, rels_start, wb_end);
	free(part);
	if (r->status == XLSX_READ_OK && (part = read_part(r, "xl/sharedStrings.xml", &len, 1)))
		xml_run(&ss.x, part, len, &ss, ss_start, ss_end);
	free(part);
	int cells = 0;
	for (int i = 0; r->status == XLSX_READ_OK && i < w.n; i++) {
		/* Chart sheets and the like have no cells: only worksheets. */
		if (!w.refs[i].target || !strstr(w.refs[i].target, "worksheets/"))
			continue;
		struct xlsx_sheet *sh = &book->sheets[book->n_sheets++];
		sh->name = strdup(w.refs[i].name ? w.refs[i].name : "");
		if (!(part = read_part(r, w.refs[i].target, &len, 0)))
			break;
		struct sheet_parse sp = { .x.r = r, .sheet = sh, .ss = &ss, .cells_total = &cells,
		                          .last_row = -1 };
		xml_run(&sp.x, part, len, &sp, sheet_start, sheet_end);
		free(sp.x.text);
		free(part);
	}
	workbook_free(&w);
	strings_free(&ss);
}

enum xlsx_read_status xlsx_read(const char *path, struct xlsx_book *book, char *err, size_t errlen)
{
	struct reader r = { 0 };
	memset(book, 0, sizeof *book);
	r.status = sniff(path);
	if (r.status == XLSX_READ_OK && !(r.zf = unzOpen64(path)))
		r.status = XLSX_READ_NOT_ZIP;
	if (r.status == XLSX_READ_OK)
		read_book(&r, book);
	if (r.zf)
		unzClose(r.zf);
	if (r.status != XLSX_READ_OK)
		snprintf(err, errlen, "%s", status_message(r.status));
	return r.status;
}

void xlsx_read_free(struct xlsx_book *book)
{
	for (int i = 0; i < book->n_sheets; i++) {
		for (int k = 0; k < book->sheets[i].n; k++)
			free(book->sheets[i].cells[k].text);
		free(book->sheets[i].cells);
		free(book->sheets[i].name);
	}
	memset(book, 0, sizeof *book);
}
