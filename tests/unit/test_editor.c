/* test_editor: typing and correcting a Japanese evidence note — cursor, double-width characters, lines, limit. */
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

#include "editor.h"

static void type(struct editor *e, const wchar_t *s)
{
	for (; *s; s++)
		assert_int_equal(editor_insert(e, *s), 0);
}

static void assert_text(const struct editor *e, const char *expected)
{
	char *s = editor_text(e);

	assert_non_null(s);
	assert_string_equal(s, expected);
	free(s);
	assert_int_equal(wcslen(e->buf), e->len);
}

static void assert_pos(const struct editor *e, int line, int col)
{
	int l = -1, c = -1;

	editor_cursor_pos(e, &l, &c);
	assert_int_equal(l, line);
	assert_int_equal(c, col);
}

static void test_backspace_removes_one_double_width_char(void **state)
{
	struct editor e;

	(void)state;
	assert_int_equal(editor_init(&e, NULL, 100), 0);
	type(&e, L"テスト入力");
	assert_text(&e, "テスト入力");
	assert_pos(&e, 0, 10);
	editor_left(&e);
	editor_left(&e);
	assert_pos(&e, 0, 6);
	assert_int_equal(editor_backspace(&e), 0);
	assert_text(&e, "テス入力");
	assert_int_equal(editor_backspace(&e), 0);
	assert_text(&e, "テ入力");
	assert_pos(&e, 0, 2);
	/* Typing goes where the cursor is, not at the end. */
	type(&e, L"キ");
	assert_text(&e, "テキ入力");
	editor_home(&e);
	assert_int_equal(editor_backspace(&e), -1);
	assert_text(&e, "テキ入力");
	editor_free(&e);
}

static void test_delete_at_cursor(void **state)
{
	struct editor e;

	(void)state;
	assert_int_equal(editor_init(&e, "日本語abc", 100), 0);
	editor_set_cursor(&e, 1);
	assert_int_equal(editor_delete(&e), 0);
	assert_text(&e, "日語abc");
	assert_int_equal(e.cursor, 1);
	assert_int_equal(editor_delete(&e), 0);
	assert_text(&e, "日abc");
	editor_end(&e);
	assert_int_equal(editor_delete(&e), -1);
	assert_text(&e, "日abc");
	editor_free(&e);
}

static void test_home_and_end_stay_on_the_logical_line(void **state)
{
	struct editor e;

	(void)state;
	/* Indexes: 一行目 0..2, '\n' 3, 二行目です 4..8, '\n' 9, x 10. */
	assert_int_equal(editor_init(&e, "一行目\n二行目です\nx", 100), 0);
	editor_set_cursor(&e, 6);
	editor_home(&e);
	assert_int_equal(e.cursor, 4);
	assert_pos(&e, 1, 0);
	editor_end(&e);
	assert_int_equal(e.cursor, 9);
	assert_pos(&e, 1, 10);
	editor_set_cursor(&e, 0);
	editor_end(&e);
	assert_int_equal(e.cursor, 3);
	editor_set_cursor(&e, 11);
	editor_home(&e);
	assert_int_equal(e.cursor, 10);
	editor_free(&e);
}

static void test_newline_splits_and_backspace_joins_lines(void **state)
{
	struct editor e;

	(void)state;
	assert_int_equal(editor_init(&e, "", 100), 0);
	type(&e, L"規程あり\n改定2024年");
	assert_pos(&e, 1, 10);
	editor_home(&e);
	assert_int_equal(editor_backspace(&e), 0);
	assert_text(&e, "規程あり改定2024年");
	assert_pos(&e, 0, 8);
	assert_int_equal(editor_insert(&e, L'\n'), 0);
	assert_text(&e, "規程あり\n改定2024年");
	assert_pos(&e, 1, 0);
	editor_free(&e);
}

