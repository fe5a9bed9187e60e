/*
 * package: plans, prices, the life of a package, and its figures.
 */
#include <stdlib.h>
#include <string.h>

#include "hourbook/balance.h"
#include "hourbook/book.h"
#include "hourbook/clock.h"
#include "hourbook/config.h"
#include "hourbook/diag.h"
#include "hourbook/duration.h"
#include "hourbook/field.h"
#include "hourbook/money.h"
#include "hourbook/names.h"
#include "hourbook/package.h"
#include "hourbook/voucher.h"

/* SPEC §3: the plans and their defaults; --discount and --bonus override
 * them per package. */
static const struct plan {
	const char *name;
	int32_t discount;	/* basis points off the hourly rate */
	int32_t bonus;		/* basis points of bonus hours */
	bool monthly;		/* the same hours invoiced every month */
} plans[] = {
	{ "standard", 0, 0, false },
	{ "monthly", 4000, 0, true },
	{ "upfront", 4500, 1000, false },
};
#define MONTHS_DEFAULT 12
#define MONTHS_MIN 3
#define MONTHS_MAX 120

/* Copy the figures of the balance set's package into p. */
static void
copy_figures(struct hb_package *p, const struct hb_package *f)
{
	p->loaded = f->loaded;
	p->used = f->used;
	p->lapsed = f->lapsed;
	p->usable = f->usable;
	p->committed = f->committed;
	p->available = f->available;
	p->invoiced_periods = f->invoiced_periods;
	p->paid_periods = f->paid_periods;
	p->awaiting_payment = f->awaiting_payment;
}

/* Fill p's figures as of today, from the one computation (balance.c). */
static void
package_figures(struct hb_book *book, struct hb_package *p)
{
	struct hb_scope scope = { NULL, NULL, 0, p->project_id };
	struct hb_balances *b = hb_balances_load(book, &scope, hb_today());
	ptrdiff_t i = hb_balances_find(b, p->id);

	if (i >= 0)
		copy_figures(p, hb_balances_package(b, (size_t)i));
	hb_balances_free(b);
}

int64_t
hb_project_available(struct hb_book *book, int64_t project_id,
    bool *has_packages)
{
	struct hb_scope scope = { NULL, NULL, 0, project_id };
	struct hb_balances *b = hb_balances_load(book, &scope, hb_today());
	size_t *active, n = hb_balances_active(b, project_id, &active);
	int64_t available = hb_balances_project_available(b, project_id);

	if (has_packages != NULL)
		*has_packages = n > 0;
	free(active);
	hb_balances_free(b);
	return available;
}

bool
hb_package_load(struct hb_book *book, int64_t id, struct hb_package *out)
{
	if (!hb_book_package_get(book, id, out))
		return false;
	package_figures(book, out);
	return true;
}

static void
need_package(struct hb_book *book, const char *s, struct hb_package *out)
{
	hb_need_package(book, "package", s, out);
	package_figures(book, out);
}

/* --hours: a bare number means hours here ("20" is 20h, "12.5" 12.5h);
 * every other DURATION form reads as usual ("90m", "1h30"). */
int64_t
hb_package_hours(const char *s)
{
	size_t digits = strspn(s, "0123456789.");
	int64_t minutes;
	char *hours;

	if (digits == 0 || s[digits] != '\0')
		return hb_field_minutes("hours", s);
	hours = hb_xprintf("%sh", s);
	minutes = hb_field_minutes("hours", hours);
	free(hours);
	return minutes;
}

void
hb_package_add(struct hb_book *book, const struct hb_package_input *in,
    struct hb_package *out)
{
	struct hb_package p = { 0 };
	struct hb_project j;
	const struct plan *plan;
	int64_t minutes, price, rate;
	int32_t discount, bonus;

