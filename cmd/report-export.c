/*
 * report-export: the read side of the book, as CSV.  The kinds are one
 * table; each says which filters apply to it.
 */
#include <string.h>

#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/diag.h"
#include "hourbook/output.h"
#include "hourbook/package.h"

enum { OPT_FORMAT = 'f', OPT_CLIENT = HB_OPT_FIRST, OPT_PROJECT, OPT_PACKAGE };

static const struct hb_option options[] = {
	{ "format", OPT_FORMAT, "FORMAT", "csv (default) or excel-csv" },
	{ "client", OPT_CLIENT, "C", "only client C" },
	{ "project", OPT_PROJECT, "P", "only project P" },
	{ "package", OPT_PACKAGE, "N", "only package N" },
	{ NULL, 0, NULL, NULL }
};

static const char *const synopsis[] = {
	"KIND [-f csv|excel-csv] [-o FILE] [--client C] [--project P] "
	"[--package N]",
	NULL
};

static const struct hb_command command = {
	"report-export", synopsis,
	"Export the book: balances (more kinds come with the reports).",
	options, 0
};

struct args {
	enum hb_csv_format format;
	struct hb_package_filter filter;
};

static void
on_option(void *ctx, int key, const char *arg)
{
	struct args *a = ctx;

	switch (key) {
	case OPT_FORMAT:
		if (strcmp(arg, "csv") == 0)
			a->format = HB_CSV_PLAIN;
		else if (strcmp(arg, "excel-csv") == 0)
			a->format = HB_CSV_EXCEL;
		else
			hb_usage_error(&command, "-f: \"%s\" is not csv or "
			    "excel-csv", arg);
		break;
	case OPT_CLIENT: a->filter.client = arg; break;
	case OPT_PROJECT: a->filter.project = arg; break;
	case OPT_PACKAGE: a->filter.package = arg; break;
	}
}

static void
write_balances(struct hb_book *book, const struct args *a,
    struct hb_csv_writer *w)
{
	hb_package_balances(book, &a->filter, w);
}

/* The kinds, and how each one writes itself. */
static const struct kind {
	const char *name;
	const char *const *columns;
	void (*write)(struct hb_book *, const struct args *,
	    struct hb_csv_writer *);
} kinds[] = {
	{ "balances", hb_balance_columns, write_balances },
};

int
main(int argc, char **argv)
{
	struct args a = { HB_CSV_PLAIN, { NULL, NULL, NULL } };
	int i = hb_cli_parse(&command, argc, argv, on_option, &a);
	const struct kind *k = NULL;
	struct hb_book *book;
	struct hb_csv_writer *w;

	if (argc - i != 1)
		hb_usage_error(&command, "give one KIND (balances)");
	for (size_t n = 0; n < sizeof kinds / sizeof kinds[0]; n++)
		if (strcmp(argv[i], kinds[n].name) == 0)
			k = &kinds[n];
	if (k == NULL)
		hb_usage_error(&command, "\"%s\" is not a kind (balances)",
		    argv[i]);
	book = hb_book_open(HB_BOOK_READ);
	w = hb_output_begin(a.format, false);
	hb_output_header(k->columns);
	k->write(book, &a, w);
	hb_book_close(book);
	hb_output_finish();
	return HB_EXIT_OK;
}
