/* Unit tests for money: parsing, formatting, percentages, rounding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "hourbook/money.h"

static void
test_parse(void **state)
{
	static const struct { const char *in; int ok; int64_t cents; } cases[] = {
		{ "100", 1, 10000 }, { "100.5", 1, 10050 }, { "100.50", 1, 10050 },
		{ "0", 1, 0 }, { "0.01", 1, 1 }, { "99.99", 1, 9999 },
		{ "99999999999.99", 1, INT64_C(9999999999999) },
		{ "100000000000", 0, 0 }, { "12345678901234567890", 0, 0 },
		{ "1e2", 0, 0 }, { "100,00", 0, 0 }, { "-100", 0, 0 },
		{ "0.001", 0, 0 }, { "", 0, 0 }, { ".5", 0, 0 }, { "5.", 0, 0 },
		{ " 5", 0, 0 }, { "5 ", 0, 0 }, { "+5", 0, 0 }, { "1.2.3", 0, 0 },
		{ "abc", 0, 0 }, { "1,000.00", 0, 0 }, { "1.5x", 0, 0 },
		{ "99999999999999", 0, 0 }, { "9999999999999.9", 0, 0 },
	};
	(void)state;
	{
		int64_t v;

		assert_int_equal(hb_money_parse(NULL, &v, NULL), -1);
		assert_int_equal(hb_money_parse("-1", &v, NULL), -1);
		assert_int_equal(hb_money_parse("1,5", &v, NULL), -1);
	}
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t v = -1;
		const char *why = NULL;
		int rc = hb_money_parse(cases[i].in, &v, &why);

		if (cases[i].ok) {
			assert_int_equal(rc, 0);
			assert_int_equal(v, cases[i].cents);
		} else {
			assert_int_equal(rc, -1);
			assert_non_null(why);
		}
	}
}

static void
test_format(void **state)
{
	static const struct { int64_t cents; char sep; const char *want; } cases[] = {
		{ 0, '.', "0.00" }, { 5, '.', "0.05" }, { 10050, '.', "100.50" },
		{ -16000, '.', "-160.00" }, { 123456, ',', "1234,56" },
		{ -1, ',', "-0,01" }, { INT64_C(9999999999999), '.', "99999999999.99" },
	};
	char buf[HB_MONEY_BUFSZ];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_string_equal(hb_money_format(cases[i].cents, cases[i].sep,
		    buf), cases[i].want);
}

static void
test_percent(void **state)
{
	static const struct { const char *in; int ok; int32_t bp; } cases[] = {
		{ "40", 1, 4000 }, { "40%", 1, 4000 }, { "12.5", 1, 1250 },
		{ "12.5%", 1, 1250 }, { "0", 1, 0 }, { "100", 1, 10000 },
		{ "1000", 1, 100000 }, { "1000.01", 0, 0 }, { "-5", 0, 0 },
		{ "%", 0, 0 }, { "", 0, 0 }, { "4O", 0, 0 }, { "1.234", 0, 0 },
		{ "1234567890123456789012345678901234", 0, 0 },
	};
	(void)state;
	{
		int32_t v;

		assert_int_equal(hb_percent_parse(NULL, &v, NULL), -1);
	}
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int32_t v = -1;
		int rc = hb_percent_parse(cases[i].in, &v, NULL);

		assert_int_equal(rc, cases[i].ok ? 0 : -1);
		if (cases[i].ok)
			assert_int_equal(v, cases[i].bp);
	}
}

static void
test_percent_of_amount(void **state)
{
	/* Half away from zero, to the cent, once per line. */
	static const struct { int64_t amount; int32_t bp; int64_t want; } cases[] = {
		{ 100000, 1000, 10000 },	/* 10% of 1,000.00 */
		{ 100000, 600, 6000 },	/* 2% x 3 days */
		{ 1, 5000, 1 },		/* 0.005 -> 0.01 */
		{ 3, 5000, 2 },		/* 0.015 -> 0.02 */
		{ 1, 4999, 0 },
		{ -1, 5000, -1 },	/* a credit rounds like its twin */
		{ -3, 5000, -2 },
		{ 12345, 4000, 4938 },	/* 49.38 */
		{ 0, 10000, 0 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t v;

		assert_true(hb_money_percent(cases[i].amount, cases[i].bp, &v));
		assert_int_equal(v, cases[i].want);
	}
}

static void
test_scale_and_overflow(void **state)
{
	int64_t v;

	(void)state;
	/* 20 h at 50.00/h less 45%: 1200 min x 5000 c x 5500 / (60 x 10000). */
	assert_true(hb_scale_round(1200 * 5000, 5500, 600000, &v));
	assert_int_equal(v, 55000);
	/* 10 h at 60.00/h less 40% = 360.00 */
	assert_true(hb_scale_round(600 * 6000, 6000, 600000, &v));
	assert_int_equal(v, 36000);
	assert_false(hb_scale_round(INT64_MAX, 3, 1, &v));
	assert_false(hb_scale_round(INT64_MIN + 1, 3, 1, &v));
	assert_false(hb_scale_round(1, 1, 0, &v));
	assert_true(hb_add(1, 2, &v));
	assert_int_equal(v, 3);
	assert_false(hb_add(INT64_MAX, 1, &v));
	assert_false(hb_mul(INT64_MAX / 2 + 1, 2, &v));
	assert_true(hb_mul(-4, 5, &v));
	assert_int_equal(v, -20);
	assert_true(hb_sub(-5, 3, &v));
	assert_int_equal(v, -8);
	/* A failed operation leaves the result as it was. */
	assert_false(hb_sub(INT64_MIN, 1, &v));
	assert_false(hb_add(INT64_MIN, -1, &v));
	assert_false(hb_mul(INT64_MIN, -1, &v));
	assert_int_equal(v, -8);
	/* The largest estimate at the largest rate: 1,000,000 h at
	 * 99,999,999,999.99 an hour does not fit. */
	assert_false(hb_scale_round(60000000, 9999999999999, 60, &v));
	assert_int_equal(v, -8);
	/* 24 h at that rate does. */
	assert_true(hb_scale_round(1440, 9999999999999, 60, &v));
	assert_int_equal(v, INT64_C(239999999999976));
}

static void
test_percent_format(void **state)
{
	char buf[16];

	(void)state;
	assert_string_equal(hb_percent_format(4000, buf), "40");
	assert_string_equal(hb_percent_format(1250, buf), "12.5");
	assert_string_equal(hb_percent_format(1205, buf), "12.05");
	assert_string_equal(hb_percent_format(0, buf), "0");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_percent),
		cmocka_unit_test(test_percent_of_amount),
		cmocka_unit_test(test_scale_and_overflow),
		cmocka_unit_test(test_percent_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
