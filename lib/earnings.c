/*
 * earnings: freelancer earnings, withdrawal requests and their rules.
 */
#include <stdlib.h>
#include <string.h>

#include "hourbook/actor.h"
#include "hourbook/book.h"
#include "hourbook/calendar.h"
#include "hourbook/cli.h"
#include "hourbook/clock.h"
#include "hourbook/config.h"
#include "hourbook/diag.h"
#include "hourbook/field.h"
#include "hourbook/money.h"
#include "hourbook/money_ledger.h"
#include "hourbook/names.h"
#include "hourbook/balance.h"

#define KEY_MAX 200
#define REASON_MAX 1000

/* The person a withdrawal command is about: --person (the actor's own, or
 * anyone's for staff), else the actor. */
static void
whose(struct hb_book *book, const char *person, struct hb_person *out)
{
	const struct hb_actor *a = hb_actor_get(book);

	if (person == NULL || *person == '\0') {
		if (a->person_id == 0)
			hb_fail(HB_EXIT_USAGE, "person", "%s acts as staff but is "
			    "not a person of the book: give --person",
			    a->handle);
		hb_need_person(book, "person", a->handle, out);
		return;
	}
	hb_need_person(book, "person", person, out);
	if (!hb_actor_is_staff(a) && a->person_id != out->id)
		hb_fail(HB_EXIT_REFUSED, "person", "%s may only see and request "
		    "their own withdrawals", a->handle);
}

/* "2026-11": the calendar month of now in the book's time zone. */
static void
this_month(char *buf)
{
	char day[HB_DATE_BUFSZ];

	hb_date_format(hb_today(), day);
	memcpy(buf, day, 7);
	buf[7] = '\0';
}

/* The first day of next month, when a request is possible again. */
static hb_day
next_month(void)
{
	return hb_day_check(hb_next_month(hb_today()), "the first day of next "
	    "month, when the next withdrawal request is possible,");
}

static char *
money(int64_t cents, char *buf)
{
	return hb_money_format(cents, '.', buf);
}

static void
log_withdrawal(struct hb_book *book, int64_t id, const char *what,
    const char *old_value, const char *new_value, const char *reason)
{
	hb_book_event_id(book, "withdrawal", id, what, old_value, new_value,
	    reason);
}

/* The smallest withdrawal in a currency: withdraw.minimum.CUR where the
 * book sets it, else withdraw.minimum (the same number in any currency). */
static int64_t
minimum_in(struct hb_book *book, const char *currency)
{
	char key[40];

	snprintf(key, sizeof key, "withdraw.minimum.%s", currency);
	return hb_config_int(book, key, 0);
}

/* A person's money this month, per currency. */
struct money {
	struct hb_money_sums *sums;
	size_t n;
	int requests;		/* this month's, not rejected: any currency */
	char month[8];
};

static void
money_load(struct hb_book *book, int64_t person_id, struct money *m)
{
	hb_day today = hb_today(), first = hb_month_add(today, 0);

	this_month(m->month);
	m->n = hb_book_money_sums(book, person_id, first,
	    hb_next_month(first) - 1, &m->sums);
	m->requests = hb_book_requests_in_month(book, person_id, m->month);
}

/* What a person may still withdraw: earned, less what is pending and
 * paid.  Each sum fits (the book refuses one that does not); their
 * difference is checked too. */
int64_t
hb_money_balance(const struct hb_money_sums *s)
{
	int64_t v = 0;

	if (s != NULL && (!hb_sub(s->earned, s->pending, &v) ||
	    !hb_sub(v, s->paid, &v)))
		hb_die(HB_EXIT_DATA, "the total of the person's earnings is too "
		    "large");
	return v;
}

static const struct hb_money_sums *
money_in(const struct money *m, const char *currency)
{
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->sums[i].currency, currency) == 0)
			return &m->sums[i];
	return NULL;
}

/* The currency of a request: the one given, else the one the person has
 * money in; a person with money in several must say which. */
