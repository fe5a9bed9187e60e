/*
 * clock: the one source of "now".  $HOURBOOK_NOW (a date, meaning the start
 * of that day in the book's time zone, or a timestamp) replaces the system
 * clock for every command: tests and replays of a cron run use it.  The
 * clock is read only after the book is open, when its zone is known.
 */
#ifndef HOURBOOK_CLOCK_H
#define HOURBOOK_CLOCK_H

#include <stdint.h>
#include "hourbook/date.h"

/* Seconds since the epoch; dies with exit 64 on a malformed $HOURBOOK_NOW. */
int64_t hb_now(void);
/* hb_now() as a UTC timestamp string; the caller's to free. */
char *hb_now_text(void);
/* The local date of hb_now(). */
hb_day hb_today(void);
/* Parse a HOURBOOK_NOW-style value (date or timestamp). */
int hb_clock_parse(const char *s, int64_t *t, const char **why);

#endif