	hb_need_project(book, "project", in->project, &j);
	if (strcmp(j.model, "package") != 0)
		hb_fail(HB_EXIT_REFUSED, "project", "%s is a %s project: it has "
		    "no hour packages", j.code, j.model);
	minutes = hb_package_hours(in->hours);
	if (minutes <= 0)
		hb_fail(HB_EXIT_DATA, "hours", "must be more than 0");
	plan = &plans[hb_given(in->plan)
	    ? hb_field_choice("plan", in->plan, hb_package_plans) : 0];
	discount = hb_given(in->discount)
	    ? hb_field_percent("discount", in->discount) : plan->discount;
	if (discount > 10000)
		hb_fail(HB_EXIT_DATA, "discount", "\"%s\" is over 100%%",
		    in->discount);
	bonus = hb_given(in->bonus) ? hb_field_percent("bonus", in->bonus)
	    : plan->bonus;
	if (plan->monthly) {
		p.months = hb_given(in->months) ? (int)hb_field_count("months",
		    in->months, 0, MONTHS_MAX) : MONTHS_DEFAULT;
		if (p.months < MONTHS_MIN)
			hb_fail(HB_EXIT_DATA, "months", "a monthly plan runs at "
			    "least %d months", MONTHS_MIN);
		p.lapse = hb_given(in->lapse) && hb_field_flag("lapse", in->lapse);
		if (hb_given(in->start)) {
			const char *why;

			if (hb_month_parse(in->start, &p.start, &why) != 0)
				hb_fail(HB_EXIT_DATA, "start", "\"%s\" %s",
				    in->start, why);
			p.has_start = true;
		}
	} else {
		if (hb_given(in->start))
			hb_fail(HB_EXIT_DATA, "start", "only monthly plans have a "
			    "start month");
		if (hb_given(in->months))
			hb_fail(HB_EXIT_DATA, "months", "only monthly plans have "
			    "months");
		if (hb_given(in->lapse) && hb_field_flag("lapse", in->lapse))
			hb_fail(HB_EXIT_DATA, "lapse", "only monthly plans lapse "
			    "at month end");
	}
	if (hb_given(in->expires)) {
		p.has_expires = true;
		p.expires = hb_field_date("expires", in->expires);
	}
	/* The project's rate of the day it is quoted (its rate history,
	 * schema 16): the package keeps it, whatever the rate becomes. */
	{
		struct hb_rate_step *steps;
		size_t n = hb_book_rates(book, HB_RATE_PROJECT, j.id, &steps);

		rate = hb_rate_on(steps, n, hb_today(), j.rate);
		free(steps);
	}
	/* price = minutes x rate/60 x (100% - discount), rounded once. */
	if (!hb_mul(rate, 10000 - discount, &price) ||
	    !hb_scale_round(minutes, price, 600000, &price) ||
	    price > HB_MONEY_MAX)
		hb_fail(HB_EXIT_DATA, "hours", "the price is too large");
	p.project_id = j.id;
	p.plan = hb_xstrdup(plan->name);
	p.minutes = minutes;
	if (!hb_scale_round(minutes, bonus, 10000, &p.bonus_minutes))
		hb_fail(HB_EXIT_DATA, "bonus", "the bonus hours are too many");
	p.discount = discount;
	p.bonus = bonus;
	p.rate = rate;
	p.price = price;
	p.created = hb_now_text();
	hb_book_package_insert(book, &p);
	{
		char key[24];

		snprintf(key, sizeof key, "%lld", (long long)p.id);
		hb_book_event(book, "package", key, "created", NULL, "quoted",
		    NULL);
		hb_package_release(&p);
		hb_project_release(&j);
		/* A quoted package has no loads, use, periods or share of
		 * the commitments: its figures are 0 without reading the
		 * project's balances (which, per row of a batch, made
		 * package-add --csv quadratic). */
		hb_need_package(book, "package", key, out);
	}
}

static void
log_package(struct hb_book *book, const struct hb_package *p,
    const char *what, const char *old_value, const char *new_value)
{
	hb_book_event_id(book, "package", p->id, what, old_value, new_value,
	    NULL);
}

