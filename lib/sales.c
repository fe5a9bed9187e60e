/*
 * sales: sales-share agreements, the sales ledger and the arithmetic of
 * a month's share (sales.h).  The SQL is book.c's; billing.c writes the
 * invoice lines this module describes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hourbook/actor.h"
#include "hourbook/book.h"
#include "hourbook/clock.h"
#include "hourbook/diag.h"
#include "hourbook/field.h"
#include "hourbook/money.h"
#include "hourbook/names.h"
#include "hourbook/sales.h"

#define NOTE_MAX 4096
#define REASON_MAX 1000
/* The most units a month: far beyond any shop, well within int64. */
#define UNITS_MAX INT64_C(999999999999)

/* ---- months -------------------------------------------------------------- */

/* "YYYY-MM" of the month holding day, into buf (HB_DATE_BUFSZ). */
static const char *
month_of(hb_day day, char buf[HB_DATE_BUFSZ])
{
	hb_date_format(day, buf);
	buf[7] = '\0';
	return buf;
}

/* The first day of the month holding day. */
static hb_day
month_start(hb_day day)
{
	int y, m, d;

	hb_civil_from_day(day, &y, &m, &d);
	return hb_day_from_civil(y, m, 1);
}

/* A month column: YYYY-MM, its first day. */
static hb_day
field_month(const char *column, const char *s)
{
	const char *why;
	hb_day first;

	if (hb_month_parse(s, &first, &why) != 0)
		hb_fail(HB_EXIT_DATA, column, "\"%s\" %s", s, why);
	return first;
}

/* The terms in force in the month starting on first: the newest step
 * from it or before; none before the first step. */
static struct hb_share_terms
terms_on(const struct hb_share_step *steps, size_t n, hb_day first)
{
	struct hb_share_terms t = { 0 };

	for (size_t i = 0; i < n && steps[i].from <= first; i++)
		t = steps[i].terms;
	return t;
}

static bool
terms_equal(const struct hb_share_terms *a, const struct hb_share_terms *b)
{
	if (a->active != b->active)
		return false;
	if (!a->active)
		return true;
	return a->minimum == b->minimum && a->by_revenue == b->by_revenue &&
	    a->threshold == b->threshold && a->percent == b->percent &&
	    a->has_cap == b->has_cap && (!a->has_cap || a->cap == b->cap);
}

char *
hb_share_terms_text(const struct hb_share_terms *t)
{
	char min[HB_MONEY_BUFSZ], pct[16], thr[HB_MONEY_BUFSZ], cap[HB_MONEY_BUFSZ];
	char *text, *capped;

	if (!t->active)
		return hb_xstrdup("none");
	hb_money_format(t->minimum, '.', min);
	hb_percent_format(t->percent, pct);
	if (t->by_revenue)
		text = hb_xprintf("%s a month + %s%% of the revenue above %s",
		    min, pct, hb_money_format(t->threshold, '.', thr));
	else
		text = hb_xprintf("%s a month + %s%% of the revenue of the "
		    "units above %lld", min, pct, (long long)t->threshold);
	if (!t->has_cap)
		return text;
	capped = hb_xprintf("%s, at most %s", text,
	    hb_money_format(t->cap, '.', cap));
	free(text);
	return capped;
}

/* ---- the terms (project-add, project-set) --------------------------------- */

static bool
terms_given(const struct hb_share_input *in)
{
	return hb_given(in->minimum_fee) || hb_given(in->kpi_units) ||
	    hb_given(in->kpi_revenue) || hb_given(in->share) ||
	    hb_given(in->share_cap);
}

