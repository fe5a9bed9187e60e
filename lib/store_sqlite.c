/*
 * store_sqlite: the SQLite engine.  A book is one file.
 *
 * What is the file's business lives here: creating it (0600, its folders
 * 0700), refusing a network file system and anything that is not a book
 * before a byte is written, the WAL journal and its retry, synchronous
 * writes, the page cache, the busy timeout, reading on a full disk, the
 * read-only diagnosis, a damaged file, and book-check's look at the file
 * itself (integrity_check, foreign_key_check, the WAL's lost commits).
 * One writer decides at a time: a write transaction is BEGIN IMMEDIATE.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "book-internal.h"
#include "hourbook/diag.h"

/* PRAGMA application_id: "hour" in ASCII, so we never migrate a stranger. */
#define HB_APPLICATION_ID 0x686f7572

struct hb_engine_stmt {
	sqlite3_stmt *s;
};

static sqlite3 *
db_of(struct hb_book *b)
{
	return b->conn;
}

/* ---- errors ---------------------------------------------------------------- */

/* Say why the book cannot be written: the file, the folder that must hold
 * the WAL's -wal and -shm files, or those files left by another user. */
static _Noreturn void
readonly_cause(struct hb_book *b, const char *msg)
{
	static const char *const sides[] = { "-wal", "-shm" };
	char *copy = hb_xstrdup(b->location), *side;
	const char *dir = dirname(copy);
	struct stat st;

	for (size_t i = 0; i < 2; i++) {
		side = hb_xprintf("%s%s", b->location, sides[i]);
		if (stat(side, &st) == 0 && access(side, W_OK) != 0)
			hb_die(HB_EXIT_IO, "%s: belongs to another user (uid %ld) "
			    "and is not writable for you: ask its owner, or fix its "
			    "permissions", side, (long)st.st_uid);
		free(side);
	}
	if (access(b->location, W_OK) != 0)
		hb_die(HB_EXIT_IO, "%s: the book is read-only for you (even "
		    "reading needs write access to a WAL book's side files)",
		    b->location);
	if (access(dir, W_OK) != 0)
		hb_die(HB_EXIT_IO, "%s: the folder %s is read-only for you, and "
		    "the book needs to keep its -wal and -shm files there",
		    b->location, dir);
	hb_die(HB_EXIT_IO, "%s: the book is read-only here (%s)", b->location,
	    msg);
}

/* Did SQLite find the file damaged?  Besides its two codes for that, a
 * schema format number it does not know (the header's bytes 44-47) is
 * damage here: every SQLite since 2006 writes 4, and so every book has it. */
static bool
damaged(struct hb_book *b, int rc)
{
	return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB ||
	    ((rc & 0xff) == SQLITE_ERROR && db_of(b) != NULL &&
	    strcmp(sqlite3_errmsg(db_of(b)), "unsupported file format") == 0);
}

/* End the program for a failed SQLite call, with the exit status its
 * cause deserves. */
/* SQLite calls any file whose first 16 bytes are not its own "not a
 * database".  A byte or two changed is a damaged book, for book-check;
 * most of them is a file that never was SQLite's.  Read only when SQLite
 * has said so, not at every open. */
static bool
never_sqlite(const char *path)
{
	static const char magic[16] = "SQLite format 3";
	char head[sizeof magic];
	size_t differ;
	ssize_t n = -1;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) >= 0) {
		n = read(fd, head, sizeof head);
		close(fd);
	}
	if (n <= 0)
		return false;
	differ = sizeof head - (size_t)n;
	for (ssize_t i = 0; i < n; i++)
		differ += head[i] != magic[i];
	return differ > 2;
}

