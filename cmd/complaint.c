/*
 * complaint: record a client's complaint about a task (one, or many from
 * CSV); accept it with a voucher of hours or money, or reject it.
 */
#include <stdlib.h>

#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/output.h"
#include "hourbook/voucher.h"

enum { COL_TASK, COL_REASON, NCOL };

static const struct hb_csv_column columns[NCOL] = {
	[COL_TASK] = { "task", true },
	[COL_REASON] = { "reason", false },
};

enum {
	OPT_TASK = HB_OPT_FIRST, OPT_REASON, OPT_ACCEPT, OPT_REJECT,
	OPT_HOURS, OPT_MONEY
};

static const struct hb_option options[] = {
	{ "task", OPT_TASK, "T", "the task complained about", HB_ARG_NUMBER, NULL },
	{ "reason", OPT_REASON, "TEXT", "why: the complaint, or the decision", HB_ARG_TEXT, NULL },
	{ "accept", OPT_ACCEPT, "C", "accept complaint C with a voucher (staff)", HB_ARG_NUMBER, NULL },
	{ "reject", OPT_REJECT, "C", "reject complaint C, saying why (staff)", HB_ARG_NUMBER, NULL },
	{ "hours", OPT_HOURS, "H", "the voucher's hours, on the client's next package", HB_ARG_DURATION, NULL },
	{ "money", OPT_MONEY, "M", "the voucher's money, a credit on the client's next invoice", HB_ARG_MONEY, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"--task T --reason TEXT",
	"--accept C --hours H | --money M [--reason TEXT]",
	"--reject C --reason TEXT",
	"[--task T] [--reason TEXT] --csv FILE",
	NULL
};

static const struct hb_command command = {
	"complaint", synopsis,
	"Record a client's complaint about a task; accept it with a voucher "
	"of hours or money, or reject it.",
	options, HB_CLI_CSV | HB_CLI_WRITES | HB_CLI_KEY | HB_CLI_LEDGER, NULL
};

struct args {
	const char **values;
	const char *accept, *reject, *hours, *money;
};

static void
on_option(void *ctx, int key, const char *arg)
{
	struct args *a = ctx;

	switch (key) {
	case OPT_TASK: a->values[COL_TASK] = arg; break;
	case OPT_REASON: a->values[COL_REASON] = arg; break;
	case OPT_ACCEPT: a->accept = arg; break;
	case OPT_REJECT: a->reject = arg; break;
	case OPT_HOURS: a->hours = arg; break;
	case OPT_MONEY: a->money = arg; break;
	}
}

static void
apply(void *ctx, struct hb_book *book, const char *const *v)
{
	struct args *a = ctx;
	int64_t id;

	if (a->accept) {
		hb_complaint_accept(book, a->accept, a->hours, a->money,
		    v[COL_REASON]);
		id = strtoll(a->accept, NULL, 10);
	} else if (a->reject) {
		hb_complaint_reject(book, a->reject, v[COL_REASON]);
		id = strtoll(a->reject, NULL, 10);
	} else {
		id = hb_complaint_add(book, v[COL_TASK], v[COL_REASON]);
	}
	hb_complaint_print(book, id, hb_output_writer());
}

int
main(int argc, char **argv)
{
	const char *values[NCOL] = { NULL };
	struct args a = { values, NULL, NULL, NULL, NULL };
	struct hb_batch batch = { &command, columns, NCOL, values, apply, &a };
	int i = hb_cli_parse(&command, argc, argv, on_option, &a);

	if (argc - i != 0)
		hb_usage_error(&command, "no operands: the complaint is options");
	if (a.accept && a.reject)
		hb_usage_error(&command, "--accept or --reject, not both");
	if (a.accept || a.reject) {
		if (hb_opts.csv || values[COL_TASK])
			hb_usage_error(&command, "--%s takes only C, %s--reason",
			    a.accept ? "accept" : "reject", a.accept
			    ? "--hours or --money, " : "");
		if (a.reject && (a.hours || a.money))
			hb_usage_error(&command, "--hours and --money go with "
			    "--accept");
		if (a.accept && a.hours != NULL && a.money != NULL)
			hb_usage_error(&command, "--accept takes --hours H or "
			    "--money M, not both: a voucher is of hours or of "
			    "money");
		if (a.accept && a.hours == NULL && a.money == NULL)
			hb_usage_error(&command, "--accept needs --hours H or "
			    "--money M: the voucher, of hours or of money");
		/* One record: the columns are not used. */
		values[COL_TASK] = "-";
	} else if (a.hours || a.money) {
		hb_usage_error(&command, "--hours and --money go with --accept");
	}
	return hb_batch_main(&batch, hb_complaint_columns);
}