static void test_up_down_keep_the_goal_column(void **state)
{
	struct editor e;

	(void)state;
	assert_int_equal(editor_init(&e, "abcd\n日本語\nx\nabcdef", 100), 0);
	editor_set_cursor(&e, 4);            /* end of "abcd": column 4 */
	editor_down(&e);
	/* Column 4 on 日本語 is between 本 and 語. */
	assert_pos(&e, 1, 4);
	assert_int_equal(e.cursor, 7);
	editor_down(&e);
	assert_pos(&e, 2, 1);                /* "x" is shorter */
	editor_down(&e);
	assert_pos(&e, 3, 4);                /* the goal survived the short line */
	editor_down(&e);                     /* last line: stays */
	assert_pos(&e, 3, 4);
	editor_up(&e);
	editor_up(&e);
	assert_pos(&e, 1, 4);
	editor_up(&e);
	assert_pos(&e, 0, 4);
	editor_up(&e);                       /* first line: stays */
	assert_pos(&e, 0, 4);

	/* Column 3 falls inside 本: land before it, never in half a character. */
	editor_set_cursor(&e, 3);
	editor_down(&e);
	assert_pos(&e, 1, 2);
	assert_int_equal(e.cursor, 6);
	editor_free(&e);
}

static void test_horizontal_moves_and_edits_reset_the_goal(void **state)
{
	struct editor e;

	(void)state;
	assert_int_equal(editor_init(&e, "日本語\nx\nabcdef", 100), 0);
	editor_set_cursor(&e, 3);            /* column 6 */
	editor_down(&e);
	assert_pos(&e, 1, 1);
	editor_left(&e);                     /* column 0 becomes the goal */
	editor_down(&e);
	assert_pos(&e, 2, 0);

	editor_set_cursor(&e, 3);
	editor_down(&e);
	assert_int_equal(editor_insert(&e, L'y'), 0);   /* now at column 2 */
	editor_down(&e);
	assert_pos(&e, 2, 2);
	editor_free(&e);
}

static void test_limit_refuses_the_extra_character(void **state)
{
	struct editor e;

	(void)state;
	assert_int_equal(editor_init(&e, "", 5), 0);
	type(&e, L"評価の根拠");
	assert_int_equal(editor_insert(&e, L'x'), -1);
	assert_int_equal(editor_insert(&e, L'\n'), -1);
	assert_text(&e, "評価の根拠");
	assert_int_equal(e.len, 5);
	assert_int_equal(e.cursor, 5);
	/* Freeing one character makes room for one. */
	assert_int_equal(editor_backspace(&e), 0);
	assert_int_equal(editor_insert(&e, L'拠'), 0);
	assert_int_equal(editor_insert(&e, L'x'), -1);
	assert_text(&e, "評価の根拠");
	editor_free(&e);
}

static void test_init_cuts_text_beyond_the_limit(void **state)
{
	struct editor e;

	(void)state;
	assert_int_equal(editor_init(&e, "日本語テキスト", 3), 0);
	assert_text(&e, "日本語");
	assert_int_equal(e.cursor, 3);
	editor_free(&e);
}

static void test_init_replaces_invalid_utf8_and_drops_controls(void **state)
{
	struct editor e;

	(void)state;
	/* A pasted escape sequence must not reach the terminal; CR LF becomes
	 * one line break; a broken byte shows as U+FFFD. */
	assert_int_equal(editor_init(&e, "a\x01" "b\tc\r\nd\xff" "e\x1b[31m", 100), 0);
	assert_text(&e, "abc\nd\xef\xbf\xbd" "e[31m");
	assert_int_equal(e.cursor, e.len);
	assert_int_equal(e.goal_col, -1);
	editor_free(&e);

	assert_int_equal(editor_init(&e, NULL, 10), 0);
	assert_non_null(e.buf);
	assert_int_equal(e.len, 0);
	assert_text(&e, "");
	editor_free(&e);
}