static _Noreturn void
fail_db(struct hb_book *b, int rc, const char *what)
{
	const char *msg = db_of(b) ? sqlite3_errmsg(db_of(b))
	    : sqlite3_errstr(rc);
	char *text, *reason;

	if ((rc & 0xff) == SQLITE_NOTADB && never_sqlite(b->location))
		hb_die(HB_EXIT_IO, "%s: not a hourbook book (not an SQLite "
		    "file): nothing was changed", b->location);
	if (damaged(b, rc)) {
		text = hb_book_printable(msg);
		reason = hb_xprintf("SQLite: %s", text);
		free(text);
		hb_book_damaged(b, reason);
	}
	/* sum() over integers that do not fit in 64 bits fails with a plain
	 * SQLITE_ERROR and the message "integer overflow" (no result code of
	 * its own), where a wrong total would be worse: the figures are too
	 * large, not the book broken.  Exit 65, as every total the C code
	 * refuses. */
	if ((rc & 0xff) == SQLITE_ERROR && strstr(msg, "integer overflow") != NULL)
		hb_die(HB_EXIT_DATA, "the total of %s is too large",
		    hb_book_total_of(b, what));
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		hb_die(HB_EXIT_LOCKED, "%s: the book is locked by another "
		    "process (waited %d ms; try again later)", b->location,
		    b->busy_ms);
	case SQLITE_READONLY:
		readonly_cause(b, msg);
	case SQLITE_FULL:
		hb_die(HB_EXIT_IO, "%s: the disk is full", b->location);
	case SQLITE_IOERR:
		/* Not which statement: what happened to the file. */
		hb_die(HB_EXIT_IO, "%s: %s (is the disk full, or the file "
		    "larger than this process may write?)", b->location, msg);
	case SQLITE_CANTOPEN:
		hb_die(HB_EXIT_IO, "%s: cannot open the book (%s)", b->location,
		    msg);
	case SQLITE_CONSTRAINT:
		/* A constraint the C code did not check first: the row's
		 * fault, named by the row's context, not the statement. */
		hb_die(HB_EXIT_DATA, "refused by the book: %s", msg);
	default:
		hb_die(HB_EXIT_IO, "%s: %s: %s", b->location, what, msg);
	}
}

/* book-check reads on past damage: keep SQLite's words about the first
 * damage met, for hb_book_damage(). */
static bool
tolerated(struct hb_book *b, int rc)
{
	if (!b->tolerant || !damaged(b, rc))
		return false;
	if (b->damage == NULL)
		b->damage = hb_book_printable(sqlite3_errmsg(db_of(b)));
	return true;
}

static void
exec(struct hb_book *b, const char *text)
{
	int rc = sqlite3_exec(db_of(b), text, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		fail_db(b, rc, text);
}

static int64_t
elapsed_ms(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (int64_t)(now.tv_sec - start->tv_sec) * 1000 +
	    (now.tv_nsec - start->tv_nsec) / 1000000;
}

/* Run text, retrying while the book is busy, up to the busy timeout.
 * Some statements (switching a new book to WAL while other processes open
 * it) fail with SQLITE_BUSY at once, without calling the busy handler. */
static void
exec_retry(struct hb_book *b, const char *text)
{
	struct timespec start;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		rc = sqlite3_exec(db_of(b), text, NULL, NULL, NULL);
		if (rc == SQLITE_OK)
			return;
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			fail_db(b, rc, text);
		if (elapsed_ms(&start) >= b->busy_ms)
			fail_db(b, rc, text);
		sqlite3_sleep(5 + (int)(getpid() % 7));
	}
}

static int64_t
scalar_int(struct hb_book *b, const char *text)
{
	sqlite3_stmt *s;
	int64_t v = 0;
	int rc = sqlite3_prepare_v2(db_of(b), text, -1, &s, NULL);

	if (rc != SQLITE_OK)
		fail_db(b, rc, text);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	else if (rc != SQLITE_DONE && !tolerated(b, rc)) {
		sqlite3_finalize(s);
		fail_db(b, rc, text);
	}
	sqlite3_finalize(s);
	return v;
}

/* ---- opening ------------------------------------------------------------- */

/* Is the book in WAL mode?  Asked with the pragma itself: the table of
 * the same name (SELECT ... FROM pragma_journal_mode) runs this very
 * pragma inside a virtual table, and setting that up cost a process
 * some 70,000 instructions more. */
static bool
journal_is_wal(struct hb_book *b)
{
	sqlite3_stmt *s;
	const char *mode;
	bool wal = false;
	int rc = sqlite3_prepare_v2(db_of(b), "PRAGMA journal_mode", -1, &s,
	    NULL);

	if (rc != SQLITE_OK)
		fail_db(b, rc, "PRAGMA journal_mode");
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		mode = (const char *)sqlite3_column_text(s, 0);
		wal = mode != NULL && strcmp(mode, "wal") == 0;
	} else if (rc != SQLITE_DONE) {
		sqlite3_finalize(s);
		fail_db(b, rc, "PRAGMA journal_mode");
	}
	sqlite3_finalize(s);
	return wal;
}

