/* Unit tests for dates, timestamps and the clock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "hourbook/clock.h"
#include "hourbook/date.h"
#include "hourbook/diag.h"
#include "exit_trap.h"

static void
test_parse(void **state)
{
	static const struct { const char *in; int ok; int y, m, d; } cases[] = {
		{ "2026-11-23", 1, 2026, 11, 23 }, { "2024-02-29", 1, 2024, 2, 29 },
		{ "2000-02-29", 1, 2000, 2, 29 }, { "1970-01-01", 1, 1970, 1, 1 },
		{ "9999-12-31", 1, 9999, 12, 31 },
		{ "2026-02-30", 0, 0, 0, 0 }, { "2026-02-29", 0, 0, 0, 0 }, { "1900-02-29", 0, 0, 0, 0 },
		{ "2026-13-01", 0, 0, 0, 0 }, { "2026-00-10", 0, 0, 0, 0 }, { "2026-01-00", 0, 0, 0, 0 },
		{ "26-1-1", 0, 0, 0, 0 }, { "2026-1-1", 0, 0, 0, 0 }, { "2026/01/01", 0, 0, 0, 0 },
		{ "2026-01-01x", 0, 0, 0, 0 }, { "", 0, 0, 0, 0 }, { "20260101", 0, 0, 0, 0 },
		{ "2026-11-23T10:00:00Z", 0, 0, 0, 0 }, { "1899-12-31", 0, 0, 0, 0 },
		{ "2026x11-23", 0, 0, 0, 0 }, { "2026-11x23", 0, 0, 0, 0 },
		{ "2026-1a-23", 0, 0, 0, 0 }, { "2026-1/-23", 0, 0, 0, 0 },
		{ "2026-11-2x", 0, 0, 0, 0 }, { "x026-11-23", 0, 0, 0, 0 },
		{ "2026-11", 0, 0, 0, 0 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		hb_day d;
		int rc = hb_date_parse(cases[i].in, &d, NULL);

		if (rc != (cases[i].ok ? 0 : -1))
			fail_msg("\"%s\": got %d", cases[i].in, rc);
		if (cases[i].ok)
			assert_int_equal(d, hb_day_from_civil(cases[i].y,
			    cases[i].m, cases[i].d));
	}
}

/* Why a date is refused: a date before the first one hourbook takes is a
 * real date, and the message says which rule it breaks. */
