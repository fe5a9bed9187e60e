/*
 * check: book-check's rules (check.h), one function per check, run in the
 * order of the table below.  The readings come from book.c; the figures
 * that have one place of computation (a package's balance, a person's
 * money) come from that place, so book-check disagrees with a command
 * only when the book does.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "hourbook/balance.h"
#include "hourbook/book.h"
#include "hourbook/session.h"
#include "hourbook/check.h"
#include "hourbook/clock.h"
#include "hourbook/diag.h"
#include "hourbook/field.h"
#include "hourbook/money.h"
#include "hourbook/money_ledger.h"
#include "hourbook/package.h"

const char *const hb_finding_columns[] = {
	"check", "entity", "key", "message", NULL
};

struct checker {
	struct hb_book *book;
	const char *name;	/* the check running */
	void (*fn)(void *ctx, const struct hb_finding *f);
	void *ctx;
	size_t count;
	hb_day today;
};

static void finding(struct checker *c, const char *entity, const char *key,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
finding(struct checker *c, const char *entity, const char *key,
    const char *fmt, ...)
{
	struct hb_finding f = { c->name, entity, key, NULL };
	char *message;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	message = hb_xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(message, (size_t)n + 1, fmt, ap);
	va_end(ap);
	f.message = message;
	c->fn(c->ctx, &f);
	c->count++;
	free(message);
}

static const char *
id_text(int64_t id, char buf[24])
{
	snprintf(buf, 24, "%lld", (long long)id);
	return buf;
}

/* ---- SQLite's own checks ------------------------------------------------ */

static void
on_storage(void *ctx, const char *message)
{
	finding(ctx, "book", "", "SQLite: %s", message);
}

static void
check_storage(struct checker *c)
{
	hb_book_check_storage(c->book, on_storage, c);
}

static void
on_wal(void *ctx, const char *message)
{
	finding(ctx, "book", "", "%s", message);
}

static void
check_wal(struct checker *c)
{
	hb_book_check_wal(c->book, on_wal, c);
}

static void
on_reference(void *ctx, const char *table, int64_t rowid,
    const char *parent)
{
	char key[24];

	finding(ctx, table ? table : "?", id_text(rowid, key),
	    "refers to a %s row that does not exist", parent ? parent : "?");
}

static void
check_references(struct checker *c)
{
	hb_book_check_references(c->book, on_reference, c);
}

/* ---- the hours ledger --------------------------------------------------- */

static void
on_use(void *ctx, int64_t package_id, const char *day, int64_t recorded,
    int64_t drawn)
{
	char key[24];

	if (recorded != drawn)
		finding(ctx, "package", id_text(package_id, key), "on %s "
		    "package_use records %lld minutes, the entries of that day "
		    "drew %lld", day ? day : "?", (long long)recorded,
		    (long long)drawn);
}

static void
check_use(struct checker *c)
{
	hb_book_check_use(c->book, on_use, c);
}

static void
on_month(void *ctx, int64_t package_id, const char *month, int64_t recorded,
    int64_t drawn)
{
	char key[24];

	if (recorded != drawn)
		finding(ctx, "package", id_text(package_id, key), "for the "
		    "month of %.7s package_month records %lld minutes, its "
		    "days in package_use %lld", month ? month : "?",
		    (long long)recorded, (long long)drawn);
}

static void
check_months(struct checker *c)
{
	hb_book_check_months(c->book, on_month, c);
}

/* What the entries drew per package, in package order. */
struct draws {
	int64_t *ids, *minutes;
	size_t n;
};

static void
on_draw(void *ctx, int64_t package_id, int64_t drawn)
{
	struct draws *d = ctx;

	d->ids = hb_xrealloc(d->ids, (d->n + 1) * sizeof *d->ids);
	d->minutes = hb_xrealloc(d->minutes, (d->n + 1) * sizeof *d->minutes);
	d->ids[d->n] = package_id;
	d->minutes[d->n++] = drawn;
}

static int64_t
drawn_from(const struct draws *d, int64_t package_id)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->ids[i] == package_id)
			return d->minutes[i];
	return 0;
}

/* The used minutes of the balance computation (as of today, as every
 * command sees them) beside the entries' draws until today; and no
 * package's usable minutes below zero. */