static void
request_currency(struct hb_book *book, const struct hb_person *p,
    const struct money *m, const char *given, char out[4])
{
	char list[80] = "";
	char *fallback;
	const char *why;

	if (hb_given(given)) {
		char *c = hb_setting_canonical(hb_setting_find("currency"), given,
		    &why);

		if (c == NULL)
			hb_fail(HB_EXIT_DATA, "currency", "\"%s\" %s", given, why);
		snprintf(out, 4, "%s", c);
		free(c);
		return;
	}
	if (m->n == 1) {
		snprintf(out, 4, "%s", m->sums[0].currency);
		return;
	}
	if (m->n == 0) {
		fallback = hb_config_get(book, "currency");
		snprintf(out, 4, "%s", fallback);
		free(fallback);
		return;
	}
	for (size_t i = 0; i < m->n; i++)
		hb_list_append(list, sizeof list, m->sums[i].currency);
	hb_fail_missing("currency", "%s has money in %s: say which with "
	    "--currency", p->handle, list);
}

void
hb_withdraw_request(struct hb_book *book, const char *person,
    const char *amount_text, const char *currency, const char *key,
    struct hb_withdrawal *out, bool *repeated)
{
	struct hb_person p;
	struct money m;
	const struct hb_money_sums *sums;
	struct hb_calendar cal;
	struct hb_withdrawal_row row;
	int64_t amount, minimum, per_month, available, id;
	char cur[4], a[HB_MONEY_BUFSZ], b[HB_MONEY_BUFSZ];

	*repeated = false;
	whose(book, person, &p);
	if (strcmp(p.role, "client") == 0)
		hb_fail(HB_EXIT_REFUSED, "person", "%s is a client's person: "
		    "nothing to withdraw", p.handle);
	amount = hb_field_money("amount", amount_text);
	if (amount <= 0)
		hb_fail(HB_EXIT_DATA, "amount", "must be more than 0");
	if (key != NULL && *key != '\0') {
		hb_field_text("key", key, KEY_MAX, 0);
		if ((id = hb_book_withdrawal_by_key(book, p.id, key)) != 0) {
			hb_book_withdrawal_get(book, id, out);
			if (out->amount != amount || (hb_given(currency) &&
			    strcmp(out->currency, currency) != 0))
				hb_fail(HB_EXIT_REFUSED, "key", "\"%s\" was used for "
				    "withdrawal %lld of %s %s", key, (long long)id,
				    money(out->amount, a), out->currency);
			*repeated = true;
			hb_person_release(&p);
			return;
		}
	}
	money_load(book, p.id, &m);
	request_currency(book, &p, &m, currency, cur);
	sums = money_in(&m, cur);
	available = hb_money_balance(sums);
	minimum = minimum_in(book, cur);
	per_month = hb_config_int(book, "withdraw.per_month", 0);
	if (amount < minimum)
		hb_fail(HB_EXIT_REFUSED, "amount", "below the minimum: %s %s is "
		    "less than withdraw.minimum %s %s", money(amount, a), cur,
		    money(minimum, b), cur);
	if (m.requests >= per_month) {
		char next[HB_DATE_BUFSZ];

		hb_fail(HB_EXIT_REFUSED, "amount", "limit reached: %s made %d "
		    "request%s in %s (withdraw.per_month is %lld); the next is "
		    "possible from %s", p.handle, m.requests,
		    m.requests == 1 ? "" : "s", m.month, (long long)per_month,
		    hb_date_format(next_month(), next));
	}
	if (amount > available)
		hb_fail(HB_EXIT_REFUSED, "amount", "more than the balance: %s %s "
		    "requested, %s %s available", money(amount, a), cur,
		    money(available, b), cur);
	hb_config_calendar(book, &cal);
	row.person_id = p.id;
	row.amount = amount;
	row.currency = cur;
	row.month = m.month;
	{
		int days = (int)hb_config_int(book, "withdraw.payout_days", 0);
		char today[HB_DATE_BUFSZ];

		row.due = hb_day_check(hb_business_days_add(&cal, hb_today(),
		    days), "the payout date (%d business day%s after %s)", days,
		    days == 1 ? "" : "s", hb_date_format(hb_today(), today));
	}
	row.key = key != NULL && *key != '\0' ? key : NULL;
	hb_config_calendar_release(&cal);
	id = hb_book_withdrawal_insert(book, &row);
	log_withdrawal(book, id, "status", NULL, "requested", NULL);
	hb_book_withdrawal_get(book, id, out);
	free(m.sums);
	hb_person_release(&p);
}

