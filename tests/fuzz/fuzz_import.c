/* fuzz_import: libFuzzer target for the workbook reader and the importer.
 * Each input is written to a file and read as a .xlsx: every input must be
 * read or refused with a message, never crash, leak or overrun. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "catalog.h"
#include "import.h"
#include "xlsx_read.h"

static struct catalog *cat;
static char path[] = "/tmp/kamae-fuzz-import-XXXXXX";

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char err[512];
	int fd = mkstemp(path);
	(void)argc;
	(void)argv;
	cat = catalog_load(catalog_datadir(), err, sizeof err);
	if (!cat || fd < 0)
		abort();
	close(fd);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512] = "";
	struct xlsx_book book;
	struct import_report rep;
	FILE *fp = fopen(path, "wb");
	if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
		abort();
	if (xlsx_read(path, &book, err, sizeof err) == XLSX_READ_OK) {
		if (import_find(cat, &book, &rep, err, sizeof err) == 0)
			import_report_free(&rep);
		else if (!err[0])
			abort();   /* a refusal must say why */
	} else if (!err[0]) {
		abort();
	}
	xlsx_read_free(&book);
	return 0;
}