/* The terms given over base (the terms in force, or none). */
static struct hb_share_terms
terms_wanted(const struct hb_project *p, const struct hb_share_input *in,
    const struct hb_share_terms *base, const char *month)
{
	struct hb_share_terms t = { 0 };
	bool full = hb_given(in->minimum_fee) && hb_given(in->share) &&
	    (hb_given(in->kpi_units) || hb_given(in->kpi_revenue));

	if (hb_given(in->kpi_units) && hb_given(in->kpi_revenue))
		hb_fail(HB_EXIT_DATA, "kpi_revenue", "give kpi_units or "
		    "kpi_revenue, not both: the threshold counts units sold or "
		    "revenue");
	if (!full) {
		if (!base->active)
			hb_fail_missing(!hb_given(in->minimum_fee) ? "minimum_fee"
			    : !hb_given(in->share) ? "share" : "kpi_units",
			    "%s has no sales-share agreement in force%s%s: an "
			    "agreement needs a minimum_fee, a threshold "
			    "(kpi_units or kpi_revenue) and a share", p->code,
			    month ? " in " : "", month ? month : "");
		t = *base;
	}
	t.active = true;
	if (full)
		t.has_cap = false;
	if (hb_given(in->minimum_fee))
		t.minimum = hb_field_money("minimum_fee", in->minimum_fee);
	if (hb_given(in->kpi_units)) {
		t.by_revenue = false;
		t.threshold = hb_field_count("kpi_units", in->kpi_units, 0,
		    UNITS_MAX);
	}
	if (hb_given(in->kpi_revenue)) {
		t.by_revenue = true;
		t.threshold = hb_field_money("kpi_revenue", in->kpi_revenue);
	}
	if (hb_given(in->share)) {
		t.percent = hb_field_percent("share", in->share);
		if (t.percent > 10000)
			hb_fail(HB_EXIT_DATA, "share", "\"%s\": a share is at "
			    "most 100%%", in->share);
	}
	if (hb_given(in->share_cap)) {
		t.has_cap = true;
		t.cap = hb_field_money("share_cap", in->share_cap);
	}
	return t;
}

/* The newest month from `from` on that an invoice without a package
 * bills (the sales-share invoice is one), into buf; false when none. */
static void
take_text(void *ctx, const struct hb_row *row)
{
	char *buf = ctx;

	snprintf(buf, 8, "%s", hb_row_null(row, 0) ? "" : hb_row_text(row, 0));
}

static void
take_int(void *ctx, const struct hb_row *row)
{
	*(int64_t *)ctx = hb_row_null(row, 0) ? 0 : hb_row_int(row, 0);
}

bool
hb_share_set(struct hb_book *book, const struct hb_project *p,
    const struct hb_share_input *in, const char *reason, bool correcting)
{
	bool ended = correcting && hb_given(in->no_share) &&
	    hb_field_flag("no_share", in->no_share);
	struct hb_share_step *steps;
	struct hb_share_terms want, base, before;
	size_t n;
	hb_day from;
	char month[HB_DATE_BUFSZ], billed[8] = "", next[HB_DATE_BUFSZ];
	char *old, *new, *terms;

	if (!terms_given(in) && !ended) {
		if (hb_given(in->share_from))
			hb_fail_missing("minimum_fee", "%s: share_from is the "
			    "first month of new sales-share terms: give the terms "
			    "(minimum_fee, kpi_units or kpi_revenue, share, "
			    "share_cap)%s", p->code, correcting ? " or no_share"
			    : "");
		return false;
	}
	if (ended && terms_given(in))
		hb_fail(HB_EXIT_DATA, "no_share", "give sales-share terms or "
		    "no_share, not both");
	n = hb_book_share_steps(book, p->id, &steps);
	if (!hb_given(in->share_from) && correcting) {
		/* Without a month only the newest terms fed back are no
		 * change (an export given to project-set --csv). */
		want = ended ? (struct hb_share_terms){ 0 }
		    : terms_wanted(p, in, &p->share, NULL);
		free(steps);
		if (terms_equal(&want, &p->share))
			return false;
		hb_fail_missing("share_from", "%s: new sales-share terms need "
		    "the month they hold from (--share-from YYYY-MM): the months "
		    "before it keep theirs", p->code);
	}
	from = hb_given(in->share_from) ? field_month("share_from",
	    in->share_from) : month_start(hb_today());
	month_of(from, month);
	base = terms_on(steps, n, from);
	want = ended ? (struct hb_share_terms){ 0 }
	    : terms_wanted(p, in, &base, month);
	if (terms_equal(&want, &base)) {
		free(steps);
		return false;
	}
	if (correcting && !hb_given(reason))
		hb_fail_missing("reason", "changing the sales-share terms of %s "
		    "needs a reason (--reason TEXT): every correction goes to "
		    "the event log with its old and new value and why", p->code);
	/* A month billed keeps the terms it was billed on. */
	{
		struct hb_param q[] = { hb_int(p->id), hb_text(month) };

		hb_book_query(book, HB_Q_PLAIN_INVOICE_FROM, q, 2, take_text,
		    billed);
	}
	if (billed[0] != '\0') {
		hb_day last;

		free(steps);
		if (hb_month_parse(billed, &last, NULL) != 0)
			last = from;
		hb_fail(HB_EXIT_REFUSED, "share_from", "%s: %s is billed "
		    "already: its terms stay as billed; new terms can hold from "
		    "%s on", p->code, billed, month_of(hb_next_month(last),
		    next));
	}
	/* The history keeps no step that repeats the one before it. */
	before = terms_on(steps, n, from - 1);
	if (terms_equal(&want, &before))
		hb_book_share_delete(book, p->id, from);
	else
		hb_book_share_put(book, p->id, from, &want);
	for (size_t i = 0; i < n; i++)
		if (steps[i].from > from) {
			if (terms_equal(&steps[i].terms, &want))
				hb_book_share_delete(book, p->id, steps[i].from);
			else
				hb_note("%s: these sales-share terms hold from %s "
				    "until %s, when the terms set from that month "
				    "apply", p->code, month, month_of(steps[i].from,
				    next));
			break;
		}
	old = base.active ? hb_share_terms_text(&base) : NULL;
	terms = hb_share_terms_text(&want);
	new = hb_xprintf("%s from %s", terms, month);
	hb_book_event(book, "project", p->code, "sales_share", old, new,
	    reason && *reason ? hb_field_text("reason", reason, REASON_MAX, 0)
	    : NULL);
	free(old);
	free(terms);
	free(new);
	free(steps);
	return true;
}

