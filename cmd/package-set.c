/*
 * package-set: record a package's invoice, its payment (which loads the
 * hours) or its closing (the rest lapses).
 */
#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/output.h"
#include "hourbook/package.h"

enum { COL_PACKAGE, COL_DATE, NCOL };

static const struct hb_csv_column columns[NCOL] = {
	[COL_PACKAGE] = { "package", true },
	[COL_DATE] = { "date", false },
};

enum { OPT_INVOICED = HB_OPT_FIRST, OPT_PAID, OPT_CLOSED, OPT_DATE };

static const struct hb_option options[] = {
	{ "invoiced", OPT_INVOICED, NULL, "issue the invoice (monthly: the next period's)" },
	{ "paid", OPT_PAID, NULL, "record the payment: the hours (and bonus) are loaded" },
	{ "closed", OPT_CLOSED, NULL, "close the package: the hours left lapse" },
	{ "date", OPT_DATE, "DATE", "the date of it (default: today)" },
	{ NULL, 0, NULL, NULL }
};

static const char *const synopsis[] = {
	"(--invoiced | --paid | --closed) [--date DATE] PACKAGE",
	"(--invoiced | --paid | --closed) [--date DATE] --csv FILE",
	NULL
};

static const struct hb_command command = {
	"package-set", synopsis,
	"Record a package's invoice, payment or closing.", options, HB_CLI_CSV
};

struct args {
	const char **values;
	int actions;
	enum hb_package_action action;
};

static void
on_option(void *ctx, int key, const char *arg)
{
	struct args *a = ctx;

	switch (key) {
	case OPT_DATE: a->values[COL_DATE] = arg; return;
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

	hb_package_set(book, v[COL_PACKAGE], a->action, v[COL_DATE], &p);
	hb_package_print(hb_output_writer(), &p);
	hb_package_release(&p);
}

int
main(int argc, char **argv)
{
	const char *values[NCOL] = { NULL };
	struct args a = { values, 0, HB_PACKAGE_INVOICED };
	struct hb_batch batch = { &command, columns, NCOL, values, apply, &a };
	int i = hb_cli_parse(&command, argc, argv, on_option, &a);
	static const size_t operands[] = { COL_PACKAGE };

	if (a.actions != 1)
		hb_usage_error(&command, "give one of --invoiced, --paid, --closed");
	hb_batch_operands(&batch, argc - i, argv + i, operands, 1, 1, "PACKAGE");
	return hb_batch_main(&batch, hb_package_columns);
}
