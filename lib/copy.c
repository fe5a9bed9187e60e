/*
 * copy: a whole book into an empty place (copy.h), with the engine
 * operations of two books: read from one, write into the other.
 *
 * The one list below names every table of a book, in an order in which
 * each row's references are copied before it, and every column with its
 * kind (integer or text), which decides how a value is read and bound:
 * the PostgreSQL engine declares a parameter's type from its first bind,
 * so a NULL is bound as the column's kind, never guessed from the value.
 * The statements are made from the list (its names are this file's
 * constants, never input), and the list is checked against the catalogue
 * of both books before a row moves, so it cannot fall behind the schema
 * unseen.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "book-internal.h"
#include "hourbook/copy.h"
#include "hourbook/diag.h"

enum kind { INT, TEXT };

struct column {
	const char *name;
	enum kind kind;
};

struct table {
	const char *name;
	const char *order;	/* the key: rows are copied in its order, so
				   that a row referring to an earlier row of
				   its table (a reply, a reversal) finds it */
	const struct column *columns;	/* ends with a NULL name */
	/* A reference that makes a cycle (a client's contact is a person
	 * of the client): written as NULL with the row, and set once every
	 * table is in.  Its table's first column is its key, "id". */
	const char *late;
};

#define END { NULL, INT }

static const struct column setting[] = {
	{ "key", TEXT }, { "value", TEXT }, END
};
static const struct column holiday[] = {
	{ "day", TEXT }, { "name", TEXT }, END
};
static const struct column client[] = {
	{ "id", INT }, { "name", TEXT }, { "display_name", TEXT },
	{ "email", TEXT }, { "currency", TEXT }, { "contact_id", INT },
	{ "created", TEXT }, { "lang", TEXT }, END
};
static const struct column person[] = {
	{ "id", INT }, { "handle", TEXT }, { "name", TEXT }, { "email", TEXT },
	{ "role", TEXT }, { "rate", INT }, { "client_id", INT },
	{ "created", TEXT }, END
};
static const struct column project[] = {
	{ "id", INT }, { "code", TEXT }, { "client_id", INT }, { "name", TEXT },
	{ "rate", INT }, { "model", TEXT }, { "penalty_base", INT },
	{ "penalty_daily", INT }, { "created", TEXT },
	{ "support_hours", TEXT }, { "priority", TEXT },
	{ "deemed_delivery", INT }, END
};
static const struct column person_rate[] = {
	{ "person_id", INT }, { "from_day", TEXT }, { "rate", INT }, END
};
static const struct column project_rate[] = {
	{ "project_id", INT }, { "from_day", TEXT }, { "rate", INT }, END
};
static const struct column project_setting[] = {
	{ "project_id", INT }, { "key", TEXT }, { "value", TEXT }, END
};
static const struct column member[] = {
	{ "project_id", INT }, { "person_id", INT }, { "joined", TEXT },
	{ "left_at", TEXT }, END
};
static const struct column event[] = {
	{ "id", INT }, { "at", TEXT }, { "actor", TEXT }, { "entity", TEXT },
	{ "key", TEXT }, { "what", TEXT }, { "old", TEXT }, { "new", TEXT },
	{ "reason", TEXT }, END
};
static const struct column task[] = {
	{ "id", INT }, { "project_id", INT }, { "kind", TEXT },
	{ "title", TEXT }, { "description", TEXT }, { "status", TEXT },
	{ "blocked_from", TEXT }, { "assignee_id", INT }, { "estimate", INT },
	{ "due", TEXT }, { "due_kind", TEXT }, { "urgent", INT },
	{ "extra", INT }, { "fee", INT }, { "created", TEXT },
	{ "updated", TEXT }, { "worked", INT }, { "billed", INT },
	{ "overage", INT }, END
};
static const struct column comment[] = {
	{ "id", INT }, { "task_id", INT }, { "author", TEXT }, { "body", TEXT },
	{ "reply_to", INT }, { "created", TEXT }, END
};
static const struct column package[] = {
	{ "id", INT }, { "project_id", INT }, { "plan", TEXT },
	{ "minutes", INT }, { "bonus_minutes", INT }, { "discount", INT },
	{ "bonus", INT }, { "months", INT }, { "rate", INT }, { "price", INT },
	{ "expires", TEXT }, { "lapse", INT }, { "status", TEXT },
	{ "created", TEXT }, { "start_month", TEXT }, { "closed_on", TEXT },
	END
};
static const struct column package_invoice[] = {
	{ "id", INT }, { "package_id", INT }, { "period", INT },
	{ "amount", INT }, { "issued", TEXT }, END
};
static const struct column package_payment[] = {
	{ "id", INT }, { "package_id", INT }, { "period", INT },
	{ "paid", TEXT }, END
};
static const struct column hours_ledger[] = {
	{ "id", INT }, { "package_id", INT }, { "kind", TEXT },
	{ "minutes", INT }, { "period", INT }, { "day", TEXT }, END
};
static const struct column entry[] = {
	{ "id", INT }, { "task_id", INT }, { "person_id", INT },
	{ "day", TEXT }, { "minutes", INT }, { "billable", INT },
	{ "overage", INT }, { "package_id", INT }, { "package_minutes", INT },
	{ "earned", INT }, { "note", TEXT }, { "reverses", INT },
	{ "reason", TEXT }, { "actor", TEXT }, { "created", TEXT },
	{ "ref", TEXT }, END
};
static const struct column entry_split[] = {
	{ "entry_id", INT }, { "package_id", INT }, { "minutes", INT }, END
};
static const struct column package_use[] = {
	{ "package_id", INT }, { "day", TEXT }, { "minutes", INT }, END
};
static const struct column package_month[] = {
	{ "package_id", INT }, { "month", TEXT }, { "minutes", INT }, END
};
static const struct column person_earned[] = {
	{ "person_id", INT }, { "currency", TEXT }, { "earned", INT }, END
};
static const struct column money_ledger[] = {
	{ "id", INT }, { "person_id", INT }, { "kind", TEXT },
	{ "amount", INT }, { "task_id", INT }, { "day", TEXT },
	{ "created", TEXT }, { "currency", TEXT }, END
};
static const struct column withdrawal[] = {
	{ "id", INT }, { "person_id", INT }, { "amount", INT },
	{ "requested", TEXT }, { "month", TEXT }, { "due", TEXT },
	{ "key", TEXT }, { "actor", TEXT }, { "currency", TEXT }, END
};
static const struct column withdrawal_outcome[] = {
	{ "withdrawal_id", INT }, { "outcome", TEXT }, { "reason", TEXT },
	{ "day", TEXT }, { "actor", TEXT }, { "created", TEXT }, END
};
static const struct column invoice[] = {
	{ "id", INT }, { "project_id", INT }, { "package_id", INT },
	{ "period", TEXT }, { "currency", TEXT }, { "created", TEXT }, END
};
static const struct column invoice_line[] = {
	{ "invoice_id", INT }, { "line", INT }, { "kind", TEXT },
	{ "description", TEXT }, { "quantity_minutes", INT },
	{ "unit_price", INT }, { "amount", INT }, { "task_id", INT },
	{ "package_invoice_id", INT }, { "sales_id", INT },
	{ "complaint_id", INT }, END
};
static const struct column batch[] = {
	{ "id", INT }, { "command", TEXT }, { "digest", TEXT },
	{ "name", TEXT }, { "records", INT }, { "actor", TEXT },
	{ "at", TEXT }, END
};
static const struct column request_key[] = {
	{ "id", INT }, { "command", TEXT }, { "actor", TEXT },
	{ "key", TEXT }, { "digest", TEXT }, { "output", TEXT },
	{ "at", TEXT }, END
};
static const struct column sales_share[] = {
	{ "project_id", INT }, { "from_month", TEXT }, { "minimum", INT },
	{ "kpi", TEXT }, { "threshold", INT }, { "percent", INT },
	{ "cap", INT }, END
};
static const struct column sales[] = {
	{ "id", INT }, { "project_id", INT }, { "month", TEXT },
	{ "units", INT }, { "revenue", INT }, { "note", TEXT },
	{ "reverses", INT }, { "reason", TEXT }, { "actor", TEXT },
	{ "created", TEXT }, END
};
static const struct column complaint[] = {
	{ "id", INT }, { "task_id", INT }, { "reason", TEXT },
	{ "status", TEXT }, { "actor", TEXT }, { "created", TEXT },
	{ "decision", TEXT }, { "decided_by", TEXT }, { "decided", TEXT },
	{ "minutes", INT }, { "amount", INT }, { "expires", TEXT },
	{ "package_id", INT }, { "period", INT }, END
};
static const struct column timer[] = {
	{ "person_id", INT }, { "task_id", INT }, { "started", TEXT },
	{ "note", TEXT }, { "actor", TEXT }, { "created", TEXT }, END
};

