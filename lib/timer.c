/*
 * timer: one running timer per person, stopped into an entry of the hours
 * ledger (timer.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hourbook/actor.h"
#include "hourbook/book.h"
#include "hourbook/clock.h"
#include "hourbook/config.h"
#include "hourbook/csv.h"
#include "hourbook/diag.h"
#include "hourbook/duration.h"
#include "hourbook/field.h"
#include "hourbook/names.h"
#include "hourbook/timer.h"

#define NOTE_MAX 4096
#define DAY_SECONDS (24 * 60 * 60)

/* "2026-11-23 17:40", an instant in the book's zone: for messages. */
static const char *
local_text(int64_t t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	snprintf(buf, size, "%04d-%02d-%02d %02d:%02d", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
	return buf;
}

/* --at: "HH:MM" on day (24:00 is its end), or a timestamp. */
static int64_t
at_instant(const char *at, hb_day day)
{
	int64_t t;
	char date[HB_DATE_BUFSZ];

	if (strlen(at) == 5 && at[2] == ':' && at[0] >= '0' && at[0] <= '2' &&
	    at[1] >= '0' && at[1] <= '9' && at[3] >= '0' && at[3] <= '5' &&
	    at[4] >= '0' && at[4] <= '9') {
		int h = (at[0] - '0') * 10 + (at[1] - '0');
		int m = (at[3] - '0') * 10 + (at[4] - '0');

		if (h < 24 || (h == 24 && m == 0))
			return hb_local_instant(day, h * 60 + m);
	}
	if (hb_timestamp_parse(at, &t, NULL) == 0)
		return t;
	hb_fail(HB_EXIT_DATA, "at", "\"%s\" is not a time: give HH:MM (on %s, "
	    "in the book's time zone, %s) or a timestamp "
	    "(YYYY-MM-DDTHH:MM:SSZ)", at, hb_date_format(day, date), hb_zone());
}

/* The note of a timer, checked as an entry's is. */
static const char *
note_of(const char *note)
{
	return note != NULL && *note != '\0'
	    ? hb_field_text("note", note, NOTE_MAX, 1) : NULL;
}

static _Noreturn void
none_runs(const char *handle)
{
	hb_fail(HB_EXIT_REFUSED, NULL, "no timer runs for %s (hours-log "
	    "--start TASK starts one)", handle);
}

/* "task 3 from 2026-11-23T08:00:00Z": what the event log says of it. */
static char *
timer_text(const struct hb_timer *t)
{
	return hb_xprintf("task %lld from %s", (long long)t->task_id,
	    t->started);
}

static int64_t
started_at(const struct hb_timer *t)
{
	int64_t start;

	if (hb_timestamp_parse(t->started, &start, NULL) != 0)
		hb_die(HB_EXIT_IO, "the timer of %s holds \"%s\", not a time: "
		    "the book is damaged: run book-check", t->person, t->started);
	return start;
}

void
hb_timer_start(struct hb_book *book, struct hb_logger *l,
    const struct hb_timer_input *in, struct hb_timer *out)
{
	int64_t task_id = hb_hours_check(l, in->task, in->person);
	int64_t person_id, now = hb_now(), start = now;
	const char *handle, *note = note_of(in->note);
	char when[HB_TIMESTAMP_BUFSZ], local[64], *text;
	struct hb_timer running;

	person_id = hb_hours_person(l, in->person, &handle);
	if (hb_book_timer_get(book, person_id, &running)) {
		int64_t since = started_at(&running);

		hb_fail(HB_EXIT_REFUSED, NULL, "a timer runs already for %s: "
		    "task %lld, since %s (hours-log --stop logs it, --cancel "
		    "drops it)", handle, (long long)running.task_id,
		    local_text(since, local, sizeof local));
	}
	if (in->at != NULL && *in->at != '\0') {
		start = at_instant(in->at, hb_local_day(now));
		if (start > now)
			hb_fail(HB_EXIT_REFUSED, "at", "%s is in the future",
			    in->at);
	}
	hb_timestamp_format(start, when);
	hb_book_timer_insert(book, person_id, task_id, when, note);
	memset(out, 0, sizeof *out);
	out->person_id = person_id;
	out->person = hb_xstrdup(handle);
	out->task_id = task_id;
	out->started = hb_xstrdup(when);
	out->note = note ? hb_xstrdup(note) : NULL;
	out->actor = hb_xstrdup(hb_actor_get(book)->handle);
	text = timer_text(out);
	hb_book_event(book, "timer", handle, "start", NULL, text, NULL);
	free(text);
}

/* A timer is stopped within its day: say so, with the ways out. */
static _Noreturn void
ran_over(const struct hb_timer *t, int64_t start, int64_t end, hb_day day)
{
	char from[64], date[HB_DATE_BUFSZ], how[96];
	int64_t ran = (end - start) / 60;

	if (end - start > DAY_SECONDS)
		snprintf(how, sizeof how, "ran %lld:%02lld, more than 24 hours",
		    (long long)(ran / 60), (long long)(ran % 60));
	else
		snprintf(how, sizeof how, "ran past the midnight that ended "
		    "its day");
	hb_fail(HB_EXIT_REFUSED, NULL, "the timer of %s on task %lld, started "
	    "%s (%s), %s: an entry is one day's time, so nothing was logged "
	    "and the timer runs on; give its end with --stop --at HH:MM (on "
	    "%s), or drop it with --cancel and log the time with --date",
	    t->person, (long long)t->task_id, local_text(start, from,
	    sizeof from), hb_zone(), how, hb_date_format(day, date));
}

void
hb_timer_stop(struct hb_book *book, struct hb_logger *l,
    const struct hb_timer_input *in, struct hb_entry *out)
{
	const char *handle;
	int64_t person_id = hb_hours_person(l, in->person, &handle);
	int64_t start, end, now = hb_now(), ran, minutes;
	struct hb_timer t;
	struct hb_rounding round;
	hb_day day;
	char *setting, *before, *after, task[24], duration[24],
	    date[HB_DATE_BUFSZ], rule[HB_DURATION_BUFSZ], local[64];

	if (!hb_book_timer_get(book, person_id, &t))
		none_runs(handle);
	start = started_at(&t);
	day = hb_local_day(start);
	end = now;
	if (in->at != NULL && *in->at != '\0') {
		end = at_instant(in->at, day);
		if (end > now)
			hb_fail(HB_EXIT_REFUSED, "at", "%s is in the future",
			    in->at);
		if (end < start)
			hb_fail(HB_EXIT_REFUSED, "at", "%s is before the timer's "
			    "start, %s", in->at, local_text(start, local,
			    sizeof local));
	}
	/* A start in the future: a clock set back since (HOURBOOK_NOW). */
	if (end < start)
		hb_fail(HB_EXIT_REFUSED, NULL, "the timer of %s started at %s, "
		    "after now: give its end with --stop --at, or --cancel it",
		    handle, local_text(start, local, sizeof local));
	if (end - start > DAY_SECONDS || end > hb_local_instant(day + 1, 0))
		ran_over(&t, start, end, day);

	ran = (end - start) / 60;
	setting = hb_config_get(book, "hours.round");
	if (hb_rounding_parse(setting, &round, NULL) != 0)
		hb_die(HB_EXIT_DATA, "hours.round: \"%s\" is not a rounding "
		    "(book-config hours.round none)", setting);
	minutes = hb_rounding_apply(&round, ran);
	if (minutes == 0)
		hb_fail(HB_EXIT_REFUSED, NULL, "the timer of %s on task %lld ran "
		    "%lld minutes%s%s%s: nothing to log, and the timer runs on "
		    "(--cancel drops it)", handle, (long long)t.task_id,
		    (long long)ran, round.mode != HB_ROUND_NONE
		    ? ", 0 after hours.round (" : "", round.mode != HB_ROUND_NONE
		    ? hb_rounding_format(&round, rule) : "",
		    round.mode != HB_ROUND_NONE ? ")" : "");

	snprintf(task, sizeof task, "%lld", (long long)t.task_id);
	snprintf(duration, sizeof duration, "%lld", (long long)minutes);
	{
		struct hb_entry_input entry = {
			task, duration, hb_date_format(day, date), t.person,
			in->note != NULL && *in->note != '\0' ? in->note : t.note,
			NULL, in->overdraft
		};

		/* Whatever hours-log refuses, it refuses here; the
		 * transaction is not committed, and the timer runs on. */
		before = hb_xprintf("stop refused, the timer of %s runs on",
		    t.person);
		hb_diag_set_context(before);
		free(before);
		hb_hours_log(l, &entry, out);
		hb_diag_set_context(NULL);
	}
	hb_book_timer_delete(book, person_id);
	before = timer_text(&t);
	after = hb_xprintf("entry %lld", (long long)out->id);
	hb_book_event(book, "timer", t.person, "stop", before, after, NULL);
	if (minutes != ran)
		hb_note("the timer of %s ran %lld minutes: logged %lld "
		    "(hours.round %s)", t.person, (long long)ran,
		    (long long)minutes, hb_rounding_format(&round, rule));
	free(before);
	free(after);
	free(setting);
	hb_timer_release(&t);
}

void
hb_timer_cancel(struct hb_book *book, struct hb_logger *l,
    const struct hb_timer_input *in, struct hb_timer *out)
{
	const char *handle;
	int64_t person_id = hb_hours_person(l, in->person, &handle);
	const char *reason = NULL;
	char *text;

	if (in->reason != NULL && *in->reason != '\0')
		reason = hb_field_text("reason", in->reason, NOTE_MAX, 0);
	if (!hb_book_timer_get(book, person_id, out))
		none_runs(handle);
	hb_book_timer_delete(book, person_id);
	text = timer_text(out);
	hb_book_event(book, "timer", out->person, "cancel", text, NULL, reason);
	free(text);
}

const char *const hb_timer_columns[] = {
	"person", "task", "started", "elapsed_minutes", "note", NULL
};

void
hb_timer_print(struct hb_csv_writer *w, const struct hb_timer *t)
{
	int64_t start, now = hb_now();

	hb_csv_text(w, t->person);
	hb_csv_int(w, t->task_id);
	hb_csv_timestamp(w, t->started);
	if (hb_timestamp_parse(t->started, &start, NULL) == 0 && now >= start)
		hb_csv_minutes(w, (now - start) / 60);
	else
		hb_csv_minutes(w, 0);
	hb_csv_text(w, t->note);
	hb_csv_end_row(w);
}

static void
print_one(void *ctx, const struct hb_timer *t)
{
	hb_timer_print(ctx, t);
}

int64_t
hb_timer_scope(struct hb_book *book, const char *person)
{
	const struct hb_actor *a = hb_actor_get(book);
	struct hb_person p;
	int64_t person_id;

	if (person == NULL || *person == '\0')
		return hb_actor_is_staff(a) ? 0 : a->person_id;
	hb_need_person(book, "person", person, &p);
	person_id = p.id;
	hb_person_release(&p);
	if (!hb_actor_is_staff(a) && person_id != a->person_id)
		hb_fail(HB_EXIT_REFUSED, "person", "%s may only see their own "
		    "timer", a->handle);
	return person_id;
}

void
hb_timer_list(struct hb_book *book, int64_t person_id,
    struct hb_csv_writer *w)
{
	hb_book_each_timer(book, person_id, print_one, w);
}
