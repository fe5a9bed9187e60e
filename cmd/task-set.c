/*
 * task-set: move tasks through their states and change their estimate,
 * assignee, due date and fee; reopen a done or cancelled one (staff);
 * pause a task blocked on the client past the client-info SLA (staff);
 * apply the decisions of a client's returned activity sheet (--sheet).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/diag.h"
#include "hourbook/output.h"
#include "hourbook/sheetread.h"
#include "hourbook/task.h"

enum {
	COL_TASK, COL_ESTIMATE, COL_ASSIGN, COL_DUE, COL_REASON, COL_BLOCK,
	COL_STATUS, COL_FEE, COL_PAUSE, NCOL
};

static const struct hb_csv_column columns[NCOL] = {
	[COL_TASK] = { "task", true },
	[COL_ESTIMATE] = { "estimate", false },
	[COL_ASSIGN] = { "assign", false },
	[COL_DUE] = { "due", false },
	[COL_REASON] = { "reason", false },
	[COL_BLOCK] = { "block", false },
	[COL_STATUS] = { "status", false },
	[COL_FEE] = { "fee", false },
	[COL_PAUSE] = { "pause", false },
};

enum {
	OPT_ESTIMATE = HB_OPT_FIRST, OPT_ASSIGN, OPT_DUE, OPT_REASON,
	OPT_STATUS, OPT_BLOCK, OPT_SHEET, OPT_FEE, OPT_PAUSE,
	OPT_MOVE	/* OPT_MOVE + index in moves_flags */
};

/* The move flags, in hb_task_actions' names (block takes a reason). */
static const char *const move_flags[] = {
	"approve", "reject", "start", "unblock", "deliver", "accept", "revise",
	"cancel", "reopen", NULL
};