static void
test_parse_why(void **state)
{
	static const struct { const char *in, *why; } cases[] = {
		{ "1899-12-31", "is before 1900-01-01, the first date hourbook takes" },
		{ "0001-01-01", "is before 1900-01-01, the first date hourbook takes" },
		{ "1896-02-29", "is before 1900-01-01, the first date hourbook takes" },
		{ "1899-02-29", "is not a real date" },
		{ "1899-13-01", "is not a real date" },
		{ "2026-02-30", "is not a real date" },
		{ "10000-01-01", "is not a date (YYYY-MM-DD)" },
		{ "1899-12-31T23:00:00Z", "is before 1900-01-01, the first date hourbook takes" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *why = NULL;
		hb_day d;
		int64_t t;
		int rc = strchr(cases[i].in, 'T') != NULL
		    ? hb_timestamp_parse(cases[i].in, &t, &why)
		    : hb_date_parse(cases[i].in, &d, &why);

		if (rc != -1 || why == NULL || strcmp(why, cases[i].why) != 0)
			fail_msg("\"%s\": got %d, \"%s\"", cases[i].in, rc,
			    why ? why : "(none)");
	}
	{
		const char *why = NULL;
		hb_day d;

		assert_int_equal(hb_month_parse("1899-12", &d, &why), -1);
		assert_string_equal(why, "is before 1900-01, the first month hourbook takes");
		assert_int_equal(hb_month_parse("2026-13", &d, &why), -1);
		assert_string_equal(why, "is not a real month");
	}
}

/* Relative dates against a fixed today: the table says which day each
 * form names, or why it is refused.  2026-03-01 is a Sunday, the first
 * of a month after a February of 28 days. */
static void
test_relative(void **state)
{
	static const struct {
		const char *today, *in, *want, *why;
	} cases[] = {
		{ "2026-03-01", "today", "2026-03-01", NULL },
		{ "2026-03-01", "TODAY", "2026-03-01", NULL },
		{ "2026-03-01", "yesterday", "2026-02-28", NULL },
		{ "2026-03-01", "Yesterday", "2026-02-28", NULL },
		{ "2024-03-01", "yesterday", "2024-02-29", NULL },
		{ "2027-01-01", "yesterday", "2026-12-31", NULL },
		{ "2026-03-01", "-0", "2026-03-01", NULL },
		{ "2026-03-01", "-1", "2026-02-28", NULL },
		{ "2026-03-01", "-400", "2025-01-25", NULL },
		{ "2026-03-01", "-007", "2026-02-22", NULL },
		{ "2026-03-01", "2026-02-10", "2026-02-10", NULL },
		/* A Sunday: "sunday" is a week ago, "saturday" yesterday. */
		{ "2026-03-01", "sunday", "2026-02-22", NULL },
		{ "2026-03-01", "sun", "2026-02-22", NULL },
		{ "2026-03-01", "saturday", "2026-02-28", NULL },
		{ "2026-03-01", "monday", "2026-02-23", NULL },
		{ "2026-03-01", "MON", "2026-02-23", NULL },
		/* A Monday: the last monday is a week ago. */
		{ "2026-03-02", "monday", "2026-02-23", NULL },
		{ "2026-03-02", "sunday", "2026-03-01", NULL },
		{ "2026-03-02", "tuesday", "2026-02-24", NULL },
		{ "2026-03-02", "tue", "2026-02-24", NULL },
		{ "2026-03-02", "wednesday", "2026-02-25", NULL },
		{ "2026-03-02", "wed", "2026-02-25", NULL },
		{ "2026-03-02", "Thursday", "2026-02-26", NULL },
		{ "2026-03-02", "thu", "2026-02-26", NULL },
		{ "2026-03-02", "friday", "2026-02-27", NULL },
		{ "2026-03-02", "fri", "2026-02-27", NULL },
		{ "2026-03-02", "sat", "2026-02-28", NULL },
		/* 1900-01-01 was a Monday. */
		{ "1900-01-01", "today", "1900-01-01", NULL },
		{ "1900-01-03", "mon", "1900-01-01", NULL },
		{ "1900-01-01", "-1", NULL, "is before 1900-01-01, the first "
		    "date hourbook takes" },
		{ "1900-01-01", "monday", NULL, "is before 1900-01-01, the first "
		    "date hourbook takes" },
		{ "2026-03-01", "-999999999", NULL, "is before 1900-01-01, the "
		    "first date hourbook takes" },
		{ "2026-03-01", "-1000000000", NULL, "is not a date: give "
		    HB_DATE_FORMS },
		{ "2026-03-01", "yesterdy", NULL, "is not a date: give "
		    HB_DATE_FORMS },
		{ "2026-03-01", "tomorrow", NULL, "is not a date: give "
		    HB_DATE_FORMS },
		{ "2026-03-01", "+1", NULL, "is not a date: give " HB_DATE_FORMS },
		{ "2026-03-01", "-", NULL, "is not a date: give " HB_DATE_FORMS },
		{ "2026-03-01", "-1d", NULL, "is not a date: give " HB_DATE_FORMS },
		{ "2026-03-01", "- 1", NULL, "is not a date: give " HB_DATE_FORMS },
		{ "2026-03-01", "mo", NULL, "is not a date: give " HB_DATE_FORMS },
		{ "2026-03-01", "mond", NULL, "is not a date: give " HB_DATE_FORMS },
		{ "2026-03-01", "todays", NULL, "is not a date: give " HB_DATE_FORMS },
		{ "2026-03-01", "", NULL, "is empty" },
		{ "2026-03-01", "2026-02-30", NULL, "is not a real date" },
		{ "2026-03-01", "10000-01-01", NULL, "is not a date (YYYY-MM-DD)" },
	};
	char buf[HB_DATE_BUFSZ];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		hb_day today, day = 0;
		const char *why = NULL;
		int rc;

		assert_int_equal(hb_date_parse(cases[i].today, &today, NULL), 0);
		rc = hb_date_resolve(cases[i].in, today, &day, &why);
		if (cases[i].want != NULL && (rc != 0 ||
		    strcmp(hb_date_format(day, buf), cases[i].want) != 0))
			fail_msg("\"%s\" on %s: got %d, %s (%s)", cases[i].in,
			    cases[i].today, rc, rc == 0 ? buf : "-",
			    why ? why : "");
		if (cases[i].want == NULL && (rc != -1 || why == NULL ||
		    strcmp(why, cases[i].why) != 0))
			fail_msg("\"%s\" on %s: got %d, \"%s\"", cases[i].in,
			    cases[i].today, rc, why ? why : "(none)");
		/* A relative form is known as one before today is. */
		if (hb_date_relative(cases[i].in) != (cases[i].in[0] != '\0' &&
		    !(cases[i].in[0] >= '0' && cases[i].in[0] <= '9') &&
		    (cases[i].want != NULL || strncmp(cases[i].why, "is before",
		    9) == 0)))
			fail_msg("\"%s\": hb_date_relative says %d", cases[i].in,
			    hb_date_relative(cases[i].in));
	}
	assert_false(hb_date_relative(NULL));
	assert_int_equal(hb_date_resolve(NULL, 0, &(hb_day){ 0 }, NULL), -1);
}

