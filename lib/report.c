/*
 * report: the export kinds and their writers.
 */
#include <stdlib.h>
#include <string.h>

#include "hourbook/balance.h"
#include "hourbook/billing.h"
#include "hourbook/book.h"
#include "hourbook/clock.h"
#include "hourbook/diag.h"
#include "hourbook/duration.h"
#include "hourbook/field.h"
#include "hourbook/money_ledger.h"
#include "hourbook/money.h"
#include "hourbook/names.h"
#include "hourbook/output.h"
#include "hourbook/package.h"
#include "hourbook/report.h"
#include "hourbook/sales.h"
#include "hourbook/setup.h"
#include "hourbook/suggest.h"
#include "hourbook/table.h"
#include "hourbook/voucher.h"
#include "hourbook/task.h"
#include "hourbook/xlsx.h"

/* ---- kinds read straight from an export query ----------------------- */

/* T_LOCAL_DATE: an instant in the book, shown as its local date;
 * T_APPROVAL: a task's status, shown as its client approval;
 * T_KEY: text that is most often an id ("7"), written as a number when it
 * is one and as text when it is not (an entry split over packages, "3;4";
 * an event's setting name): the same bytes in CSV, a number in xlsx. */
enum type { T_TEXT, T_INT, T_MONEY, T_MINUTES, T_DATE, T_LOCAL_DATE,
	T_TIMESTAMP, T_FLAG, T_APPROVAL, T_KEY };

struct column {
	const char *name;
	enum type type;
};

static const struct column activity_columns[] = {
	{ "task", T_INT }, { "project", T_TEXT }, { "title", T_TEXT },
	{ "kind", T_TEXT }, { "assignee", T_TEXT }, { "status", T_TEXT },
	{ "client_approval", T_APPROVAL }, { "estimate_minutes", T_MINUTES },
	{ "actual_minutes", T_MINUTES }, { "billable_minutes", T_MINUTES },
	{ "due", T_DATE }, { "due_kind", T_TEXT }, { "extra", T_FLAG },
	{ "urgent", T_FLAG }, { "delivered", T_LOCAL_DATE },
	{ "done", T_LOCAL_DATE },
	{ NULL, T_TEXT }
};

static const struct column entry_columns[] = {
	{ "entry", T_INT }, { "task", T_INT }, { "project", T_TEXT },
	{ "client", T_TEXT }, { "person", T_TEXT }, { "date", T_DATE },
	{ "minutes", T_MINUTES }, { "billable_minutes", T_MINUTES },
	{ "overage_minutes", T_MINUTES }, { "package", T_KEY },
	{ "earned", T_MONEY }, { "currency", T_TEXT }, { "note", T_TEXT },
	{ "reverses", T_INT }, { "ref", T_TEXT }, { NULL, T_TEXT }
};

static const struct column comment_columns[] = {
	{ "comment", T_INT }, { "task", T_INT }, { "project", T_TEXT },
	{ "author", T_TEXT }, { "reply_to", T_INT }, { "created", T_TIMESTAMP },
	{ "body", T_TEXT }, { NULL, T_TEXT }
};

static const struct column event_columns[] = {
	{ "event", T_INT }, { "at", T_TIMESTAMP }, { "actor", T_TEXT },
	{ "entity", T_TEXT }, { "key", T_KEY }, { "what", T_TEXT },
	{ "old", T_TEXT }, { "new", T_TEXT }, { "reason", T_TEXT },
	{ NULL, T_TEXT }
};

struct query_ctx {
	const struct column *columns;
	struct hb_csv_writer *w;
};

static void
local_date(struct hb_csv_writer *w, const char *at)
{
	int64_t t;
	const char *why;
	char day[HB_DATE_BUFSZ];

	if (hb_timestamp_parse(at, &t, &why) != 0)
		hb_die(HB_EXIT_SOFTWARE, "a time in the book: %s: %s", at, why);
	hb_csv_date(w, hb_date_format(hb_local_day(t), day));
}

/* An id as a number; anything else (a list of ids, a name) as text.  At
 * most 15 digits and no leading zero, so the number is the text exactly. */
