/* Unit tests for the arithmetic of a sales-share month: the base above
 * the threshold, the percentage, the cap, each rounded half-up. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "hourbook/sales.h"

static void
test_compute(void **state)
{
	static const struct {
		bool by_revenue;
		int64_t threshold;
		int32_t percent;
		int64_t cap;		/* -1: none */
		int64_t units, revenue;
		bool above;
		int64_t base, share;
		bool capped;
	} cases[] = {
		/* 8 units below 10: nothing above. */
		{ false, 10, 1000, -1, 8, 80000, false, 0, 0, false },
		/* 10 units at 10: not above. */
		{ false, 10, 1000, -1, 10, 100000, false, 0, 0, false },
		/* 24 units: 4800.00 x 14 / 24 = 2800.00; 10% = 280.00. */
		{ false, 10, 1000, -1, 24, 480000, true, 280000, 28000, false },
		/* The same past a cap of 250.00. */
		{ false, 10, 1000, 25000, 24, 480000, true, 280000, 25000, true },
		/* Exactly the cap is not capped. */
		{ false, 10, 1000, 28000, 24, 480000, true, 280000, 28000, false },
		/* 100.01 x 1 / 2 = 50.005 -> 50.01; 50% = 25.005 -> 25.01. */
		{ false, 1, 5000, -1, 2, 10001, true, 5001, 2501, false },
		/* 1000.00 x 8 / 13 = 615.3846 -> 615.38; 15% = 92.307 -> 92.31. */
		{ false, 5, 1500, -1, 13, 100000, true, 61538, 9231, false },
		/* Above in units with no revenue: a share of nothing. */
		{ false, 0, 1000, -1, 3, 0, true, 0, 0, false },
		/* No units at a threshold of 0: not above. */
		{ false, 0, 1000, -1, 0, 5000, false, 0, 0, false },
		/* Revenue: 8000.00 - 5000.00 = 3000.00; 5% = 150.00. */
		{ true, 500000, 500, -1, 12, 800000, true, 300000, 15000, false },
		/* At the revenue threshold: not above. */
		{ true, 500000, 500, -1, 3, 500000, false, 0, 0, false },
		/* 0.01 above at 50%: 0.005 -> 0.01. */
		{ true, 500000, 5000, -1, 1, 500001, true, 1, 1, false },
		/* 0% of anything is nothing. */
		{ true, 0, 0, -1, 1, 999999, true, 999999, 0, false },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct hb_share_terms t = { 0 };
		struct hb_share_month m;

		t.active = true;
		t.minimum = 50000;
		t.by_revenue = cases[i].by_revenue;
		t.threshold = cases[i].threshold;
		t.percent = cases[i].percent;
		t.has_cap = cases[i].cap >= 0;
		t.cap = t.has_cap ? cases[i].cap : 0;
		assert_true(hb_share_compute(&t, cases[i].units,
		    cases[i].revenue, &m));
		assert_int_equal(m.above, cases[i].above);
		assert_int_equal(m.base, cases[i].base);
		assert_int_equal(m.share, cases[i].share);
		assert_int_equal(m.capped, cases[i].capped);
	}
}

/* No agreement: no share, whatever the figures. */
static void
test_inactive(void **state)
{
	struct hb_share_terms t = { 0 };
	struct hb_share_month m;

	(void)state;
	assert_true(hb_share_compute(&t, 1000, 100000000, &m));
	assert_false(m.above);
	assert_int_equal(m.share, 0);
}

/* The largest figures compute exactly, without floating point:
 * 99999999999.99 x 2 / 3 = 66666666666.66, and 10% of it 6666666666.666,
 * half-up 6666666666.67. */
static void
test_large(void **state)
{
	struct hb_share_terms t = { true, 0, false, 1, 1000, false, 0 };
	struct hb_share_month m;

	(void)state;
	assert_true(hb_share_compute(&t, 3, INT64_C(9999999999999), &m));
	assert_int_equal(m.base, INT64_C(6666666666666));
	assert_int_equal(m.share, INT64_C(666666666667));
}

/* The lines' descriptions carry the arithmetic. */
static void
test_lines(void **state)
{
	struct hb_share_terms t = { true, 50000, false, 10, 1000, true, 25000 };
	struct hb_share_lines l;

	(void)state;
	assert_true(hb_share_lines(&t, "2026-08", true, 24, 480000, &l));
	assert_string_equal(l.minimum_text, "sales-share minimum fee for "
	    "2026-08: sales 24 units, 4800.00");
	assert_true(l.has_share);
	assert_string_equal(l.share_text, "sales share for 2026-08: 10% of "
	    "2800.00, the revenue of the 14 units above 10 (4800.00 x 14 / 24) "
	    "= 280.00, capped at 250.00");
	assert_int_equal(l.base, 280000);
	assert_int_equal(l.share, 25000);
	hb_share_lines_release(&l);
	assert_true(hb_share_lines(&t, "2026-09", false, 0, 0, &l));
	assert_string_equal(l.minimum_text, "sales-share minimum fee for "
	    "2026-09: no sales figures, billed at the minimum");
	assert_false(l.has_share);
	hb_share_lines_release(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compute),
		cmocka_unit_test(test_inactive),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
