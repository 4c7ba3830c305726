/* contacts: the incident-response contact sheet — roles, the five steps, what is still missing. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contacts.h"

/* The sheet is domain text for a Japanese factory wall, so it is written in
 * Japanese and not translated. Public bodies carry their name and what they
 * are for only: numbers and addresses change, and we cannot verify them. */
static const struct contact_role contacts_role_table[] = {
	{ "ceo", "経営者", CONTACT_INTERNAL,
	  "最終判断（機器やシステムを止めるか、取引先への連絡、公表）と費用の承認" },
	{ "ciso", "情報セキュリティ責任者", CONTACT_INTERNAL,
	  "対応の指揮。状況をまとめて経営者に報告し、社内外への連絡を決める" },
	{ "sysadmin", "システム担当", CONTACT_INTERNAL,
	  "被害を受けた機器の切り離しと記録、ITベンダーと一緒に調査と復旧" },
	{ "general", "総務・広報", CONTACT_INTERNAL,
	  "社内への周知、取引先や顧客への連絡文の用意、問い合わせの窓口" },
	{ "plant", "工場長/現場責任者", CONTACT_INTERNAL,
	  "生産への影響の確認と、代わりのやり方（FAX・電話・紙）への切り替えの指示" },
	{ "customer", "取引先・発注元の窓口", CONTACT_EXTERNAL,
	  "納入や取引先の情報に影響がありそうなら早めに第一報、その後も経過を報告" },
	{ "vendor", "ITベンダー/保守業者", CONTACT_EXTERNAL,
	  "原因と影響の調査、ウイルスの駆除、システムの復旧の支援" },
	{ "insurance", "サイバー保険", CONTACT_EXTERNAL,
	  "加入していれば早めに事故を連絡し、補償の範囲と手続きを確認する" },
	{ "ipa", "IPA 情報セキュリティ安心相談窓口", CONTACT_PUBLIC,
	  "ウイルス感染や不正アクセスなど、どうしたらよいか分からないときの相談先" },
	{ "police", "都道府県警察 サイバー犯罪相談窓口", CONTACT_PUBLIC,
	  "不正アクセス、ランサムウェアによる脅迫、詐欺などの被害の相談と届出" },
	{ "ppc", "個人情報保護委員会", CONTACT_PUBLIC,
	  "個人情報の漏えいが起きた・起きたおそれがあるときの報告先（報告が必要な場合がある）" },
	{ "jpcert", "JPCERT/CC", CONTACT_PUBLIC,
	  "インシデント（事故）の報告と、技術的な対応の調整の相談先" },
};

/* The five steps the guideline names for No.24 and No.26, in our words. */
static const struct contact_step contacts_step_table[] = {
	{ "①発見報告", "気づいた人（全員）",
	  "おかしいと思ったら、自分で直そうとせず、すぐ情報セキュリティ責任者に電話する（不在ならシステム担当）\n"
	  "気づいた時刻、画面に出ていること、直前に何をしていたかをメモし、画面をスマホで撮影する\n"
	  "添付ファイルやリンクを開いてしまっても隠さずに言う（早く言うほど被害は小さい）" },
	{ "②初動", "システム担当（情報セキュリティ責任者の指示で）",
	  "LANケーブルを抜く／Wi-Fiを切って、ネットワークから切り離す\n"
	  "電源は切らない（調べるのに必要な記録が消えることがある）\n"
	  "時刻と画面をメモ・撮影し、やったことを時刻と一緒に書き残す\n"
	  "責任者に電話し、経営者への報告と社外への連絡を判断してもらう" },
	{ "③調査・対応", "情報セキュリティ責任者、システム担当、ITベンダー",
	  "何が起きたか、いつからか、どの機器とデータに影響があるかを調べる\n"
	  "ITベンダー/保守業者に調査とウイルスの駆除を頼む\n"
	  "影響がありそうな取引先・発注元に第一報を入れる\n"
	  "個人情報が漏れたおそれがあれば、個人情報保護委員会への報告が必要か確かめる\n"
	  "必要なら警察やIPAに相談する" },
	{ "④復旧", "システム担当、ITベンダー、工場長/現場責任者",
	  "安全を確かめたバックアップからデータとシステムを戻す\n"
	  "パスワードを変え、更新（修正プログラム）を当ててから仕事に戻す\n"
	  "戻るまでは代わりのやり方（FAX・電話・紙の伝票）で受発注と生産を続ける\n"
	  "戻したあともしばらくは、おかしな動きがないか見守る" },
	{ "⑤最終報告", "情報セキュリティ責任者（経営者と取引先へ）",
	  "事故報告書のひな形に、経緯、影響、やったこと、原因、再発防止策をまとめる\n"
	  "経営者に報告し、取引先など関係先に最終の報告をする\n"
	  "困ったことを振り返り、手順書と連絡先を直す" },
};

