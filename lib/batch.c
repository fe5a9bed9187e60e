/*
 * batch: apply one record from the command line, or every row of --csv,
 * in one transaction.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "hourbook/actor.h"
#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/csv.h"
#include "hourbook/session.h"
#include "hourbook/date.h"
#include "hourbook/diag.h"
#include "hourbook/digest.h"
#include "hourbook/field.h"
#include "hourbook/output.h"
#include "hourbook/progress.h"

/* Batches of more records than this check the whole book before they
 * write the next one. */
#define BATCH_CHECKED 100

struct run {
	const struct hb_batch *batch;
	struct hb_book *book;
	const char *name;	/* the input's name in messages */
	const char **merged;
	bool *dates;		/* the columns that a DATE option fills */
	char (*days)[HB_DATE_BUFSZ];	/* their relative cells, resolved */
	size_t count;
	bool ledger;		/* record the batch: its digest */
	struct hb_digest digest;
	enum hb_csv_format dialect;	/* the reader's, once the header is read */
	struct hb_progress progress;	/* on a terminal, for a long batch */
};

/* The digest of a batch is of its records as the command reads them:
 * every column's value after the command line's defaults, in the
 * command's column order, so the same rows in another column order, or
 * with other line ends, are the same batch. */
static void
digest_record(struct hb_digest *d, const char *const *values, size_t n)
{
	static const char absent = 1, end = 0, record = 0x1e;

	for (size_t i = 0; i < n; i++) {
		if (values[i] == NULL)
			hb_digest_add(d, &absent, 1);
		else
			hb_digest_add(d, values[i], strlen(values[i]));
		hb_digest_add(d, &end, 1);
	}
	hb_digest_add(d, &record, 1);
}

/* A batch of rows that add time or money is applied once: the same
 * batch again is refused (exit 1) unless --again.  Inside the write
 * transaction, so of two identical imports at once exactly one lands. */
static void
record_batch(struct run *run)
{
	const char *command = run->batch->cmd->name;
	struct hb_batch_record prev;
	char hex[HB_DIGEST_HEX], *name;

	hb_digest_hex(&run->digest, hex);
	if (!hb_opts.again && hb_book_batch_find(run->book, command, hex,
	    &prev)) {
		int64_t t;
		char day[HB_DATE_BUFSZ], these[64];

		if (hb_timestamp_parse(prev.at, &t, NULL) == 0)
			hb_date_format(hb_local_day(t), day);
		else
			snprintf(day, sizeof day, "%.10s", prev.at);
		if (run->count == 1)
			snprintf(these, sizeof these, "this record was");
		else
			snprintf(these, sizeof these, "these %zu records were",
			    run->count);
		hb_die(HB_EXIT_REFUSED, "%s: %s applied already, on %s by %s "
		    "(batch %lld, from %s): nothing was written; give --again "
		    "to apply %s once more", run->name, these, day, prev.actor,
		    (long long)prev.id, prev.name, run->count == 1 ? "it"
		    : "them");
	}
	/* The name is only a note for that message, but it is text in the
	 * book, which holds nothing but UTF-8 (PostgreSQL refuses anything
	 * else), and a file's name is any bytes. */
	name = hb_utf8_escape(run->name);
	hb_book_batch_insert(run->book, command, hex, name,
	    (int64_t)run->count);
	free(name);
}

/* ---- changes made once (--key) -------------------------------------------
 *
 * A single-record writer given --key TOKEN records, in the transaction of
 * its change, the actor's key for the command with a digest of the request
 * and the rows it printed (book.h: request_key).  The same key again finds
 * them inside its own BEGIN IMMEDIATE, so of two runs at once exactly one
 * makes the change: a repeat of the same request prints the first run's
 * rows and writes nothing (exit 0, with a note); another request under the
 * same key is refused (exit 1), naming the first.  This is what makes a
 * retry safe after any failure, including exit 3 (the change was committed
 * but not printed) and a kill at any moment.
 */

