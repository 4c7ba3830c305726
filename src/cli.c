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
#include <unistd.h>

#include "i18n.h"

#include "cli.h"
#include "export.h"
#include "import.h"
#include "room.h"
#include "room_report.h"
#include "xlsx_read.h"
#include "score.h"
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

int session_load_catalog(struct session *s)
{
	char err[1024];
	memset(s, 0, sizeof *s);
	s->cat = catalog_load(catalog_datadir(), err, sizeof err);
	if (!s->cat) {
		fprintf(stderr, "kamae: %s\n", err);
		return -1;
	}
	return 0;
}

int session_open_store(struct session *s, const char *db_path, int create, int reads_only)
{
	char err[1024];
	if (db_path) {
		snprintf(s->db_path, sizeof s->db_path, "%s", db_path);
	} else if (store_default_path(s->db_path, sizeof s->db_path) == 0) {
		if (create)
			make_default_parents(s->db_path);
	} else {
		fprintf(stderr, _("kamae: cannot find a place for the database: set HOME or use --db FILE\n"));
		return -1;
	}
	struct stat sb;
	if (!create && stat(s->db_path, &sb) != 0) {
		fprintf(stderr, _("kamae: there is no database at %s: start 'kamae' (or 'kamae init') first, or give --db FILE\n"),
		        s->db_path);
		return -1;
	}
	enum store_status status;
	s->st = reads_only ? store_open_readonly(s->db_path, &status, err, sizeof err)
	                   : store_open(s->db_path, &status, err, sizeof err);
	if (!s->st) {
		fprintf(stderr, "kamae: %s\n", err);
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

/* Copies a command-line text into a profile field; the message is the
 * whole sentence to print when it does not fit. */
static int set_text(char *dst, size_t len, const char *value, const char *too_long)
{
	char *clean = text_sanitize(value, 0);
	if (!clean)
		return -1;
	if (strlen(clean) >= len) {
		fputs(too_long, stderr);
		free(clean);
		return -1;
	}
	snprintf(dst, len, "%s", clean);
	free(clean);
	return 0;
}

/* ---- parsing: every command accepts --db FILE and --help ---- */

enum { OPT_DB = 0x100, OPT_HELP, OPT_YEAR };

#define COMMON_OPTIONS \
	{ "db", required_argument, NULL, OPT_DB }, \
	{ "year", required_argument, NULL, OPT_YEAR }, \
	{ "help", no_argument, NULL, OPT_HELP }

int cli_parse_year(const char *text, int *year)
{
	char *end;
	errno = 0;
	long y = strtol(text, &end, 10);
	if (errno || end == text || *end || y < 2000 || y > 2100) {
		fprintf(stderr, _("kamae: the year must be between 2000 and 2100\n"));
		return EXIT_USAGE;
	}
	*year = (int)y;
	return EXIT_OK;
}

/* Handles the options every command shares; 0 when opt was one of them. */
static int common_option(int opt, struct cli_args *a)
{
	if (opt == OPT_DB) {
		if (!optarg[0]) {
			fprintf(stderr, _("kamae: --db needs a file name\n"));
			return EXIT_USAGE;
		}
		a->db = optarg;
		return 0;
	}
	if (opt == OPT_HELP) {
		a->help = 1;
		return 0;
	}
	if (opt == OPT_YEAR)
		return cli_parse_year(optarg, &a->year);
	return -1;
}

static int try_help(const char *cmd)
{
	fprintf(stderr, _("Try 'kamae %s --help' or 'kamae --help' for more information.\n"), cmd);
	return EXIT_USAGE;
}

static int no_arguments(int argc, char **argv, const struct cli_args *a)
{
	if (optind < argc) {
		fprintf(stderr, _("kamae: %s takes no argument '%s'\n"), a->command, argv[optind]);
		return try_help(a->command);
	}
	return EXIT_OK;
}

/* Starts getopt afresh on a command's own argv. */
static void getopt_reset(void)
{
	optind = 0;
}

int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts)
{
	char spec[16];
	/* ':' first (after a '+'): a missing value is told apart from an
	 * unknown option, and the messages are ours, in the user's language. */
	int plus = shortopts[0] == '+';
	snprintf(spec, sizeof spec, "%s:%s", plus ? "+" : "", shortopts + plus);
	opterr = 0;
	int opt = getopt_long(argc, argv, spec, longopts, NULL);
	const char *word = optind > 0 && optind <= argc ? argv[optind - 1] : "";
	if (opt == '?') {
		fprintf(stderr, _("kamae: unrecognized option '%s'\n"), word);
	} else if (opt == ':') {
		fprintf(stderr, _("kamae: the option '%s' needs a value\n"), word);
		opt = '?';
	}
	return opt;
}

/* A command's own option: 0 when taken, EXIT_USAGE after a message about
 * its value, -1 when the command has no such option. */
typedef int (*option_fn)(const struct catalog *cat, int opt, struct cli_args *a);

/* The getopt loop every command shares: --db, --year and --help here, the
 * command's own options through fn (NULL: none). */
static int parse_options_short(const struct catalog *cat, int argc, char **argv,
                               const char *shortopts, const struct option *opts, option_fn fn,
                               struct cli_args *a)
{
	int opt, rc;
	getopt_reset();
	while ((opt = cli_getopt(argc, argv, shortopts, opts)) != -1) {
		if ((rc = common_option(opt, a)) < 0)
			rc = fn ? fn(cat, opt, a) : -1;
		if (rc < 0)
			return try_help(a->command);
		if (rc)
			return rc;
	}
	return EXIT_OK;
}

static int parse_options(const struct catalog *cat, int argc, char **argv, const struct option *opts,
                         option_fn fn, struct cli_args *a)
{
	return parse_options_short(cat, argc, argv, "", opts, fn, a);
}

static int init_option(const struct catalog *cat, int opt, struct cli_args *a)
{
	switch (opt) {
	case 'c':
		a->company = optarg;
		return 0;
	case 'a':
		a->assessor = optarg;
		return 0;
	case 'b':
		if (!catalog_band(cat, optarg)) {
			fprintf(stderr, _("kamae: unknown employee band '%s'; use one of:\n"), optarg);
			list_bands(cat);
			return EXIT_USAGE;
		}
		a->band = optarg;
		return 0;
	case 't':
		if (strlen(optarg) != 1 || optarg[0] < '1' || optarg[0] > '3') {
			fprintf(stderr, _("kamae: the target level must be 1, 2 or 3\n"));
			return EXIT_USAGE;
		}
		a->target = optarg[0] - '0';
		return 0;
	case 'f':
		return cli_parse_year(optarg, &a->from);
	}
	return -1;
}

static int parse_init(const struct catalog *cat, int argc, char **argv, struct cli_args *a)
{
	static const struct option opts[] = {
		{ "company", required_argument, NULL, 'c' },
		{ "band", required_argument, NULL, 'b' },
		{ "target", required_argument, NULL, 't' },
		{ "from", required_argument, NULL, 'f' },
		{ "assessor", required_argument, NULL, 'a' },
		COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int rc = parse_options(cat, argc, argv, opts, init_option, a);
	return rc ? rc : no_arguments(argc, argv, a);
}

static int answer_option(const struct catalog *cat, int opt, struct cli_args *a)
{
	(void)cat;
	if (opt == 'q') {
		a->quiet = 1;
		return 0;
	}
	if (opt != 'n')
		return -1;
	a->note = optarg;
	if (!store_note_fits(a->note)) {
		fprintf(stderr, _("kamae: the note has %zu characters; a note can hold %d. Nothing was saved.\n"),
		        text_chars(a->note), STORE_TEXT_MAX);
		return EXIT_USAGE;
	}
	return 0;
}

static int parse_answer(const struct catalog *cat, int argc, char **argv, struct cli_args *a)
{
	static const struct option opts[] = {
		{ "note", required_argument, NULL, 'n' },
		{ "quiet", no_argument, NULL, 'q' },
		COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	/* -q as well: a script answering 153 items wants it short. */
	int rc = parse_options_short(cat, argc, argv, "q", opts, answer_option, a);
	if (rc || a->help)
		return rc;
	if (argc - optind != 2) {
		fprintf(stderr, _("Usage: kamae answer NO VALUE [--note TEXT] [-q]\n"
		                  "VALUE is 2 (対策完了), 1 (対策中), 0 (未実施), n (該当なし) or none.\n"));
		return try_help(a->command);
	}
	char *end;
	errno = 0;
	long no = strtol(argv[optind], &end, 10);
	if (errno || end == argv[optind] || *end || no < 1 || no > CATALOG_ITEMS) {
		fprintf(stderr, _("kamae: the item number must be 1 to %d\n"), CATALOG_ITEMS);
		return EXIT_USAGE;
	}
	a->item = (int)no;
	if (answer_parse(argv[optind + 1], &a->value) != 0) {
		fprintf(stderr, _("kamae: '%s' is not an answer: use 2, 1, 0, n or none\n"), argv[optind + 1]);
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

/* summary and years: no options of their own. */
static int parse_summary(const struct catalog *cat, int argc, char **argv, struct cli_args *a)
{
	static const struct option opts[] = { COMMON_OPTIONS, { NULL, 0, NULL, 0 } };
	int rc = parse_options(cat, argc, argv, opts, NULL, a);
	return rc ? rc : no_arguments(argc, argv, a);
}

static int export_option(const struct catalog *cat, int opt, struct cli_args *a)
{
	(void)cat;
	switch (opt) {
	case 'o': a->out_dir = optarg; return 0;
	case 'x': a->formats |= EXPORT_XLSX; return 0;
	case 'h': a->formats |= EXPORT_HTML; return 0;
	case 't': a->formats |= EXPORT_TEXT; return 0;
	case 's': {
		enum plan_scope scope;
		if (plan_scope_parse(optarg, &scope) != 0) {
			fprintf(stderr, _("kamae: --plan-scope is priority, lv1 or target, not '%s'\n"), optarg);
			return EXIT_USAGE;
		}
		a->plan_scope = (int)scope;
		return 0;
	}
	}
	return -1;
}

static int parse_export(const struct catalog *cat, int argc, char **argv, struct cli_args *a)
{
	static const struct option opts[] = {
		{ "out", required_argument, NULL, 'o' },
		{ "xlsx", no_argument, NULL, 'x' },
		{ "html", no_argument, NULL, 'h' },
		{ "text", no_argument, NULL, 't' },
		{ "plan-scope", required_argument, NULL, 's' },
		COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int rc = parse_options(cat, argc, argv, opts, export_option, a);
	if (rc)
		return rc;
	if (optind < argc) {
		fprintf(stderr, _("kamae: export takes no argument '%s' (use --out DIR)\n"), argv[optind]);
		return try_help(a->command);
	}
	return EXIT_OK;
}

static int import_option(const struct catalog *cat, int opt, struct cli_args *a)
{
	(void)cat;
	if (opt == 'd')
		a->dry_run = 1;
	else if (opt == 'r')
		a->replace = 1;
	else
		return -1;
	return 0;
}

static int room_option(const struct catalog *cat, int opt, struct cli_args *a)
{
	(void)cat;
	switch (opt) {
	case 'a': a->anonymous = 1; return 0;
	case 'o': a->out_dir = optarg; return 0;
	}
	return -1;
}

static int parse_room(const struct catalog *cat, int argc, char **argv, struct cli_args *a)
{
	static const struct option opts[] = {
		{ "anonymous", no_argument, NULL, 'a' },
		{ "out", required_argument, NULL, 'o' },
		COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int rc = parse_options(cat, argc, argv, opts, room_option, a);
	if (rc)
		return rc;
	if (a->db) {
		fprintf(stderr, _("kamae: room reads the files it is given, not --db: name the files or folders\n"));
		return try_help(a->command);
	}
	if (optind >= argc && !a->help) {
		fprintf(stderr, _("kamae: room needs the company files, or a folder of them\n"));
		return try_help(a->command);
	}
	a->paths = argv + optind;
	a->n_paths = argc - optind;
	return EXIT_OK;
}

static int parse_import(const struct catalog *cat, int argc, char **argv, struct cli_args *a)
{
	static const struct option opts[] = {
		{ "dry-run", no_argument, NULL, 'd' },
		{ "replace", no_argument, NULL, 'r' },
		COMMON_OPTIONS,
		{ NULL, 0, NULL, 0 },
	};
	int rc = parse_options(cat, argc, argv, opts, import_option, a);
	if (rc || a->help)
		return rc;
	if (argc - optind != 1) {
		fprintf(stderr, _("kamae: import needs one file: kamae import FILE.xlsx\n"));
		return try_help(a->command);
	}
	a->file = argv[optind];
	return EXIT_OK;
}

/* ---- running ---- */

/* "2025, 2026": the years the file holds, for messages; "" when none. */
static void years_text(struct session *s, char *buf, size_t len)
{
	struct store_profile *list = NULL;
	int n = 0;
	size_t used = 0;
	buf[0] = '\0';
	if (store_profile_list(s->st, &list, &n) != STORE_OK)
		return;
	for (int i = n - 1; i >= 0 && used < len; i--) {
		int w = snprintf(buf + used, len - used, "%s%d", used ? ", " : "", list[i].year);
		used += w > 0 ? (size_t)w : 0;
	}
	free(list);
}

static int no_such_year(struct session *s, int year)
{
	char years[256];
	years_text(s, years, sizeof years);
	if (years[0])
		fprintf(stderr, _("kamae: %s has no assessment for %d; it has: %s\n"), s->db_path, year, years);
	else
		fprintf(stderr, _("kamae: %s has no assessment yet: run 'kamae' or 'kamae init' first\n"),
		        s->db_path);
	return EXIT_FAILED;
}

int session_dry_run_without_file(struct session *s, const char *db_path)
{
	struct stat sb;
	if (db_path)
		snprintf(s->db_path, sizeof s->db_path, "%s", db_path);
	else if (store_default_path(s->db_path, sizeof s->db_path) != 0)
		return 0;
	return stat(s->db_path, &sb) != 0;
}

int session_check_year(struct session *s, int year)
{
	struct store_profile p, any;
	if (!year || store_profile_by_year(s->st, year, &p) == STORE_OK
	    || store_profile_current(s->st, &any) != STORE_OK)
		return 0;   /* that year, or an empty file the wizard will start */
	no_such_year(s, year);
	return -1;
}

/* init: edits the selected (or latest) assessment, or starts the year
 * given with --year, from the latest one's profile and, with --from, from
 * that year's answers, notes, tasks and contacts. */
static int run_init(struct session *s, const struct cli_args *a)
{
	struct store_profile p, from_p;
	int have = profile_or_default(s, &p), carried = 0;
	if (have < 0) {
		fprintf(stderr, "kamae: %s\n", store_error(s->st));
		return EXIT_FAILED;
	}
	if (a->year) {
		enum store_status rc = store_profile_by_year(s->st, a->year, &p);
		if (rc == STORE_NOT_FOUND) {
			/* A new year: the company's profile carries over, not the id. */
			if (!have)
				profile_or_default(s, &p);
			p.id = 0;
			p.year = a->year;
		} else if (rc != STORE_OK) {
			fprintf(stderr, "kamae: %s\n", store_error(s->st));
			return EXIT_FAILED;
		} else if (a->from) {
			fprintf(stderr, _("kamae: %d already has an assessment: --from only starts a new year\n"),
			        a->year);
			return EXIT_USAGE;
		}
	}
	if (a->from) {
		if (!a->year || a->from >= a->year) {
			fprintf(stderr, _("kamae: --from YEAR starts a later year: give it with --year, e.g. 'kamae --year %d init --from %d'\n"),
			        a->from + 1, a->from);
			return EXIT_USAGE;
		}
		if (store_profile_by_year(s->st, a->from, &from_p) != STORE_OK)
			return no_such_year(s, a->from);
	}
	if (a->company && set_text(p.company, sizeof p.company, a->company,
	                           _("kamae: the company name is too long\n")) != 0)
		return EXIT_USAGE;
	if (a->assessor && set_text(p.assessor, sizeof p.assessor, a->assessor,
	                            _("kamae: the assessor name is too long\n")) != 0)
		return EXIT_USAGE;
	if (a->band)
		snprintf(p.band, sizeof p.band, "%s", a->band);
	if (a->target)
		p.target_level = a->target;
	if (store_profile_save(s->st, &p) != STORE_OK
	    || (a->from && store_carry_forward(s->st, from_p.id, p.id, &carried) != STORE_OK)) {
		fprintf(stderr, "kamae: %s\n", store_error(s->st));
		return EXIT_FAILED;
	}
	printf(_("Assessment %d for %s saved in %s\n"), p.year,
	       p.company[0] ? p.company : _("(no company name)"), s->db_path);
	if (a->from)
		printf(ngettext("Started from %d: %d answer to re-confirm (要再確認), with the notes, plan tasks and contacts.\n",
		                "Started from %d: %d answers to re-confirm (要再確認), with the notes, plan tasks and contacts.\n",
		                (unsigned long)carried), a->from, carried);
	return EXIT_OK;
}

/* The assessment a command works on: --year's, or the latest. */
static int need_profile(struct session *s, int year, struct store_profile *p)
{
	enum store_status rc = year ? store_profile_by_year(s->st, year, p)
	                            : store_profile_current(s->st, p);
	if (rc == STORE_NOT_FOUND && year) {
		no_such_year(s, year);
		return -1;
	}
	if (rc == STORE_NOT_FOUND)
		fprintf(stderr, _("kamae: %s has no assessment yet: run 'kamae' or 'kamae init' first\n"),
		        s->db_path);
	else if (rc != STORE_OK)
		fprintf(stderr, "kamae: %s\n", store_error(s->st));
	return rc == STORE_OK ? 0 : -1;
}

static int run_answer(struct session *s, const struct cli_args *a)
{
	struct store_profile p;
	char *clean = NULL;
	if (a->note && !(clean = text_sanitize(a->note, 0))) {
		fprintf(stderr, "kamae: %s\n", strerror(ENOMEM));
		return EXIT_FAILED;
	}
	if (need_profile(s, a->year, &p) != 0) {
		free(clean);
		return EXIT_FAILED;
	}
	enum store_status rc = store_answer_note_set(s->st, p.id, a->item, a->value, clean);
	free(clean);
	if (rc != STORE_OK) {
		fprintf(stderr, "kamae: %s\n", store_error(s->st));
		return rc == STORE_ERR_INVALID ? EXIT_USAGE : EXIT_FAILED;
	}
	/* One line of what was saved, so that a typo in NO shows at once. */
	if (!a->quiet) {
		const char *value = a->value == ANSWER_NONE ? _("no answer") : answer_label(a->value);
		if (a->note)
			printf(_("Saved No.%d (%d): %s, with the note.\n"), a->item, p.year, value);
		else
			printf(_("Saved No.%d (%d): %s.\n"), a->item, p.year, value);
	}
	return EXIT_OK;
}

static int run_summary(struct session *s, const struct cli_args *a)
{
	struct store_profile p, before = { 0 };
	struct store_answer answers[CATALOG_ITEMS], old[CATALOG_ITEMS];
	if (need_profile(s, a->year, &p) != 0)
		return EXIT_FAILED;
	if (store_answers_load(s->st, p.id, answers) != STORE_OK) {
		fprintf(stderr, "kamae: %s\n", store_error(s->st));
		return EXIT_FAILED;
	}
	int have_old = store_profile_before(s->st, p.year, &before) == STORE_OK
	               && store_answers_load(s->st, before.id, old) == STORE_OK;
	struct summary_previous prev = { before.year, old };
	summary_print(stdout, s->cat, &p, answers, have_old ? &prev : NULL);
	store_answers_free(answers, CATALOG_ITEMS);
	if (have_old)
		store_answers_free(old, CATALOG_ITEMS);
	return EXIT_OK;
}

/* years: every assessment in the file with its points per level. */
static int run_years(struct session *s, const struct cli_args *a)
{
	struct store_profile *list = NULL;
	int n = 0;
	(void)a;
	if (store_profile_list(s->st, &list, &n) != STORE_OK) {
		fprintf(stderr, "kamae: %s\n", store_error(s->st));
		return EXIT_FAILED;
	}
	if (n == 0)
		fprintf(stderr, _("kamae: %s has no assessment yet: run 'kamae' or 'kamae init' first\n"),
		        s->db_path);
	for (int i = n - 1; i >= 0; i--) {   /* oldest first, as a table reads */
		struct store_answer answers[CATALOG_ITEMS];
		enum answer values[CATALOG_ITEMS];
		struct score_report r;
		int open = 0;
		if (store_answers_load(s->st, list[i].id, answers) != STORE_OK)
			continue;
		for (int k = 0; k < CATALOG_ITEMS; k++) {
			values[k] = answers[k].value;
			open += !answers[k].confirmed;
		}
		store_answers_free(answers, CATALOG_ITEMS);
		score_compute(s->cat, values, list[i].target_level, &r);
		printf(_("%d  %s  target Lv%d  answered %d/%d"), list[i].year,
		       list[i].company[0] ? list[i].company : _("(no company name)"),
		       list[i].target_level, score_tally_answered(&r.target), r.target.total);
		for (int lv = 0; lv < CATALOG_LEVELS; lv++) {
			char points[64];
			summary_format_points(&r.level[lv], points, sizeof points);
			printf("  Lv%d %s", lv + 1, points);
		}
		if (open)
			printf(_("  要再確認 %d"), open);
		putchar('\n');
	}
	free(list);
	return n ? EXIT_OK : EXIT_FAILED;
}

static int run_export(struct session *s, const struct cli_args *a)
{
	struct store_profile p;
	if (need_profile(s, a->year, &p) != 0)
		return EXIT_FAILED;
	struct outfile_result *res = malloc(sizeof *res);
	if (!res) {
		fprintf(stderr, "kamae: %s\n", strerror(ENOMEM));
		return EXIT_FAILED;
	}
	int rc = EXIT_OK;
	if (export_run(s->cat, s->st, a->out_dir, a->formats, a->plan_scope, NULL, res) != 0) {
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

/* What the file holds and what the import will do, before doing it. */
static void import_print_report(const struct import_report *rep)
{
	printf(_("Found on sheet '%s' (header on row %d):\n"), rep->sheet, rep->header_row);
	for (int lv = 0; lv < CATALOG_LEVELS; lv++)
		printf(_("  Lv%d: %d answers, %d notes\n"), lv + 1, rep->answers[lv], rep->notes[lv]);
	if (rep->n_skipped)
		printf(_("Rows skipped:\n"));
	for (int i = 0; i < rep->n_skipped; i++)
		printf(_("  row %d: %s\n"), rep->skipped[i].sheet_row, rep->skipped[i].reason);
	if (rep->more_skipped)
		printf(_("  ... and %d more\n"), rep->more_skipped);
}

static int run_import(struct session *s, const struct cli_args *a)
{
	struct xlsx_book book;
	struct import_report rep;
	struct store_profile p;
	char err[512];
	if (xlsx_read(a->file, &book, err, sizeof err) != XLSX_READ_OK) {
		fprintf(stderr, _("kamae: cannot import %s: %s. Nothing was imported.\n"), a->file, err);
		xlsx_read_free(&book);
		return EXIT_FAILED;
	}
	if (import_find(s->cat, &book, &rep, err, sizeof err) != 0) {
		fprintf(stderr, _("kamae: cannot import %s: %s. Nothing was imported.\n"), a->file, err);
		xlsx_read_free(&book);
		return EXIT_FAILED;
	}
	/* The year's assessment, made like init when the file has none. */
	int have = s->st && (a->year ? store_profile_by_year(s->st, a->year, &p) == STORE_OK
	                             : store_profile_current(s->st, &p) == STORE_OK);
	if (!s->st) {
		memset(&p, 0, sizeof p);
		p.year = a->year ? a->year : current_year();
	} else if (!have) {
		if (profile_or_default(s, &p) < 0) {
			fprintf(stderr, "kamae: %s\n", store_error(s->st));
			import_report_free(&rep);
			xlsx_read_free(&book);
			return EXIT_FAILED;
		}
		p.id = 0;
		if (a->year)
			p.year = a->year;
	}
	import_print_report(&rep);
	struct store_answer existing[CATALOG_ITEMS];
	int clash = 0;
	if (have && store_answers_load(s->st, p.id, existing) == STORE_OK) {
		for (int i = 0; i < rep.n; i++)
			if (existing[rep.rows[i].item - 1].value != ANSWER_NONE) {
				if (!clash++)
					printf(a->replace ? _("Already answered in %d, to be overwritten (--replace):")
					                  : _("Already answered in %d, kept (--replace overwrites them):"),
					       p.year);
				printf(" %d", rep.rows[i].item);
			}
		if (clash)
			putchar('\n');
		store_answers_free(existing, CATALOG_ITEMS);
	}
	int rc = EXIT_OK;
	if (a->dry_run) {
		printf(_("--dry-run: nothing was imported.\n"));
	} else {
		struct store_import_row rows[CATALOG_ITEMS];
		int written = 0, kept = 0;
		for (int i = 0; i < rep.n; i++)
			rows[i] = (struct store_import_row){ rep.rows[i].item, rep.rows[i].value, rep.rows[i].note };
		if ((!have && store_profile_save(s->st, &p) != STORE_OK)
		    || store_import(s->st, p.id, rows, rep.n, a->replace, &written, &kept) != STORE_OK) {
			fprintf(stderr, _("kamae: %s. Nothing was imported.\n"), store_error(s->st));
			rc = EXIT_FAILED;
		} else {
			printf(_("Imported into %d: %d items (answers 要再確認 until you confirm them), %d kept.\n"),
			       p.year, written, kept);
		}
	}
	import_report_free(&rep);
	xlsx_read_free(&book);
	return rc;
}

/* Writes room.xlsx and room.html into the folder, all or nothing. */
static int room_write(const struct room *r, const char *dir)
{
	static const struct outfile files[] = {
		{ "room.xlsx", NULL, room_xlsx },
		{ "room.html", room_html, NULL },
	};
	struct outfile_result *res = calloc(1, sizeof *res);
	int created, rc = -1;
	if (!res) {
		fprintf(stderr, "kamae: %s\n", strerror(ENOMEM));
		return -1;
	}
	int fd = outfile_dir_open(dir, NULL, res, &created);
	if (fd >= 0) {
		rc = outfile_write(fd, files, 2, r, res);
		close(fd);
	}
	if (rc != 0) {
		fprintf(stderr, "kamae: %s\n", res->error);
	} else {
		printf(_("\nWritten:\n"));
		for (int i = 0; i < res->n; i++)
			printf("  %s\n", res->paths[i]);
	}
	free(res);
	return rc;
}

/* room: many companies' files side by side, for a workshop's facilitator. */
static int run_room(struct session *s, const struct cli_args *a)
{
	struct room r;
	memset(&r, 0, sizeof r);
	for (int i = 0; i < a->n_paths; i++)
		if (room_add(&r, a->paths[i]) != 0) {
			fprintf(stderr, "kamae: %s\n", strerror(ENOMEM));
			room_free(&r);
			return EXIT_FAILED;
		}
	if (r.n == 0) {
		fprintf(stderr, _("kamae: no company file (*.db) found in what was given\n"));
		room_free(&r);
		return EXIT_FAILED;
	}
	room_read(&r, s->cat, a->year, a->anonymous);
	int rc = room_print(stdout, &r) == 0 ? EXIT_OK : EXIT_FAILED;
	if (rc == EXIT_OK && a->out_dir && room_write(&r, a->out_dir) != 0)
		rc = EXIT_FAILED;
	if (rc == EXIT_OK && (r.n_skipped || !r.n_read))
		rc = EXIT_FAILED;
	room_free(&r);
	return rc;
}

static const struct cli_command commands[] = {
	{ "init", N_("Usage: kamae [--db FILE] [--year YYYY] init [OPTION]...\n"
	             "Create the assessment, or change its profile. With --year, the assessment\n"
	             "of that year (a new one when the file has none for it).\n"
	             "\n"
	             "  --company NAME      company name\n"
	             "  --band ID           employee band: gt10000, le10000, le3000, le500, le100\n"
	             "  --target 1|2|3      target level (default 2)\n"
	             "  --assessor NAME     who answers\n"
	             "  --from YYYY         start the new year from that year's answers, notes,\n"
	             "                      plan tasks and contacts; each answer is then 要再確認\n"
	             "                      until you confirm it (kamae answer, or the wizard)\n"),
	  1, 0, parse_init, run_init, 0 },
	{ "answer", N_("Usage: kamae [--db FILE] answer NO VALUE [--note TEXT] [-q]\n"
	               "Record the answer to item NO (1-153), and say in one line what was saved.\n"
	               "\n"
	               "VALUE is 2 (対策完了), 1 (対策中), 0 (未実施), n (該当なし) or none.\n"
	               "  --note TEXT         the evidence note (評価の根拠)\n"
	               "  -q, --quiet         print nothing when it worked\n"),
	  0, 0, parse_answer, run_answer, 0 },
	{ "summary", N_("Usage: kamae [--db FILE] summary\n"
	                "Print the profile, the points per level against the industry average,\n"
	                "and the unanswered priority items. Changes nothing.\n"),
	  0, 1, parse_summary, run_summary, 0 },
	{ "import", N_("Usage: kamae [--db FILE] [--year YYYY] import FILE.xlsx [--dry-run] [--replace]\n"
	               "Import the answers and notes of a filled checksheet (the official one or kamae's)\n"
	               "into the year's assessment (made, like init, when the file has none). It first\n"
	               "reports what it found; then all or nothing. Imported answers are 要再確認\n"
	               "until confirmed.\n"
	               "\n"
	               "  --dry-run           report only; import nothing\n"
	               "  --replace           overwrite answers the year already has (default: keep)\n"),
	  1, 0, parse_import, run_import, 0 },
	{ "years", N_("Usage: kamae [--db FILE] years\n"
	              "List the file's assessments: year, company, target, answered items and the\n"
	              "points per level. Changes nothing.\n"),
	  0, 1, parse_summary, run_years, 0 },
	{ "export", N_("Usage: kamae [--db FILE] export [--out DIR] [--xlsx] [--html] [--text]\n"
	               "                    [--plan-scope priority|lv1|target]\n"
	               "Write the checksheet (xlsx), the improvement plan, the contact sheet and the\n"
	               "starter documents (HTML and text) into DIR/kamae-<company>-FY<year>-<date>\n"
	               "(default: all formats, DIR the current folder).\n"
	               "\n"
	               "  --plan-scope SCOPE  the plan's reach: priority (the 8+11 items), lv1 (all of\n"
	               "                      Lv1) or target (up to the target level; the default)\n"),
	  0, 1, parse_export, run_export, 0 },
	{ "room", N_("Usage: kamae room [--year YYYY] [--anonymous] [--out DIR] FILE|DIR...\n"
	             "Show a workshop's companies side by side: each company's points, the room's\n"
	             "weakest labels, and each company against the industry average. Reads every\n"
	             "kamae file given (a folder: its *.db files) without changing a byte, also\n"
	             "while a wizard has it open. Files it cannot read are listed with the reason;\n"
	             "the exit status is then 1.\n"
	             "\n"
	             "  --year YYYY         that year's assessment of each file (default: the latest)\n"
	             "  --anonymous         name the companies A社, B社, ... (for projecting)\n"
	             "  --out DIR           also write room.xlsx and room.html into DIR (made 0700\n"
	             "                      when missing; it must be yours and writable by you alone)\n"),
	  0, 1, parse_room, run_room, 1 },
};

const struct cli_command *cli_find(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(name, commands[i].name) == 0)
			return &commands[i];
	return NULL;
}
