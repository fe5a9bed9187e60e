/*
 * member-leave: take a person off a project's team; their open tasks are
 * unassigned, or handed to --reassign-to, and printed.
 */
#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/diag.h"
#include "hourbook/setup.h"

enum { COL_PERSON, COL_PROJECT, COL_REASSIGN_TO, NCOL };

static const struct hb_csv_column columns[NCOL] = {
	[COL_PERSON] = { "person|handle", true },
	[COL_PROJECT] = { "project", true },
	[COL_REASSIGN_TO] = { "reassign_to", false },
};

enum { OPT_PROJECT = HB_OPT_FIRST, OPT_REASSIGN_TO };

static const struct hb_option options[] = {
	{ "project", OPT_PROJECT, "P", "the project whose team the person leaves", HB_ARG_NAME, NULL },
	{ "reassign-to", OPT_REASSIGN_TO, "HANDLE", "give the leaver's open tasks to HANDLE", HB_ARG_NAME, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"--project P [--reassign-to HANDLE] HANDLE",
	"[--project P] [--reassign-to HANDLE] --csv FILE",
	NULL
};

static const struct hb_command command = {
	"member-leave", synopsis,
	"Take people off project teams, handing over their open tasks.",
	options, HB_CLI_CSV | HB_CLI_WRITES | HB_CLI_KEY, NULL
};

static const char *const task_columns[] = {
	"task", "project", "title", "status", "assignee", NULL
};

static void
on_option(void *ctx, int key, const char *arg)
{
	const char **values = ctx;

	values[key == OPT_PROJECT ? COL_PROJECT : COL_REASSIGN_TO] = arg;
}

struct leave {
	struct hb_csv_writer *w;
	const char *project;
};

static void
print_task(void *ctx, const struct hb_task_ref *t)
{
	struct leave *l = ctx;

	hb_csv_int(l->w, t->id);
	hb_csv_text(l->w, l->project);
	hb_csv_text(l->w, t->title);
	hb_csv_text(l->w, t->status);
	hb_csv_text(l->w, t->assignee);
	hb_csv_end_row(l->w);
}

static void
apply(void *ctx, struct hb_book *book, const char *const *v)
{
	struct leave l = { ctx, v[COL_PROJECT] };
	size_t n;

	n = hb_member_leave(book, v[COL_PROJECT], v[COL_PERSON],
	    v[COL_REASSIGN_TO], print_task, &l);
	hb_note("%s left %s (%zu open task%s %s)", v[COL_PERSON],
	    v[COL_PROJECT], n, n == 1 ? "" : "s",
	    v[COL_REASSIGN_TO] && *v[COL_REASSIGN_TO] ? "reassigned"
	    : "unassigned");
}

int
main(int argc, char **argv)
{
	const char *values[NCOL] = { NULL };
	struct hb_batch batch = { &command, columns, NCOL, values, apply, NULL };
	int i = hb_cli_parse(&command, argc, argv, on_option, values);
	static const size_t operands[] = { COL_PERSON };

	hb_batch_operands(&batch, argc - i, argv + i, operands, 1, 1, "HANDLE");
	return hb_batch_main(&batch, task_columns);
}
