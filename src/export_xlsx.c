/* export_xlsx: the checksheet workbook — チェックシート in the official column order, 集計 with formulas and their values, 改善計画, 緊急連絡先. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>
#include <unzip.h>

#include "i18n.h"

#include "assessment.h"
#include "export_xlsx.h"
#include "xlsx_file.h"
#include "text.h"

#define XLSX_SHEET_CHECK "チェックシート"
#define XLSX_SHEET_SUMMARY "集計"
#define XLSX_SHEET_PLAN "改善計画"
#define XLSX_SHEET_CONTACTS "緊急連絡先"
/* The font Japanese office PCs have, with tight line spacing (Excel gives
 * it 12 pt per line at 10 pt); LibreOffice substitutes a similar one. */
#define XLSX_FONT "ＭＳ Ｐゴシック"
#define XLSX_FONT_SIZE 10
/* Points per wrapped line: enough for Noto Sans CJK, the font Debian's
 * LibreOffice draws these cells in (1.45 em a line), not only for MS P
 * Gothic (1.2 em); Excel caps a row at 409 pt. Column widths count one
 * kanji as two units, as Excel draws it at 10 pt; the wrap leaves two
 * units spare, for fonts whose characters are a little wider. */
#define XLSX_LINE_PT 15.0
#define XLSX_ROW_PAD_PT 3.0
#define XLSX_ROW_MAX_PT 409.0
#define XLSX_PAPER_A4 9

/* The checksheet's official columns and where the answers sit. */
enum {
	COL_CATEGORY, COL_LABEL, COL_PURPOSE, COL_REQUIREMENT, COL_NO, COL_LEVEL,
	COL_CONDITION, COL_CRITERIA, COL_EXAMPLES, COL_ANSWER, COL_NOTE, CHECK_COLS
};

/* The 集計 formulas name the answer column by its letter. */
_Static_assert(COL_ANSWER == 9, "the 集計 formulas count the answers in column J");

struct xlsx_column {
	const char *name;
	double width; /* Excel units: about one ASCII digit; a kanji takes two */
};

static const struct xlsx_column xlsx_check_cols[CHECK_COLS] = {
	{ "分類", 7 }, { "ラベル", 14 }, { "目的", 26 }, { "要求事項", 26 }, { "No.", 5 },
	{ "レベル", 6 }, { "達成条件", 30 }, { "達成基準", 44 }, { "他社事例", 36 },
	{ "達成条件評価", 11 }, { "評価の根拠", 36 },
};

/* One workbook being written; err keeps the first failure of any call. */
struct xlsx {
	lxw_workbook *wb;
	const struct export_data *d;
	lxw_error err;
	lxw_format *head, *cell, *center, *input, *input_center;
	lxw_format *title, *bold, *alert, *plain, *points, *percent;
	char footer[320];
};

/* ---- cells ---- */

/* Cells are always written through xlsx_file_str: a note such as
 * "=HYPERLINK(...)" must stay the user's words, never become a formula. */

