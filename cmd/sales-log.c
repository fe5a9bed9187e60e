/*
 * sales-log: record a sales-share project's monthly sales figures (one
 * month, or many from CSV); reverse a month's figures to correct them.
 */
#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/output.h"
#include "hourbook/sales.h"

enum { COL_PROJECT, COL_MONTH, COL_UNITS, COL_REVENUE, COL_NOTE, NCOL };

static const struct hb_csv_column columns[NCOL] = {
	[COL_PROJECT] = { "project", true },
	[COL_MONTH] = { "month", true },
	[COL_UNITS] = { "units", true },
	[COL_REVENUE] = { "revenue", true },
	[COL_NOTE] = { "note", false },
};

enum {
	OPT_PROJECT = HB_OPT_FIRST, OPT_MONTH, OPT_UNITS, OPT_REVENUE,
	OPT_NOTE, OPT_REVERSE, OPT_REASON
};

static const struct hb_option options[] = {
	{ "project", OPT_PROJECT, "P", "the project, which has a sales-share agreement in force that month", HB_ARG_NAME, NULL },
	{ "month", OPT_MONTH, "YYYY-MM", "the month of the figures: ended, and not billed yet", HB_ARG_MONTH, NULL },
	{ "units", OPT_UNITS, "N", "the units sold in the month", HB_ARG_COUNT, NULL },
	{ "revenue", OPT_REVENUE, "MONEY", "the revenue of the month, in the client's currency", HB_ARG_MONEY, NULL },
	{ "note", OPT_NOTE, "TEXT", "where the figures come from", HB_ARG_MULTILINE, NULL },
	{ "reverse", OPT_REVERSE, "SALES", "reverse the figures of row SALES (a month not billed yet)", HB_ARG_NUMBER, NULL },
	{ "reason", OPT_REASON, "TEXT", "why the figures are reversed", HB_ARG_TEXT, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"--project P --month YYYY-MM --units N --revenue MONEY [--note TEXT]",
	"--reverse SALES [--reason TEXT]",
	"[--project P] [--month YYYY-MM] --csv FILE",
	NULL
};

static const struct hb_command command = {
	"sales-log", synopsis,
	"Record a sales-share project's monthly sales figures; reverse them "
	"to correct them.",
	options, HB_CLI_CSV | HB_CLI_WRITES | HB_CLI_KEY | HB_CLI_LEDGER, NULL
};

struct args {
	const char **values;
	const char *reverse, *reason;
};

static void
on_option(void *ctx, int key, const char *arg)
{
	struct args *a = ctx;

	switch (key) {
	case OPT_PROJECT: a->values[COL_PROJECT] = arg; break;
	case OPT_MONTH: a->values[COL_MONTH] = arg; break;
	case OPT_UNITS: a->values[COL_UNITS] = arg; break;
	case OPT_REVENUE: a->values[COL_REVENUE] = arg; break;
	case OPT_NOTE: a->values[COL_NOTE] = arg; break;
	case OPT_REVERSE: a->reverse = arg; break;
	case OPT_REASON: a->reason = arg; break;
	}
}

static void
apply(void *ctx, struct hb_book *book, const char *const *v)
{
	struct args *a = ctx;
	struct hb_sales s;

	if (a->reverse) {
		hb_sales_reverse(book, a->reverse, a->reason, &s);
	} else {
		struct hb_sales_input in = {
			v[COL_PROJECT], v[COL_MONTH], v[COL_UNITS],
			v[COL_REVENUE], v[COL_NOTE]
		};

		hb_sales_log(book, &in, &s);
	}
	hb_sales_print(hb_output_writer(), &s);
	hb_sales_release(&s);
}

int
main(int argc, char **argv)
{
	const char *values[NCOL] = { NULL };
	struct args a = { values, NULL, NULL };
	struct hb_batch batch = { &command, columns, NCOL, values, apply, &a };
	int i = hb_cli_parse(&command, argc, argv, on_option, &a);

	if (a.reverse) {
		if (argc - i != 0 || hb_opts.csv || values[COL_PROJECT] ||
		    values[COL_MONTH] || values[COL_UNITS] ||
		    values[COL_REVENUE] || values[COL_NOTE])
			hb_usage_error(&command, "--reverse takes only SALES and "
			    "--reason");
		/* One record: the columns are not used. */
		values[COL_PROJECT] = values[COL_MONTH] = "-";
		values[COL_UNITS] = values[COL_REVENUE] = "-";
	} else {
		if (a.reason)
			hb_usage_error(&command, "--reason goes with --reverse");
		if (hb_opts.csv && (values[COL_UNITS] || values[COL_REVENUE] ||
		    values[COL_NOTE]))
			hb_usage_error(&command, "--units, --revenue and --note "
			    "are per month: use columns with --csv");
		if (argc - i != 0)
			hb_usage_error(&command, "no operands: the figures are "
			    "options");
	}
	return hb_batch_main(&batch, hb_sales_columns);
}