/* Every table of a book at schema HB_SCHEMA_VERSION, parents first.
 * (entry_split has no key: its order is its columns'.) */
static const struct table tables[] = {
	{ "setting", "key", setting, NULL },
	{ "holiday", "day", holiday, NULL },
	{ "client", "id", client, "contact_id" },
	{ "person", "id", person, NULL },
	{ "project", "id", project, NULL },
	{ "person_rate", "person_id, from_day", person_rate, NULL },
	{ "project_rate", "project_id, from_day", project_rate, NULL },
	{ "project_setting", "project_id, key", project_setting, NULL },
	{ "member", "project_id, person_id", member, NULL },
	{ "event", "id", event, NULL },
	{ "task", "id", task, NULL },
	{ "comment", "id", comment, NULL },
	{ "package", "id", package, NULL },
	{ "package_invoice", "id", package_invoice, NULL },
	{ "package_payment", "id", package_payment, NULL },
	{ "hours_ledger", "id", hours_ledger, NULL },
	{ "entry", "id", entry, NULL },
	{ "entry_split", "entry_id, package_id, minutes", entry_split, NULL },
	{ "package_use", "package_id, day", package_use, NULL },
	{ "package_month", "package_id, month", package_month, NULL },
	{ "person_earned", "person_id, currency", person_earned, NULL },
	{ "money_ledger", "id", money_ledger, NULL },
	{ "withdrawal", "id", withdrawal, NULL },
	{ "withdrawal_outcome", "withdrawal_id", withdrawal_outcome, NULL },
	{ "sales_share", "project_id, from_month", sales_share, NULL },
	{ "sales", "id", sales, NULL },
	{ "complaint", "id", complaint, NULL },
	{ "invoice", "id", invoice, NULL },
	{ "invoice_line", "invoice_id, line", invoice_line, NULL },
	{ "batch", "id", batch, NULL },
	{ "request_key", "id", request_key, NULL },
	{ "timer", "person_id", timer, NULL },
};
#define NTABLES (sizeof tables / sizeof tables[0])
#define MAX_COLUMNS 32

