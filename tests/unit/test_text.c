/* test_text: display widths, wrapping with kinsoku, truncation and sanitising of Japanese text. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "text.h"

#define MAX_LINES 128
#define LINE_BYTES 512

/* The wrapped lines of the last wrap_utf8() call, as UTF-8. */
static struct {
	int n;
	char line[MAX_LINES][LINE_BYTES];
	int width[MAX_LINES];
} wr;

static void wrap_utf8(const char *s, int cols)
{
	struct text_line lines[MAX_LINES];
	size_t n;
	wchar_t *w = text_to_wide(s, &n);

	assert_non_null(w);
	wr.n = text_wrap(w, n, cols, lines, MAX_LINES);
	assert_in_range(wr.n, 1, MAX_LINES);
	for (int i = 0; i < wr.n; i++) {
		char *u = text_from_wide(w + lines[i].start, lines[i].len);
		assert_non_null(u);
		assert_true(strlen(u) < LINE_BYTES);
		strcpy(wr.line[i], u);
		wr.width[i] = lines[i].width;
		free(u);
	}
	free(w);
}

static void assert_lines(const char *s, int cols, const char *const *expected, int count)
{
	wrap_utf8(s, cols);
	for (int i = 0; i < wr.n && i < count; i++)
		assert_string_equal(wr.line[i], expected[i]);
	assert_int_equal(wr.n, count);
}

static int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* What a reader must never see at the edge of a line. */
static const char *const bad_start[] = {
	"、", "。", "，", "．", "」", "』", "）", "】", "ー", "・", "っ", "ゃ", "ゅ", "ょ", "ッ",
};
static const char *const bad_end[] = { "「", "『", "（", "【" };

/* Wraps s at cols and checks what holds at every width: each line fits, its
 * width is right, kinsoku holds unless the only choice was to break anyway
 * (not the case for the texts used here); returns the lines joined. */
static void check_wrap(const char *s, int cols, char *joined, size_t size)
{
	joined[0] = '\0';
	wrap_utf8(s, cols);
	for (int i = 0; i < wr.n; i++) {
		assert_true(wr.width[i] <= cols);
		assert_int_equal(wr.width[i], text_width(wr.line[i]));
		for (size_t k = 0; k < sizeof bad_start / sizeof bad_start[0]; k++)
			if (starts_with(wr.line[i], bad_start[k]))
				fail_msg("cols %d line %d starts with %s: %s", cols, i, bad_start[k], wr.line[i]);
		for (size_t k = 0; k < sizeof bad_end / sizeof bad_end[0]; k++)
			if (ends_with(wr.line[i], bad_end[k]))
				fail_msg("cols %d line %d ends with %s: %s", cols, i, bad_end[k], wr.line[i]);
		assert_true(strlen(joined) + strlen(wr.line[i]) < size);
		strcat(joined, wr.line[i]);
	}
}

/* ---- widths ---- */

static void test_width_japanese_is_two_columns(void **state)
{
	(void)state;
	assert_int_equal(text_width("日本語"), 6);
	assert_int_equal(text_width("セキュリティ"), 12);
	assert_int_equal(text_width("、。「」"), 8);
	assert_int_equal(text_width("ＡＢＣ"), 6); /* full-width Latin */
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width(NULL), 0);
}

static void test_width_mixed_ascii_and_japanese(void **state)
{
	(void)state;
	assert_int_equal(text_width("ISMS認証"), 8);
	assert_int_equal(text_width("Windows Updateを適用"), 20);
	assert_int_equal(text_wwidth(L"日本abc", 5), 7);
	assert_int_equal(text_wwidth(L"日本abc", 2), 4);
	/* halfwidth katakana is one column */
	assert_int_equal(text_width("ｶﾀｶﾅ"), 4);
}

/* ---- wrapping ---- */