/* mkdir -p the folders above path, each new one with mode 0700. */
static void
make_parents(const char *path)
{
	char *dir = hb_xstrdup(path);

	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			hb_die(HB_EXIT_IO, "%s: cannot create folder: %s", dir,
			    strerror(errno));
		*p = '/';
	}
	free(dir);
}

/* File systems on which WAL's shared memory cannot lock reliably. */
static void
refuse_network_fs(const char *path)
{
	static const struct {
		long magic;
		const char *name;
	} network[] = {
		{ 0x6969, "NFS" },
		{ 0x517b, "SMB" },
		{ (long)0xff534d42, "CIFS" },
		{ (long)0xfe534d42, "SMB2" },
		{ 0x564c, "NCP" },
		{ 0x7461636f, "OCFS2" },
		{ 0x47504653, "GPFS" },
		{ 0x1021997, "9P" },
	};
	char *copy = hb_xstrdup(path);
	struct statfs st;

	if (statfs(dirname(copy), &st) == 0) {
		for (size_t i = 0; i < sizeof network / sizeof network[0]; i++)
			if ((long)st.f_type == network[i].magic) {
				free(copy);
				hb_die(HB_EXIT_IO, "%s: the book is on a network "
				    "file system (%s), where its locks do not "
				    "hold; move it, or pass --allow-network-fs",
				    path, network[i].name);
			}
	}
	free(copy);
}

/* Is this file a book, before anything is written to it (not even a
 * pragma that switches the journal)?  Reading the header is all SQLite
 * does here.  Returns true for an empty file that may become a book. */
static bool
identify(struct hb_book *b)
{
	int64_t app = scalar_int(b, "PRAGMA application_id");
	int64_t version = scalar_int(b, "PRAGMA user_version");

	/* Both are set by the one statement that ends a migration: a book
	 * without a version has had its header damaged. */
	if (app == HB_APPLICATION_ID) {
		if (version < 1)
			hb_book_damaged(b, hb_xprintf("its header gives schema "
			    "version %lld", (long long)version));
		return false;
	}
	if (app != 0)
		hb_die(HB_EXIT_IO, "%s: not a hourbook book (another "
		    "application's SQLite file): nothing was changed",
		    b->location);
	if (version != 0 || scalar_int(b, "SELECT count(*) FROM sqlite_master")
	    != 0)
		hb_die(HB_EXIT_IO, "%s: not a hourbook book (an SQLite file with "
		    "other tables): nothing was changed", b->location);
	return true;
}

/* ---- reading on a full disk ----------------------------------------------
 *
 * The first reader of a WAL book (once the last connection has closed,
 * SQLite removes the -wal and -shm files) makes the WAL index, -shm, and
 * sizes it by writing into it: on a full disk that write fails, and so
 * did every reading command ("disk I/O error", exit 74).  A reader needs
 * no index of its own.  Opened read-only with readonly_shm, SQLite uses
 * a writer's index when one is open and otherwise reads the -wal into
 * memory; it writes nothing.  Only a reader that met this failure opens
 * the book that way: the usual open keeps its locks and its messages.
 */

/* Did the first read fail for want of room for the WAL index? */
static bool
no_room_for_index(struct hb_book *b)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(db_of(b), "PRAGMA application_id", -1, &s,
	    NULL);

	if (rc == SQLITE_OK) {
		rc = sqlite3_step(s);
		sqlite3_finalize(s);
	}
	return rc == SQLITE_IOERR_SHMOPEN || rc == SQLITE_IOERR_SHMSIZE ||
	    rc == SQLITE_IOERR_SHMMAP || (rc & 0xff) == SQLITE_FULL;
}

/* "file:PATH?readonly_shm=1", PATH percent-encoded but for the letters,
 * digits and "/-._~" (an absolute path after an empty authority, so
 * that "//x" is not read as a host). */
