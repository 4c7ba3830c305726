/* main: arguments, locale and gettext set-up, subcommand dispatch, exit codes. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <xlsxwriter.h>

#include "i18n.h"
#include "cli.h"
#include "ui/ui.h"

/* getopt names argv[0] in its messages: "kamae: unrecognized option". */
static char program_name[] = "kamae";

static void usage(FILE *out)
{
	fprintf(out, _("Usage: kamae [--db FILE] [COMMAND [ARGS]]\n"
	               "Self-assessment against the JAMA/JAPIA automotive cybersecurity guideline v%s.\n"
	               "\n"
	               "Without a command, starts the wizard.\n"
	               "\n"
	               "Commands:\n"
	               "  init [--company NAME] [--band ID] [--target 1|2|3] [--assessor NAME] [--from YYYY]\n"
	               "                      create or edit the assessment (of --year's year)\n"
	               "  answer NO VALUE [--note TEXT]\n"
	               "                      record one answer: 2 対策完了, 1 対策中, 0 未実施, n 該当なし\n"
	               "  summary             print the profile, scores and unanswered priority items\n"
	               "  years               list the assessments in the file\n"
	               "  import FILE.xlsx [--dry-run] [--replace]\n"
	               "                      bring in the answers and notes of a filled checksheet\n"
	               "  export [--out DIR] [--xlsx] [--html] [--text] [--plan-scope priority|lv1|target]\n"
	               "                      write the checksheet, the plan, the contact sheet and five\n"
	               "                      starter documents into DIR/kamae-<company>-FY<year>-<date>\n"
	               "  room [--anonymous] [--out DIR] FILE|DIR...\n"
	               "                      a workshop's companies side by side (read-only)\n"
	               "'kamae COMMAND --help' describes each command.\n"
	               "\n"
	               "Options:\n"
	               "      --db FILE       use this company database (default: %s)\n"
	               "      --year YYYY     work on that year's assessment (default: the latest)\n"
	               "  -h, --help          show this help and exit\n"
	               "  -V, --version       show version information and exit\n"
	               "\n"
	               "Messages are in Japanese unless the locale names another language\n"
	               "(LANG=en_US.UTF-8, LANGUAGE=en).\n"
	               "Exit status: 0 success, 1 failure, 2 wrong usage.\n"),
	        GUIDELINE_VERSION, "$XDG_DATA_HOME/kamae/kamae.db");
	fprintf(out, "\n");
	fprintf(out, _("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
	fprintf(out, _("kamae home page: <%s>\n"), PACKAGE_URL);
}

static void version(void)
{
	printf("kamae %s\n", PACKAGE_VERSION);
	printf(_("Guideline: JAMA/JAPIA automotive cybersecurity guideline v%s\n"), GUIDELINE_VERSION);
	printf("ncurses: %s\n", ui_library_version());
	printf("SQLite: %s\n", sqlite3_libversion());
	printf("libxlsxwriter: %s\n", lxw_version());
	printf("\n");
	printf("Copyright (C) 2026 the kamae authors.\n");
	printf(_("License: MIT <https://opensource.org/licenses/MIT>.\n"
	         "This is free software: you are free to change and redistribute it.\n"
	         "There is NO WARRANTY, to the extent permitted by law.\n"
	         "The guideline's texts in the data files are JAMA/JAPIA's (see NOTICE there).\n"));
}

/* The locale the user asked for messages, by POSIX precedence. */
static const char *requested_locale(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return "";
}

/* Unset, C, POSIX and C.UTF-8 choose no language: common under WSL, SSH
 * and minimal installs, where the user has not chosen English. */
static int names_no_language(const char *locale)
{
	return !*locale || !strcmp(locale, "C") || !strcmp(locale, "POSIX")
	       || !strncmp(locale, "C.", 2);
}

/* Japanese unless the locale or LANGUAGE names another language. Japanese
 * needs a UTF-8 codeset: a C or Latin-1 locale gets C.UTF-8 for character
 * handling. When ja_JP.UTF-8 is asked for but not installed (common on
 * servers), C.UTF-8 plus LANGUAGE=ja still gives Japanese messages. */
static void setup_locale(void)
{
	const char *language = getenv("LANGUAGE");
	int chose_language = language && *language;
	const char *requested = requested_locale();
	if (!chose_language && (names_no_language(requested) || !strncmp(requested, "ja", 2)))
		setenv("LANGUAGE", "ja", 1);
	if (!setlocale(LC_ALL, ""))
		setlocale(LC_ALL, "C.UTF-8");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	/* Data files and output use a decimal point in every locale. */
	setlocale(LC_NUMERIC, "C");
	/* gettext ignores LANGUAGE under the C locale: LANG=C LANGUAGE=ja
	 * still means Japanese. */
	const char *messages = setlocale(LC_MESSAGES, NULL);
	language = getenv("LANGUAGE");
	if (language && *language && messages && (!strcmp(messages, "C") || !strcmp(messages, "POSIX")))
		setlocale(LC_MESSAGES, "C.UTF-8");
	/* KAMAE_LOCALEDIR lets the tests use the catalogs of the build tree. */
	const char *localedir = getenv("KAMAE_LOCALEDIR");
	bindtextdomain(PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}

/* Output that could not be written is an error (a full disk, /dev/full):
 * returns the exit code to use. */
static int finish_output(int rc)
{
	int failed = fflush(stdout) != 0 || ferror(stdout);
	int e = errno;
	if (fclose(stdout) != 0 && !failed) {
		failed = 1;
		e = errno;
	}
	if (!failed)
		return rc;
	fprintf(stderr, _("kamae: write error: %s\n"), strerror(e));
	return rc == EXIT_OK ? EXIT_FAILED : rc;
}

static int try_help(void)
{
	fprintf(stderr, _("Try 'kamae --help' for more information.\n"));
	return EXIT_USAGE;
}

/* The options before the command: --db, --help, --version. Returns -1 to
 * go on, or the exit code. */
static int parse_global(int argc, char **argv, struct cli_args *a)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "year", required_argument, NULL, 'y' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;
	/* '+': stop at the command, whose own options come after it. */
	while ((opt = cli_getopt(argc, argv, "+hV", opts)) != -1) {
		switch (opt) {
		case 'd':
			if (!optarg[0]) {
				fprintf(stderr, _("kamae: --db needs a file name\n"));
				return EXIT_USAGE;
			}
			a->db = optarg;
			break;
		case 'y':
			if (cli_parse_year(optarg, &a->year) != EXIT_OK)
				return EXIT_USAGE;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'V':
			version();
			return EXIT_OK;
		default:
			return try_help();
		}
	}
	return -1;
}

static int run_command(const struct cli_command *cmd, int argc, char **argv, struct cli_args *a)
{
	struct session s;
	if (session_load_catalog(&s) != 0)
		return EXIT_FAILED;
	/* The command's own argv, named kamae for getopt's messages. */
	a->command = cmd->name;
	argv[0] = program_name;
	int rc = cmd->parse(s.cat, argc, argv, a);
	/* A dry run creates nothing and changes nothing: it reads what is there. */
	int creates = cmd->creates && !a->dry_run, reads_only = cmd->reads_only || a->dry_run;
	if (rc == EXIT_OK && a->help)
		fputs(_(cmd->usage), stdout);
	else if (rc == EXIT_OK && cmd->many)
		rc = cmd->run(&s, a);
	else if (rc == EXIT_OK && a->dry_run && session_dry_run_without_file(&s, a->db))
		rc = cmd->run(&s, a);
	else if (rc == EXIT_OK && session_open_store(&s, a->db, creates, reads_only) != 0)
		rc = EXIT_FAILED;
	else if (rc == EXIT_OK) {
		/* Every command but init works on --year's assessment. */
		if (!cmd->creates)
			store_select_year(s.st, a->year);
		rc = cmd->run(&s, a);
	}
	session_close(&s);
	return rc;
}

static int run_wizard(struct cli_args *a)
{
	struct session s;
	char why[512];
	/* Checked before any file is opened or created. */
	if (ui_terminal_check(why, sizeof why) != 0) {
		fprintf(stderr, "kamae: %s\n", why);
		return EXIT_USAGE;
	}
	if (session_load_catalog(&s) != 0)
		return EXIT_FAILED;
	int rc = EXIT_FAILED;
	if (session_open_store(&s, a->db, 1, 0) == 0 && session_check_year(&s, a->year) == 0) {
		store_select_year(s.st, a->year);
		rc = ui_run(&s);
	}
	session_close(&s);
	return rc;
}

int main(int argc, char **argv)
{
	struct cli_args a;
	memset(&a, 0, sizeof a);
	/* A file size limit (ulimit -f) becomes EFBIG and a clear message,
	 * instead of a silent kill half-way through a file. */
	signal(SIGXFSZ, SIG_IGN);
	setup_locale();
	argv[0] = program_name;
	int rc = parse_global(argc, argv, &a);
	if (rc >= 0)
		return finish_output(rc);
	if (optind >= argc)
		return finish_output(run_wizard(&a));
	const struct cli_command *cmd = cli_find(argv[optind]);
	if (!cmd) {
		fprintf(stderr, _("kamae: unknown command '%s'\n"), argv[optind]);
		return try_help();
	}
	return finish_output(run_command(cmd, argc - optind, argv + optind, &a));
}
