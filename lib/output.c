/*
 * output: deferred or streamed rows, to stdout or to -o FILE, and the one
 * way every file the user names is written (temporary file, rename).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hourbook/cli.h"
#include "hourbook/diag.h"
#include "hourbook/output.h"
#include "hourbook/progress.h"
#include "hourbook/xlsx.h"

/* ---- temporary files ------------------------------------------------------
 *
 * A file the user names is never written in place: it is written to a
 * temporary file beside it, synced, renamed over it, and the folder is
 * synced, so the name holds the old complete file or the new complete one
 * and nothing between.  The temporary file is made by mkstemp (a random
 * name, created exclusively, mode 0600 until it is complete), so another
 * user cannot plant it in a shared folder.
 *
 * Every temporary name starts with TEMP_PREFIX.  Ours are removed at exit
 * and on the signals a user sends (HUP, INT, TERM); only SIGKILL (or a
 * crash) leaves one behind.  Those are swept: before making a temporary
 * file in a folder, we remove the leftovers there, and only what is
 * certainly one: a regular file (not a link, not a folder, not a device),
 * owned by us, whose name starts with TEMP_PREFIX, and that nobody holds
 * locked.  Its maker holds an flock on it from the moment it exists until
 * it is renamed or removed; the kernel drops that lock when the maker dies,
 * however it dies.  A lock, not an age or a process id: an xlsx is written
 * to its temporary file only when it is complete, so a long export does not
 * touch its file for minutes, and a process id says nothing about a
 * process in another container or on another host sharing the folder.
 *
 * A target that is not a file to replace -- a FIFO, a character device,
 * one of our own descriptors (/dev/stdout, /dev/fd/N) -- is written into:
 * replacing /dev/null with a regular file is not what -o /dev/null means.
 * What must be complete before a byte goes out (an xlsx) is built in a
 * temporary file in TMPDIR and copied in.
 */

#define TEMP_PREFIX ".hourbook-tmp-"
/* How much of the target's name a temporary name repeats: the whole must
 * fit in NAME_MAX with the prefix and ".XXXXXX". */
#define TEMP_BASE_MAX ((int)(NAME_MAX - (sizeof TEMP_PREFIX - 1) - 7))

struct temp {
	char *volatile path;	/* the slot is free when NULL; the signal
				   handler removes it */
	int fd;			/* open and locked while it is ours */
	bool into;		/* the target is written into, not replaced */
};

static struct temp temps[4];

#define NTEMPS (sizeof temps / sizeof temps[0])

static const int cleanup_signals[] = { SIGHUP, SIGINT, SIGTERM };

