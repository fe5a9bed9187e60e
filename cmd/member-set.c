/*
 * member-set: correct a person: their name, e-mail, or a freelancer's
 * pay rate from a day on (staff; every change logged with its reason).
 */
#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/diag.h"
#include "hourbook/setup.h"

enum { COL_PERSON, COL_NAME, COL_EMAIL, COL_RATE, COL_FROM, COL_REASON, NCOL };

static const struct hb_csv_column columns[NCOL] = {
	[COL_PERSON] = { "person|handle", true },
	[COL_NAME] = { "name", false },
	[COL_EMAIL] = { "email", false },
	[COL_RATE] = { "rate", false },
	[COL_FROM] = { "from", false },
	[COL_REASON] = { "reason", false },
};

/* Each option fills its column (hb_option_fills_column). */
enum {
	OPT_NAME = HB_OPT_FIRST + COL_NAME, OPT_EMAIL = HB_OPT_FIRST + COL_EMAIL,
	OPT_RATE = HB_OPT_FIRST + COL_RATE, OPT_FROM = HB_OPT_FIRST + COL_FROM,
	OPT_REASON = HB_OPT_FIRST + COL_REASON
};

static const struct hb_option options[] = {
	{ "name", OPT_NAME, "NAME", "the person's full name", HB_ARG_TEXT, NULL },
	{ "email", OPT_EMAIL, "E", "the person's e-mail address", HB_ARG_TEXT, NULL },
	{ "rate", OPT_RATE, "MONEY", "a freelancer's hourly pay rate, from --from on", HB_ARG_MONEY, NULL },
	{ "from", OPT_FROM, "DATE", "the first day of the new rate: entries dated from then on earn it", HB_ARG_DATE, NULL },
	{ "reason", OPT_REASON, "TEXT", "why (required: it goes to the event log)", HB_ARG_TEXT, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"[--name NAME] [--email E] [--rate MONEY --from DATE] --reason TEXT "
	"HANDLE",
	"[--reason TEXT] --csv FILE",
	NULL
};

static const struct hb_command command = {
	"member-set", synopsis,
	"Correct a person's name, e-mail, or pay rate from a day on.", options,
	HB_CLI_CSV | HB_CLI_WRITES | HB_CLI_KEY, NULL
};

static void
apply(void *ctx, struct hb_book *book, const char *const *v)
{
	struct hb_person_change in = {
		v[COL_PERSON], v[COL_NAME], v[COL_EMAIL], v[COL_RATE],
		v[COL_FROM], v[COL_REASON]
	};
	struct hb_person p;

	if (!hb_person_set(book, &in, &p) && !hb_opts.csv)
		hb_note("%s: nothing changed: the values given are the book's "
		    "already", p.handle);
	hb_person_print(ctx, &p, NULL);
	hb_person_release(&p);
}

int
main(int argc, char **argv)
{
	const char *values[NCOL] = { NULL };
	struct hb_batch batch = { &command, columns, NCOL, values, apply, NULL };
	int i = hb_cli_parse(&command, argc, argv, hb_option_fills_column,
	    values);
	static const size_t operands[] = { COL_PERSON };
	static const size_t fields[] = { COL_NAME, COL_EMAIL, COL_RATE };

	hb_batch_correction(&batch, fields, 3, COL_REASON, "--name, --email or "
	    "--rate with --from");
	if (!hb_opts.csv && !values[COL_RATE] != !values[COL_FROM])
		hb_usage_error(&command, "--rate and --from go together: a new "
		    "rate holds from a day on");
	hb_batch_operands(&batch, argc - i, argv + i, operands, 1, 1, "HANDLE");
	return hb_batch_main(&batch, hb_person_columns);
}
