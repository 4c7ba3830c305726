/* test_documents: the starter documents' templates (every one sound, as installed) and the filling of their placeholders. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "documents.h"

/* The keys data/FORMAT.md documents, with a value for each. */
static const char *lookup(const char *key, const void *ctx)
{
	static const char *const roles[] = { "ceo", "ciso", "sysadmin", "general", "plant",
	                                     "customer", "vendor", "insurance" };
	static const char *const fields[] = { "person:", "phone:", "email:", "after_hours:" };
	(void)ctx;
	if (strcmp(key, "company") == 0)
		return "株式会社テスト精機";
	if (strcmp(key, "year") == 0 || strcmp(key, "date") == 0 || strcmp(key, "assessor") == 0
	    || strcmp(key, "approver") == 0 || strcmp(key, "alt_ordering") == 0)
		return "";
	for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
		for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++)
			if (strncmp(key, fields[f], strlen(fields[f])) == 0
			    && strcmp(key + strlen(fields[f]), roles[r]) == 0)
				return "佐藤";
	if ((strncmp(key, "note:", 5) == 0 || strncmp(key, "answer:", 7) == 0) && strchr(key, ':')[1])
		return "x";
	return NULL;
}

/* Every document's template, as the package installs it: sound, and it
 * serves items that exist. */
static void test_templates_sound(void **state)
{
	char err[256];
	int n;
	const struct document *docs = documents_list(&n);
	(void)state;
	assert_int_equal(n, 5);
	for (int i = 0; i < n; i++) {
		char *text = documents_read(catalog_datadir(), docs[i].name);
		assert_non_null(text);
		if (documents_check(text, lookup, NULL, err, sizeof err) != 0)
			fail_msg("%s: %s", docs[i].name, err);
		assert_true(docs[i].n_items >= 1 && docs[i].n_items <= DOCUMENTS_MAX_ITEMS);
		for (int k = 0; k < docs[i].n_items; k++)
			assert_true(docs[i].items[k] >= 1 && docs[i].items[k] <= CATALOG_ITEMS);
		free(text);
	}
	assert_null(documents_read(catalog_datadir(), "no-such-document"));
}

static void test_fill(void **state)
{
	(void)state;
	char *s = documents_fill("{{company}}の責任者 {{person:ciso}}（{{phone:ciso}}）、{{year}}年度", lookup, NULL);
	assert_non_null(s);
	assert_string_equal(s, "株式会社テスト精機の責任者 佐藤（佐藤）、" DOCUMENTS_BLANK "年度");
	free(s);
	assert_null(documents_fill("{{person:nobody}}", lookup, NULL));
	s = documents_fill("{{ not closed", lookup, NULL);
	assert_string_equal(s, "{{ not closed");
	free(s);
}

static void test_lines(void **state)
{
	const char *text, *cells[8];
	size_t lens[8];
	(void)state;
	assert_int_equal(documents_line_kind("== 見出し", &text), DOC_HEADING);
	assert_string_equal(text, "見出し");
	assert_int_equal(documents_line_kind("- 項目", &text), DOC_BULLET);
	assert_int_equal(documents_line_kind("[ ] 確認", &text), DOC_CHECK);
	assert_string_equal(text, "確認");
	assert_int_equal(documents_line_kind("|  a | bb |  |", &text), DOC_ROW);
	assert_int_equal(documents_line_kind("", &text), DOC_BLANK);
	assert_int_equal(documents_line_kind("本文", &text), DOC_TEXT);
	assert_int_equal(documents_row_cells("|  a | bb |  |", cells, lens, 8), 3);
	assert_int_equal(lens[0], 1);
	assert_true(strncmp(cells[1], "bb", lens[1]) == 0 && lens[1] == 2);
	assert_int_equal(lens[2], 0);
}

/* A reminder goes once what it asks for is filled in. */
static void test_keep(void **state)
{
	(void)state;
	assert_null(documents_keep("?{{company}} - 会社名を書く", lookup, NULL));
	assert_string_equal(documents_keep("?{{assessor}} - 評価者を決める", lookup, NULL), "- 評価者を決める");
	assert_string_equal(documents_keep("- いつも残る", lookup, NULL), "- いつも残る");
}

static void test_check_refuses(void **state)
{
	char err[256];
	(void)state;
	assert_int_equal(documents_check("本文\n== 採用前に決めること\n- 決める\n", lookup, NULL, err, sizeof err), 0);
	assert_int_equal(documents_check("{{who}}\n== 採用前に決めること\n", lookup, NULL, err, sizeof err), -1);
	assert_non_null(strstr(err, "line 1"));
	assert_int_equal(documents_check("| 1 | 2 | 3 | 4 | 5 | 6 | 7 |\n== 採用前に決めること\n", lookup, NULL,
	                                 err, sizeof err), -1);
	assert_int_equal(documents_check("== 採用前に決めること\n== あとがき\n", lookup, NULL, err, sizeof err), -1);
	assert_int_equal(documents_check("a\tb\n== 採用前に決めること\n", lookup, NULL, err, sizeof err), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_templates_sound),
		cmocka_unit_test(test_fill),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_keep),
		cmocka_unit_test(test_check_refuses),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