static char *
readonly_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF", tail[] = "?readonly_shm=1";
	char *uri = hb_xmalloc(sizeof "file://" + 3 * strlen(path) + sizeof tail);
	char *p = uri;

	memcpy(p, "file:", 5);
	p += 5;
	if (path[0] == '/') {
		memcpy(p, "//", 2);
		p += 2;
	}
	for (const unsigned char *c = (const unsigned char *)path; *c; c++) {
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		    (*c >= '0' && *c <= '9') || strchr("/-._~", *c) != NULL) {
			*p++ = (char)*c;
			continue;
		}
		*p++ = '%';
		*p++ = hex[*c >> 4];
		*p++ = hex[*c & 15];
	}
	memcpy(p, tail, sizeof tail);
	return uri;
}

/* SQLite keeps memory statistics (sqlite3_memory_used, the soft heap
 * limit) by default, which costs a global mutex and two counters on
 * every allocation: a fifth of the instructions of compiling a
 * statement, and a process compiles each of its statements.  Nothing
 * here asks for them.  SQLite takes its configuration only before it
 * initialises, at the first open; a second book in the same process
 * (book-copy) finds it done. */
static void
configure_sqlite(void)
{
	static bool configured;

	if (configured)
		return;
	configured = true;
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static void
sq_open(struct hb_book *b, const struct hb_book_config *cfg)
{
	struct stat st;
	sqlite3 *db = NULL;
	bool empty;
	int rc, fd;

	b->shown = hb_xstrdup(b->location);
	if (stat(b->location, &st) != 0) {
		if (errno != ENOENT)
			hb_die(HB_EXIT_IO, "%s: %s", b->location, strerror(errno));
		if (cfg->mode != HB_BOOK_CREATE)
			hb_die(HB_EXIT_NOINPUT, "%s: no such book (a setup command "
			    "such as client-add creates one; check --db and "
			    "HOURBOOK_DB)", b->location);
		if (cfg->dry_run)
			hb_die(HB_EXIT_NOINPUT, "%s: no such book, and a dry run "
			    "creates nothing", b->location);
		if (cfg->before_create != NULL)
			cfg->before_create();
		make_parents(b->location);
		fd = open(b->location, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC,
		    0600);
		if (fd < 0 && errno != EEXIST)
			hb_die(HB_EXIT_IO, "%s: cannot create the book: %s",
			    b->location, strerror(errno));
		if (fd >= 0) {
			close(fd);
			b->created = true;
		}
	} else if (S_ISDIR(st.st_mode)) {
		hb_die(HB_EXIT_IO, "%s: is a folder, not a book", b->location);
	} else if (!S_ISREG(st.st_mode)) {
		hb_die(HB_EXIT_IO, "%s: is a %s, not a book (a book is a regular "
		    "file)", b->location, S_ISFIFO(st.st_mode) ? "FIFO"
		    : S_ISCHR(st.st_mode) ? "character device"
		    : S_ISBLK(st.st_mode) ? "block device"
		    : S_ISSOCK(st.st_mode) ? "socket" : "special file");
	}
	if (!cfg->allow_network_fs)
		refuse_network_fs(b->location);

	configure_sqlite();
	rc = sqlite3_open_v2(b->location, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL);
	b->conn = db;
	if (rc != SQLITE_OK)
		fail_db(b, rc, "open");
	sqlite3_extended_result_codes(db, 1);
	if (cfg->mode == HB_BOOK_READ && no_room_for_index(b)) {
		char *uri = readonly_uri(b->location);

		sqlite3_close(db);
		rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
		b->conn = db;
		free(uri);
		if (rc != SQLITE_OK)
			fail_db(b, rc, "open");
		sqlite3_extended_result_codes(db, 1);
	}
	sqlite3_busy_timeout(db, b->busy_ms);
	empty = identify(b);
	if (empty && cfg->mode != HB_BOOK_CREATE)
		hb_die(HB_EXIT_IO, "%s: is an empty file, not a book (a setup "
		    "command such as client-add makes a book of it)",
		    b->location);
	exec(b, "PRAGMA foreign_keys = ON");
	/* SQLite reads the schema at the first statement that names a
	 * table: here, so that a damaged schema is found while the book is
	 * opened (a trap of book-check's or book-copy's catches it), as a
	 * damaged header is above. */
	exec(b, "SELECT 1 FROM sqlite_master LIMIT 0");
	/* WAL lets readers and one writer work at once; FULL makes every
	 * commit durable, not only crash-consistent. */
	if (!journal_is_wal(b))
		exec_retry(b, "PRAGMA journal_mode = WAL");
	exec(b, "PRAGMA synchronous = FULL");
	/* Every page's cells checked as SQLite first reads it: a damaged
	 * page is refused where a command meets it, and not rewritten by
	 * a write that happens to touch it (which could hide the damage
	 * from the whole-book check a large batch runs after its first
	 * records, sq_verify). */
	exec(b, "PRAGMA cell_size_check = ON");
	/* A batch grows a table and its indexes at once: with SQLite's 2 MiB
	 * default their pages keep leaving the cache.  16 MiB is a quarter
	 * less time for a large import, and constant memory.  Readers keep
	 * the default: exports stream and need no cache. */
	if (cfg->mode != HB_BOOK_READ)
		exec(b, "PRAGMA cache_size = -16384");
}

static void
sq_close(struct hb_book *b)
{
	if (b->conn != NULL && sqlite3_close(db_of(b)) != SQLITE_OK)
		hb_die(HB_EXIT_IO, "%s: %s", b->location,
		    sqlite3_errmsg(db_of(b)));
	b->conn = NULL;
}

static int64_t
sq_version(struct hb_book *b)
{
	return scalar_int(b, "PRAGMA user_version");
}

static void
sq_migrate(struct hb_book *b, const char *script, int64_t to)
{
	int rc = sqlite3_exec(db_of(b), script, NULL, NULL, NULL);
	char *text;

	/* Dying rolls the whole upgrade back. */
	if (damaged(b, rc))
		fail_db(b, rc, script);
	if (rc != SQLITE_OK)
		hb_die(HB_EXIT_IO, "%s: upgrading the book to schema %lld "
		    "failed: %s; the book is as it was", b->location,
		    (long long)to, sqlite3_errmsg(db_of(b)));
	text = hb_xprintf("PRAGMA user_version = %lld; PRAGMA application_id "
	    "= %d", (long long)to, HB_APPLICATION_ID);
	exec(b, text);
	free(text);
}

/* ---- transactions -------------------------------------------------------- */

static void
sq_begin_write(struct hb_book *b)
{
	exec(b, "BEGIN IMMEDIATE");
}

/* A deferred transaction: in WAL mode its first read fixes the snapshot
 * every later read sees. */
static void
sq_begin_read(struct hb_book *b)
{
	exec(b, "BEGIN");
}

static void
sq_commit(struct hb_book *b)
{
	exec(b, "COMMIT");
}

static void
sq_rollback(struct hb_book *b)
{
	exec(b, "ROLLBACK");
}

/* ---- statements ------------------------------------------------------------ */

/* Every statement of book.c compiles in a sound book of this schema
 * (tests/unit/test_statements.c): a table or column it lacks is the
 * book's schema changed on disk (a byte of sqlite_master damaged), not a
 * bug. */
static bool
schema_damaged(sqlite3 *db, int rc)
{
	const char *msg = sqlite3_errmsg(db);

	return (rc & 0xff) == SQLITE_ERROR && (strncmp(msg, "no such column",
	    14) == 0 || strncmp(msg, "no such table", 13) == 0 ||
	    strstr(msg, "has no column named") != NULL);
}

static struct hb_engine_stmt *
sq_prepare(struct hb_book *b, const char *sql, unsigned flags)
{
	struct hb_engine_stmt *s = hb_xcalloc(1, sizeof *s);
	int rc = sqlite3_prepare_v3(db_of(b), sql, -1,
	    SQLITE_PREPARE_PERSISTENT, &s->s, NULL);

	(void)flags;
	if (rc != SQLITE_OK && schema_damaged(db_of(b), rc)) {
		/* book-check reads on: the statement reads no rows. */
		if (b->tolerant) {
			if (b->damage == NULL)
				b->damage = hb_book_printable(sqlite3_errmsg(
				    db_of(b)));
			return s;
		}
		free(s);
		{
			char *text = hb_book_printable(sqlite3_errmsg(db_of(b)));
			char *reason = hb_xprintf("SQLite: %s", text);

			free(text);
			hb_book_damaged(b, reason);
		}
	}
	if (rc != SQLITE_OK) {
		free(s);
		fail_db(b, rc, sql);
	}
	return s;
}

static void
sq_finalize(struct hb_book *b, struct hb_engine_stmt *s)
{
	(void)b;
	if (s == NULL)
		return;
	sqlite3_finalize(s->s);
	free(s);
}

/* A parameter the statement does not have is a bug in book.c. */
static void
bound(struct hb_engine_stmt *s, int i, int rc)
{
	if (s->s == NULL)	/* a statement of a damaged schema */
		return;
	if (rc == SQLITE_RANGE)
		hb_die(HB_EXIT_SOFTWARE, "parameter %d of a statement with %d: "
		    "%s", i, sqlite3_bind_parameter_count(s->s),
		    sqlite3_sql(s->s));
	if (rc != SQLITE_OK)
		hb_die(HB_EXIT_SOFTWARE, "binding parameter %d: %s", i,
		    sqlite3_errstr(rc));
}

static void
sq_bind_int(struct hb_engine_stmt *s, int i, int64_t v)
{
	bound(s, i, sqlite3_bind_int64(s->s, i, v));
}

static void
sq_bind_text(struct hb_engine_stmt *s, int i, const char *v)
{
	bound(s, i, v == NULL ? sqlite3_bind_null(s->s, i)
	    : sqlite3_bind_text(s->s, i, v, -1, SQLITE_STATIC));
}

static void
sq_bind_null_int(struct hb_engine_stmt *s, int i)
{
	bound(s, i, sqlite3_bind_null(s->s, i));
}

static bool
sq_step(struct hb_book *b, struct hb_engine_stmt *s)
{
	int rc;

	if (s->s == NULL)	/* a statement of a damaged schema */
		return false;
	rc = sqlite3_step(s->s);

	if (rc == SQLITE_ROW)
		return true;
	sqlite3_reset(s->s);
	if (rc != SQLITE_DONE && !tolerated(b, rc))
		fail_db(b, rc, sqlite3_sql(s->s));
	return false;
}

static void
sq_reset(struct hb_book *b, struct hb_engine_stmt *s)
{
	(void)b;
	if (s->s == NULL)	/* a statement of a damaged schema */
		return;
	sqlite3_reset(s->s);
	sqlite3_clear_bindings(s->s);
}

static bool
sq_column_null(struct hb_engine_stmt *s, int i)
{
	return sqlite3_column_type(s->s, i) == SQLITE_NULL;
}

static int64_t
sq_column_int(struct hb_engine_stmt *s, int i)
{
	return sqlite3_column_int64(s->s, i);
}

static const char *
sq_column_text(struct hb_engine_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s->s, i);
}