/* Each engine's catalogue: table, column and declared type of every
 * column of the book's tables, leaving out the engine's own (SQLite's
 * sqlite_*, the PostgreSQL book's schema version in hourbook_schema). */
static const char catalogue_sqlite[] =
	"SELECT m.name, p.name, p.type FROM sqlite_master m, "
	"pragma_table_info(m.name) p WHERE m.type = 'table' "
	"AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY m.name, p.cid";
static const char catalogue_pg[] =
	"SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) "
	"FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
	"ON n.oid = c.relnamespace JOIN pg_catalog.pg_attribute a "
	"ON a.attrelid = c.oid WHERE n.nspname = current_schema() "
	"AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped "
	"AND c.relname <> 'hourbook_schema' ORDER BY c.relname, a.attnum";

/* The declared types each engine gives the two kinds. */
static const struct {
	const char *type;
	enum kind kind;
} types[] = {
	{ "INTEGER", INT }, { "TEXT", TEXT },	/* SQLite (STRICT) */
	{ "bigint", INT }, { "text", TEXT },	/* PostgreSQL */
};

static const char *const kind_names[] = { "integer", "text" };

/* ---- the list against a book ------------------------------------------ */

static const struct table *
find_table(const char *name)
{
	for (size_t i = 0; i < NTABLES; i++)
		if (strcmp(tables[i].name, name) == 0)
			return &tables[i];
	return NULL;
}

static int
find_column(const struct table *t, const char *name)
{
	for (int i = 0; t->columns[i].name != NULL; i++)
		if (strcmp(t->columns[i].name, name) == 0)
			return i;
	return -1;
}

/* Every table and column of book is in the list with the same kind, and
 * every one of the list is in book; else exit 70, naming the first that
 * is not.  which is "the book" or "the new book", for the message. */
