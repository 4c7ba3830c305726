/* fuzz_catalog: libFuzzer target for the catalog parser. The first byte of
 * an input picks one data file, the rest replaces it in a private copy of
 * the real data folder; catalog_load must then either load or refuse with a
 * message, never crash, leak or read out of bounds. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"

static const char *const files[] = {
	"categories.tsv", "labels.tsv", "items.tsv", "groups.tsv", "measures.tsv", "roles.tsv",
	"efforts.tsv", "coach.tsv", "bands.tsv", "overall.tsv", "glossary.tsv",
};
#define N_FILES (sizeof files / sizeof files[0])

static char dir[] = "/tmp/kamae-fuzz-XXXXXX";
static char *originals[N_FILES];
static size_t original_len[N_FILES];

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	long n;
	if (!fp || fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET) != 0
	    || !(buf = malloc((size_t)n + 1)) || fread(buf, 1, (size_t)n, fp) != (size_t)n)
		abort();
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

static void spit(const char *name, const void *data, size_t len)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *fp = fopen(path, "wb");
	if (!fp || fwrite(data, 1, len, fp) != len || fclose(fp) != 0)
		abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *src = getenv("KAMAE_DATADIR");
	char path[4096];
	if (!src || !mkdtemp(dir))
		abort();
	for (size_t i = 0; i < N_FILES; i++) {
		snprintf(path, sizeof path, "%s/%s", src, files[i]);
		originals[i] = slurp(path, &original_len[i]);
		spit(files[i], originals[i], original_len[i]);
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512];
	if (size < 1)
		return 0;
	size_t which = data[0] % N_FILES;
	spit(files[which], data + 1, size - 1);
	struct catalog *cat = catalog_load(dir, err, sizeof err);
	if (!cat && !err[0])
		abort();   /* a refusal must say why */
	catalog_free(cat);
	spit(files[which], originals[which], original_len[which]);
	return 0;
}
