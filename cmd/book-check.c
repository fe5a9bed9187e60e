/*
 * book-check: check that the book is sound, like `hledger check`: silent
 * when it is, every finding as CSV and exit 1 when it is not.
 */
#include "hourbook/check.h"
#include "hourbook/cli.h"
#include "hourbook/csv.h"
#include "hourbook/diag.h"
#include "hourbook/output.h"

static const struct hb_option options[] = {
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"[-q]",
	NULL
};

static const struct hb_command command = {
	"book-check", synopsis,
	"Check the book's file and ledgers; print every finding and exit 1 when there is one.",
	options, 0, NULL
};

static void
on_option(void *ctx, int key, const char *arg)
{
	(void)ctx;
	(void)key;
	(void)arg;
}

/* The header comes with the first finding: a sound book prints nothing. */
static void
print_finding(void *ctx, const struct hb_finding *f)
{
	struct hb_csv_writer *w = ctx;
	static bool started;

	if (hb_opts.quiet)
		return;
	if (!started) {
		hb_output_header(hb_finding_columns);
		started = true;
	}
	hb_csv_text(w, f->check);
	hb_csv_text(w, f->entity);
	hb_csv_text(w, f->key);
	hb_csv_text(w, f->message);
	hb_csv_end_row(w);
}

int
main(int argc, char **argv)
{
	int i = hb_cli_parse(&command, argc, argv, on_option, NULL);
	struct hb_csv_writer *w;
	size_t findings;

	if (argc - i != 0)
		hb_usage_error(&command, "unexpected operand \"%s\"", argv[i]);
	w = hb_output_begin(hb_cli_format(), false);
	findings = hb_check_book(print_finding, w);
	hb_output_finish();
	return findings > 0 ? HB_EXIT_REFUSED : HB_EXIT_OK;
}