static void
check_packages(struct checker *c, bool usable)
{
	struct hb_scope every = { NULL, NULL, 0, 0 };
	struct hb_balances *b = hb_balances_load(c->book, &every, c->today);
	struct draws d = { NULL, NULL, 0 };
	char key[24];

	if (!usable)
		hb_book_check_draws(c->book, c->today, on_draw, &d);
	for (size_t i = 0; i < hb_balances_count(b); i++) {
		const struct hb_package *p = hb_balances_package(b, i);
		int64_t drawn = drawn_from(&d, p->id);

		if (!usable && p->used != drawn)
			finding(c, "package", id_text(p->id, key), "has used %lld "
			    "minutes by its ledger, but its entries drew %lld",
			    (long long)p->used, (long long)drawn);
		if (usable && p->usable < 0)
			finding(c, "package", id_text(p->id, key), "its usable "
			    "minutes are %lld: loaded %lld, used %lld, lapsed %lld",
			    (long long)p->usable, (long long)p->loaded,
			    (long long)p->used, (long long)p->lapsed);
	}
	/* A draw on a package the balances do not know is a reference
	 * finding already. */
	free(d.ids);
	free(d.minutes);
	hb_balances_free(b);
}

static void
check_used(struct checker *c)
{
	check_packages(c, false);
}

static void
check_balance(struct checker *c)
{
	check_packages(c, true);
}

static void
on_task_totals(void *ctx, const struct hb_task_totals *t)
{
	char key[24];

	if (t->worked != t->minutes || t->billed != t->billable)
		finding(ctx, "task", id_text(t->task_id, key), "records %lld "
		    "minutes worked and %lld billed, its entries add up to %lld "
		    "and %lld", (long long)t->worked, (long long)t->billed,
		    (long long)t->minutes, (long long)t->billable);
	if (t->overage != t->beyond)
		finding(ctx, "task", id_text(t->task_id, key), "records %lld "
		    "minutes beyond the packages, its entries %lld",
		    (long long)t->overage, (long long)t->beyond);
}

static void
check_task_totals(struct checker *c)
{
	hb_book_check_task_totals(c->book, on_task_totals, c);
}

/* ---- reversals ---------------------------------------------------------- */

struct reversals {
	struct checker *c;
	int64_t original;	/* the one being counted */
	int64_t count, first;	/* its reversals so far, the first one */
};

static int
by_pair(const void *a, const void *b)
{
	const int64_t *x = a, *y = b;

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return x[1] < y[1] ? -1 : x[1] > y[1];
}

/* Do the splits of r give back exactly those of o? */
static bool
splits_mirror(struct hb_book *book, int64_t r, int64_t o)
{
	size_t nr, no;
	int64_t *sr = hb_book_entry_splits(book, r, &nr);
	int64_t *so = hb_book_entry_splits(book, o, &no);
	bool same = nr == no;

	for (size_t i = 0; same && i < no; i++)
		so[2 * i + 1] = -so[2 * i + 1];
	if (same && nr > 0) {
		qsort(sr, nr, 2 * sizeof *sr, by_pair);
		qsort(so, no, 2 * sizeof *so, by_pair);
		same = memcmp(sr, so, nr * 2 * sizeof *sr) == 0;
	}
	free(sr);
	free(so);
	return same;
}

/* What a reversal must copy and what it must negate: the fields that
 * differ, as "task, minutes" into buf. */
static void
mirror_faults(const struct hb_entry_row *r, const struct hb_entry_row *o,
    char *buf, size_t size)
{
	const struct {
		const char *name;
		bool ok;
	} fields[] = {
		{ "task", r->task_id == o->task_id },
		{ "person", r->person_id == o->person_id },
		{ "date", r->day == o->day },
		{ "minutes", r->minutes == -o->minutes },
		{ "billable minutes", r->billable == -o->billable },
		{ "overage", r->overage == -o->overage },
		{ "earnings", r->earned == -o->earned },
		{ "package", r->package_id == o->package_id },
		{ "package minutes", r->package_minutes == -o->package_minutes },
	};

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (!fields[i].ok)
			hb_list_append(buf, size, fields[i].name);
}

