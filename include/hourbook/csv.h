/*
 * csv: CSV in (strict, through libcsv) and rows out: CSV (RFC 4180 and the
 * excel-csv variant), and through the same typed calls xlsx cells, tables
 * for people (table.h) and JSON Lines.
 *
 * The reader streams: it reads the input in blocks of 64 KiB and holds one
 * block, one record and (until it knows the dialect) the start of the
 * header line, so its memory stays within a few MiB whatever the input and
 * its line lengths.  It maps the header to the columns the caller asks
 * for, by name (case-insensitive, '-' and '_' alike, aliases separated by
 * '|'), and rejects with the line a record starts on: invalid UTF-8, NUL
 * bytes, UTF-16 input, bare CR line ends, unterminated or stray quotes,
 * ragged rows, duplicate columns, fields over HB_CSV_FIELD_MAX (as soon as
 * a field passes it), records over HB_CSV_RECORD_MAX and rows with more
 * than HB_CSV_COLUMNS_MAX columns.  A UTF-8 BOM is skipped; LF, CRLF and a
 * missing final newline are all fine; blank lines are skipped.
 *
 * A header line (after the BOM) with a ';' and no ',' is the excel-csv
 * dialect that HB_CSV_EXCEL writes: the whole input is then read with ';'
 * as the separator, and a field that starts with an apostrophe followed by
 * = + - @ tab CR or LF loses the apostrophe the writer put there to keep a
 * spreadsheet from running it.  Decimal commas are the caller's to parse:
 * the reader tells it the dialect.  (A header line over 1 MiB is judged on
 * its first MiB.)
 */
#ifndef HOURBOOK_CSV_H
#define HOURBOOK_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define HB_CSV_FIELD_MAX (1024 * 1024)
#define HB_CSV_RECORD_MAX (4 * 1024 * 1024)	/* all fields of a record */
#define HB_CSV_COLUMNS_MAX 1024

/* What the writers write; the reader reads the first two (its dialect). */
enum hb_csv_format {
	HB_CSV_PLAIN,	/* RFC 4180 quoting, ',' and LF, '.' decimals */
	HB_CSV_EXCEL,	/* BOM, ';', CRLF, ',' decimals, formulas neutralised */
	HB_CSV_XLSX,	/* typed cells in a workbook (see xlsx.h) */
	HB_CSV_TABLE,	/* an aligned table for people (table.h): h:mm,
			   money with its currency, headings in words */
	HB_CSV_JSONL	/* JSON Lines: an object per row, keyed by the
			   header, numbers as numbers (columns.h) */
};

/* A column the caller wants: "task" or "duration|minutes" (first name is
 * the one used in messages). */
struct hb_csv_column {
	const char *names;
	bool required;
};

/* The first of a column's names ("duration|minutes" -> "duration"), for
 * messages, into buf of size bytes. */
const char *hb_csv_column_name(const char *names, char *buf, size_t size);

struct hb_csv_error {
	long line;
	char column[64];	/* "" when the error is not about one column */
	char reason[192];
};

/* Called once per record with values[i] for columns[i]: NULL when the
 * column is not in the header, else the field (NUL-terminated; borrowed
 * until the callback returns).  `line` is where the record starts.  Return
 * 0 to go on, anything else to stop reading (hb_csv_read returns it). */
typedef int hb_csv_row_fn(void *ctx, const char *const *values, long line);

/* Read path ("-" is stdin).  Returns 0 when every record was read, -1 with
 * *err filled on bad input or a read error, or what on_row returned. */
int hb_csv_read(const char *path, const struct hb_csv_column *columns,
    size_t ncolumns, hb_csv_row_fn *on_row, void *ctx,
    struct hb_csv_error *err);

/* The same over a stream the caller owns. */
int hb_csv_read_stream(FILE *fp, const struct hb_csv_column *columns,
    size_t ncolumns, hb_csv_row_fn *on_row, void *ctx,
    struct hb_csv_error *err);

/* Both, also telling the caller the dialect of the input: *dialect (the
 * caller's; NULL if it does not care) is HB_CSV_PLAIN or HB_CSV_EXCEL.  It
 * is set as soon as the header line is read, before the first on_row
 * call, so a callback that parses decimal commas can read it through its
 * ctx; it stays HB_CSV_PLAIN when there is no header. */
int hb_csv_read_dialect(const char *path, const struct hb_csv_column *columns,
    size_t ncolumns, hb_csv_row_fn *on_row, void *ctx,
    enum hb_csv_format *dialect, struct hb_csv_error *err);