static const struct hb_option options[] = {
	{ "estimate", OPT_ESTIMATE, "DURATION", "set the estimate (a request becomes estimated)", HB_ARG_DURATION, NULL },
	{ "assign", OPT_ASSIGN, "HANDLE", "assign to HANDLE (on the team)", HB_ARG_NAME, NULL },
	{ "due", OPT_DUE, "DATE", "change the due date (needs --reason)", HB_ARG_DATE, NULL },
	{ "fee", OPT_FEE, "MONEY", "change a self-service task's fee (staff; needs --reason)", HB_ARG_MONEY, NULL },
	{ "reason", OPT_REASON, "TEXT", "why the due date or the fee changes, or the task is reopened", HB_ARG_TEXT, NULL },
	{ "approve", OPT_MOVE + 0, NULL, "approve an idea (to open) or an estimate (to approved)", 0, NULL },
	{ "reject", OPT_MOVE + 1, NULL, "reject an idea or an estimate", 0, NULL },
	{ "start", OPT_MOVE + 2, NULL, "start work (open or approved to in-progress)", 0, NULL },
	{ "block", OPT_BLOCK, "REASON", "block: waiting for the client's information", HB_ARG_TEXT, NULL },
	{ "unblock", OPT_MOVE + 3, NULL, "back to the state it was blocked from", 0, NULL },
	{ "deliver", OPT_MOVE + 4, NULL, "deliver (in-progress or revision to delivered)", 0, NULL },
	{ "accept", OPT_MOVE + 5, NULL, "accept a delivery (to done)", 0, NULL },
	{ "revise", OPT_MOVE + 6, NULL, "ask for a revision of a delivery", 0, NULL },
	{ "cancel", OPT_MOVE + 7, NULL, "cancel (any state but done)", 0, NULL },
	{ "reopen", OPT_MOVE + 8, NULL, "reopen a done or cancelled task, to the state before (staff; needs --reason)", 0, NULL },
	{ "status", OPT_STATUS, "STATE", "move to STATE, by the move that reaches it", HB_ARG_CHOICE, hb_task_state_names },
	{ "pause", OPT_PAUSE, NULL, "pause a blocked task past the client-info SLA: its paused days are not late (staff)", 0, NULL },
	{ "sheet", OPT_SHEET, "FILE", "apply the client's decisions of a returned activity sheet (as the client's contact)", HB_ARG_FILE, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"[--estimate DURATION] [--assign HANDLE] [--due DATE --reason TEXT] "
	"[--approve | --reject | --start | --block REASON | --unblock | "
	"--deliver | --accept | --revise | --cancel | --status STATE] TASK ...",
	"[--fee MONEY] [--reopen] --reason TEXT TASK ...",
	"--pause [--reason TEXT] TASK ...",
	"[options] --csv FILE",
	"--sheet FILE.xlsx --as CONTACT",
	NULL
};

static const struct hb_command command = {
	"task-set", synopsis,
	"Move tasks through their states; change estimates, assignees, due dates and fees; reopen tasks.",
	options, HB_CLI_CSV | HB_CLI_WRITES | HB_CLI_KEY, NULL
};

struct args {
	const char **values;
	const char *action;
	int moves;
	const char *sheet;
	int changes;		/* field options given */
};

static void
on_option(void *ctx, int key, const char *arg)
{
	struct args *a = ctx;

	if (key != OPT_SHEET)
		a->changes++;
	switch (key) {
	case OPT_SHEET: a->sheet = arg; break;
	case OPT_ESTIMATE: a->values[COL_ESTIMATE] = arg; break;
	case OPT_ASSIGN: a->values[COL_ASSIGN] = arg; break;
	case OPT_DUE: a->values[COL_DUE] = arg; break;
	case OPT_REASON: a->values[COL_REASON] = arg; break;
	case OPT_FEE: a->values[COL_FEE] = arg; break;
	case OPT_STATUS:
		a->values[COL_STATUS] = arg;
		a->moves++;
		break;
	case OPT_BLOCK:
		a->values[COL_BLOCK] = arg;
		a->moves++;
		break;
	case OPT_PAUSE:
		a->values[COL_PAUSE] = "yes";
		a->moves++;
		break;
	default:
		a->action = move_flags[key - OPT_MOVE];
		a->moves++;
		break;
	}
}

static const char *action;

static void
apply(void *ctx, struct hb_book *book, const char *const *v)
{
	struct hb_task_change ch = {
		v[COL_ESTIMATE], v[COL_ASSIGN], v[COL_DUE], v[COL_REASON],
		v[COL_BLOCK], action, v[COL_STATUS], v[COL_FEE], v[COL_PAUSE]
	};
	struct hb_task t;

	(void)ctx;
	if (ch.block_reason != NULL && *ch.block_reason != '\0')
		ch.action = "block";
	hb_task_set(book, v[COL_TASK], &ch, &t);
	hb_task_print(hb_output_writer(), &t);
	hb_task_release(&t);
}

/* Several TASK operands: one record each, in one transaction. */
static void
apply_all(void *ctx, struct hb_book *book, const char *const *v)
{
	char **tasks = ctx;
	const char *row[NCOL];

	memcpy(row, v, sizeof row);
	for (size_t i = 0; tasks[i] != NULL; i++) {
		row[COL_TASK] = tasks[i];
		apply(NULL, book, row);
	}
}

/* --sheet: the workbook is read whole before the book is opened, then
 * its decisions are applied in the batch's one transaction. */
struct sheet_run {
	const char *file;
	struct hb_sheet sheet;
};

static void
print_task(void *ctx, const struct hb_task *t)
{
	(void)ctx;
	hb_task_print(hb_output_writer(), t);
}

static void
apply_sheet(void *ctx, struct hb_book *book, const char *const *v)
{
	struct sheet_run *run = ctx;

	(void)v;
	hb_sheet_apply(book, &run->sheet, run->file, print_task, NULL);
}

static int
sheet_main(const char *file)
{
	static const struct hb_csv_column none[1] = { { "sheet", false } };
	const char *values[1] = { file };
	struct sheet_run run = { file, { 0 } };
	struct hb_batch batch = { &command, none, 1, values, apply_sheet, &run };
	char why[512];
	int rc;

	if (access(file, R_OK) != 0)
		hb_die(errno == ENOENT ? HB_EXIT_NOINPUT : HB_EXIT_IO, "%s: %s",
		    file, strerror(errno));
	if (hb_sheet_read_file(file, &run.sheet, why, sizeof why) != 0)
		hb_die(HB_EXIT_DATA, "%s: not an activity sheet made by "
		    "hourbook: %s", file, why);
	rc = hb_batch_main(&batch, hb_task_columns);
	hb_sheet_release(&run.sheet);
	return rc;
}

int
main(int argc, char **argv)
{
	const char *values[NCOL] = { NULL };
	struct args a = { values, NULL, 0, NULL, 0 };
	struct hb_batch batch = { &command, columns, NCOL, values, apply, &a };
	int i = hb_cli_parse(&command, argc, argv, on_option, &a);

	if (a.sheet != NULL) {
		if (a.changes > 0 || hb_opts.csv || argc - i != 0)
			hb_usage_error(&command, "--sheet takes no TASK, move, "
			    "change or --csv: the sheet holds the decisions");
		return sheet_main(a.sheet);
	}
	if (a.moves > 1)
		hb_usage_error(&command, "give at most one move (--pause is "
		    "one)");
	if (values[COL_REASON] && !values[COL_DUE] && !values[COL_FEE] &&
	    !values[COL_PAUSE] &&
	    !(a.action && strcmp(a.action, "reopen") == 0) && !hb_opts.csv)
		hb_usage_error(&command, "--reason goes with --due, --fee, "
		    "--reopen or --pause");
	action = a.action;
	if (hb_opts.csv) {
		if (argc - i != 0)
			hb_usage_error(&command, "--csv takes no TASK");
	} else {
		if (argc - i < 1)
			hb_usage_error(&command, "give one or more TASK");
		values[COL_TASK] = argv[i];
		batch.apply = apply_all;
		batch.ctx = argv + i;
	}
	return hb_batch_main(&batch, hb_task_columns);
}
