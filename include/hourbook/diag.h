/*
 * diag: diagnostics, exit status and allocation that cannot fail.
 *
 * Every message goes to stderr as "command: context: reason".  The context
 * is set by whoever knows where we are (the batch driver sets "FILE:LINE"
 * while it processes a CSV row), so library code only names the column and
 * the reason.  Dying ends the process: an open transaction is never
 * committed, so a batch is all or nothing.
 */
#ifndef HOURBOOK_DIAG_H
#define HOURBOOK_DIAG_H

#include <stdbool.h>
#include <stddef.h>

/* Exit status of every command (SPEC §4), listed in every man page. */
enum hb_exit {
	HB_EXIT_OK = 0,
	HB_EXIT_REFUSED = 1,	/* a business rule refused the action */
	HB_EXIT_UNPRINTED = 3,	/* the change was committed, but printing
				   what was written failed (a full disk, a
				   reader that stopped early): do not
				   repeat it */
	HB_EXIT_USAGE = 64,	/* wrong options or arguments */
	HB_EXIT_DATA = 65,	/* bad input data */
	HB_EXIT_NOINPUT = 66,	/* a named record, file or book does not exist */
	HB_EXIT_SOFTWARE = 70,	/* a bug */
	HB_EXIT_IO = 74,	/* I/O or database error */
	HB_EXIT_LOCKED = 75	/* the book stayed locked past the busy timeout */
};

/* Name the program from argv[0] (its base name). */
void hb_diag_init(const char *argv0);
const char *hb_progname(void);

/* Set the context printed after the command name ("week.csv:12"); NULL or
 * "" clears it.  The string is copied. */
void hb_diag_set_context(const char *context);

/* Set the context to "name:line" without formatting it until a message
 * needs it (the batch driver calls this for every row).  name is
 * borrowed and must outlive the context. */
void hb_diag_set_location(const char *name, long line);

/* The location set by hb_diag_set_location (its line in *line), or NULL
 * when there is none: for whoever reports a row's failure later than the
 * row (the store's bulk appends). */
const char *hb_diag_location(long *line);

/* For a message about a column whose value the user gave as a command-
 * line option: fn returns that option's long name (without "--"), or
 * NULL.  Outside a CSV row hb_fail() then names "--reassign-to", as the
 * user typed it, rather than the column "reassign_to" (cli.c sets it). */
void hb_diag_set_column_option(const char *(*fn)(const char *column));

/* Call fn before each message is written (NULL: nothing): a progress
 * line on the terminal clears itself (progress.h). */
void hb_diag_set_before_message(void (*fn)(void));

/* Quiet mode (-q) silences hb_note(), never warnings or errors. */
void hb_diag_set_quiet(int quiet);

/* From the commit of a writing command on, the change is in the book
 * whatever fails next, so no later failure may say otherwise: hb_die()
 * and hb_fail() then exit HB_EXIT_UNPRINTED instead of their status,
 * after their message and a second line that explain() prints to say what
 * was committed and how to see it (NULL: a plain line). */
void hb_diag_set_committed(void (*explain)(void));
/* Whether hb_diag_set_committed() was called. */
bool hb_diag_committed(void);

/* "command: [context: ]message" and exit with status. */
_Noreturn void hb_die(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* "command: [context: ]column: message" and exit with status: the shape of
 * every error about one field of a record. */
_Noreturn void hb_fail(int status, const char *column, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A value the record needs was not given: exit 64 (usage) for one record
 * from the command line, 65 inside a --csv row, where it is the row's
 * data that lacks it.  Otherwise as hb_fail. */
_Noreturn void hb_fail_missing(const char *column, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* "command: warning: message", always shown. */
void hb_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* "command: message", unless quiet. */
void hb_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Run fn(status) instead of exit(status) when dying: for unit tests, which
 * longjmp out of it.  NULL restores exit(). */
void hb_diag_set_exit(void (*fn)(int status));

/* Allocation that ends the program with a message when memory runs out.
 * Every returned pointer is the caller's to free. */
void *hb_xmalloc(size_t size);
void *hb_xcalloc(size_t count, size_t size);
void *hb_xrealloc(void *p, size_t size);
char *hb_xstrdup(const char *s);
char *hb_xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