/* ---- the arithmetic of a month ------------------------------------------- */

bool
hb_share_compute(const struct hb_share_terms *t, int64_t units,
    int64_t revenue, struct hb_share_month *out)
{
	struct hb_share_month m = { 0 };

	if (t->active && t->by_revenue && revenue > t->threshold) {
		m.above = true;
		m.base = revenue - t->threshold;
	} else if (t->active && !t->by_revenue && units > t->threshold) {
		m.above = true;
		m.units_above = units - t->threshold;
		/* Each unit at the month's average price. */
		if (!hb_scale_round(revenue, m.units_above, units, &m.base))
			return false;
	}
	if (m.above) {
		if (!hb_money_percent(m.base, t->percent, &m.uncapped))
			return false;
		m.share = m.uncapped;
		if (t->has_cap && m.share > t->cap) {
			m.share = t->cap;
			m.capped = true;
		}
	}
	*out = m;
	return true;
}

bool
hb_share_lines(const struct hb_share_terms *t, const char *month,
    bool has_figures, int64_t units, int64_t revenue,
    struct hb_share_lines *out)
{
	struct hb_share_month m = { 0 };
	char rev[HB_MONEY_BUFSZ], thr[HB_MONEY_BUFSZ], base[HB_MONEY_BUFSZ];
	char pct[16], share[HB_MONEY_BUFSZ], cap[HB_MONEY_BUFSZ];
	char *capped;

	memset(out, 0, sizeof *out);
	if (has_figures && !hb_share_compute(t, units, revenue, &m))
		return false;
	hb_money_format(revenue, '.', rev);
	hb_money_format(t->threshold, '.', thr);
	if (!has_figures)
		out->figures_text = hb_xstrdup("no sales figures, billed at the "
		    "minimum");
	else if (!m.above && t->by_revenue)
		out->figures_text = hb_xprintf("sales %lld unit%s, %s (the share "
		    "starts above %s)", (long long)units, units == 1 ? "" : "s",
		    rev, thr);
	else if (!m.above)
		out->figures_text = hb_xprintf("sales %lld unit%s, %s (the share "
		    "starts above %lld unit%s)", (long long)units,
		    units == 1 ? "" : "s", rev, (long long)t->threshold,
		    t->threshold == 1 ? "" : "s");
	else
		out->figures_text = hb_xprintf("sales %lld unit%s, %s",
		    (long long)units, units == 1 ? "" : "s", rev);
	out->minimum_text = hb_xprintf("sales-share minimum fee for %s: %s",
	    month, out->figures_text);
	if (!m.above)
		return true;
	out->has_share = true;
	out->base = m.base;
	out->share = m.share;
	hb_percent_format(t->percent, pct);
	hb_money_format(m.base, '.', base);
	if (t->by_revenue)
		out->share_text = hb_xprintf("sales share for %s: %s%% of %s, "
		    "the revenue above %s (%s - %s)", month, pct, base, thr, rev,
		    thr);
	else
		out->share_text = hb_xprintf("sales share for %s: %s%% of %s, "
		    "the revenue of the %lld unit%s above %lld (%s x %lld / %lld)",
		    month, pct, base, (long long)m.units_above,
		    m.units_above == 1 ? "" : "s", (long long)t->threshold, rev,
		    (long long)m.units_above, (long long)units);
	if (m.capped) {
		capped = hb_xprintf("%s = %s, capped at %s", out->share_text,
		    hb_money_format(m.uncapped, '.', share),
		    hb_money_format(t->cap, '.', cap));
		free(out->share_text);
		out->share_text = capped;
	}
	return true;
}

