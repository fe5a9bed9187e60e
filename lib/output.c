/*
 * output: deferred or streamed CSV, to stdout or atomically to -o FILE.
 */
#define _GNU_SOURCE	/* O_TMPFILE, linkat */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hourbook/cli.h"
#include "hourbook/diag.h"
#include "hourbook/output.h"
#include "hourbook/xlsx.h"

static struct hb_csv_writer writer;
static FILE *spool;		/* deferred rows, or NULL */
static FILE *dest;		/* the -o temporary file, or stdout */
static char *temp_path;		/* removed at exit unless renamed */
static int unnamed_fd = -1;	/* -o through an O_TMPFILE: no name at all
				   until it is complete, so even a SIGKILL
				   leaves nothing behind */
static char *xlsx_path;		/* an xlsx for stdout, built here first */

/* Temporary files to remove at exit, or when a signal ends the command:
 * the command's -o file and any other file written beside its destination
 * (package-set --sheet), and an xlsx on its way to standard output. */
static char *volatile temps[4];

static void
remove_temps(void)
{
	for (size_t i = 0; i < sizeof temps / sizeof temps[0]; i++)
		if (temps[i] != NULL)
			unlink(temps[i]);
}

/* Ctrl-C, kill, a closed terminal: remove the temporary files (unlink is
 * safe in a handler), then die of the signal as if nothing caught it. */
