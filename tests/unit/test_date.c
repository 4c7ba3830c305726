/* test_date: dates as users type them, and the day arithmetic the plan spreads due dates with. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "date.h"

/* 2027/1/31, 2027-1-31 and 2027年1月31日 all mean 2027-01-31 (issue 14). */
static void test_normalize_what_people_type(void **state)
{
	static const char *const same[] = { "2027-01-31", "2027-1-31", "2027/1/31", "2027/01/31",
	                                    "2027.1.31", "2027年1月31日", "2027年01月31日", "2027年1月31",
	                                    "２０２７／１／３１", " 2027/1/31 " };
	char out[11];
	(void)state;
	for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
		out[0] = '\0';
		assert_int_equal(date_normalize(same[i], out), 0);
		assert_string_equal(out, "2027-01-31");
	}
	static const char *const refused[] = { "2027-02-29", "2027/13/1", "2027年1月", "31/1/2027",
	                                       "2027-1-31x", "", "1899-12-31", "20270-1-1", "2027--1-31" };
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
		assert_int_equal(date_normalize(refused[i], out), -1);
	assert_int_equal(date_normalize("2028/2/29", out), 0);
	assert_string_equal(out, "2028-02-29");
}

static void test_day_arithmetic(void **state)
{
	char out[11];
	(void)state;
	assert_int_equal(date_day("1970-01-01"), 0);
	assert_int_equal(date_day("2026-01-31") - date_day("2025-12-31"), 31);
	assert_int_equal(date_day("2024-03-01") - date_day("2024-02-28"), 2);
	assert_int_equal(date_day("2026-02-30"), -1);
	for (long d = date_day("1999-12-25"); d < date_day("2001-03-05"); d++) {
		date_from_day(d, out);
		assert_int_equal(date_day(out), d);
	}
	date_from_day(date_day("2100-02-28") + 1, out);
	assert_string_equal(out, "2100-03-01");   /* 2100 is not a leap year */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize_what_people_type),
		cmocka_unit_test(test_day_arithmetic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