static void
key(struct hb_csv_writer *w, const char *s)
{
	size_t n = strspn(s, "0123456789");
	int64_t v = 0;

	if (n == 0 || n > 15 || s[n] != '\0' || (s[0] == '0' && n > 1)) {
		hb_csv_text(w, s);
		return;
	}
	for (size_t i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	hb_csv_int(w, v);
}

static void
print_row(void *vctx, const struct hb_row *row)
{
	const struct query_ctx *q = vctx;

	for (int i = 0; q->columns[i].name != NULL; i++) {
		if (hb_row_null(row, i)) {
			hb_csv_null(q->w);
			continue;
		}
		switch (q->columns[i].type) {
		case T_TEXT: hb_csv_text(q->w, hb_row_text(row, i)); break;
		case T_INT: hb_csv_int(q->w, hb_row_int(row, i)); break;
		case T_MONEY: hb_csv_money(q->w, hb_row_int(row, i)); break;
		case T_MINUTES: hb_csv_minutes(q->w, hb_row_int(row, i)); break;
		case T_DATE: hb_csv_date(q->w, hb_row_text(row, i)); break;
		case T_LOCAL_DATE: local_date(q->w, hb_row_text(row, i)); break;
		case T_TIMESTAMP:
			hb_csv_timestamp(q->w, hb_row_text(row, i));
			break;
		case T_KEY: key(q->w, hb_row_text(row, i)); break;
		case T_FLAG:
			hb_csv_text(q->w, hb_row_int(row, i) ? "yes" : "no");
			break;
		case T_APPROVAL:
			hb_csv_text(q->w, hb_task_client_approval(
			    hb_task_state_find(hb_row_text(row, i))));
			break;
		}
	}
	hb_csv_end_row(q->w);
}

/* The writer prints the heading unless --no-header (an xlsx sheet always
 * has one). */
static void
header(struct hb_csv_writer *w, bool no_header, const char *sheet,
    const char *const *names)
{
	w->sheet = sheet;
	w->no_header = no_header && w->xlsx == NULL;
	hb_csv_header(w, names);
}

static void
query_kind(struct hb_book *book, enum hb_export what,
    const struct column *columns, const char *sheet,
    const struct hb_report_filter *f, struct hb_csv_writer *w,
    bool no_header)
{
	const char *names[32];
	struct hb_export_filter ef = {
		f->client, f->project, f->package, f->person, f->from, f->to
	};
	struct query_ctx q = { columns, w };
	size_t n = 0;

	for (; columns[n].name != NULL && n < 31; n++)
		names[n] = columns[n].name;
	names[n] = NULL;
	header(w, no_header, sheet, names);
	hb_book_export(book, what, &ef, print_row, &q);
}

/* ---- the writers ------------------------------------------------------- */

typedef void writer_fn(struct hb_book *, const struct hb_report_filter *,
    struct hb_csv_writer *, bool);

static void
write_activities(struct hb_book *book, const struct hb_report_filter *f,
    struct hb_csv_writer *w, bool no_header)
{
	/* In xlsx, the client's document (sheet.h); else the data. */
	if (w->xlsx != NULL)
		hb_xlsx_ops->activities(book, f, w->xlsx);
	else
		query_kind(book, HB_EXPORT_ACTIVITIES, activity_columns,
		    "Activities", f, w, no_header);
}

static void
write_entries(struct hb_book *book, const struct hb_report_filter *f,
    struct hb_csv_writer *w, bool no_header)
{
	query_kind(book, HB_EXPORT_ENTRIES, entry_columns, "Entries", f, w,
	    no_header);
}

static void
write_comments(struct hb_book *book, const struct hb_report_filter *f,
    struct hb_csv_writer *w, bool no_header)
{
	query_kind(book, HB_EXPORT_COMMENTS, comment_columns, "Comments", f, w,
	    no_header);
}

static void
write_events(struct hb_book *book, const struct hb_report_filter *f,
    struct hb_csv_writer *w, bool no_header)
{
	query_kind(book, HB_EXPORT_EVENTS, event_columns, "Events", f, w,
	    no_header);
}

/* ---- balances for people ----------------------------------------------
 *
 * report-export balances -f table is the morning answer: a line per
 * package with its hours as h:mm and a bar of the share used, and after
 * each client's packages the client's total in words, "verde: 52:10 of
 * 78:00 used, 18:05 left", over the packages that are not closed. */

#define BAR_CELLS 10

struct balance_line {
	size_t order;		/* as the balances came: project, id */
	int64_t id;
	char *client, *project, *plan, *status;
	int64_t loaded, used, committed, available;
};

struct balance_lines {
	struct balance_line *v;
	size_t n, cap;
};

static void
keep_balance(void *ctx, const struct hb_package *p)
{
	struct balance_lines *b = ctx;
	struct balance_line *l;

	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		b->v = hb_xrealloc(b->v, b->cap * sizeof *b->v);
	}
	l = &b->v[b->n];
	l->order = b->n++;
	l->id = p->id;
	l->client = hb_xstrdup(p->client);
	l->project = hb_xstrdup(p->project);
	l->plan = hb_xstrdup(p->plan);
	l->status = hb_xstrdup(p->status);
	l->loaded = p->loaded;
	l->used = p->used;
	l->committed = p->committed;
	l->available = p->available;
}

