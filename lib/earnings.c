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

#define KEY_MAX 200
#define REASON_MAX 1000

void
hb_withdrawal_release(struct hb_withdrawal *w)
{
	free(w->person);
	free(w->status);
	free(w->requested);
	free(w->decided);
	free(w->reason);
	free(w->key);
	memset(w, 0, sizeof *w);
}

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

static char *
money(int64_t cents, char *buf)
{
	return hb_money_format(cents, '.', buf);
}

static void
log_withdrawal(struct hb_book *book, int64_t id, const char *what,
    const char *old_value, const char *new_value, const char *reason)
{
	char key[24];

	snprintf(key, sizeof key, "%lld", (long long)id);
	hb_book_event(book, "withdrawal", key, what, old_value, new_value, reason);
}

void
hb_withdraw_request(struct hb_book *book, const char *person,
    const char *amount_text, const char *key, struct hb_withdrawal *out,
    bool *repeated)
{
	struct hb_person p;
	struct hb_money_sums sums;
	struct hb_calendar cal;
	struct hb_withdrawal_row row;
	int64_t amount, minimum, per_month, available, id;
	char month[8], a[HB_MONEY_BUFSZ], b[HB_MONEY_BUFSZ];

	*repeated = false;
	whose(book, person, &p);
	if (strcmp(p.role, "client") == 0)
		hb_fail(HB_EXIT_REFUSED, "person", "%s is a client's person: "
		    "nothing to withdraw", p.handle);
	amount = hb_field_money("amount", amount_text);
	if (key != NULL && *key != '\0') {
		hb_field_text("key", key, KEY_MAX, 0);
		if ((id = hb_book_withdrawal_by_key(book, p.id, key)) != 0) {
			hb_book_withdrawal_get(book, id, out);
			if (out->amount != amount)
				hb_fail(HB_EXIT_REFUSED, "key", "\"%s\" was used for "
				    "withdrawal %lld of %s", key, (long long)id,
				    money(out->amount, a));
			*repeated = true;
			hb_person_release(&p);
			return;
		}
	}
	this_month(month);
	hb_book_money_sums(book, p.id, month, &sums);
	available = sums.earned - sums.pending - sums.paid;
	minimum = hb_config_int(book, "withdraw.minimum", 0);
	per_month = hb_config_int(book, "withdraw.per_month", 0);
	if (amount < minimum)
		hb_fail(HB_EXIT_REFUSED, "amount", "below the minimum: %s is less "
		    "than withdraw.minimum %s", money(amount, a),
		    money(minimum, b));
	if (sums.requests_in_month >= per_month) {
		char next[HB_DATE_BUFSZ];

		hb_fail(HB_EXIT_REFUSED, "amount", "limit reached: %s made %d "
		    "request%s in %s (withdraw.per_month is %lld); the next is "
		    "possible from %s", p.handle, sums.requests_in_month,
		    sums.requests_in_month == 1 ? "" : "s", month,
		    (long long)per_month,
		    hb_date_format(hb_next_month(hb_today()), next));
	}
	if (amount > available)
		hb_fail(HB_EXIT_REFUSED, "amount", "more than the balance: %s "
		    "requested, %s available", money(amount, a),
		    money(available, b));
	hb_config_calendar(book, &cal);
	row.person_id = p.id;
	row.amount = amount;
	row.month = month;
	row.due = hb_business_days_add(&cal, hb_today(),
	    (int)hb_config_int(book, "withdraw.payout_days", 0));
	row.key = key != NULL && *key != '\0' ? key : NULL;
	hb_config_calendar_release(&cal);
	id = hb_book_withdrawal_insert(book, &row);
	log_withdrawal(book, id, "status", NULL, "requested", NULL);
	hb_book_withdrawal_get(book, id, out);
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

const char *const hb_status_columns[] = {
	"person", "currency", "balance", "pending", "paid_this_month",
	"requests_this_month", "requests_left", "minimum", "possible", "reason",
	"next_possible", NULL
};

bool
hb_withdraw_status(struct hb_book *book, const char *person,
    struct hb_csv_writer *w)
{
	struct hb_person p;
	struct hb_money_sums sums;
	int64_t minimum, per_month, balance, left;
	char month[8], a[HB_MONEY_BUFSZ], b[HB_MONEY_BUFSZ], next[HB_DATE_BUFSZ];
	char *currency, *reason = NULL;
	const char *when = NULL;

	whose(book, person, &p);
	this_month(month);
	hb_book_money_sums(book, p.id, month, &sums);
	minimum = hb_config_int(book, "withdraw.minimum", 0);
	per_month = hb_config_int(book, "withdraw.per_month", 0);
	balance = sums.earned - sums.pending - sums.paid;
	left = per_month - sums.requests_in_month;
	if (left < 0)
		left = 0;
	if (left == 0) {
		reason = hb_xprintf("limit reached: %d request%s in %s",
		    sums.requests_in_month, sums.requests_in_month == 1 ? "" : "s",
		    month);
		when = hb_date_format(hb_next_month(hb_today()), next);
	} else if (balance < minimum) {
		reason = hb_xprintf("below the minimum: the balance %s is less "
		    "than %s", money(balance, a), money(minimum, b));
	}
	currency = hb_config_get(book, "currency");
	hb_csv_text(w, p.handle);
	hb_csv_text(w, currency);
	hb_csv_money(w, balance);
	hb_csv_money(w, sums.pending);
	hb_csv_money(w, sums.paid_in_month);
	hb_csv_int(w, sums.requests_in_month);
	hb_csv_int(w, left);
	hb_csv_money(w, minimum);
	hb_csv_text(w, reason ? "no" : "yes");
	hb_csv_text(w, reason);
	hb_csv_text(w, when);
	hb_csv_end_row(w);
	free(currency);
	free(reason);
	hb_person_release(&p);
	return when == NULL && reason == NULL;
}

const char *const hb_withdrawal_columns[] = {
	"withdrawal", "person", "amount", "status", "requested", "due",
	"decided", "reason", "key", NULL
};

void
hb_withdrawal_print(struct hb_csv_writer *w, const struct hb_withdrawal *x)
{
	char due[HB_DATE_BUFSZ];

	hb_csv_int(w, x->id);
	hb_csv_text(w, x->person);
	hb_csv_money(w, x->amount);
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
	"person", "date", "kind", "task", "entry", "minutes", "amount", NULL
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
    int64_t person_id, int64_t fee)
{
	hb_book_fee_insert(book, person_id, task_id, fee, hb_today());
}
