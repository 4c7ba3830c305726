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

struct contact_step {
	const char *title;     /* ①発見報告 ... ⑤最終報告 (as in the guideline) */
	const char *who;       /* who does it */
	const char *first;     /* the first things to do, plain words, '\n'-separated */
};
const struct contact_step *contacts_steps(int *n);
/* What counts as an incident, plain words ('\n'-separated lines). */
const char *contacts_incident_examples(void);

/* The parts of the sheet still missing, from the answers and the sheet
 * itself: one line each for No.18/19/20/24/26/150 when not 対策完了, in that
 * order, except No.18 when the sheet names the 経営者 and the 情報セキュリティ
 * 責任者, and No.150 when the sheet holds the alternative (alt_ordering).
 * contacts[] follows contacts_roles() (may be NULL). Fills up to max
 * pointers to constant strings (never freed); returns the count. Screen
 * and paper both ask this, so they always agree. */
#define CONTACTS_MISSING_MAX 6
int contacts_missing(const struct store_answer answers[CATALOG_ITEMS],
                     const struct store_contact *contacts, const char *alt_ordering,
                     const char *out[], int max);

/* Setting key of the No.150 alternative ordering means (free text). */
#define CONTACTS_ALT_ORDERING_KEY "alt_ordering"

#endif