/* ---- the whole file -------------------------------------------------------- */

/* A write on a book SQLite has not yet seen damaged in the pages it read
 * may go on for a long time while the damage sits elsewhere: a batch
 * checks the whole book first.  quick_check reads every page once (about
 * 6 ms a megabyte, seven times a one-record write on a book of 100,000
 * entries: too much for every write); it leaves out whether indexes agree
 * with their rows, which integrity_check (three or four times as long)
 * and book-check compare. */
static void
sq_verify(struct hb_book *b)
{
	sqlite3_stmt *s;
	const char *first;
	char *text, *reason;
	int rc = sqlite3_prepare_v2(db_of(b), "PRAGMA quick_check(1)", -1, &s,
	    NULL);

	if (rc != SQLITE_OK)
		fail_db(b, rc, "PRAGMA quick_check");
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(s);
		fail_db(b, rc == SQLITE_DONE ? SQLITE_ERROR : rc,
		    "PRAGMA quick_check");
	}
	first = (const char *)sqlite3_column_text(s, 0);
	if (first != NULL && strcmp(first, "ok") == 0) {
		sqlite3_finalize(s);
		/* Every page is sound now and this transaction holds the
		 * write lock: checking each page again as it is read costs
		 * a sixth of a large import. */
		exec(b, "PRAGMA cell_size_check = OFF");
		return;
	}
	text = hb_book_printable(first ? first : "no answer");
	sqlite3_finalize(s);
	reason = hb_xprintf("SQLite's quick_check: %s", text);
	free(text);
	hb_book_damaged(b, reason);
}

