/*
 * task-list: select tasks, or print one task's history, as CSV.
 */
#include <stdlib.h>
#include <string.h>

#include "hourbook/book.h"
#include "hourbook/session.h"
#include "hourbook/cli.h"
#include "hourbook/clock.h"
#include "hourbook/diag.h"
#include "hourbook/field.h"
#include "hourbook/output.h"
#include "hourbook/task.h"

enum {
	OPT_CLIENT = HB_OPT_FIRST, OPT_PROJECT, OPT_STATUS, OPT_ASSIGNEE, OPT_KIND,
	OPT_OVERDUE, OPT_DUE_BEFORE, OPT_HISTORY
};

static const struct hb_option options[] = {
	{ "client", OPT_CLIENT, "C", "tasks of client C's projects", HB_ARG_NAME, NULL },
	{ "project", OPT_PROJECT, "P", "tasks of project P", HB_ARG_NAME, NULL },
	{ "status", OPT_STATUS, "STATE", "in STATE (repeatable, or STATE,STATE)", HB_ARG_CHOICES, hb_task_state_names },
	{ "assignee", OPT_ASSIGNEE, "HANDLE", "assigned to HANDLE", HB_ARG_NAME, NULL },
	{ "kind", OPT_KIND, "K", "of kind idea, request or activity", HB_ARG_CHOICE, hb_task_kinds },
	{ "overdue", OPT_OVERDUE, NULL, "due before today and not done, rejected or cancelled", 0, NULL },
	{ "due-before", OPT_DUE_BEFORE, "DATE", "due before DATE", HB_ARG_DATE, NULL },
	{ "history", OPT_HISTORY, "TASK", "print the events of TASK instead", HB_ARG_NUMBER, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"[--client C] [--project P] [--status STATE] [--assignee HANDLE] [--kind K] "
	"[--overdue] [--due-before DATE]",
	"--history TASK",
	NULL
};

static const struct hb_command command = {
	"task-list", synopsis, "Select tasks, or print a task's history.",
	options, 0, NULL
};

struct args {
	struct hb_task_filter filter;
	char *statuses;		/* joined --status values */
	const char *history;
	int selectors;
};

static void
add_status(struct args *a, const char *arg)
{
	char *joined;

	joined = a->statuses ? hb_xprintf("%s,%s", a->statuses, arg)
	    : hb_xstrdup(arg);
	free(a->statuses);
	a->statuses = joined;
	a->filter.statuses = joined;
}

static void
on_option(void *ctx, int key, const char *arg)
{
	struct args *a = ctx;

	a->selectors += key != OPT_HISTORY;
	switch (key) {
	case OPT_CLIENT: a->filter.client = arg; break;
	case OPT_PROJECT: a->filter.project = arg; break;
	case OPT_STATUS: add_status(a, arg); break;
	case OPT_ASSIGNEE: a->filter.assignee = arg; break;
	case OPT_KIND: a->filter.kind = arg; break;
	case OPT_OVERDUE: a->filter.overdue = true; break;
	case OPT_DUE_BEFORE: a->filter.due_before = arg; break;
	case OPT_HISTORY: a->history = arg; break;
	}
}

int
main(int argc, char **argv)
{
	struct args a = { 0 };
	int i = hb_cli_parse(&command, argc, argv, on_option, &a);
	struct hb_book *book;
	struct hb_csv_writer *w;

	if (argc - i != 0)
		hb_usage_error(&command, "unexpected operand \"%s\"", argv[i]);
	if (a.history && a.selectors)
		hb_usage_error(&command, "--history takes no other selection");
	book = hb_book_open(HB_BOOK_READ);
	w = hb_output_begin(hb_cli_format(), false);
	if (a.history) {
		hb_output_header(hb_event_columns);
		hb_task_history(book, a.history, w);
	} else {
		a.filter.today = hb_today();
		a.filter.by_priority = true;
		hb_task_filter_check(book, &a.filter);
		hb_output_header(hb_task_list_columns);
		hb_task_list(book, &a.filter, w);
	}
	hb_book_close(book);
	hb_output_finish();
	free(a.statuses);
	return HB_EXIT_OK;
}