static void test_wrap_long_japanese_sentence_at_20(void **state)
{
	static const char text[] =
		"情報セキュリティ対策は、経営者が責任を持って取り組むべき課題です。"
		"「ウイルス対策ソフトを導入し、定義ファイルを常に最新の状態にする」"
		"ことは、最も基本的な対策の一つです。";
	char joined[1024];

	(void)state;
	check_wrap(text, 20, joined, sizeof joined);
	assert_string_equal(joined, text);
	assert_true(wr.n >= 8);
	/* Most lines are full: kinsoku moves at most a character or two. */
	for (int i = 0; i < wr.n - 1; i++)
		assert_true(wr.width[i] >= 16);
}

static void test_wrap_kinsoku_no_closing_at_line_start(void **state)
{
	/* cols 10 holds five wide characters; a naive break would start the
	 * second line with the punctuation. */
	static const char *const maru[] = { "あいうえ", "お。かきく", "けこ" };
	static const char *const ten[] = { "あいうえ", "お、かきく", "けこ" };
	static const char *const kagi[] = { "「あいう", "え」かきく" };
	static const char *const choon[] = { "ソフト", "ウェアを", "" };

	(void)state;
	assert_lines("あいうえお。かきくけこ", 10, maru, 3);
	assert_lines("あいうえお、かきくけこ", 10, ten, 3);
	assert_lines("「あいうえ」かきく", 10, kagi, 2);
	/* small kana and the prolonged sound mark are closing too */
	assert_lines("ソフトウェアを\n", 8, choon, 3);
}

static void test_wrap_kinsoku_no_opening_at_line_end(void **state)
{
	/* Naively: "あいうえ「" / "かきく」け" / "こ". */
	static const char *const kagi[] = { "あいうえ", "「かきく」", "けこ" };
	static const char *const kakko[] = { "対策状況", "（一部）" };

	(void)state;
	assert_lines("あいうえ「かきく」けこ", 10, kagi, 3);
	assert_lines("対策状況（一部）", 10, kakko, 2);
}

static void test_wrap_kinsoku_pulls_a_chain_down(void **state)
{
	/* "っ" and "。" may not start a line, so "えっ。" moves as one. */
	static const char *const chain[] = { "あいう", "えっ。かき" };
	/* "」。" after a full line */
	static const char *const close2[] = { "「あいう", "え」。か" };

	(void)state;
	assert_lines("あいうえっ。かき", 10, chain, 2);
	assert_lines("「あいうえ」。か", 10, close2, 2);
}

static void test_wrap_kinsoku_impossible_breaks_anyway(void **state)
{
	static const char *const bars[] = { "ーー", "ーー", "ー" };

	(void)state;
	/* Nothing but closing characters: no allowed break, no endless loop. */
	assert_lines("ーーーーー", 4, bars, 3);
}

static void test_wrap_keeps_ascii_words_whole(void **state)
{
	static const char *const english[] = { "Install the", "latest Windows", "Update today" };
	/* A naive wrap gives "最新のWindows Up" / "dateを適用する". */
	static const char *const mixed[] = { "最新のWindows", "Updateを適用する" };
	static const char *const fits[] = { "まずWindows", "Updateを適用す", "る" };
	static const char *const phrase[] = { "Windows Update", "を適用" };

	(void)state;
	assert_lines("Install the latest Windows Update today", 16, english, 3);
	assert_lines("最新のWindows Updateを適用する", 16, mixed, 2);
	assert_lines("まずWindows Updateを適用する", 14, fits, 3);
	assert_lines("Windows Updateを適用", 14, phrase, 2);
}

static void test_wrap_ascii_words_whole_at_every_width(void **state)
{
	static const char text[] =
		"パソコンやスマートフォンのOSやソフトウェアは、Windows Updateなどで"
		"常に最新の状態にしています。パスワードはpassword123のような推測されやすいものを避けます。";
	static const char *const words[] = { "Windows", "Update", "password123", "OS" };

	(void)state;
	for (int cols = 11; cols <= 60; cols++) {
		char joined[1024];
		check_wrap(text, cols, joined, sizeof joined);
		for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
			assert_non_null(strstr(joined, words[k]));
		for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
			int found = 0;
			for (int i = 0; i < wr.n; i++)
				found |= strstr(wr.line[i], words[k]) != NULL;
			if (!found)
				fail_msg("cols %d: %s split across lines", cols, words[k]);
		}
	}
}

