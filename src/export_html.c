/* export_html: plan.html and contacts.html — one self-contained page each (inline CSS, no external asset), printable on A4. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assessment.h"
#include "export_html.h"
#include "html.h"
#include "text.h"

static const char html_css_plan[] =
	"@page{size:A4;margin:12mm 10mm 14mm;"
	"@bottom-center{content:counter(page) \" / \" counter(pages);font-size:8pt}}\n"
	"@media print{body{font-size:9pt}.boss{break-after:page}}\n"
	".sign{display:flex;gap:3em;margin:2em 0 .5em}\n"
	".sign div{flex:1;border-bottom:1px solid #000;padding-bottom:.2em}\n"
	".prio{font-weight:bold}\n"
	".alert{border:2px solid #b00;padding:.2em .6em;margin:.5em 0}\n"
	"table.quarters th,table.quarters td{text-align:center;padding:.1em .3em}\n"
	/* Fixed layout and breakable words: no column can push the table past
	 * the page, whatever a user typed into a task. */
	"table.tasks{table-layout:fixed}\n"
	"table.tasks td{overflow-wrap:anywhere;padding:.1em .3em}\n"
	"@media print{table.tasks{font-size:8.5pt;line-height:1.35}}\n"
	"table.tasks tr.phase th{background:#f2f2f2;text-align:left}\n"
	"table.tasks td.no{font-size:85%}\n";

/* One page: small type, tight rows, narrow page margins; rows the user
 * added make it denser still. Should it run over, the next page still
 * says what it is. */
static const char html_css_contacts[] =
	"@page{size:A4;margin:8mm;"
	"@bottom-center{content:\"緊急連絡先・初動対応シート　\" counter(page) \" / \" counter(pages);"
	"font-size:7pt}}\n"
	"@media print{body{font-size:7.5pt;line-height:1.22}h1{font-size:13pt}"
	"h2{font-size:9.5pt;margin:.5em 0 .2em}.dense{font-size:7pt;line-height:1.12}}\n"
	".head{display:flex;justify-content:space-between;align-items:baseline;gap:1em}\n"
	".head h1{margin:0}\n"
	".missing{border:2px solid #b00;padding:.2em .6em;margin:.4em 0}\n"
	".missing strong{color:#b00}\n"
	".missing ul{columns:2;column-gap:1.5em}\n"
	".contacts td,.contacts th{padding:.1em .3em}\n"
	/* A long e-mail address or note wraps instead of widening the page. */
	".contacts{table-layout:fixed}\n"
	/* Phone numbers are what the sheet is read for: their columns are the
	 * widest after the role's. */
	".contacts .person{width:14%}.contacts .phone{width:15%}.contacts .email{width:15%}"
	".contacts .after{width:11%}\n"
	/* Break a word only when it cannot fit its column otherwise. */
	"td{overflow-wrap:break-word}\n"
	".contacts .role{width:34%}\n"
	".contacts .role .small{display:block;font-size:80%}\n"
	".contacts .kind{width:3%;writing-mode:vertical-rl;text-align:center;vertical-align:middle;"
	"padding:0}\n"
	".contacts .date{width:8%}\n"
	".steps td{padding:.1em .3em}\n"
	".steps .step{width:22%}\n"
	".steps .step strong{display:block}\n"
	".steps ul{margin:0}\n"
	".examples ul{columns:2;column-gap:1.5em}\n"
	".alt{border:1px solid #666;padding:.3em .5em;min-height:3.5em}\n";

/* The footer says where the page came from; the one-page contact sheet
 * has no room for it. */
static void html_end(FILE *out, const struct export_data *d, int footer)
{
	if (!footer) {
		fputs("</body>\n</html>\n", out);
		return;
	}
	fprintf(out, "<footer>kamae %s で作成（自工会/部工会・サイバーセキュリティガイドライン v",
	        PACKAGE_VERSION);
	html_text(out, d->profile.guideline);
	fputs(" に基づく自己評価）</footer>\n</body>\n</html>\n", out);
}

static void html_meta_row(FILE *out, const char *name, const char *value)
{
	fputs("<tr>", out);
	html_cell(out, "th", NULL, name);
	fputs("<td>", out);
	html_text_or_blank(out, value);
	fputs("</td></tr>\n", out);
}

/* ---- plan.html ---- */

