/* Unit test of the book's statements on both engines: every statement of
 * book.c (sql[], its PostgreSQL overrides sql_pg[], query_sql[]) compiles
 * in a new book of each engine, so a dialect drift (a function one engine
 * lacks, a GROUP BY PostgreSQL refuses, a parameter it cannot type) is
 * caught here, named, and not by the first user who runs that statement.
 *
 * SQLite always; PostgreSQL when PGHOST is set (as scripts/test sets it for
 * its PostgreSQL run): in a scratch database of that cluster, made and
 * dropped here.  Without PGHOST that half says it is skipped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <libpq-fe.h>

#include "book-internal.h"
#include "hourbook/diag.h"

/* The statements PostgreSQL runs in words of its own (sql_pg[]).  Adding
 * one is a decision, not a drift: count it here, with its reason.
 *   SQL_PROJECT_GET, SQL_PROJECT_ALL: a project's settings joined into
 *     one text: string_agg (SQLite 3.40 has none; PostgreSQL has no
 *     group_concat).
 *   SQL_EXPORT_ENTRIES: an entry's packages joined the same way.
 *   SQL_ENTRY_INSERT: RETURNING id; SQLite reads the id with
 *     sqlite3_last_insert_rowid, as RETURNING there costs as much as
 *     the insert (an import's hot path). */
#define OVERRIDES 4

/* The statements PostgreSQL cannot type from their text alone, with the
 * types their callers bind, one letter a parameter ('i' bigint, 't'
 * text).  Each has a parameter used in "?N IS NULL OR x = ?N": the server
 * sees the IS NULL before the comparison that would type it, and refuses
 * ("could not determine data type of parameter $N").  The engine runs
 * them because it declares every parameter with the type of the value
 * first bound to it (store_pg.c), so here they are declared the same way,
 * as book.c's functions bind them (read from the code, and seen at the
 * engine's PREPARE over the whole suite on PostgreSQL).  Every other
 * statement is left for the server to type.  A statement that no longer
 * needs its types declared fails the test: drop it from here. */
static const struct {
	const char *statement;
	const char *types;
} bound[] = {
	{ "SQL_PERSON_ALL", "tt" },		/* client, project */
	{ "SQL_PROJECT_ALL", "t" },		/* client */
	/* project, statuses, assignee, kind, overdue day, due before,
	 * client, final states, today, by priority */
	{ "SQL_TASK_SELECT", "tttttttttt" },
	/* The scope (client, project, package id, project id), then the
	 * day (and the first of its month) or the states. */
	{ "SQL_SCOPE_PACKAGES", "ttii" },
	{ "SQL_SCOPE_LOADS", "ttiit" },
	{ "SQL_SCOPE_USE", "ttiitt" },
	{ "SQL_SCOPE_PERIODS", "ttiit" },
	{ "SQL_SCOPE_COMMITTED", "ttiitttttttt" },
	{ "SQL_ONE_PACKAGES", "ttii" },
	{ "SQL_ONE_LOADS", "ttiit" },
	{ "SQL_ONE_USE", "ttiitt" },
	{ "SQL_ONE_PERIODS", "ttiit" },
	{ "SQL_ONE_COMMITTED", "ttiitttttttt" },
	{ "SQL_PACKAGE_SELECT", "tti" },	/* client, project, package */
	{ "SQL_WITHDRAWAL_SELECT", "ttt" },	/* person, from, to */
	{ "SQL_EARNING_SELECT", "ttt" },	/* person, from, to */
	/* Every export: client, project, package, person, from, to; the
	 * activities also the instants that bound from and to. */
	{ "SQL_EXPORT_ACTIVITIES", "ttittttt" },
	{ "SQL_EXPORT_ENTRIES", "ttittt" },
	{ "SQL_EXPORT_COMMENTS", "ttittt" },
	{ "SQL_EXPORT_EVENTS", "ttittt" },
	/* client, project, package, from, to (billing.c) */
	{ "HB_Q_INVOICES_ALL", "ttitt" },
	/* project, final states (sla.c) */
	{ "HB_Q_SLA_TASKS", "tt" },
	{ "HB_Q_SLA_COMMENTS", "tt" },
	/* client, project (sales.c) */
	{ "HB_Q_SHARE_PROJECTS", "tt" },
	/* complaint, client, project (voucher.c) */
	{ "HB_Q_COMPLAINTS", "itt" },
	/* client, project, package, first and last month (sheet.c) */
	{ "HB_Q_SHEET_VOUCHERS", "ttitt" },
};
#define NBOUND (sizeof bound / sizeof bound[0])

struct run {
	struct hb_book *book;
	bool pg;
	int statements;
	int failed;
	int overridden;
	bool seen[NBOUND];
};

/* The types bound[] declares for the statement, or "" (the server's). */
static const char *
types_of(struct run *r, const char *name)
{
	for (size_t i = 0; i < NBOUND; i++)
		if (name != NULL && strcmp(bound[i].statement, name) == 0) {
			r->seen[i] = true;
			return bound[i].types;
		}
	return "";
}

