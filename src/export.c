/* export: the data gathered once, the dated folder, and every file written under a temporary name, flushed, then renamed. */
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
#include "export_html.h"
#include "export_text.h"
#include "export_xlsx.h"

/* ---- shared wording ---- */

const char *export_answer_text(enum answer a)
{
	return a == ANSWER_NONE ? "未回答" : answer_label(a);
}

const char *export_status_text(enum action_status s)
{
	switch (s) {
	case ACTION_DOING:
		return "進行中";
	case ACTION_DONE:
		return "完了";
	case ACTION_TODO:
	default:
		return "未着手";
	}
}

void export_points(const struct score_tally *t, char *buf, size_t len)
{
	double scaled = score_scaled(t);
	if (scaled < 0)
		snprintf(buf, len, "該当なし");
	else
		snprintf(buf, len, "%.1f/%d点（%.0f%%）", scaled, t->max, score_percent(t));
}

void export_quarter_name(int year, int q, char *buf, size_t len)
{
	static const char *const months[4] = { "1〜3月", "4〜6月", "7〜9月", "10〜12月" };
	if (q < 1 || q > 4)
		q = 1;
	snprintf(buf, len, "%d年 第%d四半期（%s）", year, q, months[q - 1]);
}

/* ---- gathering the data ---- */

static enum store_status export_setting(struct store *st, int64_t id, const char *key,
                                        char **out)
{
	enum store_status rc = store_setting_get(st, id, key, out);
	if (rc == STORE_NOT_FOUND) {
		*out = strdup("");
		rc = *out ? STORE_OK : STORE_ERR_IO;
	}
	return rc;
}

/* A role nobody has filled in yet reads as empty strings, not an error. */
static enum store_status export_contact(struct store *st, int64_t id, const char *role,
                                        struct store_contact *c)
{
	enum store_status rc = store_contact_get(st, id, role, c);
	if (rc != STORE_NOT_FOUND)
		return rc;
	snprintf(c->role, sizeof c->role, "%s", role);
	c->person = strdup("");
	c->phone = strdup("");
	c->email = strdup("");
	c->after_hours = strdup("");
	c->confirmed[0] = '\0';
	if (!c->person || !c->phone || !c->email || !c->after_hours) {
		store_contact_clear(c);
		return STORE_ERR_IO;
	}
	return STORE_OK;
}

static void export_scores(struct export_data *d)
{
	enum answer now[CATALOG_ITEMS], planned[CATALOG_ITEMS];
	for (int i = 0; i < CATALOG_ITEMS; i++)
		now[i] = planned[i] = d->answers[i].value;
	for (int i = 0; i < d->plan.n; i++)
		planned[d->plan.entries[i].item - 1] = ANSWER_DONE;
	score_compute(d->cat, now, d->profile.target_level, &d->now);
	score_compute(d->cat, planned, d->profile.target_level, &d->planned);
}

enum store_status export_data_load(struct export_data *d, const struct catalog *cat,
                                   struct store *st, const char *today)
{
	enum store_status rc;
	memset(d, 0, sizeof *d);
	d->cat = cat;
	snprintf(d->today, sizeof d->today, "%s", today);
	if ((rc = store_profile_current(st, &d->profile)) != STORE_OK)
		return rc;
	if ((rc = store_answers_load(st, d->profile.id, d->answers)) != STORE_OK)
		return rc;
	if ((rc = plan_build(cat, st, &d->profile, d->answers, today, &d->plan)) != STORE_OK)
		return rc;
	export_scores(d);
	struct store_profile before;
	struct store_answer old[CATALOG_ITEMS];
	if (store_profile_before(st, d->profile.year, &before) == STORE_OK
	    && store_answers_load(st, before.id, old) == STORE_OK) {
		for (int i = 0; i < CATALOG_ITEMS; i++)
			d->prev[i] = old[i].value;
		store_answers_free(old, CATALOG_ITEMS);
		d->prev_year = before.year;
	}
	d->n_missing = contacts_missing(d->answers, d->missing, CONTACTS_MISSING_MAX);
	d->roles = contacts_roles(&d->n_roles);
	d->contacts = calloc((size_t)d->n_roles, sizeof *d->contacts);
	if (!d->contacts)
		return STORE_ERR_IO;
	for (int i = 0; i < d->n_roles; i++)
		if ((rc = export_contact(st, d->profile.id, d->roles[i].key, &d->contacts[i])) != STORE_OK)
			return rc;
	if ((rc = export_setting(st, d->profile.id, CONTACTS_ALT_ORDERING_KEY, &d->alt_ordering))
	    != STORE_OK)
		return rc;
	return export_setting(st, d->profile.id, "plan_approver", &d->approver);
}

void export_data_free(struct export_data *d)
{
	if (!d)
		return;
	/* Before a successful load the notes are NULL, which free() accepts. */
	store_answers_free(d->answers, CATALOG_ITEMS);
	plan_free(&d->plan);
	for (int i = 0; d->contacts && i < d->n_roles; i++)
		store_contact_clear(&d->contacts[i]);
	free(d->contacts);
	free(d->alt_ordering);
	free(d->approver);
	memset(d, 0, sizeof *d);
}