static void html_plan_head(FILE *out, const struct export_data *d)
{
	char line[256];
	const struct store_profile *p = &d->profile;
	fputs("<section class=\"boss\">\n<h1>情報セキュリティ対策実行計画書（改善計画）</h1>\n"
	      "<table class=\"meta\">\n", out);
	html_meta_row(out, "会社名", p->company);
	snprintf(line, sizeof line, "%d年度", p->year);
	html_meta_row(out, "評価年度", line);
	html_meta_row(out, "作成日", d->today);
	snprintf(line, sizeof line, "Lv%d（自工会/部工会・サイバーセキュリティガイドライン v%s）",
	         p->target_level, p->guideline);
	html_meta_row(out, "目標レベル", line);
	html_meta_row(out, "評価者", p->assessor);
	fputs("</table>\n", out);
}

static void html_score_row(FILE *out, const char *name, const struct score_tally *now,
                           const struct score_tally *planned)
{
	char a[64], b[64], c[64];
	export_points(now, a, sizeof a);
	export_points(planned, b, sizeof b);
	snprintf(c, sizeof c, "%d/%d（該当なし %d）", score_tally_answered(now), now->total, now->na);
	fputs("<tr>", out);
	html_cell(out, "th", NULL, name);
	html_cell(out, "td", "num", a);
	html_cell(out, "td", "num", b);
	html_cell(out, "td", "num", c);
	fputs("</tr>\n", out);
}

static void html_plan_scores(FILE *out, const struct export_data *d)
{
	char name[64];
	fputs("<h2>現在の点数と、計画をすべて終えたときの点数</h2>\n<table>\n<thead><tr>"
	      "<th>レベル</th><th>現在</th><th>計画完了後</th><th>回答済み</th></tr></thead>\n<tbody>\n",
	      out);
	for (int lv = 0; lv < CATALOG_LEVELS; lv++) {
		snprintf(name, sizeof name, "Lv%d", lv + 1);
		html_score_row(out, name, &d->now.level[lv], &d->planned.level[lv]);
	}
	snprintf(name, sizeof name, "目標Lv%dまで", d->profile.target_level);
	html_score_row(out, name, &d->now.target, &d->planned.target);
	fputs("</tbody></table>\n<p class=\"note\">該当なしの項目は分母から除き、満点に換算しています"
	      "（点数 = 素点 × 項目数 ÷（項目数 − 該当なし））。</p>\n", out);
}

static void html_plan_phases(FILE *out, const struct export_data *d)
{
	static const char *const scope_names[] = { "目標レベルまで", "レベル1まで", "優先 8+11 項目のみ" };
	const struct plan *pl = &d->plan;
	fprintf(out, "<h2>進め方（%s）</h2>\n<table>\n<thead><tr><th>段階</th><th>新しい対策の期日</th>"
	        "<th class=\"num\">対策</th></tr></thead>\n<tbody>\n", scope_names[pl->scope]);
	for (int ph = 1; ph <= PLAN_PHASES; ph++) {
		if (ph > 1 && pl->scope == PLAN_SCOPE_PRIORITY)
			break;
		if (ph > 2 && pl->scope == PLAN_SCOPE_LV1)
			break;
		fputs("<tr>", out);
		html_cell(out, "td", NULL, plan_phase_name(ph));
		fprintf(out, "<td class=\"nowrap\">%s 〜 %s</td><td class=\"num\">%d件</td></tr>\n",
		        pl->phase_from[ph - 1], pl->phase_to[ph - 1], pl->phase_tasks[ph - 1]);
	}
	fputs("</tbody></table>\n", out);
	int any = 0;
	for (int lv = 0; lv < CATALOG_LEVELS; lv++)
		if (pl->unanswered[lv])
			fprintf(out, "%sLv%d 未回答 %d 項目：まず回答を", any++ ? "<br>" : "<div class=\"alert\">",
			        lv + 1, pl->unanswered[lv]);
	if (any)
		fputs("<br><span class=\"small\">回答すると、対策中・未実施の項目がこの計画の対策になります。</span></div>\n",
		      out);
}

