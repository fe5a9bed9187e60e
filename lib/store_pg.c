/*
 * store_pg: the PostgreSQL engine, through libpq.
 *
 * A book is a database.  One writer decides at a time: every write
 * transaction runs in READ COMMITTED and takes a transaction-level
 * advisory lock as its first statement, so a balance read after it sees
 * every commit made before it (REPEATABLE READ would take its snapshot
 * before the lock wait and spend the same hours twice).  A lock not
 * granted within the busy timeout (lock_timeout) is exit 75.  A read
 * transaction is REPEATABLE READ READ ONLY: an export sees one snapshot.
 *
 * Statements are prepared on the server on their first run, with the
 * parameter types the caller bound (bigint or text), and results are held
 * in memory, except for statements marked HB_STMT_STREAM: inside a
 * transaction they are read through a cursor, a few hundred rows at a
 * time, so an export of a million rows holds a few hundred.  The location
 * is printed with its password hidden, always.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dlfcn.h>

#include <libpq-fe.h>

#include "book-internal.h"
#include "hourbook/diag.h"

/* ---- libpq, loaded when it is needed --------------------------------------
 *
 * libpq and what it links (TLS, Kerberos, LDAP: some twenty libraries)
 * cost every process about 4 ms of dynamic linking, which a command on a
 * SQLite book would pay for nothing.  So the commands do not link it: the
 * first PostgreSQL book a process opens loads it, by the soname of the
 * libpq that the build found (HB_LIBPQ_SONAME, which CMakeLists.txt reads
 * from it), and its functions are called through this table, each with
 * the type its header declares.
 */
#ifndef HB_LIBPQ_SONAME
#error "HB_LIBPQ_SONAME: the build says which libpq to load"
#endif

#define PQ_FUNCTIONS(X) X(PQclear) X(PQconnectdbParams) X(PQerrorMessage) \
	X(PQexec) X(PQexecParams) X(PQexecPrepared) X(PQfinish) \
	X(PQgetResult) X(PQgetisnull) X(PQgetvalue) X(PQntuples) \
	X(PQprepare) X(PQputCopyData) X(PQputCopyEnd) \
	X(PQresultErrorField) X(PQresultErrorMessage) X(PQresultStatus) \
	X(PQsetNoticeProcessor) X(PQstatus)

static struct {
#define PQ_POINTER(name) __typeof__(name) *name;
	PQ_FUNCTIONS(PQ_POINTER)
#undef PQ_POINTER
} pq;

