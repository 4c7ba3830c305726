/* wizard: the flow as data — which screen comes next, back, jump, resume; no curses. */
#ifndef KAMAE_WIZARD_H
#define KAMAE_WIZARD_H

#include "answer.h"
#include "catalog.h"

enum wizard_section {
	SECTION_GROUP1,   /* セキュリティ事故発生に備えた構え: 3 measures, 8 items */
	SECTION_GROUP2,   /* 侵入・拡散させない基本のセキュリティ対策: 5 measures, 11 items */
	SECTION_LV1,      /* the other 31 Lv1 items, by label */
	SECTION_LV2,
	SECTION_LV3,
	SECTION_REVIEW,
	SECTION_COUNT
};

enum wizard_step_kind {
	STEP_MEASURE,     /* intro of a priority measure: arg = index in catalog.measures */
	STEP_LABEL,       /* intro of a label within a level section: arg = label number */
	STEP_OFFER,       /* "answer Lv2/Lv3 too?" when beyond the target: arg = level */
	STEP_ITEM,        /* arg = item number */
	STEP_REVIEW       /* the last step, always present */
};

struct wizard_step {
	enum wizard_step_kind kind;
	int arg;
	enum wizard_section section;
	int seen;             /* an intro shown (this session, or one before it
	                         through wizard_seen_load): not shown again */
};

/* Built for at most every item, intro and offer: 153 + 8 + 3 × 24 + 2 + 1. */
#define WIZARD_MAX_STEPS 256

struct wizard {
	struct wizard_step steps[WIZARD_MAX_STEPS];
	int n;
	int pos;              /* current step */
	int target_level;
	int with_lv2, with_lv3; /* levels opted into beyond the target */
	int skip_intros;      /* wizard_next_open goes straight to items (year two) */
};

/* Builds the flow: group 1 (measure intro, then its items, for each measure),
 * group 2 likewise, the rest of Lv1 by label (a label intro before the first
 * item of each label), then Lv2 and Lv3 likewise when the target includes
 * them or the user opted in; when a level is beyond the target and not opted
 * in, a single STEP_OFFER stands in for it. Review last. pos is set to 0. */
void wizard_build(struct wizard *w, const struct catalog *cat, int target_level,
                  int with_lv2, int with_lv3);
/* Rebuilds after the target or an opt-in changed, keeping the current step
 * when it still exists (else the offer or first step of its section). */
void wizard_rebuild(struct wizard *w, const struct catalog *cat, int target_level,
                    int with_lv2, int with_lv3);

const struct wizard_step *wizard_current(const struct wizard *w);
/* Move one step; return 0, or -1 at either end (pos unchanged). */
int wizard_next(struct wizard *w);
int wizard_back(struct wizard *w);
/* The step after answering the current item: the next step (the following
 * item, or the intro/offer/review that comes next). Same as wizard_next. */

/* Moves to the step of an item; -1 when the item is not in the flow (a level
 * not included). */
int wizard_jump_item(struct wizard *w, int item);
/* Index of an item's step, or -1. */
int wizard_find_item(const struct wizard *w, int item);
/* Moves to the review step. */
void wizard_jump_review(struct wizard *w);

/* Resume position: the step of the first unanswered item in flow order
 * (answers[i] is item i+1); when everything in the flow is answered, the
 * first offer of a further level, else the review. Returns the item number,
 * or 0 when it is not an item. */
int wizard_resume(struct wizard *w, const enum answer answers[CATALOG_ITEMS]);

/* After an answer: moves to the next step that needs the user — the next
 * unanswered item (on the intro right before it, if any), an offer or the
 * review — skipping items already answered. -1 at the end (pos unchanged). */
int wizard_next_open(struct wizard *w, const enum answer answers[CATALOG_ITEMS]);
/* Marks the current step as shown: an intro read once is skipped by
 * wizard_next_open from then on. Returns 1 when an intro was seen for the
 * first time (the caller keeps wizard_seen_save for the next session). */
int wizard_mark_seen(struct wizard *w);
/* The intros seen so far as text ("m0 l2.14", a word per intro), "" when
 * none: what a next session gives wizard_seen_load. */
#define WIZARD_SEEN_MAX 1024
void wizard_seen_save(const struct wizard *w, char *buf, size_t len);
/* Marks seen the intros named in s; names of steps not in the flow are ignored. */
void wizard_seen_load(struct wizard *w, const char *s);
/* The first unanswered item of the flow (where the next session resumes),
 * 0 when every item is answered; *answered and *total count the flow's
 * items. */
int wizard_resume_item(const struct wizard *w, const enum answer answers[CATALOG_ITEMS],
                       int *answered, int *total);

/* Items of the flow in order (for the overview list); returns the count. */
int wizard_items(const struct wizard *w, int out[CATALOG_ITEMS]);

/* Progress: items answered / items in the current step's section, and over
 * the whole flow. */
struct wizard_progress {
	int section_done, section_total;
	int all_done, all_total;
};
void wizard_progress(const struct wizard *w, const enum answer answers[CATALOG_ITEMS],
                     struct wizard_progress *out);

/* Section titles for headers (Japanese domain text for the groups). */
const char *wizard_section_name(const struct catalog *cat, enum wizard_section s);

#endif
