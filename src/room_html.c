/* room_html: room.html — the room's views on A4, the labels as a coloured heat map. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdio.h>
#include <string.h>

#include "html.h"
#include "room_report.h"

/* Landscape: the heat map has a column per label. */
static const char room_css[] =
	"@page{size:A4 landscape;margin:10mm;"
	"@bottom-center{content:counter(page) \" / \" counter(pages);font-size:8pt}}\n"
	"@media print{body{font-size:8pt}}\n"
	"table.companies th{text-align:center;vertical-align:bottom}\n"
	"table.companies .name{width:22%}\n"
	"table.heat{table-layout:fixed}\n"
	"table.heat th,table.heat td{padding:.1em .15em;text-align:center;font-size:85%}\n"
	"table.heat th.name,table.heat td.name{text-align:left;width:11em;overflow:hidden;"
	"white-space:nowrap;text-overflow:ellipsis}\n"
	".legend{columns:3;column-gap:1.5em;font-size:80%;margin:.3em 0}\n"
	".legend div{break-inside:avoid}\n";

/* Excel's default three-colour scale: red at 0 %, yellow at 50 %, green at
 * 100 %, so that the page and the workbook look alike. */
static void room_colour(double pct, char *buf, size_t len)
{
	static const int lo[3] = { 0xf8, 0x69, 0x6b }, mid[3] = { 0xff, 0xeb, 0x84 },
	                 hi[3] = { 0x63, 0xbe, 0x7b };
	const int *a = pct < 50 ? lo : mid, *b = pct < 50 ? mid : hi;
	double t = pct < 50 ? pct / 50.0 : (pct - 50.0) / 50.0;
	if (t < 0)
		t = 0;
	if (t > 1)
		t = 1;
	snprintf(buf, len, "#%02x%02x%02x", (int)(a[0] + (b[0] - a[0]) * t + .5),
	         (int)(a[1] + (b[1] - a[1]) * t + .5), (int)(a[2] + (b[2] - a[2]) * t + .5));
}

static void room_html_heat_cell(FILE *out, double pct)
{
	char colour[16];
	if (pct < 0) {
		fputs("<td>-</td>", out);
		return;
	}
	room_colour(pct, colour, sizeof colour);
	fprintf(out, "<td style=\"background:%s\">%.0f</td>", colour, pct);
}

static const char *room_html_band(const struct room *r, const struct room_company *c)
{
	const struct catalog_band *b = catalog_band(r->cat, c->profile.band);
	return b ? b->name : "-";
}

static void room_html_companies(FILE *out, const struct room *r)
{
	fputs("<h2>会社別</h2>\n<table class=\"companies\">\n<thead><tr><th class=\"name\">会社</th>"
	      "<th>従業員規模</th><th>目標</th><th>回答<br>（目標まで）</th><th>Lv1<br>（/100）</th>"
	      "<th>Lv2<br>（/148）</th><th>Lv3<br>（/58）</th><th>優先19項目<br>対策完了</th>"
	      "<th>優先<br>未回答</th><th>要再確認</th></tr></thead>\n<tbody>\n", out);
	for (int i = 0; i < r->n; i++) {
		const struct room_company *c = &r->company[i];
		char cell[64];
		if (c->status != STORE_OK)
			continue;
		fputs("<tr>", out);
		html_cell(out, "td", NULL, c->name);
		html_cell(out, "td", "nowrap", room_html_band(r, c));
		fprintf(out, "<td>Lv%d</td><td class=\"num\">%d/%d</td>", c->profile.target_level,
		        c->answered, c->total);
		for (int lv = 0; lv < CATALOG_LEVELS; lv++) {
			room_points(&c->score.level[lv], lv > 0, cell, sizeof cell);
			html_cell(out, "td", "num", cell);
		}
		fprintf(out, "<td class=\"num\">%d/%d</td><td class=\"num\">%d</td><td class=\"num\">%d</td>"
		        "</tr>\n", c->priority_done, CATALOG_PRIORITY_ITEMS, c->priority_unanswered,
		        c->unconfirmed);
	}
	fputs("</tbody>\n</table>\n", out);
}

