/* cli: the non-interactive subcommands (init, answer, summary, export) and opening a company's data. */
#ifndef KAMAE_CLI_H
#define KAMAE_CLI_H

#include "catalog.h"
#include "store.h"

enum exit_code { EXIT_OK = 0, EXIT_FAILED = 1, EXIT_USAGE = 2 };

/* What every command works on: the catalog and one company's database. */
struct session {
	struct catalog *cat;
	struct store *st;
	char db_path[4096];
};

/* Loads the catalog and opens db_path (default path when NULL), creating
 * the database only when create is set (init and the wizard; the other
 * commands must not leave an empty file behind a typo). Prints a clear
 * message on stderr and returns -1 on failure. */
int session_open(struct session *s, const char *db_path, int create);
void session_close(struct session *s);

/* Each takes argv starting at the subcommand's name; returns an exit code. */
int cli_init(struct session *s, int argc, char **argv);
int cli_answer(struct session *s, int argc, char **argv);
int cli_summary(struct session *s, int argc, char **argv);
/* export [--out DIR] [--xlsx] [--html] [--text]: prints the written paths. */
int cli_export(struct session *s, int argc, char **argv);

#endif
