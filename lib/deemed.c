/*
 * deemed: pausing a task blocked on the client, the days it does not
 * count as late, and deemed delivery at the end of a contract term
 * (deemed.h).
 */
#include <stdlib.h>
#include <string.h>

#include "hourbook/actor.h"
#include "hourbook/balance.h"
#include "hourbook/book.h"
#include "hourbook/clock.h"
#include "hourbook/config.h"
#include "hourbook/deemed.h"
#include "hourbook/diag.h"
#include "hourbook/task.h"

/* ---- pauses ------------------------------------------------------------- */

static hb_day
day_of(const char *timestamp)
{
	int64_t t;

	return timestamp != NULL && hb_timestamp_parse(timestamp, &t, NULL) == 0
	    ? hb_local_day(t) : 0;
}

/* A task's event log read for its pauses: each span (pause day, the day
 * it left blocked] of local days it spent paused, counted within (from,
 * to] on the calendar when cal is not NULL. */
struct pauses {
	const struct hb_calendar *cal;
	hb_day from, to;
	int days;		/* paused business days within (from, to] */
	bool pausing;
	hb_day since;		/* the day of the pause going on */
	hb_day blocked;		/* the day it was last blocked (0: never) */
	bool paused_now;	/* a pause since it was last blocked */
};

static void
count_span(struct pauses *p, hb_day from, hb_day to)
{
	hb_day lo = from > p->from ? from : p->from;
	hb_day hi = to < p->to ? to : p->to;

	if (p->cal != NULL && hi > lo)
		p->days += hb_business_days_between(p->cal, lo, hi);
}

static void
on_pause_event(void *ctx, const struct hb_event *e)
{
	struct pauses *p = ctx;

	if (strcmp(e->what, "paused") == 0) {
		if (!p->pausing) {
			p->pausing = true;
			p->since = day_of(e->at);
		}
		p->paused_now = true;
		return;
	}
	if (strcmp(e->what, "status") != 0 || e->new_value == NULL)
		return;
	/* Leaving blocked ends the pause (an unblock, a cancel, a deemed
	 * delivery). */
	if (p->pausing && strcmp(e->new_value, "blocked") != 0) {
		count_span(p, p->since, day_of(e->at));
		p->pausing = false;
	}
	if (strcmp(e->new_value, "blocked") == 0) {
		p->blocked = day_of(e->at);
		p->paused_now = false;
	}
}

/* The pause still going on lasts to `to`. */
static void
read_pauses(struct hb_book *book, int64_t task, struct pauses *p)
{
	char key[24];

	snprintf(key, sizeof key, "%lld", (long long)task);
	hb_book_each_event(book, "task", key, on_pause_event, p);
	if (p->pausing)
		count_span(p, p->since, p->to);
}

int
hb_task_paused_days(struct hb_book *book, const struct hb_calendar *cal,
    int64_t task, hb_day from, hb_day to)
{
	struct pauses p = { cal, from, to, 0, false, 0, 0, false };

	if (to <= from)
		return 0;
	read_pauses(book, task, &p);
	return p.days;
}

int
hb_task_late_days(struct hb_book *book, const struct hb_calendar *cal,
    int64_t task, hb_day due, hb_day day)
{
	int late;

	if (day <= due)
		return 0;
	late = hb_business_days_between(cal, due, day) -
	    hb_task_paused_days(book, cal, task, due, day);
	return late > 0 ? late : 0;
}

bool
hb_task_late(struct hb_book *book, const struct hb_calendar *cal,
    int64_t task, hb_day due, hb_day day)
{
	int paused;

	if (day <= due)
		return false;
	paused = hb_task_paused_days(book, cal, task, due, day);
	return paused == 0 ||
	    hb_business_days_between(cal, due, day) > paused;
}

