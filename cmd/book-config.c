/*
 * book-config: read and change the book's settings.
 */
#include <stdio.h>
#include <stdlib.h>

#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/session.h"
#include "hourbook/cli.h"
#include "hourbook/config.h"
#include "hourbook/diag.h"
#include "hourbook/output.h"

enum { COL_KEY, COL_VALUE, NCOL };

static const struct hb_csv_column columns[NCOL] = {
	[COL_KEY] = { "key", true },
	/* Empty unsets a setting without a default (sla.*.priority); any
	 * other setting refuses it as a bad value. */
	[COL_VALUE] = { "value", false },
};

enum { OPT_LIST = HB_OPT_FIRST };

static const struct hb_option options[] = {
	{ "list", OPT_LIST, NULL, "list every setting with its value and default", 0, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"[--list | KEY [VALUE]]",
	"--csv FILE",
	NULL
};

static const struct hb_command command = {
	"book-config", synopsis, "Read and change the book's settings.",
	options, HB_CLI_CSV | HB_CLI_WRITES | HB_CLI_CREATES, NULL
};

static const char *const set_columns[] = { "key", "value", NULL };
static const char *const list_columns[] = {
	"key", "value", "default", "description", NULL
};

static void
on_option(void *ctx, int key, const char *arg)
{
	(void)key;
	(void)arg;
	*(int *)ctx = 1;
}

static void
apply(void *ctx, struct hb_book *book, const char *const *v)
{
	struct hb_csv_writer *w = ctx;
	char *value = hb_config_set(book, v[COL_KEY], v[COL_VALUE] ? v[COL_VALUE]
	    : "");

	hb_csv_text(w, v[COL_KEY]);
	hb_csv_text(w, value);
	hb_csv_end_row(w);
	free(value);
}

static int
list(void)
{
	struct hb_book *book = hb_book_open(HB_BOOK_READ);
	struct hb_csv_writer *w = hb_output_begin(hb_cli_format(), false);

	hb_output_header(list_columns);
	for (size_t i = 0; i < hb_nsettings; i++) {
		char *value = hb_config_get(book, hb_settings[i].key);

		hb_csv_text(w, hb_settings[i].key);
		hb_csv_text(w, value);
		hb_csv_text(w, hb_settings[i].fallback);
		hb_csv_text(w, hb_settings[i].help);
		hb_csv_end_row(w);
		free(value);
	}
	hb_book_close(book);
	hb_output_finish();
	return HB_EXIT_OK;
}

static int
get(const char *key)
{
	struct hb_book *book;
	char *value;

	hb_setting_need(key, HB_EXIT_USAGE);
	book = hb_book_open(HB_BOOK_READ);
	value = hb_config_get(book, key);
	printf("%s\n", value);
	free(value);
	hb_book_close(book);
	hb_stdout_finish();
	return HB_EXIT_OK;
}

int
main(int argc, char **argv)
{
	const char *values[NCOL] = { NULL };
	struct hb_batch batch = { &command, columns, NCOL, values, apply, NULL };
	int listing = 0;
	int i, operands;

	hb_cli_operand_choices(hb_setting_keys());
	i = hb_cli_parse(&command, argc, argv, on_option, &listing);
	operands = argc - i;

	if (listing && (operands != 0 || hb_opts.csv))
		hb_usage_error(&command, "--list takes no KEY");
	if (hb_opts.csv && operands != 0)
		hb_usage_error(&command, "--csv takes no KEY");
	if (!listing && !hb_opts.csv && (operands < 1 || operands > 2))
		hb_usage_error(&command, "give --list, KEY, or KEY VALUE");
	if (listing)
		return list();
	if (operands == 1) {
		if (hb_opts.format != NULL)
			hb_usage_error(&command, "-f is for rows: KEY alone "
			    "prints its bare value (--list prints rows)");
		return get(argv[i]);
	}
	if (!hb_opts.csv) {
		values[COL_KEY] = argv[i];
		values[COL_VALUE] = argv[i + 1];
	}
	return hb_batch_main(&batch, set_columns);
}
