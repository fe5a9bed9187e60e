/*
 * billing: invoices for a month, made once.
 */
#include <stdlib.h>
#include <string.h>

#include "hourbook/actor.h"
#include "hourbook/billing.h"
#include "hourbook/balance.h"
#include "hourbook/book.h"
#include "hourbook/calendar.h"
#include "hourbook/clock.h"
#include "hourbook/config.h"
#include "hourbook/deemed.h"
#include "hourbook/diag.h"
#include "hourbook/duration.h"
#include "hourbook/money.h"
#include "hourbook/sales.h"
#include "hourbook/voucher.h"


struct line {
	const char *kind;
	char *description;
	bool has_quantity;
	int64_t quantity, unit_price, amount;
	int64_t task_id, package_invoice_id;
	int64_t sales_id;	/* minimum, share: the figures billed */
	char from[HB_DATE_BUFSZ];	/* overage: the day its rate began */
};

/* The lines of one invoice to be: a project (and its code, for
 * messages), a package (0: none), and the client's currency. */
struct bill {
	int64_t project_id, package_id;
	char project[72];
	char currency[8];
	size_t n;
	struct line *line;	/* any number of them */
	size_t cap;
};

struct run {
	struct hb_book *book;
	hb_day first, last;
	bool ended;		/* the month is over: its sales are in */
	char month[8];
	struct hb_calendar cal;
	struct bill *bills;
	size_t nbills;
};

int64_t
hb_penalty(int64_t value, int32_t base, int32_t daily, int days)
{
	int64_t pct = (int64_t)base + (int64_t)daily * days, out;

	if (pct > 10000)
		pct = 10000;
	if (!hb_money_percent(value, (int32_t)pct, &out))
		hb_die(HB_EXIT_DATA, "a penalty is too large");
	return out;
}

static int64_t
first_int(struct hb_book *book, enum hb_query q, const struct hb_param *p,
    size_t n);

static void
take_int(void *ctx, const struct hb_row *row)
{
	*(int64_t *)ctx = hb_row_null(row, 0) ? 0 : hb_row_int(row, 0);
}

static int64_t
first_int(struct hb_book *book, enum hb_query q, const struct hb_param *p,
    size_t n)
{
	int64_t v = 0;

	hb_book_query(book, q, p, n, take_int, &v);
	return v;
}

/* The bill for (project, package), made on first use. */
static struct bill *
bill_for(struct run *r, int64_t project_id, int64_t package_id,
    const char *currency, const char *project)
{
	struct bill *b;

	for (size_t i = 0; i < r->nbills; i++)
		if (r->bills[i].project_id == project_id &&
		    r->bills[i].package_id == package_id)
			return &r->bills[i];
	r->bills = hb_xrealloc(r->bills, (r->nbills + 1) * sizeof *r->bills);
	b = &r->bills[r->nbills++];
	memset(b, 0, sizeof *b);
	b->project_id = project_id;
	b->package_id = package_id;
	snprintf(b->project, sizeof b->project, "%s", project);
	snprintf(b->currency, sizeof b->currency, "%s", currency);
	return b;
}

static struct line *
add_line(struct bill *b, const char *kind)
{
	struct line *l;

	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 8;
		b->line = hb_xrealloc(b->line, b->cap * sizeof *b->line);
	}
	l = &b->line[b->n++];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	return l;
}

/* The newest package of a project carries its overage and penalties. */
static int64_t
newest_package(struct run *r, int64_t project_id)
{
	struct hb_param p[] = { hb_int(project_id) };

	return first_int(r->book, HB_Q_NEWEST_PACKAGE, p, 1);
}

/* A monthly plan's next month is invoiced with the month before it:
 * billing-run for M invoices every period up to the one for M + 1 (and
 * so catches up months a skipped run did not invoice), within the
 * plan's term.  Its hours load when it is paid. */
