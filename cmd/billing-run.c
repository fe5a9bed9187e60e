/*
 * billing-run: make the month's invoices, once; run it from cron.
 */
#include "hourbook/billing.h"
#include "hourbook/book.h"
#include "hourbook/session.h"
#include "hourbook/cli.h"
#include "hourbook/diag.h"
#include "hourbook/output.h"

enum { OPT_MONTH = HB_OPT_FIRST, OPT_FORCE };

static const struct hb_option options[] = {
	{ "month", OPT_MONTH, "YYYY-MM", "the month to bill (required)", HB_ARG_MONTH, NULL },
	{ "force", OPT_FORCE, NULL, "bill a month that has not ended yet", 0, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"--month YYYY-MM [--force] [--dry-run]",
	NULL
};

static const struct hb_command command = {
	"billing-run", synopsis,
	"Make the month's invoices (idempotent) and print them.", options,
	HB_CLI_WRITES, NULL
};

struct args {
	const char *month;
	bool force;
};

static void
on_option(void *ctx, int key, const char *arg)
{
	struct args *a = ctx;

	switch (key) {
	case OPT_MONTH: a->month = arg; break;
	case OPT_FORCE: a->force = true; break;
	}
}

int
main(int argc, char **argv)
{
	struct args a = { NULL, false };
	int i = hb_cli_parse(&command, argc, argv, on_option, &a);
	struct hb_book *book;
	struct hb_csv_writer *w;

	if (argc - i != 0)
		hb_usage_error(&command, "unexpected operand \"%s\"", argv[i]);
	if (a.month == NULL)
		hb_usage_error(&command, "--month is required");
	book = hb_book_open(HB_BOOK_WRITE);
	w = hb_output_begin(hb_cli_format(), true);
	hb_output_header(hb_invoice_columns);
	hb_billing_run(book, a.month, hb_opts.dry_run, a.force, w);
	if (!hb_opts.dry_run)
		hb_output_committed();
	hb_book_close(book);
	hb_output_finish();
	return HB_EXIT_OK;
}