static void
check_catalogue(struct hb_book *b, const char *which)
{
	const struct hb_engine *e = b->engine;
	struct hb_engine_stmt *s = e->prepare(b, e == &hb_engine_postgresql
	    ? catalogue_pg : catalogue_sqlite, 0);
	static bool seen[NTABLES][MAX_COLUMNS];
	const char *table, *column, *type;
	const struct table *t;
	int i;
	size_t k;

	memset(seen, 0, sizeof seen);
	while (e->step(b, s)) {
		table = e->column_text(s, 0);
		column = e->column_text(s, 1);
		type = e->column_text(s, 2);
		if ((t = find_table(table)) == NULL)
			hb_book_fail(b, HB_EXIT_SOFTWARE, "%s has a table %s that "
			    "book-copy does not know: its list of tables "
			    "(lib/copy.c) is behind the schema; nothing was "
			    "copied", which, table);
		if ((i = find_column(t, column)) >= MAX_COLUMNS)
			hb_die(HB_EXIT_SOFTWARE, "copy.c: %s has more than %d "
			    "columns", table, MAX_COLUMNS);
		if (i < 0)
			hb_book_fail(b, HB_EXIT_SOFTWARE, "%s has a column %s.%s "
			    "that book-copy does not know: its list of tables "
			    "(lib/copy.c) is behind the schema; nothing was "
			    "copied", which, table, column);
		for (k = 0; k < sizeof types / sizeof types[0]; k++)
			if (type != NULL && strcmp(types[k].type, type) == 0)
				break;
		if (k == sizeof types / sizeof types[0] ||
		    types[k].kind != t->columns[i].kind)
			hb_book_fail(b, HB_EXIT_SOFTWARE, "%s has a column %s.%s of "
			    "type %s, and book-copy's list (lib/copy.c) says %s; "
			    "nothing was copied", which, table, column,
			    type ? type : "(none)", kind_names[t->columns[i].kind]);
		seen[t - tables][i] = true;
	}
	e->finalize(b, s);
	for (k = 0; k < NTABLES; k++)
		for (i = 0; tables[k].columns[i].name != NULL; i++)
			if (!seen[k][i])
				hb_book_fail(b, HB_EXIT_SOFTWARE, "%s has no column "
				    "%s.%s, which book-copy's list (lib/copy.c) "
				    "names; nothing was copied", which,
				    tables[k].name, tables[k].columns[i].name);
}

/* The new book's schema scripts wrote no row: what the copy writes is
 * all the copy holds (a timezone setting of the creator's would not be
 * the source's). */
static void
check_empty(struct hb_book *b)
{
	const struct hb_engine *e = b->engine;

	for (size_t k = 0; k < NTABLES; k++) {
		char *text = hb_xprintf("SELECT 1 FROM %s LIMIT 1",
		    tables[k].name);
		struct hb_engine_stmt *s = e->prepare(b, text, 0);
		bool row = e->step(b, s);

		e->finalize(b, s);
		free(text);
		if (row)
			hb_book_fail(b, HB_EXIT_SOFTWARE, "the new book's schema "
			    "scripts wrote rows into %s: a copy would not be "
			    "exact; nothing was copied", tables[k].name);
	}
}

/* ---- statements from the list ------------------------------------------ */

/* "a, b, c" or "?, ?, ?" */
static char *
column_list(const struct table *t, bool placeholders)
{
	char *text = hb_xstrdup(""), *next;

	for (int i = 0; t->columns[i].name != NULL; i++) {
		next = hb_xprintf("%s%s%s", text, i > 0 ? ", " : "",
		    placeholders ? "?" : t->columns[i].name);
		free(text);
		text = next;
	}
	return text;
}

static char *
select_text(const struct table *t)
{
	char *columns = column_list(t, false);
	char *text = hb_xprintf("SELECT %s FROM %s ORDER BY %s", columns,
	    t->name, t->order);

	free(columns);
	return text;
}

static char *
insert_text(const struct table *t)
{
	char *columns = column_list(t, false), *values = column_list(t, true);
	char *text = hb_xprintf("INSERT INTO %s (%s) VALUES (%s)", t->name,
	    columns, values);

	free(columns);
	free(values);
	return text;
}

/* ---- rows ------------------------------------------------------------------ */

/* A NULL of the column's kind: what the PostgreSQL engine declares. */
static void
null_of(const struct hb_engine *w, struct hb_engine_stmt *s, int i,
    enum kind kind)
{
	if (kind == TEXT)
		w->bind_text(s, i, NULL);
	else
		w->bind_null_int(s, i);
}

#define COPY_CHUNK (4u << 20)	/* bytes of rows sent at once */

static void
no_row(void *ctx, long row)
{
	(void)ctx, (void)row;
}

/* Copy table t through the target engine's bulk path (COPY), a chunk at
 * a time.  Returns the number of rows. */
