/* form: a vertical form of text, date and choice fields over the wide-char editor (plan and contacts). */
#ifndef KAMAE_FORM_H
#define KAMAE_FORM_H

#include "editor.h"
#include "ui/keys.h"

#define FORM_MAX_FIELDS 8

enum form_kind { FORM_TEXT, FORM_DATE, FORM_CHOICE };

struct form_field {
	const char *label;            /* translated by the caller */
	enum form_kind kind;
	char *value;                  /* owned UTF-8 (TEXT, DATE) */
	int choice;                   /* CHOICE: index */
	const char *const *choices;   /* CHOICE: names */
	int n_choices;
	size_t max;                   /* TEXT: characters */
	int rows;                     /* TEXT: rows of the wrapped box (1 by default) */
};

struct form {
	struct form_field fields[FORM_MAX_FIELDS];
	int n;
	int focus;
	struct editor ed;             /* the focused text field being edited */
	int top;                      /* scroll of the focused field's box */
};

enum form_event {
	FORM_EDITING,   /* key consumed, nothing to save */
	FORM_LEFT,      /* the focused field was left: its value is updated, save now */
	FORM_DONE,      /* Enter on the last field (value updated): save and close */
	FORM_CANCEL     /* Esc: close; values already saved stay */
};

void form_init(struct form *f);
/* Adds a field; value is copied. Returns its index. */
int form_add_text(struct form *f, const char *label, const char *value, size_t max, int rows);
int form_add_date(struct form *f, const char *label, const char *value);
int form_add_choice(struct form *f, const char *label, const char *const *choices, int n, int choice);
void form_free(struct form *f);
/* Starts editing at the first field. */
void form_begin(struct form *f);

/* Handles a key. A date that is not YYYY-MM-DD (or empty) is refused:
 * FORM_EDITING is returned and *error points to a message. */
enum form_event form_key(struct form *f, const struct keypress *k, const char **error);
/* Draws the fields from row y, labels in column 2, values below them
 * (each field takes 1 + rows lines and a blank one). */
void form_draw(struct form *f, int y);

#endif