void
hb_share_lines_release(struct hb_share_lines *l)
{
	free(l->minimum_text);
	free(l->figures_text);
	free(l->share_text);
	memset(l, 0, sizeof *l);
}

/* ---- the sales ledger (sales-log) ------------------------------------------ */

/* Staff, or a person of the project's client (the figures are the
 * client's). */
static void
need_logger(struct hb_book *book, const struct hb_project *p)
{
	const struct hb_actor *a = hb_actor_get(book);

	if (!hb_actor_is_staff(a) && !(hb_actor_is(a, "client") &&
	    a->client_id == p->client_id))
		hb_fail(HB_EXIT_REFUSED, NULL, "%s may not record the sales of "
		    "%s: only staff and the people of client %s",
		    hb_actor_text(a), p->code, p->client);
}

static void
take_billed(void *ctx, const struct hb_row *row)
{
	int64_t *v = ctx;

	v[0] = hb_row_null(row, 0) ? 0 : hb_row_int(row, 0);
	v[1] = hb_row_null(row, 1) ? 0 : hb_row_int(row, 1);
}

/* A month's figures no longer change once an invoice billed them (its
 * minimum fee with them, or their share late).  A month billed at the
 * minimum without figures still takes them: returns its invoice. */
static int64_t
need_unbilled(struct hb_book *book, const struct hb_project *p,
    const char *month)
{
	struct hb_param q[] = { hb_int(p->id), hb_text(month) };
	int64_t billed[2] = { 0, 0 };

	hb_book_query(book, HB_Q_SALES_BILLED, q, 2, take_billed, billed);
	if (billed[1] != 0)
		hb_fail(HB_EXIT_REFUSED, "month", "%s of %s is billed already "
		    "(invoice %lld billed its figures): they no longer change",
		    month, p->code, (long long)billed[1]);
	return billed[0];
}

static void
read_back(struct hb_book *book, int64_t id, struct hb_sales *out)
{
	if (!hb_book_sales_get(book, id, out))
		hb_die(HB_EXIT_SOFTWARE, "sales %lld: not found after it was "
		    "written", (long long)id);
}

void
hb_sales_log(struct hb_book *book, const struct hb_sales_input *in,
    struct hb_sales *out)
{
	struct hb_project p;
	struct hb_share_step *steps;
	struct hb_share_terms t;
	struct hb_sales row = { 0 };
	size_t n;
	hb_day first;
	int64_t standing = 0, billed;
	char month[HB_DATE_BUFSZ], last[HB_DATE_BUFSZ];