static void
remove_temps(void)
{
	for (size_t i = 0; i < NTEMPS; i++)
		if (temps[i].path != NULL)
			unlink(temps[i].path);
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
install_cleanup(void)
{
	static bool installed;
	struct sigaction sa, old;

	if (installed)
		return;
	atexit(remove_temps);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = remove_temps_and_die;
	sigemptyset(&sa.sa_mask);
	/* A signal the caller ignores (nohup) stays ignored. */
	for (size_t i = 0; i < sizeof cleanup_signals / sizeof cleanup_signals[0];
	    i++)
		if (sigaction(cleanup_signals[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(cleanup_signals[i], &sa, NULL);
	installed = true;
}

/* Hold or let go the signals that remove temporary files, around the
 * moments a file exists that the table does not name yet. */
static void
hold_signals(bool hold, sigset_t *saved)
{
	sigset_t set;

	if (!hold) {
		pthread_sigmask(SIG_SETMASK, saved, NULL);
		return;
	}
	sigemptyset(&set);
	for (size_t i = 0; i < sizeof cleanup_signals / sizeof cleanup_signals[0];
	    i++)
		sigaddset(&set, cleanup_signals[i]);
	pthread_sigmask(SIG_BLOCK, &set, saved);
}

static struct temp *
find_temp(const char *path)
{
	for (size_t i = 0; i < NTEMPS; i++)
		if (temps[i].path == path)
			return &temps[i];
	hb_die(HB_EXIT_SOFTWARE, "%s: not a temporary file of ours", path);
}

/* t is no longer ours to remove (renamed into place, or gone): close it,
 * which drops its lock, and free the slot.  The name is the caller's. */
static void
forget(struct temp *t)
{
	t->path = NULL;
	if (t->fd >= 0)
		close(t->fd);
	t->fd = -1;
}

/* Whether the directory entry name in folder dirfd is a temporary file
 * that a dead command left: see the comment at the top. */
static bool
is_leftover(int dirfd, const char *name)
{
	struct stat before, open_st, after;
	size_t len = strlen(name);
	bool dead = false;
	int fd;

	/* TEMP_PREFIX, then the target's name, then mkstemp's ".XXXXXX". */
	if (strncmp(name, TEMP_PREFIX, sizeof TEMP_PREFIX - 1) != 0 ||
	    len < sizeof TEMP_PREFIX - 1 + 7 || name[len - 7] != '.')
		return false;
	if (fstatat(dirfd, name, &before, AT_SYMLINK_NOFOLLOW) != 0 ||
	    !S_ISREG(before.st_mode) || before.st_uid != geteuid())
		return false;
	fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return false;
	/* Still the same file, unlocked, and still under that name (we hold
	 * its lock now, so no maker can be between mkstemp and its lock). */
	if (fstat(fd, &open_st) == 0 && open_st.st_ino == before.st_ino &&
	    open_st.st_dev == before.st_dev &&
	    flock(fd, LOCK_EX | LOCK_NB) == 0 &&
	    fstatat(dirfd, name, &after, AT_SYMLINK_NOFOLLOW) == 0 &&
	    after.st_ino == before.st_ino && after.st_dev == before.st_dev)
		dead = true;
	if (dead)
		unlinkat(dirfd, name, 0);
	close(fd);
	return dead;
}

/* Remove the temporary files that killed commands left in folder.  A
 * folder we cannot read is left alone: making the new file will say what
 * is wrong with it. */
static void
sweep(const char *folder)
{
	DIR *dir = opendir(folder);
	struct dirent *e;

	if (dir == NULL)
		return;
	while ((e = readdir(dir)) != NULL)
		is_leftover(dirfd(dir), e->d_name);
	closedir(dir);
}

/* Lock t's file, and make sure the name is still it: a sweep may have
 * found it in the moment between mkstemp and the lock. */
static bool
lock_temp(struct temp *t)
{
	struct stat by_fd, by_name;

	/* A file system without locks: then no sweep can lock it either,
	 * and none removes it. */
	while (flock(t->fd, LOCK_EX) != 0)
		if (errno != EINTR)
			return true;
	return fstat(t->fd, &by_fd) == 0 &&
	    lstat(t->path, &by_name) == 0 &&
	    by_fd.st_ino == by_name.st_ino && by_fd.st_dev == by_name.st_dev;
}

/* A new temporary file in folder, named after base, for target (named in
 * messages); into: see struct temp.  Dies with exit 74. */
static struct temp *
create_temp(const char *folder, const char *base, const char *target,
    bool into)
{
	struct temp *t = NULL;
	sigset_t saved;

	install_cleanup();
	for (size_t i = 0; i < NTEMPS && t == NULL; i++)
		if (temps[i].path == NULL)
			t = &temps[i];
	if (t == NULL)
		hb_die(HB_EXIT_SOFTWARE, "too many temporary files");
	sweep(folder);
	for (int tries = 0; tries < 10; tries++) {
		char *path = hb_xprintf("%s/" TEMP_PREFIX "%.*s.XXXXXX",
		    folder, TEMP_BASE_MAX, base);
		int fd, err;

		hold_signals(true, &saved);
		fd = mkstemp(path);
		err = errno;
		if (fd >= 0) {
			fcntl(fd, F_SETFD, FD_CLOEXEC);
			t->fd = fd;
			t->into = into;
			t->path = path;
		}
		hold_signals(false, &saved);
		if (fd < 0) {
			free(path);
			if (into)
				hb_die(HB_EXIT_IO, "%s: a temporary file in %s: %s",
				    target, folder, strerror(err));
			hb_die(HB_EXIT_IO, "%s: %s", target, strerror(err));
		}
		if (lock_temp(t))
			return t;
		/* Swept from under us: the name is no longer ours. */
		forget(t);
		free(path);
	}
	hb_die(HB_EXIT_IO, "%s: cannot keep a temporary file in %s", target,
	    folder);
}

static const char *
temp_folder(void)
{
	const char *dir = getenv("TMPDIR");

	return dir != NULL && *dir != '\0' ? dir : "/tmp";
}

/* Names that mean one of our open descriptors, not a file: writing to
 * them is writing to the descriptor (as the shell does), and a regular
 * file behind one is written where the descriptor stands, not replaced
 * or truncated. */
static const struct {
	const char *name;
	int fd;			/* -1: the number follows the name */
} fd_names[] = {
	{ "/dev/stdin", 0 }, { "/dev/stdout", 1 }, { "/dev/stderr", 2 },
	{ "/dev/fd/", -1 }, { "/proc/self/fd/", -1 },
};

/* The descriptor the name path is, or -1. */
static int
fd_in_name(const char *path)
{
	for (size_t i = 0; i < sizeof fd_names / sizeof fd_names[0]; i++) {
		size_t len = strlen(fd_names[i].name);
		char *end;
		long n;

		if (fd_names[i].fd >= 0) {
			if (strcmp(path, fd_names[i].name) == 0)
				return fd_names[i].fd;
			continue;
		}
		if (strncmp(path, fd_names[i].name, len) != 0 ||
		    path[len] < '0' || path[len] > '9')
			continue;
		errno = 0;
		n = strtol(path + len, &end, 10);
		if (*end == '\0' && errno == 0 && n <= INT_MAX)
			return (int)n;
	}
	return -1;
}

/* The descriptor path means, or -1: by its name, or by the name a chain
 * of symbolic links leads to (/dev/./stdout, or a link to /dev/stdout). */
static int
descriptor_named(const char *path)
{
	char *name = hb_xstrdup(path);
	int fd = -1;

	for (int hops = 0; hops < 8 && (fd = fd_in_name(name)) < 0; hops++) {
		char target[PATH_MAX], *next;
		ssize_t n = readlink(name, target, sizeof target - 1);

		if (n < 0)
			break;
		target[n] = '\0';
		if (target[0] == '/') {
			next = hb_xstrdup(target);
		} else {
			char *folder = hb_xstrdup(name);

			next = hb_xprintf("%s/%s", dirname(folder), target);
			free(folder);
		}
		free(name);
		name = next;
	}
	free(name);
	return fd;
}

/* Whether path is written into (true) or replaced (false; also a name
 * that does not exist yet).  A folder or a block device is neither. */
static bool
written_into(const char *path)
{
	struct stat st;

	if (*path == '\0')
		hb_die(HB_EXIT_USAGE, "an empty name is not a file");
	if (descriptor_named(path) >= 0)
		return true;
	if (stat(path, &st) != 0 || S_ISREG(st.st_mode))
		return false;
	if (S_ISDIR(st.st_mode))
		hb_die(HB_EXIT_IO, "%s: is a folder, not a file", path);
	if (S_ISBLK(st.st_mode))
		hb_die(HB_EXIT_IO, "%s: is a block device; not writing to it",
		    path);
	return true;		/* a FIFO, a character device, a socket */
}

/* A descriptor to write into path (see written_into); the caller's to
 * close.  Opening a FIFO waits for its reader, as the shell's > does. */
static int
open_into(const char *path)
{
	int n = descriptor_named(path), fd;
	struct stat st;

	if (n >= 0) {
		if ((fd = fcntl(n, F_DUPFD_CLOEXEC, 3)) < 0)
			hb_die(HB_EXIT_IO, "%s: %s", path, strerror(errno));
		return fd;
	}
	while ((fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC)) < 0)
		if (errno != EINTR)
			hb_die(HB_EXIT_IO, "%s: %s", path, strerror(errno));
	/* Replaced by a file between the look and the open: writing into
	 * it would leave the old file's tail behind. */
	if (fstat(fd, &st) != 0 || S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))
		hb_die(HB_EXIT_IO, "%s: changed while it was being opened", path);
	return fd;
}

static void
write_failed(const char *what)
{
	hb_die(HB_EXIT_IO, "%s: write error: %s", what,
	    errno ? strerror(errno) : "unknown error");
}

/* Copy the whole of temporary file t to out, after removing its name: a
 * reader that stops early (SIGPIPE) leaves nothing behind.  what names
 * out in messages. */
static void
copy_temp(struct temp *t, FILE *out, const char *what)
{
	char buf[65536];
	char *path = t->path;
	int fd = t->fd;
	ssize_t n;

	t->fd = -1;
	unlink(path);
	forget(t);
	free(path);
	if (lseek(fd, 0, SEEK_SET) != 0)
		hb_die(HB_EXIT_IO, "temporary file: %s", strerror(errno));
	errno = 0;
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			hb_die(HB_EXIT_IO, "temporary file: read error: %s",
			    strerror(errno));
		}
		if (fwrite(buf, 1, (size_t)n, out) != (size_t)n)
			write_failed(what);
	}
	close(fd);
	if (fflush(out) != 0 || ferror(out))
		write_failed(what);
}