static void
on_reversal(void *ctx, const struct hb_entry_row *r,
    const struct hb_entry_row *o)
{
	struct reversals *rv = ctx;
	struct checker *c = rv->c;
	char key[24], faults[200];

	if (r->reverses == rv->original) {
		if (++rv->count == 2)
			finding(c, "entry", id_text(r->reverses, key), "is "
			    "reversed more than once: by entries %lld and %lld",
			    (long long)rv->first, (long long)r->id);
		else
			finding(c, "entry", id_text(r->reverses, key), "is "
			    "reversed again, by entry %lld", (long long)r->id);
		return;
	}
	rv->original = r->reverses;
	rv->count = 1;
	rv->first = r->id;
	if (o == NULL)
		return;		/* a reference finding */
	if (o->reverses != 0) {
		finding(c, "entry", id_text(r->id, key), "reverses entry %lld, "
		    "itself the reversal of entry %lld", (long long)o->id,
		    (long long)o->reverses);
		return;
	}
	mirror_faults(r, o, faults, sizeof faults);
	if (!splits_mirror(c->book, r->id, o->id))
		hb_list_append(faults, sizeof faults, "split packages");
	if (faults[0] != '\0')
		finding(c, "entry", id_text(r->id, key), "reverses entry %lld "
		    "but does not mirror its %s", (long long)o->id, faults);
}

static void
check_reversals(struct checker *c)
{
	struct reversals rv = { c, 0, 0, 0 };

	hb_book_check_reversals(c->book, on_reversal, &rv);
}

/* ---- money and invoices ------------------------------------------------- */

struct people {
	int64_t *ids;
	char **handles;
	size_t n;
};

static void
on_person(void *ctx, const struct hb_person *p)
{
	struct people *pp = ctx;

	pp->ids = hb_xrealloc(pp->ids, (pp->n + 1) * sizeof *pp->ids);
	pp->handles = hb_xrealloc(pp->handles,
	    (pp->n + 1) * sizeof *pp->handles);
	pp->ids[pp->n] = p->id;
	pp->handles[pp->n++] = hb_xstrdup(p->handle ? p->handle : "?");
}

static void
on_earned(void *ctx, const char *person, const char *currency,
    int64_t recorded, int64_t earned)
{
	char a[HB_MONEY_BUFSZ], b[HB_MONEY_BUFSZ];

	if (recorded != earned)
		finding(ctx, "person", person ? person : "?", "%s: "
		    "person_earned records %s, the person's entries earned %s",
		    currency ? currency : "?", hb_money_format(recorded, '.', a),
		    hb_money_format(earned, '.', b));
}

static void
check_earned(struct checker *c)
{
	hb_book_check_earned(c->book, on_earned, c);
}

static void
check_earnings(struct checker *c)
{
	struct people pp = { NULL, NULL, 0 };
	hb_day first = hb_month_add(c->today, 0);
	char a[HB_MONEY_BUFSZ], b[HB_MONEY_BUFSZ], d[HB_MONEY_BUFSZ];

	hb_book_each_person(c->book, NULL, NULL, on_person, &pp);
	for (size_t i = 0; i < pp.n; i++) {
		struct hb_money_sums *sums;
		size_t n = hb_book_money_sums(c->book, pp.ids[i], first,
		    hb_next_month(first) - 1, &sums);

		for (size_t k = 0; k < n; k++) {
			int64_t balance = hb_money_balance(&sums[k]);

			if (balance < 0)
				finding(c, "person", pp.handles[i], "%s: earned %s, "
				    "withdrawals requested or paid %s: the balance "
				    "is %s", sums[k].currency,
				    hb_money_format(sums[k].earned, '.', a),
				    hb_money_format(sums[k].pending + sums[k].paid,
				    '.', b), hb_money_format(balance, '.', d));
		}
		free(sums);
		free(pp.handles[i]);
	}
	free(pp.ids);
	free(pp.handles);
}

/* A freelancer's and a project's rate is the newest step of its history
 * (schema 16): the step hours-log, package-add and billing-run read. */
static void
on_rate(void *ctx, const char *entity, const char *key, int64_t rate,
    bool has_history, int64_t newest)
{
	char a[HB_MONEY_BUFSZ], b[HB_MONEY_BUFSZ];

	if (!has_history)
		finding(ctx, entity ? entity : "?", key ? key : "?", "has no "
		    "rate history (its rate %s is used for every day)",
		    hb_money_format(rate, '.', a));
	else if (rate != newest)
		finding(ctx, entity ? entity : "?", key ? key : "?", "its rate "
		    "is %s, the newest step of its rate history %s",
		    hb_money_format(rate, '.', a),
		    hb_money_format(newest, '.', b));
}