void
hb_withdraw_decide(struct hb_book *book, const char *withdrawal, bool pay,
    const char *reason, struct hb_withdrawal *out)
{
	const struct hb_actor *a = hb_actor_get(book);
	struct hb_withdrawal w;
	int64_t id = hb_field_count("withdrawal", withdrawal, 1,
	    INT64_C(999999999999));

	if (!hb_actor_is_staff(a))
		hb_fail(HB_EXIT_REFUSED, NULL, "%s may not %s withdrawals: only "
		    "staff", hb_actor_text(a), pay ? "pay" : "reject");
	if (!hb_book_withdrawal_get(book, id, &w))
		hb_fail(HB_EXIT_NOINPUT, NULL, "withdrawal %lld does not exist",
		    (long long)id);
	if (strcmp(w.status, "requested") != 0)
		hb_fail(HB_EXIT_REFUSED, NULL, "withdrawal %lld is already %s",
		    (long long)id, w.status);
	if (!pay && (reason == NULL || *reason == '\0'))
		hb_fail_missing("reason", "rejecting needs a reason "
		    "(--reason TEXT)");
	if (!pay)
		hb_field_text("reason", reason, REASON_MAX, 0);
	hb_book_withdrawal_decide(book, id, pay ? "paid" : "rejected",
	    pay ? NULL : reason, hb_today());
	log_withdrawal(book, id, "status", "requested", pay ? "paid" : "rejected",
	    pay ? NULL : reason);
	hb_withdrawal_release(&w);
	hb_book_withdrawal_get(book, id, out);
}

void
hb_withdraw_cancel(struct hb_book *book, const char *withdrawal,
    const char *reason, struct hb_withdrawal *out)
{
	const struct hb_actor *a = hb_actor_get(book);
	struct hb_withdrawal w;
	int64_t id = hb_field_count("withdrawal", withdrawal, 1,
	    INT64_C(999999999999));

	if (!hb_book_withdrawal_get(book, id, &w))
		hb_fail(HB_EXIT_NOINPUT, NULL, "withdrawal %lld does not exist",
		    (long long)id);
	/* Its person, or staff: nobody else's requests. */
	if (!hb_actor_is_staff(a) && strcmp(a->handle, w.person) != 0)
		hb_fail(HB_EXIT_REFUSED, NULL, "%s may not cancel withdrawal %lld "
		    "of %s: only its person or staff", hb_actor_text(a),
		    (long long)id, w.person);
	if (strcmp(w.status, "requested") != 0)
		hb_fail(HB_EXIT_REFUSED, NULL, "withdrawal %lld is already %s: "
		    "only a request not yet paid or rejected is cancelled",
		    (long long)id, w.status);
	if (reason != NULL && *reason != '\0')
		hb_field_text("reason", reason, REASON_MAX, 0);
	else
		reason = NULL;
	hb_book_withdrawal_decide(book, id, "cancelled", reason, hb_today());
	log_withdrawal(book, id, "status", "requested", "cancelled", reason);
	hb_withdrawal_release(&w);
	hb_book_withdrawal_get(book, id, out);
}

const char *const hb_status_columns[] = {
	"person", "currency", "balance", "pending", "paid_this_month",
	"requests_this_month", "requests_left", "minimum", "possible", "reason",
	"next_possible", NULL
};

/* One currency's row: every reason that blocks a request now, and the
 * first day on which one would really be possible (none when only more
 * earnings would make it). */
static bool
status_row(struct hb_book *book, const struct hb_person *p,
    const struct money *m, const char *cur, const struct hb_money_sums *sums,
    struct hb_csv_writer *w)
{
	int64_t minimum = minimum_in(book, cur);
	int64_t per_month = hb_config_int(book, "withdraw.per_month", 0);
	int64_t balance = hb_money_balance(sums);
	int64_t left = per_month - m->requests;
	char a[HB_MONEY_BUFSZ], b[HB_MONEY_BUFSZ], next[HB_DATE_BUFSZ];
	char reasons[400] = "";
	const char *when = NULL;
	bool possible;