static const char contacts_examples[] =
	"画面に「ファイルを元に戻したければ支払え」などの表示が出た、ファイルが開けない・名前が変わった\n"
	"ウイルス対策ソフトが警告を出した、パソコンが勝手に動く・急に遅くなった\n"
	"怪しいメールの添付ファイルやリンクを開いてしまった、IDやパスワードを入力してしまった\n"
	"パソコン、スマホ、USBメモリ、書類をなくした・盗まれた\n"
	"メールやFAXを宛先を間違えて送った\n"
	"取引先から「御社から怪しいメールが届いた」と連絡があった\n"
	"身に覚えのないログインの通知が来た、パスワードが漏れたかもしれない\n"
	"サーバーや生産設備のシステムが急に止まった、ホームページが書き換えられた";

/* What each answer-driven part of the sheet needs, in the items' order. */
static const struct {
	int item;
	const char *missing;
} contacts_missing_table[] = {
	{ 18, "No.18 事故時の対応体制と役割（誰が指揮をとり、誰が何をするか）が未確定" },
	{ 19, "No.19 事故報告書の様式（ひな形）がない" },
	{ 20, "No.20 体制と連絡先を見直す時期と担当が決まっていない（年1回以上）" },
	{ 24, "No.24 事故対応の手順書（①発見報告〜⑤最終報告）ができていない" },
	{ 26, "No.26 ウイルス（マルウェア）に感染したときの手順が決まっていない" },
	{ 150, "No.150 システムが止まったときの受発注・生産の代替手段が未検討" },
};

#define CONTACTS_COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

const struct contact_role *contacts_roles(int *n)
{
	*n = CONTACTS_COUNT(contacts_role_table);
	return contacts_role_table;
}

const struct contact_role *contacts_role(const char *key)
{
	for (int i = 0; i < CONTACTS_COUNT(contacts_role_table); i++)
		if (strcmp(contacts_role_table[i].key, key) == 0)
			return &contacts_role_table[i];
	return NULL;
}

const struct contact_step *contacts_steps(int *n)
{
	*n = CONTACTS_COUNT(contacts_step_table);
	return contacts_step_table;
}

const char *contacts_incident_examples(void)
{
	return contacts_examples;
}

int contacts_has_company(const struct contact_role *role)
{
	return role->kind != CONTACT_INTERNAL;
}

/* Strings of a row never NULL: an empty role reads as "". */
static int contacts_fill_empty(struct store_contact *c)
{
	char **fields[] = { &c->company, &c->person, &c->phone, &c->email, &c->after_hours };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (!*fields[i] && !(*fields[i] = strdup("")))
			return -1;
	return 0;
}

/* Moves stored[i] into c when it is a row of role whose slot is own or
 * added as asked; a moved row is zeroed in stored[]. */
static int contacts_take(struct store_contact *stored, int i, const char *role, int own,
                         struct store_contact *c)
{
	struct store_contact *s = &stored[i];
	if (!s->role[0] || strcmp(s->role, role) != 0 || (s->slot == 0) != own)
		return 0;
	*c = *s;
	memset(s, 0, sizeof *s);
	return 1;
}

/* Appends role's own row (stored or empty), then its added rows in slot
 * order (store_contacts_load sorts them). */
