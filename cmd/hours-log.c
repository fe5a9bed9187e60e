/*
 * hours-log: log time against tasks (one entry, or many from CSV), deducted
 * from the project's packages; reverse an entry; start, stop, cancel and
 * show a person's timer.
 */
#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/diag.h"
#include "hourbook/field.h"
#include "hourbook/output.h"
#include "hourbook/package.h"
#include "hourbook/session.h"
#include "hourbook/timer.h"

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

/* The timer's record: one, from the command line. */
enum {
	TIMER_TASK, TIMER_PERSON, TIMER_NOTE, TIMER_AT, TIMER_REASON,
	TIMER_OVERDRAFT, NTIMER
};

static const struct hb_csv_column timer_columns[NTIMER] = {
	[TIMER_TASK] = { "task", false },
	[TIMER_PERSON] = { "person", false },
	[TIMER_NOTE] = { "note", false },
	[TIMER_AT] = { "at", false },
	[TIMER_REASON] = { "reason", false },
	[TIMER_OVERDRAFT] = { "overdraft", false },
};

enum {
	OPT_DATE = HB_OPT_FIRST, OPT_PERSON, OPT_NOTE, OPT_OVERDRAFT,
	OPT_REVERSE, OPT_REASON, OPT_REF, OPT_START, OPT_STOP, OPT_CANCEL,
	OPT_TIMER, OPT_AT
};

/* What the timer options do, by their key. */
enum timer_action { NO_TIMER, TIMER_START, TIMER_STOP, TIMER_CANCEL,
	TIMER_SHOW };