	if (left < 0)
		left = 0;
	if (left == 0) {
		snprintf(reasons, sizeof reasons, "limit reached: %d request%s "
		    "in %s", m->requests, m->requests == 1 ? "" : "s", m->month);
		when = hb_date_format(next_month(), next);
	}
	if (balance < minimum) {
		size_t len = strlen(reasons);

		snprintf(reasons + len, sizeof reasons - len, "%sbelow the "
		    "minimum: the balance %s is less than %s (no date makes a "
		    "request possible without more earnings)",
		    len ? "; " : "", money(balance, a), money(minimum, b));
		when = NULL;
	} else if (balance <= 0) {
		/* A minimum of 0 lets the balance pass it, but a request
		 * is of something (amount > 0). */
		size_t len = strlen(reasons);

		snprintf(reasons + len, sizeof reasons - len, "%snothing to "
		    "withdraw: the balance is %s (no date makes a request "
		    "possible without more earnings)", len ? "; " : "",
		    money(balance, a));
		when = NULL;
	}
	possible = reasons[0] == '\0';
	hb_csv_text(w, p->handle);
	hb_csv_text(w, cur);
	hb_csv_money(w, balance);
	hb_csv_money(w, sums ? sums->pending : 0);
	hb_csv_money(w, sums ? sums->paid_in_month : 0);
	hb_csv_int(w, m->requests);
	hb_csv_int(w, left);
	hb_csv_money(w, minimum);
	hb_csv_text(w, possible ? "yes" : "no");
	hb_csv_text(w, possible ? NULL : reasons);
	hb_csv_text(w, when);
	hb_csv_end_row(w);
	return possible;
}

bool
hb_withdraw_status(struct hb_book *book, const char *person,
    struct hb_csv_writer *w)
{
	struct hb_person p;
	struct money m;
	bool possible = false;
	char *fallback;

	whose(book, person, &p);
	money_load(book, p.id, &m);
	if (m.n == 0) {
		fallback = hb_config_get(book, "currency");
		possible = status_row(book, &p, &m, fallback, NULL, w);
		free(fallback);
	}
	for (size_t i = 0; i < m.n; i++)
		possible |= status_row(book, &p, &m, m.sums[i].currency,
		    &m.sums[i], w);
	free(m.sums);
	hb_person_release(&p);
	return possible;
}

const char *const hb_withdrawal_columns[] = {
	"withdrawal", "person", "amount", "currency", "status", "requested",
	"due", "decided", "reason", "key", NULL
};

void
hb_withdrawal_print(struct hb_csv_writer *w, const struct hb_withdrawal *x)
{
	char due[HB_DATE_BUFSZ];

	hb_csv_int(w, x->id);
	hb_csv_text(w, x->person);
	hb_csv_money(w, x->amount);
	hb_csv_text(w, x->currency);
	hb_csv_text(w, x->status);
	hb_csv_timestamp(w, x->requested);
	hb_csv_date(w, hb_date_format(x->due, due));
	hb_csv_date(w, x->decided);
	hb_csv_text(w, x->reason);
	hb_csv_text(w, x->key);
	hb_csv_end_row(w);
}

static void
print_withdrawal(void *ctx, const struct hb_withdrawal *x)
{
	hb_withdrawal_print(ctx, x);
}

void
hb_withdraw_list(struct hb_book *book, const char *person,
    const char *from, const char *to, struct hb_csv_writer *w)
{
	const struct hb_actor *a;
	struct hb_person p;

	if (person != NULL && *person != '\0') {
		whose(book, person, &p);
		hb_book_each_withdrawal(book, p.handle, from, to,
		    print_withdrawal, w);
		hb_person_release(&p);
		return;
	}
	a = hb_actor_get(book);
	/* Staff see everyone's; anyone else their own. */
	hb_book_each_withdrawal(book, hb_actor_is_staff(a) ? NULL : a->handle,
	    from, to, print_withdrawal, w);
}

const char *const hb_earning_columns[] = {
	"person", "date", "kind", "task", "entry", "minutes", "amount",
	"currency", NULL
};

static void
print_earning(void *ctx, const struct hb_earning *e)
{
	struct hb_csv_writer *w = ctx;

	hb_csv_text(w, e->person);
	hb_csv_date(w, e->day);
	hb_csv_text(w, e->kind);
	if (e->task_id)
		hb_csv_int(w, e->task_id);
	else
		hb_csv_null(w);
	if (e->entry_id)
		hb_csv_int(w, e->entry_id);
	else
		hb_csv_null(w);
	if (e->entry_id)
		hb_csv_minutes(w, e->minutes);
	else
		hb_csv_null(w);
	hb_csv_money(w, e->amount);
	hb_csv_text(w, e->currency);
	hb_csv_end_row(w);
}

void
hb_earnings_export(struct hb_book *book, const char *person,
    const char *from, const char *to, struct hb_csv_writer *w)
{
	hb_book_each_earning(book, person, from, to, print_earning, w);
}

void
hb_earnings_credit_fee(struct hb_book *book, int64_t task_id,
    int64_t person_id, int64_t fee, const char *currency)
{
	hb_book_fee_insert(book, person_id, task_id, fee, currency, hb_today());
}