/* "███████░░░  67%": the share of the loaded hours used (over 100% when
 * overdrawn); empty when nothing is loaded. */
static char *
share_bar(int64_t used, int64_t loaded)
{
	char bar[BAR_CELLS * 3 + 16], *o = bar;
	int64_t pct, filled;

	/* Minutes stay far below what would overflow: no bar rather than a
	 * wrong one if they ever did not. */
	if (loaded <= 0 || !hb_scale_round(used, 100, loaded, &pct) ||
	    !hb_scale_round(used, BAR_CELLS, loaded, &filled))
		return NULL;
	if (filled > BAR_CELLS)
		filled = BAR_CELLS;
	for (int64_t i = 0; i < BAR_CELLS; i++) {
		memcpy(o, i < filled ? "█" : "░", 3);
		o += 3;
	}
	snprintf(o, sizeof bar - (size_t)(o - bar), " %4lld%%", (long long)pct);
	return hb_xstrdup(bar);
}

static void
balance_row(struct hb_table *t, const struct balance_line *l)
{
	char id[24], d[HB_DURATION_BUFSZ];
	char *bar = share_bar(l->used, l->loaded);

	snprintf(id, sizeof id, "%lld", (long long)l->id);
	hb_table_cell(t, id);
	hb_table_cell(t, l->client);
	hb_table_cell(t, l->project);
	hb_table_cell(t, l->plan);
	hb_table_cell(t, l->status);
	hb_table_cell(t, hb_duration_format(l->loaded, d));
	hb_table_cell(t, hb_duration_format(l->used, d));
	hb_table_cell(t, hb_duration_format(l->committed, d));
	hb_table_cell(t, hb_duration_format(l->available, d));
	hb_table_cell(t, bar);
	hb_table_end_row(t);
	free(bar);
}

/* "verde: 52:10 of 78:00 used, 7:45 committed, 18:05 left". */
static void
client_total(struct hb_table *t, const struct balance_line *v, size_t n)
{
	int64_t loaded = 0, used = 0, committed = 0, available = 0;
	char a[HB_DURATION_BUFSZ], b[HB_DURATION_BUFSZ], c[HB_DURATION_BUFSZ];
	char d[HB_DURATION_BUFSZ], *line;
	size_t open = 0;

	for (size_t i = 0; i < n; i++) {
		if (strcmp(v[i].status, "closed") == 0)
			continue;
		open++;
		loaded += v[i].loaded;
		used += v[i].used;
		committed += v[i].committed;
		available += v[i].available;
	}
	if (open == 0)
		line = hb_xprintf("%s: no open package", v[0].client);
	else if (loaded == 0 && used == 0)
		line = hb_xprintf("%s: no hours loaded yet", v[0].client);
	else
		line = hb_xprintf("%s: %s of %s used%s%s%s, %s %s", v[0].client,
		    hb_duration_format(used, a), hb_duration_format(loaded, b),
		    committed != 0 ? ", " : "",
		    committed != 0 ? hb_duration_format(committed, c) : "",
		    committed != 0 ? " committed" : "",
		    hb_duration_format(available < 0 ? -available : available, d),
		    available < 0 ? "short" : "left");
	hb_table_line(t, line);
	free(line);
}

static int
by_client(const void *x, const void *y)
{
	const struct balance_line *a = x, *b = y;
	int c = strcmp(a->client, b->client);

	/* The packages keep their order (project, id) within a client. */
	if (c != 0)
		return c;
	return a->order < b->order ? -1 : a->order > b->order;
}