	hb_need_project(book, "project", in->project, &p);
	need_logger(book, &p);
	first = field_month("month", in->month);
	month_of(first, month);
	row.units = hb_field_count("units", in->units, 0, UNITS_MAX);
	row.revenue = hb_field_money("revenue", in->revenue);
	n = hb_book_share_steps(book, p.id, &steps);
	t = terms_on(steps, n, first);
	free(steps);
	if (!t.active)
		hb_fail(HB_EXIT_REFUSED, "month", "%s has no sales-share "
		    "agreement in force in %s: its sales are not billed "
		    "(project-set --minimum-fee ... --share-from %s makes one)",
		    p.code, month, month);
	if (hb_next_month(first) - 1 >= hb_today())
		hb_fail(HB_EXIT_REFUSED, "month", "%s has not ended yet (its last "
		    "day is %s): its figures come when it has", month,
		    hb_date_format(hb_next_month(first) - 1, last));
	billed = need_unbilled(book, &p, month);
	{
		struct hb_param q[] = { hb_int(p.id), hb_text(month) };

		hb_book_query(book, HB_Q_SALES_STANDING, q, 2, take_int,
		    &standing);
	}
	if (standing != 0)
		hb_fail(HB_EXIT_REFUSED, "month", "%s has figures for %s already "
		    "(sales %lld): a correction reverses them first (sales-log "
		    "--reverse %lld), then logs the right ones", p.code, month,
		    (long long)standing, (long long)standing);
	row.project_id = p.id;
	row.month = month;
	row.note = hb_given(in->note) ? (char *)hb_field_text("note", in->note,
	    NOTE_MAX, 1) : NULL;
	hb_book_sales_insert(book, &row);
	if (billed != 0)
		hb_note("%s of %s was billed at the minimum (invoice %lld): the "
		    "next billing-run bills its share, on that month's invoice",
		    month, p.code, (long long)billed);
	hb_project_release(&p);
	read_back(book, row.id, out);
}

void
hb_sales_reverse(struct hb_book *book, const char *id, const char *reason,
    struct hb_sales *out)
{
	struct hb_sales orig, row = { 0 };
	struct hb_project p;
	int64_t n = hb_field_count("reverse", id, 1, INT64_MAX), by = 0;

	if (!hb_book_sales_get(book, n, &orig))
		hb_fail(HB_EXIT_NOINPUT, "reverse", "there is no sales row %lld",
		    (long long)n);
	hb_need_project(book, "project", orig.project, &p);
	need_logger(book, &p);
	if (orig.reverses != 0)
		hb_fail(HB_EXIT_REFUSED, "reverse", "sales %lld reverses sales "
		    "%lld: it is not reversed in turn; log the figures again "
		    "instead", (long long)n, (long long)orig.reverses);
	{
		struct hb_param q[] = { hb_int(n) };

		hb_book_query(book, HB_Q_SALES_REVERSAL, q, 1, take_int, &by);
	}
	if (by != 0)
		hb_fail(HB_EXIT_REFUSED, "reverse", "sales %lld is reversed already "
		    "(by sales %lld)", (long long)n, (long long)by);
	need_unbilled(book, &p, orig.month);
	row.project_id = orig.project_id;
	row.month = orig.month;
	row.units = -orig.units;
	row.revenue = -orig.revenue;
	row.reverses = n;
	row.reason = hb_given(reason) ? (char *)hb_field_text("reason", reason,
	    REASON_MAX, 0) : NULL;
	hb_book_sales_insert(book, &row);
	hb_sales_release(&orig);
	hb_project_release(&p);
	read_back(book, row.id, out);
}

const char *const hb_sales_columns[] = {
	"sales", "project", "month", "units", "revenue", "currency", "note",
	"reverses", "reason", "actor", "created", NULL
};

void
hb_sales_print(struct hb_csv_writer *w, const struct hb_sales *s)
{
	hb_csv_int(w, s->id);
	hb_csv_text(w, s->project);
	hb_csv_text(w, s->month);
	hb_csv_int(w, s->units);
	hb_csv_money(w, s->revenue);
	hb_csv_text(w, s->currency);
	hb_csv_text(w, s->note);
	if (s->reverses != 0)
		hb_csv_int(w, s->reverses);
	else
		hb_csv_null(w);
	hb_csv_text(w, s->reason);
	hb_csv_text(w, s->actor);
	hb_csv_timestamp(w, s->created);
	hb_csv_end_row(w);
}

/* ---- the months of the agreements ------------------------------------------ */

struct shared {
	int64_t id;
	char *code, *client, *currency;
};

struct shared_list {
	struct shared *v;
	size_t n;
};

