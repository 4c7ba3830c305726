/* export_text: plan.txt and contacts.txt — the plan and the contact sheet as plain UTF-8, wrapped for a terminal or lp. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assessment.h"
#include "export_text.h"
#include "text.h"

/* A blank to fill in with a pen on the printed page. */
#define TEXT_BLANK "________________"

static const char *text_or(const char *s, const char *fallback)
{
	return s && s[0] ? s : fallback;
}

/* Writes s wrapped to EXPORT_TEXT_COLS, the first line after `first`, the
 * others after `rest` (both ASCII spaces or short labels). Control
 * characters are dropped so that a note cannot drive the terminal. */
static int text_para(FILE *out, const char *first, const char *rest, const char *s)
{
	size_t n;
	char *clean = text_sanitize(s ? s : "", 0);
	wchar_t *w = clean ? text_to_wide(clean, &n) : NULL;
	int indent = text_width(first) > text_width(rest) ? text_width(first) : text_width(rest);
	int cols = EXPORT_TEXT_COLS - indent, rc = 0;
	free(clean);
	if (!w)
		return -1;
	int total = text_wrap(w, n, cols, NULL, 0);
	struct text_line *lines = total > 0 ? malloc((size_t)total * sizeof *lines) : NULL;
	if (total > 0 && !lines) {
		free(w);
		return -1;
	}
	if (total > 0)
		text_wrap(w, n, cols, lines, total);
	if (total <= 0)
		fprintf(out, "%s\n", first);
	for (int i = 0; i < total; i++) {
		char *u = text_from_wide(w + lines[i].start, lines[i].len);
		if (!u) {
			rc = -1;
			break;
		}
		fprintf(out, "%s%s\n", i ? rest : first, u);
		free(u);
	}
	free(lines);
	free(w);
	return rc;
}

static void text_title(FILE *out, const char *title)
{
	int w = text_width(title);
	fprintf(out, "%s\n", title);
	for (int i = 0; i < w; i++)
		fputc('=', out);
	fputc('\n', out);
}

static void text_heading(FILE *out, const char *heading)
{
	fprintf(out, "\n■ %s\n", heading);
}

/* "label" padded to cols columns, then the value. */
static void text_field(FILE *out, const char *label, int cols, const char *value)
{
	char padded[256];
	text_pad(label, cols, padded, sizeof padded);
	text_para(out, padded, "            ", value);
}

/* ---- plan.txt ---- */

static void text_plan_head(FILE *out, const struct export_data *d)
{
	char line[256];
	const struct store_profile *p = &d->profile;
	text_title(out, "情報セキュリティ対策実行計画書（改善計画）");
	fputc('\n', out);
	text_field(out, "会社名:", 12, text_or(p->company, TEXT_BLANK));
	snprintf(line, sizeof line, "%d年度", p->year);
	text_field(out, "評価年度:", 12, line);
	text_field(out, "作成日:", 12, d->today);
	snprintf(line, sizeof line, "Lv%d（自工会/部工会・サイバーセキュリティガイドライン v%s）",
	         p->target_level, p->guideline);
	text_field(out, "目標レベル:", 12, line);
	text_field(out, "評価者:", 12, text_or(p->assessor, TEXT_BLANK));
}

static void text_score_row(FILE *out, const char *name, const struct score_tally *now,
                           const struct score_tally *planned)
{
	char a[64], b[64], pa[128], pn[64];
	export_points(now, a, sizeof a);
	export_points(planned, b, sizeof b);
	text_pad(name, 14, pn, sizeof pn);
	text_pad(a, 24, pa, sizeof pa);
	fprintf(out, "  %s%s%s\n", pn, pa, b);
}

static void text_plan_scores(FILE *out, const struct export_data *d)
{
	char name[64], pn[64], pa[128];
	text_heading(out, "現在の点数と、計画をすべて終えたときの点数");
	text_pad("レベル", 14, pn, sizeof pn);
	text_pad("現在", 24, pa, sizeof pa);
	fprintf(out, "  %s%s%s\n", pn, pa, "計画完了後");
	for (int lv = 0; lv < CATALOG_LEVELS; lv++) {
		snprintf(name, sizeof name, "Lv%d", lv + 1);
		text_score_row(out, name, &d->now.level[lv], &d->planned.level[lv]);
	}
	snprintf(name, sizeof name, "目標Lv%dまで", d->profile.target_level);
	text_score_row(out, name, &d->now.target, &d->planned.target);
	text_para(out, "  ", "  ", "該当なしの項目は分母から除き、満点に換算しています。");
}