static void
balances_table(struct hb_book *book, const struct hb_package_filter *pf,
    FILE *fp, bool no_header)
{
	/* Ranks: what a narrow terminal keeps longest (the totals line
	 * names the client and the committed hours anyway). */
	static const struct {
		const char *heading;
		bool right, shrink;
		int rank;
	} cols[] = {
		{ "Package", true, false, 9 }, { "Client", false, true, 2 },
		{ "Project", false, true, 4 }, { "Plan", false, true, 0 },
		{ "Status", false, true, 1 }, { "Loaded", true, false, 5 },
		{ "Used", true, false, 6 }, { "Committed", true, false, 3 },
		{ "Available", true, false, 7 },
		{ "Share used", false, false, 8 },
	};
	struct balance_lines b = { NULL, 0, 0 };
	struct hb_table *t = hb_table_new();
	size_t start = 0;

	for (size_t c = 0; c < sizeof cols / sizeof cols[0]; c++)
		hb_table_column(t, cols[c].heading, cols[c].right,
		    cols[c].shrink, cols[c].rank);
	hb_package_each_balance(book, pf, keep_balance, &b);
	qsort(b.v, b.n, sizeof *b.v, by_client);
	for (size_t i = 0; i < b.n; i++) {
		if (strcmp(b.v[i].client, b.v[start].client) != 0) {
			client_total(t, &b.v[start], i - start);
			hb_table_line(t, "");
			start = i;
		}
		balance_row(t, &b.v[i]);
	}
	if (b.n > 0)
		client_total(t, &b.v[start], b.n - start);
	hb_table_print(t, fp, !no_header, hb_table_width(fp),
	    hb_table_colour(fp));
	hb_table_free(t);
	for (size_t i = 0; i < b.n; i++) {
		free(b.v[i].client);
		free(b.v[i].project);
		free(b.v[i].plan);
		free(b.v[i].status);
	}
	free(b.v);
}

static void
write_balances(struct hb_book *book, const struct hb_report_filter *f,
    struct hb_csv_writer *w, bool no_header)
{
	struct hb_package_filter pf = { f->client, f->project, f->package };

	if (w->format == HB_CSV_TABLE) {
		balances_table(book, &pf, w->fp, no_header);
		return;
	}
	header(w, no_header, "Balances", hb_balance_columns);
	hb_package_balances(book, &pf, w);
}

static void
write_earnings(struct hb_book *book, const struct hb_report_filter *f,
    struct hb_csv_writer *w, bool no_header)
{
	header(w, no_header, "Earnings", hb_earning_columns);
	hb_earnings_export(book, f->person, f->from, f->to, w);
}

static void
write_withdrawals(struct hb_book *book, const struct hb_report_filter *f,
    struct hb_csv_writer *w, bool no_header)
{
	header(w, no_header, "Withdrawals", hb_withdrawal_columns);
	hb_withdraw_list(book, f->person, f->from, f->to, w);
}

static void
write_invoices(struct hb_book *book, const struct hb_report_filter *f,
    struct hb_csv_writer *w, bool no_header)
{
	header(w, no_header, "Invoices", hb_invoice_columns);
	hb_invoices_export(book, f->client, f->project, f->package, f->from,
	    f->to, w);
}

/* Each month of the sales-share agreements: terms, figures, share. */
static void
write_sales(struct hb_book *book, const struct hb_report_filter *f,
    struct hb_csv_writer *w, bool no_header)
{
	header(w, no_header, "Sales", hb_sales_month_columns);
	hb_sales_export(book, f->client, f->project, f->from, f->to, w);
}

/* Each complaint, its decision and its voucher (voucher.h). */
static void
write_vouchers(struct hb_book *book, const struct hb_report_filter *f,
    struct hb_csv_writer *w, bool no_header)
{
	header(w, no_header, "Vouchers", hb_complaint_columns);
	hb_vouchers_export(book, f->client, f->project, w);
}

struct each_ctx {
	const struct hb_report_filter *f;
	struct hb_csv_writer *w;
};

static void
each_client(void *vctx, const struct hb_client *c)
{
	const struct each_ctx *e = vctx;

	if (e->f->client == NULL || strcmp(e->f->client, c->name) == 0)
		hb_client_print(e->w, c);
}

static void
write_clients(struct hb_book *book, const struct hb_report_filter *f,
    struct hb_csv_writer *w, bool no_header)
{
	struct each_ctx e = { f, w };

	header(w, no_header, "Clients", hb_client_columns);
	hb_book_each_client(book, each_client, &e);
}

static void
each_project(void *vctx, const struct hb_project *p)
{
	const struct each_ctx *e = vctx;

	if (e->f->project == NULL || strcmp(e->f->project, p->code) == 0)
		hb_project_print(e->w, p);
}

static void
write_projects(struct hb_book *book, const struct hb_report_filter *f,
    struct hb_csv_writer *w, bool no_header)
{
	struct each_ctx e = { f, w };

	header(w, no_header, "Projects", hb_project_columns);
	hb_book_each_project(book, f->client, each_project, &e);
}

static void
each_person(void *vctx, const struct hb_person *p)
{
	const struct each_ctx *e = vctx;

	if (e->f->person == NULL || strcmp(e->f->person, p->handle) == 0)
		hb_person_print(e->w, p, e->f->project);
}

static void
write_people(struct hb_book *book, const struct hb_report_filter *f,
    struct hb_csv_writer *w, bool no_header)
{
	struct each_ctx e = { f, w };

