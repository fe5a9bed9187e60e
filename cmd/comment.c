/*
 * comment: add comments to tasks (one, or many from CSV), or list a task's
 * thread.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/session.h"
#include "hourbook/cli.h"
#include "hourbook/diag.h"
#include "hourbook/output.h"
#include "hourbook/task.h"

#define BODY_FILE_MAX (1024 * 1024)

enum { COL_TASK, COL_BODY, COL_REPLY_TO, NCOL };

static const struct hb_csv_column columns[NCOL] = {
	[COL_TASK] = { "task", true },
	[COL_BODY] = { "body|message", true },
	[COL_REPLY_TO] = { "reply_to", false },
};

enum { OPT_REPLY_TO = HB_OPT_FIRST, OPT_LIST };

static const struct hb_option options[] = {
	{ "message", 'm', "TEXT", "the comment's text", HB_ARG_MULTILINE, NULL },
	{ "file", 'F', "FILE", "read the text from FILE (- for stdin)", HB_ARG_FILE, NULL },
	{ "reply-to", OPT_REPLY_TO, "COMMENT", "answer comment COMMENT on the same task", HB_ARG_NUMBER, NULL },
	{ "list", OPT_LIST, NULL, "list the task's comments, oldest first", 0, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"[-m TEXT | -F FILE] [--reply-to COMMENT] TASK",
	"--list TASK",
	"[-m TEXT | -F FILE] --csv FILE",
	NULL
};

static const struct hb_command command = {
	"comment", synopsis, "Comment on tasks, or list a task's comments.",
	options, HB_CLI_CSV | HB_CLI_WRITES | HB_CLI_KEY, NULL
};

struct args {
	const char **values;
	const char *file;
	bool list;
	char *body;		/* read from -F */
};

static void
on_option(void *ctx, int key, const char *arg)
{
	struct args *a = ctx;

	switch (key) {
	case 'm': a->values[COL_BODY] = arg; break;
	case 'F': a->file = arg; break;
	case OPT_REPLY_TO: a->values[COL_REPLY_TO] = arg; break;
	case OPT_LIST: a->list = true; break;
	}
}

/* The whole of path ("-" is stdin), at most 1 MiB; the caller's. */
static char *
slurp(const char *path)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *buf = hb_xmalloc(BODY_FILE_MAX + 2);
	size_t n;

	if (fp == NULL)
		hb_die(HB_EXIT_NOINPUT, "%s: %s", path, strerror(errno));
	n = fread(buf, 1, BODY_FILE_MAX + 1, fp);
	if (ferror(fp))
		hb_die(HB_EXIT_IO, "%s: %s", path, strerror(errno));
	if (fp != stdin)
		fclose(fp);
	if (n > BODY_FILE_MAX)
		hb_die(HB_EXIT_DATA, "%s: longer than 1 MiB", path);
	if (memchr(buf, '\0', n) != NULL)
		hb_die(HB_EXIT_DATA, "%s: holds a NUL byte", path);
	buf[n] = '\0';
	return buf;
}

static void
apply(void *ctx, struct hb_book *book, const char *const *v)
{
	struct hb_comment c;

	(void)ctx;
	hb_comment_add(book, v[COL_TASK], v[COL_BODY], v[COL_REPLY_TO], &c);
	hb_comment_print(hb_output_writer(), &c);
	hb_comment_release(&c);
}

static int
list(const char *task)
{
	struct hb_book *book = hb_book_open(HB_BOOK_READ);
	struct hb_csv_writer *w = hb_output_begin(hb_cli_format(), false);

	hb_output_header(hb_comment_columns);
	hb_comment_list(book, task, w);
	hb_book_close(book);
	hb_output_finish();
	return HB_EXIT_OK;
}

int
main(int argc, char **argv)
{
	const char *values[NCOL] = { NULL };
	struct args a = { values, NULL, false, NULL };
	struct hb_batch batch = { &command, columns, NCOL, values, apply, &a };
	int i = hb_cli_parse(&command, argc, argv, on_option, &a);
	static const size_t operands[] = { COL_TASK };
	int status;

	if (a.list) {
		if (values[COL_BODY] || a.file || values[COL_REPLY_TO] ||
		    hb_opts.csv || argc - i != 1)
			hb_usage_error(&command, "--list takes one TASK and "
			    "nothing else");
		return list(argv[i]);
	}
	if (values[COL_BODY] && a.file)
		hb_usage_error(&command, "give -m or -F, not both");
	if (a.file && hb_opts.csv && strcmp(a.file, "-") == 0 &&
	    strcmp(hb_opts.csv, "-") == 0)
		hb_usage_error(&command, "-F - and --csv - both want stdin");
	hb_batch_operands(&batch, argc - i, argv + i, operands, 1, 1, "TASK");
	if (a.file)
		values[COL_BODY] = a.body = slurp(a.file);
	status = hb_batch_main(&batch, hb_comment_columns);
	free(a.body);
	return status;
}