static const struct hb_option options[] = {
	{ "date", OPT_DATE, "DATE", "the day worked (default: today; never in the future): YYYY-MM-DD, yesterday, -N or a weekday", HB_ARG_DATE, NULL },
	{ "person", OPT_PERSON, "HANDLE", "who worked (default: the actor)", HB_ARG_NAME, NULL },
	{ "note", OPT_NOTE, "TEXT", "what was done", HB_ARG_MULTILINE, NULL },
	{ "overdraft", OPT_OVERDRAFT, NULL, "log past the package balance; the overage is billed", 0, NULL },
	{ "reverse", OPT_REVERSE, "ENTRY", "reverse ENTRY: its hours go back", HB_ARG_NUMBER, NULL },
	{ "reason", OPT_REASON, "TEXT", "why the entry is reversed, or the timer cancelled", HB_ARG_TEXT, NULL },
	{ "ref", OPT_REF, "REF", "the entry's id in the tool it comes from: logged once per person", HB_ARG_TEXT, NULL },
	{ "start", OPT_START, "TASK", "start the person's timer on TASK (one at a time)", HB_ARG_NUMBER, NULL },
	{ "stop", OPT_STOP, NULL, "stop the person's timer: log the time it ran as one entry", 0, NULL },
	{ "cancel", OPT_CANCEL, NULL, "drop the person's timer; nothing is logged", 0, NULL },
	{ "timer", OPT_TIMER, NULL, "show the running timers (staff: everyone's)", 0, NULL },
	{ "at", OPT_AT, "TIME", "start or stop at TIME (HH:MM, or a timestamp) instead of now", HB_ARG_TEXT, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"[--date DATE] [--person HANDLE] [--note TEXT] [--ref REF] [--overdraft] "
	"TASK DURATION",
	"--reverse ENTRY [--reason TEXT]",
	"[--date DATE] [--person HANDLE] [--overdraft] --csv FILE",
	"--start TASK [--person HANDLE] [--note TEXT] [--at TIME]",
	"--stop [--person HANDLE] [--note TEXT] [--at TIME] [--overdraft]",
	"--cancel [--person HANDLE] [--reason TEXT]",
	"--timer [--person HANDLE]",
	NULL
};

static const struct hb_command command = {
	"hours-log", synopsis,
	"Log time against tasks, deducted from the packages; reverse entries; "
	"time work with a timer.",
	options, HB_CLI_CSV | HB_CLI_WRITES | HB_CLI_KEY | HB_CLI_LEDGER, NULL
};

struct args {
	const char **values;
	const char *reverse, *reason;
	struct hb_logger *logger;
	enum timer_action timer;
	int timers;		/* timer actions given */
	const char *start, *at;
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
	case OPT_AT: a->at = arg; break;
	case OPT_START: a->start = arg; a->timer = TIMER_START; a->timers++; break;
	case OPT_STOP: a->timer = TIMER_STOP; a->timers++; break;
	case OPT_CANCEL: a->timer = TIMER_CANCEL; a->timers++; break;
	case OPT_TIMER: a->timer = TIMER_SHOW; a->timers++; break;
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

/* --start, --stop, --cancel: one record, in the batch's transaction
 * (so --dry-run and --key work as for any change). */
static void
apply_timer(void *ctx, struct hb_book *book, const char *const *v)
{
	struct args *a = ctx;
	struct hb_timer_input in = {
		v[TIMER_TASK], v[TIMER_PERSON], v[TIMER_NOTE], v[TIMER_AT],
		v[TIMER_REASON], v[TIMER_OVERDRAFT] != NULL
	};
	struct hb_timer t;
	struct hb_entry e;

	if (a->logger == NULL)
		a->logger = hb_logger_new(book);
	if (a->timer == TIMER_STOP) {
		hb_timer_stop(book, a->logger, &in, &e);
		hb_entry_print(hb_output_writer(), &e);
		hb_entry_release(&e);
		return;
	}
	if (a->timer == TIMER_START)
		hb_timer_start(book, a->logger, &in, &t);
	else
		hb_timer_cancel(book, a->logger, &in, &t);
	hb_timer_print(hb_output_writer(), &t);
	hb_timer_release(&t);
}

/* Which options go with each timer action, beyond --person. */
static void
check_timer_options(const struct args *a, int operands)
{
	const char *const *v = a->values;
	const char *misfit = NULL;

	if (a->timers > 1)
		hb_usage_error(&command, "give one of --start, --stop, --cancel "
		    "and --timer");
	if (operands != 0 || hb_opts.csv)
		hb_usage_error(&command, "a timer takes no TASK DURATION and no "
		    "--csv: --start TASK names its task");
	if (a->timer == TIMER_SHOW && hb_opts.key)
		hb_usage_error(&command, "--timer changes nothing: --key does "
		    "not go with it");
	if (a->reverse || v[COL_DATE] || v[COL_REF])
		misfit = a->reverse ? "--reverse" : v[COL_DATE] ? "--date"
		    : "--ref";
	else if (v[COL_NOTE] && a->timer != TIMER_START &&
	    a->timer != TIMER_STOP)
		misfit = "--note";
	else if (a->at && a->timer != TIMER_START && a->timer != TIMER_STOP)
		misfit = "--at";
	else if (v[COL_OVERDRAFT] && a->timer != TIMER_STOP)
		misfit = "--overdraft";
	else if (a->reason && a->timer != TIMER_CANCEL)
		misfit = "--reason";
	if (misfit != NULL)
		hb_usage_error(&command, "%s does not go with --%s", misfit,
		    a->timer == TIMER_START ? "start" : a->timer == TIMER_STOP
		    ? "stop" : a->timer == TIMER_CANCEL ? "cancel" : "timer");
}

static int
timer_main(struct args *a)
{
	const char *values[NTIMER] = {
		a->start, a->values[COL_PERSON], a->values[COL_NOTE], a->at,
		a->reason, a->values[COL_OVERDRAFT]
	};
	struct hb_batch batch = { &command, timer_columns, NTIMER, values,
	    apply_timer, a };
	struct hb_book *book;
	int64_t whose;
	int status;

	if (a->timer != TIMER_SHOW) {
		status = hb_batch_main_then(&batch, a->timer == TIMER_STOP
		    ? hb_entry_columns : hb_timer_columns, flush);
		hb_logger_free(a->logger);
		return status;
	}
	book = hb_book_open(HB_BOOK_READ);
	whose = hb_timer_scope(book, values[TIMER_PERSON]);
	hb_output_begin(hb_cli_format(), false);
	hb_output_header(hb_timer_columns);
	hb_timer_list(book, whose, hb_output_writer());
	hb_book_close(book);
	hb_output_finish();
	return HB_EXIT_OK;
}

int
main(int argc, char **argv)
{
	const char *values[NCOL] = { NULL };
	struct args a = { values, NULL, NULL, NULL, NO_TIMER, 0, NULL, NULL };
	struct hb_batch batch = { &command, columns, NCOL, values, apply, &a };
	int i = hb_cli_parse(&command, argc, argv, on_option, &a);
	static const size_t operands[] = { COL_TASK, COL_DURATION };
	int status;

	if (a.timer != NO_TIMER) {
		check_timer_options(&a, argc - i);
		return timer_main(&a);
	}
	if (a.at)
		hb_usage_error(&command, "--at goes with --start and --stop");
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
			hb_usage_error(&command, "--reason goes with --reverse or "
			    "--cancel");
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