static void
invoice_month(void *ctx, const struct hb_row *row)
{
	struct run *r = ctx;
	int64_t id = hb_row_int(row, HB_MONTHLY_PACKAGE), price = hb_row_int(row, HB_MONTHLY_PRICE);
	int invoiced = (int)hb_row_int(row, HB_MONTHLY_INVOICED), months = (int)hb_row_int(row, HB_MONTHLY_MONTHS);
	hb_day start, upto = hb_next_month(r->first);
	char key[24], p[16], amount[HB_MONEY_BUFSZ];

	if (hb_month_parse(hb_row_text(row, HB_MONTHLY_START), &start, NULL) != 0)
		return;
	snprintf(key, sizeof key, "%lld", (long long)id);
	for (int q = invoiced + 1; q <= months &&
	    hb_month_add(start, q - 1) <= upto; q++) {
		/* Billing 9999-12 would invoice 10000-01. */
		hb_day_check(hb_month_add(start, q - 1), "%s: month %d of "
		    "package %lld", r->month, q, (long long)id);
		hb_book_package_invoice_add(r->book, id, q, price, r->last);
		snprintf(p, sizeof p, "%d", q);
		hb_book_event(r->book, "package", key, "invoiced", p,
		    hb_money_format(price, '.', amount), r->month);
	}
}

/* A sales-share agreement's month (sales.h): its minimum fee and, above
 * the threshold, its share, on the project's invoice without a package.
 * Only an ended month: its figures come after it. */
static void
share_lines(void *ctx, const struct hb_row *row)
{
	struct run *r = ctx;
	const char *code = hb_row_text(row, HB_TOBILL_CODE);
	struct hb_share_terms t = { 0 };
	struct hb_share_lines sl;
	int64_t standing = hb_row_int(row, HB_TOBILL_STANDING);
	bool has = standing > 0;
	struct bill *b;
	struct line *l;

	if (!r->ended) {
		hb_warn("%s: the sales share of project %s is not billed: the "
		    "month has not ended, and its sales figures come after it "
		    "(billing-run --month %s again then)", r->month, code,
		    r->month);
		return;
	}
	t.active = true;
	t.minimum = hb_row_int(row, HB_TOBILL_MINIMUM);
	t.by_revenue = strcmp(hb_row_text(row, HB_TOBILL_KPI), "revenue") == 0;
	t.threshold = hb_row_int(row, HB_TOBILL_THRESHOLD);
	t.percent = (int32_t)hb_row_int(row, HB_TOBILL_PERCENT);
	t.has_cap = !hb_row_null(row, HB_TOBILL_CAP);
	t.cap = hb_row_int(row, HB_TOBILL_CAP);
	if (!hb_share_lines(&t, r->month, has, hb_row_int(row, HB_TOBILL_UNITS),
	    hb_row_int(row, HB_TOBILL_REVENUE), &sl))
		hb_die(HB_EXIT_DATA, "%s: the sales share of project %s is too "
		    "large", r->month, code);
	if (!has)
		hb_warn("%s: project %s has no sales figures for the month: its "
		    "sales share is billed at the minimum fee", r->month, code);
	b = bill_for(r, hb_row_int(row, HB_TOBILL_PROJECT), 0,
	    hb_row_text(row, HB_TOBILL_CURRENCY), code);
	l = add_line(b, "minimum");
	l->description = sl.minimum_text;
	l->unit_price = l->amount = t.minimum;
	l->sales_id = standing;
	sl.minimum_text = NULL;
	if (sl.has_share) {
		l = add_line(b, "share");
		l->description = sl.share_text;
		l->unit_price = sl.base;
		l->amount = sl.share;
		l->sales_id = standing;
		sl.share_text = NULL;
	}
	hb_share_lines_release(&sl);
}

/* Figures that came after their month was billed at the minimum: the
 * month's share, billed late on this month's invoice, once (the line
 * names the figures).  At or below the threshold the line is 0.00 and
 * says so: it is what makes those figures final. */
