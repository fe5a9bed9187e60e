/*
 * timer: hours-log --start, --stop, --cancel and --timer.
 *
 * A person has at most one running timer, kept in the book, so that it
 * outlives the terminal that started it.  A start checks what logging
 * will (the task takes time, the person may log it: package.h), so that
 * no timer runs that could never stop.  A stop logs the minutes it ran as
 * one entry dated the local day it started, through hb_hours_log and so
 * under every rule of hours-log (packages, urgent factor, refusals), after
 * the book's hours.round; when a rule refuses, nothing is written and the
 * timer runs on.  An entry is one day's time: a timer that ran past the
 * midnight of its day (in the book's zone) or over 24 hours is not
 * stopped by the clock; --at gives its end, or --cancel drops it.  Start,
 * stop and cancel are in the event log (entity "timer", key the person's
 * handle).
 */
#ifndef HOURBOOK_TIMER_H
#define HOURBOOK_TIMER_H

#include <stdbool.h>
#include "hourbook/package.h"
#include "hourbook/records.h"

struct hb_book;
struct hb_csv_writer;

struct hb_timer_input {
	const char *task;	/* --start TASK */
	const char *person;	/* whose timer; NULL or "": the actor's */
	const char *note;	/* the entry's note, or NULL (at a stop: the
				   start's) */
	const char *at;		/* when, "HH:MM" (on the timer's day, or
				   today for a start) or a timestamp; NULL:
				   now */
	const char *reason;	/* why a timer is cancelled, or NULL */
	bool overdraft;		/* the stop logs past the package balance */
};

/* Each writes in the caller's transaction, with l's logger of it, and
 * fills out (the caller releases it).  A refusal ends the program: 1 for
 * a rule (a timer runs already, none runs, past midnight, an --at in the
 * future or before the start), 65 for a malformed --at, and whatever
 * hb_hours_log says at a stop. */
void hb_timer_start(struct hb_book *book, struct hb_logger *l,
    const struct hb_timer_input *in, struct hb_timer *out);
void hb_timer_stop(struct hb_book *book, struct hb_logger *l,
    const struct hb_timer_input *in, struct hb_entry *out);
void hb_timer_cancel(struct hb_book *book, struct hb_logger *l,
    const struct hb_timer_input *in, struct hb_timer *out);

/* person, task, started, elapsed_minutes, note. */
extern const char *const hb_timer_columns[];
/* One row; elapsed_minutes is the whole minutes from its start to now. */
void hb_timer_print(struct hb_csv_writer *w, const struct hb_timer *t);
/* Whose running timers the actor may see: person's (another's only for
 * staff: else exit 1), or without one the actor's own, or everyone's
 * (0) for staff.  Then the list of them, by handle. */
int64_t hb_timer_scope(struct hb_book *book, const char *person);
void hb_timer_list(struct hb_book *book, int64_t person_id,
    struct hb_csv_writer *w);

#endif