	header(w, no_header, "People", hb_person_columns);
	hb_book_each_person(book, f->client, f->project, each_person, &e);
}

static void
write_tasks(struct hb_book *book, const struct hb_report_filter *f,
    struct hb_csv_writer *w, bool no_header)
{
	struct hb_task_filter tf = { 0 };

	tf.client = f->client;
	tf.project = f->project;
	tf.assignee = f->person;
	tf.today = hb_today();
	header(w, no_header, "Tasks", hb_task_columns);
	hb_task_list(book, &tf, w);
}

#define CPP (HB_FILTER_CLIENT | HB_FILTER_PROJECT | HB_FILTER_PACKAGE)

static const struct kind {
	const char *name;
	unsigned filters;
	writer_fn *write;
} kinds[] = {
	{ "activities", CPP | HB_FILTER_PERIOD, write_activities },
	{ "balances", CPP, write_balances },
	{ "clients", HB_FILTER_CLIENT, write_clients },
	{ "comments", HB_FILTER_CLIENT | HB_FILTER_PROJECT | HB_FILTER_PERSON |
	  HB_FILTER_PERIOD, write_comments },
	/* Written by dashboard.h, not through a CSV writer. */
	{ "dashboard", HB_FILTER_CLIENT | HB_FILTER_PERIOD, NULL },
	{ "earnings", HB_FILTER_PERSON | HB_FILTER_PERIOD, write_earnings },
	{ "entries", CPP | HB_FILTER_PERSON | HB_FILTER_PERIOD, write_entries },
	{ "events", HB_FILTER_PERSON | HB_FILTER_PERIOD, write_events },
	{ "invoices", CPP | HB_FILTER_PERIOD, write_invoices },
	{ "people", HB_FILTER_CLIENT | HB_FILTER_PROJECT | HB_FILTER_PERSON,
	  write_people },
	{ "projects", HB_FILTER_CLIENT | HB_FILTER_PROJECT, write_projects },
	{ "sales", HB_FILTER_CLIENT | HB_FILTER_PROJECT | HB_FILTER_PERIOD,
	  write_sales },
	{ "tasks", HB_FILTER_CLIENT | HB_FILTER_PROJECT | HB_FILTER_PERSON,
	    write_tasks },
	{ "vouchers", HB_FILTER_CLIENT | HB_FILTER_PROJECT, write_vouchers },
	{ "withdrawals", HB_FILTER_PERSON | HB_FILTER_PERIOD,
	    write_withdrawals },
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

int
hb_report_find(const char *name)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return (int)i;
	return -1;
}

const char *
hb_report_near(const char *name, char *buf, size_t size)
{
	struct hb_suggest sug;

	hb_suggest_init(&sug, name);
	for (size_t i = 0; i < NKINDS; i++)
		hb_suggest_add(&sug, kinds[i].name);
	return hb_suggest_text(&sug, buf, size);
}

const char *
hb_report_names(void)
{
	static char buf[256];

	if (buf[0] == '\0')
		for (size_t i = 0; i < NKINDS; i++)
			hb_list_append(buf, sizeof buf, kinds[i].name);
	return buf;
}

const char *const *
hb_report_kinds(void)
{
	static const char *names[NKINDS + 1];

	if (names[0] == NULL)
		for (size_t i = 0; i < NKINDS; i++)
			names[i] = kinds[i].name;
	return names;
}

const char *
hb_report_misfit(int kind, unsigned given)
{
	static const char *const options[] = {
		"--client", "--project", "--package", "--person",
		"--from, --to or --month"
	};

	for (unsigned bit = 0; bit < 5; bit++)
		if ((given & ~kinds[kind].filters) & (1u << bit))
			return options[bit];
	return NULL;
}

void
hb_report_write(struct hb_book *book, int kind,
    const struct hb_report_filter *f, struct hb_csv_writer *w,
    bool no_header)
{
	/* A filter naming nothing is a typo, not an empty export. */
	hb_check_names(book, f->client, f->project, f->package, f->person);
	kinds[kind].write(book, f, w, no_header);
}

char *
hb_report_xlsx_temp(struct hb_book *book, int kind,
    const struct hb_report_filter *f, const char *path)
{
	char *temp = hb_temp_beside(path);
	struct hb_csv_writer w;

	hb_csv_writer_init(&w, NULL, HB_CSV_XLSX);
	w.xlsx = hb_xlsx_start(temp, path);
	hb_report_write(book, kind, f, &w, false);
	hb_xlsx_ops->close(w.xlsx);
	return temp;
}
