/* Unit tests for durations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "hourbook/duration.h"

static void
test_parse(void **state)
{
	static const struct { const char *in; int ok; int64_t min; } cases[] = {
		{ "90", 1, 90 }, { "90m", 1, 90 }, { "1h30m", 1, 90 },
		{ "1h30", 1, 90 }, { "1:30", 1, 90 }, { "1.5h", 1, 90 },
		{ "2h", 1, 120 }, { "0", 1, 0 }, { "0:05", 1, 5 },
		{ "25:00", 1, 1500 }, { "0.25h", 1, 15 }, { "0.1h", 1, 6 },
		{ "1.05h", 1, 63 }, { "1000000h", 1, 60000000 },
		{ "1000000h1m", 0, 0 }, { "0:60", 0, 0 }, { "1h60", 0, 0 },
		{ "1h60m", 0, 0 }, { "-0:30", 0, 0 }, { "-5", 0, 0 },
		{ "99999999999h", 0, 0 }, { "9999999999999", 0, 0 },
		{ "1e3", 0, 0 }, { "", 0, 0 }, { "h", 0, 0 }, { "1.h", 0, 0 },
		{ "1.5", 0, 0 }, { "0.01h", 0, 0 }, { "1:5", 0, 0 },
		{ "1:300", 0, 0 }, { " 90", 0, 0 }, { "90 m", 0, 0 },
		{ "1h30x", 0, 0 }, { "1hm", 0, 0 }, { "90mm", 0, 0 },
		{ "1,5h", 0, 0 }, { "1m30", 0, 0 }, { "1:30x", 0, 0 },
		{ "1h30mx", 0, 0 }, { "1h30x", 0, 0 }, { "1hx", 0, 0 },
		{ "1.1234567h", 0, 0 }, { "1.5hx", 0, 0 }, { "1.5m", 0, 0 },
		{ "x", 0, 0 },
	};
	(void)state;
	{
		int64_t v;

		assert_int_equal(hb_duration_parse(NULL, &v, NULL), -1);
	}
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t v = -1;
		const char *why = NULL;
		int rc = hb_duration_parse(cases[i].in, &v, &why);

		if (rc != (cases[i].ok ? 0 : -1))
			fail_msg("\"%s\": got %d", cases[i].in, rc);
		if (cases[i].ok)
			assert_int_equal(v, cases[i].min);
		else
			assert_non_null(why);
	}
}

static void
test_format(void **state)
{
	static const struct { int64_t min; const char *want; } cases[] = {
		{ 0, "0:00" }, { 5, "0:05" }, { 90, "1:30" }, { 1500, "25:00" },
		{ -120, "-2:00" }, { 60000000, "1000000:00" },
	};
	char buf[HB_DURATION_BUFSZ];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_string_equal(hb_duration_format(cases[i].min, buf),
		    cases[i].want);
}

static void
test_round_trip(void **state)
{
	char buf[HB_DURATION_BUFSZ];

	(void)state;
	for (int64_t m = 0; m < 3000; m += 7) {
		int64_t back;

		assert_int_equal(hb_duration_parse(hb_duration_format(m, buf),
		    &back, NULL), 0);
		assert_int_equal(back, m);
	}
}

/* The excel-csv form: decimal hours, two decimals, read back rounded. */
static void
test_hours(void **state)
{
	static const struct { int64_t min; const char *want; } out[] = {
		{ 0, "0,00" }, { 1, "0,02" }, { 5, "0,08" }, { 20, "0,33" },
		{ 85, "1,42" }, { 90, "1,50" }, { 240, "4,00" },
		{ 1575, "26,25" }, { -45, "-0,75" }, { 60000000, "1000000,00" },
	};
	static const struct { const char *in; int ok; int64_t min; } in[] = {
		{ "4.00", 1, 240 }, { "1.5", 1, 90 }, { "1.42", 1, 85 },
		{ "0.01", 1, 1 }, { "0.008", 1, 0 }, { "26.25", 1, 1575 },
		{ "1000000.00", 1, 60000000 }, { "1000000.01", 0, 0 },
		{ "4", 0, 0 }, { "4.", 0, 0 }, { ".5", 0, 0 }, { "-1.5", 0, 0 },
		{ "1.5h", 0, 0 }, { "1.1234567", 0, 0 }, { "1.5.2", 0, 0 },
		{ "", 0, 0 },
	};
	char buf[HB_DURATION_BUFSZ];

	(void)state;
	for (size_t i = 0; i < sizeof out / sizeof out[0]; i++)
		assert_string_equal(hb_duration_format_hours(out[i].min, ',',
		    buf), out[i].want);
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		int64_t v = -1;
		int rc = hb_duration_parse_hours(in[i].in, &v, NULL);

		if (rc != (in[i].ok ? 0 : -1))
			fail_msg("\"%s\": got %d", in[i].in, rc);
		if (in[i].ok)
			assert_int_equal(v, in[i].min);
	}
	/* Every minute comes back from its two decimals. */
	for (int64_t m = 0; m < 6000; m++) {
		int64_t back;

		hb_duration_format_hours(m, '.', buf);
		assert_int_equal(hb_duration_parse_hours(buf, &back, NULL), 0);
		assert_int_equal(back, m);
	}
}

