/* theme: semantic colour roles with a monochrome fallback (NO_COLOR honoured). */
#ifndef KAMAE_THEME_H
#define KAMAE_THEME_H

#include <curses.h>

#define THEME_ROLES(X) \
	X(ROLE_NORMAL) \
	X(ROLE_TITLE) \
	X(ROLE_HEADING) \
	X(ROLE_DIM) \
	X(ROLE_KEY) \
	X(ROLE_FOOTER) \
	X(ROLE_SELECTED) \
	X(ROLE_DONE) \
	X(ROLE_PROGRESS) \
	X(ROLE_NOTDONE) \
	X(ROLE_NA) \
	X(ROLE_UNANSWERED) \
	X(ROLE_ERROR) \
	X(ROLE_OK) \
	X(ROLE_BAR) \
	X(ROLE_TERM)

enum theme_role {
#define X(name) name,
	THEME_ROLES(X)
#undef X
	ROLE_COUNT
};

/* Sets up colour pairs after initscr(); monochrome when the terminal has no
 * colours or NO_COLOR is set (https://no-color.org). */
void theme_init(void);
/* Attributes of a role, for attron/attroff or wattr_set. */
attr_t theme_attr(enum theme_role role);

#endif
