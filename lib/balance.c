/*
 * balance: the packages of some projects, their ledgers and figures.
 *
 * A set reads, for every project in its scope, all its packages (the
 * commitments are shared among them), their loads and what the entries
 * drew per month: five queries whatever the number of packages.  The
 * figures are then pure arithmetic on what was read, redone for a
 * project whenever the hours ledger (hours.c) draws on one of its
 * packages within a batch.
 */
#include <stdlib.h>
#include <string.h>

#include "hourbook/balance.h"
#include "hourbook/book.h"
#include "hourbook/config.h"
#include "hourbook/diag.h"
#include "hourbook/money.h"
#include "hourbook/package.h"
#include "hourbook/task.h"

struct month_use {
	hb_day month;		/* its first day */
	int64_t minutes;
};

struct pkg {
	struct hb_package rec;	/* the record, and its figures */
	struct hb_load *loads;
	size_t nloads;
	struct month_use *use;	/* ascending by month */
	size_t nuse, capuse;
};

struct project {
	int64_t id;
	size_t first, n;	/* its packages: pkgs[first .. first + n) */
	int64_t committed;	/* the project's commitments, in minutes */
};

struct hb_balances {
	hb_day day;
	struct pkg *pkgs;
	size_t n, cap;
	struct project *projects;
	size_t nprojects;
	int64_t factor;		/* task.urgent_factor */
};

/* ---- task states ------------------------------------------------------ */

bool
hb_state_committed(int state)
{
	return state == HB_TASK_OPEN || state == HB_TASK_APPROVED ||
	    state == HB_TASK_IN_PROGRESS || state == HB_TASK_DELIVERED ||
	    state == HB_TASK_REVISION;
}

const char *
hb_committed_states(void)
{
	static char buf[HB_TASK_STATE_LIST_BUFSZ];

	return buf[0] ? buf : hb_task_state_list(hb_state_committed, buf,
	    sizeof buf);
}

/* ---- months ------------------------------------------------------------ */

hb_day
hb_month_add(hb_day day, int months)
{
	int y, m, d;

	hb_civil_from_day(day, &y, &m, &d);
	m += months;
	y += (m - 1) / 12 - (m < 1 && (m - 1) % 12 != 0);
	m = ((m - 1) % 12 + 12) % 12 + 1;
	return hb_day_from_civil(y, m, 1);
}

static hb_day
month_of(hb_day day)
{
	return hb_month_add(day, 0);
}

/* The period of a monthly package that month is (1 for its start month),
 * or 0 when the package has no start yet. */
static int
period_of(const struct hb_package *p, hb_day month)
{
	int y0, m0, y, m, d;

	if (!p->has_start)
		return 0;
	hb_civil_from_day(p->start, &y0, &m0, &d);
	hb_civil_from_day(month, &y, &m, &d);
	return (y - y0) * 12 + (m - m0) + 1;
}

/* ---- one package -------------------------------------------------------- */

static int64_t
used_in(const struct pkg *k, hb_day month)
{
	for (size_t i = 0; i < k->nuse; i++)
		if (k->use[i].month == month)
			return k->use[i].minutes;
	return 0;
}

static int64_t
loaded_for(const struct pkg *k, int period)
{
	int64_t sum = 0;

	for (size_t i = 0; i < k->nloads; i++)
		if (k->loads[i].period == period)
			sum += k->loads[i].minutes;
	return sum;
}

static bool
monthly_lapse(const struct hb_package *p)
{
	return p->lapse && strcmp(p->plan, "monthly") == 0;
}

/* Gone for good as of day: closed or expired, everything left. */
static bool
ended(const struct hb_package *p, hb_day day)
{
	return (p->has_closed && p->closed_on <= day) ||
	    (p->has_expires && p->expires < day);
}

static int64_t
lapsed_at(const struct pkg *k, hb_day day)
{
	const struct hb_package *p = &k->rec;
	int64_t sum = 0;

	if (ended(p, day))
		return p->loaded - p->used > 0 ? p->loaded - p->used : 0;
	if (!monthly_lapse(p) || !p->has_start)
		return 0;
	/* Each month that has ended takes its unused hours with it. */
	for (int q = 1; q <= p->months; q++) {
		hb_day month = hb_month_add(p->start, q - 1);
		int64_t left;

		if (hb_next_month(month) - 1 >= day)
			break;
		left = loaded_for(k, q) - used_in(k, month);
		if (left > 0)
			sum += left;
	}
	return sum;
}

static bool
active(const struct hb_package *p)
{
	return strcmp(p->status, "active") == 0;
}

