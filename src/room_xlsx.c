/* room_xlsx: room.xlsx — 会社別, ラベル別 (a colour-scaled heat map with its averages as formulas and their values), 業界比較, and the files not read. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdio.h>
#include <string.h>

#include "room_report.h"
#include "xlsx_file.h"

#define ROOM_FONT "ＭＳ Ｐゴシック"
#define ROOM_PAPER_A4 9

struct room_book {
	const struct room *r;
	lxw_workbook *wb;
	lxw_error err;
	lxw_format *head, *cell, *num, *pct, *title;
};

/* A percent cell as a fraction (formatted 0%), blank when the set does not apply. */
static void room_pct(struct room_book *b, lxw_worksheet *ws, int row, int col, double pct)
{
	if (pct < 0)
		xlsx_file_keep(&b->err, worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col,
		                                              b->cell));
	else
		xlsx_file_num(&b->err, ws, row, col, pct / 100.0, b->pct);
}

static lxw_format *room_format(struct room_book *b, int border)
{
	lxw_format *f = workbook_add_format(b->wb);
	if (!f) {
		xlsx_file_keep(&b->err, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	format_set_font_name(f, ROOM_FONT);
	format_set_font_size(f, 10);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	return f;
}

static int room_formats(struct room_book *b)
{
	b->head = room_format(b, 1);
	b->cell = room_format(b, 1);
	b->num = room_format(b, 1);
	b->pct = room_format(b, 1);
	b->title = room_format(b, 0);
	if (b->err != LXW_NO_ERROR)
		return -1;
	format_set_bold(b->head);
	format_set_bg_color(b->head, 0xD9D9D9);
	format_set_text_wrap(b->head);
	format_set_num_format(b->num, "0.0");
	format_set_num_format(b->pct, "0%");
	format_set_bold(b->title);
	format_set_font_size(b->title, 14);
	return 0;
}

static lxw_worksheet *room_sheet(struct room_book *b, const char *name, const char *title,
                                 int header_row)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
	if (!ws) {
		xlsx_file_keep(&b->err, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	worksheet_set_paper(ws, ROOM_PAPER_A4);
	worksheet_set_landscape(ws);
	worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
	worksheet_fit_to_pages(ws, 1, 0);
	xlsx_file_keep(&b->err, worksheet_repeat_rows(ws, (lxw_row_t)header_row,
	                                              (lxw_row_t)header_row));
	xlsx_file_keep(&b->err, worksheet_set_footer(ws, "&C&P / &N"));
	xlsx_file_str(&b->err, ws, 0, 0, title, b->title);
	xlsx_file_keep(&b->err, worksheet_set_row(ws, 0, 22, NULL));
	return ws;
}

static void room_header(struct room_book *b, lxw_worksheet *ws, int row, const char *const *names,
                        const double *widths, int n)
{
	for (int c = 0; c < n; c++) {
		xlsx_file_keep(&b->err, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
		                                             widths[c], NULL));
		xlsx_file_str(&b->err, ws, row, c, names[c], b->head);
	}
	xlsx_file_keep(&b->err, worksheet_set_row(ws, (lxw_row_t)row, 28, NULL));
}

static const char *room_book_band(const struct room *r, const struct room_company *c)
{
	const struct catalog_band *band = catalog_band(r->cat, c->profile.band);
	return band ? band->name : "";
}

/* The columns every company sheet opens with: name, band, target. */
static void room_company_head(struct room_book *b, lxw_worksheet *ws, int row,
                              const struct room_company *c)
{
	xlsx_file_str(&b->err, ws, row, 0, c->name, b->cell);
	xlsx_file_str(&b->err, ws, row, 1, room_book_band(b->r, c), b->cell);
	xlsx_file_num(&b->err, ws, row, 2, c->profile.target_level, b->cell);
}

/* A level's points and percent, blank when every item is 該当なし. */
static void room_level(struct room_book *b, lxw_worksheet *ws, int row, int col,
                       const struct score_tally *t)
{
	double scaled = score_scaled(t);
	if (scaled < 0)
		xlsx_file_keep(&b->err, worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col,
		                                              b->cell));
	else
		xlsx_file_num(&b->err, ws, row, col, scaled, b->num);
	room_pct(b, ws, row, col + 1, score_percent(t));
}

static void room_sheet_companies(struct room_book *b)
{
	static const char *const names[] = { "会社", "従業員規模", "目標レベル", "回答数（目標まで）",
	                                     "項目数（目標まで）", "Lv1 点（/100）", "Lv1 %",
	                                     "Lv2 点（/148）", "Lv2 %", "Lv3 点（/58）", "Lv3 %",
	                                     "優先19項目 対策完了", "優先 未回答", "要再確認" };
	static const double widths[] = { 24, 14, 8, 10, 10, 9, 7, 9, 7, 9, 7, 10, 8, 8 };
	const struct room *r = b->r;
	lxw_worksheet *ws = room_sheet(b, "会社別", "ワークショップ全体の状況：会社別", 2);
	if (!ws)
		return;
	room_header(b, ws, 2, names, widths, (int)(sizeof widths / sizeof widths[0]));
	int row = 3;
	for (int i = 0; i < r->n; i++) {
		const struct room_company *c = &r->company[i];
		if (c->status != STORE_OK)
			continue;
		room_company_head(b, ws, row, c);
		xlsx_file_num(&b->err, ws, row, 3, c->answered, b->cell);
		xlsx_file_num(&b->err, ws, row, 4, c->total, b->cell);
		for (int lv = 0; lv < CATALOG_LEVELS; lv++)
			room_level(b, ws, row, 5 + 2 * lv, &c->score.level[lv]);
		xlsx_file_num(&b->err, ws, row, 11, c->priority_done, b->cell);
		xlsx_file_num(&b->err, ws, row, 12, c->priority_unanswered, b->cell);
		xlsx_file_num(&b->err, ws, row, 13, c->unconfirmed, b->cell);
		row++;
	}
}

/* Column letters of a 0-based column (labels need at most two). */
static void room_col_name(int col, char *buf, size_t len)
{
	if (col < 26)
		snprintf(buf, len, "%c", 'A' + col);
	else
		snprintf(buf, len, "%c%c", 'A' + col / 26 - 1, 'A' + col % 26);
}

/* Averages and counts as formulas over the heat map, each with the value
 * kamae computed, so that a reader without recalculation sees it too. */
static void room_label_formulas(struct room_book *b, lxw_worksheet *ws, int first, int last, int row)
{
	const struct room *r = b->r;
	xlsx_file_str(&b->err, ws, row, 0, "平均", b->head);
	xlsx_file_str(&b->err, ws, row + 1, 0, "50%未満の社数", b->head);
	for (int l = 0; l < CATALOG_LABELS; l++) {
		char col[4], formula[96];
		room_col_name(l + 1, col, sizeof col);
		snprintf(formula, sizeof formula, "=IF(COUNT(%s%d:%s%d)=0,\"\",AVERAGE(%s%d:%s%d))", col,
		         first + 1, col, last + 1, col, first + 1, col, last + 1);
		if (r->label_average[l] >= 0)
			xlsx_file_keep(&b->err, worksheet_write_formula_num(ws, (lxw_row_t)row,
			                                                    (lxw_col_t)(l + 1), formula,
			                                                    b->pct, r->label_average[l] / 100.0));
		else
			xlsx_file_keep(&b->err, worksheet_write_formula_str(ws, (lxw_row_t)row,
			                                                    (lxw_col_t)(l + 1), formula,
			                                                    b->pct, ""));
		snprintf(formula, sizeof formula, "=COUNTIF(%s%d:%s%d,\"<0.5\")", col, first + 1, col,
		         last + 1);
		xlsx_file_keep(&b->err, worksheet_write_formula_num(ws, (lxw_row_t)row + 1,
		                                                    (lxw_col_t)(l + 1), formula,
		                                                    b->cell, r->label_below_half[l]));
	}
}

/* Excel's own three-colour scale, fixed at 0 %, 50 % and 100 %. */
static void room_heat_scale(struct room_book *b, lxw_worksheet *ws, int first, int last)
{
	lxw_conditional_format cf;
	memset(&cf, 0, sizeof cf);
	cf.type = LXW_CONDITIONAL_3_COLOR_SCALE;
	cf.min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
	cf.min_value = 0;
	cf.min_color = 0xF8696B;
	cf.mid_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
	cf.mid_value = 0.5;
	cf.mid_color = 0xFFEB84;
	cf.max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER;
	cf.max_value = 1;
	cf.max_color = 0x63BE7B;
	xlsx_file_keep(&b->err, worksheet_conditional_format_range(ws, (lxw_row_t)first, 1,
	                                                           (lxw_row_t)last,
	                                                           CATALOG_LABELS, &cf));
}

static void room_sheet_labels(struct room_book *b)
{
	const struct room *r = b->r;
	lxw_worksheet *ws = room_sheet(b, "ラベル別", "ラベル別（各社の目標レベルまでの項目、満点に対する割合）", 2);
	if (!ws)
		return;
	xlsx_file_keep(&b->err, worksheet_set_column(ws, 0, 0, 24, NULL));
	xlsx_file_keep(&b->err, worksheet_set_column(ws, 1, CATALOG_LABELS, 5, NULL));
	xlsx_file_str(&b->err, ws, 2, 0, "会社＼ラベル", b->head);
	for (int l = 0; l < CATALOG_LABELS; l++)
		xlsx_file_num(&b->err, ws, 2, l + 1, l + 1, b->head);
	int row = 3, first = 3;
	for (int i = 0; i < r->n; i++) {
		const struct room_company *c = &r->company[i];
		if (c->status != STORE_OK)
			continue;
		xlsx_file_str(&b->err, ws, row, 0, c->name, b->cell);
		for (int l = 0; l < CATALOG_LABELS; l++)
			room_pct(b, ws, row, l + 1,
			         c->answered ? score_percent(&c->score.label_target[l]) : -1);
		row++;
	}
	int last = row - 1;
	if (last >= first) {
		room_label_formulas(b, ws, first, last, row);
		room_heat_scale(b, ws, first, row);
	}
	row += 3;
	xlsx_file_str(&b->err, ws, row++, 0, "次に説明するとよいラベル（この場で弱い順）", b->title);
	for (int k = 0; k < r->n_weakest; k++) {
		char line[320];
		int l = r->weakest[k] - 1;
		snprintf(line, sizeof line, "%d. %d %s（平均 %.0f%%）", k + 1, l + 1, r->cat->labels[l].name,
		         r->label_average[l]);
		xlsx_file_str(&b->err, ws, row++, 0, line, NULL);
	}
	row++;
	for (int l = 0; l < CATALOG_LABELS; l++) {
		char line[320];
		snprintf(line, sizeof line, "%d %s", l + 1, r->cat->labels[l].name);
		xlsx_file_str(&b->err, ws, row++, 0, line, NULL);
	}
}

static void room_sheet_industry(struct room_book *b)
{
	static const char *const names[] = { "会社", "従業員規模", "目標レベル", "点数（目標まで）", "満点",
	                                     "業界平均（2022年度）", "回答社数", "差" };
	static const double widths[] = { 24, 14, 8, 10, 7, 12, 9, 8 };
	const struct room *r = b->r;
	lxw_worksheet *ws = room_sheet(b, "業界比較", "業界平均との比較（従業員規模と目標レベル別）", 2);
	if (!ws)
		return;
	room_header(b, ws, 2, names, widths, (int)(sizeof widths / sizeof widths[0]));
	int row = 3;
	for (int i = 0; i < r->n; i++) {
		const struct room_company *c = &r->company[i];
		if (c->status != STORE_OK)
			continue;
		room_company_head(b, ws, row, c);
		if (c->industry.company >= 0)
			xlsx_file_num(&b->err, ws, row, 3, c->industry.company, b->num);
		xlsx_file_num(&b->err, ws, row, 4, c->industry.company_max, b->cell);
		if (c->industry.available) {
			xlsx_file_num(&b->err, ws, row, 5, c->industry.industry, b->num);
			xlsx_file_num(&b->err, ws, row, 6, c->industry.companies, b->cell);
			if (c->industry.company >= 0)
				xlsx_file_num(&b->err, ws, row, 7,
				              c->industry.company - c->industry.industry, b->num);
		} else {
			xlsx_file_str(&b->err, ws, row, 5, "従業員規模が未設定", b->cell);
		}
		row++;
	}
}

static void room_sheet_skipped(struct room_book *b)
{
	static const char *const names[] = { "ファイル", "読めなかった理由" };
	static const double widths[] = { 60, 40 };
	const struct room *r = b->r;
	lxw_worksheet *ws = room_sheet(b, "読めなかったファイル", "読めなかったファイル", 2);
	if (!ws)
		return;
	room_header(b, ws, 2, names, widths, 2);
	int row = 3;
	for (int i = 0; i < r->n; i++) {
		const struct room_company *c = &r->company[i];
		char which[32];
		if (c->status == STORE_OK)
			continue;
		snprintf(which, sizeof which, "ファイル %d", i + 1);
		xlsx_file_str(&b->err, ws, row, 0, r->anonymous ? which : c->path, b->cell);
		xlsx_file_str(&b->err, ws, row, 1, c->reason_short, b->cell);
		row++;
	}
}

int room_xlsx(const void *room, const char *path, char *err, size_t errlen)
{
	struct room_book b;
	int quiet;
	memset(&b, 0, sizeof b);
	b.r = room;
	b.wb = xlsx_file_open(path, &quiet, err, errlen);
	if (!b.wb)
		return -1;
	int sheets = 3 + (b.r->n_skipped > 0);
	if (room_formats(&b) == 0) {
		room_sheet_companies(&b);
		room_sheet_labels(&b);
		room_sheet_industry(&b);
		if (b.r->n_skipped)
			room_sheet_skipped(&b);
	}
	return xlsx_file_close(b.wb, b.err, quiet, sheets, path, err, errlen);
}