/* The mode a new file gets from open(..., 0666). */
static mode_t
new_file_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

/* Give fd the owner, group and permissions of the file it replaces at
 * path (a new one: ours, 0666 less the umask).  Only root can give a file
 * away, and only to a group it is in; else the file stays ours, which is
 * all a user without those rights could have made anyway. */
static void
take_over_mode(int fd, const char *path, const char *target)
{
	struct stat old, now;
	mode_t mode = new_file_mode();

	if (stat(path, &old) == 0 && S_ISREG(old.st_mode)) {
		mode = old.st_mode & 0777;
		if (fstat(fd, &now) == 0 &&
		    (now.st_uid != old.st_uid || now.st_gid != old.st_gid) &&
		    fchown(fd, old.st_uid, old.st_gid) != 0 &&
		    fchown(fd, (uid_t)-1, old.st_gid) != 0) {
			/* Neither is ours to give: the file stays ours. */
		}
	}
	if (fchmod(fd, mode) != 0)
		hb_die(HB_EXIT_IO, "%s: %s", target, strerror(errno));
}

/* Make the rename that put a file in folder survive a crash. */
static void
sync_folder(const char *folder, const char *target)
{
	int fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return;
	/* Some file systems cannot sync a folder (EINVAL): nothing to do. */
	if (fsync(fd) != 0 && errno != EINVAL && errno != ENOTSUP) {
		int err = errno;

		close(fd);
		hb_die(HB_EXIT_IO, "%s: %s", target, strerror(err));
	}
	close(fd);
}

