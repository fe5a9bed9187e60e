/*
 * xlsx: typed cells, header, totals and limits over libxlsxwriter.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>

#include "hourbook/clock.h"
#include "hourbook/diag.h"
#include "hourbook/money.h"
#include "hourbook/sheet.h"
#include "hourbook/xlsx.h"
#include "xlsx-internal.h"
#include "hourbook/xlsxzip.h"

#define ROWS_MAX 1048576u
#define CELL_MAX 32767
#define COLUMNS_MAX 64
#define WIDTH_MAX 60

enum kind { K_NONE, K_TEXT, K_NUMBER, K_MONEY, K_MINUTES, K_DATE };

/* ---- the writer thread ----------------------------------------------------
 *
 * libxlsxwriter's formatting of the cells is most of an export's time and
 * reading the book most of the rest, so the two overlap: the calling
 * thread turns cells into ops in a batch, and a full batch goes to a
 * writer thread that makes the libxlsxwriter calls while the next one
 * fills.  Limits, widths and totals are dealt with before a cell is
 * queued; an error of libxlsxwriter's is kept and reported by the calling
 * thread.  Anything else that touches the workbook (a sheet, the totals,
 * close) first waits for the queue to drain: only one thread at a time is
 * ever inside libxlsxwriter.
 */

#define BATCH_OPS 4096
#define BATCH_TEXT (256 * 1024)	/* holds any cell: 32,767 characters */

struct op {
	lxw_format *format;
	double number;
	uint32_t text;		/* offset in the batch's text, or UINT32_MAX */
	lxw_row_t row;
	lxw_col_t col;
};

struct batch {
	size_t nops, ntext;
	struct op ops[BATCH_OPS];
	char text[BATCH_TEXT];
};

struct writer {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	lxw_worksheet *ws;
	struct batch *pending;	/* handed over, not yet written */
	bool quit;
	lxw_error err;		/* the first of libxlsxwriter's */
	struct batch *filling;	/* the caller's */
	struct batch *spare;
	bool threaded;		/* else the caller writes its batches */
};

static void
write_batch(struct writer *w, struct batch *b)
{
	for (size_t i = 0; i < b->nops && w->err == LXW_NO_ERROR; i++) {
		const struct op *o = &b->ops[i];

		w->err = o->text == UINT32_MAX
		    ? worksheet_write_number(w->ws, o->row, o->col, o->number,
		    o->format)
		    : worksheet_write_string(w->ws, o->row, o->col,
		    b->text + o->text, o->format);
	}
	b->nops = b->ntext = 0;
}

static void *
writer_main(void *arg)
{
	struct writer *w = arg;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		struct batch *b;

		while (w->pending == NULL && !w->quit)
			pthread_cond_wait(&w->changed, &w->lock);
		if (w->pending == NULL)
			break;
		b = w->pending;
		pthread_mutex_unlock(&w->lock);
		write_batch(w, b);
		pthread_mutex_lock(&w->lock);
		w->pending = NULL;
		pthread_cond_broadcast(&w->changed);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

static struct writer *running;	/* the writer thread to stop at exit */

static void writer_stop(struct writer *w);

/* A command that dies while the writer thread is busy must not have exit()
 * flush and close the stdio streams under it: atexit handlers run first. */
static void
stop_at_exit(void)
{
	if (running != NULL)
		writer_stop(running);
}

static void
writer_start(struct writer *w)
{
	static bool registered;

	if (!registered) {
		atexit(stop_at_exit);
		registered = true;
	}
	w->filling = hb_xcalloc(1, sizeof *w->filling);
	w->spare = hb_xcalloc(1, sizeof *w->spare);
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->changed, NULL);
	/* Without a thread the export is slower, not wrong. */
	w->threaded = pthread_create(&w->thread, NULL, writer_main, w) == 0;
	running = w;
}

/* Hand the filling batch over (once the writer is free) and fill the
 * other one; with wait, also wait until it is written. */
static void
writer_flush(struct writer *w, bool wait)
{
	if (!w->threaded) {
		write_batch(w, w->filling);
		return;
	}
	pthread_mutex_lock(&w->lock);
	while (w->pending != NULL)
		pthread_cond_wait(&w->changed, &w->lock);
	if (w->filling->nops > 0) {
		struct batch *b = w->filling;

		w->pending = b;
		w->filling = w->spare;
		w->spare = b;
		pthread_cond_broadcast(&w->changed);
		while (wait && w->pending != NULL)
			pthread_cond_wait(&w->changed, &w->lock);
	}
	pthread_mutex_unlock(&w->lock);
}

