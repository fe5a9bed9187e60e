/*
 * client-set: correct a client: its display name, e-mail or contact
 * (staff; every change logged with its reason).
 */
#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/diag.h"
#include "hourbook/setup.h"

enum { COL_CLIENT, COL_DISPLAY_NAME, COL_EMAIL, COL_CONTACT, COL_REASON, NCOL };

static const struct hb_csv_column columns[NCOL] = {
	[COL_CLIENT] = { "client|name", true },
	[COL_DISPLAY_NAME] = { "display_name", false },
	[COL_EMAIL] = { "email", false },
	[COL_CONTACT] = { "contact", false },
	[COL_REASON] = { "reason", false },
};

/* Each option fills its column (hb_option_fills_column). */
enum {
	OPT_DISPLAY_NAME = HB_OPT_FIRST + COL_DISPLAY_NAME,
	OPT_EMAIL = HB_OPT_FIRST + COL_EMAIL,
	OPT_CONTACT = HB_OPT_FIRST + COL_CONTACT,
	OPT_REASON = HB_OPT_FIRST + COL_REASON
};

static const struct hb_option options[] = {
	{ "display-name", OPT_DISPLAY_NAME, "DISPLAY-NAME", "the name the client is shown by", HB_ARG_TEXT, NULL },
	{ "email", OPT_EMAIL, "E", "the client's e-mail address", HB_ARG_TEXT, NULL },
	{ "contact", OPT_CONTACT, "HANDLE", "the person the client speaks through: one of its client-role people", HB_ARG_NAME, NULL },
	{ "reason", OPT_REASON, "TEXT", "why (required: it goes to the event log)", HB_ARG_TEXT, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"[--display-name DISPLAY-NAME] [--email E] [--contact HANDLE] "
	"--reason TEXT NAME",
	"[--reason TEXT] --csv FILE",
	NULL
};

static const struct hb_command command = {
	"client-set", synopsis,
	"Correct a client's display name, e-mail or contact.", options,
	HB_CLI_CSV | HB_CLI_WRITES | HB_CLI_KEY, NULL
};

static void
apply(void *ctx, struct hb_book *book, const char *const *v)
{
	struct hb_client_change in = {
		v[COL_CLIENT], v[COL_DISPLAY_NAME], v[COL_EMAIL], v[COL_CONTACT],
		v[COL_REASON]
	};
	struct hb_client c;

	if (!hb_client_set(book, &in, &c) && !hb_opts.csv)
		hb_note("%s: nothing changed: the values given are the book's "
		    "already", c.name);
	hb_client_print(ctx, &c);
	hb_client_release(&c);
}

int
main(int argc, char **argv)
{
	const char *values[NCOL] = { NULL };
	struct hb_batch batch = { &command, columns, NCOL, values, apply, NULL };
	int i = hb_cli_parse(&command, argc, argv, hb_option_fills_column,
	    values);
	static const size_t operands[] = { COL_CLIENT };
	static const size_t fields[] = {
		COL_DISPLAY_NAME, COL_EMAIL, COL_CONTACT
	};

	hb_batch_correction(&batch, fields, 3, COL_REASON, "--display-name, "
	    "--email or --contact");
	hb_batch_operands(&batch, argc - i, argv + i, operands, 1, 1, "NAME");
	return hb_batch_main(&batch, hb_client_columns);
}
