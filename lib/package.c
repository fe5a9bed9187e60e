/*
 * package: plans, prices, the life of a package, and its figures.
 */
#include <stdlib.h>
#include <string.h>

#include "hourbook/book.h"
#include "hourbook/clock.h"
#include "hourbook/config.h"
#include "hourbook/diag.h"
#include "hourbook/duration.h"
#include "hourbook/field.h"
#include "hourbook/money.h"
#include "hourbook/names.h"
#include "hourbook/package.h"

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
const char *const hb_package_plans[] = {
	"standard", "monthly", "upfront", NULL
};

#define MONTHS_DEFAULT 12
#define MONTHS_MIN 3
#define MONTHS_MAX 120

void
hb_package_release(struct hb_package *p)
{
	free(p->project);
	free(p->client);
	free(p->currency);
	free(p->plan);
	free(p->status);
	free(p->created);
	memset(p, 0, sizeof *p);
}

/* Balances of the project's active packages, oldest first, and the share of
 * the project's committed minutes each carries: the oldest take what they
 * can hold, the newest takes the rest. */
struct project_figures {
	size_t n;
	int64_t *ids;
	int64_t *balance;	/* loaded - used - lapsed */
	int64_t *committed;
};

static void
project_figures(struct hb_book *book, int64_t project_id,
    struct project_figures *f)
{
	int64_t committed, loaded, used, lapsed;

	f->ids = hb_book_active_packages(book, project_id, &f->n);
	f->balance = hb_xcalloc(f->n, sizeof *f->balance);
	f->committed = hb_xcalloc(f->n, sizeof *f->committed);
	committed = hb_book_committed(book, project_id,
	    hb_config_int(book, "task.urgent_factor", 0));
	for (size_t i = 0; i < f->n; i++) {
		int64_t share;

		loaded = used = lapsed = 0;
		hb_book_package_sums(book, f->ids[i], &loaded, &used, &lapsed);
		f->balance[i] = loaded - used - lapsed;
		share = f->balance[i] > 0 ? f->balance[i] : 0;
		if (share > committed || i + 1 == f->n)
			share = committed;
		f->committed[i] = share;
		committed -= share;
	}
}

static void
project_figures_release(struct project_figures *f)
{
	free(f->ids);
	free(f->balance);
	free(f->committed);
}

int64_t
hb_project_available(struct hb_book *book, int64_t project_id,
    bool *has_packages)
{
	struct project_figures f;
	int64_t available = 0;

	project_figures(book, project_id, &f);
	for (size_t i = 0; i < f.n; i++)
		available += f.balance[i] - f.committed[i];
	if (has_packages != NULL)
		*has_packages = f.n > 0;
	project_figures_release(&f);
	return available;
}

/* Fill p's figures from the ledger and the project's tasks. */
static void
package_figures(struct hb_book *book, struct hb_package *p)
{
	struct project_figures f;

	p->loaded = p->used = p->lapsed = 0;
	hb_book_package_sums(book, p->id, &p->loaded, &p->used, &p->lapsed);
	hb_book_package_periods(book, p->id, &p->invoiced_periods,
	    &p->paid_periods);
	p->committed = 0;
	if (strcmp(p->status, "active") == 0) {
		project_figures(book, p->project_id, &f);
		for (size_t i = 0; i < f.n; i++)
			if (f.ids[i] == p->id)
				p->committed = f.committed[i];
		project_figures_release(&f);
	}
	p->available = p->loaded - p->used - p->lapsed - p->committed;
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
static int64_t
package_minutes(const char *s)
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
	int64_t minutes, price;
	int32_t discount, bonus;

	hb_need_project(book, "project", in->project, &j);
	if (strcmp(j.model, "package") != 0)
		hb_fail(HB_EXIT_REFUSED, "project", "%s is a %s project: it has "
		    "no hour packages", j.code, j.model);
	minutes = package_minutes(in->hours);
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
	} else {
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
	/* price = minutes x rate/60 x (100% - discount), rounded once. */
	if (!hb_scale_round(minutes, j.rate * (10000 - discount), 600000,
	    &price) || price > HB_MONEY_MAX)
		hb_fail(HB_EXIT_DATA, "hours", "the price is too large");
	p.project_id = j.id;
	p.plan = hb_xstrdup(plan->name);
	p.minutes = minutes;
	hb_scale_round(minutes, bonus, 10000, &p.bonus_minutes);
	p.discount = discount;
	p.bonus = bonus;
	p.rate = j.rate;
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
		need_package(book, key, out);
	}
}