/* The request: the command's own options as given, sorted by name (their
 * order does not matter); its operands; and every column's value as the
 * command applies it, which holds what comment -F read.  A file's name is
 * where a value comes from, not the value, and is left out: a retry may
 * put the same text in another temporary file. */
static void
request_digest(const struct hb_batch *b, char hex[HB_DIGEST_HEX])
{
	static const char end = 0, absent = 1, part = 0x1e;
	const struct hb_cli_value *given, **sorted;
	const char *const *operands;
	size_t noperands, n = hb_cli_given(&given, &operands, &noperands);
	struct hb_digest d;

	sorted = hb_xcalloc(n, sizeof *sorted);
	for (size_t i = 0; i < n; i++) {
		size_t j = i;

		/* Insertion sort, stable: repeated options keep their order. */
		for (; j > 0 && strcmp(sorted[j - 1]->name, given[i].name) > 0;
		    j--)
			sorted[j] = sorted[j - 1];
		sorted[j] = &given[i];
	}
	hb_digest_init(&d);
	hb_digest_add(&d, b->cmd->name, strlen(b->cmd->name));
	hb_digest_add(&d, &part, 1);
	for (size_t i = 0; i < n; i++) {
		if (sorted[i]->file)
			continue;
		hb_digest_add(&d, sorted[i]->name, strlen(sorted[i]->name));
		hb_digest_add(&d, &end, 1);
		if (sorted[i]->value == NULL)
			hb_digest_add(&d, &absent, 1);
		else
			hb_digest_add(&d, sorted[i]->value,
			    strlen(sorted[i]->value));
		hb_digest_add(&d, &end, 1);
	}
	hb_digest_add(&d, &part, 1);
	for (size_t i = 0; i < noperands; i++) {
		hb_digest_add(&d, operands[i], strlen(operands[i]));
		hb_digest_add(&d, &end, 1);
	}
	hb_digest_add(&d, &part, 1);
	digest_record(&d, b->values, b->ncolumns);
	hb_digest_hex(&d, hex);
	free(sorted);
}

/* Inside the transaction, before the change: true when the key was used
 * for this very request (its rows are printed again, nothing is
 * written); dies 1 when it was used for another. */
static bool
repeated(struct hb_book *book, const struct hb_batch *b, const char *hex)
{
	struct hb_request first;
	char *what;

	if (!hb_book_request_find(book, b->cmd->name, hb_opts.key, &first))
		return false;
	what = hb_output_summary(first.output);
	if (strcmp(first.digest, hex) != 0)
		hb_die(HB_EXIT_REFUSED, "--key: \"%s\" was used at %s by %s for "
		    "another %s%s%s%s: nothing was written; give a new key for "
		    "a new change", hb_opts.key, first.at, hb_actor(),
		    b->cmd->name, what ? " (" : "", what ? what : "",
		    what ? ")" : "");
	hb_book_rollback(book);
	hb_output_replay(first.output);
	hb_note("--key \"%s\": made already at %s%s%s%s: nothing was "
	    "written; printed what it wrote then", hb_opts.key, first.at,
	    what ? " (" : "", what ? what : "", what ? ")" : "");
	/* The change is in the book, from the first run. */
	hb_output_committed();
	free(what);
	hb_request_release(&first);
	return true;
}

/* Commit, or for --dry-run undo everything and say so.  After the
 * commit nothing may report the change as not made (output.h). */
static void
finish(struct hb_book *book)
{
	if (hb_opts.dry_run) {
		hb_book_rollback(book);
		hb_note("dry run: nothing was written");
	} else {
		hb_book_commit(book);
		hb_output_committed();
	}
}

