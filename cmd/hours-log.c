/*
 * hours-log: log time against tasks (one entry, or many from CSV), deducted
 * from the project's packages; reverse an entry.
 */
#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/field.h"
#include "hourbook/output.h"
#include "hourbook/package.h"

enum {
	COL_TASK, COL_DURATION, COL_DATE, COL_PERSON, COL_NOTE, COL_OVERDRAFT,
	COL_REF, NCOL
};

static const struct hb_csv_column columns[NCOL] = {
	[COL_TASK] = { "task", true },
	[COL_DURATION] = { "duration|minutes", true },
	[COL_DATE] = { "date", false },
	[COL_PERSON] = { "person", false },
	[COL_NOTE] = { "note", false },
	[COL_OVERDRAFT] = { "overdraft", false },
	[COL_REF] = { "ref", false },
};

enum {
	OPT_DATE = HB_OPT_FIRST, OPT_PERSON, OPT_NOTE, OPT_OVERDRAFT,
	OPT_REVERSE, OPT_REASON, OPT_REF
};

static const struct hb_option options[] = {
	{ "date", OPT_DATE, "DATE", "the day worked (default: today; never in the future)", HB_ARG_DATE, NULL },
	{ "person", OPT_PERSON, "HANDLE", "who worked (default: the actor)", HB_ARG_NAME, NULL },
	{ "note", OPT_NOTE, "TEXT", "what was done", HB_ARG_MULTILINE, NULL },
	{ "overdraft", OPT_OVERDRAFT, NULL, "log past the package balance; the overage is billed", 0, NULL },
	{ "reverse", OPT_REVERSE, "ENTRY", "reverse ENTRY: its hours go back", HB_ARG_NUMBER, NULL },
	{ "reason", OPT_REASON, "TEXT", "why the entry is reversed", HB_ARG_TEXT, NULL },
	{ "ref", OPT_REF, "REF", "the entry's id in the tool it comes from: logged once per person", HB_ARG_TEXT, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"[--date DATE] [--person HANDLE] [--note TEXT] [--ref REF] [--overdraft] "
	"TASK DURATION",
	"--reverse ENTRY [--reason TEXT]",
	"[--date DATE] [--person HANDLE] [--overdraft] --csv FILE",
	NULL
};

static const struct hb_command command = {
	"hours-log", synopsis,
	"Log time against tasks, deducted from the packages; reverse entries.",
	options, HB_CLI_CSV | HB_CLI_WRITES | HB_CLI_KEY | HB_CLI_LEDGER, NULL
};

struct args {
	const char **values;
	const char *reverse, *reason;
	struct hb_logger *logger;
};

static void
on_option(void *ctx, int key, const char *arg)
{
	struct args *a = ctx;

	switch (key) {
	case OPT_DATE: a->values[COL_DATE] = arg; break;
	case OPT_PERSON: a->values[COL_PERSON] = arg; break;
	case OPT_NOTE: a->values[COL_NOTE] = arg; break;
	case OPT_REF: a->values[COL_REF] = arg; break;
	case OPT_OVERDRAFT: a->values[COL_OVERDRAFT] = "yes"; break;
	case OPT_REVERSE: a->reverse = arg; break;
	case OPT_REASON: a->reason = arg; break;
	}
}

static void
apply(void *ctx, struct hb_book *book, const char *const *v)
{
	struct args *a = ctx;
	struct hb_entry e;

	if (a->logger == NULL)
		a->logger = hb_logger_new(book);
	if (a->reverse) {
		hb_hours_reverse(a->logger, a->reverse, a->reason, &e);
	} else {
		struct hb_entry_input in = {
			v[COL_TASK], v[COL_DURATION], v[COL_DATE], v[COL_PERSON],
			v[COL_NOTE], v[COL_REF], v[COL_OVERDRAFT] &&
			    hb_field_flag("overdraft", v[COL_OVERDRAFT])
		};

		hb_hours_log(a->logger, &in, &e);
	}
	hb_entry_print(hb_output_writer(), &e);
	hb_entry_release(&e);
}

/* Before the commit: the rows that sum the entries. */
static void
flush(void *ctx, struct hb_book *book, const char *const *v)
{
	struct args *a = ctx;

	(void)book;
	(void)v;
	if (a->logger != NULL)
		hb_logger_flush(a->logger);
}

int
main(int argc, char **argv)
{
	const char *values[NCOL] = { NULL };
	struct args a = { values, NULL, NULL, NULL };
	struct hb_batch batch = { &command, columns, NCOL, values, apply, &a };
	int i = hb_cli_parse(&command, argc, argv, on_option, &a);
	static const size_t operands[] = { COL_TASK, COL_DURATION };
	int status;

	if (a.reverse) {
		if (argc - i != 0 || hb_opts.csv || values[COL_DATE] ||
		    values[COL_PERSON] || values[COL_NOTE] ||
		    values[COL_OVERDRAFT] || values[COL_REF])
			hb_usage_error(&command, "--reverse takes only ENTRY and "
			    "--reason");
		/* One record: the columns are not used. */
		values[COL_TASK] = values[COL_DURATION] = "-";
	} else {
		if (a.reason)
			hb_usage_error(&command, "--reason goes with --reverse");
		if (hb_opts.csv && values[COL_NOTE])
			hb_usage_error(&command, "--note is per entry: use a note "
			    "column with --csv");
		if (hb_opts.csv && values[COL_REF])
			hb_usage_error(&command, "--ref is per entry: use a ref "
			    "column with --csv");
		hb_batch_operands(&batch, argc - i, argv + i, operands, 2, 2,
		    "TASK DURATION");
	}
	status = hb_batch_main_then(&batch, hb_entry_columns, flush);
	hb_logger_free(a.logger);
	return status;
}