static void test_wrap_splits_url_longer_than_line(void **state)
{
	static const char url[] = "https://www.ipa.go.jp/security/guide/sme/about.html";
	char joined[256];

	(void)state;
	check_wrap(url, 20, joined, sizeof joined);
	assert_string_equal(joined, url);
	assert_int_equal(wr.n, 3);
	/* split by column, each full line used */
	assert_int_equal(wr.width[0], 20);
	assert_int_equal(wr.width[1], 20);

	/* After Japanese, the URL starts a line of its own, then is split. */
	wrap_utf8("詳細は https://www.ipa.go.jp/security/guide/sme/about.html を参照", 20);
	assert_string_equal(wr.line[0], "詳細は");
	assert_string_equal(wr.line[1], "https://www.ipa.go.j");
	assert_string_equal(wr.line[2], "p/security/guide/sme");
	assert_string_equal(wr.line[3], "/about.html を参照");
	assert_int_equal(wr.n, 4);
}

static void test_wrap_newlines_and_empty_lines(void **state)
{
	static const char *const paras[] = { "一行目", "", "三行目です", "" };
	static const char *const empty[] = { "" };
	static const char *const only_nl[] = { "", "" };
	static const char *const wrapped[] = { "あいう", "え", "", "かき" };

	(void)state;
	assert_lines("一行目\n\n三行目です\n", 20, paras, 4);
	assert_lines("", 20, empty, 1);
	assert_lines("\n", 20, only_nl, 2);
	/* a forced break inside a wrapped paragraph */
	assert_lines("あいうえ\n\nかき", 6, wrapped, 4);
}

static void test_wrap_drops_spaces_at_soft_break(void **state)
{
	static const char *const spaced[] = { "alpha", "beta gamma" };
	static const char *const indent[] = { "  indented", "text" };

	(void)state;
	assert_lines("alpha     beta gamma", 10, spaced, 2);
	/* leading spaces of a paragraph are kept */
	assert_lines("  indented text", 10, indent, 2);
}

static void test_wrap_guideline_item_at_widths_10_to_80(void **state)
{
	static const char *const items[] = {
		"情報セキュリティ事件・事故発生時の対応体制と責任と役割を明確化している",
		"重要な情報を社外に持ち出す時は、パスワード保護や暗号化して、肌身離さないようにしている",
		"従業員に対し、情報セキュリティに関する教育（標的型攻撃メール、ウイルス感染等への注意）を行っている",
	};

	(void)state;
	for (size_t k = 0; k < sizeof items / sizeof items[0]; k++) {
		for (int cols = 10; cols <= 80; cols++) {
			char joined[1024];
			check_wrap(items[k], cols, joined, sizeof joined);
			assert_string_equal(joined, items[k]);
			if (text_width(items[k]) <= cols)
				assert_int_equal(wr.n, 1);
		}
	}
}

static void test_wrap_counts_without_output(void **state)
{
	struct text_line one[1];
	size_t n;
	wchar_t *w = text_to_wide("あいうえおかきくけこ", &n);

	(void)state;
	assert_non_null(w);
	assert_int_equal(text_wrap(w, n, 4, NULL, 0), 5);
	/* only max entries are filled, the total is still returned */
	assert_int_equal(text_wrap(w, n, 4, one, 1), 5);
	assert_int_equal(one[0].start, 0);
	assert_int_equal(one[0].len, 2);
	assert_int_equal(one[0].width, 4);
	assert_int_equal(text_wrap(NULL, 0, 10, NULL, 0), 1);
	free(w);
}

static void test_wrap_narrow_columns(void **state)
{
	static const char *const narrow[] = { "日", "本" };

	(void)state;
	/* cols below 2 act as 2, so a wide character still fits its own line */
	assert_lines("日本", 1, narrow, 2);
	assert_lines("日本", 0, narrow, 2);
	assert_lines("日本", -5, narrow, 2);
}