int64_t
hb_balances_drawable(const struct hb_balances *b, size_t i, hb_day day)
{
	const struct pkg *k = &b->pkgs[i];
	const struct hb_package *p = &k->rec;
	hb_day month;
	int q;
	int64_t left;

	/* Time draws on the hours that were good on its date: an entry
	 * logged late, dated before an expiry or a month's end, still draws
	 * on them (and takes back from what lapsed); nothing draws on a
	 * package once it is closed. */
	if (!active(p) || (p->has_expires && p->expires < day))
		return 0;
	if (monthly_lapse(p)) {
		month = month_of(day);
		q = period_of(p, month);
		if (q < 1 || q > p->months)
			return 0;
		left = loaded_for(k, q) - used_in(k, month);
	} else {
		left = p->loaded - p->used;
	}
	return left > 0 ? left : 0;
}

/* ---- a project's figures ------------------------------------------------ */

/* The minutes of a package are bounded (HB_MINUTES_MAX a load), but a
 * project's commitments add up estimates times the urgent factor over
 * any number of tasks: a figure that does not fit in 64 bits is refused,
 * never shown wrapped. */
static _Noreturn void
too_large(const struct hb_balances *b, const struct project *j)
{
	hb_die(HB_EXIT_DATA, "the total of the estimates of project %s's "
	    "agreed tasks is too large", b->pkgs[j->first].rec.project);
}

static void
figure_project(struct hb_balances *b, const struct project *j)
{
	int64_t rest = j->committed;
	size_t last = j->n;

	for (size_t i = 0; i < j->n; i++)
		if (active(&b->pkgs[j->first + i].rec))
			last = i;
	for (size_t i = 0; i < j->n; i++) {
		struct pkg *k = &b->pkgs[j->first + i];
		struct hb_package *p = &k->rec;
		int64_t share;

		p->lapsed = lapsed_at(k, b->day);
		p->usable = p->loaded - p->used - p->lapsed;	/* bounded */
		p->committed = 0;
		if (active(p)) {
			share = p->usable > 0 ? p->usable : 0;
			if (share > rest || i == last)
				share = rest;
			p->committed = share;
			rest -= share;
		}
		if (!hb_sub(p->usable, p->committed, &p->available))
			too_large(b, j);
		p->awaiting_payment = p->invoiced_periods > p->paid_periods;
	}
}

static struct project *
project_of(struct hb_balances *b, int64_t id)
{
	for (size_t i = 0; i < b->nprojects; i++)
		if (b->projects[i].id == id)
			return &b->projects[i];
	return NULL;
}

/* ---- reading a set ------------------------------------------------------ */

static void
take_package(void *ctx, struct hb_package *p)
{
	struct hb_balances *b = ctx;
	struct project *j;

	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		b->pkgs = hb_xrealloc(b->pkgs, b->cap * sizeof *b->pkgs);
	}
	memset(&b->pkgs[b->n], 0, sizeof b->pkgs[b->n]);
	b->pkgs[b->n].rec = *p;
	if (b->nprojects == 0 ||
	    b->projects[b->nprojects - 1].id != p->project_id) {
		b->projects = hb_xrealloc(b->projects,
		    (b->nprojects + 1) * sizeof *b->projects);
		j = &b->projects[b->nprojects++];
		j->id = p->project_id;
		j->first = b->n;
		j->n = 0;
		j->committed = 0;
	}
	b->projects[b->nprojects - 1].n++;
	b->n++;
}

/* Rows arrive ordered by package: the last package found is the likely
 * one. */
static struct pkg *
pkg_of(struct hb_balances *b, int64_t id, size_t *hint)
{
	if (*hint < b->n && b->pkgs[*hint].rec.id == id)
		return &b->pkgs[*hint];
	for (size_t i = 0; i < b->n; i++)
		if (b->pkgs[i].rec.id == id) {
			*hint = i;
			return &b->pkgs[i];
		}
	return NULL;
}

struct reading {
	struct hb_balances *b;
	size_t hint;
};

static void
take_load(void *ctx, const struct hb_load *l)
{
	struct reading *r = ctx;
	struct pkg *k = pkg_of(r->b, l->package_id, &r->hint);

	if (k == NULL)
		return;
	k->loads = hb_xrealloc(k->loads, (k->nloads + 1) * sizeof *k->loads);
	k->loads[k->nloads++] = *l;
	k->rec.loaded += l->minutes;
}

/* Add what package k drew on a day of month: the days come in order, so
 * the month is most often the last one. */
static void
add_use(struct pkg *k, hb_day month, int64_t minutes)
{
	size_t i;

	if (k->nuse > 0 && k->use[k->nuse - 1].month <= month)
		i = k->use[k->nuse - 1].month == month ? k->nuse - 1 : k->nuse;
	else
		for (i = 0; i < k->nuse && k->use[i].month < month; i++)
			;
	if (i == k->nuse || k->use[i].month != month) {
		if (k->nuse == k->capuse) {
			k->capuse = k->capuse ? 2 * k->capuse : 8;
			k->use = hb_xrealloc(k->use, k->capuse * sizeof *k->use);
		}
		memmove(&k->use[i + 1], &k->use[i],
		    (k->nuse - i) * sizeof *k->use);
		k->use[i].month = month;
		k->use[i].minutes = 0;
		k->nuse++;
	}
	if (!hb_add(k->use[i].minutes, minutes, &k->use[i].minutes) ||
	    !hb_add(k->rec.used, minutes, &k->rec.used))
		hb_die(HB_EXIT_DATA, "the total of the minutes drawn from "
		    "package %lld is too large", (long long)k->rec.id);
}

