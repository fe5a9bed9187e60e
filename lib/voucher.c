/*
 * voucher: complaints, their decisions and the vouchers that settle them
 * (voucher.h).  The SQL is book.c's; package.c calls hb_voucher_load when
 * a payment is recorded, billing.c hb_voucher_credit when it creates an
 * invoice, so that the one balance and the invoices carry the vouchers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hourbook/actor.h"
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

#define REASON_MAX 1000
/* The most a voucher gives: a year of full days, or HB_MONEY_MAX. */
#define VOUCHER_MINUTES_MAX (INT64_C(366) * 24 * 60)

/* A complaint as read (HB_Q_COMPLAINTS), strings borrowed while the row
 * is, copied where kept. */
struct complaint {
	int64_t id, task, client_id, minutes, amount, package, credited;
	bool found;
	char status[16];
	char decided_by[72];
	char decided[32];
};

static void
take_complaint(void *ctx, const struct hb_row *row)
{
	struct complaint *c = ctx;

	c->found = true;
	c->id = hb_row_int(row, HB_CPL_ID);
	c->task = hb_row_int(row, HB_CPL_TASK);
	c->client_id = hb_row_int(row, HB_CPL_CLIENT_ID);
	snprintf(c->status, sizeof c->status, "%s",
	    hb_row_text(row, HB_CPL_STATUS));
	snprintf(c->decided_by, sizeof c->decided_by, "%s",
	    hb_row_null(row, HB_CPL_DECIDED_BY) ? ""
	    : hb_row_text(row, HB_CPL_DECIDED_BY));
	snprintf(c->decided, sizeof c->decided, "%s",
	    hb_row_null(row, HB_CPL_DECIDED) ? ""
	    : hb_row_text(row, HB_CPL_DECIDED));
	c->minutes = hb_row_null(row, HB_CPL_MINUTES) ? 0
	    : hb_row_int(row, HB_CPL_MINUTES);
	c->amount = hb_row_null(row, HB_CPL_AMOUNT) ? 0
	    : hb_row_int(row, HB_CPL_AMOUNT);
	c->package = hb_row_null(row, HB_CPL_PACKAGE) ? 0
	    : hb_row_int(row, HB_CPL_PACKAGE);
	c->credited = hb_row_int(row, HB_CPL_CREDITED);
}

static void
need_complaint(struct hb_book *book, const char *s, struct complaint *c)
{
	int64_t id = hb_field_count("complaint", s, 1, INT64_C(999999999999));
	struct hb_param q[] = { hb_int(id), hb_text(NULL), hb_text(NULL) };

	memset(c, 0, sizeof *c);
	hb_book_query(book, HB_Q_COMPLAINTS, q, 3, take_complaint, c);
	if (!c->found)
		hb_fail(HB_EXIT_NOINPUT, NULL, "complaint %lld does not exist "
		    "(report-export vouchers shows the complaints)",
		    (long long)id);
}

static void
need_staff(struct hb_book *book, const char *what, int64_t id)
{
	const struct hb_actor *a = hb_actor_get(book);

	if (!hb_actor_is_staff(a))
		hb_fail(HB_EXIT_REFUSED, NULL, "%s may not %s complaint %lld: "
		    "only staff decide complaints", hb_actor_text(a), what,
		    (long long)id);
}

/* A complaint is decided once. */
static void
need_open(const struct complaint *c)
{
	if (strcmp(c->status, "open") != 0)
		hb_fail(HB_EXIT_REFUSED, NULL, "complaint %lld was %s already, "
		    "by %s at %s: a complaint is decided once", (long long)c->id,
		    c->status, c->decided_by, c->decided);
}

static void
take_int(void *ctx, const struct hb_row *row)
{
	*(int64_t *)ctx = hb_row_null(row, 0) ? 0 : hb_row_int(row, 0);
}

int64_t
hb_complaint_add(struct hb_book *book, const char *task, const char *reason)
{
	const struct hb_actor *a = hb_actor_get(book);
	struct hb_task t;
	char *now, tkey[24];
	int64_t id = 0;

	hb_need_task(book, "task", task, &t);
	if (!hb_actor_is_staff(a) && !(hb_actor_is(a, "client") &&
	    a->contact && a->client_id == t.client_id)) {
		hb_fail(HB_EXIT_REFUSED, NULL, "%s may not complain about task "
		    "%lld: only staff and the contact of its client",
		    hb_actor_text(a), (long long)t.id);
	}
	if (!hb_given(reason))
		hb_fail_missing("reason", "a complaint needs its reason "
		    "(--reason TEXT)");
	hb_field_text("reason", reason, REASON_MAX, 0);
	now = hb_now_text();
	snprintf(tkey, sizeof tkey, "%lld", (long long)t.id);
	{
		struct hb_param q[] = { hb_int(t.id), hb_text(reason),
		    hb_text(a->handle), hb_text(now) };

		hb_book_query(book, HB_Q_COMPLAINT_INSERT, q, 4, take_int, &id);
	}
	free(now);
	hb_book_event_id(book, "complaint", id, "created", NULL, "open", reason);
	hb_task_release(&t);
	return id;
}

