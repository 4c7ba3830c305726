/* app: the wizard's state shared by the screens, and the actions they call. */
#ifndef KAMAE_APP_H
#define KAMAE_APP_H

#include <signal.h>

#include "catalog.h"
#include "cli.h"
#include "contacts.h"
#include "editor.h"
#include "export.h"
#include "plan.h"
#include "store.h"
#include "wizard.h"
#include "ui/form.h"
#include "ui/keys.h"

enum screen_id {
	SCREEN_WELCOME,
	SCREEN_PROFILE,
	SCREEN_STEP,      /* the wizard's current step: intro, offer, item or review */
	SCREEN_NOTE,      /* the evidence-note editor over an item */
	SCREEN_LIST,      /* overview or search results */
	SCREEN_HELP,
	SCREEN_GLOSSARY,
	SCREEN_PLAN,      /* the improvement plan's tasks */
	SCREEN_PLAN_EDIT, /* one task's form */
	SCREEN_CONTACTS,  /* the incident-response contact sheet */
	SCREEN_CONTACT_EDIT,
	SCREEN_EXPORT,
	SCREEN_COUNT
};

enum prompt_kind { PROMPT_NONE, PROMPT_GOTO, PROMPT_SEARCH, PROMPT_IMPORT };

#define APP_NOTE_MAX STORE_TEXT_MAX   /* characters, as the store keeps: shown as the limit */
#define APP_PROMPT_MAX 60
#define APP_PATH_MAX 1024   /* characters of a file path typed at the prompt */

struct app {
	struct session *session;
	const struct catalog *cat;
	struct store *st;
	struct store_profile profile;
	int have_profile;
	struct store_answer answers[CATALOG_ITEMS];
	enum answer values[CATALOG_ITEMS];  /* mirror of answers[].value */
	/* What the flow still has to visit: values, with an answer carried
	 * from last year and not yet confirmed (要再確認) counted as open. */
	enum answer open[CATALOG_ITEMS];
	/* The year before, for 前年比 on the review: prev_year 0 when none. */
	int prev_year;
	enum answer prev[CATALOG_ITEMS];
	struct wizard wiz;

	enum screen_id screen;
	enum screen_id back_to;   /* where Esc from help returns; lists, plan,
	                             contacts and export always return to the wizard */
	int scroll;               /* scroll offset of the current text view */
	int glossary_item;        /* item whose terms the glossary shows; 0 = all */
	int selected;             /* selection in lists and the review */
	int list_top;

	/* the overview/search list */
	int list_items[CATALOG_ITEMS];
	int list_n;
	int list_unanswered_only;
	char list_query[256];     /* empty: the overview */

	/* the note editor */
	struct editor note;
	int note_item;
	int note_reason;          /* the editor asks why an item is 該当なし */
	int note_back_to_plan;    /* the note was opened from the plan: Esc goes back there */
	int scope_lv2, scope_lv3; /* levels beyond the target in the assessment (not only shown) */
	enum action go;           /* a screen to open once the key is handled (ui.c) */
	int note_top;

	/* the one-line prompt (go to, search) at the bottom of the screen */
	enum prompt_kind prompt;
	struct editor prompt_text;

	/* the profile form */
	int profile_field;
	struct editor profile_text;
	struct store_profile draft;

	/* the improvement plan and contacts screens */
	struct plan plan;
	int plan_loaded;
	struct form form;
	int form_target;          /* the plan entry being edited */
	struct contact_sheet sheet;  /* read when the sheet opens and after each
	                                save, not on every redraw */
	char contact_role[32];    /* the contact row being edited: its role, "" for
	                             the No.150 text */
	int contact_slot;         /* ...and its slot (a new row: one not stored yet) */
	int remove_pending;       /* the contact row a second "-" removes, plus one */
	char *alt_ordering;       /* the No.150 text, "" when none */

	/* the export screen */
	struct editor export_dir;
	struct outfile_result export_res;
	int export_state;         /* 0 not yet, 1 written, -1 failed */

	char message[512];
	int message_error;
	volatile sig_atomic_t *stop;  /* set by SIGTERM/SIGHUP */
	int quit;
};