static void
set_status(struct hb_book *book, struct hb_package *p, const char *status)
{
	if (strcmp(p->status, status) == 0)
		return;
	hb_book_package_set_status(book, p->id, status);
	log_package(book, p, "status", p->status, status);
	free(p->status);
	p->status = hb_xstrdup(status);
}

/* "package 3 (monthly, active: 2 of 12 months invoiced, 1 paid)" */
static const char *
standing(const struct hb_package *p)
{
	static char buf[160];

	if (strcmp(p->plan, "monthly") == 0)
		snprintf(buf, sizeof buf, "package %lld (monthly, %s: %d of %d "
		    "months invoiced, %d paid)", (long long)p->id, p->status,
		    p->invoiced_periods, p->months, p->paid_periods);
	else
		snprintf(buf, sizeof buf, "package %lld (%s, %s%s)",
		    (long long)p->id, p->plan, p->status,
		    p->invoiced_periods > p->paid_periods ? ", invoice not paid"
		    : p->paid_periods > 0 ? ", paid" : "");
	return buf;
}

static void
invoice(struct hb_book *book, struct hb_package *p, bool monthly, hb_day day)
{
	char amount[HB_MONEY_BUFSZ], period[16];

	if (monthly ? strcmp(p->status, "quoted") != 0 &&
	    strcmp(p->status, "active") != 0 && strcmp(p->status, "invoiced")
	    != 0 : strcmp(p->status, "quoted") != 0)
		hb_fail(HB_EXIT_REFUSED, NULL, "%s: its invoice is issued "
		    "already%s", standing(p), p->invoiced_periods > p->paid_periods
		    ? "; record its payment with --paid" : " and paid: a package "
		    "is invoiced once (package-add quotes more hours; --closed "
		    "closes this one)");
	if (p->invoiced_periods > p->paid_periods)
		hb_fail(HB_EXIT_REFUSED, NULL, "%s: month %d is invoiced and not "
		    "paid yet; record its payment with --paid first", standing(p),
		    p->invoiced_periods);
	if (monthly && p->invoiced_periods >= p->months)
		hb_fail(HB_EXIT_REFUSED, NULL, "%s: all %d months of its term are "
		    "invoiced and paid (--closed closes the plan; package-add "
		    "quotes a new one)", standing(p), p->months);
	hb_book_invoice_insert(book, p->id, p->invoiced_periods + 1, p->price,
	    day);
	snprintf(period, sizeof period, "%d", p->invoiced_periods + 1);
	log_package(book, p, "invoiced", period,
	    hb_money_format(p->price, '.', amount));
	if (strcmp(p->status, "quoted") == 0)
		set_status(book, p, "invoiced");
}

static void
pay(struct hb_book *book, struct hb_package *p, bool monthly, hb_day day)
{
	char period[16], until[HB_DATE_BUFSZ];

	if (p->invoiced_periods <= p->paid_periods)
		hb_fail(HB_EXIT_REFUSED, NULL, "%s: no invoice is awaiting "
		    "payment%s", standing(p), strcmp(p->status, "quoted") == 0
		    ? " (issue it first with --invoiced)" : !monthly
		    ? " (its invoice is paid; --closed closes it)"
		    : p->invoiced_periods < p->months
		    ? " (billing-run invoices the next month, or --invoiced)"
		    : " (all the months of its term are paid; --closed closes "
		    "the plan)");
	if (p->has_expires && day > p->expires)
		hb_warn("package %lld expired on %s: its hours lapsed then and "
		    "load for nothing", (long long)p->id,
		    hb_date_format(p->expires, until));
	/* A monthly plan counts its months from the first one paid, unless
	 * it was quoted with a start month. */
	if (monthly && !p->has_start) {
		p->start = hb_month_add(day, 0);
		p->has_start = true;
		hb_book_package_start(book, p->id, p->start);
	}
	hb_book_payment_insert(book, p->id, p->paid_periods + 1, day);
	hb_book_ledger_insert(book, p->id, "load", p->minutes +
	    p->bonus_minutes, p->paid_periods + 1, day);
	snprintf(period, sizeof period, "%d", p->paid_periods + 1);
	log_package(book, p, "paid", NULL, period);
	/* The client's hours vouchers load with this payment, bonus hours
	 * of its period (voucher.h). */
	hb_voucher_load(book, p->project_id, p->id, p->paid_periods + 1, day);
	set_status(book, p, "active");
}

