/* main: arguments, locale and gettext set-up, subcommand dispatch, exit codes. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <xlsxwriter.h>

#include <libintl.h>
#define _(s) gettext(s)

#include "cli.h"
#include "ui/ui.h"

static void usage(FILE *out)
{
	fprintf(out, _("Usage: kamae [--db FILE] [COMMAND [ARGS]]\n"
	               "Self-assessment against the JAMA/JAPIA automotive cybersecurity guideline v%s.\n"
	               "\n"
	               "Without a command, starts the wizard.\n"
	               "\n"
	               "Commands:\n"
	               "  init [--company NAME] [--band ID] [--target 1|2|3] [--year YYYY] [--assessor NAME]\n"
	               "                      create or edit the assessment\n"
	               "  answer NO VALUE [--note TEXT]\n"
	               "                      record one answer: 2 対策完了, 1 対策中, 0 未実施, n 該当なし\n"
	               "  summary             print the profile, scores and unanswered priority items\n"
	               "  export [--out DIR] [--xlsx] [--html] [--text]\n"
	               "                      write the checksheet, the plan and the contact sheet\n"
	               "                      into DIR/kamae-export-YYYY-MM-DD (default: all formats)\n"
	               "\n"
	               "Options:\n"
	               "      --db FILE       use this company database (default: %s)\n"
	               "  -h, --help          show this help and exit\n"
	               "  -V, --version       show version information and exit\n"
	               "\n"
	               "Exit status: 0 success, 1 failure, 2 wrong usage.\n"),
	        GUIDELINE_VERSION, "$XDG_DATA_HOME/kamae/kamae.db");
}

static void version(void)
{
	printf("kamae %s\n", PACKAGE_VERSION);
	printf(_("Guideline: JAMA/JAPIA automotive cybersecurity guideline v%s\n"), GUIDELINE_VERSION);
	printf("ncurses: %s\n", ui_library_version());
	printf("SQLite: %s\n", sqlite3_libversion());
	printf("libxlsxwriter: %s\n", lxw_version());
}

/* The locale the user asked for, by POSIX precedence. */
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

/* Japanese needs a UTF-8 codeset: a C or Latin-1 locale gets C.UTF-8 for
 * character handling, so that messages still follow LANG/LANGUAGE. When
 * ja_JP.UTF-8 is asked for but not installed (common on servers), C.UTF-8
 * plus LANGUAGE=ja still gives Japanese messages. */
static void setup_locale(void)
{
	if (!setlocale(LC_ALL, "")) {
		setlocale(LC_ALL, "C.UTF-8");
		const char *language = getenv("LANGUAGE");
		if (strncmp(requested_locale(), "ja", 2) == 0 && !(language && *language))
			setenv("LANGUAGE", "ja", 1);
	}
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
	/* gettext ignores LANGUAGE under the C locale: LANG=C LANGUAGE=ja
	 * still means Japanese. */
	const char *messages = setlocale(LC_MESSAGES, NULL), *language = getenv("LANGUAGE");
	if (language && *language && messages && (!strcmp(messages, "C") || !strcmp(messages, "POSIX")))
		setlocale(LC_MESSAGES, "C.UTF-8");
	/* KAMAE_LOCALEDIR lets the tests use the catalogs of the build tree. */
	const char *localedir = getenv("KAMAE_LOCALEDIR");
	bindtextdomain(PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}

/* Removes every --db FILE / --db=FILE from argv, wherever it stands, so that
 * `kamae --db x summary` and `kamae summary --db x` both work. */
static int take_db_option(int *argc, char **argv, const char **db)
{
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < *argc)
				argv[out++] = argv[i++];
			break;
		}
		if (strcmp(argv[i], "--db") == 0) {
			if (i + 1 >= *argc || argv[i + 1][0] == '\0') {
				fprintf(stderr, _("kamae: --db needs a file name\n"));
				return -1;
			}
			*db = argv[++i];
		} else if (strncmp(argv[i], "--db=", 5) == 0 && argv[i][5]) {
			*db = argv[i] + 5;
		} else {
			argv[out++] = argv[i];
		}
	}
	*argc = out;
	argv[out] = NULL;
	return 0;
}

struct command {
	const char *name;
	int (*run)(struct session *s, int argc, char **argv);
	int creates;   /* may create the database */
};

static const struct command commands[] = {
	{ "init", cli_init, 1 },
	{ "answer", cli_answer, 0 },
	{ "summary", cli_summary, 0 },
	{ "export", cli_export, 0 },
};

int main(int argc, char **argv)
{
	const char *db = NULL;
	setup_locale();
	if (take_db_option(&argc, argv, &db) != 0)
		return EXIT_USAGE;
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
		usage(stdout);
		return EXIT_OK;
	}
	if (argc > 1 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)) {
		version();
		return EXIT_OK;
	}
	const struct command *cmd = NULL;
	if (argc > 1) {
		for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
			if (strcmp(argv[1], commands[i].name) == 0)
				cmd = &commands[i];
		if (!cmd) {
			fprintf(stderr, _("kamae: unknown command or option '%s'\n"), argv[1]);
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	struct session s;
	if (session_open(&s, db, !cmd || cmd->creates) != 0)
		return EXIT_FAILED;
	/* getopt names argv[0] in its messages: "kamae: unrecognized option". */
	static char program[] = "kamae";
	if (cmd)
		argv[1] = program;
	int rc = cmd ? cmd->run(&s, argc - 1, argv + 1) : ui_run(&s);
	session_close(&s);
	return rc;
}
