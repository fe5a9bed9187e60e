/*
 * clock: now, from $HOURBOOK_NOW when it is set and the book allows it.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hourbook/clock.h"
#include "hourbook/diag.h"

int
hb_clock_parse(const char *s, int64_t *t, const char **why)
{
	hb_day day;

	if (s != NULL && strlen(s) == 10) {
		if (hb_date_parse(s, &day, why) != 0)
			return -1;
		*t = hb_local_instant(day, 0);
		return 0;
	}
	return hb_timestamp_parse(s, t, why);
}

/* Whether the opener of the book let $HOURBOOK_NOW replace the clock. */
static bool override_allowed;

const char *
hb_clock_override(void)
{
	const char *env = getenv("HOURBOOK_NOW");

	return env != NULL && *env != '\0' ? env : NULL;
}

void
hb_clock_allow_override(void)
{
	override_allowed = true;
}

int64_t
hb_now(void)
{
	static int cached;
	static int64_t now;
	const char *env, *why;

	if (cached)
		return now;
	env = hb_clock_override();
	/* Nothing reads the clock before the book has said whether it takes
	 * one from outside (book.c): a read before would be a bug that lets
	 * anyone backdate. */
	if (env != NULL && !override_allowed)
		hb_die(HB_EXIT_SOFTWARE, "the clock was read before the book "
		    "allowed HOURBOOK_NOW");
	/* A date means the start of that day in the book's zone: it can only
	 * be read once the book is open. */
	if (env != NULL && strlen(env) == 10 && hb_zone() == NULL)
		hb_die(HB_EXIT_SOFTWARE, "the clock was read before the book's "
		    "time zone was known");
	if (env != NULL) {
		if (hb_clock_parse(env, &now, &why) != 0)
			hb_die(HB_EXIT_USAGE, "HOURBOOK_NOW: \"%s\" %s", env, why);
	} else {
		now = (int64_t)time(NULL);
	}
	cached = 1;
	return now;
}

hb_day
hb_today(void)
{
	if (hb_zone() == NULL)
		hb_die(HB_EXIT_SOFTWARE, "today was asked before the book's time "
		    "zone was known");
	/* Late on 9999-12-31 (UTC) it is already 10000 east of Greenwich. */
	return hb_day_check(hb_local_day(hb_now()), "today (in the book's "
	    "time zone, %s)", hb_zone());
}

char *
hb_now_text(void)
{
	char buf[HB_TIMESTAMP_BUFSZ];

	return hb_xstrdup(hb_timestamp_format(hb_now(), buf));
}
