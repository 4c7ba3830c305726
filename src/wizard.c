/* wizard: the assessment flow as an ordered list of steps, and moving through it; no curses. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdio.h>
#include <string.h>

#include "i18n.h"

#include "wizard.h"

static void wizard_add(struct wizard *w, enum wizard_step_kind kind, int arg,
                       enum wizard_section section)
{
	/* WIZARD_MAX_STEPS covers the largest flow; the guard only keeps a
	 * malformed catalog from writing past the array. */
	if (w->n >= WIZARD_MAX_STEPS)
		return;
	w->steps[w->n].kind = kind;
	w->steps[w->n].arg = arg;
	w->steps[w->n].section = section;
	w->n++;
}

/* The two priority groups: each measure's intro followed by its items. */
static void wizard_add_priority(struct wizard *w, const struct catalog *cat)
{
	for (int m = 0; m < CATALOG_MEASURES; m++) {
		const struct catalog_measure *ms = &cat->measures[m];
		enum wizard_section s = ms->group == 1 ? SECTION_GROUP1 : SECTION_GROUP2;

		wizard_add(w, STEP_MEASURE, m, s);
		for (int k = 0; k < ms->n_items; k++)
			wizard_add(w, STEP_ITEM, ms->items[k], s);
	}
}

/* One level's items by number, skipping the priority items (already asked
 * in the groups), with a label intro wherever the label changes. */
static void wizard_add_level(struct wizard *w, const struct catalog *cat,
                             int level, enum wizard_section s)
{
	int label = 0;

	for (int no = 1; no <= CATALOG_ITEMS; no++) {
		const struct catalog_item *it = &cat->items[no - 1];

		if (it->level != level || catalog_is_priority(cat, no))
			continue;
		if (it->label != label) {
			label = it->label;
			wizard_add(w, STEP_LABEL, label, s);
		}
		wizard_add(w, STEP_ITEM, no, s);
	}
}

/* A level beyond the target is asked only after an opt-in; until then one
 * offer stands in its place, so the user sees the choice exactly once. */
static void wizard_add_optional_level(struct wizard *w, const struct catalog *cat,
                                      int level, int included, enum wizard_section s)
{
	if (included)
		wizard_add_level(w, cat, level, s);
	else
		wizard_add(w, STEP_OFFER, level, s);
}

void wizard_build(struct wizard *w, const struct catalog *cat, int target_level,
                  int with_lv2, int with_lv3)
{
	if (target_level < 1)
		target_level = 1;
	if (target_level > CATALOG_LEVELS)
		target_level = CATALOG_LEVELS;
	memset(w->steps, 0, sizeof w->steps);   /* a rebuilt flow shows its intros again */
	w->n = 0;
	w->pos = 0;
	w->target_level = target_level;
	w->with_lv2 = with_lv2 != 0;
	w->with_lv3 = with_lv3 != 0;

	wizard_add_priority(w, cat);
	wizard_add_level(w, cat, 1, SECTION_LV1);
	wizard_add_optional_level(w, cat, 2, target_level >= 2 || w->with_lv2, SECTION_LV2);
	wizard_add_optional_level(w, cat, 3, target_level >= 3 || w->with_lv3, SECTION_LV3);
	wizard_add(w, STEP_REVIEW, 0, SECTION_REVIEW);
}

/* Label intros repeat across level sections, so the section is part of a
 * step's identity. */
static int wizard_find_step(const struct wizard *w, const struct wizard_step *st)
{
	for (int i = 0; i < w->n; i++)
		if (w->steps[i].kind == st->kind && w->steps[i].arg == st->arg &&
		    w->steps[i].section == st->section)
			return i;
	return -1;
}

static int wizard_section_start(const struct wizard *w, enum wizard_section s)
{
	for (int i = 0; i < w->n; i++)
		if (w->steps[i].section == s)
			return i;
	return -1;
}

