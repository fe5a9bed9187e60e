/*
 * package-set: record a package's invoice, its payment (which loads the
 * hours) or its closing (the rest lapses).
 */
#include <errno.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/session.h"
#include "hourbook/date.h"
#include "hourbook/cli.h"
#include "hourbook/diag.h"
#include "hourbook/output.h"
#include "hourbook/package.h"
#include "hourbook/report.h"
#include "hourbook/xlsx.h"

enum { COL_PACKAGE, COL_DATE, NCOL };

static const struct hb_csv_column columns[NCOL] = {
	[COL_PACKAGE] = { "package", true },
	[COL_DATE] = { "date", false },
};

enum {
	OPT_INVOICED = HB_OPT_FIRST, OPT_PAID, OPT_CLOSED, OPT_DATE, OPT_SHEET,
	OPT_BILL_MINIMUM
};

static const struct hb_option options[] = {
	{ "invoiced", OPT_INVOICED, NULL, "issue the invoice (monthly: the next period's)", 0, NULL },
	{ "paid", OPT_PAID, NULL, "record the payment: the hours (and bonus) are loaded", 0, NULL },
	{ "closed", OPT_CLOSED, NULL, "close the package: the hours left lapse", 0, NULL },
	{ "date", OPT_DATE, "DATE", "the date of it (default: today)", HB_ARG_DATE, NULL },
	{ "bill-minimum", OPT_BILL_MINIMUM, NULL, "with --closed: a monthly plan closed before its minimum months bills the months left", 0, NULL },
	{ "sheet", OPT_SHEET, "FILE.xlsx", "with --closed: write the final activity sheet to FILE.xlsx", HB_ARG_FILE, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"(--invoiced | --paid | --closed [--bill-minimum] [--sheet FILE.xlsx]) "
	"[--date DATE] PACKAGE",
	"(--invoiced | --paid | --closed) [--date DATE] --csv FILE",
	NULL
};

static const struct hb_command command = {
	"package-set", synopsis,
	"Record a package's invoice, payment or closing.", options,
	HB_CLI_CSV | HB_CLI_WRITES | HB_CLI_KEY, NULL
};

struct args {
	const char **values;
	int actions;
	enum hb_package_action action;
	const char *sheet;
	bool bill_minimum;
	bool was_closed;	/* --closed --sheet on a closed package */
	char closed_on[HB_DATE_BUFSZ];
};

static void
on_option(void *ctx, int key, const char *arg)
{
	struct args *a = ctx;

	switch (key) {
	case OPT_DATE: a->values[COL_DATE] = arg; return;
	case OPT_SHEET: a->sheet = arg; return;
	case OPT_BILL_MINIMUM: a->bill_minimum = true; return;
	case OPT_INVOICED: a->action = HB_PACKAGE_INVOICED; break;
	case OPT_PAID: a->action = HB_PACKAGE_PAID; break;
	case OPT_CLOSED: a->action = HB_PACKAGE_CLOSED; break;
	}
	a->actions++;
}

static void
apply(void *ctx, struct hb_book *book, const char *const *v)
{
	struct args *a = ctx;
	struct hb_package p;

	/* A closing whose sheet was lost (a kill, a full disk) is finished
	 * by the same command: the sheet is written, nothing changes. */
	if (a->sheet != NULL && hb_package_closed(book, v[COL_PACKAGE], &p)) {
		a->was_closed = true;
		if (p.has_closed)
			hb_date_format(p.closed_on, a->closed_on);
	} else {
		hb_package_set(book, v[COL_PACKAGE], a->action, v[COL_DATE],
		    a->bill_minimum, &p);
	}
	hb_package_print(hb_output_writer(), &p);
	hb_package_release(&p);
}

/* Inside the transaction that closes the package, before its commit: the
 * activity sheet, which sees the package closed, is written to a
 * temporary file, synced, renamed into place and checked.  A sheet that
 * cannot be written (exit 74) rolls the closing back; a kill or a failed
 * commit after it leaves the sheet and the package open, and the same
 * command again closes it and writes the sheet anew.  So a closed package
 * always has its sheet. */
static void
write_sheet(void *ctx, struct hb_book *book, const char *const *v)
{
	const struct args *a = ctx;
	struct hb_report_filter f = { 0 };
	struct stat st;
	char *temp;

	f.package = v[COL_PACKAGE];
	f.given = HB_FILTER_PACKAGE;
	temp = hb_report_xlsx_temp(book, hb_report_find("activities"), &f,
	    a->sheet);
	/* A dry run checks that the sheet can be made; the temporary file
	 * goes at exit. */
	if (hb_opts.dry_run)
		return;
	hb_temp_commit(temp, a->sheet);
	if (stat(a->sheet, &st) != 0)
		hb_die(HB_EXIT_IO, "%s: the activity sheet is not there after "
		    "writing it: %s", a->sheet, strerror(errno));
	if (S_ISREG(st.st_mode) && st.st_size == 0)
		hb_die(HB_EXIT_IO, "%s: the activity sheet came out empty",
		    a->sheet);
}

/* Close the package and hand over its activity sheet, both or neither:
 * the sheet first, then the commit that closes the package. */
static int
close_with_sheet(struct hb_batch *batch, const char *sheet)
{
	struct hb_book *book = hb_book_open(HB_BOOK_WRITE);
	const struct args *a = batch->ctx;

	hb_output_begin(hb_cli_format(), true);
	hb_output_header(hb_package_columns);
	hb_batch_run_then(book, batch, write_sheet);
	hb_book_close(book);
	hb_output_finish();
	if (hb_opts.dry_run)
		hb_note("dry run: the activity sheet was not written");
	else if (a->was_closed)
		hb_note("package %s was closed already%s%s: nothing changed; its "
		    "activity sheet was written to %s", batch->values[COL_PACKAGE],
		    a->closed_on[0] ? ", on " : "", a->closed_on, sheet);
	else
		hb_note("activity sheet written to %s", sheet);
	return HB_EXIT_OK;
}

int
main(int argc, char **argv)
{
	const char *values[NCOL] = { NULL };
	struct args a = { values, 0, HB_PACKAGE_INVOICED, NULL, false, false,
	    "" };
	struct hb_batch batch = { &command, columns, NCOL, values, apply, &a };
	static const size_t operands[] = { COL_PACKAGE };
	int i;

	hb_xlsx_enable();
	i = hb_cli_parse(&command, argc, argv, on_option, &a);
	const char *dot;

	if (a.actions != 1)
		hb_usage_error(&command, "give one of --invoiced, --paid, --closed");
	hb_batch_operands(&batch, argc - i, argv + i, operands, 1, 1, "PACKAGE");
	if (a.bill_minimum && a.action != HB_PACKAGE_CLOSED)
		hb_usage_error(&command, "--bill-minimum goes with --closed");
	if (a.sheet == NULL)
		return hb_batch_main(&batch, hb_package_columns);
	if (a.action != HB_PACKAGE_CLOSED || hb_opts.csv)
		hb_usage_error(&command, "--sheet goes with --closed and one "
		    "PACKAGE");
	dot = strrchr(a.sheet, '.');
	if (dot == NULL || strcasecmp(dot, ".xlsx") != 0)
		hb_usage_error(&command, "--sheet: \"%s\": the sheet is an "
		    "xlsx workbook; give a FILE.xlsx", a.sheet);
	return close_with_sheet(&batch, a.sheet);
}