static void xlsx_merge(struct xlsx *x, lxw_worksheet *ws, int row, int c1, int c2,
                       const char *s, lxw_format *f)
{
	char *clean = text_sanitize(s ? s : "", 1);
	if (!clean) {
		xlsx_file_keep(&x->err, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	xlsx_file_keep(&x->err, worksheet_merge_range(ws, (lxw_row_t)row, (lxw_col_t)c1,
	                                              (lxw_row_t)row,
	                                              (lxw_col_t)c2, clean, f));
	free(clean);
}

/* Lines the text takes in a column of that width, as text_wrap breaks it. */
static int xlsx_lines(const char *s, double width)
{
	size_t n;
	wchar_t *w = text_to_wide(s ? s : "", &n);
	int cols = (int)width - 2;
	int lines = w ? text_wrap(w, n, cols < 2 ? 2 : cols, NULL, 0) : 1;
	free(w);
	return lines < 1 ? 1 : lines;
}

/* Excel does not fit row heights to wrapped text: set it from the lines. */
static void xlsx_row_height(struct xlsx *x, lxw_worksheet *ws, int row, int lines)
{
	double pt = lines * XLSX_LINE_PT + XLSX_ROW_PAD_PT;
	xlsx_file_keep(&x->err, worksheet_set_row(ws, (lxw_row_t)row,
	                                          pt > XLSX_ROW_MAX_PT ? XLSX_ROW_MAX_PT : pt, NULL));
}

/* A sheet title in 14 pt needs a taller row than the default. */
static void xlsx_title(struct xlsx *x, lxw_worksheet *ws, int row, const char *s)
{
	xlsx_file_str(&x->err, ws, row, 0, s, x->title);
	xlsx_file_keep(&x->err, worksheet_set_row(ws, (lxw_row_t)row, 22, NULL));
}

static int xlsx_max(int a, int b)
{
	return a > b ? a : b;
}

/* ---- formats and page set-up ---- */

static lxw_format *xlsx_format(struct xlsx *x, int border, int wrap)
{
	lxw_format *f = workbook_add_format(x->wb);
	if (!f) {
		xlsx_file_keep(&x->err, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	format_set_font_name(f, XLSX_FONT);
	format_set_font_size(f, XLSX_FONT_SIZE);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	if (wrap)
		format_set_text_wrap(f);
	if (border)
		format_set_border(f, LXW_BORDER_THIN);
	return f;
}

static int xlsx_formats(struct xlsx *x)
{
	x->head = xlsx_format(x, 1, 1);
	x->cell = xlsx_format(x, 1, 1);
	x->center = xlsx_format(x, 1, 1);
	x->input = xlsx_format(x, 1, 1);
	x->input_center = xlsx_format(x, 1, 1);
	x->title = xlsx_format(x, 0, 0);
	x->bold = xlsx_format(x, 0, 0);
	x->alert = xlsx_format(x, 0, 0);
	x->plain = xlsx_format(x, 0, 1);
	x->points = xlsx_format(x, 1, 0);
	x->percent = xlsx_format(x, 1, 0);
	if (x->err != LXW_NO_ERROR)
		return -1;
	format_set_bold(x->head);
	format_set_bg_color(x->head, 0xD9D9D9);
	format_set_align(x->head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_align(x->center, LXW_ALIGN_CENTER);
	/* The official sheet marks what the company fills in in yellow. */
	format_set_bg_color(x->input, 0xFFF2CC);
	format_set_bg_color(x->input_center, 0xFFF2CC);
	format_set_align(x->input_center, LXW_ALIGN_CENTER);
	format_set_bold(x->title);
	format_set_font_size(x->title, 14);
	format_set_bold(x->bold);
	format_set_bold(x->alert);
	format_set_font_color(x->alert, 0xB00000);
	format_set_num_format(x->points, "0.0");
	format_set_num_format(x->percent, "0.0%");
	return 0;
}

/* "&" starts a code in Excel headers and footers: a company called
 * "A&B" must print as such. The name is also kept short: the whole
 * footer may hold 255 characters. */
static void xlsx_make_footer(struct xlsx *x)
{
	char company[128], escaped[256];
	size_t o = 0;
	text_truncate(x->d->profile.company, 60, 1, company, sizeof company);
	for (const char *p = company; *p && o + 2 < sizeof escaped; p++) {
		if (*p == '&')
			escaped[o++] = '&';
		escaped[o++] = *p;
	}
	escaped[o] = '\0';
	snprintf(x->footer, sizeof x->footer, "&L%s&C&P / &N&R%s", escaped, x->d->today);
}

static void xlsx_page(struct xlsx *x, lxw_worksheet *ws, int landscape, int repeat_row,
                      int one_page)
{
	worksheet_set_paper(ws, XLSX_PAPER_A4);
	if (landscape)
		worksheet_set_landscape(ws);
	else
		worksheet_set_portrait(ws);
	worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.6);
	worksheet_fit_to_pages(ws, 1, one_page ? 1 : 0);
	if (repeat_row >= 0)
		xlsx_file_keep(&x->err, worksheet_repeat_rows(ws, (lxw_row_t)repeat_row,
		                                              (lxw_row_t)repeat_row));
	xlsx_file_keep(&x->err, worksheet_set_header(ws, "&C&A"));
	xlsx_file_keep(&x->err, worksheet_set_footer(ws, x->footer));
}

static void xlsx_columns(struct xlsx *x, lxw_worksheet *ws, const struct xlsx_column *cols,
                         int n, int row)
{
	int lines = 1;
	for (int c = 0; c < n; c++) {
		xlsx_file_keep(&x->err, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
		                                             cols[c].width,
		                                             NULL));
		xlsx_file_str(&x->err, ws, row, c, cols[c].name, x->head);
		lines = xlsx_max(lines, xlsx_lines(cols[c].name, cols[c].width));
	}
	xlsx_row_height(x, ws, row, lines);
}

static void xlsx_list_validation(struct xlsx *x, lxw_worksheet *ws, int first, int last, int col,
                                 char **values, char *title, char *message, char *error)
{
	lxw_data_validation v;
	static char error_title[] = "入力できない値です";
	if (last < first)
		return;
	memset(&v, 0, sizeof v);
	v.validate = LXW_VALIDATION_TYPE_LIST;
	v.value_list = values;
	v.input_title = title;
	v.input_message = message;
	v.error_title = error_title;
	v.error_message = error;
	xlsx_file_keep(&x->err, worksheet_data_validation_range(ws, (lxw_row_t)first,
	                                                        (lxw_col_t)col,
	                                                        (lxw_row_t)last, (lxw_col_t)col, &v));
}

/* ---- チェックシート ---- */

/* The official sheet's 他社事例 column holds the industry's examples, which
 * are not ours to print: kamae fills it with its own よくある取り組み, marked
 * as such so that nobody takes it for the official text. malloc'd. */
#define XLSX_EXAMPLE_MARK "（kamae の例）"

static char *xlsx_examples(const struct catalog *cat, int no)
{
	const struct catalog_coach *c = catalog_coach(cat, no);
	const char *typical = c ? c->typical : "";
	size_t len = strlen(XLSX_EXAMPLE_MARK) + strlen(typical) + 1;
	char *s = malloc(len);
	if (s)
		snprintf(s, len, "%s%s", XLSX_EXAMPLE_MARK, typical);
	return s;
}

static void xlsx_check_row(struct xlsx *x, lxw_worksheet *ws, int no)
{
	const struct catalog *cat = x->d->cat;
	const struct catalog_item *it = catalog_item(cat, no);
	const struct catalog_label *lb = catalog_label(cat, it->label);
	const struct store_answer *a = &x->d->answers[no - 1];
	char level[8];
	char *examples = xlsx_examples(cat, no);
	const char *text[CHECK_COLS] = {
		catalog_category(cat, lb->category)->name, lb->name, it->purpose, it->requirement,
		NULL, level, it->condition, it->criteria, examples ? examples : "",
		answer_label(a->value), a->note,
	};
	int lines = 1;
	snprintf(level, sizeof level, "Lv%d", it->level);
	for (int c = 0; c < CHECK_COLS; c++) {
		lxw_format *f = c == COL_ANSWER ? x->input_center : c == COL_NOTE ? x->input
		              : c == COL_LEVEL || c == COL_CATEGORY ? x->center : x->cell;
		if (c == COL_NO) {
			xlsx_file_num(&x->err, ws, no, c, no, x->center);
			continue;
		}
		xlsx_file_str(&x->err, ws, no, c, text[c], f);
		lines = xlsx_max(lines, xlsx_lines(text[c], xlsx_check_cols[c].width));
	}
	/* Last year's answer, after the official 11 columns. */
	if (x->d->prev_year)
		xlsx_file_str(&x->err, ws, no, CHECK_COLS, answer_label(x->d->prev[no - 1]),
		              x->center);
	xlsx_row_height(x, ws, no, lines);
	free(examples);
}

static void xlsx_sheet_check(struct xlsx *x)
{
	static char done[] = "対策完了", doing[] = "対策中", no[] = "未実施", na[] = "該当なし";
	static char title[] = "達成条件評価";
	static char message[] = "対策完了（2点）、対策中（1点）、未実施（0点）、該当なし から選びます。";
	static char error[] = "対策完了、対策中、未実施、該当なし のどれかを選んでください。";
	char *values[] = { done, doing, no, na, NULL };
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, XLSX_SHEET_CHECK);
	if (!ws) {
		xlsx_file_keep(&x->err, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	xlsx_columns(x, ws, xlsx_check_cols, CHECK_COLS, 0);
	if (x->d->prev_year) {
		char head[64];
		snprintf(head, sizeof head, "前年度の回答（%d年度）", x->d->prev_year);
		xlsx_file_keep(&x->err, worksheet_set_column(ws, CHECK_COLS, CHECK_COLS, 12, NULL));
		xlsx_file_str(&x->err, ws, 0, CHECK_COLS, head, x->head);
	}
	/* The header keeps the official text; a note on it says whose the
	 * examples below are, for anyone who reads the sheet by its columns. */
	xlsx_file_keep(&x->err, worksheet_write_comment(ws, 0, COL_EXAMPLES,
	                                                "この列は公式の他社事例ではありません。kamae が書いた"
	                                                "「よくある取り組み」を、各行「（kamae の例）」と明記して"
	                                                "入れています。"));
	for (int no_ = 1; no_ <= CATALOG_ITEMS; no_++)
		xlsx_check_row(x, ws, no_);
	xlsx_list_validation(x, ws, 1, CATALOG_ITEMS, COL_ANSWER, values, title, message, error);
	xlsx_file_keep(&x->err, worksheet_autofilter(ws, 0, 0, CATALOG_ITEMS, CHECK_COLS - 1));
	worksheet_freeze_panes(ws, 1, 0);
	xlsx_page(x, ws, 1, 0, 0);
}

/* ---- 集計 ---- */

enum {
	SUM_KIND, SUM_NAME, SUM_TOTAL, SUM_DONE, SUM_DOING, SUM_NOT, SUM_NA, SUM_NONE, SUM_RAW,
	SUM_MAX, SUM_POINTS, SUM_PERCENT, SUM_COLS
};

static const struct xlsx_column xlsx_sum_cols[SUM_COLS] = {
	{ "区分", 8 }, { "名前", 30 }, { "項目数", 7 }, { "対策完了", 9 }, { "対策中", 7 },
	{ "未実施", 7 }, { "該当なし", 9 }, { "未回答", 7 }, { "素点", 6 }, { "満点", 6 },
	{ "点数（換算）", 10 }, { "達成率", 8 },
};

#define XLSX_SUM_HEAD_ROW 6

static const char xlsx_sum_rule[] =
	"該当なしは分母から除き、満点に換算しています: 点数 = 素点 × 項目数 ÷（項目数 − 該当なし）。"
	"すべて該当なしの区分は「該当なし」と表示します。";

static double xlsx_sum_width(void)
{
	double w = 0;
	for (int c = 0; c < SUM_COLS; c++)
		w += xlsx_sum_cols[c].width;
	return w;
}
#define XLSX_REF(col) "'" XLSX_SHEET_CHECK "'!$" col "$2:$" col "$154"

/* A COUNTIFS criterion matching the text exactly: quotes doubled and the
 * wildcards * ? ~ escaped with ~. */
static void xlsx_criterion(const char *s, char *out, size_t len)
{
	size_t o = 0;
	for (; *s && o + 3 < len; s++) {
		if (*s == '"')
			out[o++] = '"';
		else if (*s == '*' || *s == '?' || *s == '~')
			out[o++] = '~';
		out[o++] = *s;
	}
	out[o] = '\0';
}

static void xlsx_formula(struct xlsx *x, lxw_worksheet *ws, int row, int col, const char *formula,
                         double value, lxw_format *f)
{
	xlsx_file_keep(&x->err, worksheet_write_formula_num(ws, (lxw_row_t)row, (lxw_col_t)col,
	                                                    formula, f,
	                                                    value));
}

/* The columns computed from the counts, same formulas for every row:
 * unanswered, raw points, maximum, the N/A rule of score.c, percent. */
static void xlsx_sum_derived(struct xlsx *x, lxw_worksheet *ws, int row,
                             const struct score_tally *t)
{
	char f[512];
	int r = row + 1;
	double scaled = score_scaled(t);
	snprintf(f, sizeof f, "=C%d-D%d-E%d-F%d-G%d", r, r, r, r, r);
	xlsx_formula(x, ws, row, SUM_NONE, f, t->unanswered, x->center);
	snprintf(f, sizeof f, "=2*D%d+E%d", r, r);
	xlsx_formula(x, ws, row, SUM_RAW, f, t->raw, x->center);
	snprintf(f, sizeof f, "=2*C%d", r);
	xlsx_formula(x, ws, row, SUM_MAX, f, t->max, x->center);
	snprintf(f, sizeof f, "=IF(C%d=G%d,\"該当なし\",I%d*C%d/(C%d-G%d))", r, r, r, r, r, r);
	if (scaled < 0)
		xlsx_file_keep(&x->err, worksheet_write_formula_str(ws, (lxw_row_t)row, SUM_POINTS,
		                                                    f, x->points,
		                                                    "該当なし"));
	else
		xlsx_formula(x, ws, row, SUM_POINTS, f, scaled, x->points);
	snprintf(f, sizeof f, "=IF(C%d=G%d,\"該当なし\",K%d/J%d)", r, r, r, r);
	if (scaled < 0)
		xlsx_file_keep(&x->err, worksheet_write_formula_str(ws, (lxw_row_t)row, SUM_PERCENT,
		                                                    f,
		                                                    x->percent, "該当なし"));
	else
		xlsx_formula(x, ws, row, SUM_PERCENT, f, score_percent(t) / 100.0, x->percent);
}

/* A set counted on the checksheet: the items whose column `ref` equals
 * `match` (a level, a category, a label). */
static void xlsx_sum_counted(struct xlsx *x, lxw_worksheet *ws, int row, const char *kind,
                             const char *name, const char *ref, const char *match,
                             const struct score_tally *t)
{
	static const char *const answers[4] = { "対策完了", "対策中", "未実施", "該当なし" };
	char crit[512], f[1024];
	int counts[4] = { t->done, t->in_progress, t->not_done, t->na };
	xlsx_criterion(match, crit, sizeof crit);
	xlsx_file_str(&x->err, ws, row, SUM_KIND, kind, x->cell);
	xlsx_file_str(&x->err, ws, row, SUM_NAME, name, x->cell);
	snprintf(f, sizeof f, "=COUNTIF(%s,\"%s\")", ref, crit);
	xlsx_formula(x, ws, row, SUM_TOTAL, f, t->total, x->center);
	for (int k = 0; k < 4; k++) {
		snprintf(f, sizeof f, "=COUNTIFS(%s,\"%s\"," XLSX_REF("J") ",\"%s\")", ref, crit,
		         answers[k]);
		xlsx_formula(x, ws, row, SUM_DONE + k, f, counts[k], x->center);
	}
	xlsx_sum_derived(x, ws, row, t);
}

/* Up to the target level: the sum of the level rows above it. */
static void xlsx_sum_target(struct xlsx *x, lxw_worksheet *ws, int row, int first_level_row)
{
	const struct score_tally *t = &x->d->now.target;
	int counts[5] = { t->total, t->done, t->in_progress, t->not_done, t->na };
	int last = first_level_row + x->d->profile.target_level - 1;
	char name[64], f[256];
	snprintf(name, sizeof name, "目標Lv%dまで", x->d->profile.target_level);
	xlsx_file_str(&x->err, ws, row, SUM_KIND, "目標", x->cell);
	xlsx_file_str(&x->err, ws, row, SUM_NAME, name, x->cell);
	for (int k = 0; k < 5; k++) {
		char col = (char)('C' + k);
		snprintf(f, sizeof f, "=SUM(%c%d:%c%d)", col, first_level_row + 1, col, last + 1);
		xlsx_formula(x, ws, row, SUM_TOTAL + k, f, counts[k], x->center);
	}
	xlsx_sum_derived(x, ws, row, t);
}

static void xlsx_sum_head(struct xlsx *x, lxw_worksheet *ws)
{
	char level[16];
	snprintf(level, sizeof level, "Lv%d", x->d->profile.target_level);
	xlsx_title(x, ws, 0, "自己評価の集計");
	xlsx_file_str(&x->err, ws, 1, 0, "会社名", x->bold);
	xlsx_file_str(&x->err, ws, 1, 1, x->d->profile.company, NULL);
	xlsx_file_str(&x->err, ws, 2, 0, "目標レベル", x->bold);
	xlsx_file_str(&x->err, ws, 2, 1, level, NULL);
	xlsx_file_str(&x->err, ws, 3, 0, "作成日", x->bold);
	xlsx_file_str(&x->err, ws, 3, 1, x->d->today, NULL);
	char year[16];
	snprintf(year, sizeof year, "%d年度", x->d->profile.year);
	xlsx_file_str(&x->err, ws, 1, 3, "評価年度", x->bold);
	xlsx_file_str(&x->err, ws, 1, 4, year, NULL);
	xlsx_file_str(&x->err, ws, 2, 3, "評価者", x->bold);
	xlsx_file_str(&x->err, ws, 2, 4, x->d->profile.assessor, NULL);
	int carried = 0;
	for (int i = 0; i < CATALOG_ITEMS; i++)
		carried += !x->d->answers[i].confirmed;
	xlsx_file_str(&x->err, ws, 3, 3, "要再確認", x->bold);
	xlsx_file_num(&x->err, ws, 3, 4, carried, NULL);
	xlsx_file_str(&x->err, ws, 4, 0, "点数", x->bold);
	xlsx_merge(x, ws, 4, 1, SUM_COLS - 1, xlsx_sum_rule, x->plain);
	xlsx_row_height(x, ws, 4, xlsx_lines(xlsx_sum_rule,
	                                     xlsx_sum_width() - xlsx_sum_cols[0].width));
}

/* One row of 前年比: this year's points, last year's and the difference. */
static void xlsx_year_row(struct xlsx *x, lxw_worksheet *ws, int row, const char *name,
                          const struct score_tally *now_t, const struct score_tally *old_t)
{
	double now = score_scaled(now_t), old = score_scaled(old_t);
	xlsx_file_str(&x->err, ws, row, 0, name, x->cell);
	if (now >= 0)
		xlsx_file_num(&x->err, ws, row, 1, now, x->cell);
	if (old >= 0)
		xlsx_file_num(&x->err, ws, row, 2, old, x->cell);
	if (now >= 0 && old >= 0)
		xlsx_file_num(&x->err, ws, row, 3, now - old, x->cell);
}

/* 前年比: this year's points per level and label beside last year's. */
static void xlsx_sum_year_on_year(struct xlsx *x, lxw_worksheet *ws, int row)
{
	struct score_report before;
	char title[64], name[256];
	score_compute(x->d->cat, x->d->prev, x->d->profile.target_level, &before);
	snprintf(title, sizeof title, "前年比（%d年度との比較）", x->d->prev_year);
	xlsx_file_str(&x->err, ws, row, 0, title, x->bold);
	xlsx_file_str(&x->err, ws, row, 1, "今年度", x->head);
	xlsx_file_str(&x->err, ws, row, 2, "前年度", x->head);
	xlsx_file_str(&x->err, ws, row++, 3, "差", x->head);
	for (int lv = 0; lv < CATALOG_LEVELS; lv++) {
		snprintf(name, sizeof name, "Lv%d", lv + 1);
		xlsx_year_row(x, ws, row++, name, &x->d->now.level[lv], &before.level[lv]);
	}
	for (int l = 0; l < CATALOG_LABELS; l++) {
		snprintf(name, sizeof name, "%d %s", l + 1, x->d->cat->labels[l].name);
		xlsx_year_row(x, ws, row++, name, &x->d->now.label[l], &before.label[l]);
	}
}

static void xlsx_sheet_summary(struct xlsx *x)
{
	const struct catalog *cat = x->d->cat;
	const struct score_report *r = &x->d->now;
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, XLSX_SHEET_SUMMARY);
	int row = XLSX_SUM_HEAD_ROW;
	char name[256];
	if (!ws) {
		xlsx_file_keep(&x->err, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	xlsx_sum_head(x, ws);
	xlsx_columns(x, ws, xlsx_sum_cols, SUM_COLS, row++);
	int first_level_row = row;
	for (int lv = 0; lv < CATALOG_LEVELS; lv++) {
		snprintf(name, sizeof name, "Lv%d", lv + 1);
		xlsx_sum_counted(x, ws, row++, "レベル", name, XLSX_REF("F"), name, &r->level[lv]);
	}
	xlsx_sum_target(x, ws, row++, first_level_row);
	row++;
	for (int c = 0; c < CATALOG_CATEGORIES; c++)
		xlsx_sum_counted(x, ws, row++, "分類", cat->categories[c].name, XLSX_REF("A"),
		                 cat->categories[c].name, &r->category[c]);
	row++;
	for (int l = 0; l < CATALOG_LABELS; l++) {
		snprintf(name, sizeof name, "%d %s", l + 1, cat->labels[l].name);
		xlsx_sum_counted(x, ws, row++, "ラベル", name, XLSX_REF("B"), cat->labels[l].name,
		                 &r->label[l]);
	}
	if (x->d->prev_year)
		xlsx_sum_year_on_year(x, ws, row + 1);
	worksheet_freeze_panes(ws, XLSX_SUM_HEAD_ROW + 1, 0);
	xlsx_page(x, ws, 0, XLSX_SUM_HEAD_ROW, 0);
}

/* ---- 改善計画 ---- */

enum {
	PLAN_SEQ, PLAN_NO, PLAN_LEVEL, PLAN_PRIORITY, PLAN_LABEL, PLAN_CONDITION, PLAN_ANSWER,
	PLAN_TASK, PLAN_OWNER, PLAN_DUE, PLAN_STATUS, PLAN_MEMO, PLAN_COLS
};

static const struct xlsx_column xlsx_plan_cols[PLAN_COLS] = {
	{ "順", 4 }, { "No.", 5 }, { "レベル", 6 }, { "段階", 7 }, { "ラベル", 14 },
	{ "達成条件", 30 }, { "現在の評価", 9 }, { "対策内容", 44 }, { "担当者", 12 },
	{ "期日", 11 }, { "状況", 7 }, { "メモ", 26 },
};

static void xlsx_plan_row(struct xlsx *x, lxw_worksheet *ws, int row, const struct plan_entry *e)
{
	const struct catalog_item *it = catalog_item(x->d->cat, e->item);
	const struct store_action *a = &e->action;
	char level[8];
	static const char *const phases[] = { "", "第1期 優先", "第2期", "第3期" };
	const char *text[PLAN_COLS] = {
		NULL, NULL, level, phases[e->phase],
		catalog_label(x->d->cat, it->label)->name, it->condition,
		e->evidence != EVIDENCE_OK ? assessment_evidence_label(e->evidence)
		                           : export_answer_text(e->answer),
		a->task, a->owner, a->due, export_status_text(a->status), a->memo,
	};
	int lines = 1;
	snprintf(level, sizeof level, "Lv%d", it->level);
	xlsx_file_num(&x->err, ws, row, PLAN_SEQ, row, x->center);
	xlsx_file_num(&x->err, ws, row, PLAN_NO, e->item, x->center);
	for (int c = PLAN_LEVEL; c < PLAN_COLS; c++) {
		int editable = c >= PLAN_TASK;
		int centred = c == PLAN_LEVEL || c == PLAN_PRIORITY || c == PLAN_ANSWER || c == PLAN_DUE
		              || c == PLAN_STATUS;
		lxw_format *f = editable ? (centred ? x->input_center : x->input)
		                         : (centred ? x->center : x->cell);
		xlsx_file_str(&x->err, ws, row, c, text[c], f);
		lines = xlsx_max(lines, xlsx_lines(text[c], xlsx_plan_cols[c].width));
	}
	xlsx_row_height(x, ws, row, lines);
}

/* Evidence to write or renew: the customer will ask what proves it. */
static void xlsx_plan_evidence(struct xlsx *x, lxw_worksheet *ws, int row)
{
	const struct plan *pl = &x->d->plan;
	char head[128];
	if (!pl->n_missing)
		return;
	snprintf(head, sizeof head, "ほかに書いておく根拠（該当なしの理由など、%d件）", pl->n_missing);
	xlsx_file_str(&x->err, ws, row++, 0, head, x->bold);
	for (int i = 0; i < pl->n_missing; i++, row++) {
		const struct catalog_item *it = catalog_item(x->d->cat, pl->evidence_missing[i]);
		char level[8];
		snprintf(level, sizeof level, "Lv%d", it->level);
		xlsx_file_num(&x->err, ws, row, PLAN_NO, it->no, x->center);
		xlsx_file_str(&x->err, ws, row, PLAN_LEVEL, level, x->center);
		xlsx_file_str(&x->err, ws, row, PLAN_LABEL, catalog_label(x->d->cat,
		                                                          it->label)->name, x->cell);
		xlsx_file_str(&x->err, ws, row, PLAN_CONDITION, it->condition, x->cell);
		xlsx_file_str(&x->err, ws, row, PLAN_ANSWER,
		              answer_label(x->d->answers[it->no - 1].value),
		              x->center);
		xlsx_file_str(&x->err, ws, row, PLAN_TASK,
		              assessment_evidence_label((enum evidence_issue)pl->evidence_issue[i]), x->cell);
		xlsx_row_height(x, ws, row, xlsx_max(xlsx_lines(it->condition, 30),
		                                     xlsx_lines(catalog_label(x->d->cat,
		                                                              it->label)->name,
		                                                14)));
	}
}

static void xlsx_sheet_plan(struct xlsx *x)
{
	static char todo[] = "未着手", doing[] = "進行中", done[] = "完了";
	static char title[] = "状況";
	static char message[] = "未着手、進行中、完了 から選びます。";
	static char error[] = "未着手、進行中、完了 のどれかを選んでください。";
	char *values[] = { todo, doing, done, NULL };
	const struct plan *pl = &x->d->plan;
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, XLSX_SHEET_PLAN);
	if (!ws) {
		xlsx_file_keep(&x->err, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	xlsx_columns(x, ws, xlsx_plan_cols, PLAN_COLS, 0);
	for (int i = 0; i < pl->n; i++)
		xlsx_plan_row(x, ws, i + 1, &pl->entries[i]);
	if (!pl->n)
		xlsx_file_str(&x->err, ws, 1, PLAN_TASK, "回答した項目に、対策の必要なものはありません。", NULL);
	xlsx_list_validation(x, ws, 1, pl->n, PLAN_STATUS, values, title, message, error);
	int row = (pl->n ? pl->n : 1) + 2;
	for (int lv = 0; lv < CATALOG_LEVELS; lv++)
		if (pl->unanswered[lv]) {
			char line[160];
			snprintf(line, sizeof line, "Lv%d 未回答 %d 項目：まず回答を（回答すると対策中・未実施が計画に入ります）",
			         lv + 1, pl->unanswered[lv]);
			xlsx_file_str(&x->err, ws, row++, PLAN_LABEL, line, x->alert);
		}
	xlsx_plan_evidence(x, ws, row + 1);
	worksheet_freeze_panes(ws, 1, 0);
	xlsx_page(x, ws, 1, 0, 0);
}

/* ---- 緊急連絡先 ---- */

enum {
	CON_KIND, CON_ROLE, CON_DUTY, CON_PERSON, CON_PHONE, CON_EMAIL, CON_AFTER, CON_CONFIRMED,
	CON_COLS
};

static const struct xlsx_column xlsx_contact_cols[CON_COLS] = {
	{ "区分", 10 }, { "役割", 20 }, { "役目", 30 }, { "担当者・名称", 16 }, { "電話", 15 },
	{ "メール", 22 }, { "夜間・休日", 16 }, { "確認日", 11 },
};

/* A paragraph across the whole sheet width, its height from its lines. */
static int xlsx_wide(struct xlsx *x, lxw_worksheet *ws, int row, const char *s, lxw_format *f)
{
	double width = 0;
	for (int c = 0; c < CON_COLS; c++)
		width += xlsx_contact_cols[c].width;
	xlsx_merge(x, ws, row, 0, CON_COLS - 1, s, f);
	xlsx_row_height(x, ws, row, xlsx_lines(s, width));
	return row + 1;
}

static int xlsx_contacts_people(struct xlsx *x, lxw_worksheet *ws, int row)
{
	static const char *const kinds[] = { "社内", "社外", "公的機関" };
	const struct export_data *d = x->d;
	xlsx_file_str(&x->err, ws, row++, 0, "連絡先", x->bold);
	xlsx_columns(x, ws, xlsx_contact_cols, CON_COLS, row++);
	for (int i = 0; i < d->sheet.n; i++, row++) {
		const struct contact_role *r = d->sheet.rows[i].role;
		const struct store_contact *c = &d->sheet.rows[i].c;
		char who[2 * STORE_TEXT_MAX * 4 + 2];
		/* The other party's company above the person, in the one cell. */
		snprintf(who, sizeof who, "%s%s%s", c->company, c->company[0] && c->person[0] ? "\n" : "",
		         c->person);
		const char *text[CON_COLS] = {
			kinds[r->kind], r->name, c->slot == 0 ? r->duty : "", who, c->phone,
			c->email, c->after_hours, c->confirmed,
		};
		int lines = 2;
		for (int k = 0; k < CON_COLS; k++) {
			xlsx_file_str(&x->err, ws, row, k, text[k],
			              k >= CON_PERSON ? x->input : x->cell);
			lines = xlsx_max(lines, xlsx_lines(text[k], xlsx_contact_cols[k].width));
		}
		xlsx_row_height(x, ws, row, lines);
	}
	return xlsx_wide(x, ws, row, "公的機関の電話番号は、その機関の公式サイトで確かめてから書き込んでください。",
	                 x->plain);
}

static int xlsx_contacts_steps(struct xlsx *x, lxw_worksheet *ws, int row)
{
	int n;
	const struct contact_step *s = contacts_steps(&n);
	double first_width = 0;
	for (int c = CON_DUTY; c < CON_COLS; c++)
		first_width += xlsx_contact_cols[c].width;
	xlsx_file_str(&x->err, ws, row++, 0, "対応の5段階", x->bold);
	xlsx_file_str(&x->err, ws, row, 0, "段階", x->head);
	xlsx_file_str(&x->err, ws, row, 1, "誰が", x->head);
	xlsx_merge(x, ws, row++, CON_DUTY, CON_COLS - 1, "最初にすること", x->head);
	for (int i = 0; i < n; i++, row++) {
		xlsx_file_str(&x->err, ws, row, 0, s[i].title, x->cell);
		xlsx_file_str(&x->err, ws, row, 1, s[i].who, x->cell);
		xlsx_merge(x, ws, row, CON_DUTY, CON_COLS - 1, s[i].first, x->cell);
		xlsx_row_height(x, ws, row, xlsx_max(xlsx_lines(s[i].first, first_width),
		                                     xlsx_lines(s[i].who,
		                                                xlsx_contact_cols[1].width)));
	}
	return row;
}

static void xlsx_sheet_contacts(struct xlsx *x)
{
	const struct export_data *d = x->d;
	lxw_worksheet *ws = workbook_add_worksheet(x->wb, XLSX_SHEET_CONTACTS);
	char line[512];
	int row = 0;
	if (!ws) {
		xlsx_file_keep(&x->err, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	xlsx_title(x, ws, row++, "緊急連絡先・初動対応シート");
	snprintf(line, sizeof line, "会社名: %s　作成日: %s", d->profile.company, d->today);
	xlsx_file_str(&x->err, ws, row++, 0, line, NULL);
	row++;
	if (d->n_missing) {
		xlsx_file_str(&x->err, ws, row++, 0, "まだ整っていないこと（自己評価の回答より）", x->alert);
		for (int i = 0; i < d->n_missing; i++)
			row = xlsx_wide(x, ws, row, d->missing[i], x->plain);
		row++;
	}
	row = xlsx_contacts_people(x, ws, row) + 1;
	row = xlsx_contacts_steps(x, ws, row) + 1;
	xlsx_file_str(&x->err, ws, row++, 0, "こんなときは事故です。すぐ報告してください", x->bold);
	row = xlsx_wide(x, ws, row, contacts_incident_examples(), x->cell) + 1;
	xlsx_file_str(&x->err, ws, row++, 0, "システムが止まったときの受発注・生産の代替手段（No.150）", x->bold);
	xlsx_wide(x, ws, row, d->alt_ordering[0] ? d->alt_ordering
	          : "（未記入）FAX、電話、紙の伝票、クラウドサービスなど、代わりのやり方と切り替えの手順を書いておきます。",
	          x->input);
	xlsx_page(x, ws, 0, -1, 1);
}

/* ---- the workbook ---- */

static void xlsx_properties(struct xlsx *x)
{
	char title[] = "自動車産業サイバーセキュリティガイドライン 自己評価チェックシート";
	char company[sizeof x->d->profile.company], author[sizeof x->d->profile.assessor];
	lxw_doc_properties props;
	snprintf(company, sizeof company, "%s", x->d->profile.company);
	snprintf(author, sizeof author, "%s", x->d->profile.assessor);
	memset(&props, 0, sizeof props);
	props.title = title;
	props.company = company;
	props.author = author;
	xlsx_file_keep(&x->err, workbook_set_properties(x->wb, &props));
}

static void xlsx_build(struct xlsx *x)
{
	if (xlsx_formats(x) != 0)
		return;
	xlsx_make_footer(x);
	xlsx_properties(x);
	xlsx_sheet_check(x);
	xlsx_sheet_summary(x);
	xlsx_sheet_plan(x);
	xlsx_sheet_contacts(x);
}

/* ---- writing ---- */

int export_xlsx_write(const struct export_data *d, const char *path, char *err, size_t errlen)
{
	struct xlsx x;
	int quiet;
	memset(&x, 0, sizeof x);
	x.d = d;
	x.wb = xlsx_file_open(path, &quiet, err, errlen);
	if (!x.wb)
		return -1;
	xlsx_build(&x);
	return xlsx_file_close(x.wb, x.err, quiet, 4, path, err, errlen);
}
