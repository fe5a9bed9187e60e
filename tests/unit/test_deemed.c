/* Unit tests for deemed delivery: where a project's contract term ends
 * (hb_term_end), from its contracts' spans. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "hourbook/date.h"
#include "hourbook/deemed.h"

static hb_day
day(const char *s)
{
	hb_day d = 0;

	assert_int_equal(hb_date_parse(s, &d, NULL), 0);
	return d;
}

#define MAXSPANS 3

static void
test_term_end(void **state)
{
	/* Spans as "start..end" ("" end: open); from, limit; the term's end
	 * ("" for none). */
	static const struct {
		const char *what;
		struct { const char *start, *end; } span[MAXSPANS];
		const char *from, *limit, *want;
	} cases[] = {
		{ "one package, expiring in the window",
		  { { "2026-10-01", "2026-10-31" } },
		  "2026-10-10", "2026-11-30", "2026-10-31" },
		{ "blocked on its last day: still at the end",
		  { { "2026-10-01", "2026-10-31" } },
		  "2026-10-31", "2026-11-30", "2026-10-31" },
		{ "blocked after it: not this term",
		  { { "2026-10-01", "2026-10-31" } },
		  "2026-11-01", "2026-11-30", "" },
		{ "ending after the limit (the clock, the month): not yet",
		  { { "2026-10-01", "2026-12-31" } },
		  "2026-10-10", "2026-11-30", "" },
		{ "ending on the limit",
		  { { "2026-10-01", "2026-11-30" } },
		  "2026-10-10", "2026-11-30", "2026-11-30" },
		{ "an open package: no end",
		  { { "2026-10-01", "" } },
		  "2026-10-10", "2027-12-31", "" },
		{ "followed by another holding the next day: the second's end",
		  { { "2026-09-01", "2026-10-15" }, { "2026-10-01", "2026-12-31" } },
		  "2026-10-10", "2027-01-31", "2026-12-31" },
		{ "followed by one starting the very next day",
		  { { "2026-09-01", "2026-10-15" }, { "2026-10-16", "2026-10-31" } },
		  "2026-10-10", "2026-11-30", "2026-10-31" },
		{ "a gap of a day: the first term ends",
		  { { "2026-09-01", "2026-10-15" }, { "2026-10-17", "2026-10-31" } },
		  "2026-10-10", "2026-11-30", "2026-10-15" },
		{ "followed by an open one: the term goes on",
		  { { "2026-09-01", "2026-10-15" }, { "2026-10-01", "" } },
		  "2026-10-10", "2027-12-31", "" },
		{ "two ends in the window: the first after the block",
		  { { "2026-09-01", "2026-09-30" }, { "2026-10-05", "2026-10-31" } },
		  "2026-09-10", "2026-11-30", "2026-09-30" },
		{ "two ends: blocked after the first",
		  { { "2026-09-01", "2026-09-30" }, { "2026-10-05", "2026-10-31" } },
		  "2026-10-06", "2026-11-30", "2026-10-31" },
		{ "a package inside an agreement's run: the agreement's end",
		  { { "2026-10-01", "2026-10-20" }, { "2026-09-01", "2026-11-30" } },
		  "2026-10-10", "2026-12-31", "2026-11-30" },
		{ "no contract at all", { { NULL, NULL } },
		  "2026-10-10", "2026-12-31", "" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct hb_term_span span[MAXSPANS];
		size_t n = 0;
		hb_day got;
		char buf[HB_DATE_BUFSZ];

		for (; n < MAXSPANS && cases[i].span[n].start != NULL; n++) {
			span[n].start = day(cases[i].span[n].start);
			span[n].open = cases[i].span[n].end[0] == '\0';
			span[n].end = span[n].open ? 0
			    : day(cases[i].span[n].end);
		}
		got = hb_term_end(span, n, day(cases[i].from),
		    day(cases[i].limit));
		if (cases[i].want[0] == '\0') {
			if (got != 0)
				fail_msg("%s: want no end, got %s",
				    cases[i].what, hb_date_format(got, buf));
		} else if (got == 0 || got != day(cases[i].want))
			fail_msg("%s: want %s, got %s", cases[i].what,
			    cases[i].want, got ? hb_date_format(got, buf) : "none");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_term_end),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
