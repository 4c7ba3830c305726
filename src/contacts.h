/* contacts: the incident-response contact sheet — roles, the five steps, what is still missing. */
#ifndef KAMAE_CONTACTS_H
#define KAMAE_CONTACTS_H

#include "catalog.h"
#include "store.h"

enum contact_kind { CONTACT_INTERNAL, CONTACT_EXTERNAL, CONTACT_PUBLIC };

struct contact_role {
	const char *key;       /* stored in contacts.role */
	const char *name;      /* Japanese, e.g. 情報セキュリティ責任者 */
	enum contact_kind kind;
	const char *duty;      /* one line: what this contact does in an incident */
};

/* The fixed list of roles, internal first, then external, then public bodies
 * (pre-listed by name only: we ship no phone numbers). */
const struct contact_role *contacts_roles(int *n);
/* The role of a key, or NULL when kamae has no such role. */
const struct contact_role *contacts_role(const char *key);

struct contact_step {
	const char *title;     /* ①発見報告 ... ⑤最終報告 (as in the guideline) */
	const char *who;       /* who does it */
	const char *first;     /* the first things to do, plain words, '\n'-separated */
};
const struct contact_step *contacts_steps(int *n);
/* What counts as an incident, plain words ('\n'-separated lines). */
const char *contacts_incident_examples(void);

/* One row of the sheet: a role's own row (slot 0, always there, empty
 * until filled in) or one the user added after it (slot 1, 2...). */
struct contact_row {
	const struct contact_role *role;
	struct store_contact c;   /* every string non-NULL ("" when empty) */
};

struct contact_sheet {
	struct contact_row *rows; /* in contacts_roles() order, a role's added rows after its own */
	int n;
};

/* Makes the sheet from stored rows, taking them over (stored is freed,
 * also on error): every role gets its own row, rows of a role kamae does
 * not know are dropped. Returns 0, or -1 when out of memory. */
int contacts_sheet_build(struct store_contact *stored, int n_stored, struct contact_sheet *out);
/* Reads an assessment's sheet from the store. */
enum store_status contacts_sheet_load(struct store *st, int64_t assessment,
                                      struct contact_sheet *out);
void contacts_sheet_free(struct contact_sheet *sheet);
/* The role's own row, or NULL when the role is not on the sheet. */
const struct store_contact *contacts_sheet_role(const struct contact_sheet *sheet,
                                                const char *role);
/* The slot a new row of the role takes (one past its last), or -1 when the
 * role has STORE_CONTACT_SLOT_MAX added rows already. */
int contacts_sheet_next_slot(const struct contact_sheet *sheet, const char *role);
/* Whether the row names another company (external contacts and public bodies). */
int contacts_has_company(const struct contact_role *role);

/* The parts of the sheet still missing, from the answers and the sheet
 * itself: one line each for No.18/19/20/24/26/150 when not 対策完了, in that
 * order, except No.18 when the sheet names the 経営者 and the 情報セキュリティ
 * 責任者, and No.150 when the sheet holds the alternative (alt_ordering).
 * sheet may be NULL. Fills up to max pointers to constant strings (never
 * freed); returns the count. Screen and paper both ask this, so they
 * always agree. */
#define CONTACTS_MISSING_MAX 6
int contacts_missing(const struct store_answer answers[CATALOG_ITEMS],
                     const struct contact_sheet *sheet, const char *alt_ordering,
                     const char *out[], int max);

/* Setting key of the No.150 alternative ordering means (free text). */
#define CONTACTS_ALT_ORDERING_KEY "alt_ordering"

#endif