static void room_html_heat(FILE *out, const struct room *r)
{
	fputs("<h2>ラベル別（各社の目標レベルまでの項目、満点に対する%）</h2>\n"
	      "<table class=\"heat\">\n<thead><tr><th class=\"name\">会社</th>", out);
	for (int l = 0; l < CATALOG_LABELS; l++)
		fprintf(out, "<th>%d</th>", l + 1);
	fputs("</tr></thead>\n<tbody>\n", out);
	for (int i = 0; i < r->n; i++) {
		const struct room_company *c = &r->company[i];
		if (c->status != STORE_OK)
			continue;
		fputs("<tr>", out);
		html_cell(out, "td", "name", c->name);
		for (int l = 0; l < CATALOG_LABELS; l++)
			room_html_heat_cell(out, c->answered ? score_percent(&c->score.label_target[l]) : -1);
		fputs("</tr>\n", out);
	}
	fputs("<tr><th class=\"name\">平均</th>", out);
	for (int l = 0; l < CATALOG_LABELS; l++)
		room_html_heat_cell(out, r->label_average[l]);
	fputs("</tr>\n<tr><th class=\"name\">50%未満の社数</th>", out);
	for (int l = 0; l < CATALOG_LABELS; l++)
		fprintf(out, "<td>%d</td>", r->label_below_half[l]);
	fputs("</tr>\n</tbody>\n</table>\n<div class=\"legend\">", out);
	for (int l = 0; l < CATALOG_LABELS; l++) {
		fprintf(out, "<div>%d ", l + 1);
		html_text(out, r->cat->labels[l].name);
		fputs("</div>", out);
	}
	fputs("</div>\n", out);
	if (!r->n_weakest)
		return;
	fputs("<p><strong>次に説明するとよいラベル（この場で弱い順）:</strong> ", out);
	for (int k = 0; k < r->n_weakest; k++) {
		int l = r->weakest[k] - 1;
		fprintf(out, "%s%d ", k ? "、" : "", l + 1);
		html_text(out, r->cat->labels[l].name);
		fprintf(out, "（%.0f%%）", r->label_average[l]);
	}
	fputs("</p>\n", out);
}

static void room_html_industry(FILE *out, const struct room *r)
{
	fputs("<h2>業界平均との比較（2022年度の回答、従業員規模と目標レベル別）</h2>\n<table>\n"
	      "<thead><tr><th>会社</th><th>従業員規模</th><th>目標</th><th class=\"num\">点数（目標まで）</th>"
	      "<th class=\"num\">業界平均</th><th class=\"num\">回答社数</th><th class=\"num\">差</th>"
	      "</tr></thead>\n<tbody>\n", out);
	for (int i = 0; i < r->n; i++) {
		const struct room_company *c = &r->company[i];
		if (c->status != STORE_OK)
			continue;
		fputs("<tr>", out);
		html_cell(out, "td", NULL, c->name);
		html_cell(out, "td", "nowrap", room_html_band(r, c));
		fprintf(out, "<td>Lv%d</td>", c->profile.target_level);
		if (c->industry.company >= 0)
			fprintf(out, "<td class=\"num\">%.1f/%.0f</td>", c->industry.company,
			        c->industry.company_max);
		else
			fputs("<td class=\"num\">該当なし</td>", out);
		if (c->industry.available && c->industry.company >= 0)
			fprintf(out, "<td class=\"num\">%.1f</td><td class=\"num\">%d</td>"
			        "<td class=\"num\">%+.1f</td>", c->industry.industry, c->industry.companies,
			        c->industry.company - c->industry.industry);
		else if (c->industry.available)
			fprintf(out, "<td class=\"num\">%.1f</td><td class=\"num\">%d</td><td class=\"num\">-</td>",
			        c->industry.industry, c->industry.companies);
		else
			fputs("<td colspan=\"3\">従業員規模が未設定</td>", out);
		fputs("</tr>\n", out);
	}
	fprintf(out, "</tbody>\n</table>\n<p class=\"note\">業界平均以上: %d 社（比較できた %d 社のうち）</p>\n",
	        r->above_industry, r->compared);
}

static void room_html_skipped(FILE *out, const struct room *r)
{
	if (!r->n_skipped)
		return;
	fprintf(out, "<h2>読めなかったファイル（%d）</h2>\n<ul>\n", r->n_skipped);
	for (int i = 0; i < r->n; i++) {
		const struct room_company *c = &r->company[i];
		if (c->status == STORE_OK)
			continue;
		fputs("<li>", out);
		if (r->anonymous)
			fprintf(out, "ファイル %d", i + 1);
		else
			html_text(out, c->path);
		fputs(": ", out);
		html_text(out, c->reason_short);
		fputs("</li>\n", out);
	}
	fputs("</ul>\n", out);
}

int room_html(FILE *out, const void *room)
{
	const struct room *r = room;
	html_begin(out, "ワークショップ全体の状況", NULL, room_css);
	fputs("<h1>ワークショップ全体の状況</h1>\n<p>", out);
	if (!r->n_read)
		fputs("読めた会社のファイルはありません", out);
	else if (r->year_min == r->year_max)
		fprintf(out, "%d 社（%d 年度の評価）", r->n_read, r->year_min);
	else
		fprintf(out, "%d 社（%d〜%d 年度、各ファイルの最新の評価）", r->n_read, r->year_min, r->year_max);
	if (r->n_skipped)
		fprintf(out, "、読めなかったファイル %d", r->n_skipped);
	fputs("</p>\n", out);
	if (r->n_read) {
		room_html_companies(out, r);
		room_html_heat(out, r);
		room_html_industry(out, r);
	}
	room_html_skipped(out, r);
	fputs("<footer>kamae " PACKAGE_VERSION " で作成（自工会/部工会・サイバーセキュリティガイドライン v"
	      GUIDELINE_VERSION " に基づく自己評価の集計）</footer>\n</body>\n</html>\n", out);
	return ferror(out) ? -1 : 0;
}