int hb_csv_read_stream_dialect(FILE *fp, const struct hb_csv_column *columns,
    size_t ncolumns, hb_csv_row_fn *on_row, void *ctx,
    enum hb_csv_format *dialect, struct hb_csv_error *err);

/* The code point that the UTF-8 sequence at s (len > 0 bytes left)
 * stands for, and its length in *n; -1 (and *n 1) when s does not start a
 * valid sequence (overlong, a surrogate, cut short...). */
int32_t hb_utf8_decode(const char *s, size_t len, size_t *n);

/* True when s (len bytes) is valid UTF-8 without NUL bytes. */
bool hb_utf8_valid(const char *s, size_t len);

/* A copy of s fit to be stored as text: valid UTF-8 without control
 * characters, each byte that is not part of that written as "\xHH".  For
 * names that come from outside and are only recorded, such as the name of
 * a --csv file (a file name is any bytes).  The result is the caller's. */
char *hb_utf8_escape(const char *s);

struct hb_xlsx;
struct hb_csv_rows;
struct hb_progress;

/* A writer borrows its stream (or workbook); the caller checks and closes
 * it.  The same typed calls write CSV text, xlsx cells, a table or JSON
 * Lines, so every record printer serves every format.
 *
 * In a table and in JSON Lines a value's kind is its column's
 * (columns.h), whatever call wrote it: a row written as text (CSV read
 * back, hb_csv_rewrite) comes out as the same row written by the typed
 * calls.  JSON Lines: an object per row with the header's names as keys,
 * written as each row ends (memory does not grow with the rows);
 * minutes, ids and counts as integers, money as integer cents, a
 * percentage as a number, an empty value as null, text as a JSON string
 * (RFC 8259).  A table holds its rows until hb_csv_writer_finish. */
struct hb_csv_writer {
	FILE *fp;
	enum hb_csv_format format;
	size_t column;		/* fields written in the current row */
	struct hb_xlsx *xlsx;	/* HB_CSV_XLSX: the workbook */
	const char *sheet;	/* HB_CSV_XLSX: the next sheet's name */
	bool no_header;		/* hb_csv_header names the columns but prints
				   no heading (--no-header; jsonl has none,
				   xlsx always has one) */
	struct hb_csv_rows *rows;	/* table and jsonl: the columns and
					   the row being written */
	struct hb_progress *progress;	/* counts the rows, or NULL */
};

/* Start writing (the excel format writes its BOM here). */
void hb_csv_writer_init(struct hb_csv_writer *w, FILE *fp,
    enum hb_csv_format format);
/* Done: print what a table held, and free what the writer holds (the
 * stream stays the caller's). */
void hb_csv_writer_finish(struct hb_csv_writer *w);
/* The header: the columns' names, NULL-terminated (copied).  Printed as
 * a row unless w->no_header. */
void hb_csv_header(struct hb_csv_writer *w, const char *const *names);
/* Text; NULL writes an empty field. */
void hb_csv_text(struct hb_csv_writer *w, const char *s);
void hb_csv_int(struct hb_csv_writer *w, int64_t n);
/* Cents as "12.50" (or "12,50" in excel-csv). */
void hb_csv_money(struct hb_csv_writer *w, int64_t cents);
/* Basis points as "12.5" (or "12,5" in excel-csv; text in xlsx). */
void hb_csv_percent(struct hb_csv_writer *w, int32_t basis_points);
/* An empty field. */
void hb_csv_null(struct hb_csv_writer *w);
/* Minutes: a number in CSV, decimal hours in excel-csv ("4,00"), a
 * duration ([h]:mm) in xlsx. */
void hb_csv_minutes(struct hb_csv_writer *w, int64_t minutes);
/* "YYYY-MM-DD" (NULL or "" is empty): text in CSV, a date in xlsx. */
void hb_csv_date(struct hb_csv_writer *w, const char *date);
/* A UTC timestamp (NULL or "" is empty): text in CSV, a date-time in xlsx. */
void hb_csv_timestamp(struct hb_csv_writer *w, const char *timestamp);
void hb_csv_end_row(struct hb_csv_writer *w);

/* Write the CSV rows in `in` (as HB_CSV_PLAIN writes them, without a
 * header) through w, after its header: each field as text, typed by its
 * column.  Dies 74 on a read error. */
void hb_csv_rewrite(FILE *in, struct hb_csv_writer *w);

/* s as a JSON string (RFC 8259), quotes included: '"' and '\\' escaped,
 * control characters as \n, \t... or \u00XX, bytes that are not UTF-8
 * as \ufffd. */
void hb_json_string(FILE *fp, const char *s);

#endif
