/* theme: semantic colour roles with a monochrome fallback. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdlib.h>

#include "ui/theme.h"

struct role_style {
	short fg, bg;       /* colour scheme; -1 = terminal default */
	attr_t color_attr;  /* extra attributes with colour */
	attr_t mono_attr;   /* attributes without colour */
};

static const struct role_style styles[ROLE_COUNT] = {
	[ROLE_NORMAL] = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
	[ROLE_HEADING] = { COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[ROLE_DIM] = { -1, -1, A_DIM, A_DIM },
	[ROLE_KEY] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[ROLE_FOOTER] = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_SELECTED] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[ROLE_DONE] = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[ROLE_PROGRESS] = { COLOR_YELLOW, -1, A_BOLD, A_UNDERLINE },
	[ROLE_NOTDONE] = { COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE },
	[ROLE_NA] = { COLOR_MAGENTA, -1, A_NORMAL, A_DIM },
	[ROLE_UNANSWERED] = { -1, -1, A_DIM, A_DIM },
	[ROLE_ERROR] = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_OK] = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[ROLE_BAR] = { COLOR_BLACK, COLOR_GREEN, A_NORMAL, A_REVERSE },
	[ROLE_TERM] = { -1, -1, A_UNDERLINE, A_UNDERLINE },
};

static int use_color;

void theme_init(void)
{
	const char *no_color = getenv("NO_COLOR");
	use_color = has_colors() && !(no_color && *no_color);
	if (!use_color)
		return;
	start_color();
	use_default_colors();
	for (int r = 1; r < ROLE_COUNT; r++)
		init_pair((short)r, styles[r].fg, styles[r].bg);
}

attr_t theme_attr(enum theme_role role)
{
	if (!use_color)
		return styles[role].mono_attr;
	return (role ? COLOR_PAIR(role) : 0) | styles[role].color_attr;
}