void wizard_rebuild(struct wizard *w, const struct catalog *cat, int target_level,
                    int with_lv2, int with_lv3)
{
	struct wizard_step old;
	int pos;

	if (w->n <= 0 || w->pos < 0 || w->pos >= w->n) {
		wizard_build(w, cat, target_level, with_lv2, with_lv3);
		return;
	}
	old = w->steps[w->pos];
	char seen[WIZARD_SEEN_MAX];
	wizard_seen_save(w, seen, sizeof seen);
	wizard_build(w, cat, target_level, with_lv2, with_lv3);
	wizard_seen_load(w, seen);   /* an intro read stays read */
	pos = wizard_find_step(w, &old);
	/* An accepted offer has no step of its own any more: the user lands on
	 * the first step of the section it opened. A level dropped from the
	 * flow leaves its offer, which is again the section's first step. */
	if (pos < 0)
		pos = wizard_section_start(w, old.section);
	w->pos = pos < 0 ? 0 : pos;
}

const struct wizard_step *wizard_current(const struct wizard *w)
{
	if (w->n == 0)
		return NULL;
	return &w->steps[w->pos];
}

int wizard_next(struct wizard *w)
{
	if (w->pos + 1 >= w->n)
		return -1;
	w->pos++;
	return 0;
}

int wizard_back(struct wizard *w)
{
	if (w->pos <= 0)
		return -1;
	w->pos--;
	return 0;
}

int wizard_find_item(const struct wizard *w, int item)
{
	for (int i = 0; i < w->n; i++)
		if (w->steps[i].kind == STEP_ITEM && w->steps[i].arg == item)
			return i;
	return -1;
}

int wizard_jump_item(struct wizard *w, int item)
{
	int i = wizard_find_item(w, item);

	if (i < 0)
		return -1;
	w->pos = i;
	return 0;
}

void wizard_jump_review(struct wizard *w)
{
	/* Review is always the last step. */
	if (w->n > 0)
		w->pos = w->n - 1;
}

static int wizard_answered(const enum answer answers[CATALOG_ITEMS], int no)
{
	return no >= 1 && no <= CATALOG_ITEMS && answers[no - 1] != ANSWER_NONE;
}

int wizard_resume(struct wizard *w, const enum answer answers[CATALOG_ITEMS])
{
	for (int i = 0; i < w->n; i++) {
		const struct wizard_step *st = &w->steps[i];

		if (st->kind == STEP_ITEM && !wizard_answered(answers, st->arg)) {
			w->pos = i;
			return st->arg;
		}
	}
	/* Nothing left to answer: an offer of a further level comes before the
	 * review, so that it is not missed. */
	for (int i = 0; i < w->n; i++)
		if (w->steps[i].kind == STEP_OFFER) {
			w->pos = i;
			return 0;
		}
	wizard_jump_review(w);
	return 0;
}

int wizard_next_open(struct wizard *w, const enum answer answers[CATALOG_ITEMS])
{
	int p = w->pos + 1;
	while (p < w->n) {
		const struct wizard_step *st = &w->steps[p];
		if (st->kind == STEP_OFFER || st->kind == STEP_REVIEW
		    || (st->kind == STEP_ITEM && !wizard_answered(answers, st->arg)))
			break;
		p++;
	}
	if (p >= w->n)
		return -1;
	/* The intro just before the next open item still introduces it. */
	const struct wizard_step *prev = &w->steps[p - 1];
	if (!w->skip_intros && !prev->seen && p - 1 > w->pos && w->steps[p].kind == STEP_ITEM
	    && (prev->kind == STEP_MEASURE || prev->kind == STEP_LABEL))
		p--;
	w->pos = p;
	return 0;
}

int wizard_mark_seen(struct wizard *w)
{
	if (w->pos < 0 || w->pos >= w->n)
		return 0;
	struct wizard_step *s = &w->steps[w->pos];
	int first = !s->seen && (s->kind == STEP_MEASURE || s->kind == STEP_LABEL);
	s->seen = 1;
	return first;
}

