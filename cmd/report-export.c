/*
 * report-export: the read side of the book, as CSV.  The kinds are one
 * table; each says which filters apply to it.
 */
#include <string.h>

#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/diag.h"
#include "hourbook/output.h"
#include "hourbook/money_ledger.h"
#include "hourbook/package.h"

enum {
	OPT_FORMAT = 'f', OPT_CLIENT = HB_OPT_FIRST, OPT_PROJECT, OPT_PACKAGE,
	OPT_PERSON
};

/* The filters, as bits, so each kind can say which apply to it. */
enum { F_CLIENT = 1, F_PROJECT = 2, F_PACKAGE = 4, F_PERSON = 8 };

static const struct hb_option options[] = {
	{ "format", OPT_FORMAT, "FORMAT", "csv (default) or excel-csv" },
	{ "client", OPT_CLIENT, "C", "only client C" },
	{ "project", OPT_PROJECT, "P", "only project P" },
	{ "package", OPT_PACKAGE, "N", "only package N" },
	{ "person", OPT_PERSON, "HANDLE", "only person HANDLE" },
	{ NULL, 0, NULL, NULL }
};

static const char *const synopsis[] = {
	"KIND [-f csv|excel-csv] [-o FILE] [--client C] [--project P] "
	"[--package N] [--person HANDLE]",
	NULL
};

static const struct hb_command command = {
	"report-export", synopsis,
	"Export the book: balances, earnings, withdrawals.",
	options, 0
};

struct args {
	enum hb_csv_format format;
	struct hb_package_filter filter;
	const char *person;
	unsigned filters;	/* F_ bits given */
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
	case OPT_CLIENT: a->filter.client = arg; a->filters |= F_CLIENT; break;
	case OPT_PROJECT: a->filter.project = arg; a->filters |= F_PROJECT; break;
	case OPT_PACKAGE: a->filter.package = arg; a->filters |= F_PACKAGE; break;
	case OPT_PERSON: a->person = arg; a->filters |= F_PERSON; break;
	}
}

static void
write_balances(struct hb_book *book, const struct args *a,
    struct hb_csv_writer *w)
{
	hb_package_balances(book, &a->filter, w);
}

static void
write_earnings(struct hb_book *book, const struct args *a,
    struct hb_csv_writer *w)
{
	hb_earnings_export(book, a->person, w);
}

static void
write_withdrawals(struct hb_book *book, const struct args *a,
    struct hb_csv_writer *w)
{
	hb_withdraw_list(book, a->person, w);
}

/* The kinds, and how each one writes itself. */
static const struct kind {
	const char *name;
	const char *const *columns;
	unsigned filters;	/* the F_ bits that apply */
	void (*write)(struct hb_book *, const struct args *,
	    struct hb_csv_writer *);
} kinds[] = {
	{ "balances", hb_balance_columns, F_CLIENT | F_PROJECT | F_PACKAGE,
	  write_balances },
	{ "earnings", hb_earning_columns, F_PERSON, write_earnings },
	{ "withdrawals", hb_withdrawal_columns, F_PERSON, write_withdrawals },
};

static const char *const filter_names[] = {
	"--client", "--project", "--package", "--person"
};

int
main(int argc, char **argv)
{
	struct args a = { HB_CSV_PLAIN, { NULL, NULL, NULL }, NULL, 0 };
	int i = hb_cli_parse(&command, argc, argv, on_option, &a);
	const struct kind *k = NULL;
	struct hb_book *book;
	struct hb_csv_writer *w;

	if (argc - i != 1)
		hb_usage_error(&command, "give one KIND (balances, earnings, "
		    "withdrawals)");
	for (size_t n = 0; n < sizeof kinds / sizeof kinds[0]; n++)
		if (strcmp(argv[i], kinds[n].name) == 0)
			k = &kinds[n];
	if (k == NULL)
		hb_usage_error(&command, "\"%s\" is not a kind (balances, "
		    "earnings, withdrawals)", argv[i]);
	for (unsigned bit = 0; bit < 4; bit++)
		if ((a.filters & ~k->filters) & (1u << bit))
			hb_usage_error(&command, "%s does not apply to %s",
			    filter_names[bit], k->name);
	book = hb_book_open(HB_BOOK_READ);
	w = hb_output_begin(a.format, false);
	hb_output_header(k->columns);
	k->write(book, &a, w);
	hb_book_close(book);
	hb_output_finish();
	return HB_EXIT_OK;
}