static int64_t
copy_table_bulk(struct hb_book *from, struct hb_book *to,
    const struct table *t)
{
	const struct hb_engine *r = from->engine, *w = to->engine;
	char *columns = column_list(t, false), *select = select_text(t);
	char *copy = hb_xprintf("COPY %s (%s) FROM STDIN", t->name, columns);
	struct hb_engine_stmt *in = r->prepare(from, select, HB_STMT_STREAM);
	struct hb_copy_rows out = { 0 };
	int64_t rows = 0;
	int late = t->late != NULL ? find_column(t, t->late) : -1;

	while (r->step(from, in)) {
		for (int i = 0; t->columns[i].name != NULL; i++) {
			if (i == late || r->column_null(in, i))
				hb_copy_text(&out, NULL, i == 0);
			else if (t->columns[i].kind == TEXT)
				hb_copy_text(&out, r->column_text(in, i), i == 0);
			else
				hb_copy_int(&out, r->column_int(in, i), i == 0);
		}
		hb_copy_end_row(&out);
		rows++;
		if (out.len >= COPY_CHUNK) {
			w->copy_in(to, copy, out.buf, out.len, no_row, NULL);
			out.len = 0;
		}
	}
	if (out.len > 0)
		w->copy_in(to, copy, out.buf, out.len, no_row, NULL);
	r->finalize(from, in);
	free(out.buf);
	free(copy);
	free(select);
	free(columns);
	to->wrote = true;
	return rows;
}

/* Copy table t row by row: the source is read as a stream (a cursor on
 * PostgreSQL), each row bound by its columns' kinds and inserted; into
 * an engine with a bulk path, through it.  Returns the number of rows. */
static int64_t
copy_table(struct hb_book *from, struct hb_book *to, const struct table *t)
{
	const struct hb_engine *r = from->engine, *w = to->engine;
	char *select, *insert;
	struct hb_engine_stmt *in, *out;
	int64_t rows = 0;
	int late = t->late != NULL ? find_column(t, t->late) : -1;

	if (w->copy_in != NULL)
		return copy_table_bulk(from, to, t);
	select = select_text(t);
	insert = insert_text(t);
	in = r->prepare(from, select, HB_STMT_STREAM);
	out = w->prepare(to, insert, 0);
	while (r->step(from, in)) {
		for (int i = 0; t->columns[i].name != NULL; i++) {
			bool text = t->columns[i].kind == TEXT;

			if (i == late || (!text && r->column_null(in, i)))
				null_of(w, out, i + 1, t->columns[i].kind);
			else if (text)
				w->bind_text(out, i + 1, r->column_text(in, i));
			else
				w->bind_int(out, i + 1, r->column_int(in, i));
		}
		w->step(to, out);
		w->reset(to, out);
		rows++;
	}
	r->finalize(from, in);
	w->finalize(to, out);
	free(select);
	free(insert);
	to->wrote = true;
	return rows;
}

/* Set t's late column where the source has it. */
static void
copy_late(struct hb_book *from, struct hb_book *to, const struct table *t)
{
	const struct hb_engine *r = from->engine, *w = to->engine;
	char *select = hb_xprintf("SELECT id, %s FROM %s WHERE %s IS NOT NULL "
	    "ORDER BY id", t->late, t->name, t->late);
	char *update = hb_xprintf("UPDATE %s SET %s = ?2 WHERE id = ?1",
	    t->name, t->late);
	struct hb_engine_stmt *in = r->prepare(from, select, HB_STMT_STREAM);
	struct hb_engine_stmt *out = w->prepare(to, update, 0);

	while (r->step(from, in)) {
		w->bind_int(out, 1, r->column_int(in, 0));
		w->bind_int(out, 2, r->column_int(in, 1));
		w->step(to, out);
		w->reset(to, out);
	}
	r->finalize(from, in);
	w->finalize(to, out);
	free(select);
	free(update);
}

/* ---- a file made for the copy -----------------------------------------------
 *
 * A SQLite target that did not exist is made by the engine (a file, and
 * while it is open its -wal and -shm beside it).  Until the copy commits
 * it holds no book, and a copy that ends any other way removes it: at
 * exit (a failure ends the program), and on the signals a user sends.
 * SIGKILL leaves an empty SQLite file, without a table: the next copy
 * takes it, as it takes any empty file.  Armed only once the copy holds
 * the new book's write lock, so nothing that another process made there
 * is ever removed.
 */

static const int cleanup_signals[] = { SIGHUP, SIGINT, SIGTERM };
#define NSIGNALS (sizeof cleanup_signals / sizeof cleanup_signals[0])

static struct {
	char *path[4];
	volatile sig_atomic_t armed;
	bool handled[NSIGNALS];
	struct sigaction saved[NSIGNALS];
} made;

