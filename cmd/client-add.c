/*
 * client-add: add clients to the book.
 */
#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/lang.h"
#include "hourbook/setup.h"

enum { COL_CLIENT, COL_DISPLAY_NAME, COL_EMAIL, COL_CURRENCY, COL_LANG, NCOL };

static const struct hb_csv_column columns[NCOL] = {
	[COL_CLIENT] = { "client|name", true },
	[COL_DISPLAY_NAME] = { "display_name", false },
	[COL_EMAIL] = { "email", false },
	[COL_CURRENCY] = { "currency", false },
	[COL_LANG] = { "lang", false },
};

enum { OPT_EMAIL = HB_OPT_FIRST, OPT_CURRENCY, OPT_LANG };

static const struct hb_option options[] = {
	{ "email", OPT_EMAIL, "E", "the client's e-mail address", HB_ARG_TEXT, NULL },
	{ "currency", OPT_CURRENCY, "CUR", "the client's currency (default: the book's)", HB_ARG_TEXT, NULL },
	{ "lang", OPT_LANG, "LANG", "the language of its activity sheet: en, it, pt or es (default: the book's sheet.lang)", HB_ARG_CHOICE, hb_lang_codes },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"[--email E] [--currency CUR] [--lang en|it|pt|es] NAME [DISPLAY-NAME]",
	"[--email E] [--currency CUR] [--lang en|it|pt|es] --csv FILE",
	NULL
};

static const struct hb_command command = {
	"client-add", synopsis, "Add clients to the book.", options,
	HB_CLI_CSV | HB_CLI_WRITES | HB_CLI_KEY | HB_CLI_CREATES, NULL
};

static void
on_option(void *ctx, int key, const char *arg)
{
	const char **values = ctx;

	values[key == OPT_EMAIL ? COL_EMAIL : key == OPT_LANG ? COL_LANG
	    : COL_CURRENCY] = arg;
}

static void
apply(void *ctx, struct hb_book *book, const char *const *v)
{
	struct hb_client_input in = {
		v[COL_CLIENT], v[COL_DISPLAY_NAME], v[COL_EMAIL], v[COL_CURRENCY],
		v[COL_LANG]
	};
	struct hb_client c;

	hb_client_add(book, &in, &c);
	hb_client_print(ctx, &c);
	hb_client_release(&c);
}

int
main(int argc, char **argv)
{
	const char *values[NCOL] = { NULL };
	struct hb_batch batch = { &command, columns, NCOL, values, apply, NULL };
	int i = hb_cli_parse(&command, argc, argv, on_option, values);
	static const size_t operands[] = { COL_CLIENT, COL_DISPLAY_NAME };

	hb_batch_operands(&batch, argc - i, argv + i, operands, 1, 2,
	    "NAME [DISPLAY-NAME]");
	return hb_batch_main(&batch, hb_client_columns);
}