/* ---- truncating and padding ---- */

static void test_truncate_never_splits_wide_char(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(text_truncate("日本語", 5, 1, buf, sizeof buf), 5);
	assert_string_equal(buf, "日本…");
	assert_int_equal(text_truncate("日本語", 5, 0, buf, sizeof buf), 4);
	assert_string_equal(buf, "日本");
	assert_int_equal(text_truncate("日本語", 4, 1, buf, sizeof buf), 3);
	assert_string_equal(buf, "日…");
	assert_int_equal(text_truncate("日本語", 6, 1, buf, sizeof buf), 6);
	assert_string_equal(buf, "日本語");
	assert_int_equal(text_truncate("日本語", 1, 1, buf, sizeof buf), 1);
	assert_string_equal(buf, "…");
	assert_int_equal(text_truncate("日本語", 0, 1, buf, sizeof buf), 0);
	assert_string_equal(buf, "");
	assert_int_equal(text_truncate("abc日本", 4, 0, buf, sizeof buf), 3);
	assert_string_equal(buf, "abc");
}

static void test_truncate_respects_buffer_size(void **state)
{
	char buf[5];

	(void)state;
	/* 4 bytes of room: one 3-byte character, never half of the next */
	assert_int_equal(text_truncate("日本語", 80, 0, buf, sizeof buf), 2);
	assert_string_equal(buf, "日");
	assert_int_equal(text_truncate("abcdefg", 80, 0, buf, sizeof buf), 4);
	assert_string_equal(buf, "abcd");
	buf[0] = 'x';
	assert_int_equal(text_truncate("abc", 3, 0, buf, 1), 0);
	assert_string_equal(buf, "");
}

/* A cut text says so: its last column is '~' (issue 14: "佐藤（製造" read
 * as a whole name). Width stays exact, whole texts are only padded. */
static void test_fit_marks_the_cut(void **state)
{
	char buf[128];
	(void)state;
	assert_int_equal(text_fit("佐藤（製造部）", 10, buf, sizeof buf), 10);
	assert_string_equal(buf, "佐藤（製~ ");
	assert_int_equal(text_fit("ABCシステム株式会社", 10, buf, sizeof buf), 10);
	assert_string_equal(buf, "ABCシステ~");
	assert_int_equal(text_fit("佐藤", 10, buf, sizeof buf), 10);
	assert_string_equal(buf, "佐藤      ");
	assert_int_equal(text_fit("0123456789", 10, buf, sizeof buf), 10);
	assert_string_equal(buf, "0123456789");
	for (int cols = 2; cols < 16; cols++) {
		text_fit("情報セキュリティ責任者、IT担当", cols, buf, sizeof buf);
		assert_int_equal(text_width(buf), cols);
		assert_non_null(strchr(buf, '~'));
	}
}

static void test_pad_gives_exact_width(void **state)
{
	static const char *const texts[] = { "", "ab", "日本語", "情報セキュリティ", "Lv1対策" };
	char buf[128];

	(void)state;
	assert_int_equal(text_pad("ab", 5, buf, sizeof buf), 5);
	assert_string_equal(buf, "ab   ");
	/* the wide character that does not fit leaves a space */
	assert_int_equal(text_pad("日本語", 5, buf, sizeof buf), 5);
	assert_string_equal(buf, "日本 ");
	for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++)
		for (int cols = 0; cols <= 20; cols++) {
			assert_int_equal(text_pad(texts[k], cols, buf, sizeof buf), cols);
			assert_int_equal(text_width(buf), cols);
		}
}

/* ---- conversion and sanitising ---- */