/* SPEC: a monthly plan runs at least MONTHS_MIN months.  Closing before
 * they are invoiced is refused, unless the rest of them are billed now:
 * invoiced on the closing day, for billing-run to put on the month's
 * invoice (their hours never load). */
static void
close_package(struct hb_book *book, struct hb_package *p, bool monthly,
    bool bill_minimum, hb_day day)
{
	char key[24], period[16], amount[HB_MONEY_BUFSZ];
	int minimum = p->months < MONTHS_MIN ? p->months : MONTHS_MIN;

	if (monthly && p->invoiced_periods < minimum &&
	    strcmp(p->status, "quoted") != 0) {
		if (!bill_minimum)
			hb_fail(HB_EXIT_REFUSED, NULL, "%s: a monthly plan runs at "
			    "least %d months: closing now needs the %d months "
			    "left of the minimum billed (--bill-minimum), or "
			    "closing after month %d is invoiced", standing(p),
			    minimum, minimum - p->invoiced_periods, minimum);
		for (int q = p->invoiced_periods + 1; q <= minimum; q++) {
			hb_book_invoice_insert(book, p->id, q, p->price, day);
			snprintf(period, sizeof period, "%d", q);
			log_package(book, p, "invoiced", period,
			    hb_money_format(p->price, '.', amount));
		}
	} else if (bill_minimum) {
		hb_fail(HB_EXIT_USAGE, NULL, "%s: --bill-minimum is for closing "
		    "a monthly plan before its minimum months", standing(p));
	}
	hb_book_package_close(book, p->id, day);
	snprintf(key, sizeof key, "%lld", (long long)p->id);
	hb_book_event(book, "package", key, "status", p->status, "closed",
	    NULL);
}

void
hb_package_set(struct hb_book *book, const char *package,
    enum hb_package_action action, const char *date, bool bill_minimum,
    struct hb_package *out)
{
	struct hb_package p;
	hb_day day = hb_given(date) ? hb_field_date("date", date) : hb_today();
	bool monthly;
	char key[24];

	need_package(book, package, &p);
	monthly = strcmp(p.plan, "monthly") == 0;
	if (day > hb_today())
		hb_fail(HB_EXIT_REFUSED, "date", "%s is in the future", date);
	if (strcmp(p.status, "closed") == 0)
		hb_fail(HB_EXIT_REFUSED, NULL, "%s: nothing changes after "
		    "closing (package-add quotes a new package)", standing(&p));
	switch (action) {
	case HB_PACKAGE_INVOICED:
		invoice(book, &p, monthly, day);
		break;
	case HB_PACKAGE_PAID:
		pay(book, &p, monthly, day);
		break;
	case HB_PACKAGE_CLOSED:
		close_package(book, &p, monthly, bill_minimum, day);
		break;
	}
	snprintf(key, sizeof key, "%lld", (long long)p.id);
	hb_package_release(&p);
	need_package(book, key, out);
}

bool
hb_package_closed(struct hb_book *book, const char *package,
    struct hb_package *out)
{
	struct hb_package p;

	need_package(book, package, &p);
	if (strcmp(p.status, "closed") != 0) {
		hb_package_release(&p);
		return false;
	}
	*out = p;
	return true;
}

const char *const hb_package_columns[] = {
	"package", "project", "client", "plan", "status", "minutes",
	"bonus_minutes", "discount", "bonus", "months", "lapse", "price",
	"currency", "expires", "start_month", "invoiced_periods",
	"paid_periods", "loaded_minutes", "used_minutes", "lapsed_minutes",
	"committed_minutes", "available_minutes", "awaiting_payment",
	"created", NULL
};

