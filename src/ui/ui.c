/* ui: curses life cycle and the one event loop (input and resize), which dispatches to the screens; the state they share lives in app.c, below them. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>
#include <termios.h>

#include "i18n.h"

#include "import.h"
#include "search.h"
#include "xlsx_read.h"
#include "text.h"
#include "ui/app.h"
#include "ui/theme.h"
#include "ui/ui.h"
#include "ui/widgets.h"

#define MIN_COLS 80
#define MIN_LINES 24

/* The signal that asked to stop (SIGTERM, SIGHUP, SIGINT), or 0. */
static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
	stop_requested = sig;   /* the loop sees it at once (get_wch is interrupted); no curses here */
}

static const struct screen *const screens[SCREEN_COUNT] = {
	[SCREEN_WELCOME] = &screen_welcome,
	[SCREEN_PROFILE] = &screen_profile,
	[SCREEN_STEP] = &screen_step,
	[SCREEN_NOTE] = &screen_note,
	[SCREEN_LIST] = &screen_list,
	[SCREEN_HELP] = &screen_help,
	[SCREEN_GLOSSARY] = &screen_glossary,
	[SCREEN_PLAN] = &screen_plan,
	[SCREEN_PLAN_EDIT] = &screen_plan_edit,
	[SCREEN_CONTACTS] = &screen_contacts,
	[SCREEN_CONTACT_EDIT] = &screen_contact_edit,
	[SCREEN_EXPORT] = &screen_export,
};


static void draw_too_small(void)
{
	char line[256];
	erase();
	snprintf(line, sizeof line, _("Please enlarge the window to at least %dx%d (now %dx%d)."),
	         MIN_COLS, MIN_LINES, COLS, LINES);
	widget_print(LINES / 2 - 1, 1, COLS - 2, line, ROLE_HEADING);
	widget_print(LINES / 2 + 1, 1, COLS - 2, _("Your answers are saved. q quits."), ROLE_NORMAL);
}

static void draw(struct app *a)
{
	curs_set(0);
	if (COLS < MIN_COLS || LINES < MIN_LINES) {
		draw_too_small();
	} else {
		erase();
		screens[a->screen]->draw(a);
		if (a->prompt != PROMPT_NONE)
			app_prompt_draw(a, LINES - 3);
	}
	refresh();
}

/* SIGTSTP stays with ncurses, which leaves the screen on Ctrl-Z and
 * restores it on fg. No SA_RESTART: a signal must wake get_wch. */
static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

/* cbreak, not raw: Ctrl-Z and Ctrl-C reach kamae as signals, as in other
 * terminal tools. Flow control is off so that Ctrl-S cannot freeze the
 * screen; def_prog_mode keeps this for ncurses' return from Ctrl-Z. */
static void terminal_modes(void)
{
	struct termios t;
	cbreak();
	noecho();
	nonl();
	if (tcgetattr(STDIN_FILENO, &t) == 0) {
		t.c_iflag &= ~(tcflag_t)IXON;
		tcsetattr(STDIN_FILENO, TCSANOW, &t);
	}
	def_prog_mode();
}

/* Opens the screen a key asked for (app_common_action only records it). */
static void go(struct app *a)
{
	enum action act = a->go;
	a->go = ACT_NONE;
	switch (act) {
	case ACT_PROFILE: app_profile_begin(a); break;
	case ACT_PLAN: app_open_plan(a); break;
	case ACT_CONTACTS: app_open_contacts(a); break;
	case ACT_EXPORT: app_open_export(a); break;
	default: break;
	}
}

static void handle_key(struct app *a, int rc, wint_t ch)
{
	struct keypress k = { rc == KEY_CODE_YES, ch };
	if (k.fn && ch == KEY_RESIZE)
		return;   /* the next draw lays everything out again */
	a->message[0] = '\0';
	if (COLS < MIN_COLS || LINES < MIN_LINES) {
		if (!k.fn && (ch == 'q' || ch == 'Q'))
			a->quit = 1;
		return;
	}
	if (app_prompt_key(a, &k))
		return;
	screens[a->screen]->key(a, &k);
	go(a);
}

const char *ui_library_version(void)
{
	return curses_version();
}

/* After q, on the terminal: how far the assessment is and where the next
 * start resumes, so that nobody wonders whether it was saved. */
static void app_say_where(const struct app *a)
{
	int answered, total;
	int next = wizard_resume_item(&a->wiz, a->open, &answered, &total);
	if (next)
		printf(_("%d of %d items answered. Next time kamae starts at No.%d.\n"), answered, total, next);
	else
		printf(_("All %d items answered. Every answer is saved.\n"), total);
}

int ui_run(struct session *s)
{
	struct app a;
	if (app_load(&a, s) != 0) {
		app_free(&a);
		return EXIT_FAILED;
	}
	a.stop = &stop_requested;
	install_signals();
	if (!initscr()) {
		fprintf(stderr, _("kamae: cannot start the terminal screen (is TERM set?)\n"));
		app_free(&a);
		return EXIT_FAILED;
	}
	terminal_modes();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	/* Blocking: an idle wizard sleeps in read() and wakes only for a key, a
	 * resize (KEY_RESIZE) or a signal (no SA_RESTART: get_wch returns ERR),
	 * and the screen is drawn once after each. */
	timeout(-1);
	theme_init();
	while (!a.quit && !stop_requested) {
		draw(&a);
		wint_t ch;
		int rc = get_wch(&ch);
		if (rc == ERR)
			continue;   /* a signal: check stop_requested */
		handle_key(&a, rc, ch);
	}
	app_note_close(&a);   /* a note being typed when a signal came is kept */
	endwin();
	if (!stop_requested)
		app_say_where(&a);
	app_free(&a);
	/* Killed by a signal: say so in the exit status, as the shell would. */
	return stop_requested ? 128 + stop_requested : EXIT_OK;
}