bool
hb_task_pause(struct hb_book *book, int64_t id, const char *reason)
{
	const struct hb_actor *a = hb_actor_get(book);
	struct hb_calendar cal;
	struct hb_task t;
	struct pauses p = { NULL, 0, 0, 0, false, 0, 0, false };
	hb_day deadline, today = hb_today();
	int days;
	char key[24], since[HB_DATE_BUFSZ], until[HB_DATE_BUFSZ],
	    from[HB_DATE_BUFSZ];

	if (!hb_book_task_get(book, id, &t))
		hb_fail(HB_EXIT_NOINPUT, "task", "task %lld does not exist",
		    (long long)id);
	if (!hb_actor_is_staff(a))
		hb_fail(HB_EXIT_REFUSED, "pause", "task %lld: %s may not pause "
		    "it: only staff", (long long)id, hb_actor_text(a));
	if (t.status != HB_TASK_BLOCKED)
		hb_fail(HB_EXIT_REFUSED, "pause", "task %lld is %s: only a task "
		    "blocked waiting for the client can be paused",
		    (long long)id, hb_task_state_names[t.status]);
	read_pauses(book, id, &p);
	if (p.paused_now) {
		hb_task_release(&t);
		return false;
	}
	/* The client-info SLA, counted as sla-check counts it: the days
	 * of the project's support window from the day the task was
	 * blocked (business days with the book's window). */
	days = (int)hb_config_int(book, "sla.client_info_days", t.project_id);
	hb_config_calendar(book, &cal);
	free(hb_config_window(book, t.project_id, p.blocked, &cal.support));
	deadline = hb_day_check(hb_support_days_add(&cal, p.blocked, days),
	    "the client-info deadline of task %lld", (long long)id);
	hb_config_calendar_release(&cal);
	hb_date_format(p.blocked, since);
	hb_date_format(deadline, until);
	if (today <= deadline)
		hb_fail(HB_EXIT_REFUSED, "pause", "task %lld was blocked on %s: "
		    "the client has until %s (sla.client_info_days: %d business "
		    "day%s) to send what it waits for; it may be paused from %s",
		    (long long)id, since, until, days, days == 1 ? "" : "s",
		    hb_date_format(deadline + 1, from));
	snprintf(key, sizeof key, "%lld", (long long)id);
	hb_book_event(book, "task", key, "paused", since, until, reason);
	hb_task_release(&t);
	return true;
}

/* ---- deemed delivery ---------------------------------------------------- */

/* A project's contracts, as its packages and agreement are read. */
struct spans {
	size_t n, cap;
	struct hb_term_span *s;
	bool share_open;	/* reading the agreement: a step holds */
	hb_day share_start;
};

static void
add_span(struct spans *ss, hb_day start, hb_day end, bool open)
{
	if (ss->n == ss->cap) {
		ss->cap = ss->cap ? 2 * ss->cap : 8;
		ss->s = hb_xrealloc(ss->s, ss->cap * sizeof *ss->s);
	}
	ss->s[ss->n].start = start;
	ss->s[ss->n].end = end;
	ss->s[ss->n].open = open;
	ss->n++;
}

/* A package's term: from its first month (monthly) or the day it was
 * made, to the day it was closed, or else the end of its monthly term
 * or its expiry, whichever comes first; open without any. */
static void
on_package(void *ctx, const struct hb_row *row)
{
	struct spans *ss = ctx;
	hb_day start, end = 0, day;
	bool has_end = false;

	if (!hb_row_null(row, HB_TERMP_START) &&
	    hb_month_parse(hb_row_text(row, HB_TERMP_START), &start, NULL) == 0) {
		if (!hb_row_null(row, HB_TERMP_MONTHS)) {
			end = hb_next_month(hb_month_add(start,
			    (int)hb_row_int(row, HB_TERMP_MONTHS) - 1)) - 1;
			has_end = true;
		}
	} else
		start = day_of(hb_row_text(row, HB_TERMP_CREATED));
	if (!hb_row_null(row, HB_TERMP_EXPIRES) &&
	    hb_date_parse(hb_row_text(row, HB_TERMP_EXPIRES), &day, NULL) == 0 &&
	    (!has_end || day < end)) {
		end = day;
		has_end = true;
	}
	if (strcmp(hb_row_text(row, HB_TERMP_STATUS), "closed") == 0) {
		if (hb_row_null(row, HB_TERMP_CLOSED_ON) ||
		    hb_date_parse(hb_row_text(row, HB_TERMP_CLOSED_ON), &day,
		    NULL) != 0)
			return;
		end = day;
		has_end = true;
	}
	add_span(ss, start, end, !has_end);
}