static void
remove_temps_and_die(int sig)
{
	remove_temps();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
watch(char *path)
{
	static int registered;

	if (!registered) {
		static const int sigs[] = { SIGHUP, SIGINT, SIGTERM };
		struct sigaction sa, old;

		atexit(remove_temps);
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = remove_temps_and_die;
		sigemptyset(&sa.sa_mask);
		/* A signal the caller ignores (nohup) stays ignored. */
		for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
			if (sigaction(sigs[i], NULL, &old) == 0 &&
			    old.sa_handler != SIG_IGN)
				sigaction(sigs[i], &sa, NULL);
		registered = 1;
	}
	for (size_t i = 0; i < sizeof temps / sizeof temps[0]; i++)
		if (temps[i] == NULL) {
			temps[i] = path;
			return;
		}
	hb_die(HB_EXIT_SOFTWARE, "too many temporary files");
}

/* path is no longer ours to remove (renamed into place, or gone). */
static void
unwatch(const char *path)
{
	for (size_t i = 0; i < sizeof temps / sizeof temps[0]; i++)
		if (temps[i] == path)
			temps[i] = NULL;
}

/* The mode a new file gets from open(..., 0666): mkstemp and O_TMPFILE
 * files need it set by hand to look like any other file the user makes. */
static mode_t
new_file_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

char *
hb_temp_beside(const char *path)
{
	char *copy = hb_xstrdup(path), *temp;
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	int fd;

	temp = hb_xprintf("%s/.%s.XXXXXX", dirname(copy), base);
	free(copy);
	fd = mkstemp(temp);
	if (fd < 0) {
		free(temp);
		hb_die(HB_EXIT_IO, "%s: %s", path, strerror(errno));
	}
	fchmod(fd, new_file_mode());
	close(fd);
	watch(temp);
	return temp;
}

void
hb_temp_commit(char *temp, const char *path)
{
	if (rename(temp, path) != 0)
		hb_die(HB_EXIT_IO, "%s: %s", path, strerror(errno));
	unwatch(temp);
	free(temp);
}

/* Open a temporary file next to path, to be renamed over it: an unnamed
 * one where the file system can (O_TMPFILE), else a named one. */
static FILE *
open_temp(const char *path)
{
	char *copy = hb_xstrdup(path);
	FILE *fp;
	int fd;

	fd = open(dirname(copy), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
	free(copy);
	if (fd >= 0) {
		fchmod(fd, new_file_mode());
		if ((fp = fdopen(fd, "w")) != NULL) {
			unnamed_fd = fd;
			return fp;
		}
		close(fd);
	}
	temp_path = hb_temp_beside(path);
	fp = fopen(temp_path, "w");
	if (fp == NULL)
		hb_die(HB_EXIT_IO, "%s: %s", path, strerror(errno));
	return fp;
}

struct hb_csv_writer *
hb_output_begin(enum hb_csv_format format, bool deferred)
{
	if (format == HB_CSV_XLSX) {
		int fd;

		if (hb_opts.output == NULL && isatty(STDOUT_FILENO))
			hb_die(HB_EXIT_USAGE, "xlsx is binary: give -o FILE.xlsx "
			    "or send it into a pipe or a file");
		/* libxlsxwriter writes by name: a named temporary file. */
		if (hb_opts.output != NULL) {
			temp_path = hb_temp_beside(hb_opts.output);
		} else {
			xlsx_path = hb_xprintf("%s/hourbook.XXXXXX",
			    getenv("TMPDIR") && *getenv("TMPDIR")
			    ? getenv("TMPDIR") : "/tmp");
			if ((fd = mkstemp(xlsx_path)) < 0)
				hb_die(HB_EXIT_IO, "cannot create a temporary file: "
				    "%s", strerror(errno));
			close(fd);
			watch(xlsx_path);
		}
		hb_csv_writer_init(&writer, NULL, format);
		writer.xlsx = temp_path ? hb_xlsx_open(temp_path, hb_opts.output)
		    : hb_xlsx_open(xlsx_path, "standard output");
		return &writer;
	}
	dest = hb_opts.output ? open_temp(hb_opts.output) : stdout;
	if (deferred) {
		spool = tmpfile();
		if (spool == NULL)
			hb_die(HB_EXIT_IO, "cannot create a temporary file: %s",
			    strerror(errno));
	}
	hb_csv_writer_init(&writer, spool ? spool : dest, format);
	return &writer;
}

struct hb_csv_writer *
hb_output_writer(void)
{
	return &writer;
}

void
hb_output_header(const char *const *names)
{
	if (!hb_opts.no_header)
		hb_csv_header(&writer, names);
}

static void
write_failed(const char *what)
{
	hb_die(HB_EXIT_IO, "%s: write error: %s", what,
	    errno ? strerror(errno) : "unknown error");
}

/* The finished workbook: renamed over -o FILE, or copied to stdout. */
static void
finish_xlsx(void)
{
	char buf[65536];
	size_t n;
	FILE *fp;

	hb_xlsx_close(writer.xlsx);
	writer.xlsx = NULL;
	if (hb_opts.output != NULL) {
		hb_temp_commit(temp_path, hb_opts.output);
		temp_path = NULL;
		return;
	}
	if ((fp = fopen(xlsx_path, "rb")) == NULL)
		hb_die(HB_EXIT_IO, "%s: %s", xlsx_path, strerror(errno));
	/* Gone from the folder before a byte is copied: a reader that stops
	 * early (SIGPIPE) leaves nothing behind. */
	unwatch(xlsx_path);
	unlink(xlsx_path);
	free(xlsx_path);
	xlsx_path = NULL;
	errno = 0;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		if (fwrite(buf, 1, n, stdout) != n)
			write_failed("stdout");
	fclose(fp);
	if (fflush(stdout) != 0 || ferror(stdout))
		write_failed("stdout");
}

void
hb_output_finish(void)
{
	const char *what = hb_opts.output ? hb_opts.output : "stdout";

	if (writer.xlsx != NULL) {
		finish_xlsx();
		return;
	}

	if (spool != NULL) {
		char buf[65536];
		size_t n;

		if (fflush(spool) != 0 || ferror(spool))
			write_failed("temporary file");
		rewind(spool);
		while ((n = fread(buf, 1, sizeof buf, spool)) > 0)
			if (fwrite(buf, 1, n, dest) != n)
				write_failed(what);
		if (ferror(spool))
			write_failed("temporary file");
		fclose(spool);
		spool = NULL;
	}
	errno = 0;
	if (fflush(dest) != 0 || ferror(dest))
		write_failed(what);
	if (dest != stdout && unnamed_fd >= 0) {
		/* Give the finished file a hidden name, then rename it over
		 * the destination. */
		char proc[64], *copy = hb_xstrdup(hb_opts.output), *name;
		const char *base = strrchr(hb_opts.output, '/')
		    ? strrchr(hb_opts.output, '/') + 1 : hb_opts.output;

		if (fflush(dest) != 0 || fsync(unnamed_fd) != 0)
			write_failed(what);
		snprintf(proc, sizeof proc, "/proc/self/fd/%d", unnamed_fd);
		name = hb_xprintf("%s/.%s.%ld", dirname(copy), base,
		    (long)getpid());
		free(copy);
		unlink(name);
		if (linkat(AT_FDCWD, proc, AT_FDCWD, name, AT_SYMLINK_FOLLOW) != 0)
			hb_die(HB_EXIT_IO, "%s: %s", hb_opts.output, strerror(errno));
		watch(name);
		hb_temp_commit(name, hb_opts.output);
		if (fclose(dest) != 0)
			write_failed(what);
		unnamed_fd = -1;
	} else if (dest != stdout) {
		if (fsync(fileno(dest)) != 0 || fclose(dest) != 0)
			write_failed(what);
		hb_temp_commit(temp_path, hb_opts.output);
		temp_path = NULL;
	}
	dest = NULL;
}

void
hb_stdout_finish(void)
{
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout))
		write_failed("stdout");
}
