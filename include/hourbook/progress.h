/*
 * progress: how far a long batch or export has got, for the person
 * watching it.
 *
 * A --csv batch (batch.c counts its records) or an export (the writer
 * counts its rows) that has run for more than a second shows one line on
 * stderr, rewritten in place: the rows done, the rate, and how much of its
 * input it has read when that is a file of known size ("hours-log: 12800
 * rows, 6400 rows/s, 42%").  Only when stderr is a terminal, and never
 * with -q: pipes, cron and CI see nothing.  The line is cleared when the
 * work ends and before any message.  $HOURBOOK_PROGRESS_MS changes the
 * second (0: at once).
 *
 * A row costs an increment; the clock is read every HB_PROGRESS_EVERY rows.
 */
#ifndef HOURBOOK_PROGRESS_H
#define HOURBOOK_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define HB_PROGRESS_EVERY 256	/* rows between two looks at the clock */

struct hb_progress {
	int64_t done;		/* rows so far */
	bool on;		/* stderr is a terminal and not -q */
	bool shown;		/* a line is on the terminal */
	FILE *input;		/* read for a percentage, or NULL */
	int64_t input_size;	/* its size in bytes, when known (> 0) */
	int64_t start_ns;	/* when it began (monotonic) */
	int64_t delay_ns;	/* shown only after this long */
	int64_t next_ns;	/* the next update, once shown */
};

/* Start counting.  input: the file the rows are read from, when a share
 * of it tells how far the work is (NULL: no percentage). */
void hb_progress_begin(struct hb_progress *p, FILE *input);
/* A look at the clock, and the line when it is due (hb_progress_row). */
void hb_progress_check(struct hb_progress *p);
/* The work is done: clear the line. */
void hb_progress_end(struct hb_progress *p);

/* One more row (p may be NULL). */
static inline void
hb_progress_row(struct hb_progress *p)
{
	if (p != NULL && ++p->done % HB_PROGRESS_EVERY == 0 && p->on)
		hb_progress_check(p);
}

#endif
