/* Unit tests for business days and business minutes, in a zone with DST. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "hourbook/calendar.h"

static hb_day
D(int y, int m, int d)
{
	return hb_day_from_civil(y, m, d);
}

/* A local wall time in the test zone. */
static int64_t
L(int y, int m, int d, int h, int mi)
{
	return hb_local_instant(D(y, m, d), h * 60 + mi);
}

static struct hb_calendar cal;
static hb_day holidays[2];

static int
setup(void **state)
{
	(void)state;
	setenv("TZ", "Europe/Rome", 1);
	tzset();
	holidays[0] = D(2026, 12, 1);
	holidays[1] = D(2026, 12, 25);
	cal.holidays = holidays;
	cal.nholidays = 2;
	assert_int_equal(hb_support_parse("Mon-Fri 09:00-13:00,14:00-18:00",
	    &cal.support, NULL), 0);
	return 0;
}

static void
test_support_parse(void **state)
{
	static const struct { const char *in; int ok; } cases[] = {
		{ "Mon-Fri 09:00-13:00,14:00-18:00", 1 },
		{ "Mon-Thu 09:00-17:00;Fri 09:00-13:00", 1 },
		{ "mon,wed,fri 08:30-12:00", 1 }, { "Sat 00:00-24:00", 1 },
		{ "Mon-Fri", 0 }, { "Mon-Fri 09:00", 0 }, { "Fri-Mon 09:00-10:00", 0 },
		{ "Mon-Fri 13:00-09:00", 0 }, { "Mon-Fri 09:00-13:00,12:00-14:00", 0 },
		{ "Xyz 09:00-10:00", 0 }, { "Mon 9:00-10:00", 0 },
		{ "Mon 09:00-10:00;Mon 11:00-12:00", 0 }, { "", 0 },
		{ "Mon 09:00-25:00", 0 }, { "Mon 09:00-10:00x", 0 },
		{ "24/7", 1 }, { "24/7 ", 0 }, { "24/5", 0 }, { "24/7;Mon 09:00-10:00", 0 },
		{ "Sat-Sun 10:00-12:00", 1 },
	};
	struct hb_support s;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (hb_support_parse(cases[i].in, &s, NULL) !=
		    (cases[i].ok ? 0 : -1))
			fail_msg("\"%s\"", cases[i].in);
	assert_int_equal(hb_support_parse("Mon-Thu 09:00-17:00;Fri 09:00-13:00",
	    &s, NULL), 0);
	assert_int_equal(s.count[0], 1);
	assert_int_equal(s.window[4][0][1], 13 * 60);
	assert_int_equal(s.count[5], 0);
	assert_false(s.always);
	assert_int_equal(hb_support_parse("24/7", &s, NULL), 0);
	assert_true(s.always);
	assert_int_equal(s.count[6], 1);
	assert_int_equal(s.window[6][0][0], 0);
	assert_int_equal(s.window[6][0][1], 24 * 60);
}