static void
late_share_line(void *ctx, const struct hb_row *row)
{
	struct run *r = ctx;
	const char *code = hb_row_text(row, HB_LSHARE_CODE);
	const char *month = hb_row_text(row, HB_LSHARE_MONTH);
	struct hb_share_terms t = { 0 };
	struct hb_share_lines sl;
	struct bill *b;
	struct line *l;

	if (!r->ended)
		return;		/* share_lines says why */
	t.active = true;
	t.minimum = hb_row_int(row, HB_LSHARE_MINIMUM);
	t.by_revenue = strcmp(hb_row_text(row, HB_LSHARE_KPI), "revenue") == 0;
	t.threshold = hb_row_int(row, HB_LSHARE_THRESHOLD);
	t.percent = (int32_t)hb_row_int(row, HB_LSHARE_PERCENT);
	t.has_cap = !hb_row_null(row, HB_LSHARE_CAP);
	t.cap = hb_row_int(row, HB_LSHARE_CAP);
	if (!hb_share_lines(&t, month, true, hb_row_int(row, HB_LSHARE_UNITS),
	    hb_row_int(row, HB_LSHARE_REVENUE), &sl))
		hb_die(HB_EXIT_DATA, "%s: the sales share of project %s is too "
		    "large", month, code);
	b = bill_for(r, hb_row_int(row, HB_LSHARE_PROJECT), 0,
	    hb_row_text(row, HB_LSHARE_CURRENCY), code);
	l = add_line(b, "share");
	l->sales_id = hb_row_int(row, HB_LSHARE_SALES);
	if (sl.has_share) {
		l->description = hb_xprintf("%s; its figures came after "
		    "invoice %lld billed the month at the minimum",
		    sl.share_text, (long long)hb_row_int(row, HB_LSHARE_INVOICE));
		l->unit_price = sl.base;
		l->amount = sl.share;
	} else {
		l->description = hb_xprintf("sales share for %s: none, %s; its "
		    "figures came after invoice %lld billed the month at the "
		    "minimum", month, sl.figures_text,
		    (long long)hb_row_int(row, HB_LSHARE_INVOICE));
	}
	hb_share_lines_release(&sl);
}

static void
fee_line(void *ctx, const struct hb_row *row)
{
	struct run *r = ctx;
	struct bill *b = bill_for(r, hb_row_int(row, HB_FEE_PROJECT), hb_row_int(row, HB_FEE_PACKAGE),
	    hb_row_text(row, HB_FEE_CURRENCY), hb_row_text(row, HB_FEE_CODE));
	struct line *l = add_line(b, "fee");
	char hours[HB_DURATION_BUFSZ];

	hb_duration_format(hb_row_int(row, HB_FEE_MINUTES), hours);
	if (strcmp(hb_row_text(row, HB_FEE_PLAN), "monthly") == 0) {
		hb_day start;
		char month[HB_DATE_BUFSZ] = "";

		if (!hb_row_null(row, HB_FEE_START) &&
		    hb_month_parse(hb_row_text(row, HB_FEE_START), &start, NULL) == 0) {
			hb_date_format(hb_day_check(hb_month_add(start,
			    (int)hb_row_int(row, HB_FEE_PERIOD) - 1), "%s: month %lld of "
			    "package %lld", r->month, (long long)hb_row_int(row, HB_FEE_PERIOD),
			    (long long)hb_row_int(row, HB_FEE_PACKAGE)), month);
			month[7] = '\0';
		}
		l->description = hb_xprintf("package %lld, monthly plan: month %lld "
		    "of %lld%s%s%s, %s h%s", (long long)hb_row_int(row, HB_FEE_PACKAGE),
		    (long long)hb_row_int(row, HB_FEE_PERIOD), (long long)hb_row_int(row, HB_FEE_MONTHS),
		    month[0] ? " (" : "", month, month[0] ? ")" : "", hours,
		    !hb_row_null(row, HB_FEE_CLOSED_ON) && strcmp(hb_row_text(row, HB_FEE_ISSUED),
		    hb_row_text(row, HB_FEE_CLOSED_ON)) == 0
		    ? ", billed at closing: the plan's minimum term" : "");
	} else
		l->description = hb_xprintf("package %lld, %s plan: %s h",
		    (long long)hb_row_int(row, HB_FEE_PACKAGE), hb_row_text(row, HB_FEE_PLAN), hours);
	l->has_quantity = true;
	l->quantity = hb_row_int(row, HB_FEE_MINUTES);
	l->unit_price = hb_row_int(row, HB_FEE_AMOUNT);
	l->amount = hb_row_int(row, HB_FEE_AMOUNT);
	l->package_invoice_id = hb_row_int(row, HB_FEE_INVOICE);
}

/* The description of an overage line: "from DAY" when its rate began
 * within the month. */
static char *
overage_text(const struct run *r, const struct line *l)
{
	char first[HB_DATE_BUFSZ], hours[HB_DURATION_BUFSZ];

	hb_date_format(r->first, first);
	hb_duration_format(l->quantity, hours);
	if (strcmp(l->from, first) > 0)
		return hb_xprintf("overage at the standard rate from %s: %s h",
		    l->from, hours);
	return hb_xprintf("overage at the standard rate: %s h", hours);
}

/* Overage comes per step of the project's rate history, in order: a step
 * at the rate of the one before it (a correction back) adds to its
 * line. */