static void
print_month(struct hb_csv_writer *w, const struct hb_package *p)
{
	char day[HB_DATE_BUFSZ];

	if (!p->has_start) {
		hb_csv_null(w);
		return;
	}
	hb_date_format(p->start, day);
	day[7] = '\0';
	hb_csv_text(w, day);
}

void
hb_package_print(struct hb_csv_writer *w, const struct hb_package *p)
{
	char day[HB_DATE_BUFSZ];

	hb_csv_int(w, p->id);
	hb_csv_text(w, p->project);
	hb_csv_text(w, p->client);
	hb_csv_text(w, p->plan);
	hb_csv_text(w, p->status);
	hb_csv_minutes(w, p->minutes);
	hb_csv_minutes(w, p->bonus_minutes);
	hb_csv_percent(w, p->discount);
	hb_csv_percent(w, p->bonus);
	if (p->months > 0)
		hb_csv_int(w, p->months);
	else
		hb_csv_null(w);
	hb_csv_text(w, p->lapse ? "yes" : "no");
	hb_csv_money(w, p->price);
	hb_csv_text(w, p->currency);
	hb_csv_date(w, p->has_expires ? hb_date_format(p->expires, day) : NULL);
	print_month(w, p);
	hb_csv_int(w, p->invoiced_periods);
	hb_csv_int(w, p->paid_periods);
	hb_csv_minutes(w, p->loaded);
	hb_csv_minutes(w, p->used);
	hb_csv_minutes(w, p->lapsed);
	hb_csv_minutes(w, p->committed);
	hb_csv_minutes(w, p->available);
	hb_csv_text(w, p->awaiting_payment ? "yes" : "no");
	hb_csv_timestamp(w, p->created);
	hb_csv_end_row(w);
}

const char *const hb_balance_columns[] = {
	"package", "project", "client", "plan", "status", "loaded_minutes",
	"used_minutes", "lapsed_minutes", "committed_minutes",
	"available_minutes", "price", "currency", "expires",
	"awaiting_payment", NULL
};

void
hb_package_each_balance(struct hb_book *book,
    const struct hb_package_filter *f,
    void (*fn)(void *ctx, const struct hb_package *p), void *ctx)
{
	struct hb_scope scope = { f->client, f->project, 0, 0 };
	struct hb_balances *b;
	int64_t only = 0;

	if (hb_given(f->package))
		scope.package_id = only = hb_field_count("package", f->package, 1,
		    INT64_C(999999999999));
	b = hb_balances_load(book, &scope, hb_today());
	for (size_t i = 0; i < hb_balances_count(b); i++) {
		const struct hb_package *p = hb_balances_package(b, i);

		if (only == 0 || p->id == only)
			fn(ctx, p);
	}
	hb_balances_free(b);
}

static void
print_balance(void *ctx, const struct hb_package *p)
{
	struct hb_csv_writer *w = ctx;
	char day[HB_DATE_BUFSZ];

	hb_csv_int(w, p->id);
	hb_csv_text(w, p->project);
	hb_csv_text(w, p->client);
	hb_csv_text(w, p->plan);
	hb_csv_text(w, p->status);
	hb_csv_minutes(w, p->loaded);
	hb_csv_minutes(w, p->used);
	hb_csv_minutes(w, p->lapsed);
	hb_csv_minutes(w, p->committed);
	hb_csv_minutes(w, p->available);
	hb_csv_money(w, p->price);
	hb_csv_text(w, p->currency);
	hb_csv_date(w, p->has_expires ? hb_date_format(p->expires, day)
	    : NULL);
	hb_csv_text(w, p->awaiting_payment ? "yes" : "no");
	hb_csv_end_row(w);
}

void
hb_package_balances(struct hb_book *book, const struct hb_package_filter *f,
    struct hb_csv_writer *w)
{
	hb_package_each_balance(book, f, print_balance, w);
}