static void
decide(struct hb_book *book, const struct complaint *c, const char *status,
    const char *reason, int64_t minutes, int64_t amount, const char *expires)
{
	const struct hb_actor *a = hb_actor_get(book);
	char *now = hb_now_text();
	int64_t done = 0;
	struct hb_param q[] = {
		hb_int(c->id), hb_text(status), hb_text(hb_given(reason)
		    ? reason : NULL), hb_text(a->handle), hb_text(now),
		minutes ? hb_int(minutes) : hb_null_int(),
		amount ? hb_int(amount) : hb_null_int(), hb_text(expires)
	};

	hb_book_query(book, HB_Q_COMPLAINT_DECIDE, q, 8, take_int, &done);
	free(now);
	if (done == 0)
		hb_die(HB_EXIT_SOFTWARE, "complaint %lld: not open when decided",
		    (long long)c->id);
}

void
hb_complaint_accept(struct hb_book *book, const char *complaint,
    const char *hours, const char *money, const char *reason)
{
	struct complaint c;
	int64_t minutes = 0, amount = 0, days;
	char expires[HB_DATE_BUFSZ] = "", buf[HB_MONEY_BUFSZ], *what;

	need_complaint(book, complaint, &c);
	need_staff(book, "accept", c.id);
	need_open(&c);
	if (hb_given(hours) == hb_given(money))
		hb_fail_missing("hours", "accepting a complaint gives a voucher "
		    "of hours (--hours H) or of money (--money M): one of them");
	if (hb_given(reason))
		hb_field_text("reason", reason, REASON_MAX, 0);
	if (hb_given(hours)) {
		minutes = hb_package_hours(hours);
		if (minutes <= 0 || minutes > VOUCHER_MINUTES_MAX)
			hb_fail(HB_EXIT_DATA, "hours", "\"%s\": a voucher is "
			    "more than 0 and at most %lld hours", hours,
			    (long long)(VOUCHER_MINUTES_MAX / 60));
	} else {
		amount = hb_field_money("money", money);
		if (amount <= 0)
			hb_fail(HB_EXIT_DATA, "money", "\"%s\": a voucher is "
			    "more than 0", money);
	}
	/* voucher.days of the acceptance: the last day it is good. */
	days = hb_config_int(book, "voucher.days", 0);
	if (days > 0)
		hb_date_format(hb_day_check(hb_today() + days, "complaint "
		    "%lld: its voucher's expiry", (long long)c.id), expires);
	decide(book, &c, "accepted", reason, minutes, amount,
	    expires[0] ? expires : NULL);
	if (minutes)
		what = hb_xprintf("voucher of %s h%s%s", hb_duration_format(
		    minutes, buf), expires[0] ? " until " : "", expires);
	else
		what = hb_xprintf("voucher of %s%s%s", hb_money_format(amount,
		    '.', buf), expires[0] ? " until " : "", expires);
	hb_book_event_id(book, "complaint", c.id, "accepted", "open", what,
	    hb_given(reason) ? reason : NULL);
	free(what);
}

void
hb_complaint_reject(struct hb_book *book, const char *complaint,
    const char *reason)
{
	struct complaint c;

	need_complaint(book, complaint, &c);
	need_staff(book, "reject", c.id);
	need_open(&c);
	if (!hb_given(reason))
		hb_fail_missing("reason", "rejecting complaint %lld needs a "
		    "reason (--reason TEXT): the client is told why",
		    (long long)c.id);
	hb_field_text("reason", reason, REASON_MAX, 0);
	decide(book, &c, "rejected", reason, 0, 0, NULL);
	hb_book_event_id(book, "complaint", c.id, "rejected", "open", "rejected", reason);
}

/* ---- redeeming ------------------------------------------------------------ */

/* A voucher due: what is left of it (value), and its whole (amount). */
struct due {
	int64_t id, value, amount;
};

struct dues {
	struct due *v;
	size_t n;
};

static void
take_due(void *ctx, const struct hb_row *row)
{
	struct dues *d = ctx;

	d->v = hb_xrealloc(d->v, (d->n + 1) * sizeof *d->v);
	d->v[d->n].id = hb_row_int(row, 0);
	d->v[d->n].value = hb_row_int(row, 1);
	d->v[d->n].amount = hb_row_int(row, 2);
	d->n++;
}

