/* outfile: files written into a private folder under a temporary name, flushed, and renamed into place only once all of them are complete. */
#ifndef KAMAE_OUTFILE_H
#define KAMAE_OUTFILE_H

#include <stddef.h>
#include <stdio.h>

#define OUTFILE_MAX 20
#define OUTFILE_PATH_MAX 4096

struct outfile_result {
	char dir[OUTFILE_PATH_MAX];  /* the folder written into */
	int n;                       /* files written */
	char paths[OUTFILE_MAX][OUTFILE_PATH_MAX];
	char error[1024];            /* what went wrong, for the user; "" on success */
};

/* One file to write. A text writer gets a stream; a writer that needs a
 * path (libxlsxwriter) gets the temporary file's path. Both return 0 or -1
 * (errno kept, or err filled). */
struct outfile {
	const char *name;
	int (*write_stdio)(FILE *out, const void *ctx);
	int (*write_path)(const void *ctx, const char *path, char *err, size_t errlen);
};

/* Opens the folder to write into and returns a descriptor of it, or -1
 * with res->error set. With base, the folder out_root/base (out_root made
 * 0700 when missing; the current folder when NULL), made 0700 when
 * missing; a base that is a link, someone else's or open to others is left
 * alone and base-2, base-3, ... are tried. Without base, out_root itself,
 * made 0700 when missing, which must be ours and writable by nobody else.
 * *created tells whether the call made the folder. */
int outfile_dir_open(const char *out_root, const char *base, struct outfile_result *res,
                     int *created);

/* Writes the files into the folder dirfd holds (res->dir names it for the
 * user): each to .NAME.XXXXXX (0600), flushed to disk, then all renamed
 * into place; on failure every temporary is removed and res->error says
 * why. Returns 0 or -1. */
int outfile_write(int dirfd, const struct outfile *files, int n, const void *ctx,
                  struct outfile_result *res);

/* A sentence for the user about errno e while writing path. */
void outfile_errno_message(char *err, size_t errlen, const char *path, int e);

#endif