static void
take_shared(void *ctx, const struct hb_row *row)
{
	struct shared_list *l = ctx;
	struct shared *s;

	l->v = hb_xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	s = &l->v[l->n++];
	s->id = hb_row_int(row, HB_SHARED_PROJECT);
	s->code = hb_xstrdup(hb_row_text(row, HB_SHARED_CODE));
	s->client = hb_xstrdup(hb_row_text(row, HB_SHARED_CLIENT));
	s->currency = hb_xstrdup(hb_row_text(row, HB_SHARED_CURRENCY));
}

struct month_row {
	char month[8];
	int64_t units, revenue, standing, invoice, settled;
};

struct month_list {
	struct month_row *v;
	size_t n;
};

static void
take_month(void *ctx, const struct hb_row *row)
{
	struct month_list *l = ctx;
	struct month_row *m;

	l->v = hb_xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	m = &l->v[l->n++];
	snprintf(m->month, sizeof m->month, "%s",
	    hb_row_text(row, HB_SMONTH_MONTH));
	m->units = hb_row_int(row, HB_SMONTH_UNITS);
	m->revenue = hb_row_int(row, HB_SMONTH_REVENUE);
	m->standing = hb_row_int(row, HB_SMONTH_STANDING);
	m->invoice = hb_row_null(row, HB_SMONTH_INVOICE) ? 0
	    : hb_row_int(row, HB_SMONTH_INVOICE);
	m->settled = hb_row_null(row, HB_SMONTH_SETTLED) ? 0
	    : hb_row_int(row, HB_SMONTH_SETTLED);
}

static void
each_month_of(struct hb_book *book, const struct shared *sh,
    const char *from, const char *to, hb_day today,
    void (*fn)(void *ctx, const struct hb_sales_month *m), void *ctx)
{
	struct hb_share_step *steps;
	struct month_list rows = { NULL, 0 };
	size_t n = hb_book_share_steps(book, sh->id, &steps), k = 0;
	hb_day first, last = month_start(today) - 1, end;
	struct hb_param q[] = { hb_int(sh->id) };

	hb_book_query(book, HB_Q_SALES_MONTHS, q, 1, take_month, &rows);
	if (n == 0 && rows.n == 0)
		goto out;
	first = n > 0 ? steps[0].from : HB_DAY_MAX;
	end = last;
	if (rows.n > 0) {
		hb_day d;

		if (hb_month_parse(rows.v[0].month, &d, NULL) == 0 && d < first)
			first = d;
		if (hb_month_parse(rows.v[rows.n - 1].month, &d, NULL) == 0 &&
		    d > end)
			end = d;
	}
	for (hb_day m = first; m <= end && m < HB_DAY_MAX; m = hb_next_month(m)) {
		struct hb_sales_month sm = { 0 };
		const struct month_row *r = NULL;
		char buf[HB_DATE_BUFSZ];

		snprintf(sm.month, sizeof sm.month, "%.7s", month_of(m, buf));
		while (k < rows.n && strcmp(rows.v[k].month, sm.month) < 0)
			k++;
		if (k < rows.n && strcmp(rows.v[k].month, sm.month) == 0)
			r = &rows.v[k];
		sm.terms = terms_on(steps, n, m);
		if ((!sm.terms.active && r == NULL) ||
		    (from != NULL && strcmp(sm.month, from) < 0))
			continue;
		if (to != NULL && strcmp(sm.month, to) > 0)
			break;
		sm.project = sh->code;
		sm.client = sh->client;
		sm.currency = sh->currency;
		sm.project_id = sh->id;
		sm.has_figures = r != NULL && r->standing > 0;
		if (sm.has_figures) {
			sm.units = r->units;
			sm.revenue = r->revenue;
			if (!hb_share_compute(&sm.terms, sm.units, sm.revenue,
			    &sm.figures))
				hb_die(HB_EXIT_DATA, "%s: the sales share of %s is "
				    "too large", sh->code, sm.month);
		}
		sm.invoice = r != NULL ? r->invoice : 0;
		sm.settled = r != NULL ? r->settled : 0;
		sm.status = sm.settled != 0 ? HB_SALES_BILLED
		    : sm.invoice != 0 ? (sm.has_figures ? HB_SALES_LATE
		    : HB_SALES_BILLED_AT_MINIMUM) : sm.has_figures
		    ? HB_SALES_RECORDED : m > last ? HB_SALES_OPEN
		    : HB_SALES_MISSING;
		fn(ctx, &sm);
	}
out:
	free(rows.v);
	free(steps);
}