static struct dues
dues(struct hb_book *book, enum hb_query q, int64_t project_id, hb_day day)
{
	struct dues d = { NULL, 0 };
	char date[HB_DATE_BUFSZ];
	struct hb_param p[] = { hb_int(project_id),
	    hb_text(hb_date_format(day, date)) };

	hb_book_query(book, q, p, 2, take_due, &d);
	return d;
}

int64_t
hb_voucher_load(struct hb_book *book, int64_t project_id,
    int64_t package_id, int period, hb_day day)
{
	/* Expired as of the clock, whatever the payment's date. */
	struct dues d = dues(book, HB_Q_VOUCHER_HOURS_DUE, project_id,
	    hb_today());
	int64_t sum = 0;
	char pkey[24], hours[HB_DURATION_BUFSZ], *text;

	snprintf(pkey, sizeof pkey, "%lld", (long long)package_id);
	for (size_t i = 0; i < d.n; i++) {
		struct hb_param q[] = { hb_int(d.v[i].id), hb_int(package_id),
		    hb_int(period) };

		hb_book_ledger_insert(book, package_id, "load", d.v[i].value,
		    period, day);
		hb_book_query(book, HB_Q_VOUCHER_LOAD, q, 3, NULL, NULL);
		hb_duration_format(d.v[i].value, hours);
		text = hb_xprintf("%s h from complaint %lld", hours,
		    (long long)d.v[i].id);
		hb_book_event_id(book, "package", package_id, "voucher", NULL,
		    text, NULL);
		free(text);
		text = hb_xprintf("loaded on package %s", pkey);
		hb_book_event_id(book, "complaint", d.v[i].id, "redeemed", NULL, text, NULL);
		free(text);
		sum += d.v[i].value;
	}
	free(d.v);
	return sum;
}

int64_t
hb_voucher_credit(struct hb_book *book, int64_t invoice_id,
    int64_t project_id, int lines, int64_t total, hb_day day)
{
	struct dues d;
	int64_t credited = 0;
	char ikey[24], left[HB_MONEY_BUFSZ], *text;

	if (total <= 0)
		return 0;
	d = dues(book, HB_Q_VOUCHER_MONEY_DUE, project_id, day);
	snprintf(ikey, sizeof ikey, "%lld", (long long)invoice_id);
	for (size_t i = 0; i < d.n && total > 0; i++) {
		int64_t credit = d.v[i].value < total ? d.v[i].value : total;
		int64_t rest = d.v[i].value - credit;

		/* The rest of a voucher larger than the invoice carries to
		 * the client's next invoice. */
		text = rest > 0 ? hb_xprintf("voucher of complaint %lld: %s "
		    "left for the next invoice", (long long)d.v[i].id,
		    hb_money_format(rest, '.', left))
		    : hb_xprintf("voucher of complaint %lld", (long long)d.v[i].id);
		{
			struct hb_param q[] = { hb_int(invoice_id),
			    hb_int(++lines), hb_text(text), hb_int(d.v[i].amount),
			    hb_int(-credit), hb_int(d.v[i].id) };

			hb_book_query(book, HB_Q_VOUCHER_LINE, q, 6, NULL, NULL);
		}
		free(text);
		text = hb_xprintf("credited %s on invoice %s",
		    hb_money_format(credit, '.', left), ikey);
		hb_book_event_id(book, "complaint", d.v[i].id, "redeemed", NULL, text, NULL);
		free(text);
		total -= credit;
		credited += credit;
	}
	free(d.v);
	return credited;
}

/* ---- the rows --------------------------------------------------------------- */

const char *const hb_complaint_columns[] = {
	"complaint", "task", "title", "project", "client", "reason", "status",
	"complained_by", "complained_at", "decision", "decided_by",
	"decided_at", "voucher_minutes", "voucher_amount", "currency",
	"expires", "voucher", "package", "used_minutes", "credited",
	"invoices", NULL
};

/* The rows come by complaint: a package's vouchers are drawn in that
 * order, each from its load on, before the paid hours (HB_Q_COMPLAINTS
 * gives the use before the load and the vouchers before it). */
struct print_ctx {
	struct hb_book *book;
	struct hb_csv_writer *w;
	hb_day today;
};

/* The optional cells of a row: empty when there is nothing (v < 0 or
 * NULL). */
static void
int_or_null(struct hb_csv_writer *w, int64_t v)
{
	if (v < 0)
		hb_csv_null(w);
	else
		hb_csv_int(w, v);
}

static void
minutes_or_null(struct hb_csv_writer *w, int64_t v)
{
	if (v < 0)
		hb_csv_null(w);
	else
		hb_csv_minutes(w, v);
}