static void
test_civil_round_trip(void **state)
{
	char buf[HB_DATE_BUFSZ];
	hb_day d;

	(void)state;
	assert_int_equal(hb_date_parse(NULL, &d, NULL), -1);
	assert_false(hb_valid_civil(10000, 1, 1));
	assert_false(hb_valid_civil(2026, 0, 1));
	assert_false(hb_valid_civil(2026, 1, 0));
	assert_false(hb_valid_civil(2026, 4, 31));
	/* Before year 0 the algorithms take their other branch. */
	for (hb_day x = -800000; x < -700000; x += 997) {
		int y, m, dd;

		hb_civil_from_day(x, &y, &m, &dd);
		assert_int_equal(hb_day_from_civil(y, m, dd), x);
	}
	assert_int_equal(hb_day_from_civil(1970, 1, 1), 0);
	assert_int_equal(hb_day_from_civil(2026, 11, 23), 20780);
	assert_string_equal(hb_date_format(20780, buf), "2026-11-23");
	for (hb_day e = -25567; e < 2932896; e += 13) {	/* 1900..9999 */
		int y, m, dd;

		hb_civil_from_day(e, &y, &m, &dd);
		assert_true(hb_valid_civil(y, m, dd));
		assert_int_equal(hb_day_from_civil(y, m, dd), e);
	}
}

static void
test_weekday_and_months(void **state)
{
	hb_day d;

	(void)state;
	assert_int_equal(hb_weekday(hb_day_from_civil(2026, 11, 23)), 0); /* Mon */
	assert_int_equal(hb_weekday(hb_day_from_civil(2026, 11, 27)), 4); /* Fri */
	assert_int_equal(hb_weekday(hb_day_from_civil(1969, 12, 28)), 6); /* Sun */
	assert_int_equal(hb_next_month(hb_day_from_civil(2026, 12, 15)),
	    hb_day_from_civil(2027, 1, 1));
	assert_int_equal(hb_month_parse("2026-02", &d, NULL), 0);
	assert_int_equal(d, hb_day_from_civil(2026, 2, 1));
	assert_int_equal(hb_month_parse("2026-13", &d, NULL), -1);
	assert_int_equal(hb_month_parse("2026-1", &d, NULL), -1);
	assert_int_equal(hb_month_parse(NULL, &d, NULL), -1);
	assert_int_equal(hb_month_parse("x026-02", &d, NULL), -1);
	assert_int_equal(hb_month_parse("2026x02", &d, NULL), -1);
	assert_int_equal(hb_month_parse("2026-x2", &d, NULL), -1);
}

