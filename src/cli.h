/* cli: the non-interactive subcommands (init, answer, summary, years, import, export, room): their options, and opening a company's data. */
#ifndef KAMAE_CLI_H
#define KAMAE_CLI_H

#include <stdio.h>

#include "answer.h"
#include "catalog.h"
#include "store.h"

enum exit_code { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

/* What every command works on: the catalog and one company's database. */
struct session {
	struct catalog *cat;
	struct store *st;
	char db_path[4096];
};

/* Everything a command line said, checked before any file is opened, so
 * that a usage error changes nothing. Strings point into argv. */
struct cli_args {
	const char *command;     /* the command's name, for messages */
	const char *db;          /* --db FILE, or NULL for the default */
	int help;                /* --help: print the command's usage */
	const char *company, *assessor, *band;   /* init; NULL = unchanged */
	int target;                               /* init; 0 = unchanged */
	int year;                                 /* --year: the assessment; 0 = latest */
	int from;                                 /* init --from YEAR */
	int item;                                 /* answer */
	enum answer value;
	const char *note;                         /* answer; NULL = unchanged */
	const char *out_dir;                      /* export, room */
	int plan_scope;                           /* export: enum plan_scope */
	unsigned formats;
	const char *file;                         /* import */
	int dry_run, replace;                     /* import */
	int anonymous;                            /* room */
	int quiet;                                /* answer -q */
	char **paths;                             /* room: files and folders */
	int n_paths;
};

struct cli_command {
	const char *name;
	const char *usage;       /* N_(): synopsis and options, for --help */
	int creates;             /* may create the database (init) */
	int reads_only;          /* opens it read-only: no lock, no byte changed */
	/* Parses argv (argv[0] = the command's name) into a; the catalog is
	 * there to check values against. Returns EXIT_OK or EXIT_USAGE after a
	 * message on stderr. */
	int (*parse)(const struct catalog *cat, int argc, char **argv, struct cli_args *a);
	int (*run)(struct session *s, const struct cli_args *a);
	int many;                /* works on the files it is given, not on --db */
};

struct option;
/* getopt_long with kamae's own (translated) messages for an unknown option
 * or a missing value, after which it returns '?'. */
int cli_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts);

/* The command of that name, or NULL. */
const struct cli_command *cli_find(const char *name);

/* Parses a year given on the command line (2000-2100) into *year;
 * prints a message and returns EXIT_USAGE when it is not one. */
int cli_parse_year(const char *text, int *year);

/* Loads the catalog into s; prints a message and returns -1 on failure. */
int session_load_catalog(struct session *s);
/* Opens db_path (the default path when NULL), creating the database only
 * when create is set (init and the wizard; the other commands must not
 * leave an empty file behind a typo); reads_only opens it without the
 * writer's lock and changes nothing (summary, export). Prints a clear
 * message on stderr and returns -1 on failure. */
int session_open_store(struct session *s, const char *db_path, int create, int reads_only);
void session_close(struct session *s);
/* 1 when there is no database file yet: a dry run then reads nothing
 * (s->st stays NULL) rather than create one. */
int session_dry_run_without_file(struct session *s, const char *db_path);
/* 0 when the file has an assessment for year (or none at all, or year is
 * 0); otherwise prints which years it has and returns -1. */
int session_check_year(struct session *s, int year);

#endif