/* Shows a one-line message (translated text, already formatted) until the next key. */
void app_message(struct app *a, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Records an answer: committed to the database before returning; on failure
 * the previous answer stays and an error message is shown. Returns 0 or -1. */
int app_set_answer(struct app *a, int item, enum answer value);
/* Refreshes a->open from the answers (after a load or a change). */
void app_update_open(struct app *a);
/* Records a note (UTF-8); same guarantees. */
int app_set_note(struct app *a, int item, const char *note);
/* Saves the profile draft and rebuilds the flow when the target changed. */
/* Saves the profile: 0, or -1 with a message. A changed year opens that
 * year's assessment (or starts it from this one) and returns 1: the wizard
 * then stands where that year resumes, with its own message. */
int app_save_profile(struct app *a, const struct store_profile *p);

/* Opens the profile form on a copy of the profile (defaults on first run). */
void app_profile_begin(struct app *a);
/* Saves the open note (if any) and closes the editor. */
void app_note_close(struct app *a);
/* Opens the note editor on the current item. */
void app_note_open(struct app *a, int item);
/* The editor for the reason of a 該当なし; closing it goes on in the flow. */
void app_note_open_reason(struct app *a, int item);

/* Adds levels beyond the target to the flow (Lv3 brings Lv2 with it: the
 * levels build on each other), remembers it in the database, rebuilds. */
/* Reads the database into a (0), or says why not (-1); app_free releases
 * everything, also after a failure. */
int app_load(struct app *a, struct session *s);
void app_free(struct app *a);
void app_include_level(struct app *a, int level);
/* The highest level beyond the target that is part of the assessment (0:
 * none); a level only shown to read one item does not count. */
int app_opted_level(const struct app *a);
/* Leaves every level beyond the target out of the flow again, for good
 * (the answers given there are kept). */
void app_exclude_levels(struct app *a);
/* The highest level in the flow (the target or an opted-in level). */
int app_max_level(const struct app *a);

/* Moves the wizard and resets the view. */
void app_show_step(struct app *a);
/* Jumps to an item's screen, opting its level into the flow when needed. */
void app_open_item(struct app *a, int item);
/* Opens the overview (query NULL) or the results of a search. */
void app_open_list(struct app *a, const char *query);

/* Selectable lists (overview, plan, contacts): moves the selection for
 * Up/Down/PgUp/PgDn (returns 1 when act was one of them), and keeps the
 * selection inside 0..n-1 and visible in a view of rows lines. */
int app_list_move(struct app *a, enum action act, int n, int rows);
void app_list_clamp(struct app *a, int n, int rows);
/* A form screen's key: form_key, its message, and a save (save() returns
 * 0 or -1) each time a field is left. Returns FORM_DONE or FORM_CANCEL when
 * the form should close, FORM_EDITING otherwise. */
enum form_event app_form_key(struct app *a, const struct keypress *k, int (*save)(struct app *a));

/* Screens: each draws the whole screen from state and handles one key. */
struct screen {
	void (*draw)(struct app *a);
	void (*key)(struct app *a, const struct keypress *k);
};
extern const struct screen screen_welcome, screen_profile, screen_step, screen_note,
	screen_list, screen_help, screen_glossary, screen_plan, screen_plan_edit,
	screen_contacts, screen_contact_edit, screen_export;

/* Open the plan, contacts and export screens (from any wizard screen). */
void app_open_plan(struct app *a);
void app_open_contacts(struct app *a);
void app_open_export(struct app *a);
/* Frees the contact sheet's cached rows (on exit). */
void app_contacts_free(struct app *a);

/* Shared layout helpers (ui.c). */
void app_draw_title(struct app *a, const char *title);
/* "株式会社テスト  FY2027" (company cut to fit) into buf; returns its width
 * in columns, 0 before a profile exists. */
int app_identity(const struct app *a, char *buf, size_t len);
void app_draw_message(struct app *a, int y);
/* The prompt line (goto/search) if one is open; returns 1 when it took the key. */
int app_prompt_key(struct app *a, const struct keypress *k);
void app_prompt_draw(struct app *a, int y);
void app_prompt_open(struct app *a, enum prompt_kind kind);
/* Common actions of the wizard screens (list, go to, search, help, profile,
 * review, quit); returns 1 when handled. */
int app_common_action(struct app *a, enum action act);

#endif