static void test_invalid_utf8_becomes_replacement(void **state)
{
	size_t n = 99;
	wchar_t *w = text_to_wide("\xff\xfe" "abc", &n);
	char *s;

	(void)state;
	assert_non_null(w);
	assert_int_equal(n, 5);
	assert_int_equal(w[0], 0xFFFD);
	assert_int_equal(w[1], 0xFFFD);
	assert_int_equal(w[2], L'a');
	assert_int_equal(w[4], L'c');
	assert_int_equal(w[5], L'\0');
	free(w);
	assert_int_equal(text_width("\xff\xfe" "abc"), 5);

	s = text_sanitize("\xff\xfe" "abc", 0);
	assert_non_null(s);
	assert_string_equal(s, "\xef\xbf\xbd\xef\xbf\xbd" "abc");
	free(s);

	/* a character cut off at the end is one replacement, not a crash */
	w = text_to_wide("日\xe6\x97", &n);
	assert_int_equal(n, 2);
	assert_int_equal(w[0], 0x65E5);
	assert_int_equal(w[1], 0xFFFD);
	free(w);
}

static void test_overlongs_and_surrogates_are_invalid(void **state)
{
	static const struct {
		const char *bytes;
		size_t chars;
	} cases[] = {
		{ "\xc0\xaf", 2 },         /* overlong '/' */
		{ "\xe0\x80\xaf", 3 },     /* overlong '/' */
		{ "\xf0\x80\x80\xaf", 4 }, /* overlong '/' */
		{ "\xed\xa0\x80", 3 },     /* U+D800 */
		{ "\xf4\x90\x80\x80", 4 }, /* U+110000 */
		{ "\x80", 1 },             /* stray continuation byte */
		{ "\xe6\x97" "a", 2 },     /* truncated, then ASCII survives */
	};

	(void)state;
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		size_t n;
		wchar_t *w = text_to_wide(cases[k].bytes, &n);
		assert_non_null(w);
		assert_int_equal(n, cases[k].chars);
		assert_int_equal(w[0], 0xFFFD);
		free(w);
	}
}

static void test_decoding_does_not_depend_on_locale(void **state)
{
	size_t n;
	wchar_t *w;

	(void)state;
	assert_non_null(setlocale(LC_CTYPE, "C"));
	w = text_to_wide("日本\xff", &n);
	assert_non_null(setlocale(LC_CTYPE, "C.UTF-8"));
	assert_non_null(w);
	assert_int_equal(n, 3);
	assert_int_equal(w[0], 0x65E5);
	assert_int_equal(w[1], 0x672C);
	assert_int_equal(w[2], 0xFFFD);
	free(w);
}

static void test_from_wide_round_trip(void **state)
{
	static const char text[] = "対策状況: 済 (ISMS認証) 🔒";
	size_t n;
	wchar_t *w = text_to_wide(text, &n);
	char *s;
	static const wchar_t bad[] = { L'a', (wchar_t)0xD800, (wchar_t)0x110000, L'b' };

	(void)state;
	assert_non_null(w);
	s = text_from_wide(w, n);
	assert_non_null(s);
	assert_string_equal(s, text);
	free(s);
	/* part of the string, by count */
	s = text_from_wide(w, 4);
	assert_string_equal(s, "対策状況");
	free(s);
	free(w);

	s = text_from_wide(bad, 4);
	assert_string_equal(s, "a\xef\xbf\xbd\xef\xbf\xbd" "b");
	free(s);
}

static void test_sanitize_drops_controls_keeps_japanese(void **state)
{
	char *s;

	(void)state;
	/* An escape sequence cannot reach the terminal without its ESC. */
	s = text_sanitize("\x1b[31m赤字\x1b[0m です\a", 0);
	assert_non_null(s);
	assert_string_equal(s, "[31m赤字[0m です");
	free(s);
	/* DEL and C1 controls (U+009B is CSI) go too */
	s = text_sanitize("a\x7f" "b\xc2\x9b" "c\xc2\x85" "d", 0);
	assert_string_equal(s, "abcd");
	free(s);
	s = text_sanitize("情報セキュリティ５か条", 0);
	assert_string_equal(s, "情報セキュリティ５か条");
	free(s);
	s = text_sanitize(NULL, 0);
	assert_string_equal(s, "");
	free(s);
}