char *
hb_temp_beside(const char *path)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	char *copy;
	struct temp *t;

	if (written_into(path))
		return create_temp(temp_folder(), base, path, true)->path;
	copy = hb_xstrdup(path);
	t = create_temp(dirname(copy), base, path, false);
	free(copy);
	return t->path;
}

void
hb_temp_commit(char *temp, const char *path)
{
	struct temp *t = find_temp(temp);
	struct stat by_fd, by_name;
	char *folder;

	if (t->into) {
		int fd = open_into(path);
		FILE *out;

		if (isatty(fd))
			hb_die(HB_EXIT_USAGE, "%s: a terminal: the file is "
			    "binary", path);
		if ((out = fdopen(fd, "w")) == NULL)
			hb_die(HB_EXIT_IO, "%s: %s", path, strerror(errno));
		copy_temp(t, out, path);
		errno = 0;
		if (fclose(out) != 0)
			write_failed(path);
		return;
	}
	take_over_mode(t->fd, path, path);
	errno = 0;
	if (fsync(t->fd) != 0)
		write_failed(path);
	/* What we wrote is still what the name holds. */
	if (fstat(t->fd, &by_fd) != 0 || lstat(temp, &by_name) != 0 ||
	    by_fd.st_ino != by_name.st_ino || by_fd.st_dev != by_name.st_dev)
		hb_die(HB_EXIT_IO, "%s: the temporary file %s was removed or "
		    "replaced", path, temp);
	if (rename(temp, path) != 0)
		hb_die(HB_EXIT_IO, "%s: %s", path, strerror(errno));
	forget(t);
	free(temp);
	folder = hb_xstrdup(path);
	sync_folder(dirname(folder), path);
	free(folder);
}