static void
check_rates(struct checker *c)
{
	hb_book_check_rates(c->book, on_rate, c);
}

/* The sales ledger (schema 17): a reversal is the negation of its row,
 * and a project's month has at most one row standing (sales-log keeps
 * it so; billing-run bills the sum). */
static void
on_sales_reversal(void *ctx, const struct hb_row *row)
{
	char id[24], of[24];

	finding(ctx, "sales", id_text(hb_row_int(row, 0), id), "reverses "
	    "sales %s, but not with its figures negated in its month (or that "
	    "row is missing, or a reversal itself)",
	    id_text(hb_row_int(row, 1), of));
}

static void
on_sales_standing(void *ctx, const struct hb_row *row)
{
	const char *code = hb_row_text(row, 0), *month = hb_row_text(row, 1);

	finding(ctx, "project", code ? code : "?", "%s has %lld rows of "
	    "sales figures standing (sales-log keeps one a month)",
	    month ? month : "?", (long long)hb_row_int(row, 2));
}

static void
check_sales(struct checker *c)
{
	hb_book_query(c->book, HB_Q_CHECK_SALES_REVERSALS, NULL, 0,
	    on_sales_reversal, c);
	hb_book_query(c->book, HB_Q_CHECK_SALES_STANDING, NULL, 0,
	    on_sales_standing, c);
}

/* The vouchers (schema 20): complaint and billing-run keep a money
 * voucher's credits within its amount, package-set loads an hours
 * voucher as a load of its minutes on the package's period. */
static void
on_voucher(void *ctx, const struct hb_row *row)
{
	char id[24];

	finding(ctx, "complaint", id_text(hb_row_int(row, 0), id), "%s",
	    hb_row_int(row, 1) ? "its voucher's credits on invoices add up "
	    "to more than the voucher" : "its hours voucher is loaded on a "
	    "package without a load of its hours on that period");
}

static void
check_vouchers(struct checker *c)
{
	hb_book_query(c->book, HB_Q_CHECK_VOUCHERS, NULL, 0, on_voucher, c);
}

static void
on_invoices(void *ctx, const struct hb_invoice_group *g)
{
	char key[24], package[40] = "no package";

	if (g->count < 2)
		return;
	if (g->package_id != 0)
		snprintf(package, sizeof package, "package %lld",
		    (long long)g->package_id);
	finding(ctx, "project", g->project ? g->project
	    : id_text(g->project_id, key), "has %lld invoices for %s and %s "
	    "(invoices %lld to %lld): one is the most", (long long)g->count,
	    g->period ? g->period : "?", package, (long long)g->first,
	    (long long)g->last);
}

static void
check_invoices(struct checker *c)
{
	hb_book_check_invoices(c->book, on_invoices, c);
}

/* ---- the run ------------------------------------------------------------ */

static const struct {
	const char *name;
	void (*run)(struct checker *c);
} checks[] = {
	{ "storage", check_storage },
	{ "wal", check_wal },
	{ "reference", check_references },
	{ "package_use", check_use },
	{ "package_month", check_months },
	{ "package_used", check_used },
	{ "task_totals", check_task_totals },
	{ "reversal", check_reversals },
	{ "person_earned", check_earned },
	{ "earnings", check_earnings },
	{ "rate", check_rates },
	{ "sales", check_sales },
	{ "voucher", check_vouchers },
	{ "invoice", check_invoices },
	{ "balance", check_balance },
};

size_t
hb_check_book(void (*fn)(void *ctx, const struct hb_finding *f), void *ctx)
{
	struct checker c = { NULL, "storage", fn, ctx, 0, 0 };
	char *damage;

	c.book = hb_book_open_check(&damage);
	if (c.book == NULL) {
		finding(&c, "book", "", "cannot be opened: %s", damage);
		free(damage);
		return c.count;
	}
	c.today = hb_today();
	for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
		c.name = checks[i].name;
		checks[i].run(&c);
		/* What it read up to the damage gave its findings; the rest
		 * of that check is this one. */
		if ((damage = hb_book_damage(c.book)) != NULL) {
			finding(&c, "book", "", "could not be read to the end: "
			    "SQLite: %s", damage);
			free(damage);
		}
	}
	hb_book_close(c.book);
	return c.count;
}
