/*
 * calendar: business days (weekends and holidays skipped) and business
 * minutes (support windows on support days, in local time): a day counts
 * when its window has hours and it is not a holiday, every day under
 * "24/7".
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hourbook/calendar.h"

/* Longest stretch we walk looking for business time: 50 years of days. */
#define WALK_MAX_DAYS (50 * 366)

static const char *const day_names[7] = {
	"mon", "tue", "wed", "thu", "fri", "sat", "sun"
};

static int
fail(const char **why, const char *reason)
{
	*why = reason;
	return -1;
}

static int
day_index(const char *s)
{
	for (int i = 0; i < 7; i++)
		if (strncasecmp(s, day_names[i], 3) == 0)
			return i;
	return -1;
}

/* "HH:MM" at s into minutes of the day (24:00 allowed as an end). */
static int
clock_minutes(const char *s)
{
	int h, m;

	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) ||
	    s[2] != ':' || !isdigit((unsigned char)s[3]) ||
	    !isdigit((unsigned char)s[4]))
		return -1;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (m > 59 || h > 24 || (h == 24 && m != 0))
		return -1;
	return h * 60 + m;
}

/* One group: "Mon-Fri 09:00-13:00,14:00-18:00". */
static int
parse_group(const char *s, size_t len, struct hb_support *out,
    const char **why)
{
	bool days[7] = { false };
	int16_t win[HB_SUPPORT_MAX_WINDOWS][2];
	int nwin = 0;
	size_t i = 0;

	/* Days: names joined by ',' or ranges with '-'. */
	for (;;) {
		int a, b;

		if (len - i < 3 || (a = day_index(s + i)) < 0)
			return fail(why, "is not support hours (e.g. \"Mon-Fri "
			    "09:00-18:00\" or \"24/7\")");
		i += 3;
		b = a;
		if (i < len && s[i] == '-') {
			if (len - i < 4 || (b = day_index(s + i + 1)) < 0 || b < a)
				return fail(why, "has a bad range of days");
			i += 4;
		}
		for (int d = a; d <= b; d++)
			days[d] = true;
		if (i < len && s[i] == ',') {
			i++;
			continue;
		}
		break;
	}
	if (i >= len || s[i] != ' ')
		return fail(why, "needs a space between the days and the hours");
	while (i < len && s[i] == ' ')
		i++;
	for (;;) {
		int a, b;

		if (len - i < 11 || (a = clock_minutes(s + i)) < 0 ||
		    s[i + 5] != '-' || (b = clock_minutes(s + i + 6)) < 0)
			return fail(why, "has a bad time window (HH:MM-HH:MM)");
		if (b <= a)
			return fail(why, "has a window that ends before it starts");
		if (nwin > 0 && a < win[nwin - 1][1])
			return fail(why, "has windows out of order or overlapping");
		if (nwin == HB_SUPPORT_MAX_WINDOWS)
			return fail(why, "has too many windows");
		win[nwin][0] = (int16_t)a;
		win[nwin][1] = (int16_t)b;
		nwin++;
		i += 11;
		if (i < len && s[i] == ',') {
			i++;
			continue;
		}
		break;
	}
	if (i != len)
		return fail(why, "has unexpected text after the hours");
	for (int d = 0; d < 7; d++) {
		if (!days[d])
			continue;
		if (out->count[d] != 0)
			return fail(why, "names a day twice");
		memcpy(out->window[d], win, sizeof win);
		out->count[d] = (uint8_t)nwin;
	}
	return 0;
}

int
hb_support_parse(const char *s, struct hb_support *out, const char **why)
{
	struct hb_support sup;
	const char *dummy;

	if (why == NULL)
		why = &dummy;
	if (s == NULL || *s == '\0')
		return fail(why, "is empty");
	memset(&sup, 0, sizeof sup);
	if (strcmp(s, "24/7") == 0) {
		for (int d = 0; d < 7; d++) {
			sup.count[d] = 1;
			sup.window[d][0][0] = 0;
			sup.window[d][0][1] = 24 * 60;
		}
		sup.always = true;
		*out = sup;
		return 0;
	}
	for (;;) {
		const char *end = strchr(s, ';');
		size_t len = end ? (size_t)(end - s) : strlen(s);

		while (len > 0 && *s == ' ') {
			s++;
			len--;
		}
		if (parse_group(s, len, &sup, why) != 0)
			return -1;
		if (end == NULL)
			break;
		s = end + 1;
	}
	*out = sup;
	return 0;
}

