/*
 * duration: lengths of time as integer minutes.
 *
 * Accepted: "90", "90m", "2h", "1h30m", "1h30", "1:30" and decimal hours
 * "1.5h" when they come to a whole number of minutes.  Rejected: signs,
 * spaces, exponents, minutes of 60 or more after hours ("1h60", "0:60"),
 * and anything over HB_MINUTES_MAX.
 */
#ifndef HOURBOOK_DURATION_H
#define HOURBOOK_DURATION_H

#include <stdint.h>

/* One million hours: far beyond any package, far below overflow. */
#define HB_MINUTES_MAX INT64_C(60000000)
/* "-1000000:00" and a NUL, with room to spare. */
#define HB_DURATION_BUFSZ 24

int hb_duration_parse(const char *s, int64_t *minutes, const char **why);

/* Decimal hours without a unit ("4.00", "1.42", "26.25"), as the excel-csv
 * dialect writes durations once its decimal comma is made a point: rounded
 * to the nearest minute, so that two decimals (an hour's hundredth is 36
 * seconds) give back the minutes they were written from. */
int hb_duration_parse_hours(const char *s, int64_t *minutes,
    const char **why);

/* Minutes as decimal hours with two decimals, rounded to the nearest
 * hundredth, the decimal mark given ("4,00", "1,42", "-0,75"); buf has
 * HB_DURATION_BUFSZ. */
char *hb_duration_format_hours(int64_t minutes, char mark, char *buf);

/* Format as "H:MM" ("1:30", "0:05", "-2:00"); buf has HB_DURATION_BUFSZ. */
char *hb_duration_format(int64_t minutes, char *buf);

#endif
