/*
 * holiday-add: add the book's holidays, which business days skip.
 */
#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/date.h"
#include "hourbook/setup.h"

enum { COL_HOLIDAY, COL_NAME, NCOL };

static const struct hb_csv_column columns[NCOL] = {
	[COL_HOLIDAY] = { "holiday|date", true },
	[COL_NAME] = { "name", false },
};

static const struct hb_option options[] = {
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"DATE [NAME]",
	"--csv FILE",
	NULL
};

static const struct hb_command command = {
	"holiday-add", synopsis,
	"Add holidays to the book: business days skip them.", options,
	HB_CLI_CSV | HB_CLI_WRITES | HB_CLI_KEY | HB_CLI_CREATES, NULL
};

static const char *const holiday_columns[] = { "holiday", "name", NULL };

static void
on_option(void *ctx, int key, const char *arg)
{
	(void)ctx;
	(void)key;
	(void)arg;
}

static void
apply(void *ctx, struct hb_book *book, const char *const *v)
{
	struct hb_csv_writer *w = ctx;
	char buf[HB_DATE_BUFSZ];
	hb_day day;

	hb_holiday_add(book, v[COL_HOLIDAY], v[COL_NAME], &day);
	hb_csv_text(w, hb_date_format(day, buf));
	hb_csv_text(w, v[COL_NAME] ? v[COL_NAME] : "");
	hb_csv_end_row(w);
}

int
main(int argc, char **argv)
{
	const char *values[NCOL] = { NULL };
	struct hb_batch batch = { &command, columns, NCOL, values, apply, NULL };
	int i = hb_cli_parse(&command, argc, argv, on_option, NULL);
	static const size_t operands[] = { COL_HOLIDAY, COL_NAME };

	hb_batch_operands(&batch, argc - i, argv + i, operands, 1, 2,
	    "DATE [NAME]");
	return hb_batch_main(&batch, holiday_columns);
}