/* hours.round: what it takes, its canonical form, and what it makes of
 * minutes. */
static void
test_rounding(void **state)
{
	static const struct {
		const char *in, *canonical;
		int64_t minutes, want;
	} cases[] = {
		{ "none", "none", 7, 7 }, { "none", "none", 0, 0 },
		{ "5m up", "5m up", 7, 10 }, { "5m up", "5m up", 10, 10 },
		{ "5m up", "5m up", 11, 15 }, { "5m up", "5m up", 0, 0 },
		{ "5 up", "5m up", 1, 5 },
		{ "15m nearest", "15m nearest", 7, 0 },
		{ "15m nearest", "15m nearest", 8, 15 },
		{ "15m nearest", "15m nearest", 22, 15 },
		{ "15m nearest", "15m nearest", 23, 30 },
		{ "10m nearest", "10m nearest", 5, 10 },	/* a half goes up */
		{ "10m nearest", "10m nearest", 14, 10 },
		{ "6m down", "6m down", 59, 54 }, { "6m down", "6m down", 5, 0 },
		{ "6m down", "6m down", 60, 60 },
		{ "1h up", "60m up", 61, 120 }, { "0:30 down", "30m down", 89, 60 },
		{ "15m  nearest", "15m nearest", 52, 45 },
		{ "1m up", "1m up", 7, 7 }, { "24h down", "1440m down", 1439, 0 },
	};
	static const struct { const char *in, *why; } bad[] = {
		{ "", "is empty" },
		{ "5m", "is not a rounding: give none, or a step and up, down or "
		    "nearest (5m up, 15m nearest, 6m down)" },
		{ "5m sideways", "is not a rounding: give none, or a step and up, "
		    "down or nearest (5m up, 15m nearest, 6m down)" },
		{ "up", "is not a rounding: give none, or a step and up, down or "
		    "nearest (5m up, 15m nearest, 6m down)" },
		{ "5x up", "is not a rounding: give none, or a step and up, down "
		    "or nearest (5m up, 15m nearest, 6m down)" },
		{ "5m Up", "is not a rounding: give none, or a step and up, down "
		    "or nearest (5m up, 15m nearest, 6m down)" },
		{ " 5m up", "is not a rounding: give none, or a step and up, down "
		    "or nearest (5m up, 15m nearest, 6m down)" },
		{ "None", "is not a rounding: give none, or a step and up, down "
		    "or nearest (5m up, 15m nearest, 6m down)" },
		{ "0m up", "has a step outside 1 minute to 24 hours" },
		{ "25h up", "has a step outside 1 minute to 24 hours" },
		{ "123456789012345678901234m up", "is not a rounding: give none, "
		    "or a step and up, down or nearest (5m up, 15m nearest, 6m "
		    "down)" },
	};
	char buf[HB_DURATION_BUFSZ];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct hb_rounding r;
		const char *why = NULL;

		if (hb_rounding_parse(cases[i].in, &r, &why) != 0)
			fail_msg("\"%s\": %s", cases[i].in, why);
		assert_string_equal(hb_rounding_format(&r, buf),
		    cases[i].canonical);
		if (hb_rounding_apply(&r, cases[i].minutes) != cases[i].want)
			fail_msg("\"%s\" of %lld: got %lld", cases[i].in,
			    (long long)cases[i].minutes,
			    (long long)hb_rounding_apply(&r, cases[i].minutes));
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct hb_rounding r;
		const char *why = NULL;

		if (hb_rounding_parse(bad[i].in, &r, &why) != -1 || why == NULL ||
		    strcmp(why, bad[i].why) != 0)
			fail_msg("\"%s\": got \"%s\"", bad[i].in,
			    why ? why : "(accepted)");
	}
	assert_int_equal(hb_rounding_parse(NULL, &(struct hb_rounding){ 0, 0 },
	    NULL), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_hours),
		cmocka_unit_test(test_rounding),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
