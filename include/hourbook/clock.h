/*
 * clock: the one source of "now".  $HOURBOOK_NOW (a date, meaning the start
 * of that day in the book's time zone, or a timestamp) replaces the system
 * clock: tests and replays of a cron run use it.  Since it would let anyone
 * backdate, it is honoured only when the book allows it (its clock.override
 * setting, on in a book made while HOURBOOK_NOW was set) or the actor is
 * staff: the book decides when it is opened (book.c), and records every
 * change made under such a clock in its event log.  The clock is read only
 * after that, when the book's zone is known too.
 */
#ifndef HOURBOOK_CLOCK_H
#define HOURBOOK_CLOCK_H

#include <stdbool.h>
#include <stdint.h>
#include "hourbook/date.h"

/* $HOURBOOK_NOW when it is set and not empty, else NULL (borrowed). */
const char *hb_clock_override(void);
/* Let hb_now() take $HOURBOOK_NOW: the book's opener calls it once the
 * book allows it.  Until then hb_now() with HOURBOOK_NOW set dies 70. */
void hb_clock_allow_override(void);

/* Seconds since the epoch; dies with exit 64 on a malformed $HOURBOOK_NOW. */
int64_t hb_now(void);
/* hb_now() as a UTC timestamp string; the caller's to free. */
char *hb_now_text(void);
/* The local date of hb_now(). */
hb_day hb_today(void);
/* Parse a HOURBOOK_NOW-style value (date or timestamp). */
int hb_clock_parse(const char *s, int64_t *t, const char **why);

#endif
