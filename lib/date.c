/*
 * date: day numbers, strict parsing, UTC timestamps and local time.
 *
 * The civil <-> day-number conversions are Howard Hinnant's algorithms
 * (public domain): exact for the proleptic Gregorian calendar.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hourbook/date.h"
#include "hourbook/diag.h"

hb_day
hb_day_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (hb_day)(era * 146097 + doe - 719468);
}

void
hb_civil_from_day(hb_day z, int *year, int *month, int *mday)
{
	int era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	*year = y + (m <= 2);
	*month = m;
	*mday = d;
}

int
hb_weekday(hb_day day)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int w = (int)((day + 3) % 7);

	return w < 0 ? w + 7 : w;
}

static int
days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

hb_day
hb_day_check(hb_day day, const char *fmt, ...)
{
	va_list ap;
	char what[200];
	int y, m, d;

	if (day >= HB_DAY_MIN && day <= HB_DAY_MAX)
		return day;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	hb_civil_from_day(day, &y, &m, &d);
	hb_die(HB_EXIT_DATA, "%s would be %d-%02d-%02d, %s, the %s date "
	    "hourbook handles", what, y, m, d, day > HB_DAY_MAX
	    ? "after 9999-12-31" : "before 0001-01-01",
	    day > HB_DAY_MAX ? "last" : "first");
}

bool
hb_valid_civil(int y, int m, int d)
{
	return y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= days_in_month(y, m);
}

hb_day
hb_next_month(hb_day day)
{
	int y, m, d;

	hb_civil_from_day(day, &y, &m, &d);
	return m == 12 ? hb_day_from_civil(y + 1, 1, 1)
	    : hb_day_from_civil(y, m + 1, 1);
}

/* Exactly n digits at s into *v. */
static bool
fixed_digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

static int
fail(const char **why, const char *reason)
{
	*why = reason;
	return -1;
}

/* "YYYY-MM-DD" at s (not necessarily ending there). */
static int
parse_ymd(const char *s, int *y, int *m, int *d, const char **why)
{
	if (strlen(s) < 10 || !fixed_digits(s, 4, y) || s[4] != '-' ||
	    !fixed_digits(s + 5, 2, m) || s[7] != '-' ||
	    !fixed_digits(s + 8, 2, d))
		return fail(why, "is not a date (YYYY-MM-DD)");
	if (!hb_valid_civil(*y, *m, *d))
		return fail(why, *y < 1900 && *m >= 1 && *m <= 12 && *d >= 1 &&
		    *d <= days_in_month(*y, *m) ? "is before 1900-01-01, the "
		    "first date hourbook takes" : "is not a real date");
	return 0;
}

int
hb_date_parse(const char *s, hb_day *day, const char **why)
{
	int y, m, d;
	const char *dummy;

	if (why == NULL)
		why = &dummy;
	if (s == NULL || *s == '\0')
		return fail(why, "is empty");
	if (parse_ymd(s, &y, &m, &d, why) != 0)
		return -1;
	if (s[10] != '\0')
		return fail(why, "is not a date (YYYY-MM-DD)");
	*day = hb_day_from_civil(y, m, d);
	return 0;
}

/* ---- relative dates -------------------------------------------------------- */

/* Weekdays in hb_weekday's order (0 = Monday), whole and short. */
static const char *const weekdays[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday"
};

const char *const hb_date_words[] = {
	"today", "yesterday", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri",
	"sat", "sun", NULL
};

/* -N takes up to this many digits: more is no day hourbook takes. */
#define DAYS_AGO_DIGITS 9

static bool
same_word(const char *s, const char *word, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return false;
	}
	return s[len] == '\0';
}

/* How many days before today s names, or -1 when it is no relative form;
 * today's weekday decides a weekday's. */
static int64_t
days_back(const char *s, int today_weekday)
{
	if (s == NULL)
		return -1;
	if (same_word(s, "today", 5))
		return 0;
	if (same_word(s, "yesterday", 9))
		return 1;
	if (s[0] == '-') {
		int64_t n = 0;
		size_t i = 1;

		for (; s[i] >= '0' && s[i] <= '9' && i <= DAYS_AGO_DIGITS; i++)
			n = n * 10 + (s[i] - '0');
		return i > 1 && s[i] == '\0' ? n : -1;
	}
	for (int w = 0; w < 7; w++)
		if (same_word(s, weekdays[w], strlen(weekdays[w])) ||
		    same_word(s, weekdays[w], 3)) {
			int back = (today_weekday - w + 7) % 7;

			/* The last one before today: a week ago on the day. */
			return back == 0 ? 7 : back;
		}
	return -1;
}

bool
hb_date_relative(const char *s)
{
	return days_back(s, 0) >= 0;
}

int
hb_date_resolve(const char *s, hb_day today, hb_day *day, const char **why)
{
	const char *dummy;
	int64_t back;

	if (why == NULL)
		why = &dummy;
	if (s != NULL && *s >= '0' && *s <= '9')
		return hb_date_parse(s, day, why);
	if ((back = days_back(s, hb_weekday(today))) < 0)
		return fail(why, s == NULL || *s == '\0' ? "is empty"
		    : "is not a date: give " HB_DATE_FORMS);
	if ((int64_t)today - back < hb_day_from_civil(1900, 1, 1))
		return fail(why, "is before 1900-01-01, the first date "
		    "hourbook takes");
	*day = (hb_day)(today - back);
	return 0;
}