/* ---- the output of a command ------------------------------------------- */

static struct hb_csv_writer writer;
static FILE *spool;		/* deferred rows, or NULL */
static long rows_from;		/* where the spool's rows start, after the
				   header */
static const char *entity;	/* the header's first name: what a row's
				   key is ("entry"), for messages */
static FILE *dest;		/* where the rows go: stdout, the -o temporary
				   file, or what -o names when it is written
				   into */
static char *temp_path;		/* -o through a temporary file, or NULL */
static const char *retry_key;	/* the --key that prints the change again */
static struct temp *stdout_xlsx;	/* an xlsx for stdout, built first */
/* A writing command's rows wait in the spool as CSV whatever the format:
 * that is what a --key records and prints again (batch.c), and what a
 * failure after the commit names.  In a table or JSON Lines they are
 * written out from it at the end (hb_csv_rewrite), so a first run and its
 * repeat print the same. */
static enum hb_csv_format final_format;
static char **header;		/* the header's names, for that */
static struct hb_progress progress;	/* an export's rows */

/* A stream on a descriptor of ours; fd is the stream's to close. */
static FILE *
stream_on(int fd, const char *what)
{
	FILE *fp = fdopen(fd, "w");

	if (fp == NULL)
		hb_die(HB_EXIT_IO, "%s: %s", what, strerror(errno));
	return fp;
}

struct hb_csv_writer *
hb_output_begin(enum hb_csv_format format, bool deferred)
{
	const char *output = hb_opts.output;

	if (format == HB_CSV_XLSX) {
		if (output == NULL && isatty(STDOUT_FILENO))
			hb_die(HB_EXIT_USAGE, "xlsx is binary: give -o FILE.xlsx "
			    "or send it into a pipe or a file");
		/* libxlsxwriter writes by name: a named temporary file. */
		hb_csv_writer_init(&writer, NULL, format);
		if (output != NULL) {
			temp_path = hb_temp_beside(output);
			writer.xlsx = hb_xlsx_start(temp_path, output);
		} else {
			stdout_xlsx = create_temp(temp_folder(), "stdout",
			    "standard output", true);
			writer.xlsx = hb_xlsx_start(stdout_xlsx->path,
			    "standard output");
		}
		hb_progress_begin(&progress, NULL);
		writer.progress = &progress;
		return &writer;
	}
	if (output == NULL)
		dest = stdout;
	else if (written_into(output))
		dest = stream_on(open_into(output), output);
	else {
		int fd;

		temp_path = hb_temp_beside(output);
		/* The stream's own descriptor: closing it keeps the lock,
		 * which goes with the temporary file's. */
		if ((fd = fcntl(find_temp(temp_path)->fd, F_DUPFD_CLOEXEC, 3)) < 0)
			hb_die(HB_EXIT_IO, "%s: %s", output, strerror(errno));
		dest = stream_on(fd, output);
	}
	final_format = format;
	if (deferred) {
		spool = tmpfile();
		if (spool == NULL)
			hb_die(HB_EXIT_IO, "cannot create a temporary file: %s",
			    strerror(errno));
		if (format == HB_CSV_TABLE || format == HB_CSV_JSONL)
			format = HB_CSV_PLAIN;
	}
	hb_csv_writer_init(&writer, spool ? spool : dest, format);
	writer.no_header = hb_opts.no_header;
	/* The rows of an export show how far it has got; rows that go
	 * straight to the terminal show it themselves. */
	if (!deferred && (!isatty(fileno(dest)) || format == HB_CSV_TABLE)) {
		hb_progress_begin(&progress, NULL);
		writer.progress = &progress;
	}
	return &writer;
}