/* Windows that name the weekend, and "24/7". */
static void
test_support_days(void **state)
{
	struct hb_calendar c = cal;

	(void)state;
	/* The default windows: the support days are the business days. */
	for (hb_day d = D(2026, 11, 23); d < D(2027, 1, 4); d++)
		assert_int_equal(hb_is_support_day(&cal, d),
		    hb_is_business_day(&cal, d));
	assert_int_equal(hb_support_days_add(&cal, D(2026, 11, 27), 5),
	    hb_business_days_add(&cal, D(2026, 11, 27), 5));
	/* A window naming Saturday counts Saturday's hours: Friday 17:00 +
	 * 2 h is 1 h on Friday (to 18:00) and Saturday 09:00-10:00. */
	assert_int_equal(hb_support_parse("Mon-Sat 09:00-18:00", &c.support,
	    NULL), 0);
	assert_true(hb_is_support_day(&c, D(2026, 11, 28)));
	assert_false(hb_is_support_day(&c, D(2026, 11, 29)));	/* Sun */
	assert_false(hb_is_support_day(&c, D(2026, 12, 1)));	/* holiday */
	assert_int_equal(hb_business_deadline(&c, L(2026, 11, 27, 17, 0), 120),
	    L(2026, 11, 28, 10, 0));
	/* Friday + 2 support days: Saturday, then Monday. */
	assert_int_equal(hb_support_days_add(&c, D(2026, 11, 27), 2),
	    D(2026, 11, 30));
	/* Monday 30 Nov + 1: the holiday on Tuesday is skipped. */
	assert_int_equal(hb_support_days_add(&c, D(2026, 11, 30), 1),
	    D(2026, 12, 2));
	/* A weekend-only window: Mon-Fri are no support days. */
	assert_int_equal(hb_support_parse("Sat-Sun 10:00-12:00", &c.support,
	    NULL), 0);
	assert_int_equal(hb_business_deadline(&c, L(2026, 11, 23, 9, 0), 180),
	    L(2026, 11, 29, 11, 0));
	/* 24/7: every minute, holidays and weekends included.  Sunday 03:00
	 * + 2 h is Sunday 05:00; Friday 24 Dec 23:00 + 2 h crosses into the
	 * Christmas holiday: 01:00. */
	assert_int_equal(hb_support_parse("24/7", &c.support, NULL), 0);
	assert_int_equal(hb_business_deadline(&c, L(2026, 11, 29, 3, 0), 120),
	    L(2026, 11, 29, 5, 0));
	assert_int_equal(hb_business_deadline(&c, L(2026, 12, 24, 23, 0), 120),
	    L(2026, 12, 25, 1, 0));
	assert_true(hb_is_support_day(&c, D(2026, 12, 25)));
	/* A whole day is 24 h, 25 h on the day DST ends (2026-10-25). */
	assert_int_equal(hb_business_minutes_between(&c, L(2026, 11, 29, 0, 0),
	    L(2026, 11, 30, 0, 0)), 24 * 60);
	assert_int_equal(hb_business_minutes_between(&c, L(2026, 10, 25, 0, 0),
	    L(2026, 10, 26, 0, 0)), 25 * 60);
	/* Days: Friday + 2 is Sunday; the holiday counts. */
	assert_int_equal(hb_support_days_add(&c, D(2026, 11, 27), 2),
	    D(2026, 11, 29));
	assert_int_equal(hb_support_days_add(&c, D(2026, 11, 30), 1),
	    D(2026, 12, 1));
}

static void
test_business_days(void **state)
{
	(void)state;
	assert_true(hb_is_business_day(&cal, D(2026, 11, 27)));
	assert_false(hb_is_business_day(&cal, D(2026, 11, 28)));	/* Sat */
	assert_false(hb_is_business_day(&cal, D(2026, 12, 1)));	/* holiday */
	/* Friday 2026-11-27 + 5 = Friday 2026-12-04 without the holiday... */
	cal.nholidays = 0;
	assert_int_equal(hb_business_days_add(&cal, D(2026, 11, 27), 5),
	    D(2026, 12, 4));
	/* ...and Monday 2026-12-07 with 2026-12-01 a holiday. */
	cal.nholidays = 2;
	assert_int_equal(hb_business_days_add(&cal, D(2026, 11, 27), 5),
	    D(2026, 12, 7));
	assert_int_equal(hb_business_days_add(&cal, D(2026, 11, 28), 0),
	    D(2026, 11, 30));
	/* From a Saturday or a Sunday, 5 business days are the next Friday
	 * (here Monday, with the holiday on Tuesday 2026-12-01). */
	assert_int_equal(hb_business_days_add(&cal, D(2026, 11, 28), 5),
	    D(2026, 12, 7));
	assert_int_equal(hb_business_days_add(&cal, D(2026, 11, 29), 1),
	    D(2026, 11, 30));
	cal.nholidays = 0;
	assert_int_equal(hb_business_days_add(&cal, D(2026, 11, 28), 5),
	    D(2026, 12, 4));
	cal.nholidays = 2;
	assert_int_equal(hb_business_days_between(&cal, D(2026, 11, 27),
	    D(2026, 12, 4)), 4);
	assert_int_equal(hb_business_days_between(&cal, D(2026, 12, 4),
	    D(2026, 11, 27)), 0);
	assert_int_equal(hb_business_days_between(&cal, D(2026, 12, 24),
	    D(2026, 12, 28)), 1);
}

