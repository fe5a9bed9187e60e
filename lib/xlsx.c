/*
 * xlsx: typed cells, header, totals and limits over libxlsxwriter.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>

#include "hourbook/diag.h"
#include "hourbook/xlsx.h"
#include "hourbook/xlsxzip.h"

#define ROWS_MAX 1048576u
#define CELL_MAX 32767
#define COLUMNS_MAX 64
#define WIDTH_MAX 60

enum kind { K_NONE, K_TEXT, K_NUMBER, K_MONEY, K_MINUTES, K_DATE };

struct hb_xlsx {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *header, *money, *minutes, *date, *timestamp;
	char *path;		/* the file libxlsxwriter writes */
	char *name;		/* what messages call it */
	lxw_row_t row;		/* the row being written */
	lxw_col_t col;		/* the next cell of it */
	lxw_col_t ncols;
	char *names[COLUMNS_MAX];
	size_t width[COLUMNS_MAX];
	enum kind kind[COLUMNS_MAX];	/* what the column holds */
	int64_t sum[COLUMNS_MAX];	/* cents or minutes, exactly */
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

struct hb_xlsx *
hb_xlsx_open(const char *path, const char *name)
{
	struct hb_xlsx *x = hb_xcalloc(1, sizeof *x);
	lxw_workbook_options options = { .constant_memory = LXW_TRUE };

	x->path = hb_xstrdup(path);
	x->name = hb_xstrdup(name);
	hb_xlsxzip_begin();
	x->wb = workbook_new_opt(path, &options);
	if (x->wb == NULL)
		hb_die(HB_EXIT_IO, "%s: cannot create the workbook", name);
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

/* Money and durations add up; a rate or a minimum does not. */
static int
summable(const struct hb_xlsx *x, lxw_col_t c)
{
	if (x->kind[c] != K_MONEY && x->kind[c] != K_MINUTES)
		return 0;
	return strcmp(x->names[c], "rate") != 0 &&
	    strcmp(x->names[c], "minimum") != 0;
}

static void
finish_sheet(struct hb_xlsx *x)
{
	lxw_row_t last = x->row;	/* rows 1..last-1 hold data */
	char from[8], formula[64];
	int totals = 0;

	if (x->ws == NULL)
		return;
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
	check(x, worksheet_write_string(x->ws, x->row, c, s, NULL));
}

void
hb_xlsx_int(struct hb_xlsx *x, int64_t n)
{
	char buf[24];
	lxw_col_t c = next_cell(x, K_NUMBER,
	    (size_t)snprintf(buf, sizeof buf, "%lld", (long long)n));

	check(x, worksheet_write_number(x->ws, x->row, c, (double)n, NULL));
}

void
hb_xlsx_money(struct hb_xlsx *x, int64_t cents)
{
	char buf[32];
	lxw_col_t c = next_cell(x, K_MONEY,
	    (size_t)snprintf(buf, sizeof buf, "%lld.00", (long long)(cents / 100)) + 1);

	if (c < COLUMNS_MAX)
		x->sum[c] += cents;
	check(x, worksheet_write_number(x->ws, x->row, c, (double)cents / 100.0,
	    x->money));
}

void
hb_xlsx_minutes(struct hb_xlsx *x, int64_t minutes)
{
	char buf[32];
	lxw_col_t c = next_cell(x, K_MINUTES,
	    (size_t)snprintf(buf, sizeof buf, "%lld:00", (long long)(minutes / 60)));

	if (c < COLUMNS_MAX)
		x->sum[c] += minutes;
	check(x, worksheet_write_number(x->ws, x->row, c,
	    (double)minutes / 1440.0, x->minutes));
}

void
hb_xlsx_date(struct hb_xlsx *x, hb_day day)
{
	lxw_datetime dt = { 0 };
	lxw_col_t c = next_cell(x, K_DATE, 10);

	hb_civil_from_day(day, &dt.year, &dt.month, &dt.day);
	check(x, worksheet_write_datetime(x->ws, x->row, c, &dt, x->date));
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
	check(x, worksheet_write_datetime(x->ws, x->row, c, &dt, x->timestamp));
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
	if (x->ws == NULL)
		hb_xlsx_sheet(x, "Sheet1", (const char *const[]){ NULL });
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
	free(x->path);
	free(x->name);
	free(x);
}
