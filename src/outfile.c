/* outfile: files written into a private folder under a temporary name, flushed, then renamed. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "i18n.h"

#include "outfile.h"

/* ---- messages ---- */

void outfile_errno_message(char *err, size_t errlen, const char *path, int e)
{
	switch (e) {
	case EACCES:
	case EPERM:
	case EROFS:
		snprintf(err, errlen, _("Cannot write into %s: the folder is read-only or you may not "
		                        "write there. Choose another folder."), path);
		break;
	case ENOSPC:
#ifdef EDQUOT
	case EDQUOT:
#endif
		snprintf(err, errlen, _("The disk is full: %s could not be written. Free some space "
		                        "and export again; no file was left half-written."), path);
		break;
	case ENOENT:
		snprintf(err, errlen, _("The folder %s does not exist. Create it or choose another "
		                        "one."), path);
		break;
	case ENOTDIR:
		snprintf(err, errlen, _("%s is not a folder. Choose a folder to export into."), path);
		break;
	case EFBIG:
		snprintf(err, errlen, _("%s could not be written: the file would be larger than this "
		                        "disk or a size limit allows."), path);
		break;
	case ENAMETOOLONG:
		/* Not the path itself: it is what was too long to show. */
		snprintf(err, errlen, _("The folder's path is too long (%zu bytes). Choose a shorter folder."),
		         strlen(path));
		break;
	default:
		snprintf(err, errlen, _("Could not write %s: %s."), path, strerror(e));
		break;
	}
}

/* libxlsxwriter does not always keep errno: a disk with no block left for
 * us is the likeliest cause of a write failing half-way. */
static int outfile_disk_full(const char *dir)
{
	struct statvfs sv;
	return statvfs(dir, &sv) == 0 && sv.f_bavail == 0;
}

/* ---- the folder ---- */

/* Candidates when the day's folder exists but is not ours to use. */
#define OUTFILE_DIR_TRIES 9

/* A folder we may write into: a real folder (not a link), ours, and closed
 * to everyone else, since the files tell where a company is weak. */
static int outfile_dir_private(int fd)
{
	struct stat sb;
	return fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode) && sb.st_uid == geteuid()
	       && (sb.st_mode & 077) == 0;
}

/* A folder nobody else can plant a file or link in: ours, and writable by
 * us alone (others may read it; the files themselves are 0600). */
static int outfile_dir_ours(int fd)
{
	struct stat sb;
	return fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode) && sb.st_uid == geteuid()
	       && (sb.st_mode & 022) == 0;
}

/* Opens (making it 0700 when missing) root/name as a private folder of
 * ours; -1 when that name is taken by something else, -2 on an error. */
