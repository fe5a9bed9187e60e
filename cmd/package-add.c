/*
 * package-add: quote a prepaid hour package for a project.
 */
#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/output.h"
#include "hourbook/package.h"

enum {
	COL_PROJECT, COL_HOURS, COL_PLAN, COL_DISCOUNT, COL_BONUS, COL_MONTHS,
	COL_EXPIRES, COL_LAPSE, COL_START, NCOL
};

static const struct hb_csv_column columns[NCOL] = {
	[COL_PROJECT] = { "project", true },
	[COL_HOURS] = { "hours", true },
	[COL_PLAN] = { "plan", false },
	[COL_DISCOUNT] = { "discount", false },
	[COL_BONUS] = { "bonus", false },
	[COL_MONTHS] = { "months", false },
	[COL_EXPIRES] = { "expires", false },
	[COL_LAPSE] = { "lapse", false },
	[COL_START] = { "start", false },
};

static const struct hb_option options[] = {
	{ "project", HB_OPT_FIRST + COL_PROJECT, "P", "the project (a package project)", HB_ARG_NAME, NULL },
	{ "hours", HB_OPT_FIRST + COL_HOURS, "DURATION", "hours bought (a month's, for monthly)", HB_ARG_DURATION, NULL },
	{ "plan", HB_OPT_FIRST + COL_PLAN, "PLAN", "standard (default), monthly or upfront", HB_ARG_CHOICE, hb_package_plans },
	{ "discount", HB_OPT_FIRST + COL_DISCOUNT, "PCT", "discount on the hourly rate (default: the plan's)", HB_ARG_PERCENT, NULL },
	{ "bonus", HB_OPT_FIRST + COL_BONUS, "PCT", "bonus hours (default: the plan's)", HB_ARG_PERCENT, NULL },
	{ "months", HB_OPT_FIRST + COL_MONTHS, "N", "monthly: months of the term (default 12, at least 3)", HB_ARG_COUNT, NULL },
	{ "expires", HB_OPT_FIRST + COL_EXPIRES, "DATE", "no hours are given after DATE", HB_ARG_DATE, NULL },
	{ "lapse", HB_OPT_FIRST + COL_LAPSE, NULL, "monthly: unused hours lapse at month end", 0, NULL },
	{ "start", HB_OPT_FIRST + COL_START, "YYYY-MM", "monthly: the month of the first period (default: the month of the first payment)", HB_ARG_MONTH, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"--project P --hours DURATION [--plan standard|monthly|upfront] "
	"[--discount PCT] [--bonus PCT] [--months N] [--start YYYY-MM] "
	"[--expires DATE] [--lapse]",
	"[--project P] --csv FILE",
	NULL
};

static const struct hb_command command = {
	"package-add", synopsis, "Quote prepaid hour packages.", options,
	HB_CLI_CSV | HB_CLI_WRITES | HB_CLI_KEY, NULL
};

static void
apply(void *ctx, struct hb_book *book, const char *const *v)
{
	struct hb_package_input in = {
		v[COL_PROJECT], v[COL_HOURS], v[COL_PLAN], v[COL_DISCOUNT],
		v[COL_BONUS], v[COL_MONTHS], v[COL_EXPIRES], v[COL_LAPSE],
		v[COL_START]
	};
	struct hb_package p;

	hb_package_add(book, &in, &p);
	hb_package_print(ctx, &p);
	hb_package_release(&p);
}

int
main(int argc, char **argv)
{
	const char *values[NCOL] = { NULL };
	struct hb_batch batch = { &command, columns, NCOL, values, apply, NULL };
	int i = hb_cli_parse(&command, argc, argv,
	    hb_option_fills_column, values);

	hb_batch_operands(&batch, argc - i, argv + i, NULL, 0, 0,
	    "no operand");
	return hb_batch_main(&batch, hb_package_columns);
}