static int contacts_add_role(const struct contact_role *role, struct store_contact *stored,
                             int n_stored, struct contact_sheet *out)
{
	int first = out->n;
	struct contact_row *own = &out->rows[out->n++];
	own->role = role;
	for (int i = 0; i < n_stored; i++)
		if (contacts_take(stored, i, role->key, 1, &own->c))
			break;
	snprintf(own->c.role, sizeof own->c.role, "%s", role->key);
	for (int i = 0; i < n_stored; i++) {
		struct store_contact added;
		if (contacts_take(stored, i, role->key, 0, &added))
			out->rows[out->n++] = (struct contact_row){ role, added };
	}
	for (int i = first; i < out->n; i++)
		if (contacts_fill_empty(&out->rows[i].c) != 0)
			return -1;
	return 0;
}

int contacts_sheet_build(struct store_contact *stored, int n_stored, struct contact_sheet *out)
{
	int n_roles = CONTACTS_COUNT(contacts_role_table), rc = 0;

	memset(out, 0, sizeof *out);
	out->rows = calloc((size_t)(n_roles + n_stored), sizeof *out->rows);
	if (!out->rows)
		rc = -1;
	for (int i = 0; rc == 0 && i < n_roles; i++)
		rc = contacts_add_role(&contacts_role_table[i], stored, n_stored, out);
	store_contacts_free(stored, n_stored);
	if (rc != 0)
		contacts_sheet_free(out);
	return rc;
}

enum store_status contacts_sheet_load(struct store *st, int64_t assessment,
                                      struct contact_sheet *out)
{
	struct store_contact *stored;
	int n;
	enum store_status rc = store_contacts_load(st, assessment, &stored, &n);

	memset(out, 0, sizeof *out);
	if (rc != STORE_OK)
		return rc;
	return contacts_sheet_build(stored, n, out) == 0 ? STORE_OK : STORE_ERR_IO;
}

void contacts_sheet_free(struct contact_sheet *sheet)
{
	if (!sheet)
		return;
	for (int i = 0; sheet->rows && i < sheet->n; i++)
		store_contact_clear(&sheet->rows[i].c);
	free(sheet->rows);
	sheet->rows = NULL;
	sheet->n = 0;
}

const struct store_contact *contacts_sheet_role(const struct contact_sheet *sheet,
                                                const char *role)
{
	for (int i = 0; sheet && i < sheet->n; i++)
		if (sheet->rows[i].c.slot == 0 && strcmp(sheet->rows[i].role->key, role) == 0)
			return &sheet->rows[i].c;
	return NULL;
}

int contacts_sheet_next_slot(const struct contact_sheet *sheet, const char *role)
{
	int last = 0;
	for (int i = 0; i < sheet->n; i++)
		if (strcmp(sheet->rows[i].role->key, role) == 0 && sheet->rows[i].c.slot > last)
			last = sheet->rows[i].c.slot;
	return last < STORE_CONTACT_SLOT_MAX ? last + 1 : -1;
}

/* The person of a role's own row, "" when none. */
static const char *contacts_person(const struct contact_sheet *sheet, const char *role)
{
	const struct store_contact *c = contacts_sheet_role(sheet, role);
	return c && c->person ? c->person : "";
}

/* What the sheet itself already settles for an item. */
static int contacts_settled(int item, const struct contact_sheet *sheet, const char *alt_ordering)
{
	if (item == 150)
		return alt_ordering && alt_ordering[0];
	if (item == 18)
		return contacts_person(sheet, "ceo")[0] && contacts_person(sheet, "ciso")[0];
	return 0;
}

int contacts_missing(const struct store_answer answers[CATALOG_ITEMS],
                     const struct contact_sheet *sheet, const char *alt_ordering,
                     const char *out[], int max)
{
	int n = 0;
	for (int i = 0; i < CONTACTS_COUNT(contacts_missing_table) && n < max; i++) {
		int item = contacts_missing_table[i].item;
		if (answers[item - 1].value != ANSWER_DONE
		    && !contacts_settled(item, sheet, alt_ordering))
			out[n++] = contacts_missing_table[i].missing;
	}
	return n;
}
