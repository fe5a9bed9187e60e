/*
 * output: where a command's CSV goes, and the promise that what a command
 * prints is what it did.
 *
 * Writing commands print the records they wrote.  Rows are first written to
 * an anonymous temporary file and reach stdout (or -o FILE) only after
 * hb_output_finish(), which the command calls after the commit: a batch that
 * dies half-way prints nothing.  -o FILE is written through a temporary
 * file in the same folder and renamed into place, so a failed command never
 * leaves a truncated file; a FIFO, a character device or a descriptor's name
 * (/dev/stdout, /dev/fd/N) is written into instead, never replaced.  Every
 * write error fails the command: exit 74 before the commit, and after it
 * (hb_output_committed) exit 3, HB_EXIT_UNPRINTED, with a message naming
 * the rows that are in the book, so that no script repeats a change that
 * was made.
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
/* The rows written since the header (a writing command's deferred rows,
 * as CSV text): the caller's to free.  Dies 74. */
char *hb_output_rows(void);
/* Write rows (what hb_output_rows() returned in an earlier run) as this
 * run's rows. */
void hb_output_replay(const char *rows);
/* "entry 12", "task 5, 3, 9", "entry 12, 13, 14, ..., 20011 (20000 rows)":
 * the keys of rows (CSV text without header) for messages, named after
 * the header's first column; the caller's, NULL when there are no rows. */
char *hb_output_summary(const char *rows);
/* The key (--key) under which the same command prints this change
 * again: named in the message when printing fails.  Borrowed. */
void hb_output_key(const char *key);
/* The command's change is committed: from now on a failure exits
 * HB_EXIT_UNPRINTED (diag.h) and says which rows are in the book. */
void hb_output_committed(void);
/* Copy what was written to its destination, check for errors, and close.
 * After the commit SIGPIPE is ignored while it prints (see output.c). */
void hb_output_finish(void);
/* A new, empty temporary file for path, to be written by name and handed
 * to hb_temp_commit(): beside path (.hourbook-tmp-NAME.XXXXXX, mode 0600),
 * or in TMPDIR when path is written into rather than replaced (see above).
 * It is removed at exit or on SIGHUP, SIGINT, SIGTERM unless committed,
 * and one that SIGKILL leaves is swept by the next call for that folder.
 * The name is the caller's, and stays valid until hb_temp_commit(); dies
 * with exit 74. */
char *hb_temp_beside(const char *path);
/* Put temp's contents at path: sync it, give it the mode (and the owner and
 * group, where we may) of the file it replaces, rename it over path and
 * sync the folder; or copy it into what path names.  Frees temp; dies with
 * exit 74. */
void hb_temp_commit(char *temp, const char *path);

/* Flush and check stdout (for commands that print without a writer). */
void hb_stdout_finish(void);

#endif
