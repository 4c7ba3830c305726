/* ui: the curses wizard's entry point; the only door from main into curses. */
#ifndef KAMAE_UI_H
#define KAMAE_UI_H

#include <stddef.h>

#include "cli.h"

/* 0 when stdin and stdout are a terminal that can address the cursor;
 * otherwise -1 and a translated sentence in why saying what to do. Opens
 * nothing but the terminal description. */
int ui_terminal_check(char *why, size_t len);

/* Runs the wizard on an open session until the user quits; returns an exit code. */
int ui_run(struct session *s);

/* The curses library's own version string, for --version. */
const char *ui_library_version(void);

#endif