static int
on_row(void *ctx, const char *const *values, long line)
{
	struct run *run = ctx;
	const struct hb_batch *b = run->batch;
	char name[64];

	hb_diag_set_location(run->name, line);
	hb_field_set_decimal_comma(run->dialect == HB_CSV_EXCEL);
	for (size_t i = 0; i < b->ncolumns; i++) {
		/* An empty field takes the command line's value, if any. */
		run->merged[i] = values[i] != NULL && values[i][0] != '\0'
		    ? values[i] : b->values[i];
		if (b->columns[i].required && (run->merged[i] == NULL ||
		    run->merged[i][0] == '\0')) {
			hb_csv_column_name(b->columns[i].names, name, sizeof name);
			hb_fail(HB_EXIT_DATA, name, "is empty");
		}
		/* A relative date ("yesterday") is the day it names for the
		 * command and for the batch's digest alike: the same file
		 * read on another day is another batch. */
		if (run->dates[i] && run->merged[i] != NULL &&
		    hb_date_relative(run->merged[i])) {
			hb_csv_column_name(b->columns[i].names, name, sizeof name);
			run->merged[i] = hb_field_date_text(name, run->merged[i],
			    run->days[i]);
		}
	}
	if (run->ledger)
		digest_record(&run->digest, run->merged, b->ncolumns);
	/* Many records write only into a book whose whole structure is
	 * sound (book.h): checked before the first record past
	 * BATCH_CHECKED, with the records before it in the book.  Until
	 * then, and in a batch of fewer, SQLite checks each page it reads
	 * (store_sqlite.c), as for single records: checking a book of a
	 * million entries takes a second or two, a hundred times a small
	 * batch. */
	if (run->count == BATCH_CHECKED)
		hb_book_verify(run->book);
	b->apply(b->ctx, run->book, run->merged);
	run->count++;
	hb_progress_row(&run->progress);
	hb_diag_set_context(NULL);
	return 0;
}

void
hb_option_fills_column(void *ctx, int key, const char *arg)
{
	const char **values = ctx;

	values[key - HB_OPT_FIRST] = arg ? arg : "yes";
}

/* Which columns hold a DATE: those an option of type DATE fills, by its
 * name (as missing() names a column by its option).  The caller's. */
static bool *
date_columns(const struct hb_batch *b)
{
	bool *dates = hb_xcalloc(b->ncolumns, sizeof *dates);
	char name[64];

	for (size_t i = 0; i < b->ncolumns; i++) {
		hb_csv_column_name(b->columns[i].names, name, sizeof name);
		for (const struct hb_option *o = b->cmd->options; o->name; o++)
			if (o->arg != NULL && o->type == HB_ARG_DATE &&
			    strcmp(o->name, name) == 0)
				dates[i] = true;
	}
	return dates;
}

void
hb_batch_correction(const struct hb_batch *b, const size_t *fields,
    size_t nfields, size_t reason, const char *what)
{
	bool any = false;

	if (hb_opts.csv != NULL)
		return;
	for (size_t i = 0; i < nfields; i++)
		any |= b->values[fields[i]] != NULL;
	if (!any)
		hb_usage_error(b->cmd, "nothing to change: give %s", what);
	if (b->values[reason] == NULL)
		hb_usage_error(b->cmd, "--reason TEXT is required: every "
		    "correction goes to the event log with its reason");
}

/* A required value not given on the command line: named as the option
 * that gives it (the column's name in a --csv file). */
static _Noreturn void
missing(const struct hb_batch *b, size_t column)
{
	char name[64];

	hb_csv_column_name(b->columns[column].names, name, sizeof name);
	for (const struct hb_option *o = b->cmd->options; o->name; o++)
		if (strcmp(o->name, name) == 0)
			hb_usage_error(b->cmd, "--%s is required", name);
	hb_usage_error(b->cmd, "%s is required", name);
}

