/*
 * xlsx: spreadsheets through libxlsxwriter, in constant-memory mode, so an
 * export of a million rows holds one row in memory.
 *
 * Cells are typed: text is always written as a string (never a formula),
 * numbers as numbers, money with two decimals, durations as fractions of a
 * day formatted [h]:mm, dates and timestamps as dates.  Each sheet gets a
 * bold frozen header, an autofilter, column widths that fit and a totals
 * row of SUBTOTAL formulas, which still sum when the rows are filtered,
 * over the columns where a sum means something (xlsx.c: never a rate or a
 * unit price, money only in one currency, a price only over one kind of
 * plan).
 * The limits of the format (1,048,576 rows, 32,767 characters a cell) end
 * the program with an error; nothing is cut silently.
 */
#ifndef HOURBOOK_XLSX_H
#define HOURBOOK_XLSX_H

#include <stdint.h>
#include "hourbook/date.h"

struct hb_xlsx;
struct hb_book;
struct hb_report_filter;

/* Create the workbook at path (replacing it); messages call it name (the
 * file the user asked for, where path is a temporary one).  Dies with
 * exit 74. */
struct hb_xlsx *hb_xlsx_open(const char *path, const char *name);
/* Start a sheet named name with a header row of columns (NULL-ended); the
 * previous sheet, if any, is finished (totals, filter, widths). */
void hb_xlsx_sheet(struct hb_xlsx *x, const char *name,
    const char *const *columns);
void hb_xlsx_text(struct hb_xlsx *x, const char *s);
void hb_xlsx_int(struct hb_xlsx *x, int64_t n);
void hb_xlsx_money(struct hb_xlsx *x, int64_t cents);
void hb_xlsx_minutes(struct hb_xlsx *x, int64_t minutes);
void hb_xlsx_date(struct hb_xlsx *x, hb_day day);
void hb_xlsx_timestamp(struct hb_xlsx *x, int64_t t);
void hb_xlsx_blank(struct hb_xlsx *x);
void hb_xlsx_end_row(struct hb_xlsx *x);
/* Finish and write the file; dies with exit 74 on failure.  Frees x. */
void hb_xlsx_close(struct hb_xlsx *x);

/*
 * The functions above live in libhourbook_xlsx, with libxlsxwriter and
 * minizip, which only the commands that write xlsx link (report-export,
 * package-set): the others would pay ~2 ms a process to load them.  The
 * library's writers (csv.c, output.c, report.c) call them through
 * hb_xlsx_ops, which such a command sets with hb_xlsx_enable() first.
 */
struct hb_xlsx_ops {
	struct hb_xlsx *(*open)(const char *path, const char *name);
	void (*sheet)(struct hb_xlsx *x, const char *name,
	    const char *const *columns);
	void (*text)(struct hb_xlsx *x, const char *s);
	void (*integer)(struct hb_xlsx *x, int64_t n);
	void (*money)(struct hb_xlsx *x, int64_t cents);
	void (*minutes)(struct hb_xlsx *x, int64_t minutes);
	void (*date)(struct hb_xlsx *x, hb_day day);
	void (*timestamp)(struct hb_xlsx *x, int64_t t);
	void (*blank)(struct hb_xlsx *x);
	void (*end_row)(struct hb_xlsx *x);
	void (*close)(struct hb_xlsx *x);
	/* The client's activity sheet (sheet.h). */
	void (*activities)(struct hb_book *book,
	    const struct hb_report_filter *f, struct hb_xlsx *x);
};

/* NULL until hb_xlsx_enable(). */
extern const struct hb_xlsx_ops *hb_xlsx_ops;
void hb_xlsx_enable(void);
/* hb_xlsx_ops->open, or exit 70 in a command that did not enable it. */
struct hb_xlsx *hb_xlsx_start(const char *path, const char *name);

#endif