static void
overage_line(void *ctx, const struct hb_row *row)
{
	struct run *r = ctx;
	int64_t project = hb_row_int(row, HB_OVER_PROJECT), minutes = hb_row_int(row, HB_OVER_MINUTES);
	int64_t rate = hb_row_int(row, HB_OVER_RATE), package = newest_package(r, project);
	const char *from = hb_row_text(row, HB_OVER_FROM);
	struct bill *b;
	struct line *l;
	char hours[HB_DURATION_BUFSZ], money[HB_MONEY_BUFSZ];

	/* Overage is billed on a package the client accepted. */
	if (package == 0) {
		hb_warn("%s: %lld minutes of overage of project %s are not "
		    "billed: no package of the project is accepted (invoiced "
		    "or active); invoice one (package-set --invoiced) and run "
		    "billing-run --month %s again", r->month, (long long)minutes,
		    hb_row_text(row, HB_OVER_CODE), r->month);
		return;
	}
	b = bill_for(r, project, package, hb_row_text(row, HB_OVER_CURRENCY),
	    hb_row_text(row, HB_OVER_CODE));
	if (b->n > 0 && strcmp(b->line[b->n - 1].kind, "overage") == 0 &&
	    b->line[b->n - 1].unit_price == rate) {
		l = &b->line[b->n - 1];
		if (!hb_add(l->quantity, minutes, &l->quantity))
			hb_die(HB_EXIT_DATA, "%s: the overage of project %s is too "
			    "large", r->month, b->project);
		free(l->description);
	} else {
		l = add_line(b, "overage");
		l->has_quantity = true;
		l->quantity = minutes;
		l->unit_price = rate;
		snprintf(l->from, sizeof l->from, "%s", from ? from : "");
	}
	l->description = overage_text(r, l);
	if (!hb_scale_round(l->quantity, rate, 60, &l->amount))
		hb_die(HB_EXIT_DATA, "%s: the overage of project %s, %s h at %s "
		    "an hour, is too large", r->month, b->project,
		    hb_duration_format(l->quantity, hours),
		    hb_money_format(rate, '.', money));
}

static void
penalty_line(void *ctx, const struct hb_row *row)
{
	struct run *r = ctx;
	int64_t task = hb_row_int(row, HB_LATE_TASK), project = hb_row_int(row, HB_LATE_PROJECT);
	int64_t at, value;
	hb_day due, delivered;
	int days, paused;
	char note[64] = "";
	struct bill *b;
	struct line *l;
	char pct[16], money[HB_MONEY_BUFSZ], hours[HB_DURATION_BUFSZ];

	if (hb_date_parse(hb_row_text(row, HB_LATE_DUE), &due, NULL) != 0 ||
	    hb_timestamp_parse(hb_row_text(row, HB_LATE_DELIVERED_AT), &at, NULL) != 0)
		return;
	delivered = hb_local_day(at);
	if (delivered < r->first || delivered > r->last || delivered <= due)
		return;
	/* A task's contract value: its fee on self-service, else its
	 * estimate at the project's rate. */
	value = 0;
	if (strcmp(hb_row_text(row, HB_LATE_MODEL), "self-service") == 0) {
		if (!hb_row_null(row, HB_LATE_FEE))
			value = hb_row_int(row, HB_LATE_FEE);
	} else if (!hb_row_null(row, HB_LATE_ESTIMATE) && !hb_scale_round(hb_row_int(row, HB_LATE_ESTIMATE),
	    hb_row_int(row, HB_LATE_RATE), 60, &value))
		hb_die(HB_EXIT_DATA, "%s: the contract value of task %lld, %s h "
		    "at %s an hour, is too large", r->month, (long long)task,
		    hb_duration_format(hb_row_int(row, HB_LATE_ESTIMATE), hours),
		    hb_money_format(hb_row_int(row, HB_LATE_RATE), '.', money));
	if (value == 0)
		return;
	/* The business days the task spent paused, waiting for the client
	 * past the client-info SLA (deemed.h), are not late days. */
	paused = hb_task_paused_days(r->book, &r->cal, task, due, delivered);
	days = hb_business_days_between(&r->cal, due, delivered) - paused;
	if (paused > 0 && days <= 0)
		return;
	b = bill_for(r, project, newest_package(r, project),
	    hb_row_text(row, HB_LATE_CURRENCY), hb_row_text(row, HB_LATE_CODE));
	l = add_line(b, "penalty");
	if (paused > 0)
		snprintf(note, sizeof note, "; %d paused business day%s not "
		    "counted", paused, paused == 1 ? "" : "s");
	{
		int64_t total = (int64_t)hb_row_int(row, HB_LATE_PENALTY_BASE) +
		    hb_row_int(row, HB_LATE_PENALTY_DAILY) * days;

		hb_percent_format((int32_t)(total > 10000 ? 10000 : total), pct);
	}
	l->description = hb_xprintf("late delivery of task %lld \"%s\": %s%% of "
	    "%s (%d business day%s late%s)", (long long)task, hb_row_text(row, HB_LATE_TITLE),
	    pct, hb_money_format(value, '.', money), days, days == 1 ? "" : "s",
	    note);
	l->unit_price = value;
	l->amount = -hb_penalty(value, (int32_t)hb_row_int(row, HB_LATE_PENALTY_BASE),
	    (int32_t)hb_row_int(row, HB_LATE_PENALTY_DAILY), days);
	l->task_id = task;
}