static void text_plan_quarters(FILE *out, const struct export_data *d)
{
	int counts[8], year, q, priority = 0, undated = 0, overdue;
	int nq = plan_quarters(&d->plan, d->today, counts, 8, &year, &q, &overdue);
	char name[64], padded[96];
	for (int i = 0; i < d->plan.n; i++) {
		priority += d->plan.entries[i].priority;
		if (d->plan.entries[i].action.status != ACTION_DONE
		    && !date_valid(d->plan.entries[i].action.due))
			undated++;
	}
	text_heading(out, "対策の数");
	fprintf(out, "  %d件（うち優先項目 %d件、根拠の記録 %d件）\n", d->plan.n, priority,
	        plan_evidence_count(&d->plan) - d->plan.n_missing);
	if (nq > 0 || overdue)
		fprintf(out, "  3か月ごと（完了したものを除く）:\n");
	if (overdue)
		fprintf(out, "    期日を過ぎたもの%19s%3d件\n", "", overdue);
	for (int k = 0; k < nq; k++) {
		export_quarter_name(year + (q - 1 + k) / 4, (q - 1 + k) % 4 + 1, name, sizeof name);
		text_pad(name, 34, padded, sizeof padded);
		fprintf(out, "    %s%3d件%s\n", padded, counts[k], k == 7 ? "（以降を含む）" : "");
	}
	if (undated)
		fprintf(out, "    期日未定%27s%3d件\n", "", undated);
}

static void text_plan_phases(FILE *out, const struct export_data *d)
{
	const struct plan *pl = &d->plan;
	int phases = pl->scope == PLAN_SCOPE_PRIORITY ? 1 : pl->scope == PLAN_SCOPE_LV1 ? 2 : PLAN_PHASES;
	char name[128];
	text_heading(out, "進め方");
	for (int ph = 1; ph <= phases; ph++) {
		text_pad(plan_phase_name(ph), 30, name, sizeof name);
		fprintf(out, "  %s%s〜%s %3d件\n", name, pl->phase_from[ph - 1], pl->phase_to[ph - 1],
		        pl->phase_tasks[ph - 1]);
	}
	for (int lv = 0; lv < CATALOG_LEVELS; lv++)
		if (pl->unanswered[lv])
			fprintf(out, "  ※ Lv%d 未回答 %d 項目：まず回答を（回答すると対策中・未実施が計画に入ります）\n",
			        lv + 1, pl->unanswered[lv]);
	const struct plan_entry *first[PLAN_FIRST_TASKS];
	int n = plan_first_tasks(pl, first, PLAN_FIRST_TASKS);
	if (n)
		text_heading(out, "最初に取りかかる対策");
	for (int i = 0; i < n; i++) {
		char task[512], line[700];
		plan_task_headline(first[i]->action.task, task, sizeof task);
		snprintf(line, sizeof line, "%s No.%d %s（担当: %s）", first[i]->action.due, first[i]->item, task,
		         text_or(first[i]->action.owner, TEXT_BLANK));
		text_para(out, "  ", "             ", line);
	}
}

static void text_plan_signoff(FILE *out, const struct export_data *d)
{
	text_heading(out, "承認");
	fputc('\n', out);
	fprintf(out, "  承認者: %s        日付: %s\n", text_or(d->approver, TEXT_BLANK),
	        text_or(d->approved, "____年____月____日"));
}