static void
remove_made(void)
{
	if (!made.armed)
		return;
	made.armed = 0;
	for (size_t i = 0; i < sizeof made.path / sizeof made.path[0]; i++)
		if (made.path[i] != NULL)
			unlink(made.path[i]);
}

/* Remove what we made, then let the signal do what it did before (the
 * temporary files of -o, or the default). */
static void
remove_made_and_die(int sig)
{
	remove_made();
	for (size_t i = 0; i < NSIGNALS; i++)
		if (cleanup_signals[i] == sig)
			sigaction(sig, &made.saved[i], NULL);
	raise(sig);
}

static void
arm(const struct hb_book *to)
{
	static const char *const sides[] = { "", "-wal", "-shm", "-journal" };
	static bool registered;
	struct sigaction sa, old;

	for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++)
		made.path[i] = hb_xprintf("%s%s", to->location, sides[i]);
	if (!registered)
		atexit(remove_made);
	registered = true;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = remove_made_and_die;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NSIGNALS; i++) {
		/* A signal the caller ignores (nohup) stays ignored. */
		made.handled[i] = sigaction(cleanup_signals[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN &&
		    sigaction(cleanup_signals[i], &sa, &made.saved[i]) == 0;
	}
	made.armed = 1;
}

/* The file is the copy's result, or gone: no more to remove. */
static void
disarm(void)
{
	made.armed = 0;
	for (size_t i = 0; i < NSIGNALS; i++)
		if (made.handled[i])
			sigaction(cleanup_signals[i], &made.saved[i], NULL);
	for (size_t i = 0; i < sizeof made.path / sizeof made.path[0]; i++) {
		free(made.path[i]);
		made.path[i] = NULL;
	}
}

static void
hold_signals(bool hold, sigset_t *saved)
{
	sigset_t set;

	if (!hold) {
		sigprocmask(SIG_SETMASK, saved, NULL);
		return;
	}
	sigemptyset(&set);
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaddset(&set, cleanup_signals[i]);
	sigprocmask(SIG_BLOCK, &set, saved);
}

/* ---- the copy ---------------------------------------------------------------- */

/* Are the two locations one SQLite file? */
static bool
same_file(const struct hb_book *a, const struct hb_book *b)
{
	struct stat sa, sb;

	if (strcmp(a->location, b->location) == 0)
		return true;
	return a->engine == &hb_engine_sqlite && b->engine == &hb_engine_sqlite &&
	    stat(a->location, &sa) == 0 && stat(b->location, &sb) == 0 &&
	    sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

void
hb_book_copy(struct hb_book *from, const struct hb_book_config *to_cfg,
    bool dry_run, void (*fn)(void *ctx, const char *table, int64_t rows),
    void *ctx, struct hb_copy_result *out)
{
	struct hb_book_config cfg = *to_cfg;
	struct hb_book *to;
	int64_t version;
	sigset_t saved;

	memset(out, 0, sizeof *out);
	/* Nothing is read for the copy before the list is known to fit. */
	check_catalogue(from, "the book");
	cfg.mode = HB_BOOK_CREATE;
	cfg.dry_run = false;
	to = hb_book_connect_new(&cfg, &version);
	if (version != 0) {
		if (same_file(from, to))
			hb_book_fail(to, HB_EXIT_REFUSED, "is the book being "
			    "copied: FROM and TO are the same book; nothing was "
			    "changed");
		hb_book_fail(to, HB_EXIT_REFUSED, "holds a book already "
		    "(schema version %lld): book-copy writes only into an "
		    "empty place (a new or empty file, an empty PostgreSQL "
		    "database); nothing was changed", (long long)version);
	}
	out->created = to->created;
	if (to->created)
		arm(to);
	check_catalogue(to, "the new book");
	check_empty(to);
	for (size_t k = 0; k < NTABLES; k++) {
		int64_t rows = copy_table(from, to, &tables[k]);

		out->tables++;
		out->rows += rows;
		fn(ctx, tables[k].name, rows);
	}
	for (size_t k = 0; k < NTABLES; k++)
		if (tables[k].late != NULL)
			copy_late(from, to, &tables[k]);
	out->target = hb_xstrdup(hb_book_location(to));
	if (dry_run) {
		hb_book_rollback(to);
		hb_book_close(to);
		remove_made();
		disarm();
		return;
	}
	/* A signal between the commit and the disarming would remove a
	 * whole book: it waits until the file is the result. */
	hold_signals(true, &saved);
	hb_book_commit(to);
	disarm();
	hold_signals(false, &saved);
	hb_book_close(to);
}