static void
pq_load(void)
{
	void *lib;

	if (pq.PQstatus != NULL)
		return;
	if ((lib = dlopen(HB_LIBPQ_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL)
		hb_die(HB_EXIT_IO, "a book on PostgreSQL needs libpq "
		    "(the Debian package libpq5): %s", dlerror());
#define PQ_LOAD(name) \
	if ((*(void **)&pq.name = dlsym(lib, #name)) == NULL) \
		hb_die(HB_EXIT_IO, "%s: no %s: %s", HB_LIBPQ_SONAME, \
		    #name, dlerror());
	PQ_FUNCTIONS(PQ_LOAD)
#undef PQ_LOAD
}

/* From here on, every libpq call goes through the table. */
#define PQclear pq.PQclear
#define PQconnectdbParams pq.PQconnectdbParams
#define PQerrorMessage pq.PQerrorMessage
#define PQexec pq.PQexec
#define PQexecParams pq.PQexecParams
#define PQexecPrepared pq.PQexecPrepared
#define PQfinish pq.PQfinish
#define PQgetResult pq.PQgetResult
#define PQgetisnull pq.PQgetisnull
#define PQgetvalue pq.PQgetvalue
#define PQntuples pq.PQntuples
#define PQprepare pq.PQprepare
#define PQputCopyData pq.PQputCopyData
#define PQputCopyEnd pq.PQputCopyEnd
#define PQresultErrorField pq.PQresultErrorField
#define PQresultErrorMessage pq.PQresultErrorMessage
#define PQresultStatus pq.PQresultStatus
#define PQsetNoticeProcessor pq.PQsetNoticeProcessor
#define PQstatus pq.PQstatus

#define MAX_PARAMS 32	/* book-copy binds a whole row: task has 18 */
#define FETCH_ROWS "500"
#define INT8OID 20
#define TEXTOID 25
/* The advisory lock every writer takes: "hour" in ASCII. */
#define WRITE_LOCK "1752135026"

struct hb_engine_stmt {
	char name[24];		/* of the prepared statement, or cursor */
	char *sql;		/* with $N placeholders */
	const char *source;	/* as book.c gave it (its statement table's) */
	unsigned flags;
	int nparams;
	unsigned int types[MAX_PARAMS];	/* Oid */
	char *values[MAX_PARAMS];	/* owned; NULL for SQL NULL */
	char numbers[MAX_PARAMS][24];	/* storage for bigint values */
	bool prepared;
	bool running;		/* a result (or a cursor) is open */
	bool cursor;		/* reading through a cursor */
	bool cursor_done;	/* the cursor returned its last rows */
	PGresult *res;
	int row, nrows;
};

static unsigned counter;

static PGconn *
conn_of(struct hb_book *b)
{
	return b->conn;
}

/* ---- messages ----------------------------------------------------------- */

/* Where a location holds a password: in the user part of a URL
 * (postgresql://user:secret@host) and in each password= parameter.  The
 * spans, in the order they start, into an array the caller frees. */
struct span {
	size_t at, len;
};

static struct span *
secrets(const char *location, size_t *count)
{
	const char *p, *at, *colon, *q, *end;
	struct span *out = NULL;
	size_t n = 0;

	p = strstr(location, "://");
	if (p != NULL) {
		p += 3;
		at = strchr(p, '@');
		q = strpbrk(p, "/?");
		if (at != NULL && (q == NULL || at < q) &&
		    (colon = memchr(p, ':', (size_t)(at - p))) != NULL) {
			out = hb_xrealloc(out, (n + 1) * sizeof *out);
			out[n].at = (size_t)(colon + 1 - location);
			out[n].len = (size_t)(at - colon - 1);
			n++;
		}
	}
	/* password=VALUE in a URL's query; password = 'VALUE' (quoted, with
	 * backslash escapes) or password=VALUE in libpq's keyword form. */
	for (p = location; (p = strstr(p, "password")) != NULL; p = end) {
		const char *v = p + strlen("password");

		end = v;
		if (p > location && (isalnum((unsigned char)p[-1]) ||
		    p[-1] == '_'))
			continue;	/* another word ending in "password" */
		v += strspn(v, " \t");
		if (*v != '=')
			continue;
		v++;
		v += strspn(v, " \t");
		if (*v == '\'') {
			v++;
			for (end = v; *end && *end != '\''; end++)
				if (*end == '\\' && end[1] != '\0')
					end++;
		} else {
			end = v + strcspn(v, "& \t");
		}
		if (n > 0 && (size_t)(v - location) < out[n - 1].at +
		    out[n - 1].len)
			continue;	/* inside the span before */
		out = hb_xrealloc(out, (n + 1) * sizeof *out);
		out[n].at = (size_t)(v - location);
		out[n].len = (size_t)(end - v);
		n++;
	}
	*count = n;
	return out;
}

/* The location with each password replaced by "***". */
static char *
redact(const char *location)
{
	size_t n, from = 0;
	struct span *spans = secrets(location, &n);
	char *s = hb_xstrdup(""), *t;

	for (size_t i = 0; i < n; i++) {
		t = hb_xprintf("%s%.*s***", s, (int)(spans[i].at - from),
		    location + from);
		free(s);
		s = t;
		from = spans[i].at + spans[i].len;
	}
	t = hb_xprintf("%s%s", s, location + from);
	free(s);
	free(spans);
	return t;
}

/* libpq's message, first line only (the rest is the statement's text or
 * a hint that repeats the location), with every password of the location
 * hidden: libpq quotes a location it cannot parse, or a piece of it ("in
 * URI: \"postgresql://user:secret@[::1\"", "invalid percent-encoded
 * token: \"secret%zz\"").  Each occurrence of the password's text goes,
 * wherever it is: a short password blurs the message around it, which
 * is better than a message that shows it. */
static const char *
first_line(struct hb_book *b, const char *msg, char *buf, size_t size)
{
	size_t n;
	struct span *spans = secrets(b->location, &n);
	char *text = hb_xprintf("%.*s", (int)strcspn(msg ? msg : "", "\n"),
	    msg ? msg : ""), *hit, *t;

	for (size_t i = 0; i < n; i++) {
		size_t len = spans[i].len;
		char *secret = hb_xprintf("%.*s", (int)len,
		    b->location + spans[i].at);

		for (size_t from = 0; len > 0 && (hit = strstr(text + from,
		    secret)) != NULL; ) {
			from = (size_t)(hit - text) + 3;
			t = hb_xprintf("%.*s***%s", (int)(hit - text), text,
			    hit + len);
			free(text);
			text = t;
		}
		free(secret);
	}
	snprintf(buf, size, "%s", text);
	free(text);
	free(spans);
	return buf;
}

/* End the program for a failed result, with the status its SQLSTATE
 * deserves. */
static _Noreturn void
fail(struct hb_book *b, const PGresult *res, const char *what)
{
	const char *state = res ? PQresultErrorField(res,
	    PG_DIAG_SQLSTATE) : NULL;
	const char *primary = res ? PQresultErrorField(res,
	    PG_DIAG_MESSAGE_PRIMARY) : NULL;
	const char *msg = primary ? primary : res ? PQresultErrorMessage(res)
	    : PQerrorMessage(conn_of(b));
	char line[400];

	first_line(b, msg, line, sizeof line);
	if (PQstatus(conn_of(b)) != CONNECTION_OK)
		hb_book_fail(b, HB_EXIT_IO, "the connection to the server is "
		    "lost: %s", line);
	if (state == NULL)
		hb_book_fail(b, HB_EXIT_IO, "%s: %s", what, line);
	if (strcmp(state, "55P03") == 0 || strcmp(state, "40P01") == 0)
		hb_book_fail(b, HB_EXIT_LOCKED, "the book is locked by another "
		    "process (waited %d ms; try again later)", b->busy_ms);
	if (strncmp(state, "23", 2) == 0)
		hb_die(HB_EXIT_DATA, "refused by the book: %s", line);
	/* A sum or product past 64 bits: the figures are too large, as
	 * every total the C code refuses (and SQLite's "integer overflow"). */
	if (strcmp(state, "22003") == 0)
		hb_die(HB_EXIT_DATA, "the total of %s is too large",
		    hb_book_total_of(b, what));
	/* Damage the server itself reports (XX001 data_corrupted, XX002
	 * index_corrupted). */
	if (strcmp(state, "XX001") == 0 || strcmp(state, "XX002") == 0) {
		char *text = hb_book_printable(line);
		char *reason = hb_xprintf("PostgreSQL: %s", text);

		free(text);
		hb_book_damaged(b, reason);
	}
	if (strncmp(state, "08", 2) == 0 || strncmp(state, "57", 2) == 0 ||
	    strncmp(state, "53", 2) == 0)
		hb_book_fail(b, HB_EXIT_IO, "%s", line);
	hb_book_fail(b, HB_EXIT_IO, "%s: %s (SQLSTATE %s)", what, line, state);
}

/* Run a statement without parameters or rows; dies when it fails. */
static void
exec(struct hb_book *b, const char *sql)
{
	PGresult *res = PQexec(conn_of(b), sql);
	ExecStatusType st = PQresultStatus(res);

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		fail(b, res, sql);
	}
	PQclear(res);
}

static int64_t
scalar(struct hb_book *b, const char *sql)
{
	PGresult *res = PQexec(conn_of(b), sql);
	int64_t v = 0;

	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		fail(b, res, sql);
	if (PQntuples(res) > 0 && !PQgetisnull(res, 0, 0))
		v = strtoll(PQgetvalue(res, 0, 0), NULL, 10);
	PQclear(res);
	return v;
}

/* ---- opening ------------------------------------------------------------- */

static void
notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;	/* NOTICEs (IF NOT EXISTS ...) are not the user's */
}

static void
pg_open(struct hb_book *b, const struct hb_book_config *cfg)
{
	PGconn *conn;
	char *text, line[400];
	int64_t tables;

	b->shown = redact(b->location);
	pq_load();
	/* Defaults the location may override: a server that does not
	 * answer is an error in seconds, not a hang. */
	{
		const char *const keys[] = { "connect_timeout",
		    "fallback_application_name", "dbname", NULL };
		const char *const values[] = { "10", "hourbook", b->location,
		    NULL };

		conn = PQconnectdbParams(keys, values, 1);
	}
	b->conn = conn;
	if (conn == NULL)
		hb_die(HB_EXIT_IO, "%s: cannot allocate a connection", b->shown);
	if (PQstatus(conn) != CONNECTION_OK) {
		first_line(b, PQerrorMessage(conn), line, sizeof line);
		/* A database that does not exist is a book that does not. */
		if (strstr(line, "does not exist") != NULL &&
		    strstr(line, "database") != NULL)
			hb_die(HB_EXIT_NOINPUT, "%s: no such book (%s; create the "
			    "database, then a setup command such as client-add "
			    "makes it a book)", b->shown, line);
		hb_die(HB_EXIT_IO, "%s: cannot connect: %s", b->shown, line);
	}
	PQsetNoticeProcessor(conn, notice, NULL);
	text = hb_xprintf("SET lock_timeout = %d; SET client_min_messages = "
	    "warning; SET TIME ZONE 'UTC'; SET DateStyle = 'ISO'; "
	    "SET client_encoding = 'UTF8'", b->busy_ms > 0 ? b->busy_ms : 1);
	exec(b, text);
	free(text);
	/* Identity, before anything is written: ours, empty, or someone
	 * else's database. */
	if (scalar(b, "SELECT count(*) FROM pg_catalog.pg_tables "
	    "WHERE schemaname = current_schema() "
	    "AND tablename = 'hourbook_schema'") > 0) {
		if (scalar(b, "SELECT count(*) FROM hourbook_schema "
		    "WHERE application = 'hourbook'") == 0)
			hb_book_fail(b, HB_EXIT_IO, "not a hourbook book (its "
			    "hourbook_schema table says otherwise): nothing was "
			    "changed");
		return;
	}
	tables = scalar(b, "SELECT count(*) FROM pg_catalog.pg_tables "
	    "WHERE schemaname = current_schema()");
	if (tables > 0)
		hb_book_fail(b, HB_EXIT_IO, "not a hourbook book (a database "
		    "with %lld other tables): nothing was changed",
		    (long long)tables);
	/* An empty database is where a book may be made, as a missing
	 * SQLite file is. */
	if (cfg->mode != HB_BOOK_CREATE)
		hb_book_fail(b, HB_EXIT_NOINPUT, "no such book (a setup "
		    "command such as client-add creates one in this empty "
		    "database; check --db and HOURBOOK_DB)");
	if (cfg->dry_run)
		hb_book_fail(b, HB_EXIT_NOINPUT, "no such book (the database "
		    "is empty), and a dry run creates nothing");
	if (cfg->before_create != NULL)
		cfg->before_create();
}

static void
pg_close(struct hb_book *b)
{
	if (b->conn != NULL)
		PQfinish(conn_of(b));
	b->conn = NULL;
}

static int64_t
pg_version(struct hb_book *b)
{
	if (scalar(b, "SELECT count(*) FROM pg_catalog.pg_tables "
	    "WHERE schemaname = current_schema() "
	    "AND tablename = 'hourbook_schema'") == 0)
		return 0;
	return scalar(b, "SELECT max(version) FROM hourbook_schema");
}

static void
pg_migrate(struct hb_book *b, const char *script, int64_t to)
{
	char *text;

	exec(b, script);
	text = hb_xprintf("UPDATE hourbook_schema SET version = %lld",
	    (long long)to);
	exec(b, text);
	free(text);
}

/* ---- transactions -------------------------------------------------------- */

static void
pg_begin_write(struct hb_book *b)
{
	exec(b, "BEGIN ISOLATION LEVEL READ COMMITTED");
	b->in_transaction = true;
	exec(b, "SELECT pg_advisory_xact_lock(" WRITE_LOCK ")");
}

static void
pg_begin_read(struct hb_book *b)
{
	exec(b, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
	b->in_transaction = true;
}

static void
pg_commit(struct hb_book *b)
{
	exec(b, "COMMIT");
	b->in_transaction = false;
}

static void
pg_rollback(struct hb_book *b)
{
	exec(b, "ROLLBACK");
	b->in_transaction = false;
}

/* ---- statements ------------------------------------------------------------ */

/* SQLite's ?N and ? placeholders as $N, outside quotes; the number of
 * parameters into *n. */
static char *
dollars(const char *sql, int *n)
{
	size_t len = strlen(sql), size = 4 * len + 1;
	char *out = hb_xmalloc(size), *o = out;
	int next = 0, max = 0;
	char quote = 0;

	for (const char *p = sql; *p; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
			*o++ = *p;
			continue;
		}
		if (*p == '\'' || *p == '"') {
			quote = *p;
			*o++ = *p;
			continue;
		}
		if (*p != '?') {
			*o++ = *p;
			continue;
		}
		if (isdigit((unsigned char)p[1])) {
			int v = 0;

			while (isdigit((unsigned char)p[1]))
				v = v * 10 + (*++p - '0');
			o += snprintf(o, size - (size_t)(o - out), "$%d", v);
			if (v > max)
				max = v;
		} else {
			o += snprintf(o, size - (size_t)(o - out), "$%d", ++next);
			if (next > max)
				max = next;
		}
	}
	*o = '\0';
	*n = max;
	return out;
}

static struct hb_engine_stmt *
pg_prepare(struct hb_book *b, const char *sql, unsigned flags)
{
	struct hb_engine_stmt *s = hb_xcalloc(1, sizeof *s);

	(void)b;
	s->sql = dollars(sql, &s->nparams);
	s->source = sql;
	if (s->nparams > MAX_PARAMS)
		hb_die(HB_EXIT_SOFTWARE, "a statement has %d parameters",
		    s->nparams);
	s->flags = flags;
	snprintf(s->name, sizeof s->name, "hb%u", ++counter);
	return s;
}

static void
clear_result(struct hb_book *b, struct hb_engine_stmt *s)
{
	char *text;

	if (s->res != NULL)
		PQclear(s->res);
	s->res = NULL;
	if (s->cursor && s->running && b->in_transaction) {
		text = hb_xprintf("CLOSE %s", s->name);
		exec(b, text);
		free(text);
	}
	s->cursor = s->cursor_done = s->running = false;
	s->row = s->nrows = 0;
}

static void
pg_reset(struct hb_book *b, struct hb_engine_stmt *s)
{
	clear_result(b, s);
	for (int i = 0; i < MAX_PARAMS; i++) {
		if (s->values[i] != s->numbers[i])
			free(s->values[i]);
		s->values[i] = NULL;
	}
}

static void
pg_finalize(struct hb_book *b, struct hb_engine_stmt *s)
{
	if (s == NULL)
		return;
	pg_reset(b, s);
	free(s->sql);
	free(s);
}

static void
set_value(struct hb_engine_stmt *s, int i, unsigned type, const char *v,
    bool number)
{
	/* A parameter the statement does not have is a bug in book.c. */
	if (i < 1 || i > s->nparams)
		hb_die(HB_EXIT_SOFTWARE, "parameter %d of a statement with %d: "
		    "%s", i, s->nparams, s->source);
	i--;
	if (s->values[i] != s->numbers[i])
		free(s->values[i]);
	s->values[i] = NULL;
	/* The first value bound decides the type declared at PREPARE; a
	 * value of the other kind later is a bug in book.c, named here
	 * rather than as the server's "invalid input syntax". */
	if (!s->prepared)
		s->types[i] = type;
	else if (v != NULL && s->types[i] != 0 && s->types[i] != type)
		hb_die(HB_EXIT_SOFTWARE, "parameter %d bound as %s, prepared as "
		    "%s: %s", i + 1, type == INT8OID ? "bigint" : "text",
		    s->types[i] == INT8OID ? "bigint" : "text", s->source);
	if (v == NULL)
		return;
	if (number) {
		snprintf(s->numbers[i], sizeof s->numbers[i], "%s", v);
		s->values[i] = s->numbers[i];
	} else {
		s->values[i] = hb_xstrdup(v);
	}
}

static void
pg_bind_int(struct hb_engine_stmt *s, int i, int64_t v)
{
	char buf[24];

	snprintf(buf, sizeof buf, "%lld", (long long)v);
	set_value(s, i, INT8OID, buf, true);
}

static void
pg_bind_text(struct hb_engine_stmt *s, int i, const char *v)
{
	set_value(s, i, TEXTOID, v, false);
}

static void
pg_bind_null_int(struct hb_engine_stmt *s, int i)
{
	set_value(s, i, INT8OID, NULL, true);
}

static void
run(struct hb_book *b, struct hb_engine_stmt *s)
{
	PGresult *res;
	char *text;

	if (!s->prepared) {
		res = PQprepare(conn_of(b), s->name, s->sql, s->nparams,
		    s->types);
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			fail(b, res, s->source);
		PQclear(res);
		s->prepared = true;
	}
	s->running = true;
	s->row = -1;
	/* A long result inside a transaction: a cursor over the prepared
	 * statement's text, read a chunk at a time. */
	if ((s->flags & HB_STMT_STREAM) && b->in_transaction) {
		text = hb_xprintf("DECLARE %s NO SCROLL CURSOR FOR %s", s->name,
		    s->sql);
		res = PQexecParams(conn_of(b), text, s->nparams, s->types,
		    (const char *const *)s->values, NULL, NULL, 0);
		free(text);
		if (PQresultStatus(res) != PGRES_COMMAND_OK)
			fail(b, res, s->source);
		PQclear(res);
		s->cursor = true;
		s->nrows = 0;
		return;
	}
	res = PQexecPrepared(conn_of(b), s->name, s->nparams,
	    (const char *const *)s->values, NULL, NULL, 0);
	if (PQresultStatus(res) != PGRES_TUPLES_OK &&
	    PQresultStatus(res) != PGRES_COMMAND_OK)
		fail(b, res, s->source);
	s->res = res;
	s->nrows = PQntuples(res);
}

static bool
fetch(struct hb_book *b, struct hb_engine_stmt *s)
{
	char *text = hb_xprintf("FETCH " FETCH_ROWS " FROM %s", s->name);
	PGresult *res = PQexec(conn_of(b), text);

	free(text);
	if (PQresultStatus(res) != PGRES_TUPLES_OK)
		fail(b, res, s->source);
	if (s->res != NULL)
		PQclear(s->res);
	s->res = res;
	s->nrows = PQntuples(res);
	s->row = -1;
	if (s->nrows == 0)
		s->cursor_done = true;
	return s->nrows > 0;
}

static bool
pg_step(struct hb_book *b, struct hb_engine_stmt *s)
{
	if (!s->running)
		run(b, s);
	if (++s->row < s->nrows)
		return true;
	if (s->cursor && !s->cursor_done && fetch(b, s)) {
		s->row = 0;
		return true;
	}
	clear_result(b, s);
	return false;
}

static bool
pg_column_null(struct hb_engine_stmt *s, int i)
{
	return PQgetisnull(s->res, s->row, i);
}

static int64_t
pg_column_int(struct hb_engine_stmt *s, int i)
{
	const char *v;
	char *end;
	long long n;

	if (PQgetisnull(s->res, s->row, i))
		return 0;
	v = PQgetvalue(s->res, s->row, i);
	/* A boolean expression, where SQLite gives 0 or 1. */
	if (v[0] == 't' && v[1] == '\0')
		return 1;
	if (v[0] == 'f' && v[1] == '\0')
		return 0;
	errno = 0;
	n = strtoll(v, &end, 10);
	/* A sum is numeric on the server, and may not fit where SQLite's
	 * sum() would have failed. */
	if (errno == ERANGE)
		hb_die(HB_EXIT_DATA, "the total of %s is too large",
		    hb_book_total_of(NULL, s->source));
	return n;
}

static const char *
pg_column_text(struct hb_engine_stmt *s, int i)
{
	if (PQgetisnull(s->res, s->row, i))
		return NULL;
	return PQgetvalue(s->res, s->row, i);
}

/* ---- the bulk path ----------------------------------------------------------- */

/* The row a COPY error names: its CONTEXT reads "COPY entry, line 3" or
 * "COPY entry, line 3, column note: ..."; 0 when it names none. */
static long
copy_row(const PGresult *res)
{
	const char *ctx = PQresultErrorField(res, PG_DIAG_CONTEXT);
	const char *p = ctx ? strstr(ctx, ", line ") : NULL;

	return p ? strtol(p + 7, NULL, 10) : 0;
}

static void
pg_copy_in(struct hb_book *b, const char *copy, const char *data, size_t len,
    void (*at_row)(void *ctx, long row), void *ctx)
{
	PGconn *conn = conn_of(b);
	PGresult *res = PQexec(conn, copy);
	bool failed;

	if (PQresultStatus(res) != PGRES_COPY_IN)
		fail(b, res, copy);
	PQclear(res);
	/* libpq takes an int: a chunk is a few MiB, a row at most one. */
	while (len > 0) {
		int n = len > (1u << 30) ? 1 << 30 : (int)len;

		if (PQputCopyData(conn, data, n) != 1)
			fail(b, NULL, copy);
		data += n;
		len -= (size_t)n;
	}
	if (PQputCopyEnd(conn, NULL) != 1)
		fail(b, NULL, copy);
	res = PQgetResult(conn);
	failed = PQresultStatus(res) != PGRES_COMMAND_OK;
	if (failed) {
		PGresult *more;

		/* The connection answers once more (NULL) before it takes
		 * another command. */
		while ((more = PQgetResult(conn)) != NULL)
			PQclear(more);
		at_row(ctx, copy_row(res));
		fail(b, res, copy);
	}
	PQclear(res);
	while ((res = PQgetResult(conn)) != NULL)
		PQclear(res);
}

/* ---- checks ---------------------------------------------------------------- */

/* The server keeps its own pages whole (checksums, its WAL and crash
 * recovery are the cluster's): a batch has nothing to look at first, and
 * references are foreign keys it enforces on every write.  What
 * book-check can say of a PostgreSQL book is the ledger's arithmetic
 * (check.c), which is the engine's neither. */
static void
pg_verify(struct hb_book *b)
{
	(void)b;
}

static void
pg_check_storage(struct hb_book *b, void (*fn)(void *, const char *),
    void *ctx)
{
	(void)b, (void)fn, (void)ctx;
}

static void
pg_check_references(struct hb_book *b, void (*fn)(void *, const char *,
    int64_t, const char *), void *ctx)
{
	(void)b, (void)fn, (void)ctx;
}

static void
pg_check_wal(struct hb_book *b, void (*fn)(void *, const char *), void *ctx)
{
	(void)b, (void)fn, (void)ctx;
}

/* ---- the test of every statement ---------------------------------------- */

/* Prepare sql on the server, as run() would, with the types given (else
 * the server's inference), and forget it again.  The server checks at
 * PREPARE what it can: syntax, names, functions and operators, GROUP BY,
 * and that each parameter has a type. */
static char *
pg_compile(struct hb_book *b, const char *sql, const char *types)
{
	unsigned int oids[MAX_PARAMS] = { 0 };
	size_t ntypes = strlen(types);
	char *text, *error = NULL, line[400];
	const char *state;
	PGresult *res;
	int n;

	text = dollars(sql, &n);
	if (n > MAX_PARAMS) {
		free(text);
		return hb_xprintf("%d parameters, more than the engine's %d", n,
		    MAX_PARAMS);
	}
	for (int i = 0; i < n && (size_t)i < ntypes; i++)
		oids[i] = types[i] == 'i' ? INT8OID : types[i] == 't' ? TEXTOID
		    : 0;
	res = PQprepare(conn_of(b), "hb_compile", text, n, oids);
	free(text);
	if (PQresultStatus(res) != PGRES_COMMAND_OK) {
		state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
		first_line(b, PQresultErrorMessage(res), line, sizeof line);
		error = hb_xprintf("%s (SQLSTATE %s)", line, state ? state
		    : "none");
		PQclear(res);
		return error;
	}
	PQclear(res);
	exec(b, "DEALLOCATE hb_compile");
	return NULL;
}

const struct hb_engine hb_engine_postgresql = {
	"postgresql",
	pg_open, pg_close, pg_version, pg_migrate,
	pg_begin_write, pg_begin_read, pg_commit, pg_rollback,
	pg_prepare, pg_finalize, pg_bind_int, pg_bind_text, pg_bind_null_int,
	pg_step, pg_reset, pg_column_null, pg_column_int, pg_column_text,
	pg_verify, pg_check_storage, pg_check_references, pg_check_wal,
	pg_copy_in,
	pg_compile,
	NULL,	/* last_id: INSERT ... RETURNING */
};