struct hb_csv_writer *
hb_output_writer(void)
{
	return &writer;
}

/* The spool holds rows for another format: its header waits too. */
static bool
rewritten(void)
{
	return spool != NULL && final_format != writer.format;
}

void
hb_output_header(const char *const *names)
{
	size_t n = 0;

	entity = names[0];
	if (rewritten()) {
		while (names[n] != NULL)
			n++;
		header = hb_xcalloc(n + 1, sizeof *header);
		for (size_t i = 0; i < n; i++)
			header[i] = hb_xstrdup(names[i]);
		return;
	}
	hb_csv_header(&writer, names);
	if (spool != NULL)
		rows_from = ftell(spool);
}

/* The spool's rows (without the header), NUL-terminated, in a buffer
 * that is the caller's; NULL when there is no spool or it cannot be read
 * (quiet: this also serves the message of a failure). */
static char *
spooled_rows(size_t *len)
{
	struct stat st;
	char *text;
	size_t size, got = 0;

	if (spool == NULL || fflush(spool) != 0 ||
	    fstat(fileno(spool), &st) != 0 || st.st_size < rows_from)
		return NULL;
	size = (size_t)(st.st_size - rows_from);
	if ((text = malloc(size + 1)) == NULL)
		return NULL;
	while (got < size) {
		ssize_t n = pread(fileno(spool), text + got, size - got,
		    rows_from + (off_t)got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			free(text);
			return NULL;
		}
		got += (size_t)n;
	}
	text[size] = '\0';
	*len = size;
	return text;
}

char *
hb_output_rows(void)
{
	size_t len;
	char *rows = spooled_rows(&len);

	if (rows == NULL)
		hb_die(HB_EXIT_IO, "temporary file: %s", errno ? strerror(errno)
		    : "cannot be read");
	return rows;
}

void
hb_output_replay(const char *rows)
{
	size_t len = strlen(rows);

	if (fwrite(rows, 1, len, writer.fp) != len)
		write_failed("temporary file");
}

/* Append s[0..len) to buf (of size bytes), cut short when it is full. */
static void
append(char *buf, size_t size, const char *s, size_t len)
{
	size_t have = strlen(buf);

	if (have + 1 >= size)
		return;
	if (len > size - have - 1)
		len = size - have - 1;
	memcpy(buf + have, s, len);
	buf[have + len] = '\0';
}

char *
hb_output_summary(const char *rows)
{
	enum { SHOWN = 3 };
	const char *p = rows, *last = NULL;
	size_t count = 0, last_len = 0;
	char list[512] = "", *text;

	/* The first field of every record: records end at a line feed
	 * outside quotes (a note may hold line feeds). */
	while (*p != '\0') {
		const char *start = p, *end;
		bool quoted = *p == '"';

		if (quoted) {
			start = ++p;
			while (*p != '\0' && !(*p == '"' && p[1] != '"'))
				p += *p == '"' ? 2 : 1;
			end = p;
			if (*p == '"')
				p++;
		} else {
			while (*p != '\0' && *p != ',' && *p != '\n')
				p++;
			end = p;
		}
		for (bool in = false; *p != '\0' && (in || *p != '\n'); p++)
			if (*p == '"')
				in = !in;
		if (*p == '\n')
			p++;
		if (count < SHOWN) {
			if (count > 0)
				append(list, sizeof list, ", ", 2);
			append(list, sizeof list, start, (size_t)(end - start));
		}
		last = start;
		last_len = (size_t)(end - start);
		count++;
	}
	if (count == 0)
		return NULL;
	if (count > SHOWN + 1)
		append(list, sizeof list, ", ...", 5);
	if (count > SHOWN) {
		append(list, sizeof list, ", ", 2);
		append(list, sizeof list, last, last_len);
	}
	text = count > SHOWN + 1
	    ? hb_xprintf("%s %s (%zu rows)", entity ? entity : "row", list, count)
	    : hb_xprintf("%s %s", entity ? entity : "row", list);
	return text;
}

/* The second line of a failure after the commit (diag.h): the change is
 * in the book, which rows it wrote, and how to print them again. */
