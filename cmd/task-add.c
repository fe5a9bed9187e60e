/*
 * task-add: add tasks (ideas, requests and planned activities) to projects.
 */
#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/task.h"

enum {
	COL_PROJECT, COL_KIND, COL_ASSIGN, COL_ESTIMATE, COL_DUE, COL_RIGID,
	COL_URGENT, COL_EXTRA, COL_FEE, COL_DESCRIPTION, COL_TITLE, NCOL
};

static const struct hb_csv_column columns[NCOL] = {
	[COL_PROJECT] = { "project", true },
	[COL_KIND] = { "kind", false },
	[COL_ASSIGN] = { "assign|assignee", false },
	[COL_ESTIMATE] = { "estimate|estimate_minutes", false },
	[COL_DUE] = { "due", false },
	[COL_RIGID] = { "rigid|due_kind", false },
	[COL_URGENT] = { "urgent", false },
	[COL_EXTRA] = { "extra", false },
	[COL_FEE] = { "fee", false },
	[COL_DESCRIPTION] = { "description", false },
	[COL_TITLE] = { "title", true },
};

static const struct hb_option options[] = {
	{ "project", HB_OPT_FIRST + COL_PROJECT, "P", "the project", HB_ARG_NAME, NULL },
	{ "kind", HB_OPT_FIRST + COL_KIND, "KIND", "idea, request or activity (default: request for a client, else activity)", HB_ARG_CHOICE, hb_task_kinds },
	{ "assign", HB_OPT_FIRST + COL_ASSIGN, "HANDLE", "assign to HANDLE (on the team)", HB_ARG_NAME, NULL },
	{ "estimate", HB_OPT_FIRST + COL_ESTIMATE, "DURATION", "the estimate (90, 1h30, 1.5h ...)", HB_ARG_DURATION, NULL },
	{ "due", HB_OPT_FIRST + COL_DUE, "DATE", "the due date (YYYY-MM-DD, today, yesterday, -N or a weekday)", HB_ARG_DATE, NULL },
	{ "rigid", HB_OPT_FIRST + COL_RIGID, NULL, "the due date is rigid (default: flexible)", 0, NULL },
	{ "urgent", HB_OPT_FIRST + COL_URGENT, NULL, "logged time counts task.urgent_factor times", 0, NULL },
	{ "extra", HB_OPT_FIRST + COL_EXTRA, NULL, "outside the agreed plan", 0, NULL },
	{ "fee", HB_OPT_FIRST + COL_FEE, "MONEY", "the fee paid to the assignee when done (self-service)", HB_ARG_MONEY, NULL },
	{ "description", HB_OPT_FIRST + COL_DESCRIPTION, "TEXT", "a longer description", HB_ARG_MULTILINE, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"--project P [--kind idea|request|activity] [--assign HANDLE] "
	"[--estimate DURATION] [--due DATE] [--rigid] [--urgent] [--extra] "
	"[--fee MONEY] [--description TEXT] TITLE",
	"[--project P] --csv FILE",
	NULL
};

static const struct hb_command command = {
	"task-add", synopsis, "Add tasks to projects.", options,
	HB_CLI_CSV | HB_CLI_WRITES | HB_CLI_KEY, NULL
};

static void
apply(void *ctx, struct hb_book *book, const char *const *v)
{
	struct hb_task_input in = {
		v[COL_PROJECT], v[COL_KIND], v[COL_ASSIGN], v[COL_ESTIMATE],
		v[COL_DUE], v[COL_RIGID], v[COL_URGENT], v[COL_EXTRA], v[COL_FEE],
		v[COL_DESCRIPTION], v[COL_TITLE]
	};
	struct hb_task t;

	hb_task_add(book, &in, &t);
	hb_task_print(ctx, &t);
	hb_task_release(&t);
}

int
main(int argc, char **argv)
{
	const char *values[NCOL] = { NULL };
	struct hb_batch batch = { &command, columns, NCOL, values, apply, NULL };
	int i = hb_cli_parse(&command, argc, argv,
	    hb_option_fills_column, values);
	static const size_t operands[] = { COL_TITLE };

	hb_batch_operands(&batch, argc - i, argv + i, operands, 1, 1, "TITLE");
	return hb_batch_main(&batch, hb_task_columns);
}