static void
writer_stop(struct writer *w)
{
	running = NULL;
	writer_flush(w, true);
	if (w->threaded) {
		pthread_mutex_lock(&w->lock);
		w->quit = true;
		pthread_cond_broadcast(&w->changed);
		pthread_mutex_unlock(&w->lock);
		pthread_join(w->thread, NULL);
	}
	pthread_cond_destroy(&w->changed);
	pthread_mutex_destroy(&w->lock);
	free(w->filling);
	free(w->spare);
}

/* Room for one more op with len bytes of text. */
static struct batch *
writer_room(struct writer *w, size_t len)
{
	if (w->filling->nops == BATCH_OPS ||
	    w->filling->ntext + len > BATCH_TEXT)
		writer_flush(w, false);
	return w->filling;
}

/* ---- which columns a totals row sums --------------------------------------
 *
 * Money and durations add up, but not every money column, and not on every
 * sheet (report-export(1), TOTALS): a rate, a minimum, a unit price, a
 * sales-share threshold in revenue or its cap is a price or a limit per
 * something, never summed; amounts in two currencies are not one
 * sum, so money is totalled only when the sheet's currency column holds one
 * currency; and a monthly price added to one-off prices means nothing, so
 * a price is totalled only when the sheet's plans are all monthly or all
 * one-off.  What must agree is only known at the sheet's end, when the
 * totals row is written: each gate keeps the first value of its column and
 * whether another one came.
 */
static const char *const never_summed[] = {
	"rate", "minimum", "unit_price", "kpi_revenue", "share_cap"
};

static const char *
plan_class(const char *plan)
{
	return strcmp(plan, "monthly") == 0 ? "monthly" : "one-off";
}

static const struct gate {
	const char *column;	/* the text column whose values must agree */
	const char *gated;	/* the column it gates; NULL: every money one */
	const char *(*class)(const char *value);	/* NULL: the value */
} gates[] = {
	{ "currency", NULL, NULL },
	{ "plan", "price", plan_class },
};
#define NGATES (sizeof gates / sizeof gates[0])

struct agreement {
	long column;		/* the gate's column on this sheet, or -1 */
	char *first;		/* its first value (the class of it) */
	bool mixed;		/* another value came */
};

struct hb_xlsx {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *header, *money, *minutes, *date, *timestamp;
	struct writer writer;
	char *path;		/* the file libxlsxwriter writes */
	char *name;		/* what messages call it */
	lxw_row_t row;		/* the row being written */
	lxw_col_t col;		/* the next cell of it */
	lxw_col_t ncols;
	char *names[COLUMNS_MAX];
	size_t width[COLUMNS_MAX];
	enum kind kind[COLUMNS_MAX];	/* what the column holds */
	int64_t sum[COLUMNS_MAX];	/* cents or minutes, exactly */
	struct agreement agree[NGATES];	/* the gating columns' values */
	bool laid_out;		/* sheets written by sheet.c, not here */
};

