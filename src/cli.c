/* cli: the non-interactive subcommands, for scripts, tests, quick looks and exports. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

#include <libintl.h>
#define _(s) gettext(s)

#include "cli.h"
#include "export.h"
#include "summary.h"
#include "text.h"

/* Creates the folders above the default database's own folder (such as
 * ~/.local/share on a fresh account), 0700 as the XDG spec asks; the store
 * creates and checks the last one itself. */
static void make_default_parents(const char *db_path)
{
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", db_path);
	char *last = strrchr(dir, '/');
	if (!last)
		return;
	*last = '\0';
	last = strrchr(dir, '/');
	if (!last)
		return;
	*last = '\0';
	for (char *p = dir + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
	mkdir(dir, 0700);
}

int session_open(struct session *s, const char *db_path, int create)
{
	char err[1024];
	memset(s, 0, sizeof *s);
	s->cat = catalog_load(catalog_datadir(), err, sizeof err);
	if (!s->cat) {
		fprintf(stderr, "kamae: %s\n", err);
		return -1;
	}
	if (db_path) {
		snprintf(s->db_path, sizeof s->db_path, "%s", db_path);
	} else if (store_default_path(s->db_path, sizeof s->db_path) == 0) {
		make_default_parents(s->db_path);
	} else {
		fprintf(stderr, _("kamae: cannot find a place for the database: set HOME or use --db FILE\n"));
		session_close(s);
		return -1;
	}
	struct stat sb;
	if (!create && stat(s->db_path, &sb) != 0) {
		fprintf(stderr, _("kamae: there is no database at %s: start 'kamae' (or 'kamae init') first, or give --db FILE\n"),
		        s->db_path);
		session_close(s);
		return -1;
	}
	enum store_status status;
	s->st = store_open(s->db_path, &status, err, sizeof err);
	if (!s->st) {
		fprintf(stderr, "kamae: %s\n", err);
		session_close(s);
		return -1;
	}
	return 0;
}

void session_close(struct session *s)
{
	store_close(s->st);
	catalog_free(s->cat);
	s->st = NULL;
	s->cat = NULL;
}

static int current_year(void)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return tm.tm_year + 1900;
}

static void list_bands(const struct catalog *cat)
{
	for (int i = 0; i < cat->n_bands; i++)
		fprintf(stderr, "  %-8s %s\n", cat->bands[i].id, cat->bands[i].name);
}

/* Loads the current assessment or, when there is none, a new default one. */
static int profile_or_default(struct session *s, struct store_profile *p)
{
	enum store_status rc = store_profile_current(s->st, p);
	if (rc == STORE_OK)
		return 1;
	memset(p, 0, sizeof *p);
	p->target_level = 2;
	p->year = current_year();
	snprintf(p->guideline, sizeof p->guideline, "%s", GUIDELINE_VERSION);
	return rc == STORE_NOT_FOUND ? 0 : -1;
}

static int set_text(char *dst, size_t len, const char *value, const char *what)
{
	char *clean = text_sanitize(value, 0);
	if (!clean)
		return -1;
	if (strlen(clean) >= len) {
		fprintf(stderr, _("kamae: the %s is too long\n"), what);
		free(clean);
		return -1;
	}
	snprintf(dst, len, "%s", clean);
	free(clean);
	return 0;
}

int cli_init(struct session *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "company", required_argument, NULL, 'c' },
		{ "band", required_argument, NULL, 'b' },
		{ "target", required_argument, NULL, 't' },
		{ "year", required_argument, NULL, 'y' },
		{ "assessor", required_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	struct store_profile p;
	int have = profile_or_default(s, &p), opt, year = 0;
	if (have < 0) {
		fprintf(stderr, "kamae: %s\n", store_error(s->st));
		return EXIT_FAILED;
	}
	optind = 1;
	while ((opt = getopt_long(argc, argv, "c:b:t:y:a:", opts, NULL)) != -1) {
		char *end;
		switch (opt) {
		case 'c':
			if (set_text(p.company, sizeof p.company, optarg, _("company name")) != 0)
				return EXIT_USAGE;
			break;
		case 'a':
			if (set_text(p.assessor, sizeof p.assessor, optarg, _("assessor name")) != 0)
				return EXIT_USAGE;
			break;
		case 'b':
			if (!catalog_band(s->cat, optarg)) {
				fprintf(stderr, _("kamae: unknown employee band '%s'; use one of:\n"), optarg);
				list_bands(s->cat);
				return EXIT_USAGE;
			}
			snprintf(p.band, sizeof p.band, "%s", optarg);
			break;
		case 't':
			if (strlen(optarg) != 1 || optarg[0] < '1' || optarg[0] > '3') {
				fprintf(stderr, _("kamae: the target level must be 1, 2 or 3\n"));
				return EXIT_USAGE;
			}
			p.target_level = optarg[0] - '0';
			break;
		case 'y':
			errno = 0;
			year = (int)strtol(optarg, &end, 10);
			if (errno || *end || year < 2000 || year > 2100) {
				fprintf(stderr, _("kamae: the year must be between 2000 and 2100\n"));
				return EXIT_USAGE;
			}
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, _("kamae: init takes no argument '%s'\n"), argv[optind]);
		return EXIT_USAGE;
	}
	/* A different year starts a new assessment; the old one stays in the file. */
	if (have && year && year != p.year)
		p.id = 0;
	if (year)
		p.year = year;
	if (store_profile_save(s->st, &p) != STORE_OK) {
		fprintf(stderr, "kamae: %s\n", store_error(s->st));
		return EXIT_FAILED;
	}
	printf(_("Assessment %d for %s saved in %s\n"), p.year,
	       p.company[0] ? p.company : _("(no company name)"), s->db_path);
	return EXIT_OK;
}