/* ---- messages ---- */

static void export_errno_message(char *err, size_t errlen, const char *path, int e)
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
static int export_disk_full(const char *dir)
{
	struct statvfs sv;
	return statvfs(dir, &sv) == 0 && sv.f_bavail == 0;
}

/* ---- the dated folder ---- */

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

/* Candidates when the day's folder exists but is not ours to use. */
#define EXPORT_DIR_TRIES 9

/* A folder we may write into: a real folder (not a link), ours, and closed
 * to everyone else, since the files tell where the company is weak. */
static int export_dir_private(int fd)
{
	struct stat sb;
	return fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode) && sb.st_uid == geteuid()
	       && (sb.st_mode & 077) == 0;
}

/* Opens (making it 0700 when missing) root/name as a private folder of
 * ours; -1 when that name is taken by something else. */
static int export_dir_open(int rootfd, const char *name, int *created)
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
	if (!export_dir_private(fd)) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Makes or reuses the dated folder under out_root and returns a descriptor
 * of it: the files are written through it, so that nobody who can write
 * in out_root (a shared folder) can swap the folder or a file underneath
 * us. A day's folder that is a link, someone else's, or open to others is
 * left alone and the next free name (…-2, …-3) is used. */
static int export_make_dir(const char *out_root, const char *base, struct export_result *res,
                           int *created)
{
	char root[PATH_MAX], name[300];
	struct stat sb;
	const char *given = out_root ? out_root : ".";
	*created = 0;
	/* --out names a folder to export into: made (0700) when missing. */
	if (out_root && stat(given, &sb) != 0 && errno == ENOENT && mkdir(given, 0700) != 0) {
		export_errno_message(res->error, sizeof res->error, given, errno);
		return -1;
	}
	if (stat(given, &sb) != 0 || !realpath(given, root)) {
		export_errno_message(res->error, sizeof res->error, given, errno);
		return -1;
	}
	if (!S_ISDIR(sb.st_mode)) {
		export_errno_message(res->error, sizeof res->error, given, ENOTDIR);
		return -1;
	}
	int rootfd = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (rootfd < 0) {
		export_errno_message(res->error, sizeof res->error, root, errno);
		return -1;
	}
	int fd = -1;
	for (int i = 1; i <= EXPORT_DIR_TRIES && fd < 0; i++) {
		if (i == 1)
			snprintf(name, sizeof name, "%.256s", base);
		else
			snprintf(name, sizeof name, "%.256s-%d", base, i);
		fd = export_dir_open(rootfd, name, created);
		if (fd == -2) {
			export_errno_message(res->error, sizeof res->error, root, errno);
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
	int len = snprintf(res->dir, sizeof res->dir, "%s%s%s", root, strcmp(root, "/") == 0 ? "" : "/",
	                   name);
	if (len < 0 || (size_t)len >= sizeof res->dir) {
		close(fd);
		export_errno_message(res->error, sizeof res->error, root, ENAMETOOLONG);
		return -1;
	}
	return fd;
}

/* The path files are written through: the folder as the descriptor holds
 * it (/proc/self/fd/N), which no rename or link in a shared parent can
 * redirect; the plain path where /proc is missing. */
static void export_work_path(int fd, const struct export_result *res, char *out, size_t len)
{
	snprintf(out, len, "/proc/self/fd/%d", fd);
	if (access(out, W_OK | X_OK) != 0)
		snprintf(out, len, "%s", res->dir);
}

/* ---- temporary files ---- */

struct export_pending {
	char tmp[EXPORT_PATH_MAX];   /* "" once renamed or removed */
	char final[EXPORT_PATH_MAX];
	char shown[EXPORT_PATH_MAX]; /* the final path as the user knows it */
};

typedef int (*export_stdio_fn)(FILE *out, const struct export_data *d);

static const struct export_file {
	unsigned format;
	const char *name;
	export_stdio_fn write; /* NULL: the workbook, written by libxlsxwriter */
} export_files[EXPORT_MAX_FILES] = {
	{ EXPORT_XLSX, "checksheet.xlsx", NULL },
	{ EXPORT_HTML, "plan.html", export_html_plan },
	{ EXPORT_HTML, "contacts.html", export_html_contacts },
	{ EXPORT_TEXT, "plan.txt", export_text_plan },
	{ EXPORT_TEXT, "contacts.txt", export_text_contacts },
};

/* Creates dir/.NAME.XXXXXX (0600); returns its descriptor or -1. */
static int export_tmp_create(const char *dir, const char *shown_dir, const char *name,
                             struct export_pending *p, char *err, size_t errlen)
{
	int a = snprintf(p->final, sizeof p->final, "%s/%s", dir, name);
	int b = snprintf(p->tmp, sizeof p->tmp, "%s/.%s.XXXXXX", dir, name);
	int c = snprintf(p->shown, sizeof p->shown, "%s/%s", shown_dir, name);
	if (a < 0 || b < 0 || c < 0 || (size_t)a >= sizeof p->final || (size_t)b >= sizeof p->tmp
	    || (size_t)c >= sizeof p->shown) {
		p->tmp[0] = '\0';
		export_errno_message(err, errlen, dir, ENAMETOOLONG);
		return -1;
	}
	int fd = mkstemp(p->tmp);
	if (fd < 0) {
		export_errno_message(err, errlen, dir, errno);
		p->tmp[0] = '\0';
	}
	return fd;
}

/* Runs one text writer into fd and flushes it to the disk; closes fd. */
static int export_write_stdio(int fd, export_stdio_fn fn, const struct export_data *d)
{
	FILE *fp = fdopen(fd, "w");
	if (!fp) {
		int e = errno;
		close(fd);
		errno = e;
		return -1;
	}
	errno = 0;
	int rc = fn(fp, d) == 0 && fflush(fp) == 0 ? 0 : -1;
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

static int export_fsync_path(const char *path, int dir)
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

static int export_one(const struct export_file *f, const struct export_data *d,
                      const char *dir, const char *shown_dir, struct export_pending *p,
                      char *err, size_t errlen)
{
	int fd = export_tmp_create(dir, shown_dir, f->name, p, err, errlen);
	if (fd < 0)
		return -1;
	if (f->write) {
		if (export_write_stdio(fd, f->write, d) != 0) {
			int e = errno ? errno : export_disk_full(dir) ? ENOSPC : EIO;
			export_errno_message(err, errlen, p->shown, e);
			return -1;
		}
		return 0;
	}
	close(fd);
	errno = 0;
	if (export_xlsx_write(d, p->tmp, err, errlen) != 0) {
		int e = errno ? errno : export_disk_full(dir) ? ENOSPC : 0;
		if (e)
			export_errno_message(err, errlen, p->shown, e);
		return -1;
	}
	if (export_fsync_path(p->tmp, 0) != 0) {
		export_errno_message(err, errlen, p->shown, errno);
		return -1;
	}
	return 0;
}

static void export_discard(struct export_pending *pending, int n)
{
	for (int i = 0; i < n; i++)
		if (pending[i].tmp[0]) {
			unlink(pending[i].tmp);
			pending[i].tmp[0] = '\0';
		}
}

/* Second phase: every file is complete on disk, so put them in place. */
static int export_commit(struct export_pending *pending, int n, const char *dir,
                         struct export_result *res)
{
	for (int i = 0; i < n; i++) {
		if (rename(pending[i].tmp, pending[i].final) != 0) {
			export_errno_message(res->error, sizeof res->error, pending[i].shown, errno);
			export_discard(pending, n);
			return -1;
		}
		pending[i].tmp[0] = '\0';
		snprintf(res->paths[res->n++], sizeof res->paths[0], "%s", pending[i].shown);
	}
	/* The renames themselves must survive a power cut too. */
	export_fsync_path(dir, 1);
	return 0;
}

static int export_files_write(const struct export_data *d, unsigned formats, const char *dir,
                              struct export_result *res)
{
	struct export_pending *pending = calloc(EXPORT_MAX_FILES, sizeof *pending);
	int n = 0, rc = 0;
	if (!pending) {
		snprintf(res->error, sizeof res->error, "%s", strerror(ENOMEM));
		return -1;
	}
	for (int i = 0; i < EXPORT_MAX_FILES && rc == 0; i++) {
		if (!(export_files[i].format & formats))
			continue;
		rc = export_one(&export_files[i], d, dir, res->dir, &pending[n], res->error,
		                sizeof res->error);
		n++;
	}
	if (rc != 0)
		export_discard(pending, n);
	else
		rc = export_commit(pending, n, dir, res);
	free(pending);
	return rc;
}

int export_run(const struct catalog *cat, struct store *st, const char *out_root,
               unsigned formats, const char *today, struct export_result *res)
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
		plan_today(date);
	if (!plan_date_valid(date)) {
		snprintf(res->error, sizeof res->error, _("The date %s is not a valid YYYY-MM-DD."), date);
		return -1;
	}
	/* A copied database must be complete on its own, like the exports. */
	store_checkpoint(st);
	enum store_status rc = export_data_load(&d, cat, st, date);
	if (rc != STORE_OK) {
		snprintf(res->error, sizeof res->error, "%s", rc == STORE_NOT_FOUND
		         ? _("There is no assessment to export yet: answer some items first.")
		         : store_error(st));
		export_data_free(&d);
		return -1;
	}
	char base[256];
	export_dir_name(&d.profile, date, base, sizeof base);
	int dirfd = export_make_dir(out_root, base, res, &created), out = -1;
	if (dirfd >= 0) {
		char work[64 + EXPORT_PATH_MAX];
		export_work_path(dirfd, res, work, sizeof work);
		out = export_files_write(&d, formats, work, res);
		if (out != 0 && created)
			rmdir(res->dir);   /* only ever an empty folder */
		close(dirfd);
	}
	export_data_free(&d);
	return out;
}