/* The agreement's steps: one with terms opens it (if it is not open),
 * one without ends it the day before its month. */
static void
on_share(void *ctx, const struct hb_row *row)
{
	struct spans *ss = ctx;
	hb_day first;

	if (hb_month_parse(hb_row_text(row, HB_TERMS_FROM), &first, NULL) != 0)
		return;
	if (hb_row_int(row, HB_TERMS_ENDS) == 0) {
		if (!ss->share_open) {
			ss->share_open = true;
			ss->share_start = first;
		}
	} else if (ss->share_open) {
		add_span(ss, ss->share_start, first - 1, false);
		ss->share_open = false;
	}
}

hb_day
hb_term_end(const struct hb_term_span *span, size_t n, hb_day from,
    hb_day limit)
{
	hb_day best = 0;

	for (size_t i = 0; i < n; i++) {
		hb_day e = span[i].end;
		bool followed = false;

		if (span[i].open || e < from || e > limit ||
		    (best != 0 && e >= best))
			continue;
		for (size_t k = 0; k < n && !followed; k++)
			followed = k != i && span[k].start <= e + 1 &&
			    (span[k].open || span[k].end >= e + 1);
		if (!followed)
			best = e;
	}
	return best;
}

struct blocked {
	int64_t task, project;
	char *code, *title, *currency;
	hb_day since;
};

struct blocked_list {
	size_t n, cap;
	struct blocked *b;
};

static void
on_blocked(void *ctx, const struct hb_row *row)
{
	struct blocked_list *l = ctx;
	struct blocked *b;

	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->b = hb_xrealloc(l->b, l->cap * sizeof *l->b);
	}
	b = &l->b[l->n++];
	b->task = hb_row_int(row, HB_DEEMED_TASK);
	b->project = hb_row_int(row, HB_DEEMED_PROJECT);
	b->code = hb_xstrdup(hb_row_text(row, HB_DEEMED_CODE));
	b->title = hb_xstrdup(hb_row_text(row, HB_DEEMED_TITLE));
	b->currency = hb_xstrdup(hb_row_text(row, HB_DEEMED_CURRENCY));
	b->since = day_of(hb_row_text(row, HB_DEEMED_SINCE));
}

void
hb_deemed_run(struct hb_book *book, hb_day last,
    bool (*may)(void *ctx, int64_t project),
    void (*fn)(void *ctx, const struct hb_deemed *), void *ctx)
{
	struct blocked_list l = { 0 };
	hb_day limit = last < hb_today() ? last : hb_today();

	/* Read first: the moves write to the tasks read. */
	hb_book_query(book, HB_Q_DEEMED_TASKS, NULL, 0, on_blocked, &l);
	for (size_t i = 0; i < l.n; i++) {
		struct blocked *b = &l.b[i];
		struct spans ss = { 0 };
		struct hb_param p[] = { hb_int(b->project) };
		hb_day end;

		hb_book_query(book, HB_Q_TERM_PACKAGES, p, 1, on_package, &ss);
		hb_book_query(book, HB_Q_TERM_SHARES, p, 1, on_share, &ss);
		if (ss.share_open)
			add_span(&ss, ss.share_start, 0, true);
		end = b->since != 0 ? hb_term_end(ss.s, ss.n, b->since, limit)
		    : 0;
		if (end != 0 && may(ctx, b->project)) {
			struct hb_deemed d = { b->task, b->project, b->code,
			    b->title, b->currency, b->since, end };
			char at[HB_TIMESTAMP_BUFSZ], day[HB_DATE_BUFSZ],
			    since[HB_DATE_BUFSZ];
			char *reason;

			hb_date_format(end, day);
			reason = hb_xprintf("deemed delivered: blocked since %s, "
			    "the client's information had not come by the end "
			    "of the contract term on %s", hb_date_format(b->since,
			    since), day);
			hb_task_deem_delivered(book, b->task, hb_timestamp_format(
			    hb_local_instant(end, 24 * 60 - 1), at), day, reason);
			free(reason);
			fn(ctx, &d);
		}
		free(ss.s);
		free(b->code);
		free(b->title);
		free(b->currency);
	}
	free(l.b);
}