static void text_plan_entry(FILE *out, int k, const struct export_data *d,
                            const struct plan_entry *e)
{
	const struct catalog_item *it = catalog_item(d->cat, e->item);
	const struct catalog_label *lb = catalog_label(d->cat, it->label);
	const struct store_action *a = &e->action;
	char head[512];
	snprintf(head, sizeof head, "No.%d［Lv%d%s］%d %s", e->item, it->level,
	         e->priority ? "・優先" : "", lb->number, lb->name);
	fprintf(out, "\n%3d. ", k + 1);
	text_para(out, "", "     ", head);
	text_para(out, "     達成条件: ", "               ", it->condition);
	text_para(out, "     現在の評価: ", "                 ",
	          e->evidence != EVIDENCE_OK ? assessment_evidence_label(e->evidence)
	                                     : export_answer_text(e->answer));
	if (d->answers[e->item - 1].note[0])
		text_para(out, "     評価の根拠: ", "                 ", d->answers[e->item - 1].note);
	text_para(out, "     対策: ", "           ", a->task);
	/* Date and status on a line of their own: a wrapped line never splits 未着手. */
	text_para(out, "     担当: ", "           ", text_or(a->owner, TEXT_BLANK));
	snprintf(head, sizeof head, "期日: %s　状況: %s", text_or(a->due, "（未定）"),
	         export_status_text(a->status));
	text_para(out, "     ", "     ", head);
	if (a->memo && a->memo[0])
		text_para(out, "     メモ: ", "           ", a->memo);
}

static void text_plan_evidence(FILE *out, const struct export_data *d)
{
	char head[256];
	/* 対策完了 without evidence is a task above; what is left here is not. */
	if (!d->plan.n_missing)
		return;
	snprintf(head, sizeof head, "ほかに書いておく根拠（該当なしの理由など、%d件）", d->plan.n_missing);
	text_heading(out, head);
	text_para(out, "  ", "  ", "取引先に根拠を聞かれても答えられるよう、該当なしには理由を書いておきます。対策完了の根拠は上の対策一覧にあります。");
	for (int i = 0; i < d->plan.n_missing; i++) {
		const struct catalog_item *it = catalog_item(d->cat, d->plan.evidence_missing[i]);
		char text[2048], pad[64];
		snprintf(head, sizeof head, "No.%d（Lv%d）", it->no, it->level);
		snprintf(text, sizeof text, "［%s］%s",
		         assessment_evidence_label((enum evidence_issue)d->plan.evidence_issue[i]), it->condition);
		text_pad(head, 14, pad, sizeof pad);
		fprintf(out, "  ");
		text_para(out, pad, "                ", text);
	}
}

/* What was finished since last year: 対策完了 now, not then. */
static void text_plan_finished(FILE *out, const struct export_data *d)
{
	enum answer now[CATALOG_ITEMS];
	int items[CATALOG_ITEMS], n;
	char head[256];
	if (!d->prev_year)
		return;
	for (int i = 0; i < CATALOG_ITEMS; i++)
		now[i] = d->answers[i].value;
	n = assessment_finished(now, d->prev, items);
	snprintf(head, sizeof head, "%d年度から対策完了になった項目（%d件）", d->prev_year, n);
	text_heading(out, head);
	if (!n)
		text_para(out, "  ", "  ", "ありません。");
	for (int i = 0; i < n; i++) {
		const struct catalog_item *it = catalog_item(d->cat, items[i]);
		char pad[64];
		snprintf(head, sizeof head, "No.%d（Lv%d）", it->no, it->level);
		text_pad(head, 14, pad, sizeof pad);
		fprintf(out, "  ");
		text_para(out, pad, "                ", it->condition);
	}
}

int export_text_plan(FILE *out, const struct export_data *d)
{
	text_plan_head(out, d);
	text_plan_scores(out, d);
	text_plan_phases(out, d);
	text_plan_quarters(out, d);
	text_plan_signoff(out, d);
	text_heading(out, "対策一覧（段階ごと、期日の順）");
	if (!d->plan.n)
		text_para(out, "  ", "  ", "回答した項目に、対策の必要なものはありません。");
	for (int i = 0; i < d->plan.n; i++) {
		const struct plan_entry *e = &d->plan.entries[i];
		if (i == 0 || e->phase != d->plan.entries[i - 1].phase)
			fprintf(out, "\n  ■ %s　%d件\n", plan_phase_name(e->phase), d->plan.phase_tasks[e->phase - 1]);
		text_plan_entry(out, i, d, e);
	}
	text_plan_evidence(out, d);
	text_plan_finished(out, d);
	return ferror(out) ? -1 : 0;
}