/* Deemed delivery (deemed.h): the task's line on the project's
 * invoice of the month, of amount 0, so the client reads it there.  Only
 * when that invoice is not issued yet: else a later run does it. */
static bool
may_deem(void *ctx, int64_t project)
{
	struct run *r = ctx;
	int64_t package = newest_package(r, project);
	struct hb_param key[] = {
		hb_int(project), hb_text(r->month),
		package ? hb_int(package) : hb_null_int()
	};

	return first_int(r->book, HB_Q_INVOICE_FIND, key, 3) == 0;
}

static void
deemed_line(void *ctx, const struct hb_deemed *d)
{
	struct run *r = ctx;
	struct bill *b = bill_for(r, d->project, newest_package(r, d->project),
	    d->currency, d->code);
	struct line *l = add_line(b, "deemed");
	char end[HB_DATE_BUFSZ], since[HB_DATE_BUFSZ];

	l->description = hb_xprintf("task %lld \"%s\" deemed delivered on %s: "
	    "blocked since %s, the client's information had not come by the "
	    "end of the contract term", (long long)d->task, d->title,
	    hb_date_format(d->term_end, end), hb_date_format(d->blocked, since));
	l->task_id = d->task;
}

const char *const hb_invoice_columns[] = {
	"invoice", "client", "project", "package", "period", "line", "kind",
	"description", "quantity_minutes", "unit_price", "amount", "currency",
	NULL
};

static void
print_line(void *ctx, const struct hb_row *row)
{
	struct hb_csv_writer *w = ctx;

	hb_csv_int(w, hb_row_int(row, HB_LINE_INVOICE));
	hb_csv_text(w, hb_row_text(row, HB_LINE_CLIENT));
	hb_csv_text(w, hb_row_text(row, HB_LINE_PROJECT));
	if (hb_row_null(row, HB_LINE_PACKAGE))
		hb_csv_null(w);
	else
		hb_csv_int(w, hb_row_int(row, HB_LINE_PACKAGE));
	hb_csv_text(w, hb_row_text(row, HB_LINE_PERIOD));
	hb_csv_int(w, hb_row_int(row, HB_LINE_LINE));
	hb_csv_text(w, hb_row_text(row, HB_LINE_KIND));
	hb_csv_text(w, hb_row_text(row, HB_LINE_DESCRIPTION));
	if (hb_row_null(row, HB_LINE_QUANTITY))
		hb_csv_null(w);
	else
		hb_csv_minutes(w, hb_row_int(row, HB_LINE_QUANTITY));
	hb_csv_money(w, hb_row_int(row, HB_LINE_UNIT_PRICE));
	hb_csv_money(w, hb_row_int(row, HB_LINE_AMOUNT));
	hb_csv_text(w, hb_row_text(row, HB_LINE_CURRENCY));
	hb_csv_end_row(w);
}

