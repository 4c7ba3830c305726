/* room_text: the room in the terminal, readable at 80 columns. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <string.h>

#include "i18n.h"

#include "room_report.h"
#include "text.h"

#define ROOM_COLS 80

void room_points(const struct score_tally *t, int with_percent, char *buf, size_t len)
{
	double scaled = score_scaled(t);
	if (scaled < 0)
		snprintf(buf, len, "n/a");
	else if (with_percent)
		snprintf(buf, len, "%.1f %.0f%%", scaled, score_percent(t));
	else
		snprintf(buf, len, "%.1f", scaled);
}

/* A cell of exactly cols columns, cut with '~' (text_fit). A number is
 * right-aligned and never cut: it may push the rest of its row on. */
static void room_cell(FILE *out, const char *s, int cols, int right)
{
	char buf[512];
	int width = text_width(s);
	if (right) {
		fprintf(out, "%*s%s", width < cols ? cols - width : 0, "", s);
		return;
	}
	text_fit(s, cols, buf, sizeof buf);
	fputs(buf, out);
}

/* A company's name for a narrow column: without 株式会社 or 有限会社 when
 * the whole name does not fit (everyone in the room is one). */
static const char *room_short_name(const char *name, int cols, char *buf, size_t len)
{
	static const char *const forms[] = { "株式会社", "有限会社", "合同会社" };
	if (text_width(name) <= cols)
		return name;
	snprintf(buf, len, "%s", name);
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		size_t n = strlen(forms[i]), all = strlen(buf);
		if (strncmp(buf, forms[i], n) == 0 && all > n)
			memmove(buf, buf + n, all - n + 1);
		else if (all > n && strcmp(buf + all - n, forms[i]) == 0)
			buf[all - n] = '\0';
		else
			continue;
		break;
	}
	return buf;
}

static int room_band_width(const struct room *r)
{
	int w = text_width(_("Band"));
	for (int i = 0; i < r->n; i++) {
		const struct catalog_band *b = catalog_band(r->cat, r->company[i].profile.band);
		if (r->company[i].status == STORE_OK && b && text_width(b->short_name) > w)
			w = text_width(b->short_name);
	}
	return w;
}

static const char *room_band_name(const struct room *r, const struct room_company *c)
{
	const struct catalog_band *b = catalog_band(r->cat, c->profile.band);
	return b ? b->short_name : "-";
}

static void room_heading(FILE *out, const struct room *r)
{
	if (!r->n_read)
		fprintf(out, _("Room: no company file could be read"));
	else if (r->year_min == r->year_max)
		fprintf(out, ngettext("Room: %d company, assessment %d", "Room: %d companies, assessment %d",
		                      (unsigned long)r->n_read), r->n_read, r->year_min);
	else
		fprintf(out, ngettext("Room: %d company, assessments %d-%d (each file's latest; --year to choose)",
		                      "Room: %d companies, assessments %d-%d (each file's latest; --year to choose)",
		                      (unsigned long)r->n_read), r->n_read, r->year_min, r->year_max);
	if (r->n_skipped)
		fprintf(out, ngettext(", %d file skipped (listed at the end)",
		                      ", %d files skipped (listed at the end)",
		                      (unsigned long)r->n_skipped), r->n_skipped);
	fputc('\n', out);
}

/* Widths of the fixed columns: target, answered, Lv1, Lv2, Lv3, priority
 * done, priority unanswered, 要再確認. */
static const int room_fixed[] = { 4, 8, 5, 9, 9, 5, 4, 4 };
#define ROOM_FIXED (int)(sizeof room_fixed / sizeof room_fixed[0])

static void room_company_table(FILE *out, const struct room *r)
{
	int band = room_band_width(r), fixed = 0;
	for (int k = 0; k < ROOM_FIXED; k++)
		fixed += room_fixed[k] + 1;
	int name = ROOM_COLS - 1 - fixed - band - 1;
	const char *head[ROOM_FIXED] = { _("Tgt"), _("Answered"), "Lv1", "Lv2", "Lv3", _("Prio"),
	                                 _("Open"), _("Chk") };
	fputc('\n', out);
	room_cell(out, _("Company"), name, 0);
	fputc(' ', out);
	room_cell(out, _("Band"), band, 0);
	for (int k = 0; k < ROOM_FIXED; k++) {
		fputc(' ', out);
		room_cell(out, head[k], room_fixed[k], k > 0);
	}
	fputc('\n', out);
	for (int i = 0; i < r->n; i++) {
		const struct room_company *c = &r->company[i];
		char cells[ROOM_FIXED][64];
		if (c->status != STORE_OK)
			continue;
		snprintf(cells[0], sizeof cells[0], "Lv%d", c->profile.target_level);
		snprintf(cells[1], sizeof cells[1], "%d/%d", c->answered, c->total);
		room_points(&c->score.level[0], 0, cells[2], sizeof cells[2]);
		room_points(&c->score.level[1], 1, cells[3], sizeof cells[3]);
		room_points(&c->score.level[2], 1, cells[4], sizeof cells[4]);
		snprintf(cells[5], sizeof cells[5], "%d/%d", c->priority_done, CATALOG_PRIORITY_ITEMS);
		snprintf(cells[6], sizeof cells[6], "%d", c->priority_unanswered);
		snprintf(cells[7], sizeof cells[7], "%d", c->unconfirmed);
		char shorter[ROOM_NAME_MAX];
		room_cell(out, room_short_name(c->name, name, shorter, sizeof shorter), name, 0);
		fputc(' ', out);
		room_cell(out, room_band_name(r, c), band, 0);
		for (int k = 0; k < ROOM_FIXED; k++) {
			fputc(' ', out);
			room_cell(out, cells[k], room_fixed[k], k > 0);
		}
		fputc('\n', out);
	}
	fprintf(out, _("Lv1 points are out of 100, Lv2 out of 148, Lv3 out of 58 (%% of the level's maximum).\n"
	               "Prio: of the 19 priority items, 対策完了; Open: priority items unanswered;\n"
	               "Chk: answers to re-confirm (要再確認). Answered counts the items up to the target.\n"));
}

