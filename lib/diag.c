/*
 * diag: messages to stderr, exit status, and allocation that cannot fail.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hourbook/diag.h"

static const char *progname = "hourbook";
static char context[512];
static const char *location_name;	/* with location_line: "FILE:LINE" */
static long location_line;
static int quiet;
static void (*exit_fn)(int);
static bool committed;
static void (*explain_committed)(void);
static const char *(*column_option)(const char *column);
static void (*before_message)(void);

void
hb_diag_init(const char *argv0)
{
	const char *slash;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	slash = strrchr(argv0, '/');
	progname = slash ? slash + 1 : argv0;
}

const char *
hb_progname(void)
{
	return progname;
}

void
hb_diag_set_context(const char *ctx)
{
	if (ctx == NULL)
		ctx = "";
	location_name = NULL;
	snprintf(context, sizeof context, "%s", ctx);
}

void
hb_diag_set_location(const char *name, long line)
{
	location_name = name;
	location_line = line;
}

const char *
hb_diag_location(long *line)
{
	*line = location_line;
	return location_name;
}

void
hb_diag_set_column_option(const char *(*fn)(const char *column))
{
	column_option = fn;
}

void
hb_diag_set_quiet(int q)
{
	quiet = q;
}

void
hb_diag_set_before_message(void (*fn)(void))
{
	before_message = fn;
}

void
hb_diag_set_exit(void (*fn)(int))
{
	exit_fn = fn;
}

static void vreport(const char *column, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

static void
vreport(const char *column, const char *fmt, va_list ap)
{
	fflush(stdout);
	if (before_message != NULL)
		before_message();
	fprintf(stderr, "%s: ", progname);
	if (location_name != NULL)
		fprintf(stderr, "%s:%ld: ", location_name, location_line);
	else if (context[0] != '\0')
		fprintf(stderr, "%s: ", context);
	if (column != NULL && *column != '\0') {
		/* A value from the command line is named by its option;
		 * one from a CSV row by its column. */
		const char *option = location_name == NULL &&
		    column_option != NULL ? column_option(column) : NULL;

		if (option != NULL)
			fprintf(stderr, "--%s: ", option);
		else
			fprintf(stderr, "%s: ", column);
	}
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
hb_diag_set_committed(void (*explain)(void))
{
	committed = true;
	explain_committed = explain;
}

bool
hb_diag_committed(void)
{
	return committed;
}

/* After the commit every failure is "committed, printing failed": say
 * so once (a failure inside explain() must not recurse). */
static _Noreturn void
finish(int status)
{
	static bool explaining;

	if (committed) {
		if (!explaining) {
			explaining = true;
			if (explain_committed != NULL)
				explain_committed();
			else
				fprintf(stderr, "%s: the change was committed: "
				    "only what came after it failed\n", progname);
			explaining = false;
		}
		status = HB_EXIT_UNPRINTED;
	}
	if (exit_fn != NULL)
		exit_fn(status);
	exit(status);
}

void
hb_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, fmt, ap);
	va_end(ap);
	finish(status);
}

void
hb_fail(int status, const char *column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(column, fmt, ap);
	va_end(ap);
	finish(status);
}

void
hb_fail_missing(const char *column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(column, fmt, ap);
	va_end(ap);
	finish(location_name != NULL ? HB_EXIT_DATA : HB_EXIT_USAGE);
}

void
hb_warn(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: warning: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
hb_note(const char *fmt, ...)
{
	va_list ap;

	if (quiet)
		return;
	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void *
check(void *p)
{
	if (p == NULL)
		hb_die(HB_EXIT_SOFTWARE, "out of memory");
	return p;
}

void *
hb_xmalloc(size_t size)
{
	return check(malloc(size ? size : 1));
}

void *
hb_xcalloc(size_t count, size_t size)
{
	return check(calloc(count ? count : 1, size ? size : 1));
}

void *
hb_xrealloc(void *p, size_t size)
{
	return check(realloc(p, size ? size : 1));
}

char *
hb_xstrdup(const char *s)
{
	return check(strdup(s));
}

char *
hb_xprintf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		hb_die(HB_EXIT_SOFTWARE, "bad format \"%s\"", fmt);
	s = hb_xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}