void
hb_billing_run(struct hb_book *book, const char *month, bool dry_run,
    bool force, struct hb_csv_writer *w)
{
	struct run r = { .book = book };
	const char *why;
	char first[HB_DATE_BUFSZ], last[HB_DATE_BUFSZ];
	char before[HB_DATE_BUFSZ], after[HB_DATE_BUFSZ];

	if (hb_month_parse(month, &r.first, &why) != 0)
		hb_fail(HB_EXIT_DATA, "--month", "\"%s\" %s", month, why);
	r.last = hb_next_month(r.first) - 1;
	snprintf(r.month, sizeof r.month, "%s", month);
	r.ended = r.last < hb_today();
	if (!r.ended && !force)
		hb_fail(HB_EXIT_REFUSED, "month", "%s has not ended yet (its last "
		    "day is %s): give --force to bill it now", month,
		    hb_date_format(r.last, last));
	hb_date_format(r.first, first);
	hb_date_format(r.last, last);
	/* Deliveries are instants: a UTC day either side of the month holds
	 * every one whose local day is in it (penalty_line decides). */
	hb_date_format(r.first > HB_DAY_MIN ? r.first - 1 : r.first, before);
	hb_date_format(r.last < HB_DAY_MAX ? r.last + 1 : r.last, after);
	hb_book_begin(book);
	hb_actor_get(book);
	hb_config_calendar(book, &r.cal);
	hb_book_query(book, HB_Q_MONTHLY_TO_INVOICE, NULL, 0, invoice_month, &r);
	{
		struct hb_param range[] = { hb_text(first), hb_text(last) };
		struct hb_param wide[] = { hb_text(before), hb_text(after) };

		struct hb_param period[] = { hb_text(r.month) };

		/* The agreements' lines first on the invoice they share with
		 * what a project without a package bills. */
		hb_book_query(book, HB_Q_SALES_TO_BILL, period, 1, share_lines,
		    &r);
		hb_book_query(book, HB_Q_LATE_SHARES, period, 1,
		    late_share_line, &r);
		hb_book_query(book, HB_Q_FEES_TO_BILL, range, 2, fee_line, &r);
		hb_book_query(book, HB_Q_OVERAGE, range, 2, overage_line, &r);
		hb_book_query(book, HB_Q_LATE_DELIVERIES, wide, 2,
		    penalty_line, &r);
		hb_deemed_run(book, r.last, may_deem, deemed_line, &r);
	}
	for (size_t i = 0; i < r.nbills; i++) {
		struct bill *b = &r.bills[i];
		struct hb_param key[] = {
			hb_int(b->project_id), hb_text(r.month),
			b->package_id ? hb_int(b->package_id) : hb_null_int()
		};
		int64_t id, total = 0;
		char ids[24];

		/* Billed already: nothing new, whatever was added since. */
		if (b->n > 0 && first_int(book, HB_Q_INVOICE_FIND, key, 3) == 0) {
			/* An invoice whose total cannot be added up is not
			 * issued. */
			for (size_t k = 0; k < b->n; k++)
				if (!hb_add(total, b->line[k].amount, &total))
					hb_die(HB_EXIT_DATA, "%s: the total of the "
					    "invoice of project %s is too large",
					    r.month, b->project);
			id = hb_book_bill_insert(book, b->project_id, b->package_id,
			    r.month, b->currency);
			for (size_t k = 0; k < b->n; k++) {
				struct line *l = &b->line[k];

				hb_book_bill_line_insert(book, id, (int)k + 1, l->kind,
				    l->description, l->quantity, l->has_quantity,
				    l->unit_price, l->amount, l->task_id,
				    l->package_invoice_id, l->sales_id);
			}
			snprintf(ids, sizeof ids, "%lld", (long long)id);
			hb_book_event(book, "invoice", ids, "created", NULL,
			    r.month, NULL);
			/* The client's money vouchers, credited once on the
			 * invoices made after their acceptance. */
			hb_voucher_credit(book, id, b->project_id, (int)b->n,
			    total, hb_today());
		}
		for (size_t k = 0; k < b->n; k++)
			free(b->line[k].description);
		free(b->line);
	}
	free(r.bills);
	hb_config_calendar_release(&r.cal);
	{
		struct hb_param p[] = { hb_text(r.month) };

		hb_book_query(book, HB_Q_INVOICES_OF, p, 1, print_line, w);
	}
	if (dry_run) {
		hb_book_rollback(book);
		hb_note("dry run: nothing was written");
	} else {
		hb_book_commit(book);
	}
}

void
hb_invoices_export(struct hb_book *book, const char *client,
    const char *project, const char *package, const char *from,
    const char *to, struct hb_csv_writer *w)
{
	struct hb_param p[] = {
		hb_text(client), hb_text(project),
		package ? hb_int(strtoll(package, NULL, 10)) : hb_null_int(),
		hb_text(from), hb_text(to)
	};

	hb_book_query(book, HB_Q_INVOICES_ALL, p, 5, print_line, w);
}