static void
money_or_null(struct hb_csv_writer *w, int64_t v)
{
	if (v < 0)
		hb_csv_null(w);
	else
		hb_csv_money(w, v);
}

static void
text_or_null(struct hb_csv_writer *w, const struct hb_row *row, int col)
{
	if (hb_row_null(row, col))
		hb_csv_null(w);
	else
		hb_csv_text(w, hb_row_text(row, col));
}

static void
take_credit(void *ctx, const struct hb_row *row)
{
	char **list = ctx, *more;

	more = hb_xprintf("%s%s%lld", *list ? *list : "", *list ? ";" : "",
	    (long long)hb_row_int(row, 0));
	free(*list);
	*list = more;
}

static void
print_row(void *ctx, const struct hb_row *row)
{
	struct print_ctx *p = ctx;
	struct hb_csv_writer *w = p->w;
	struct complaint c = { 0 };
	const char *state = NULL;
	char *invoices = NULL;
	bool expired = false;
	int64_t used = -1;

	take_complaint(&c, row);
	if (!hb_row_null(row, HB_CPL_EXPIRES)) {
		hb_day until;

		expired = hb_date_parse(hb_row_text(row, HB_CPL_EXPIRES),
		    &until, NULL) == 0 && until < p->today;
	}
	if (strcmp(c.status, "accepted") == 0) {
		if (c.minutes > 0 && c.package > 0)
			state = "loaded";
		else if (c.amount > 0 && c.credited >= c.amount)
			state = "credited";
		else if (expired)
			state = "expired";
		else if (c.credited > 0)
			state = "partly credited";
		else
			state = "open";
	}
	if (c.package > 0) {
		struct hb_package k;
		int64_t before = hb_row_int(row, HB_CPL_VOUCHERS_BEFORE);

		used = 0;
		if (hb_package_load(p->book, c.package, &k)) {
			/* Its package's use since it was loaded, after the
			 * vouchers loaded before it. */
			used = k.used - hb_row_int(row, HB_CPL_USED_BEFORE_LOAD) -
			    before;
			used = used < 0 ? 0 : used > c.minutes ? c.minutes : used;
			hb_package_release(&k);
		}
	}
	if (c.amount > 0) {
		struct hb_param q[] = { hb_int(c.id) };

		hb_book_query(p->book, HB_Q_VOUCHER_CREDITS, q, 1, take_credit,
		    &invoices);
	}
	hb_csv_int(w, c.id);
	hb_csv_int(w, c.task);
	hb_csv_text(w, hb_row_text(row, HB_CPL_TITLE));
	hb_csv_text(w, hb_row_text(row, HB_CPL_PROJECT));
	hb_csv_text(w, hb_row_text(row, HB_CPL_CLIENT));
	hb_csv_text(w, hb_row_text(row, HB_CPL_REASON));
	hb_csv_text(w, c.status);
	hb_csv_text(w, hb_row_text(row, HB_CPL_ACTOR));
	hb_csv_timestamp(w, hb_row_text(row, HB_CPL_CREATED));
	text_or_null(w, row, HB_CPL_DECISION);
	text_or_null(w, row, HB_CPL_DECIDED_BY);
	hb_csv_timestamp(w, hb_row_null(row, HB_CPL_DECIDED) ? NULL
	    : hb_row_text(row, HB_CPL_DECIDED));
	minutes_or_null(w, c.minutes > 0 ? c.minutes : -1);
	money_or_null(w, c.amount > 0 ? c.amount : -1);
	hb_csv_text(w, hb_row_text(row, HB_CPL_CURRENCY));
	hb_csv_date(w, hb_row_null(row, HB_CPL_EXPIRES) ? NULL
	    : hb_row_text(row, HB_CPL_EXPIRES));
	hb_csv_text(w, state);
	int_or_null(w, c.package > 0 ? c.package : -1);
	minutes_or_null(w, used);
	money_or_null(w, c.amount > 0 ? c.credited : -1);
	hb_csv_text(w, invoices);
	hb_csv_end_row(w);
	free(invoices);
}

static void
print_rows(struct hb_book *book, int64_t id, const char *client,
    const char *project, struct hb_csv_writer *w)
{
	struct print_ctx p = { book, w, hb_today() };
	struct hb_param q[] = { id ? hb_int(id) : hb_null_int(),
	    hb_text(client), hb_text(project) };

	hb_book_query(book, HB_Q_COMPLAINTS, q, 3, print_row, &p);
}

void
hb_complaint_print(struct hb_book *book, int64_t id, struct hb_csv_writer *w)
{
	print_rows(book, id, NULL, NULL, w);
}

void
hb_vouchers_export(struct hb_book *book, const char *client,
    const char *project, struct hb_csv_writer *w)
{
	print_rows(book, 0, client, project, w);
}