static void
test_business_minutes(void **state)
{
	(void)state;
	/* Within one window. */
	assert_int_equal(hb_business_minutes_between(&cal,
	    L(2026, 11, 23, 9, 0), L(2026, 11, 23, 11, 0)), 120);
	/* The lunch break does not count. */
	assert_int_equal(hb_business_minutes_between(&cal,
	    L(2026, 11, 23, 12, 0), L(2026, 11, 23, 15, 0)), 120);
	/* Friday 17:00 to Monday 10:00: one hour on Friday, one on Monday. */
	assert_int_equal(hb_business_minutes_between(&cal,
	    L(2026, 11, 27, 17, 0), L(2026, 11, 30, 10, 0)), 120);
	/* Monday 17:00 to Wednesday 10:00 skips the holiday on Tuesday. */
	assert_int_equal(hb_business_minutes_between(&cal,
	    L(2026, 11, 30, 17, 0), L(2026, 12, 2, 10, 0)), 120);
	/* A whole business day is 8 hours. */
	assert_int_equal(hb_business_minutes_between(&cal,
	    L(2026, 11, 23, 0, 0), L(2026, 11, 24, 0, 0)), 480);
	/* Across the end of DST (Sunday 2026-10-25 in Rome): Friday 17:00 to
	 * Monday 10:00 is still two business hours. */
	assert_int_equal(hb_business_minutes_between(&cal,
	    L(2026, 10, 23, 17, 0), L(2026, 10, 26, 10, 0)), 120);
	/* ...and across the start of DST (Sunday 2026-03-29). */
	assert_int_equal(hb_business_minutes_between(&cal,
	    L(2026, 3, 27, 17, 0), L(2026, 3, 30, 10, 0)), 120);
	/* Reversed intervals are empty. */
	assert_int_equal(hb_business_minutes_between(&cal,
	    L(2026, 11, 24, 0, 0), L(2026, 11, 23, 0, 0)), 0);
}

static void
test_deadline(void **state)
{
	struct hb_calendar none = cal;

	(void)state;
	/* A comment on Friday at 17:30 with two business hours to answer is
	 * due Monday at 10:30. */
	assert_int_equal(hb_business_deadline(&cal, L(2026, 11, 27, 17, 30),
	    120), L(2026, 11, 30, 10, 30));
	/* Over lunch: 12:30 + 60 min is 14:30. */
	assert_int_equal(hb_business_deadline(&cal, L(2026, 11, 23, 12, 30),
	    60), L(2026, 11, 23, 14, 30));
	/* Over the holiday on Tuesday 2026-12-01. */
	assert_int_equal(hb_business_deadline(&cal, L(2026, 11, 30, 17, 0),
	    120), L(2026, 12, 2, 10, 0));
	/* Over the DST change: Friday 2026-10-23 17:00 + 2 h = Monday 10:00. */
	assert_int_equal(hb_business_deadline(&cal, L(2026, 10, 23, 17, 0),
	    120), L(2026, 10, 26, 10, 0));
	/* A deadline and the minutes between agree. */
	for (int m = 1; m < 3000; m += 37) {
		int64_t t0 = L(2026, 11, 20, 16, 45);
		int64_t due = hb_business_deadline(&cal, t0, m);

		assert_int_equal(hb_business_minutes_between(&cal, t0, due), m);
	}
	memset(&none.support, 0, sizeof none.support);
	assert_int_equal(hb_business_deadline(&none, 0, 10), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_support_parse),
		cmocka_unit_test(test_business_days),
		cmocka_unit_test(test_business_minutes),
		cmocka_unit_test(test_deadline),
		cmocka_unit_test(test_support_days),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