static void test_sanitize_newlines_and_tabs(void **state)
{
	char *s;

	(void)state;
	s = text_sanitize("一行目\r\n二行目\n", 0);
	assert_string_equal(s, "一行目\n二行目\n");
	free(s);
	s = text_sanitize("a\tb", 0);
	assert_string_equal(s, "ab");
	free(s);
	s = text_sanitize("a\tb", 1);
	assert_string_equal(s, "a\tb");
	free(s);
}

/* Search folds case and full width: what a user types with the IME on or off. */
/* Company names become folder names: Japanese kept, what a file system or
 * shell treats specially replaced, invalid bytes too, and length capped. */
static void test_filename_part(void **state)
{
	char out[256];
	(void)state;
	text_filename_part("株式会社テスト精機", 24, out, sizeof out);
	assert_string_equal(out, "株式会社テスト精機");
	text_filename_part("../B/C 工業:本社*?", 24, out, sizeof out);
	assert_string_equal(out, "_B_C_工業_本社__");
	text_filename_part("A\xff\xfe" "B\tC　D", 24, out, sizeof out);
	assert_string_equal(out, "A__B_C_D");
	text_filename_part("あいうえおかきくけこ", 4, out, sizeof out);
	assert_string_equal(out, "あいうえ");
	text_filename_part("あいう", 10, out, 7);   /* room for two characters */
	assert_string_equal(out, "あい");
}

static void test_fold_for_search(void **state)
{
	(void)state;
	char *a = text_fold("ＰＣとWeb　サーバー");
	char *b = text_fold("pcとweb サーバー");
	assert_non_null(a);
	assert_string_equal(a, b);
	assert_string_equal(a, "pcとweb サーバー");
	free(a);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_for_search),
		cmocka_unit_test(test_filename_part),
		cmocka_unit_test(test_width_japanese_is_two_columns),
		cmocka_unit_test(test_width_mixed_ascii_and_japanese),
		cmocka_unit_test(test_wrap_long_japanese_sentence_at_20),
		cmocka_unit_test(test_wrap_kinsoku_no_closing_at_line_start),
		cmocka_unit_test(test_wrap_kinsoku_no_opening_at_line_end),
		cmocka_unit_test(test_wrap_kinsoku_pulls_a_chain_down),
		cmocka_unit_test(test_wrap_kinsoku_impossible_breaks_anyway),
		cmocka_unit_test(test_wrap_keeps_ascii_words_whole),
		cmocka_unit_test(test_wrap_ascii_words_whole_at_every_width),
		cmocka_unit_test(test_wrap_splits_url_longer_than_line),
		cmocka_unit_test(test_wrap_newlines_and_empty_lines),
		cmocka_unit_test(test_wrap_drops_spaces_at_soft_break),
		cmocka_unit_test(test_wrap_guideline_item_at_widths_10_to_80),
		cmocka_unit_test(test_wrap_counts_without_output),
		cmocka_unit_test(test_wrap_narrow_columns),
		cmocka_unit_test(test_truncate_never_splits_wide_char),
		cmocka_unit_test(test_truncate_respects_buffer_size),
		cmocka_unit_test(test_pad_gives_exact_width),
		cmocka_unit_test(test_invalid_utf8_becomes_replacement),
		cmocka_unit_test(test_overlongs_and_surrogates_are_invalid),
		cmocka_unit_test(test_decoding_does_not_depend_on_locale),
		cmocka_unit_test(test_from_wide_round_trip),
		cmocka_unit_test(test_sanitize_drops_controls_keeps_japanese),
		cmocka_unit_test(test_sanitize_newlines_and_tabs),
		cmocka_unit_test(test_fit_marks_the_cut),
	};

	/* Widths come from wcwidth(), which needs a UTF-8 LC_CTYPE. */
	if (!setlocale(LC_ALL, "C.UTF-8")) {
		fprintf(stderr, "test_text: the C.UTF-8 locale is not available\n");
		return 1;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
