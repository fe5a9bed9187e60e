/*
 * xlsx: typed cells, header, totals and limits over libxlsxwriter.
 */
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>
#include <zlib.h>

#include "hourbook/diag.h"
#include "hourbook/xlsx.h"

#define ROWS_MAX 1048576u
#define CELL_MAX 32767
#define COLUMNS_MAX 64
#define WIDTH_MAX 60

enum kind { K_NONE, K_TEXT, K_NUMBER, K_MONEY, K_MINUTES, K_DATE };

struct hb_xlsx {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *header, *money, *minutes, *date, *timestamp;
	char *path;
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
		    "(%u): filter the export, or use -f csv", x->path, ROWS_MAX - 1);
	if (err == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		hb_die(HB_EXIT_DATA, "%s: row %u: a text longer than an xlsx "
		    "cell holds (%d characters): use -f csv", x->path,
		    (unsigned)x->row + 1, CELL_MAX);
	hb_die(HB_EXIT_IO, "%s: %s", x->path, lxw_strerror(err));
}

static void
check(const struct hb_xlsx *x, lxw_error err)
{
	if (err != LXW_NO_ERROR)
		failed(x, err);
}

struct hb_xlsx *
hb_xlsx_open(const char *path)
{
	struct hb_xlsx *x = hb_xcalloc(1, sizeof *x);
	lxw_workbook_options options = { .constant_memory = LXW_TRUE };

	x->path = hb_xstrdup(path);
	x->wb = workbook_new_opt(path, &options);
	if (x->wb == NULL)
		hb_die(HB_EXIT_IO, "%s: cannot create the workbook", path);
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
		hb_die(HB_EXIT_SOFTWARE, "%s: cannot add sheet %s", x->path, name);
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

void
hb_xlsx_timestamp(struct hb_xlsx *x, int64_t t)
{
	lxw_datetime dt = { 0 };
	int64_t day = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
	int64_t rem = t - day * 86400;
	lxw_col_t c = next_cell(x, K_DATE, 19);

	hb_civil_from_day((hb_day)day, &dt.year, &dt.month, &dt.day);
	dt.hour = (int)(rem / 3600);
	dt.min = (int)(rem % 3600 / 60);
	dt.sec = (double)(rem % 60);
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

/* ---- verifying what libxlsxwriter wrote ---------------------------------
 *
 * In constant-memory mode libxlsxwriter streams each sheet's rows to a
 * temporary file and does not check those writes: on a full disk it builds
 * a valid zip around a truncated sheet and reports success.  So we read
 * the zip back: every worksheet must inflate to XML that ends with its
 * closing tag.  It costs one decompression of the file, and turns silent
 * loss into exit 74.
 */

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static uint16_t
le16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

/* Inflate the entry at offset (raw deflate or stored) and check its end. */
static int
entry_complete(FILE *fp, long offset, uint16_t method, uint32_t csize)
{
	unsigned char head[30], in[65536], out[65536], tail[16] = { 0 };
	size_t ntail = 0, left = csize;
	z_stream z;
	int rc = Z_OK;

	if (fseek(fp, offset, SEEK_SET) != 0 || fread(head, 1, 30, fp) != 30 ||
	    le32(head) != 0x04034b50 ||
	    fseek(fp, le16(head + 26) + le16(head + 28), SEEK_CUR) != 0)
		return 0;
	memset(&z, 0, sizeof z);
	if (method == 8 && inflateInit2(&z, -MAX_WBITS) != Z_OK)
		return 0;
	while (left > 0 && rc != Z_STREAM_END) {
		size_t n = fread(in, 1, left < sizeof in ? left : sizeof in, fp);

		if (n == 0)
			break;
		left -= n;
		z.next_in = in;
		z.avail_in = (uInt)n;
		do {
			size_t got;

			if (method == 8) {
				z.next_out = out;
				z.avail_out = sizeof out;
				rc = inflate(&z, Z_NO_FLUSH);
				if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
					break;
				got = sizeof out - z.avail_out;
			} else {
				memcpy(out, in, n);
				got = n;
				z.avail_in = 0;
			}
			/* Keep the last bytes of the XML, a chunk at a time. */
			if (got >= sizeof tail) {
				memcpy(tail, out + got - sizeof tail, sizeof tail);
				ntail = sizeof tail;
			} else if (got > 0) {
				memmove(tail, tail + got, sizeof tail - got);
				memcpy(tail + sizeof tail - got, out, got);
				ntail = ntail + got > sizeof tail ? sizeof tail
				    : ntail + got;
			}
		} while (method == 8 && z.avail_in > 0 && rc == Z_OK);
		if (method == 8 && rc != Z_OK && rc != Z_STREAM_END &&
		    rc != Z_BUF_ERROR)
			break;
	}
	if (method == 8)
		inflateEnd(&z);
	while (ntail > 0 && (tail[sizeof tail - 1] == '\n' ||
	    tail[sizeof tail - 1] == '\r')) {
		memmove(tail + 1, tail, sizeof tail - 1);
		ntail--;
	}
	return ntail >= 12 && memcmp(tail + sizeof tail - 12, "</worksheet>",
	    12) == 0;
}

static void
verify(const char *path)
{
	FILE *fp = fopen(path, "rb");
	unsigned char eocd[22], cd[46];
	char name[256];
	long size;
	int sheets = 0, bad = 0;

	if (fp == NULL)
		hb_die(HB_EXIT_IO, "%s: cannot read back the workbook", path);
	if (fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 22 ||
	    fseek(fp, size - 22, SEEK_SET) != 0 || fread(eocd, 1, 22, fp) != 22 ||
	    le32(eocd) != 0x06054b50)
		goto broken;
	if (fseek(fp, (long)le32(eocd + 16), SEEK_SET) != 0)
		goto broken;
	for (uint16_t i = 0; i < le16(eocd + 10); i++) {
		long next;
		uint16_t nlen;

		if (fread(cd, 1, 46, fp) != 46 || le32(cd) != 0x02014b50)
			goto broken;
		nlen = le16(cd + 28);
		if (nlen >= sizeof name || fread(name, 1, nlen, fp) != nlen)
			goto broken;
		name[nlen] = '\0';
		next = ftell(fp) + le16(cd + 30) + le16(cd + 32);
		if (strncmp(name, "xl/worksheets/sheet", 19) == 0) {
			sheets++;
			bad |= !entry_complete(fp, (long)le32(cd + 42), le16(cd + 10),
			    le32(cd + 20));
		}
		if (fseek(fp, next, SEEK_SET) != 0)
			goto broken;
	}
	fclose(fp);
	if (sheets == 0 || bad)
		hb_die(HB_EXIT_IO, "%s: the workbook came out incomplete (is "
		    "the disk full?)", path);
	return;
broken:
	fclose(fp);
	hb_die(HB_EXIT_IO, "%s: the workbook came out damaged (is the disk "
	    "full?)", path);
}

void
hb_xlsx_close(struct hb_xlsx *x)
{
	lxw_error err;

	finish_sheet(x);
	if (x->ws == NULL)
		hb_xlsx_sheet(x, "Sheet1", (const char *const[]){ NULL });
	err = workbook_close(x->wb);
	if (err != LXW_NO_ERROR)
		hb_die(HB_EXIT_IO, "%s: %s", x->path, lxw_strerror(err));
	verify(x->path);
	free(x->path);
	free(x);
}