static void
log_package(struct hb_book *book, const struct hb_package *p,
    const char *what, const char *old_value, const char *new_value)
{
	char key[24];

	snprintf(key, sizeof key, "%lld", (long long)p->id);
	hb_book_event(book, "package", key, what, old_value, new_value, NULL);
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

void
hb_package_set(struct hb_book *book, const char *package,
    enum hb_package_action action, const char *date, struct hb_package *out)
{
	struct hb_package p;
	hb_day day = hb_given(date) ? hb_field_date("date", date) : hb_today();
	bool monthly;
	char amount[HB_MONEY_BUFSZ], period[16], key[24];

	need_package(book, package, &p);
	monthly = strcmp(p.plan, "monthly") == 0;
	if (strcmp(p.status, "closed") == 0)
		hb_fail(HB_EXIT_REFUSED, NULL, "package %lld is closed",
		    (long long)p.id);
	switch (action) {
	case HB_PACKAGE_INVOICED:
		if (strcmp(p.status, "quoted") != 0 && !(monthly &&
		    strcmp(p.status, "active") == 0))
			hb_fail(HB_EXIT_REFUSED, NULL, "package %lld is %s and "
			    "its invoice is not paid: record the payment "
			    "(--paid) first", (long long)p.id, p.status);
		if (p.invoiced_periods > p.paid_periods)
			hb_fail(HB_EXIT_REFUSED, NULL, "package %lld: period %d "
			    "is invoiced and not paid yet", (long long)p.id,
			    p.invoiced_periods);
		if (monthly && p.invoiced_periods >= p.months)
			hb_fail(HB_EXIT_REFUSED, NULL, "package %lld: all %d "
			    "months are invoiced", (long long)p.id, p.months);
		hb_book_invoice_insert(book, p.id, p.invoiced_periods + 1,
		    p.price, day);
		snprintf(period, sizeof period, "%d", p.invoiced_periods + 1);
		log_package(book, &p, "invoiced", period,
		    hb_money_format(p.price, '.', amount));
		if (strcmp(p.status, "quoted") == 0)
			set_status(book, &p, "invoiced");
		break;
	case HB_PACKAGE_PAID:
		if (p.invoiced_periods <= p.paid_periods)
			hb_fail(HB_EXIT_REFUSED, NULL, "package %lld has no unpaid "
			    "invoice%s", (long long)p.id,
			    strcmp(p.status, "quoted") == 0
			    ? " (it is quoted: --invoiced first)" : "");
		if (p.has_expires && day > p.expires) {
			char until[HB_DATE_BUFSZ];

			hb_warn("package %lld expired on %s: its hours serve only "
			    "time worked until then", (long long)p.id,
			    hb_date_format(p.expires, until));
		}
		hb_book_payment_insert(book, p.id, p.paid_periods + 1, day);
		hb_book_ledger_insert(book, p.id, "load", p.minutes +
		    p.bonus_minutes, p.paid_periods + 1, day);
		snprintf(period, sizeof period, "%d", p.paid_periods + 1);
		log_package(book, &p, "paid", NULL, period);
		set_status(book, &p, "active");
		break;
	case HB_PACKAGE_CLOSED: {
		int64_t left = p.loaded - p.used - p.lapsed;

		if (left > 0)
			hb_book_ledger_insert(book, p.id, "lapse", -left, 0, day);
		set_status(book, &p, "closed");
		break;
	}
	}
	snprintf(key, sizeof key, "%lld", (long long)p.id);
	hb_package_release(&p);
	need_package(book, key, out);
}

const char *const hb_package_columns[] = {
	"package", "project", "client", "plan", "status", "minutes",
	"bonus_minutes", "discount", "bonus", "months", "lapse", "price",
	"currency", "expires", "invoiced_periods", "paid_periods",
	"loaded_minutes", "available_minutes", "created", NULL
};

void
hb_package_print(struct hb_csv_writer *w, const struct hb_package *p)
{
	char buf[16], day[HB_DATE_BUFSZ];

	hb_csv_int(w, p->id);
	hb_csv_text(w, p->project);
	hb_csv_text(w, p->client);
	hb_csv_text(w, p->plan);
	hb_csv_text(w, p->status);
	hb_csv_minutes(w, p->minutes);
	hb_csv_minutes(w, p->bonus_minutes);
	hb_csv_text(w, hb_percent_format(p->discount, buf));
	hb_csv_text(w, hb_percent_format(p->bonus, buf));
	if (p->months > 0)
		hb_csv_int(w, p->months);
	else
		hb_csv_null(w);
	hb_csv_text(w, p->lapse ? "yes" : "no");
	hb_csv_money(w, p->price);
	hb_csv_text(w, p->currency);
	hb_csv_date(w, p->has_expires ? hb_date_format(p->expires, day) : NULL);
	hb_csv_int(w, p->invoiced_periods);
	hb_csv_int(w, p->paid_periods);
	hb_csv_minutes(w, p->loaded - p->lapsed);
	hb_csv_minutes(w, p->available);
	hb_csv_timestamp(w, p->created);
	hb_csv_end_row(w);
}

const char *const hb_balance_columns[] = {
	"package", "project", "client", "plan", "status", "loaded_minutes",
	"used_minutes", "committed_minutes", "available_minutes", "price",
	"currency", "expires", "lapsed_minutes", NULL
};

void
hb_package_balances(struct hb_book *book, const struct hb_package_filter *f,
    struct hb_csv_writer *w)
{
	size_t n;
	int64_t *ids = hb_book_packages(book, f, &n);
	char day[HB_DATE_BUFSZ];

	for (size_t i = 0; i < n; i++) {
		struct hb_package p;

		if (!hb_book_package_get(book, ids[i], &p))
			continue;
		package_figures(book, &p);
		hb_csv_int(w, p.id);
		hb_csv_text(w, p.project);
		hb_csv_text(w, p.client);
		hb_csv_text(w, p.plan);
		hb_csv_text(w, p.status);
		hb_csv_minutes(w, p.loaded);
		hb_csv_minutes(w, p.used);
		hb_csv_minutes(w, p.committed);
		hb_csv_minutes(w, p.available);
		hb_csv_money(w, p.price);
		hb_csv_text(w, p.currency);
		hb_csv_date(w, p.has_expires ? hb_date_format(p.expires, day)
		    : NULL);
		hb_csv_minutes(w, p.lapsed);
		hb_csv_end_row(w);
		hb_package_release(&p);
	}
	free(ids);
}