/* Run a pragma of many rows for book-check, past damage. */
static void
each_pragma(struct hb_book *b, const char *pragma,
    void (*row)(sqlite3_stmt *s, void *ctx), void *ctx)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(db_of(b), pragma, -1, &s, NULL);

	if (rc != SQLITE_OK) {
		if (!tolerated(b, rc))
			fail_db(b, rc, pragma);
		return;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		row(s, ctx);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE && !tolerated(b, rc))
		fail_db(b, rc, pragma);
}

struct storage_ctx {
	void (*fn)(void *ctx, const char *message);
	void *ctx;
};

static void
storage_row(sqlite3_stmt *s, void *vctx)
{
	struct storage_ctx *c = vctx;
	const char *m = (const char *)sqlite3_column_text(s, 0);

	if (m != NULL && strcmp(m, "ok") != 0)
		c->fn(c->ctx, m);
}

static void
sq_check_storage(struct hb_book *b, void (*fn)(void *ctx,
    const char *message), void *ctx)
{
	struct storage_ctx c = { fn, ctx };

	each_pragma(b, "PRAGMA integrity_check(100000)", storage_row, &c);
}

struct reference_ctx {
	void (*fn)(void *ctx, const char *table, int64_t rowid,
	    const char *parent);
	void *ctx;
};

