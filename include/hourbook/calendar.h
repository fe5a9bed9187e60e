/*
 * calendar: business days and business hours.
 *
 * Business days skip Saturdays, Sundays and the book's holidays.  Business
 * hours are the support windows ("Mon-Fri 09:00-13:00,14:00-18:00") on
 * business days, read in the local time zone (TZ), so a deadline counted in
 * business minutes stays right across a DST change.
 */
#ifndef HOURBOOK_CALENDAR_H
#define HOURBOOK_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hourbook/date.h"

#define HB_SUPPORT_MAX_WINDOWS 8

/* Support windows per weekday (0 = Monday), minutes of the local day,
 * sorted, non-overlapping, [start, end).  always: "24/7", every minute of
 * every day, holidays included. */
struct hb_support {
	uint8_t count[7];
	int16_t window[7][HB_SUPPORT_MAX_WINDOWS][2];
	bool always;
};

/* A calendar borrows its holiday array (sorted ascending) from its owner. */
struct hb_calendar {
	const hb_day *holidays;
	size_t nholidays;
	struct hb_support support;
};

/* Parse "Mon-Fri 09:00-13:00,14:00-18:00"; several groups may be joined
 * with ';' ("Mon-Thu 09:00-17:00;Fri 09:00-13:00"); "24/7" is every
 * minute of every day, holidays included. */
int hb_support_parse(const char *s, struct hb_support *out, const char **why);

bool hb_is_business_day(const struct hb_calendar *cal, hb_day day);
/* The business day that comes n business days after day, counting from
 * the day after it (Saturday + 5 is the next Friday, as is Friday + 5);
 * n = 0 is day itself when it is a business day, else the next one. */
hb_day hb_business_days_add(const struct hb_calendar *cal, hb_day day, int n);
/* Business days in (from, to]; 0 when to <= from. */
int hb_business_days_between(const struct hb_calendar *cal, hb_day from,
    hb_day to);
/* A support day: a day on which the support windows have hours and that
 * is not a holiday (under "24/7", every day).  With the default windows
 * (Monday to Friday) the support days are the business days. */
bool hb_is_support_day(const struct hb_calendar *cal, hb_day day);
/* As hb_business_days_add, counting support days (the SLAs counted in
 * days: intake, client information, revision). */
hb_day hb_support_days_add(const struct hb_calendar *cal, hb_day day, int n);
/* Business minutes (the support windows on support days) in [t0, t1). */
int64_t hb_business_minutes_between(const struct hb_calendar *cal,
    int64_t t0, int64_t t1);
/* The instant at which `minutes` business minutes after t0 have passed;
 * -1 when the support hours are empty. */
int64_t hb_business_deadline(const struct hb_calendar *cal, int64_t t0,
    int64_t minutes);

#endif