static int outfile_subdir_open(int rootfd, const char *name, int *created)
{
	*created = mkdirat(rootfd, name, 0700) == 0;
	if (!*created && errno != EEXIST)
		return -2;
	/* O_NOFOLLOW: a link planted under the name is never followed. */
	int fd = openat(rootfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (*created)
		fchmod(fd, 0700);   /* whatever the umask */
	if (!outfile_dir_private(fd)) {
		close(fd);
		return -1;
	}
	return fd;
}

/* The folder the user named, made when missing: its real path and an open
 * descriptor of it, or -1 with res->error set. */
static int outfile_root_open(const char *out_root, char *root, int *created,
                             struct outfile_result *res)
{
	struct stat sb;
	const char *given = out_root ? out_root : ".";
	*created = 0;
	if (out_root && stat(given, &sb) != 0 && errno == ENOENT) {
		if (mkdir(given, 0700) != 0) {
			outfile_errno_message(res->error, sizeof res->error, given, errno);
			return -1;
		}
		*created = 1;
	}
	if (stat(given, &sb) != 0 || !realpath(given, root)) {
		outfile_errno_message(res->error, sizeof res->error, given, errno);
		return -1;
	}
	if (!S_ISDIR(sb.st_mode)) {
		outfile_errno_message(res->error, sizeof res->error, given, ENOTDIR);
		return -1;
	}
	int fd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		outfile_errno_message(res->error, sizeof res->error, root, errno);
	return fd;
}

static int outfile_set_dir(struct outfile_result *res, const char *root, const char *name)
{
	int len = name ? snprintf(res->dir, sizeof res->dir, "%s%s%s", root,
	                          strcmp(root, "/") == 0 ? "" : "/", name)
	               : snprintf(res->dir, sizeof res->dir, "%s", root);
	if (len < 0 || (size_t)len >= sizeof res->dir) {
		outfile_errno_message(res->error, sizeof res->error, root, ENAMETOOLONG);
		return -1;
	}
	return 0;
}

/* The folder itself: it must be ours and writable by nobody else, since
 * anyone who can write in it could swap a file underneath us. */
static int outfile_root_only(int rootfd, const char *root, int created, struct outfile_result *res)
{
	if (created)
		fchmod(rootfd, 0700);
	if (!outfile_dir_ours(rootfd)) {
		snprintf(res->error, sizeof res->error,
		         _("%s is not a folder of yours alone (another user owns it or may write in it). "
		           "Choose a folder of your own."), root);
		close(rootfd);
		return -1;
	}
	if (outfile_set_dir(res, root, NULL) != 0) {
		close(rootfd);
		return -1;
	}
	return rootfd;
}

int outfile_dir_open(const char *out_root, const char *base, struct outfile_result *res,
                     int *created)
{
	char root[PATH_MAX], name[300];
	int root_created;
	int rootfd = outfile_root_open(out_root, root, &root_created, res);
	*created = 0;
	if (rootfd < 0)
		return -1;
	if (!base) {
		*created = root_created;
		return outfile_root_only(rootfd, root, root_created, res);
	}
	int fd = -1;
	for (int i = 1; i <= OUTFILE_DIR_TRIES && fd < 0; i++) {
		if (i == 1)
			snprintf(name, sizeof name, "%.256s", base);
		else
			snprintf(name, sizeof name, "%.256s-%d", base, i);
		fd = outfile_subdir_open(rootfd, name, created);
		if (fd == -2) {
			outfile_errno_message(res->error, sizeof res->error, root, errno);
			break;
		}
	}
	close(rootfd);
	if (fd == -1)
		snprintf(res->error, sizeof res->error,
		         _("Every name for the export folder in %s is taken by a folder that is not "
		           "yours alone (or by a link). Choose a folder of your own."), root);
	if (fd < 0)
		return -1;
	if (outfile_set_dir(res, root, name) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* The path files are written through: the folder as the descriptor holds
 * it (/proc/self/fd/N), which no rename or link in a shared parent can
 * redirect; the plain path where /proc is missing. */
static void outfile_work_path(int fd, const struct outfile_result *res, char *out, size_t len)
{
	snprintf(out, len, "/proc/self/fd/%d", fd);
	if (access(out, W_OK | X_OK) != 0)
		snprintf(out, len, "%s", res->dir);
}

/* ---- temporary files ---- */

struct outfile_pending {
	char tmp[OUTFILE_PATH_MAX];   /* "" once renamed or removed */
	char final[OUTFILE_PATH_MAX];
	char shown[OUTFILE_PATH_MAX]; /* the final path as the user knows it */
};

/* Creates dir/.NAME.XXXXXX (0600); returns its descriptor or -1. */
static int outfile_tmp_create(const char *dir, const char *shown_dir, const char *name,
                              struct outfile_pending *p, char *err, size_t errlen)
{
	int a = snprintf(p->final, sizeof p->final, "%s/%s", dir, name);
	int b = snprintf(p->tmp, sizeof p->tmp, "%s/.%s.XXXXXX", dir, name);
	int c = snprintf(p->shown, sizeof p->shown, "%s/%s", shown_dir, name);
	if (a < 0 || b < 0 || c < 0 || (size_t)a >= sizeof p->final || (size_t)b >= sizeof p->tmp
	    || (size_t)c >= sizeof p->shown) {
		p->tmp[0] = '\0';
		outfile_errno_message(err, errlen, dir, ENAMETOOLONG);
		return -1;
	}
	int fd = mkstemp(p->tmp);
	if (fd < 0) {
		outfile_errno_message(err, errlen, dir, errno);
		p->tmp[0] = '\0';
	}
	return fd;
}

/* Runs one text writer into fd and flushes it to the disk; closes fd. */
static int outfile_write_stdio(int fd, const struct outfile *f, const void *ctx)
{
	FILE *fp = fdopen(fd, "w");
	if (!fp) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	errno = 0;
	int rc = f->write_stdio(fp, ctx) == 0 && fflush(fp) == 0 ? 0 : -1;
	int e = errno;
	if (rc == 0 && fsync(fileno(fp)) != 0) {
		rc = -1;
		e = errno;
	}
	if (fclose(fp) != 0 && rc == 0) {
		rc = -1;
		e = errno;
	}
	errno = e;
	return rc;
}

static int outfile_fsync_path(const char *path, int dir)
{
	int fd = open(path, (dir ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	int e = errno;
	close(fd);
	errno = e;
	return rc;
}

static int outfile_one(const struct outfile *f, const void *ctx, const char *dir,
                       const char *shown_dir, struct outfile_pending *p, char *err, size_t errlen)
{
	int fd = outfile_tmp_create(dir, shown_dir, f->name, p, err, errlen);
	if (fd < 0)
		return -1;
	if (f->write_stdio) {
		if (outfile_write_stdio(fd, f, ctx) != 0) {
			int e = errno ? errno : outfile_disk_full(dir) ? ENOSPC : EIO;
			outfile_errno_message(err, errlen, p->shown, e);
			return -1;
		}
		return 0;
	}
	close(fd);
	errno = 0;
	if (f->write_path(ctx, p->tmp, err, errlen) != 0) {
		int e = errno ? errno : outfile_disk_full(dir) ? ENOSPC : 0;
		if (e)
			outfile_errno_message(err, errlen, p->shown, e);
		return -1;
	}
	if (outfile_fsync_path(p->tmp, 0) != 0) {
		outfile_errno_message(err, errlen, p->shown, errno);
		return -1;
	}
	return 0;
}

static void outfile_discard(struct outfile_pending *pending, int n)
{
	for (int i = 0; i < n; i++)
		if (pending[i].tmp[0]) {
			unlink(pending[i].tmp);
			pending[i].tmp[0] = '\0';
		}
}

/* Second phase: every file is complete on disk, so put them in place. */
static int outfile_commit(struct outfile_pending *pending, int n, const char *dir,
                          struct outfile_result *res)
{
	for (int i = 0; i < n; i++) {
		if (rename(pending[i].tmp, pending[i].final) != 0) {
			outfile_errno_message(res->error, sizeof res->error, pending[i].shown, errno);
			outfile_discard(pending, n);
			return -1;
		}
		pending[i].tmp[0] = '\0';
		snprintf(res->paths[res->n++], sizeof res->paths[0], "%s", pending[i].shown);
	}
	/* The renames themselves must survive a power cut too. */
	outfile_fsync_path(dir, 1);
	return 0;
}

int outfile_write(int dirfd, const struct outfile *files, int n, const void *ctx,
                  struct outfile_result *res)
{
	char dir[64 + OUTFILE_PATH_MAX];
	if (n > OUTFILE_MAX) {
		snprintf(res->error, sizeof res->error, "%s", strerror(EINVAL));
		return -1;
	}
	struct outfile_pending *pending = calloc((size_t)n, sizeof *pending);
	int done = 0, rc = 0;
	if (!pending) {
		snprintf(res->error, sizeof res->error, "%s", strerror(ENOMEM));
		return -1;
	}
	outfile_work_path(dirfd, res, dir, sizeof dir);
	for (int i = 0; i < n && rc == 0; i++) {
		rc = outfile_one(&files[i], ctx, dir, res->dir, &pending[i], res->error,
		                 sizeof res->error);
		done++;
	}
	if (rc != 0)
		outfile_discard(pending, done);
	else
		rc = outfile_commit(pending, n, dir, res);
	free(pending);
	return rc;
}
