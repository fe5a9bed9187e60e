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

/* How timed entries are rounded (the book's hours.round): to a multiple
 * of step minutes, up, down or to the nearest (a half step goes up);
 * mode none (step 0) keeps the minutes as they are. */
enum hb_round_mode { HB_ROUND_NONE, HB_ROUND_UP, HB_ROUND_DOWN,
	HB_ROUND_NEAREST };
struct hb_rounding {
	int64_t step;		/* minutes, 1 to 1440; 0 for none */
	enum hb_round_mode mode;
};
/* The longest step: a day. */
#define HB_ROUND_STEP_MAX 1440
/* "none", or a duration and a mode: "5m up", "15m nearest", "6 down",
 * "1h up"; the words in lower case, one or more spaces between. */
int hb_rounding_parse(const char *s, struct hb_rounding *r, const char **why);
/* Its canonical form, "none" or "15m nearest", into buf of
 * HB_DURATION_BUFSZ bytes. */
char *hb_rounding_format(const struct hb_rounding *r, char *buf);
/* minutes (0 or more) rounded as r says. */
int64_t hb_rounding_apply(const struct hb_rounding *r, int64_t minutes);

#endif