/* The first tasks by due date: what happens first, and who does it. */
static void html_plan_first(FILE *out, const struct export_data *d)
{
	const struct plan_entry *first[PLAN_FIRST_TASKS];
	int n = plan_first_tasks(&d->plan, first, PLAN_FIRST_TASKS);
	if (!n)
		return;
	fputs("<h2>最初に取りかかる対策</h2>\n<table class=\"tasks\">\n<colgroup><col style=\"width:13%\">"
	      "<col style=\"width:10%\"><col style=\"width:57%\"><col style=\"width:20%\"></colgroup>\n"
	      "<thead><tr><th>期日</th><th>項目</th><th>対策</th><th>担当</th></tr></thead>\n<tbody>\n", out);
	for (int i = 0; i < n; i++) {
		char task[512];
		fputs("<tr>", out);
		html_cell(out, "td", NULL, first[i]->action.due);
		fprintf(out, "<td>No.%d</td>", first[i]->item);
		plan_task_headline(first[i]->action.task, task, sizeof task);
		html_cell(out, "td", NULL, task);
		html_cell(out, "td", NULL, first[i]->action.owner);
		fputs("</tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
}

static void html_plan_quarters(FILE *out, const struct export_data *d)
{
	int counts[8], year, q, priority = 0, undated = 0, overdue;
	int nq = plan_quarters(&d->plan, d->today, counts, 8, &year, &q, &overdue);
	char name[64];
	for (int i = 0; i < d->plan.n; i++) {
		priority += d->plan.entries[i].priority;
		if (d->plan.entries[i].action.status != ACTION_DONE
		    && !date_valid(d->plan.entries[i].action.due))
			undated++;
	}
	int evidence = plan_evidence_count(&d->plan) - d->plan.n_missing;
	fprintf(out, "<h2>対策の数と期日</h2>\n<p>対策 %d件（うち優先項目 %d件、根拠の記録 %d件）。"
	        "3か月ごとの件数（完了したものを除く）:</p>\n", d->plan.n, priority, evidence);
	fputs("<table class=\"quarters\">\n<thead><tr>", out);
	if (overdue)
		fputs("<th>期日を過ぎたもの</th>", out);
	for (int k = 0; k < nq; k++) {
		export_quarter_name(year + (q - 1 + k) / 4, (q - 1 + k) % 4 + 1, name, sizeof name);
		html_cell(out, "th", NULL, name);
	}
	if (undated)
		fputs("<th>期日未定</th>", out);
	fputs("</tr></thead>\n<tbody><tr>", out);
	if (overdue)
		fprintf(out, "<td>%d件</td>", overdue);
	for (int k = 0; k < nq; k++)
		fprintf(out, "<td>%d件%s</td>", counts[k], k == 7 ? "（以降を含む）" : "");
	if (undated)
		fprintf(out, "<td>%d件</td>", undated);
	fputs("</tr></tbody></table>\n", out);
}

static void html_plan_signoff(FILE *out, const struct export_data *d)
{
	fputs("<h2>承認</h2>\n<div class=\"sign\"><div>承認者: ", out);
	html_text(out, d->approver);
	fputs("</div><div>日付: ", out);
	if (d->approved[0])
		html_text(out, d->approved);
	else
		fputs("　　　　年　　月　　日", out);
	fputs("</div></div>\n</section>\n", out);
}

/* The task as printed: its first paragraph (the default's worked example
 * stays on screen), cut short with an ellipsis. */
static void html_task_text(FILE *out, const char *task)
{
	char cut[1024];
	plan_task_headline(task, cut, sizeof cut);
	html_text(out, cut);
}

static void html_plan_entry(FILE *out, int k, const struct export_data *d,
                            const struct plan_entry *e)
{
	const struct catalog_item *it = catalog_item(d->cat, e->item);
	const struct store_action *a = &e->action;
	fprintf(out, "<tr><td class=\"num\">%d</td><td class=\"no%s\">No.%d Lv%d%s<br>", k + 1,
	        e->priority ? " prio" : "", e->item, it->level, e->priority ? " 優先" : "");
	html_text(out, e->evidence != EVIDENCE_OK ? assessment_evidence_label(e->evidence)
	                                          : export_answer_text(e->answer));
	fputs("</td><td class=\"task\">", out);
	html_task_text(out, a->task);
	if (a->memo && a->memo[0]) {
		fputs("<br><span class=\"small\">メモ: ", out);
		html_text(out, a->memo);
		fputs("</span>", out);
	}
	fputs("</td><td>", out);
	html_text_or_blank(out, a->owner);
	fputs("</td>", out);
	html_cell(out, "td", NULL, a->due[0] ? a->due : "未定");
	html_cell(out, "td", NULL, export_status_text(a->status));
	fputs("</tr>\n", out);
}

static void html_plan_tasks(FILE *out, const struct export_data *d)
{
	fputs("<h2>対策一覧（段階ごと、期日の順）</h2>\n", out);
	if (!d->plan.n) {
		fputs("<p>回答した項目に、対策の必要なものはありません。</p>\n", out);
		return;
	}
	/* Widths leave the owner room to be written in by hand. */
	fputs("<table class=\"tasks\">\n<colgroup><col style=\"width:4%\"><col style=\"width:14%\">"
	      "<col style=\"width:47%\"><col style=\"width:18%\"><col style=\"width:10%\">"
	      "<col style=\"width:7%\"></colgroup>\n"
	      "<thead><tr><th>#</th><th>項目</th><th>対策</th><th>担当</th><th>期日</th><th>状況</th>"
	      "</tr></thead>\n<tbody>\n", out);
	for (int i = 0; i < d->plan.n; i++) {
		const struct plan_entry *e = &d->plan.entries[i];
		if (i == 0 || e->phase != d->plan.entries[i - 1].phase) {
			fputs("<tr class=\"phase\"><th colspan=\"6\">", out);
			html_text(out, plan_phase_name(e->phase));
			fprintf(out, "　%d件</th></tr>\n", d->plan.phase_tasks[e->phase - 1]);
		}
		html_plan_entry(out, i, d, e);
	}
	fputs("</tbody></table>\n", out);
}

static void html_plan_evidence(FILE *out, const struct export_data *d)
{
	/* 対策完了 without evidence is a task above; what is left here is not. */
	if (!d->plan.n_missing)
		return;
	fprintf(out, "<h2>ほかに書いておく根拠（該当なしの理由など、%d件）</h2>\n", d->plan.n_missing);
	fputs("<p class=\"note\">取引先に根拠を聞かれても答えられるよう、該当なしには理由を、"
	      "規程や記録には名前と日付を「評価の根拠」に書いておきます。対策完了の根拠は上の対策一覧にあります。</p>\n<table>\n<thead><tr><th>No.</th><th>レベル</th>"
	      "<th>すること</th><th>達成条件</th></tr></thead>\n<tbody>\n", out);
	for (int i = 0; i < d->plan.n_missing; i++) {
		const struct catalog_item *it = catalog_item(d->cat, d->plan.evidence_missing[i]);
		fprintf(out, "<tr><td class=\"num\">%d</td><td>Lv%d</td>", it->no, it->level);
		html_cell(out, "td", NULL,
		          assessment_evidence_label((enum evidence_issue)d->plan.evidence_issue[i]));
		html_cell(out, "td", NULL, it->condition);
		fputs("</tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
}

/* What was finished since last year: 対策完了 now, not then. */
static void html_plan_finished(FILE *out, const struct export_data *d)
{
	enum answer now[CATALOG_ITEMS];
	int items[CATALOG_ITEMS], n;
	if (!d->prev_year)
		return;
	for (int i = 0; i < CATALOG_ITEMS; i++)
		now[i] = d->answers[i].value;
	n = assessment_finished(now, d->prev, items);
	fprintf(out, "<h2>%d年度から対策完了になった項目（%d件）</h2>\n", d->prev_year, n);
	if (!n) {
		fputs("<p>ありません。</p>\n", out);
		return;
	}
	fputs("<table>\n<thead><tr><th>No.</th><th>レベル</th><th>達成条件</th></tr></thead>\n<tbody>\n", out);
	for (int i = 0; i < n; i++) {
		const struct catalog_item *it = catalog_item(d->cat, items[i]);
		fprintf(out, "<tr><td class=\"num\">%d</td><td>Lv%d</td>", it->no, it->level);
		html_cell(out, "td", NULL, it->condition);
		fputs("</tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
}

int export_html_plan(FILE *out, const struct export_data *d)
{
	html_begin(out, "情報セキュリティ対策実行計画書", d->profile.company, html_css_plan);
	html_plan_head(out, d);
	html_plan_scores(out, d);
	html_plan_phases(out, d);
	html_plan_first(out, d);
	html_plan_quarters(out, d);
	html_plan_signoff(out, d);
	html_plan_tasks(out, d);
	html_plan_evidence(out, d);
	html_plan_finished(out, d);
	html_end(out, d, 1);
	return ferror(out) ? -1 : 0;
}

/* ---- contacts.html ---- */

static void html_contacts_missing(FILE *out, const struct export_data *d)
{
	if (!d->n_missing)
		return;
	fputs("<div class=\"missing\"><strong>まだ整っていないこと（自己評価の回答より）</strong>\n<ul>",
	      out);
	for (int i = 0; i < d->n_missing; i++) {
		fputs("<li>", out);
		html_text(out, d->missing[i]);
		fputs("</li>", out);
	}
	fputs("</ul></div>\n", out);
}

/* A row the user added under a role repeats its name, not its duty. */
static void html_contact_row(FILE *out, const struct contact_row *row, int kind_rows)
{
	static const char *const kinds[] = { "社内", "社外", "公的機関" };
	const struct contact_role *r = row->role;
	const struct store_contact *c = &row->c;
	fputs("<tr>", out);
	if (kind_rows)
		fprintf(out, "<th class=\"kind\" rowspan=\"%d\">%s</th>", kind_rows, kinds[r->kind]);
	fputs("<td class=\"role\"><strong>", out);
	html_text(out, r->name);
	fputs("</strong>", out);
	if (c->slot == 0) {
		fputs("<span class=\"small\">", out);
		html_text(out, r->duty);
		fputs("</span>", out);
	}
	fputs("</td><td>", out);
	if (c->company[0]) {
		html_text(out, c->company);
		fputs("<br>", out);
	}
	html_text_or_blank(out, c->person);
	fputs("</td><td>", out);
	html_words_or_blank(out, c->phone);
	fputs("</td><td>", out);
	html_text_or_blank(out, c->email);
	fputs("</td><td>", out);
	html_words_or_blank(out, c->after_hours);
	fputs("</td><td class=\"date nowrap\">", out);
	html_text_or_blank(out, c->confirmed);
	fputs("</td></tr>\n", out);
}

static void html_contacts_table(FILE *out, const struct export_data *d)
{
	fputs("<h2>連絡先</h2>\n<table class=\"contacts\">\n<thead><tr><th class=\"kind\"></th>"
	      "<th class=\"role\">役割</th><th class=\"person\">担当者・名称</th><th class=\"phone\">電話</th>"
	      "<th class=\"email\">メール</th><th class=\"after\">夜間・休日</th><th class=\"date\">確認日</th>"
	      "</tr></thead>\n<tbody>\n", out);
	const struct contact_row *rows = d->sheet.rows;
	for (int i = 0; i < d->sheet.n; i++) {
		int kind_rows = 0;
		if (i == 0 || rows[i].role->kind != rows[i - 1].role->kind)
			for (int j = i; j < d->sheet.n && rows[j].role->kind == rows[i].role->kind; j++)
				kind_rows++;
		html_contact_row(out, &rows[i], kind_rows);
	}
	fputs("</tbody></table>\n<p class=\"note\">公的機関の電話番号は、その機関の公式サイトで確かめて"
	      "から書き込んでください。</p>\n", out);
}

static void html_contacts_steps(FILE *out)
{
	int n;
	const struct contact_step *s = contacts_steps(&n);
	fputs("<h2>対応の5段階</h2>\n<table class=\"steps\">\n<thead><tr><th>段階と誰が</th>"
	      "<th>最初にすること</th></tr></thead>\n<tbody>\n", out);
	for (int i = 0; i < n; i++) {
		fputs("<tr><td class=\"step\">", out);
		html_cell(out, "strong", NULL, s[i].title);
		html_text(out, s[i].who);
		fputs("</td><td>", out);
		html_list(out, s[i].first);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
}

int export_html_contacts(FILE *out, const struct export_data *d)
{
	html_begin(out, "緊急連絡先・初動対応シート", d->profile.company, html_css_contacts);
	int n_roles;
	contacts_roles(&n_roles);
	fputs(d->sheet.n > n_roles ? "<main class=\"dense\">\n" : "<main>\n", out);
	fputs("<div class=\"head\"><h1>緊急連絡先・初動対応シート</h1><div>", out);
	char year[32];
	html_text_or_blank(out, d->profile.company);
	snprintf(year, sizeof year, "　%d年度", d->profile.year);
	html_text(out, year);
	fputs("　評価者: ", out);
	html_text_or_blank(out, d->profile.assessor);
	fputs("　作成日: ", out);
	html_text(out, d->today);
	fputs("</div></div>\n", out);
	html_contacts_missing(out, d);
	html_contacts_table(out, d);
	html_contacts_steps(out);
	fputs("<section class=\"examples\"><h2>こんなときは事故です。自分で直そうとせず、すぐ報告</h2>\n",
	      out);
	html_list(out, contacts_incident_examples());
	fputs("</section>\n<section><h2>システムが止まったときの受発注・生産の代替手段（No.150）</h2>\n"
	      "<div class=\"alt\">", out);
	if (d->alt_ordering[0])
		html_text(out, d->alt_ordering);
	else
		fputs("<span class=\"blank\">（未記入）FAX、電話、紙の伝票、クラウドサービスなど、"
		      "代わりのやり方と切り替えの手順を書いておきます。</span>", out);
	fputs("</div>\n</section>\n</main>\n", out);
	html_end(out, d, 0);
	return ferror(out) ? -1 : 0;
}
