/*
 * batch: one record from the command line or many from --csv, all or
 * nothing.
 *
 * A writing command names its columns once.  The values given as options
 * are the record in argument mode, and the defaults of every row in CSV
 * mode (so "comment --csv - -m TEXT" gives every row the same body).  All
 * records are applied in one BEGIN IMMEDIATE transaction; the first failure
 * ends the program with "FILE:LINE: column: reason" and nothing is written.
 *
 * One record given --key TOKEN (commands with HB_CLI_KEY) is a change made
 * once: the key, a digest of the request and the rows printed are recorded
 * with the change; the same request with the same key again prints those
 * rows and writes nothing; another request with it is refused (exit 1).
 */
#ifndef HOURBOOK_BATCH_H
#define HOURBOOK_BATCH_H

#include <stddef.h>
#include "hourbook/cli.h"
#include "hourbook/csv.h"

struct hb_book;

typedef void hb_record_fn(void *ctx, struct hb_book *book,
    const char *const *values);

struct hb_batch {
	const struct hb_command *cmd;
	const struct hb_csv_column *columns;
	size_t ncolumns;
	const char **values;	/* ncolumns entries from the command line */
	hb_record_fn *apply;
	void *ctx;
};

/* An hb_option_fn for commands whose option keys are HB_OPT_FIRST + a
 * column: the option fills that column of ctx (an array of values); a
 * flag fills it with "yes". */
void hb_option_fills_column(void *ctx, int key, const char *arg);

/* Run the batch and commit; returns the number of records applied. */
size_t hb_batch_run(struct hb_book *book, const struct hb_batch *batch);
/* The same, calling last(ctx, book, command-line values) after the last
 * record, inside the transaction: what it makes stands or falls with the
 * records. */
size_t hb_batch_run_then(struct hb_book *book, const struct hb_batch *batch,
    hb_record_fn *last);

/* Put the command's operands into their columns: columns[i] is filled by
 * operand i; between min and max operands, none with --csv (else a usage
 * error naming `what`, such as "NAME [DISPLAY-NAME]"). */
void hb_batch_operands(struct hb_batch *batch, int argc, char **argv,
    const size_t *columns, int min, int max, const char *what);

/* A correction's one record from the command line (client-set,
 * member-set, project-set) names something to change, one of the columns
 * `fields` (else a usage error saying `what` to give), and its reason,
 * the column `reason`.  With --csv, each row is the domain's to check. */
void hb_batch_correction(const struct hb_batch *batch, const size_t *fields,
    size_t nfields, size_t reason, const char *what);

/* The whole life of a writing command after option parsing: open (or
 * create) the book, run the batch with the output writer as ctx (when
 * batch->ctx is NULL), print `header` and the rows after the commit.
 * Returns the exit status. */
int hb_batch_main(struct hb_batch *batch, const char *const *header);
/* The same, calling last() inside the transaction after the last record
 * (hb_batch_run_then). */
int hb_batch_main_then(struct hb_batch *batch, const char *const *header,
    hb_record_fn *last);

#endif