static void
test_timestamps(void **state)
{
	static const struct { const char *in; int ok; int64_t t; } cases[] = {
		{ "1970-01-01T00:00:00Z", 1, 0 },
		{ "2026-11-23T14:05:00Z", 1, 1795442700 },
		{ "2026-11-23T14:05Z", 1, 1795442700 },
		{ "2026-11-23T15:05:00+01:00", 1, 1795442700 },
		{ "2026-11-23T08:35:00-05:30", 1, 1795442700 },
		{ "2026-11-23T14:05:00", 0, 0 }, { "2026-11-23T24:00:00Z", 0, 0 },
		{ "2026-11-23T14:60:00Z", 0, 0 }, { "2026-11-23 14:05:00Z", 0, 0 },
		{ "2026-02-30T00:00:00Z", 0, 0 }, { "", 0, 0 },
		{ "2026-11-23X14:05Z", 0, 0 }, { "2026-11-23Tx4:05Z", 0, 0 },
		{ "2026-11-23T14-05Z", 0, 0 }, { "2026-11-23T14:x5Z", 0, 0 },
		{ "2026-11-23T14:05:x0Z", 0, 0 }, { "2026-11-23T14:05:60Z", 0, 0 },
		{ "2026-11-23T14:05+x1:00", 0, 0 }, { "2026-11-23T14:05+01-00", 0, 0 },
		{ "2026-11-23T14:05+01:x0", 0, 0 }, { "2026-11-23T14:05+01:00x", 0, 0 },
		{ "2026-11-23T14:05+24:00", 0, 0 }, { "2026-11-23T14:05+01:60", 0, 0 },
		{ "2026-11-23T14:05Zx", 0, 0 }, { "2026-11-23T14:05*01:00", 0, 0 },
	};
	char buf[HB_TIMESTAMP_BUFSZ];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t t;
		int rc = hb_timestamp_parse(cases[i].in, &t, NULL);

		if (rc != (cases[i].ok ? 0 : -1))
			fail_msg("\"%s\": got %d", cases[i].in, rc);
		if (cases[i].ok)
			assert_int_equal(t, cases[i].t);
	}
	assert_string_equal(hb_timestamp_format(1795442700, buf),
	    "2026-11-23T14:05:00Z");
	assert_string_equal(hb_timestamp_format(-1, buf), "1969-12-31T23:59:59Z");
	{
		int64_t t;

		assert_int_equal(hb_timestamp_parse(NULL, &t, NULL), -1);
	}
}

static void
test_local_time(void **state)
{
	(void)state;
	setenv("TZ", "Europe/Rome", 1);
	tzset();
	/* 23:30 UTC on 30 Nov is 00:30 on 1 Dec in Rome. */
	assert_int_equal(hb_local_day(1796081400),
	    hb_day_from_civil(2026, 12, 1));
	/* 09:00 in Rome in winter is 08:00 UTC, in summer 07:00 UTC. */
	assert_int_equal(hb_local_instant(hb_day_from_civil(2026, 1, 15), 540),
	    (int64_t)hb_day_from_civil(2026, 1, 15) * 86400 + 8 * 3600);
	assert_int_equal(hb_local_instant(hb_day_from_civil(2026, 7, 15), 540),
	    (int64_t)hb_day_from_civil(2026, 7, 15) * 86400 + 7 * 3600);
	setenv("TZ", "UTC", 1);
	tzset();
}