/* Written digit by digit: exports format millions of dates. */
char *
hb_date_format(hb_day day, char *buf)
{
	int y, m, d;
	unsigned u;

	/* Four digits: a year beyond them would come out wrapped. */
	hb_day_check(day, "a date");
	hb_civil_from_day(day, &y, &m, &d);
	u = (unsigned)y;
	buf[0] = (char)('0' + u / 1000);
	buf[1] = (char)('0' + u / 100 % 10);
	buf[2] = (char)('0' + u / 10 % 10);
	buf[3] = (char)('0' + u % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
	return buf;
}

int
hb_month_parse(const char *s, hb_day *first, const char **why)
{
	int y, m;
	const char *dummy;

	if (why == NULL)
		why = &dummy;
	if (s == NULL || strlen(s) != 7 || !fixed_digits(s, 4, &y) ||
	    s[4] != '-' || !fixed_digits(s + 5, 2, &m))
		return fail(why, "is not a month (YYYY-MM)");
	if (!hb_valid_civil(y, m, 1))
		return fail(why, y < 1900 && m >= 1 && m <= 12 ? "is before "
		    "1900-01, the first month hourbook takes"
		    : "is not a real month");
	*first = hb_day_from_civil(y, m, 1);
	return 0;
}

int
hb_timestamp_parse(const char *s, int64_t *t, const char **why)
{
	int y, mo, d, h, mi, sec = 0, oh, om;
	const char *p;
	int64_t offset = 0;
	const char *dummy;

	if (why == NULL)
		why = &dummy;
	if (s == NULL || *s == '\0')
		return fail(why, "is empty");
	if (parse_ymd(s, &y, &mo, &d, why) != 0)
		return -1;
	p = s + 10;
	if (*p != 'T' || !fixed_digits(p + 1, 2, &h) || p[3] != ':' ||
	    !fixed_digits(p + 4, 2, &mi))
		return fail(why, "is not a timestamp (YYYY-MM-DDTHH:MM:SSZ)");
	p += 6;
	if (*p == ':') {
		if (!fixed_digits(p + 1, 2, &sec))
			return fail(why, "is not a timestamp (YYYY-MM-DDTHH:MM:SSZ)");
		p += 3;
	}
	if (h > 23 || mi > 59 || sec > 59)
		return fail(why, "is not a real time of day");
	if (p[0] == 'Z' && p[1] == '\0') {
		offset = 0;
	} else if ((p[0] == '+' || p[0] == '-') && fixed_digits(p + 1, 2, &oh) &&
	    p[3] == ':' && fixed_digits(p + 4, 2, &om) && p[6] == '\0' &&
	    oh <= 23 && om <= 59) {
		offset = (oh * 60 + om) * 60;
		if (p[0] == '-')
			offset = -offset;
	} else {
		return fail(why, "needs a time zone: Z or +HH:MM");
	}
	*t = (int64_t)hb_day_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 +
	    sec - offset;
	return 0;
}

char *
hb_timestamp_format(int64_t t, char *buf)
{
	int64_t day = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	int64_t rem = t - day * 86400;
	int y, m, d;

	/* (A day far beyond is named as one at the edge of hb_day.) */
	hb_day_check((hb_day)(day < -100000000 ? -100000000 : day > 100000000
	    ? 100000000 : day), "a time");
	hb_civil_from_day((hb_day)day, &y, &m, &d);
	snprintf(buf, HB_TIMESTAMP_BUFSZ, "%04u-%02u-%02uT%02u:%02u:%02uZ",
	    (unsigned)y % 10000u, (unsigned)m % 100u, (unsigned)d % 100u,
	    (unsigned)(rem / 3600) % 100u, (unsigned)(rem % 3600 / 60) % 100u,
	    (unsigned)(rem % 60) % 100u);
	return buf;
}

hb_day
hb_local_day(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	return hb_day_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

char *
hb_local_time_format(int64_t t, char *buf)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (localtime_r(&tt, &tm) == NULL || tm.tm_year + 1900 < 1 ||
	    tm.tm_year + 1900 > 9999 ||
	    strftime(buf, HB_LOCAL_TIME_BUFSZ, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(buf, HB_LOCAL_TIME_BUFSZ, "?");
	return buf;
}

int64_t
hb_local_instant(hb_day day, int minute_of_day)
{
	struct tm tm;
	int y, m, d;
	time_t t;

	hb_civil_from_day(day, &y, &m, &d);
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = 0;
	tm.tm_min = minute_of_day;	/* mktime normalises 1440 to midnight */
	tm.tm_isdst = -1;
	t = mktime(&tm);
	return (int64_t)t;
}

/* ---- the book's time zone ---------------------------------------------- */

const char *
hb_zone_problem(const char *name)
{
	const char *dir = getenv("TZDIR");
	char path[PATH_MAX], magic[4];
	FILE *fp;
	size_t n;

	if (name == NULL || *name == '\0')
		return "is empty";
	if (strlen(name) > 64 || name[0] == '/' || strstr(name, "..") != NULL)
		return "is not a time zone name (Area/City, such as Europe/Rome)";
	for (const char *p = name; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '/' || *p == '_' ||
		    *p == '-' || *p == '+'))
			return "is not a time zone name (Area/City, such as "
			    "Europe/Rome)";
	snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir
	    : "/usr/share/zoneinfo", name);
	if ((fp = fopen(path, "rb")) == NULL)
		return "is not a known time zone (Area/City, such as "
		    "Europe/Rome; the names are in /usr/share/zoneinfo)";
	n = fread(magic, 1, sizeof magic, fp);
	fclose(fp);
	if (n != sizeof magic || memcmp(magic, "TZif", 4) != 0)
		return "is not a known time zone (Area/City, such as "
		    "Europe/Rome)";
	return NULL;
}

static char zone[72];

void
hb_zone_use(const char *name)
{
	snprintf(zone, sizeof zone, "%s", name);
	setenv("TZ", zone, 1);
	tzset();
}

const char *
hb_zone(void)
{
	return zone[0] != '\0' ? zone : NULL;
}