static void
explain_committed(void)
{
	size_t len;
	char *rows = spooled_rows(&len), *summary = NULL;
	bool many;

	if (rows != NULL && len > 0 && memchr(rows, '\0', len) == NULL)
		summary = hb_output_summary(rows);
	many = summary != NULL && strchr(summary, ',') != NULL;
	if (summary == NULL)
		fprintf(stderr, "%s: the change was committed: only printing "
		    "its output failed", hb_progname());
	else
		fprintf(stderr, "%s: the change was committed: %s %s in the "
		    "book; only printing %s failed", hb_progname(), summary,
		    many ? "are" : "is", many ? "them" : "it");
	if (retry_key != NULL)
		fprintf(stderr, "; the same command with --key \"%s\" prints "
		    "%s again", retry_key, many ? "them" : "it");
	fputc('\n', stderr);
	free(summary);
	free(rows);
}

void
hb_output_key(const char *key)
{
	retry_key = key;
}

void
hb_output_committed(void)
{
	hb_diag_set_committed(explain_committed);
}

/* The spool's CSV rows, in the format asked for, to dest. */
static void
rewrite_spool(void)
{
	struct hb_csv_writer out;
	static const char *const none[] = { NULL };

	if (fflush(spool) != 0 || ferror(spool))
		write_failed("temporary file");
	rewind(spool);
	hb_csv_writer_init(&out, dest, final_format);
	out.no_header = hb_opts.no_header;
	hb_csv_header(&out, header ? (const char *const *)header : none);
	hb_csv_rewrite(spool, &out);
	hb_csv_writer_finish(&out);
	for (size_t i = 0; header != NULL && header[i] != NULL; i++)
		free(header[i]);
	free(header);
	header = NULL;
}

/* The finished workbook: to -o FILE, or copied to stdout. */
static void
finish_xlsx(void)
{
	hb_xlsx_ops->close(writer.xlsx);
	writer.xlsx = NULL;
	if (temp_path != NULL) {
		hb_temp_commit(temp_path, hb_opts.output);
		temp_path = NULL;
		return;
	}
	copy_temp(stdout_xlsx, stdout, "stdout");
	stdout_xlsx = NULL;
}

void
hb_output_finish(void)
{
	const char *what = hb_opts.output ? hb_opts.output : "stdout";
	struct sigaction ignore, saved;
	bool after_commit = hb_diag_committed();

	hb_progress_end(&progress);
	writer.progress = NULL;
	if (writer.xlsx != NULL) {
		finish_xlsx();
		return;
	}

	/* A writing command prints after its commit.  A reader that stops
	 * early (head -1) would kill it with SIGPIPE, and its status would
	 * say it failed when the change is in.  So, only here, SIGPIPE is
	 * ignored: the write fails with EPIPE instead, and the command exits
	 * HB_EXIT_UNPRINTED saying that the change was committed.  Readers,
	 * and a dry run, keep SIGPIPE's default: nothing is lost when their
	 * reader goes. */
	if (after_commit) {
		memset(&ignore, 0, sizeof ignore);
		ignore.sa_handler = SIG_IGN;
		sigemptyset(&ignore.sa_mask);
		sigaction(SIGPIPE, &ignore, &saved);
	}
	if (spool == NULL)
		hb_csv_writer_finish(&writer);
	else if (rewritten())
		rewrite_spool();
	else {
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
	}
	errno = 0;
	if (fflush(dest) != 0 || ferror(dest))
		write_failed(what);
	if (dest != stdout && fclose(dest) != 0)
		write_failed(what);
	dest = NULL;
	if (temp_path != NULL) {
		hb_temp_commit(temp_path, hb_opts.output);
		temp_path = NULL;
	}
	/* Kept until here: a failure above names the rows it held. */
	if (spool != NULL) {
		fclose(spool);
		spool = NULL;
	}
	if (after_commit)
		sigaction(SIGPIPE, &saved, NULL);
}

void
hb_stdout_finish(void)
{
	errno = 0;
	if (fflush(stdout) != 0 || ferror(stdout))
		write_failed("stdout");
}