/* An intro's name in wizard_seen_save's text: a label's intro is one per
 * level section. Returns 0 for steps that are not intros. */
static int wizard_seen_name(const struct wizard_step *s, char *buf, size_t len)
{
	if (s->kind == STEP_MEASURE)
		snprintf(buf, len, "m%d", s->arg);
	else if (s->kind == STEP_LABEL)
		snprintf(buf, len, "l%d.%d", (int)s->section, s->arg);
	else
		return 0;
	return 1;
}

void wizard_seen_save(const struct wizard *w, char *buf, size_t len)
{
	size_t used = 0;
	char name[32];
	if (len == 0)
		return;
	buf[0] = '\0';
	for (int i = 0; i < w->n; i++) {
		if (!w->steps[i].seen || !wizard_seen_name(&w->steps[i], name, sizeof name))
			continue;
		int n = snprintf(buf + used, len - used, "%s%s", used ? " " : "", name);
		if (n < 0 || (size_t)n >= len - used) {
			buf[used] = '\0';   /* whole names only */
			return;
		}
		used += (size_t)n;
	}
}

void wizard_seen_load(struct wizard *w, const char *s)
{
	char name[32];
	for (int i = 0; s && i < w->n; i++) {
		if (!wizard_seen_name(&w->steps[i], name, sizeof name))
			continue;
		size_t n = strlen(name);
		for (const char *p = strstr(s, name); p; p = strstr(p + 1, name))
			if ((p == s || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) {
				w->steps[i].seen = 1;
				break;
			}
	}
}

int wizard_resume_item(const struct wizard *w, const enum answer answers[CATALOG_ITEMS],
                       int *answered, int *total)
{
	int first = 0;
	*answered = *total = 0;
	for (int i = 0; i < w->n; i++) {
		if (w->steps[i].kind != STEP_ITEM)
			continue;
		(*total)++;
		if (wizard_answered(answers, w->steps[i].arg))
			(*answered)++;
		else if (!first)
			first = w->steps[i].arg;
	}
	return first;
}

int wizard_items(const struct wizard *w, int out[CATALOG_ITEMS])
{
	int n = 0;

	for (int i = 0; i < w->n && n < CATALOG_ITEMS; i++)
		if (w->steps[i].kind == STEP_ITEM)
			out[n++] = w->steps[i].arg;
	return n;
}

void wizard_progress(const struct wizard *w, const enum answer answers[CATALOG_ITEMS],
                     struct wizard_progress *out)
{
	enum wizard_section cur = w->n > 0 ? w->steps[w->pos].section : SECTION_REVIEW;

	memset(out, 0, sizeof *out);
	for (int i = 0; i < w->n; i++) {
		const struct wizard_step *st = &w->steps[i];
		int done;

		if (st->kind != STEP_ITEM)
			continue;
		done = wizard_answered(answers, st->arg);
		out->all_total++;
		out->all_done += done;
		if (st->section == cur) {
			out->section_total++;
			out->section_done += done;
		}
	}
}

static const char *wizard_group_title(const struct catalog *cat, int id)
{
	for (int g = 0; cat && g < CATALOG_GROUPS; g++)
		if (cat->groups[g].id == id && cat->groups[g].title)
			return cat->groups[g].title;
	return "";
}

const char *wizard_section_name(const struct catalog *cat, enum wizard_section s)
{
	/* The group titles are the brochure's own (Japanese in every locale);
	 * the rest are UI words and follow the locale. */
	switch (s) {
	case SECTION_GROUP1:
		return wizard_group_title(cat, 1);
	case SECTION_GROUP2:
		return wizard_group_title(cat, 2);
	case SECTION_LV1:
		return _("Lv1 (the rest)");
	case SECTION_LV2:
		return _("Lv2");
	case SECTION_LV3:
		return _("Lv3");
	case SECTION_REVIEW:
		return _("Review");
	case SECTION_COUNT:
		break;
	}
	return "";
}