static int need_profile(struct session *s, struct store_profile *p)
{
	enum store_status rc = store_profile_current(s->st, p);
	if (rc == STORE_NOT_FOUND)
		fprintf(stderr, _("kamae: %s has no assessment yet: run 'kamae' or 'kamae init' first\n"),
		        s->db_path);
	else if (rc != STORE_OK)
		fprintf(stderr, "kamae: %s\n", store_error(s->st));
	return rc == STORE_OK ? 0 : -1;
}

int cli_answer(struct session *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "note", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	const char *note = NULL;
	int opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "n:", opts, NULL)) != -1) {
		if (opt != 'n')
			return EXIT_USAGE;
		note = optarg;
	}
	if (argc - optind != 2) {
		fprintf(stderr, _("Usage: kamae answer NO VALUE [--note TEXT]\n"
		                  "VALUE is 2 (対策完了), 1 (対策中), 0 (未実施), n (該当なし) or none.\n"));
		return EXIT_USAGE;
	}
	char *end;
	long no = strtol(argv[optind], &end, 10);
	enum answer value;
	if (*end || no < 1 || no > CATALOG_ITEMS) {
		fprintf(stderr, _("kamae: the item number must be 1 to %d\n"), CATALOG_ITEMS);
		return EXIT_USAGE;
	}
	if (answer_parse(argv[optind + 1], &value) != 0) {
		fprintf(stderr, _("kamae: '%s' is not an answer: use 2, 1, 0, n or none\n"), argv[optind + 1]);
		return EXIT_USAGE;
	}
	struct store_profile p;
	if (need_profile(s, &p) != 0)
		return EXIT_FAILED;
	if (store_answer_set(s->st, p.id, (int)no, value) != STORE_OK) {
		fprintf(stderr, "kamae: %s\n", store_error(s->st));
		return EXIT_FAILED;
	}
	if (note) {
		char *clean = text_sanitize(note, 0);
		enum store_status rc = clean ? store_note_set(s->st, p.id, (int)no, clean) : STORE_ERR_IO;
		free(clean);
		if (rc != STORE_OK) {
			fprintf(stderr, "kamae: %s\n", store_error(s->st));
			return EXIT_FAILED;
		}
	}
	return EXIT_OK;
}

int cli_summary(struct session *s, int argc, char **argv)
{
	if (argc > 1) {
		fprintf(stderr, _("kamae: summary takes no argument '%s'\n"), argv[1]);
		return EXIT_USAGE;
	}
	struct store_profile p;
	struct store_answer answers[CATALOG_ITEMS];
	if (need_profile(s, &p) != 0)
		return EXIT_FAILED;
	if (store_answers_load(s->st, p.id, answers) != STORE_OK) {
		fprintf(stderr, "kamae: %s\n", store_error(s->st));
		return EXIT_FAILED;
	}
	summary_print(stdout, s->cat, &p, answers);
	store_answers_free(answers, CATALOG_ITEMS);
	return EXIT_OK;
}

int cli_export(struct session *s, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "out", required_argument, NULL, 'o' },
		{ "xlsx", no_argument, NULL, 'x' },
		{ "html", no_argument, NULL, 'h' },
		{ "text", no_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const char *out_dir = NULL;
	unsigned formats = 0;
	int opt;
	optind = 1;
	while ((opt = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		switch (opt) {
		case 'o':
			out_dir = optarg;
			break;
		case 'x':
			formats |= EXPORT_XLSX;
			break;
		case 'h':
			formats |= EXPORT_HTML;
			break;
		case 't':
			formats |= EXPORT_TEXT;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, _("kamae: export takes no argument '%s' (use --out DIR)\n"), argv[optind]);
		return EXIT_USAGE;
	}
	struct store_profile p;
	if (need_profile(s, &p) != 0)
		return EXIT_FAILED;
	struct export_result *res = malloc(sizeof *res);
	if (!res) {
		fprintf(stderr, "kamae: %s\n", strerror(ENOMEM));
		return EXIT_FAILED;
	}
	int rc = EXIT_OK;
	if (export_run(s->cat, s->st, out_dir, formats, NULL, res) != 0) {
		fprintf(stderr, "kamae: %s\n", res->error);
		rc = EXIT_FAILED;
	} else {
		printf(_("Exported to %s:\n"), res->dir);
		for (int i = 0; i < res->n; i++)
			printf("  %s\n", res->paths[i]);
	}
	free(res);
	return rc;
}
