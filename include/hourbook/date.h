/*
 * date: calendar dates, UTC timestamps and their local (TZ) meaning.
 *
 * A date is a day number (days since 1970-01-01, proleptic Gregorian), so
 * date arithmetic is integer arithmetic.  A timestamp is seconds since the
 * epoch in UTC and is written "2026-11-23T14:05:00Z".  Only the functions
 * named "local" look at the time zone: the book's own (its timezone
 * setting), which the book puts in place when it opens (hb_zone_use), so
 * the caller's TZ never decides a day.
 */
#ifndef HOURBOOK_DATE_H
#define HOURBOOK_DATE_H

#include <stdbool.h>
#include <stdint.h>

typedef int32_t hb_day;

/* The dates hourbook handles: those YYYY-MM-DD can write.  A date
 * computed from another (a payout date, a deadline, the next month) can
 * fall outside; it is refused (hb_day_check), never written with a
 * wrapped year. */
#define HB_DAY_MIN (-719162)	/* 0001-01-01 */
#define HB_DAY_MAX 2932896	/* 9999-12-31 */

#define HB_DATE_BUFSZ 11	/* "2026-11-23" and a NUL */
#define HB_TIMESTAMP_BUFSZ 21	/* "2026-11-23T14:05:00Z" and a NUL */

/* Strict "YYYY-MM-DD", years 1900 to 9999, real days only. */
int hb_date_parse(const char *s, hb_day *day, const char **why);
/* A DATE given by a person may also be relative to today, in the book's
 * time zone: "today", "yesterday", "-N" (N days ago, "-0" is today), or a
 * weekday ("monday" .. "sunday", "mon" .. "sun"): the last such day before
 * today, so "monday" on a Monday is a week ago.  Words in any case.  What
 * the forms mean is fixed here; when "today" is, the caller says (the
 * clock, once the book's zone is known: cli.h, field.h). */
#define HB_DATE_FORMS "YYYY-MM-DD, today, yesterday, -N for N days ago, " \
	"or a weekday, monday to sunday or mon to sun, for the last one " \
	"before today"
/* The words of the relative forms, NULL-terminated: for "did you mean". */
extern const char *const hb_date_words[];
/* Whether s is written as one of the relative forms (it may still name a
 * day before the first one hourbook takes: hb_date_resolve says). */
bool hb_date_relative(const char *s);
/* s, a YYYY-MM-DD date or a relative form, as the day it names when today
 * is today; -1 with *why when it is neither (the strict date's reason
 * for what starts like one, else the accepted forms) or it names a day
 * before 1900-01-01. */
int hb_date_resolve(const char *s, hb_day today, hb_day *day,
    const char **why);

/* "2026-11-23"; a day outside HB_DAY_MIN..HB_DAY_MAX ends the program
 * (exit 65) rather than be written wrong. */
char *hb_date_format(hb_day day, char *buf);

/* day, when it lies within HB_DAY_MIN..HB_DAY_MAX; else the program ends
 * with exit 65 and "WHAT would be 10000-01-07, after 9999-12-31, the
 * last date hourbook handles", WHAT made from fmt as by printf. */
hb_day hb_day_check(hb_day day, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* "YYYY-MM" into the first day of that month. */
int hb_month_parse(const char *s, hb_day *first_day, const char **why);

hb_day hb_day_from_civil(int year, int month, int mday);
void hb_civil_from_day(hb_day day, int *year, int *month, int *mday);
/* 0 = Monday ... 6 = Sunday. */
int hb_weekday(hb_day day);
bool hb_valid_civil(int year, int month, int mday);
/* The first day of the month after the one holding day. */
hb_day hb_next_month(hb_day day);

/* "2026-11-23T14:05:00Z", "2026-11-23T14:05Z" or with an offset
 * "+01:00"/"-05:30" instead of Z. */
int hb_timestamp_parse(const char *s, int64_t *t, const char **why);
/* As hb_date_format, an instant whose UTC day is outside the dates
 * handled ends the program. */
char *hb_timestamp_format(int64_t t, char *buf);

/* The local (TZ) date of instant t. */
hb_day hb_local_day(int64_t t);
/* Instant t as its local date and time, "2026-11-23 15:05", for people
 * (report tables); buf has HB_LOCAL_TIME_BUFSZ. */
#define HB_LOCAL_TIME_BUFSZ 24
char *hb_local_time_format(int64_t t, char *buf);
/* The instant at minute_of_day (0..1440) of a local date; in a DST gap the
 * wall time is read with the offset before the change. */
int64_t hb_local_instant(hb_day day, int minute_of_day);

/* NULL when name is an IANA time zone this machine knows (a TZif file
 * under $TZDIR or /usr/share/zoneinfo), else why not. */
const char *hb_zone_problem(const char *name);
/* Make name the zone of every local function (sets TZ for this process). */
void hb_zone_use(const char *name);
/* The zone in use, or NULL before hb_zone_use. */
const char *hb_zone(void);

#endif
