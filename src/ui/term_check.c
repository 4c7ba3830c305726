/* term_check: can this terminal run the wizard? Asked before any file is opened. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* term.h defines capability names such as lines and columns as macros:
 * it stays in this file alone. */
#include <curses.h>
#include <term.h>

#include "i18n.h"
#include "ui/ui.h"

int ui_terminal_check(char *why, size_t len)
{
	int err = 0;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(why, len, "%s", _("the wizard needs a terminal; for scripts use 'kamae init', 'kamae answer' and 'kamae summary'"));
		return -1;
	}
	const char *term = getenv("TERM");
	if (!term || !*term || setupterm(NULL, STDOUT_FILENO, &err) != OK) {
		snprintf(why, len, _("the terminal type (TERM=%s) is unknown: set TERM to your terminal, e.g. TERM=xterm-256color"),
		         term ? term : "");
		return -1;
	}
	const char *cup = tigetstr("cup");
	int usable = cup && cup != (char *)-1;
	del_curterm(cur_term);
	if (!usable) {
		snprintf(why, len, _("the terminal (TERM=%s) cannot move the cursor, which the wizard needs: use a full terminal (TERM=xterm-256color), or the commands init, answer and summary"),
		         term);
		return -1;
	}
	return 0;
}
