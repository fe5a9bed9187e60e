/*
 * report: every read-only export of the book, one table of kinds.
 *
 * Each kind has a name, the filters that make sense for it, and a writer
 * that prints through the typed CSV/xlsx writer, so every kind exists in
 * every format.  The activity sheet (activities) is the client's record of
 * the work, handed over as a spreadsheet at the end of a package; in xlsx
 * it opens on a summary of the packages.
 */
#ifndef HOURBOOK_REPORT_H
#define HOURBOOK_REPORT_H

#include <stdbool.h>
#include "hourbook/csv.h"

struct hb_book;

enum {
	HB_FILTER_CLIENT = 1 << 0,
	HB_FILTER_PROJECT = 1 << 1,
	HB_FILTER_PACKAGE = 1 << 2,
	HB_FILTER_PERSON = 1 << 3,
	HB_FILTER_PERIOD = 1 << 4	/* --from, --to, --month */
};

struct hb_report_filter {
	const char *client, *project, *package, *person;
	const char *from, *to;	/* YYYY-MM-DD, inclusive */
	unsigned given;		/* HB_FILTER_ bits given */
	const char *lang;	/* the activity sheet's language, or NULL */
};

/* The index of kind `name`, or -1. */
int hb_report_find(const char *name);
/* "activities, balances, ...", for messages. */
const char *hb_report_names(void);
/* The kinds' names, NULL-terminated, for the options spec (cli.h):
 * borrowed, valid until exit. */
const char *const *hb_report_kinds(void);
/* " (did you mean balances?)" for a name near a kind's, else "": into
 * buf of size bytes, which is returned. */
const char *hb_report_near(const char *name, char *buf, size_t size);
/* NULL when every filter given applies to the kind, else the option that
 * does not ("--person"). */
const char *hb_report_misfit(int kind, unsigned given);
/* Write the kind (headers included, unless no_header and not xlsx). */
void hb_report_write(struct hb_book *book, int kind,
    const struct hb_report_filter *f, struct hb_csv_writer *w,
    bool no_header);

/* Write the kind as an xlsx file to a temporary file beside path (for
 * package-set --closed --sheet) and return its name, for hb_temp_commit
 * to rename over path (package-set does it before its commit). */
char *hb_report_xlsx_temp(struct hb_book *book, int kind,
    const struct hb_report_filter *f, const char *path);

#endif
