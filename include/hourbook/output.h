/*
 * output: where a command's CSV goes, and the promise that what a command
 * prints is what it did.
 *
 * Writing commands print the records they wrote.  Rows are first written to
 * an anonymous temporary file and reach stdout (or -o FILE) only after
 * hb_output_finish(), which the command calls after the commit: a batch that
 * dies half-way prints nothing.  -o FILE is written through a temporary
 * file in the same folder and renamed into place, so a failed command never
 * leaves a truncated file.  Every write error fails the command (exit 74).
 */
#ifndef HOURBOOK_OUTPUT_H
#define HOURBOOK_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>
#include "hourbook/csv.h"

/* The writer a command prints its rows through.  deferred: rows wait in a
 * temporary file until hb_output_finish() (writing commands); else they
 * stream straight to the destination (exports). */
struct hb_csv_writer *hb_output_begin(enum hb_csv_format format,
    bool deferred);
/* The writer hb_output_begin() returned (borrowed). */
struct hb_csv_writer *hb_output_writer(void);
/* Write the header row unless --no-header. */
void hb_output_header(const char *const *names);
/* Copy what was written to its destination, check for errors, and close. */
void hb_output_finish(void);
/* A new temporary file beside path, removed at exit unless committed: a
 * failed command never leaves a half-written file.  The name is the
 * caller's to pass to hb_temp_commit(). */
char *hb_temp_beside(const char *path);
/* Rename temp over path (and forget it); dies with exit 74. */
void hb_temp_commit(char *temp, const char *path);

/* Flush and check stdout (for commands that print without a writer). */
void hb_stdout_finish(void);

#endif