static void test_insert_refuses_control_characters(void **state)
{
	static const wchar_t refused[] = { L'\t', L'\r', 0x1b, 0x7f, 0x9b, 0 };
	struct editor e;

	(void)state;
	assert_int_equal(editor_init(&e, "ok", 10), 0);
	for (const wchar_t *c = refused; *c; c++)
		assert_int_equal(editor_insert(&e, *c), -1);
	assert_int_equal(editor_insert(&e, L'\0'), -1);
	assert_text(&e, "ok");
	editor_free(&e);
}

static void test_text_round_trip(void **state)
{
	static const char note[] = "評価の根拠：情報セキュリティ規程（2024年改定）\n"
	                           "対象: 全社員 – 年1回 教育実施 ✓";
	struct editor e;
	char *s;

	(void)state;
	assert_int_equal(editor_init(&e, note, 1000), 0);
	s = editor_text(&e);
	assert_non_null(s);
	assert_string_equal(s, note);
	free(s);
	editor_free(&e);
}

static void test_buffer_stays_terminated_through_growth_and_deletes(void **state)
{
	struct editor e;

	(void)state;
	assert_int_equal(editor_init(&e, "", 1000), 0);
	/* Enough to grow the buffer several times. */
	for (int i = 0; i < 300; i++) {
		assert_int_equal(editor_insert(&e, i % 10 == 9 ? L'\n' : L'あ' + (wchar_t)(i % 10)), 0);
		assert_int_equal(wcslen(e.buf), e.len);
	}
	assert_int_equal(e.len, 300);
	assert_true(e.cap >= e.len);
	editor_set_cursor(&e, 150);
	for (int i = 0; i < 50; i++) {
		assert_int_equal(editor_delete(&e), 0);
		assert_int_equal(wcslen(e.buf), e.len);
		assert_int_equal(editor_backspace(&e), 0);
		assert_int_equal(wcslen(e.buf), e.len);
	}
	assert_int_equal(e.len, 200);
	editor_end(&e);
	while (editor_backspace(&e) == 0)
		assert_int_equal(wcslen(e.buf), e.len);
	while (editor_delete(&e) == 0)
		assert_int_equal(wcslen(e.buf), e.len);
	assert_int_equal(e.len, 0);
	assert_int_equal(e.buf[0], L'\0');
	editor_free(&e);
}

static void test_cursor_never_leaves_the_text(void **state)
{
	struct editor e;

	(void)state;
	assert_int_equal(editor_init(&e, "あ", 10), 0);
	editor_right(&e);
	assert_int_equal(e.cursor, 1);
	editor_left(&e);
	editor_left(&e);
	assert_int_equal(e.cursor, 0);
	editor_set_cursor(&e, 99);
	assert_int_equal(e.cursor, 1);
	editor_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_backspace_removes_one_double_width_char),
		cmocka_unit_test(test_delete_at_cursor),
		cmocka_unit_test(test_home_and_end_stay_on_the_logical_line),
		cmocka_unit_test(test_newline_splits_and_backspace_joins_lines),
		cmocka_unit_test(test_up_down_keep_the_goal_column),
		cmocka_unit_test(test_horizontal_moves_and_edits_reset_the_goal),
		cmocka_unit_test(test_limit_refuses_the_extra_character),
		cmocka_unit_test(test_init_cuts_text_beyond_the_limit),
		cmocka_unit_test(test_init_replaces_invalid_utf8_and_drops_controls),
		cmocka_unit_test(test_insert_refuses_control_characters),
		cmocka_unit_test(test_text_round_trip),
		cmocka_unit_test(test_buffer_stays_terminated_through_growth_and_deletes),
		cmocka_unit_test(test_cursor_never_leaves_the_text),
	};

	/* Columns come from wcwidth(), which needs a UTF-8 LC_CTYPE. */
	if (!setlocale(LC_ALL, "C.UTF-8")) {
		fprintf(stderr, "test_editor: the C.UTF-8 locale is not available\n");
		return 1;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