static int
cmp_day(const void *a, const void *b)
{
	hb_day x = *(const hb_day *)a, y = *(const hb_day *)b;

	return (x > y) - (x < y);
}

bool
hb_is_business_day(const struct hb_calendar *cal, hb_day day)
{
	if (hb_weekday(day) >= 5)
		return false;
	return cal->nholidays == 0 || bsearch(&day, cal->holidays,
	    cal->nholidays, sizeof *cal->holidays, cmp_day) == NULL;
}

bool
hb_is_support_day(const struct hb_calendar *cal, hb_day day)
{
	if (cal->support.always)
		return true;
	if (cal->support.count[hb_weekday(day)] == 0)
		return false;
	return cal->nholidays == 0 || bsearch(&day, cal->holidays,
	    cal->nholidays, sizeof *cal->holidays, cmp_day) == NULL;
}

/* n counted days after day, counting from the day after it, whatever day
 * is; only "0 days after" needs a counted day of its own. */
static hb_day
days_add(const struct hb_calendar *cal, hb_day day, int n,
    bool (*counts)(const struct hb_calendar *, hb_day))
{
	int guard = 0;

	if (n == 0)
		while (!counts(cal, day) && guard++ < WALK_MAX_DAYS)
			day++;
	while (n > 0 && guard++ < WALK_MAX_DAYS) {
		day++;
		if (counts(cal, day))
			n--;
	}
	return day;
}

hb_day
hb_business_days_add(const struct hb_calendar *cal, hb_day day, int n)
{
	return days_add(cal, day, n, hb_is_business_day);
}

hb_day
hb_support_days_add(const struct hb_calendar *cal, hb_day day, int n)
{
	return days_add(cal, day, n, hb_is_support_day);
}

int
hb_business_days_between(const struct hb_calendar *cal, hb_day from,
    hb_day to)
{
	int n = 0;

	for (hb_day d = from + 1; d <= to; d++)
		if (hb_is_business_day(cal, d))
			n++;
	return n;
}

int64_t
hb_business_minutes_between(const struct hb_calendar *cal, int64_t t0,
    int64_t t1)
{
	int64_t seconds = 0;
	hb_day first, last;

	if (t1 <= t0)
		return 0;
	first = hb_local_day(t0);
	last = hb_local_day(t1);
	for (hb_day d = first; d <= last; d++) {
		int wd = hb_weekday(d);

		if (!hb_is_support_day(cal, d))
			continue;
		for (int w = 0; w < cal->support.count[wd]; w++) {
			int64_t ws = hb_local_instant(d, cal->support.window[wd][w][0]);
			int64_t we = hb_local_instant(d, cal->support.window[wd][w][1]);

			if (ws < t0)
				ws = t0;
			if (we > t1)
				we = t1;
			if (we > ws)
				seconds += we - ws;
		}
	}
	return seconds / 60;
}

int64_t
hb_business_deadline(const struct hb_calendar *cal, int64_t t0,
    int64_t minutes)
{
	int64_t left = minutes * 60;
	hb_day d = hb_local_day(t0);

	for (int i = 0; i < WALK_MAX_DAYS; i++, d++) {
		int wd = hb_weekday(d);

		if (!hb_is_support_day(cal, d))
			continue;
		for (int w = 0; w < cal->support.count[wd]; w++) {
			int64_t ws = hb_local_instant(d, cal->support.window[wd][w][0]);
			int64_t we = hb_local_instant(d, cal->support.window[wd][w][1]);

			if (ws < t0)
				ws = t0;
			if (we <= ws)
				continue;
			if (left <= we - ws)
				return ws + left;
			left -= we - ws;
		}
	}
	return -1;
}
