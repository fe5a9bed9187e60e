/*
 * balance: a package's figures, computed in one place.
 *
 * Every command that shows or uses a package's hours (hours-log, the
 * extra-request check of task-add and task-set, package-set, report-export
 * balances and activities, sla-check, billing-run) reads them from here,
 * and nothing else sums the ledger.  As of a day T:
 *
 *   loaded     the hours loaded by payments (plus bonus) until T
 *   used       what time entries dated until T drew from the package
 *   lapsed     what can no longer be used: everything left once the
 *              package expired (T after its expiry date) or closed; for a
 *              monthly plan that lapses, each month's unused hours once
 *              the month has ended; decided by the clock, whether or not
 *              billing-run ran
 *   usable     loaded - used - lapsed: what time may still draw
 *   committed  the share of the project's commitments this package
 *              carries: the estimates (times the urgent factor) of agreed,
 *              unfinished tasks, less what they have billed; the oldest
 *              active package takes what it can hold, the newest the rest
 *   available  usable - committed (negative: commitments beyond the
 *              hours; the client should buy more)
 *
 * A day is the resolution: loads, invoices and payments count from the
 * day they are dated, in the book's time zone (billing-run dates the
 * invoice of a month's fees on its last day).
 *
 * What an entry dated D may draw (hb_balances_drawable) are the hours
 * that were good on D: of an active package not expired on D, what is
 * left; of a lapsing monthly plan, what is left of D's own month.  An
 * entry logged late, dated before an expiry or a month's end, still draws
 * on those hours (and so takes back part of what lapsed); nothing draws
 * on a closed package.  A monthly plan's period N is the N-th calendar
 * month from its start month.
 */
#ifndef HOURBOOK_BALANCE_H
#define HOURBOOK_BALANCE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hourbook/date.h"

struct hb_book;
struct hb_scope;
struct hb_package;

/* The packages of some projects with their ledgers, as of a day. */
struct hb_balances;

/* Read every package of the scope's projects (scope: book.h) with its
 * loads, use and the projects' commitments, and compute the figures as
 * of day (loads and entries dated after it are not counted).  The caller
 * frees the set with hb_balances_free. */
struct hb_balances *hb_balances_load(struct hb_book *book,
    const struct hb_scope *scope, hb_day day);
void hb_balances_free(struct hb_balances *b);

size_t hb_balances_count(const struct hb_balances *b);
/* Package i, ordered by project and id, with its figures filled in
 * (borrowed; valid until the set changes or is freed). */
const struct hb_package *hb_balances_package(const struct hb_balances *b,
    size_t i);
/* The index of package id, or -1. */
ptrdiff_t hb_balances_find(const struct hb_balances *b, int64_t id);

/* The project's active packages, oldest first: their indexes into *out
 * (the caller frees it), and how many. */
size_t hb_balances_active(const struct hb_balances *b, int64_t project_id,
    size_t **out);
/* Sum of available over the project's active packages, less what of the
 * project's commitments no package carries. */
int64_t hb_balances_project_available(const struct hb_balances *b,
    int64_t project_id);

/* What an entry dated day may draw now from package i. */
int64_t hb_balances_drawable(const struct hb_balances *b, size_t i,
    hb_day day);
/* Record a draw of minutes by an entry dated day (negative: given back by
 * a reversal) and refresh the project's figures. */
void hb_balances_draw(struct hb_balances *b, size_t i, hb_day day,
    int64_t minutes);
/* The project's commitments changed by delta minutes (time logged on a
 * committed task); refresh its figures. */
void hb_balances_commit(struct hb_balances *b, int64_t project_id,
    int64_t delta);

/* The task states whose estimates are committed (agreed, unfinished), as
 * ",open,approved,...," for the book's queries; true for one of them. */
const char *hb_committed_states(void);
bool hb_state_committed(int state);

/* The first day of the month `months` after the month holding day. */
hb_day hb_month_add(hb_day day, int months);

#endif