static void room_label_line(FILE *out, const struct room *r, int l)
{
	char name[256], avg[32], below[32];
	snprintf(name, sizeof name, "%2d %s", l + 1, r->cat->labels[l].name);
	if (r->label_average[l] < 0) {
		snprintf(avg, sizeof avg, "-");
		below[0] = '\0';
	} else {
		snprintf(avg, sizeof avg, "%.0f%%", r->label_average[l]);
		snprintf(below, sizeof below, "%d/%d", r->label_below_half[l], r->label_companies[l]);
	}
	fputs("  ", out);
	room_cell(out, name, 56, 0);
	fputc(' ', out);
	room_cell(out, avg, 5, 1);
	fputc(' ', out);
	room_cell(out, below, 9, 1);
	fputc('\n', out);
}

static void room_label_table(FILE *out, const struct room *r)
{
	fprintf(out, _("\nPer label, the items up to each company's target:\n"));
	fputs("  ", out);
	room_cell(out, _("Label"), 56, 0);
	fputc(' ', out);
	room_cell(out, _("Avg"), 5, 1);
	fputc(' ', out);
	room_cell(out, _("<50%"), 9, 1);
	fputc('\n', out);
	for (int l = 0; l < CATALOG_LABELS; l++)
		room_label_line(out, r, l);
	fprintf(out, _("Avg: the room's average; <50%%: companies below 50%% of the companies it applies to.\n"));
	if (!r->n_weakest)
		return;
	fprintf(out, _("\nWhat to explain next (the room's weakest labels):\n"));
	for (int k = 0; k < r->n_weakest; k++) {
		int l = r->weakest[k] - 1;
		fprintf(out, "  %d. %s %.0f%%\n", k + 1, r->cat->labels[l].name, r->label_average[l]);
	}
}

static void room_industry_table(FILE *out, const struct room *r)
{
	int band = room_band_width(r);
	int name = ROOM_COLS - 1 - band - 1 - 4 - 1 - 9 - 1 - 16 - 1 - 7;
	fprintf(out, _("\nAgainst the 2022 industry average for each company's band and target:\n"));
	room_cell(out, _("Company"), name, 0);
	fputc(' ', out);
	room_cell(out, _("Band"), band, 0);
	fputc(' ', out);
	room_cell(out, _("Tgt"), 4, 0);
	fputc(' ', out);
	room_cell(out, _("Points"), 9, 1);
	fputc(' ', out);
	room_cell(out, _("Industry"), 16, 1);
	fputc(' ', out);
	room_cell(out, _("Diff"), 7, 1);
	fputc('\n', out);
	for (int i = 0; i < r->n; i++) {
		const struct room_company *c = &r->company[i];
		char tgt[16], pts[32], ind[32], diff[32];
		if (c->status != STORE_OK)
			continue;
		snprintf(tgt, sizeof tgt, "Lv%d", c->profile.target_level);
		if (c->industry.company < 0)
			snprintf(pts, sizeof pts, "n/a");
		else
			snprintf(pts, sizeof pts, "%.1f/%.0f", c->industry.company, c->industry.company_max);
		if (c->industry.available) {
			snprintf(ind, sizeof ind, "%.1f (%d)", c->industry.industry, c->industry.companies);
			if (c->industry.company >= 0)
				snprintf(diff, sizeof diff, "%+.1f", c->industry.company - c->industry.industry);
			else
				snprintf(diff, sizeof diff, "-");
		} else {
			snprintf(ind, sizeof ind, "%s", _("no band set"));
			snprintf(diff, sizeof diff, "-");
		}
		room_cell(out, c->name, name, 0);
		fputc(' ', out);
		room_cell(out, room_band_name(r, c), band, 0);
		fputc(' ', out);
		room_cell(out, tgt, 4, 0);
		fputc(' ', out);
		room_cell(out, pts, 9, 1);
		fputc(' ', out);
		room_cell(out, ind, 16, 1);
		fputc(' ', out);
		room_cell(out, diff, 7, 1);
		fputc('\n', out);
	}
	fprintf(out, _("Industry: the band's 2022 average for that target (companies in it). At or above it: %d of %d.\n"),
	        r->above_industry, r->compared);
}

static void room_skipped(FILE *out, const struct room *r)
{
	if (!r->n_skipped)
		return;
	fprintf(out, ngettext("\nSkipped (%d file):\n", "\nSkipped (%d files):\n",
	                      (unsigned long)r->n_skipped), r->n_skipped);
	for (int i = 0, k = 0; i < r->n; i++) {
		const struct room_company *c = &r->company[i];
		k++;
		if (c->status == STORE_OK)
			continue;
		/* Projected in front of the room: no file name, which often
		 * names the company. */
		if (r->anonymous)
			fprintf(out, _("  file %d: %s\n"), k, c->reason_short);
		else
			fprintf(out, "  %s: %s\n", c->path, c->reason_short);
	}
}

int room_print(FILE *out, const struct room *r)
{
	room_heading(out, r);
	if (r->n_read) {
		room_company_table(out, r);
		room_label_table(out, r);
		room_industry_table(out, r);
	}
	room_skipped(out, r);
	return ferror(out) ? -1 : 0;
}