/* ---- contacts.txt ---- */

static void text_contacts_missing(FILE *out, const struct export_data *d)
{
	text_heading(out, "まだ整っていないこと（自己評価の回答より）");
	if (!d->n_missing)
		text_para(out, "  ", "  ", "体制、報告の様式、手順、代替手段は対策完了と回答されています。年1回は見直してください。");
	for (int i = 0; i < d->n_missing; i++)
		text_para(out, "  - ", "    ", d->missing[i]);
}

static void text_lines(FILE *out, const char *lines)
{
	const char *p = lines;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = strndup(p, len);
		if (line)
			text_para(out, "  - ", "    ", line);
		free(line);
		p += len + (nl ? 1 : 0);
	}
}

/* A row the user added under a role repeats its name, not its duty. */
static void text_contact(FILE *out, const struct contact_row *row)
{
	const struct store_contact *c = &row->c;
	char line[1024];
	fprintf(out, "\n  %s\n", row->role->name);
	if (c->slot == 0)
		text_para(out, "    役目: ", "          ", row->role->duty);
	if (c->company[0]) {
		snprintf(line, sizeof line, "会社・機関: %s", c->company);
		text_para(out, "    ", "      ", line);
	}
	snprintf(line, sizeof line, "担当者・名称: %s", text_or(c->person, TEXT_BLANK));
	text_para(out, "    ", "      ", line);
	snprintf(line, sizeof line, "電話: %s   メール: %s", text_or(c->phone, TEXT_BLANK),
	         text_or(c->email, TEXT_BLANK));
	text_para(out, "    ", "      ", line);
	snprintf(line, sizeof line, "夜間・休日: %s   確認日: %s", text_or(c->after_hours, TEXT_BLANK),
	         text_or(c->confirmed, "____-__-__"));
	text_para(out, "    ", "      ", line);
}

static void text_contacts_table(FILE *out, const struct export_data *d)
{
	static const char *const kinds[] = { "［社内］", "［社外］", "［公的な相談先・報告先］" };
	int kind = -1;
	text_heading(out, "連絡先");
	text_para(out, "  ", "  ", "公的機関の電話番号は、その機関の公式サイトで確かめてから書き込んでください。");
	for (int i = 0; i < d->sheet.n; i++) {
		const struct contact_row *row = &d->sheet.rows[i];
		if ((int)row->role->kind != kind) {
			kind = (int)row->role->kind;
			fprintf(out, "\n  %s\n", kinds[kind]);
		}
		text_contact(out, row);
	}
}

static void text_contacts_steps(FILE *out)
{
	int n;
	const struct contact_step *s = contacts_steps(&n);
	text_heading(out, "対応の5段階");
	for (int i = 0; i < n; i++) {
		fprintf(out, "\n  %s　誰が: %s\n", s[i].title, s[i].who);
		text_lines(out, s[i].first);
	}
}

int export_text_contacts(FILE *out, const struct export_data *d)
{
	const struct store_profile *p = &d->profile;
	char year[32];
	text_title(out, "緊急連絡先・初動対応シート");
	fputc('\n', out);
	text_field(out, "会社名:", 12, text_or(p->company, TEXT_BLANK));
	snprintf(year, sizeof year, "%d年度", p->year);
	text_field(out, "評価年度:", 12, year);
	text_field(out, "評価者:", 12, text_or(p->assessor, TEXT_BLANK));
	text_field(out, "作成日:", 12, d->today);
	text_contacts_missing(out, d);
	text_heading(out, "こんなときは事故です。すぐ報告してください");
	text_lines(out, contacts_incident_examples());
	text_contacts_table(out, d);
	text_contacts_steps(out);
	text_heading(out, "システムが止まったときの受発注・生産の代替手段（No.150）");
	text_para(out, "  ", "  ", text_or(d->alt_ordering,
	          "（未記入）FAX、電話、紙の伝票、クラウドサービスなど、代わりのやり方と切り替えの手順を決めて書いておきます。"));
	return ferror(out) ? -1 : 0;
}
