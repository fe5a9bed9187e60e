/* Unit tests for the late-delivery penalty: simple, capped, half-up. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "hourbook/billing.h"

static void
test_penalty(void **state)
{
	static const struct {
		int64_t value; int32_t base, daily; int days; int64_t want;
	} cases[] = {
		{ 100000, 1000, 200, 3, 16000 },	/* 10% + 2% x 3 on 1,000.00 */
		{ 100000, 1000, 200, 0, 10000 },	/* on time but late: base */
		{ 100000, 1000, 200, 50, 100000 },	/* capped at 100% */
		{ 100000, 1000, 200, 45, 100000 },	/* exactly 100% */
		{ 100000, 0, 0, 10, 0 },
		{ 333, 1000, 0, 0, 33 },		/* 33.3 cents -> 33 */
		{ 335, 1000, 0, 0, 34 },		/* 33.5 -> 34, half-up */
		{ 100000, 1050, 25, 2, 11000 },		/* 10.5% + 0.25% x 2 = 11% */
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(hb_penalty(cases[i].value, cases[i].base,
		    cases[i].daily, cases[i].days), cases[i].want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_penalty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
