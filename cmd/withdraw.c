/*
 * withdraw: request a withdrawal of earnings; show whether one is possible;
 * list them; pay or reject them (staff); cancel a request (its person or
 * staff).
 */
#include <string.h>

#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/session.h"
#include "hourbook/cli.h"
#include "hourbook/diag.h"
#include "hourbook/output.h"
#include "hourbook/money_ledger.h"

enum {
	COL_AMOUNT, COL_PERSON, COL_KEY, COL_WITHDRAWAL, COL_REASON,
	COL_CURRENCY, NCOL
};

static const struct hb_csv_column columns[NCOL] = {
	[COL_AMOUNT] = { "amount", false },
	[COL_PERSON] = { "person", false },
	[COL_KEY] = { "key", false },
	[COL_WITHDRAWAL] = { "withdrawal", false },
	[COL_REASON] = { "reason", false },
	[COL_CURRENCY] = { "currency", false },
};

enum {
	OPT_PERSON = HB_OPT_FIRST, OPT_KEY, OPT_STATUS, OPT_LIST, OPT_PAY,
	OPT_REJECT, OPT_REASON, OPT_CURRENCY, OPT_CANCEL
};

static const struct hb_option options[] = {
	{ "person", OPT_PERSON, "HANDLE", "whose withdrawals (default: the actor's; others' for staff)", HB_ARG_NAME, NULL },
	{ "currency", OPT_CURRENCY, "CUR", "the currency to withdraw (needed when the person has money in several)", HB_ARG_TEXT, NULL },
	{ "key", OPT_KEY, "TOKEN", "make the request idempotent: a retry returns the first", HB_ARG_TEXT, NULL },
	{ "status", OPT_STATUS, NULL, "say whether a withdrawal is possible now, and if not why (exit 1)", 0, NULL },
	{ "list", OPT_LIST, NULL, "list withdrawals", 0, NULL },
	{ "pay", OPT_PAY, NULL, "mark WITHDRAWAL paid (staff)", 0, NULL },
	{ "reject", OPT_REJECT, NULL, "reject WITHDRAWAL; the money returns to the balance (staff)", 0, NULL },
	{ "cancel", OPT_CANCEL, NULL, "cancel WITHDRAWAL while it is requested; the money returns (its person or staff)", 0, NULL },
	{ "reason", OPT_REASON, "TEXT", "why it is rejected or cancelled", HB_ARG_TEXT, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"[--person HANDLE] [--currency CUR] [--key TOKEN] AMOUNT",
	"(--status | --list) [--person HANDLE]",
	"(--pay | --reject --reason TEXT) WITHDRAWAL",
	"--cancel [--reason TEXT] WITHDRAWAL",
	"[--person HANDLE] --csv FILE",
	NULL
};

static const struct hb_command command = {
	"withdraw", synopsis,
	"Request withdrawals of earnings, see if one is possible, pay, reject or cancel them.",
	options, HB_CLI_CSV | HB_CLI_WRITES | HB_CLI_LEDGER, NULL
};

enum mode { REQUEST, STATUS, LIST, PAY, REJECT, CANCEL };

struct args {
	const char **values;
	enum mode mode;
	int modes;
};

static void
on_option(void *ctx, int key, const char *arg)
{
	struct args *a = ctx;

	switch (key) {
	case OPT_PERSON: a->values[COL_PERSON] = arg; return;
	case OPT_KEY: a->values[COL_KEY] = arg; return;
	case OPT_CURRENCY: a->values[COL_CURRENCY] = arg; return;
	case OPT_REASON: a->values[COL_REASON] = arg; return;
	case OPT_STATUS: a->mode = STATUS; break;
	case OPT_LIST: a->mode = LIST; break;
	case OPT_PAY: a->mode = PAY; break;
	case OPT_REJECT: a->mode = REJECT; break;
	case OPT_CANCEL: a->mode = CANCEL; break;
	}
	a->modes++;
}

static void
apply(void *ctx, struct hb_book *book, const char *const *v)
{
	struct args *a = ctx;
	struct hb_withdrawal w;
	bool repeated = false;

	if (a->mode == REQUEST) {
		if (v[COL_AMOUNT] == NULL || *v[COL_AMOUNT] == '\0')
			hb_fail(HB_EXIT_DATA, "amount", "is empty");
		hb_withdraw_request(book, v[COL_PERSON], v[COL_AMOUNT],
		    v[COL_CURRENCY], v[COL_KEY], &w, &repeated);
		if (repeated)
			hb_note("withdrawal %lld was already requested with key "
			    "\"%s\"; nothing new was made", (long long)w.id,
			    v[COL_KEY]);
	} else {
		if (v[COL_WITHDRAWAL] == NULL || *v[COL_WITHDRAWAL] == '\0')
			hb_fail(HB_EXIT_DATA, "withdrawal", "is empty");
		if (a->mode == CANCEL)
			hb_withdraw_cancel(book, v[COL_WITHDRAWAL], v[COL_REASON],
			    &w);
		else
			hb_withdraw_decide(book, v[COL_WITHDRAWAL],
			    a->mode == PAY, v[COL_REASON], &w);
	}
	hb_withdrawal_print(hb_output_writer(), &w);
	hb_withdrawal_release(&w);
}

/* --status and --list only read. */
static int
show(const struct args *a)
{
	struct hb_book *book = hb_book_open(HB_BOOK_READ);
	struct hb_csv_writer *w = hb_output_begin(hb_cli_format(), false);
	bool possible = true;

	if (a->mode == STATUS) {
		hb_output_header(hb_status_columns);
		possible = hb_withdraw_status(book, a->values[COL_PERSON], w);
	} else {
		hb_output_header(hb_withdrawal_columns);
		hb_withdraw_list(book, a->values[COL_PERSON], NULL, NULL, w);
	}
	hb_book_close(book);
	hb_output_finish();
	return possible ? HB_EXIT_OK : HB_EXIT_REFUSED;
}

int
main(int argc, char **argv)
{
	const char *values[NCOL] = { NULL };
	struct args a = { values, REQUEST, 0 };
	struct hb_batch batch = { &command, columns, NCOL, values, apply, &a };
	int i = hb_cli_parse(&command, argc, argv, on_option, &a);
	static const size_t amount[] = { COL_AMOUNT };
	static const size_t withdrawal[] = { COL_WITHDRAWAL };

	if (a.modes > 1)
		hb_usage_error(&command, "give one of --status, --list, --pay, "
		    "--reject, --cancel");
	if (values[COL_REASON] && a.mode != REJECT && a.mode != CANCEL)
		hb_usage_error(&command, "--reason goes with --reject or "
		    "--cancel");
	switch (a.mode) {
	case STATUS:
	case LIST:
		if (argc - i != 0 || hb_opts.csv || values[COL_KEY] ||
		    values[COL_CURRENCY])
			hb_usage_error(&command, "--status and --list take only "
			    "--person");
		return show(&a);
	case PAY:
	case REJECT:
	case CANCEL:
		if (values[COL_PERSON] || values[COL_KEY] || values[COL_CURRENCY])
			hb_usage_error(&command, "--pay, --reject and --cancel "
			    "take a WITHDRAWAL, not --person, --currency or "
			    "--key");
		if (a.mode == REJECT && !hb_opts.csv && values[COL_REASON] == NULL)
			hb_usage_error(&command, "--reject needs --reason TEXT");
		hb_batch_operands(&batch, argc - i, argv + i, withdrawal, 1, 1,
		    "WITHDRAWAL");
		break;
	case REQUEST:
		hb_batch_operands(&batch, argc - i, argv + i, amount, 1, 1,
		    "AMOUNT");
		if (hb_opts.csv == NULL)
			hb_output_key(values[COL_KEY]);
		break;
	}
	return hb_batch_main(&batch, hb_withdrawal_columns);
}
