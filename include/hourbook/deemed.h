/*
 * deemed: pausing a task blocked on the client, and deemed delivery
 * (issue 20, part 3; seed 001: "if we have not received the information
 * before the end of the contract term, the service is considered
 * rendered in full and accepted in full").
 *
 * A pause is an event ("paused") on a blocked task, made by staff once
 * the client-info SLA has passed; it lasts until the task leaves
 * blocked.  The business days it covers are not late days: not for the
 * late-delivery penalty, not for the late marks.
 *
 * A project that opts in (project.deemed_delivery) has its tasks still
 * blocked at the end of its contract term made done, as deemed
 * delivered, by billing-run.
 */
#ifndef HOURBOOK_DEEMED_H
#define HOURBOOK_DEEMED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hourbook/calendar.h"
#include "hourbook/date.h"

struct hb_book;

/* Business days in (from, to] that task spent paused: a pause covers the
 * business days after the day it was made up to the day the task left
 * blocked (to `to` while it is still paused).  hb_business_days_between
 * minus this is the task's late days. */
int hb_task_paused_days(struct hb_book *book, const struct hb_calendar *cal,
    int64_t task, hb_day from, hb_day to);

/* Business days late on day `day` for a task due on `due`, its paused
 * days not counted: 0 when it is not late. */
int hb_task_late_days(struct hb_book *book, const struct hb_calendar *cal,
    int64_t task, hb_day due, hb_day day);

/* Is a task due on `due` late on `day`: after its due date, unless the
 * business days since it are all days it spent paused. */
bool hb_task_late(struct hb_book *book, const struct hb_calendar *cal,
    int64_t task, hb_day due, hb_day day);

/* task-set --pause: staff, on a blocked task whose client-info SLA has
 * passed; else exit 1 saying why and from when.  Returns false when the
 * task was paused already (no change). */
bool hb_task_pause(struct hb_book *book, int64_t task, const char *reason);

/* A contract of a project: a package the client accepted, or a run of
 * its sales-share agreement; it holds on the days start..end (end
 * meaningless when open: a contract with no end yet). */
struct hb_term_span {
	hb_day start, end;
	bool open;
};
/* The first end of a term on day `from` or after it and on `limit` or
 * before: the end of a contract the day after which no contract of the
 * n holds.  0 when there is none. */
hb_day hb_term_end(const struct hb_term_span *span, size_t n, hb_day from,
    hb_day limit);

/* One task deemed delivered by billing-run. */
struct hb_deemed {
	int64_t task, project;
	const char *code, *title, *currency;
	hb_day blocked, term_end;
};
/* billing-run: every task of an opted-in project blocked at the end of
 * its contract term (a day <= last and <= today) is made done, its
 * events dated at the term's end; fn is called for each, after the move.
 * may(ctx, project) says whether the run can show it on an invoice now
 * (false: leave it for a later run). */
void hb_deemed_run(struct hb_book *book, hb_day last,
    bool (*may)(void *ctx, int64_t project),
    void (*fn)(void *ctx, const struct hb_deemed *), void *ctx);

#endif
