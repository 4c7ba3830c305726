/* ui: the curses wizard's entry point; the only door from main into curses. */
#ifndef KAMAE_UI_H
#define KAMAE_UI_H

#include "cli.h"

/* Runs the wizard on an open session until the user quits; returns an exit code. */
int ui_run(struct session *s);

/* The curses library's own version string, for --version. */
const char *ui_library_version(void);

#endif