static _Noreturn void
failed(const struct hb_xlsx *x, lxw_error err)
{
	if (err == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
		hb_die(HB_EXIT_DATA, "%s: more rows than an xlsx sheet holds "
		    "(%u, with the header and the totals): filter the export, "
		    "or use -f csv", x->name, ROWS_MAX - 2);
	if (err == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		hb_die(HB_EXIT_DATA, "%s: row %u: a text longer than an xlsx "
		    "cell holds (%d characters): use -f csv", x->name,
		    (unsigned)x->row + 1, CELL_MAX);
	hb_die(HB_EXIT_IO, "%s: %s", x->name, lxw_strerror(err));
}

static void
check(const struct hb_xlsx *x, lxw_error err)
{
	if (err != LXW_NO_ERROR)
		failed(x, err);
}

/* Add v to column c's total, exactly: a total that does not fit is
 * refused, not written wrapped into the totals row. */
static void
add_to_total(struct hb_xlsx *x, lxw_col_t c, int64_t v)
{
	if (c < COLUMNS_MAX && !hb_add(x->sum[c], v, &x->sum[c]))
		hb_die(HB_EXIT_DATA, "%s: the total of the %s column is too large",
		    x->name, x->names[c] ? x->names[c] : "unnamed");
}

/* Wait until every queued cell is written; report what went wrong. */
static void
drain(struct hb_xlsx *x)
{
	writer_flush(&x->writer, true);
	check(x, x->writer.err);
}

static void
put_number(struct hb_xlsx *x, lxw_col_t c, double n, lxw_format *format)
{
	struct batch *b = writer_room(&x->writer, 0);
	struct op *o = &b->ops[b->nops++];

	o->format = format;
	o->number = n;
	o->text = UINT32_MAX;
	o->row = x->row;
	o->col = c;
}

static void
put_text(struct hb_xlsx *x, lxw_col_t c, const char *s, size_t len)
{
	struct batch *b = writer_room(&x->writer, len + 1);
	struct op *o = &b->ops[b->nops++];

	memcpy(b->text + b->ntext, s, len + 1);
	o->format = NULL;
	o->text = (uint32_t)b->ntext;
	o->row = x->row;
	o->col = c;
	b->ntext += len + 1;
}

struct hb_xlsx *
hb_xlsx_open(const char *path, const char *name)
{
	struct hb_xlsx *x = hb_xcalloc(1, sizeof *x);
	lxw_workbook_options options = { .constant_memory = LXW_TRUE };
	/* Created "now" as every command sees it: the same book and the same
	 * HOURBOOK_NOW give the same bytes. */
	lxw_doc_properties properties = { .created = (time_t)hb_now() };

	x->path = hb_xstrdup(path);
	x->name = hb_xstrdup(name);
	for (size_t g = 0; g < NGATES; g++)
		x->agree[g].column = -1;
	hb_xlsxzip_begin();
	x->wb = workbook_new_opt(path, &options);
	if (x->wb == NULL)
		hb_die(HB_EXIT_IO, "%s: cannot create the workbook", name);
	check(x, workbook_set_properties(x->wb, &properties));
	writer_start(&x->writer);
	x->header = workbook_add_format(x->wb);
	format_set_bold(x->header);
	x->money = workbook_add_format(x->wb);
	format_set_num_format(x->money, "#,##0.00");
	x->minutes = workbook_add_format(x->wb);
	format_set_num_format(x->minutes, "[h]:mm");
	x->date = workbook_add_format(x->wb);
	format_set_num_format(x->date, "yyyy-mm-dd");
	x->timestamp = workbook_add_format(x->wb);
	format_set_num_format(x->timestamp, "yyyy-mm-dd hh:mm:ss");
	return x;
}

/* "A", "B", ... "Z", "AA", ... */
static void
column_letters(lxw_col_t col, char *buf)
{
	char tmp[8];
	int n = 0;

	col++;
	while (col > 0 && n < 7) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (lxw_col_t)((col - 1) / 26);
	}
	for (int i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
}

static bool
summable(const struct hb_xlsx *x, lxw_col_t c)
{
	if (x->kind[c] != K_MONEY && x->kind[c] != K_MINUTES)
		return false;
	for (size_t i = 0; i < sizeof never_summed / sizeof never_summed[0];
	    i++)
		if (strcmp(x->names[c], never_summed[i]) == 0)
			return false;
	for (size_t g = 0; g < NGATES; g++) {
		bool gated = gates[g].gated == NULL ? x->kind[c] == K_MONEY
		    : strcmp(x->names[c], gates[g].gated) == 0;

		if (gated && x->agree[g].mixed)
			return false;
	}
	return true;
}

/* Note a text cell of column c for the gates that watch it. */
static void
agree_on(struct hb_xlsx *x, lxw_col_t c, const char *value)
{
	for (size_t g = 0; g < NGATES; g++) {
		struct agreement *a = &x->agree[g];
		const char *v;

		if (a->column != (long)c || a->mixed)
			continue;
		v = gates[g].class ? gates[g].class(value) : value;
		if (a->first == NULL)
			a->first = hb_xstrdup(v);
		else if (strcmp(a->first, v) != 0)
			a->mixed = true;
	}
}

static void
agree_reset(struct hb_xlsx *x)
{
	for (size_t g = 0; g < NGATES; g++) {
		free(x->agree[g].first);
		x->agree[g].first = NULL;
		x->agree[g].mixed = false;
		x->agree[g].column = -1;
		for (lxw_col_t c = 0; c < x->ncols; c++)
			if (strcmp(x->names[c], gates[g].column) == 0)
				x->agree[g].column = (long)c;
	}
}

static void
finish_sheet(struct hb_xlsx *x)
{
	lxw_row_t last = x->row;	/* rows 1..last-1 hold data */
	char from[8], formula[64];
	bool totals = false;

	if (x->ws == NULL)
		return;
	drain(x);
	for (lxw_col_t c = 0; c < x->ncols; c++)
		totals |= summable(x, c);
	/* In constant-memory mode a range must be set before the rows after
	 * it are written: the filter covers the data, not the totals. */
	if (x->ncols > 0)
		check(x, worksheet_autofilter(x->ws, 0, 0,
		    last > 1 ? last - 1 : 0, x->ncols - 1));
	if (totals && last > 1) {
		check(x, worksheet_write_string(x->ws, last, 0, "Total",
		    x->header));
		for (lxw_col_t c = 1; c < x->ncols; c++) {
			if (!summable(x, c))
				continue;
			column_letters(c, from);
			snprintf(formula, sizeof formula,
			    "=SUBTOTAL(109,%s2:%s%u)", from, from, (unsigned)last);
			check(x, worksheet_write_formula_num(x->ws, last, c,
			    formula, x->kind[c] == K_MONEY ? x->money : x->minutes,
			    x->kind[c] == K_MONEY ? (double)x->sum[c] / 100.0
			    : (double)x->sum[c] / 1440.0));
		}
	}
	for (lxw_col_t c = 0; c < x->ncols; c++) {
		size_t w = x->width[c] + 2;

		check(x, worksheet_set_column(x->ws, c, c,
		    (double)(w > WIDTH_MAX ? WIDTH_MAX : w), NULL));
		free(x->names[c]);
		x->names[c] = NULL;
	}
}

void
hb_xlsx_sheet(struct hb_xlsx *x, const char *name, const char *const *columns)
{
	finish_sheet(x);
	x->ws = workbook_add_worksheet(x->wb, name);
	if (x->ws == NULL)
		hb_die(HB_EXIT_SOFTWARE, "%s: cannot add sheet %s", x->name, name);
	x->writer.ws = x->ws;
	memset(x->width, 0, sizeof x->width);
	memset(x->kind, 0, sizeof x->kind);
	memset(x->sum, 0, sizeof x->sum);
	x->ncols = 0;
	for (; columns[x->ncols] != NULL; x->ncols++) {
		if (x->ncols == COLUMNS_MAX)
			hb_die(HB_EXIT_SOFTWARE, "too many columns for a sheet");
		x->names[x->ncols] = hb_xstrdup(columns[x->ncols]);
		x->width[x->ncols] = strlen(columns[x->ncols]);
		check(x, worksheet_write_string(x->ws, 0, x->ncols,
		    columns[x->ncols], x->header));
	}
	agree_reset(x);
	worksheet_freeze_panes(x->ws, 1, 0);
	x->row = 1;
	x->col = 0;
}

static lxw_col_t
next_cell(struct hb_xlsx *x, enum kind kind, size_t width)
{
	lxw_col_t c = x->col++;

	if (x->row >= ROWS_MAX - 1)
		failed(x, LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE);
	if (c < COLUMNS_MAX) {
		if (kind != K_NONE && x->kind[c] != K_TEXT)
			x->kind[c] = kind;
		if (width > x->width[c])
			x->width[c] = width;
	}
	return c;
}

/* Display width: UTF-8 characters, not bytes. */
static size_t
text_width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

void
hb_xlsx_text(struct hb_xlsx *x, const char *s)
{
	lxw_col_t c;

	if (s == NULL || *s == '\0') {
		hb_xlsx_blank(x);
		return;
	}
	if (strlen(s) > CELL_MAX && text_width(s) > CELL_MAX)
		failed(x, LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED);
	c = next_cell(x, K_TEXT, text_width(s));
	agree_on(x, c, s);
	put_text(x, c, s, strlen(s));
}

/* The width of n written out: its digits and sign. */
static size_t
int_width(int64_t n)
{
	size_t w = n < 0 ? 2 : 1;

	for (; n >= 10 || n <= -10; n /= 10)
		w++;
	return w;
}

void
hb_xlsx_int(struct hb_xlsx *x, int64_t n)
{
	lxw_col_t c = next_cell(x, K_NUMBER, int_width(n));

	put_number(x, c, (double)n, NULL);
}

void
hb_xlsx_money(struct hb_xlsx *x, int64_t cents)
{
	/* "1,234.56": the units, a thousands comma per three, the cents. */
	size_t units = int_width(cents / 100);
	lxw_col_t c = next_cell(x, K_MONEY, units + (units - 1) / 3 + 3);

	add_to_total(x, c, cents);
	put_number(x, c, (double)cents / 100.0, x->money);
}

void
hb_xlsx_minutes(struct hb_xlsx *x, int64_t minutes)
{
	lxw_col_t c = next_cell(x, K_MINUTES, int_width(minutes / 60) + 3);

	add_to_total(x, c, minutes);
	put_number(x, c, (double)minutes / 1440.0, x->minutes);
}

void
hb_xlsx_date(struct hb_xlsx *x, hb_day day)
{
	lxw_datetime dt = { 0 };
	lxw_col_t c = next_cell(x, K_DATE, 10);

	hb_civil_from_day(day, &dt.year, &dt.month, &dt.day);
	put_number(x, c, lxw_datetime_to_excel_datetime(&dt), x->date);
}

/* A spreadsheet's date-times have no zone: write the local time of TZ,
 * the time the reader lived through. */
void
hb_xlsx_timestamp(struct hb_xlsx *x, int64_t t)
{
	lxw_datetime dt = { 0 };
	time_t when = (time_t)t;
	struct tm tm;
	lxw_col_t c;

	if (localtime_r(&when, &tm) == NULL) {
		hb_xlsx_blank(x);
		return;
	}
	c = next_cell(x, K_DATE, 19);
	dt.year = tm.tm_year + 1900;
	dt.month = tm.tm_mon + 1;
	dt.day = tm.tm_mday;
	dt.hour = tm.tm_hour;
	dt.min = tm.tm_min;
	dt.sec = tm.tm_sec;
	put_number(x, c, lxw_datetime_to_excel_datetime(&dt), x->timestamp);
}

void
hb_xlsx_blank(struct hb_xlsx *x)
{
	next_cell(x, K_NONE, 0);
}

void
hb_xlsx_end_row(struct hb_xlsx *x)
{
	x->row++;
	x->col = 0;
}

void
hb_xlsx_close(struct hb_xlsx *x)
{
	lxw_error err;
	int complete, damage;

	finish_sheet(x);
	if (x->ws == NULL && !x->laid_out)
		hb_xlsx_sheet(x, "Sheet1", (const char *const[]){ NULL });
	writer_stop(&x->writer);
	check(x, x->writer.err);
	err = workbook_close(x->wb);
	if (err != LXW_NO_ERROR)
		hb_die(HB_EXIT_IO, "%s: %s", x->name, lxw_strerror(err));
	/* What minizip was given tells whether the sheets are whole; only
	 * when it was not watched must the file be inflated to tell. */
	complete = hb_xlsxzip_sheets_complete();
	damage = complete == 0 ? -2 : hb_xlsxzip_verify(x->path, complete < 0);
	if (damage == -1)
		hb_die(HB_EXIT_IO, "%s: the workbook came out damaged (is the "
		    "disk full?)", x->name);
	if (damage == -2)
		hb_die(HB_EXIT_IO, "%s: the workbook came out incomplete (is "
		    "the disk full?)", x->name);
	for (size_t g = 0; g < NGATES; g++)
		free(x->agree[g].first);
	free(x->path);
	free(x->name);
	free(x);
}

lxw_workbook *
hb_xlsx_workbook(struct hb_xlsx *x)
{
	finish_sheet(x);
	drain(x);
	x->ws = NULL;
	x->writer.ws = NULL;
	x->laid_out = true;
	return x->wb;
}

const char *
hb_xlsx_name(const struct hb_xlsx *x)
{
	return x->name;
}

static const struct hb_xlsx_ops ops = {
	hb_xlsx_open, hb_xlsx_sheet, hb_xlsx_text, hb_xlsx_int, hb_xlsx_money,
	hb_xlsx_minutes, hb_xlsx_date, hb_xlsx_timestamp, hb_xlsx_blank,
	hb_xlsx_end_row, hb_xlsx_close, hb_sheet_activities,
};

void
hb_xlsx_enable(void)
{
	hb_xlsx_ops = &ops;
}