static void
take_use(void *ctx, int64_t package_id, hb_day month, int64_t minutes)
{
	struct reading *r = ctx;
	struct pkg *k = pkg_of(r->b, package_id, &r->hint);

	if (k != NULL)
		add_use(k, month, minutes);
}

static void
take_periods(void *ctx, int64_t package_id, int invoiced, int paid,
    const char *last_issued)
{
	struct reading *r = ctx;
	struct pkg *k = pkg_of(r->b, package_id, &r->hint);

	(void)last_issued;
	if (k == NULL)
		return;
	k->rec.invoiced_periods = invoiced;
	k->rec.paid_periods = paid;
}

static void
take_commitment(void *ctx, const struct hb_commitment *c)
{
	struct reading *r = ctx;
	struct project *j = project_of(r->b, c->project_id);
	int64_t need;

	if (j == NULL)
		return;
	if (!hb_mul(c->estimate, c->urgent ? r->b->factor : 1, &need))
		too_large(r->b, j);
	if (need > c->billed && !hb_add(j->committed, need - c->billed,
	    &j->committed))
		too_large(r->b, j);
}

struct hb_balances *
hb_balances_load(struct hb_book *book, const struct hb_scope *scope,
    hb_day day)
{
	struct hb_balances *b = hb_xcalloc(1, sizeof *b);
	struct reading r = { b, 0 };

	b->day = day;
	b->factor = hb_config_int(book, "task.urgent_factor", 0);
	hb_book_scope_packages(book, scope, take_package, b);
	if (b->n == 0)
		return b;
	hb_book_scope_loads(book, scope, day, take_load, &r);
	hb_book_scope_use(book, scope, day, take_use, &r);
	hb_book_scope_periods(book, scope, day, take_periods, &r);
	hb_book_scope_commitments(book, scope, hb_committed_states(),
	    take_commitment, &r);
	for (size_t i = 0; i < b->nprojects; i++)
		figure_project(b, &b->projects[i]);
	return b;
}

void
hb_balances_free(struct hb_balances *b)
{
	if (b == NULL)
		return;
	for (size_t i = 0; i < b->n; i++) {
		hb_package_release(&b->pkgs[i].rec);
		free(b->pkgs[i].loads);
		free(b->pkgs[i].use);
	}
	free(b->pkgs);
	free(b->projects);
	free(b);
}

size_t
hb_balances_count(const struct hb_balances *b)
{
	return b->n;
}

const struct hb_package *
hb_balances_package(const struct hb_balances *b, size_t i)
{
	return &b->pkgs[i].rec;
}

ptrdiff_t
hb_balances_find(const struct hb_balances *b, int64_t id)
{
	for (size_t i = 0; i < b->n; i++)
		if (b->pkgs[i].rec.id == id)
			return (ptrdiff_t)i;
	return -1;
}

size_t
hb_balances_active(const struct hb_balances *b, int64_t project_id,
    size_t **out)
{
	const struct project *j = project_of((struct hb_balances *)b,
	    project_id);
	size_t n = 0;

	*out = NULL;
	if (j == NULL)
		return 0;
	*out = hb_xcalloc(j->n + 1, sizeof **out);
	for (size_t i = 0; i < j->n; i++)
		if (active(&b->pkgs[j->first + i].rec))
			(*out)[n++] = j->first + i;
	return n;
}

int64_t
hb_balances_project_available(const struct hb_balances *b,
    int64_t project_id)
{
	const struct project *j = project_of((struct hb_balances *)b,
	    project_id);
	int64_t sum = 0, carried = 0;

	if (j == NULL)
		return 0;
	/* The packages' shares add up to at most the project's
	 * commitments: carried fits, their available minutes may not. */
	for (size_t i = 0; i < j->n; i++) {
		const struct hb_package *p = &b->pkgs[j->first + i].rec;

		if (active(p)) {
			if (!hb_add(sum, p->available, &sum))
				too_large(b, j);
			carried += p->committed;
		}
	}
	if (!hb_sub(sum, j->committed - carried, &sum))
		too_large(b, j);
	return sum;
}

void
hb_balances_draw(struct hb_balances *b, size_t i, hb_day day,
    int64_t minutes)
{
	struct pkg *k = &b->pkgs[i];

	add_use(k, month_of(day), minutes);
	figure_project(b, project_of(b, k->rec.project_id));
}

void
hb_balances_commit(struct hb_balances *b, int64_t project_id, int64_t delta)
{
	struct project *j = project_of(b, project_id);

	if (j == NULL || delta == 0)
		return;
	if (!hb_add(j->committed, delta, &j->committed))
		too_large(b, j);
	figure_project(b, j);
}