static void
reference_row(sqlite3_stmt *s, void *vctx)
{
	struct reference_ctx *c = vctx;

	c->fn(c->ctx, (const char *)sqlite3_column_text(s, 0),
	    sqlite3_column_int64(s, 1), (const char *)sqlite3_column_text(s, 2));
}

static void
sq_check_references(struct hb_book *b, void (*fn)(void *ctx,
    const char *table, int64_t rowid, const char *parent), void *ctx)
{
	struct reference_ctx c = { fn, ctx };

	each_pragma(b, "PRAGMA foreign_key_check", reference_row, &c);
}

/* ---- the WAL's last transactions ------------------------------------------ */

/* The WAL's layout (https://sqlite.org/fileformat2.html#walformat): a
 * 32-byte header (magic, version, page size, checkpoint sequence, two
 * salts, a checksum of the first 24 bytes), then frames of a 24-byte
 * header (page, the database size after a commit or 0, the two salts, a
 * checksum running over every frame so far) and the page.  SQLite reads
 * frames while they carry the header's salts and the checksums run true,
 * and uses them up to the last commit among those: frames after one that
 * fails are dropped, without a word. */
#define WAL_HEADER 32
#define WAL_FRAME_HEADER 24

static uint32_t
wal_be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static void
wal_checksum(bool big_endian, const unsigned char *p, size_t n,
    uint32_t sum[2])
{
	for (size_t i = 0; i + 8 <= n; i += 8) {
		uint32_t x0 = big_endian ? wal_be32(p + i) : (uint32_t)p[i] |
		    (uint32_t)p[i + 1] << 8 | (uint32_t)p[i + 2] << 16 |
		    (uint32_t)p[i + 3] << 24;
		uint32_t x1 = big_endian ? wal_be32(p + i + 4) : (uint32_t)p[i + 4] |
		    (uint32_t)p[i + 5] << 8 | (uint32_t)p[i + 6] << 16 |
		    (uint32_t)p[i + 7] << 24;

		sum[0] += x0 + sum[1];
		sum[1] += x1 + sum[0];
	}
}

/* A commit in the WAL that SQLite does not use: a frame after the last
 * one it reads that still carries the WAL's salts and marks a commit.
 * Frames beyond SQLite's end are otherwise left from transactions that
 * never committed (a rollback, a process killed before its commit) or
 * from an earlier round of the WAL, with other salts; a committed frame
 * is only ever at or before SQLite's end.  So such a frame is a
 * transaction lost to damage, or cut off by a crash in the middle of its
 * commit (before the command said it was done).  The WAL is read under
 * the write lock, so that no writer is half-way through a frame. */