size_t
hb_batch_run_then(struct hb_book *book, const struct hb_batch *b,
    hb_record_fn *last)
{
	struct run run = { b, book, NULL, NULL, NULL, NULL, 0, false,
	    { { 0 }, 0, { 0 }, 0 }, HB_CSV_PLAIN, { 0 } };
	struct hb_csv_column *columns;
	struct hb_csv_error err;
	char hex[HB_DIGEST_HEX];
	FILE *in;
	int rc;

	if (hb_opts.csv == NULL) {
		for (size_t i = 0; i < b->ncolumns; i++)
			if (b->columns[i].required && (b->values[i] == NULL ||
			    b->values[i][0] == '\0'))
				missing(b, i);
		if (hb_opts.key != NULL) {
			request_digest(b, hex);
			hb_output_key(hb_opts.key);
		}
		hb_book_begin(book);
		hb_actor_get(book);
		if (hb_opts.key != NULL && repeated(book, b, hex))
			return 1;
		b->apply(b->ctx, book, b->values);
		if (last != NULL)
			last(b->ctx, book, b->values);
		if (hb_opts.key != NULL) {
			char *rows = hb_output_rows();

			hb_book_request_insert(book, b->cmd->name, hb_opts.key,
			    hex, rows);
			free(rows);
		}
		finish(book);
		return 1;
	}

	/* A column given on the command line is no longer required in the
	 * file: the option is every row's default. */
	columns = hb_xcalloc(b->ncolumns, sizeof *columns);
	for (size_t i = 0; i < b->ncolumns; i++) {
		columns[i] = b->columns[i];
		if (b->values[i] != NULL && b->values[i][0] != '\0')
			columns[i].required = false;
	}
	run.name = strcmp(hb_opts.csv, "-") == 0 ? "stdin" : hb_opts.csv;
	run.merged = hb_xcalloc(b->ncolumns, sizeof *run.merged);
	run.dates = date_columns(b);
	run.days = hb_xcalloc(b->ncolumns, sizeof *run.days);
	run.ledger = (b->cmd->flags & HB_CLI_LEDGER) != 0;
	hb_digest_init(&run.digest);
	hb_book_begin(book);
	hb_actor_get(book);
	/* Opened here, so that the progress can tell how much is read. */
	in = strcmp(hb_opts.csv, "-") == 0 ? stdin : fopen(hb_opts.csv, "rb");
	if (in == NULL)
		hb_die(HB_EXIT_NOINPUT, "%s: %s", run.name, strerror(errno));
	hb_progress_begin(&run.progress, in);
	rc = hb_csv_read_stream_dialect(in, columns, b->ncolumns, on_row,
	    &run, &run.dialect, &err);
	hb_progress_end(&run.progress);
	if (in != stdin)
		fclose(in);
	hb_field_set_decimal_comma(false);
	free(columns);
	free(run.merged);
	free(run.dates);
	free(run.days);
	if (rc != 0) {
		if (err.line == 0)
			hb_die(HB_EXIT_NOINPUT, "%s: %s", run.name, err.reason);
		hb_die(HB_EXIT_DATA, "%s:%ld: %s%s%s", run.name, err.line,
		    err.column, err.column[0] ? ": " : "", err.reason);
	}
	if (run.ledger)
		record_batch(&run);
	if (last != NULL)
		last(b->ctx, book, b->values);
	finish(book);
	return run.count;
}

size_t
hb_batch_run(struct hb_book *book, const struct hb_batch *b)
{
	return hb_batch_run_then(book, b, NULL);
}

int
hb_batch_main(struct hb_batch *batch, const char *const *header)
{
	return hb_batch_main_then(batch, header, NULL);
}

int
hb_batch_main_then(struct hb_batch *batch, const char *const *header,
    hb_record_fn *last)
{
	struct hb_book *book = hb_book_open(batch->cmd->flags & HB_CLI_CREATES
	    ? HB_BOOK_CREATE : HB_BOOK_WRITE);
	struct hb_csv_writer *w = hb_output_begin(hb_cli_format(), true);

	if (batch->ctx == NULL)
		batch->ctx = w;
	hb_output_header(header);
	hb_batch_run_then(book, batch, last);
	hb_book_close(book);
	hb_output_finish();
	return HB_EXIT_OK;
}

void
hb_batch_operands(struct hb_batch *b, int argc, char **argv,
    const size_t *columns, int min, int max, const char *what)
{
	if (hb_opts.csv != NULL) {
		if (argc != 0)
			hb_usage_error(b->cmd, "--csv takes no %s", what);
		return;
	}
	if (argc < min || argc > max)
		hb_usage_error(b->cmd, "give %s", what);
	for (int i = 0; i < argc; i++)
		b->values[columns[i]] = argv[i];
}