static void
test_clock(void **state)
{
	int64_t t;

	(void)state;
	/* The book's zone, not the caller's TZ: hb_zone_use sets it. */
	setenv("TZ", "Pacific/Kiritimati", 1);
	tzset();
	assert_null(hb_zone_problem("UTC"));
	assert_null(hb_zone_problem("Europe/Rome"));
	assert_non_null(hb_zone_problem("Europe/Roma"));
	assert_non_null(hb_zone_problem("CET-1CEST"));
	assert_non_null(hb_zone_problem("../../etc/passwd"));
	assert_non_null(hb_zone_problem(""));
	hb_zone_use("UTC");
	assert_string_equal(hb_zone(), "UTC");
	assert_int_equal(hb_clock_parse("2026-11-23", &t, NULL), 0);
	assert_int_equal(t, (int64_t)20780 * 86400);
	assert_int_equal(hb_clock_parse("2026-11-23T14:05:00Z", &t, NULL), 0);
	assert_int_equal(t, 1795442700);
	assert_int_equal(hb_clock_parse("2026-11-3", &t, NULL), -1);
	assert_int_equal(hb_clock_parse("tomorrow", &t, NULL), -1);
	setenv("HOURBOOK_NOW", "2026-11-23T14:05:00Z", 1);
	hb_clock_allow_override();	/* as a book that allows it does */
	assert_int_equal(hb_now(), 1795442700);
	assert_int_equal(hb_today(), 20780);
}

/* The calendar's ends: inside they pass; beyond, a computed date is
 * refused (exit 65) rather than written with a wrapped year. */
static void
test_calendar_ends(void **state)
{
	char buf[HB_TIMESTAMP_BUFSZ];

	(void)state;
	assert_int_equal(hb_day_from_civil(1, 1, 1), HB_DAY_MIN);
	assert_int_equal(hb_day_from_civil(9999, 12, 31), HB_DAY_MAX);
	assert_int_equal(hb_day_check(HB_DAY_MAX, "x"), HB_DAY_MAX);
	assert_int_equal(hb_day_check(HB_DAY_MIN, "x"), HB_DAY_MIN);
	assert_string_equal(hb_date_format(HB_DAY_MAX, buf), "9999-12-31");
	assert_string_equal(hb_date_format(HB_DAY_MIN, buf), "0001-01-01");
	assert_string_equal(hb_timestamp_format((int64_t)HB_DAY_MAX * 86400 +
	    86399, buf), "9999-12-31T23:59:59Z");
	/* 10000-01-01 is not in the calendar: its day numbers are. */
	assert_int_equal(hb_next_month(HB_DAY_MAX), HB_DAY_MAX + 1);
	hb_diag_set_exit(fake_exit);
	exited = 0;
	if (setjmp(back) == 0)
		hb_day_check(HB_DAY_MAX + 7, "x");
	assert_int_equal(exited, 65);
	exited = 0;
	if (setjmp(back) == 0)
		hb_date_format(HB_DAY_MAX + 1, buf);
	assert_int_equal(exited, 65);
	exited = 0;
	if (setjmp(back) == 0)
		hb_date_format(HB_DAY_MIN - 1, buf);
	assert_int_equal(exited, 65);
	exited = 0;
	if (setjmp(back) == 0)
		hb_timestamp_format((int64_t)(HB_DAY_MAX + 1) * 86400, buf);
	assert_int_equal(exited, 65);
	hb_diag_set_exit(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_why),
		cmocka_unit_test(test_relative),
		cmocka_unit_test(test_civil_round_trip),
		cmocka_unit_test(test_weekday_and_months),
		cmocka_unit_test(test_timestamps),
		cmocka_unit_test(test_local_time),
		cmocka_unit_test(test_clock),
		cmocka_unit_test(test_calendar_ends),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