static void
sq_check_wal(struct hb_book *b, void (*fn)(void *ctx, const char *message),
    void *ctx)
{
	char *path = hb_xprintf("%s-wal", b->location), *msg;
	unsigned char head[WAL_HEADER], *frame = NULL;
	char used[48] = "none of the WAL";
	uint32_t magic, page, salt[2], sum[2] = { 0, 0 };
	int64_t n = 0, end = 0, bad = 0, lost = 0, last = 0;
	bool big, running = true, header_ok;
	FILE *fp;
	int rc;

	rc = sqlite3_exec(db_of(b), "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		if (!tolerated(b, rc))
			fail_db(b, rc, "BEGIN IMMEDIATE");
		free(path);
		return;
	}
	fp = fopen(path, "rb");
	if (fp == NULL || fread(head, 1, WAL_HEADER, fp) != WAL_HEADER)
		goto out;
	magic = wal_be32(head);
	page = wal_be32(head + 8);
	big = (magic & 1) != 0;
	salt[0] = wal_be32(head + 16);
	salt[1] = wal_be32(head + 20);
	wal_checksum(big, head, 24, sum);
	header_ok = (magic & ~UINT32_C(1)) == 0x377f0682 &&
	    wal_be32(head + 4) == 3007000 && page >= 512 && page <= 65536 &&
	    (page & (page - 1)) == 0 && sum[0] == wal_be32(head + 24) &&
	    sum[1] == wal_be32(head + 28);
	if (!header_ok) {
		/* The frames' size is unknown too: take the book's. */
		page = (uint32_t)scalar_int(b, "PRAGMA page_size");
		running = false;
	}
	frame = hb_xmalloc(WAL_FRAME_HEADER + page);
	while (fread(frame, 1, WAL_FRAME_HEADER + page, fp) == (size_t)
	    WAL_FRAME_HEADER + page) {
		bool ours = wal_be32(frame + 8) == salt[0] &&
		    wal_be32(frame + 12) == salt[1];
		bool commit = wal_be32(frame + 4) != 0;

		n++;
		if (running) {
			wal_checksum(big, frame, 8, sum);
			wal_checksum(big, frame + WAL_FRAME_HEADER, page, sum);
			running = ours && wal_be32(frame) != 0 &&
			    sum[0] == wal_be32(frame + 16) &&
			    sum[1] == wal_be32(frame + 20);
			if (running) {
				if (commit)
					end = n;
				continue;
			}
			bad = n;
		}
		if (ours && commit) {
			lost++;
			last = n;
		}
	}
	if (lost == 0)
		goto out;
	if (!header_ok)
		msg = hb_xprintf("the WAL's header fails its checksum, so SQLite "
		    "ignores the WAL: its %lld commit(s), up to frame %lld, are "
		    "lost unless a checkpoint had copied them into the book",
		    (long long)lost, (long long)last);
	else {
		if (end > 0)
			snprintf(used, sizeof used, "the WAL up to frame %lld",
			    (long long)end);
		msg = hb_xprintf("frame %lld of the WAL fails its checksum, so "
		    "SQLite uses %s: %lld commit(s) after that, up to frame "
		    "%lld, are lost unless a checkpoint had copied them into the "
		    "book (a crash in the middle of a commit leaves the same "
		    "trace)", (long long)bad, used, (long long)lost,
		    (long long)last);
	}
	fn(ctx, msg);
	free(msg);
out:
	if (fp != NULL)
		fclose(fp);
	free(frame);
	free(path);
	exec(b, "ROLLBACK");
}

/* ---- the test of every statement ---------------------------------------- */

/* Compile sql as sq_prepare would; a text that holds more than one
 * statement is wrong too: SQLite would run its first alone. */
static char *
sq_compile(struct hb_book *b, const char *sql, const char *types)
{
	sqlite3_stmt *s = NULL;
	const char *tail = NULL;
	char *error = NULL;
	int rc = sqlite3_prepare_v2(db_of(b), sql, -1, &s, &tail);

	(void)types;
	if (rc != SQLITE_OK)
		error = hb_xprintf("%s", sqlite3_errmsg(db_of(b)));
	else if (s == NULL)
		error = hb_xstrdup("no statement");
	else if (tail != NULL && tail[strspn(tail, " \t\n;")] != '\0')
		error = hb_xprintf("text after the statement: %.40s", tail);
	sqlite3_finalize(s);
	return error;
}

static int64_t
sq_last_id(struct hb_book *b)
{
	return sqlite3_last_insert_rowid(db_of(b));
}

const struct hb_engine hb_engine_sqlite = {
	"sqlite",
	sq_open, sq_close, sq_version, sq_migrate,
	sq_begin_write, sq_begin_read, sq_commit, sq_rollback,
	sq_prepare, sq_finalize, sq_bind_int, sq_bind_text, sq_bind_null_int,
	sq_step, sq_reset, sq_column_null, sq_column_int, sq_column_text,
	sq_verify, sq_check_storage, sq_check_references, sq_check_wal,
	NULL,	/* copy_in: prepared INSERTs are as fast */
	sq_compile,
	sq_last_id,
};