static void
compile_one(void *ctx, const struct hb_book_statement *st)
{
	struct run *r = ctx;
	const char *types = types_of(r, st->name);
	char label[48];
	char *error, *inferred;

	if (st->name != NULL)
		snprintf(label, sizeof label, "%s", st->name);
	else
		snprintf(label, sizeof label, "statement %zu (not named in "
		    "book.c)", st->id);
	r->statements++;
	if (st->overridden)
		r->overridden++;
	error = r->book->engine->compile(r->book, st->sql, types);
	if (error == NULL && r->pg && *types != '\0') {
		inferred = r->book->engine->compile(r->book, st->sql, "");
		if (inferred == NULL)
			error = hb_xstrdup("the server types its parameters from "
			    "the text now: drop it from bound[]");
		free(inferred);
	}
	if (error != NULL) {
		print_error("%s on %s: %s\n    %.80s\n", label,
		    r->book->engine->name, error, st->sql);
		if (strstr(error, "could not determine data type") != NULL)
			print_error("    (the engine types a parameter from the "
			    "value its caller binds: add the statement to "
			    "bound[] with those types)\n");
		r->failed++;
		free(error);
	}
}

static void
compile_all(struct run *r)
{
	hb_book_each_statement(r->book, compile_one, r);
	print_message("%s: %d statements compiled, %d failed; %d with a "
	    "PostgreSQL text of their own\n", r->book->engine->name,
	    r->statements, r->failed, r->overridden);
	assert_true(r->statements > 0);
	if (r->failed > 0)
		fail_msg("%d statements do not compile on %s (above)", r->failed,
		    r->book->engine->name);
	if (r->overridden != OVERRIDES)
		fail_msg("%d statements have a PostgreSQL override, and the "
		    "test counts %d: list the new one in OVERRIDES, with its "
		    "reason", r->overridden, OVERRIDES);
}

static struct hb_book *
new_book(const char *location)
{
	struct hb_book_config cfg = { 0 };
	bool made;

	cfg.location = location;
	cfg.mode = HB_BOOK_CREATE;
	cfg.busy_ms = 5000;
	cfg.zone = "UTC";
	return hb_book_connect(&cfg, &made);
}

static void
test_sqlite(void **state)
{
	char dir[] = "/tmp/hourbook-statements.XXXXXX", path[64], cmd[96];
	struct run r = { 0 };

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/book.db", dir);
	r.book = new_book(path);
	compile_all(&r);
	hb_book_close(r.book);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* The scratch database, dropped however the program ends. */
static char scratch[40];

static PGconn *
maintenance(void)
{
	PGconn *c = PQconnectdb("dbname=postgres");

	if (PQstatus(c) != CONNECTION_OK)
		fail_msg("cannot reach the cluster of PGHOST=%s: %s",
		    getenv("PGHOST"), PQerrorMessage(c));
	return c;
}

static bool
maintain(PGconn *c, const char *verb)
{
	char text[96];
	PGresult *res;
	bool ok;

	snprintf(text, sizeof text, "%s DATABASE %s%s", verb, scratch,
	    strcmp(verb, "DROP") == 0 ? " WITH (FORCE)" : "");
	res = PQexec(c, text);
	ok = PQresultStatus(res) == PGRES_COMMAND_OK;
	if (!ok)
		print_error("%s: %s", text, PQerrorMessage(c));
	PQclear(res);
	return ok;
}

static void
drop_scratch(void)
{
	PGconn *c;

	if (scratch[0] == '\0')
		return;
	c = PQconnectdb("dbname=postgres");
	if (PQstatus(c) == CONNECTION_OK)
		maintain(c, "DROP");
	PQfinish(c);
	scratch[0] = '\0';
}

static void
test_postgresql(void **state)
{
	char url[64];
	struct run r = { 0 };
	PGconn *c;

	(void)state;
	if (getenv("PGHOST") == NULL) {
		print_message("PostgreSQL half skipped: PGHOST is not set (the "
		    "PostgreSQL run of scripts/test sets it)\n");
		skip();
	}
	c = maintenance();
	snprintf(scratch, sizeof scratch, "hb_stmt_%ld", (long)getpid());
	assert_true(maintain(c, "CREATE"));
	PQfinish(c);
	atexit(drop_scratch);
	/* Host, port and user come from PG* as for any libpq client. */
	snprintf(url, sizeof url, "postgresql:///%s", scratch);
	r.book = new_book(url);
	r.pg = true;
	compile_all(&r);
	for (size_t i = 0; i < NBOUND; i++)
		if (!r.seen[i])
			fail_msg("%s in bound[] is no statement of book.c",
			    bound[i].statement);
	hb_book_close(r.book);
	drop_scratch();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sqlite),
		cmocka_unit_test(test_postgresql),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
