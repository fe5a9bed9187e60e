/*
 * sla-check: evaluate the service-level rules as of now (or --as-of) and
 * fail when one is broken: a CI gate.
 */
#include <string.h>

#include "hourbook/book.h"
#include "hourbook/session.h"
#include "hourbook/cli.h"
#include "hourbook/clock.h"
#include "hourbook/diag.h"
#include "hourbook/output.h"
#include "hourbook/sla.h"

enum { OPT_AS_OF = HB_OPT_FIRST, OPT_RULE, OPT_PROJECT };

/* Besides csv, table and jsonl (the findings as rows). */
static const char *const formats[] = { "tap", "junit", NULL };

static const struct hb_option options[] = {
	{ "as-of", OPT_AS_OF, "DATE", "evaluate as of DATE (its start, in TZ) or a UTC timestamp", HB_ARG_WHEN, NULL },
	{ "rule", OPT_RULE, "R", "only rule R", HB_ARG_CHOICE, hb_sla_rule_ids },
	{ "project", OPT_PROJECT, "P", "only project P", HB_ARG_NAME, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"[--as-of DATE] [--rule R] [--project P] "
	"[-f csv|table|jsonl|tap|junit] [-q]",
	NULL
};

static const struct hb_command command = {
	"sla-check", synopsis,
	"Check the service levels; exit 1 when a rule of severity error is broken.",
	options, 0, formats
};

struct args {
	const char *as_of, *rule, *project;
};

static void
on_option(void *ctx, int key, const char *arg)
{
	struct args *a = ctx;

	switch (key) {
	case OPT_AS_OF: a->as_of = arg; break;
	case OPT_RULE: a->rule = arg; break;
	case OPT_PROJECT: a->project = arg; break;
	}
}

int
main(int argc, char **argv)
{
	struct args a = { NULL, NULL, NULL };
	int i = hb_cli_parse(&command, argc, argv, on_option, &a);
	const char *f = hb_opts.format ? hb_opts.format : "csv";
	enum hb_sla_format format = strcmp(f, "tap") == 0 ? HB_SLA_TAP
	    : strcmp(f, "junit") == 0 ? HB_SLA_JUNIT : HB_SLA_ROWS;
	struct hb_book *book;
	struct hb_csv_writer *w;
	int64_t as_of;
	const char *why;
	bool errors;

	if (argc - i != 0)
		hb_usage_error(&command, "unexpected operand \"%s\"", argv[i]);
	/* Now, and a date's start, are known once the book is open: its
	 * zone, and whether it takes HOURBOOK_NOW. */
	book = hb_book_open(HB_BOOK_READ);
	if (a.as_of == NULL)
		as_of = hb_now();
	else if (hb_clock_parse(a.as_of, &as_of, &why) != 0)
		hb_usage_error(&command, "--as-of: \"%s\" %s", a.as_of, why);
	w = hb_output_begin(format == HB_SLA_ROWS ? hb_cli_format()
	    : HB_CSV_PLAIN, false);
	errors = hb_sla_check(book, as_of, a.rule, a.project, format,
	    hb_opts.quiet, w);
	hb_book_close(book);
	hb_output_finish();
	return errors ? HB_EXIT_REFUSED : HB_EXIT_OK;
}