void
hb_sales_each_month(struct hb_book *book, const char *client,
    const char *project, const char *from, const char *to, hb_day today,
    void (*fn)(void *ctx, const struct hb_sales_month *m), void *ctx)
{
	struct shared_list l = { NULL, 0 };
	struct hb_param q[] = { hb_text(client), hb_text(project) };

	hb_book_query(book, HB_Q_SHARE_PROJECTS, q, 2, take_shared, &l);
	for (size_t i = 0; i < l.n; i++) {
		each_month_of(book, &l.v[i], from, to, today, fn, ctx);
		free(l.v[i].code);
		free(l.v[i].client);
		free(l.v[i].currency);
	}
	free(l.v);
}

/* ---- report-export sales -------------------------------------------------- */

const char *const hb_sales_month_columns[] = {
	"project", "client", "month", "minimum_fee", "kpi_units", "kpi_revenue",
	"share", "share_cap", "units", "revenue", "revenue_above",
	"share_amount", "total", "currency", "status", "invoice",
	"share_invoice", NULL
};

static const char *const status_names[] = {
	[HB_SALES_MISSING] = "missing",
	[HB_SALES_RECORDED] = "recorded",
	[HB_SALES_BILLED] = "billed",
	[HB_SALES_BILLED_AT_MINIMUM] = "billed-at-minimum",
	[HB_SALES_OPEN] = "open",
	[HB_SALES_LATE] = "late",
};

void
hb_share_terms_print(struct hb_csv_writer *w, const struct hb_share_terms *t)
{
	if (!t->active) {
		for (int i = 0; i < 5; i++)
			hb_csv_null(w);
		return;
	}
	hb_csv_money(w, t->minimum);
	if (t->by_revenue) {
		hb_csv_null(w);
		hb_csv_money(w, t->threshold);
	} else {
		hb_csv_int(w, t->threshold);
		hb_csv_null(w);
	}
	hb_csv_percent(w, t->percent);
	if (t->has_cap)
		hb_csv_money(w, t->cap);
	else
		hb_csv_null(w);
}

static void
export_month(void *ctx, const struct hb_sales_month *m)
{
	struct hb_csv_writer *w = ctx;
	int64_t total;

	hb_csv_text(w, m->project);
	hb_csv_text(w, m->client);
	hb_csv_text(w, m->month);
	hb_share_terms_print(w, &m->terms);
	if (m->has_figures) {
		hb_csv_int(w, m->units);
		hb_csv_money(w, m->revenue);
		hb_csv_money(w, m->figures.base);
		hb_csv_money(w, m->figures.share);
	} else {
		hb_csv_null(w);
		hb_csv_null(w);
		hb_csv_null(w);
		if (m->status == HB_SALES_BILLED_AT_MINIMUM)
			hb_csv_money(w, 0);
		else
			hb_csv_null(w);
	}
	/* What the month bills: nothing known yet while its figures are
	 * missing. */
	if (m->terms.active && (m->has_figures ||
	    m->status == HB_SALES_BILLED_AT_MINIMUM) &&
	    hb_add(m->terms.minimum, m->figures.share, &total))
		hb_csv_money(w, total);
	else
		hb_csv_null(w);
	hb_csv_text(w, m->currency);
	hb_csv_text(w, status_names[m->status]);
	if (m->invoice != 0)
		hb_csv_int(w, m->invoice);
	else
		hb_csv_null(w);
	/* A share billed late is on a later invoice. */
	if (m->settled != 0 && m->settled != m->invoice)
		hb_csv_int(w, m->settled);
	else
		hb_csv_null(w);
	hb_csv_end_row(w);
}

void
hb_sales_export(struct hb_book *book, const char *client,
    const char *project, const char *from, const char *to,
    struct hb_csv_writer *w)
{
	char a[HB_DATE_BUFSZ], b[HB_DATE_BUFSZ];

	/* --from and --to are days: the months holding them. */
	snprintf(a, sizeof a, "%.7s", from ? from : "");
	snprintf(b, sizeof b, "%.7s", to ? to : "");
	hb_sales_each_month(book, client, project, from ? a : NULL,
	    to ? b : NULL, hb_today(), export_month, w);
}
