/*
 * book-internal: what the engine-neutral store (book.c) asks of a storage
 * engine, and the book as both see it.
 *
 * Like git's refs-internal.h or SQLite's btreeInt.h: the domain sees only
 * book.h; book.c holds every statement's text, once for both engines
 * wherever one text serves, and the functions the domain calls; an engine
 * (store_sqlite.c, store_pg.c) knows how to open a location, run a
 * transaction, prepare, bind, step and read a statement, and how to turn
 * its errors into hourbook's exit statuses.  Engines never see a record.
 */
#ifndef HOURBOOK_BOOK_INTERNAL_H
#define HOURBOOK_BOOK_INTERNAL_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "hourbook/book.h"
#include "hourbook/date.h"

/* An engine's prepared statement. */
struct hb_engine_stmt;
struct stmt;
/* Rows waiting for an engine's bulk path (book.c). */
struct bulk;
/* The settings read in this transaction (book.c). */
struct settings;

/* Flags of a statement. */
enum {
	HB_STMT_STREAM = 1 << 0	/* may return very many rows: an engine
				   that holds results in memory reads it
				   through a cursor, a chunk at a time */
};

struct hb_engine {
	const char *name;	/* "sqlite", "postgresql" */
	/* Open book->location as the config says.  Refuses what is not a
	 * book before writing anything, and an empty book (a missing file,
	 * an empty database) to all but a setup command (HB_BOOK_CREATE,
	 * not a dry run), after calling cfg->before_create.  Dies with the
	 * exit status the failure deserves. */
	void (*open)(struct hb_book *book, const struct hb_book_config *cfg);
	void (*close)(struct hb_book *book);

	/* The schema version of the book, 0 when empty. */
	int64_t (*version)(struct hb_book *book);
	/* Inside the open write transaction: run one migration script (its
	 * statements separated by ';') that takes the book to version to,
	 * and record the version. */
	void (*migrate)(struct hb_book *book, const char *script, int64_t to);

	/* Transactions: a write (one writer decides at a time, waiting up
	 * to the busy timeout, else exit 75), a read (one snapshot). */
	void (*begin_write)(struct hb_book *book);
	void (*begin_read)(struct hb_book *book);
	void (*commit)(struct hb_book *book);
	void (*rollback)(struct hb_book *book);

	/* Statements: sql uses ?N (or ?) placeholders. */
	struct hb_engine_stmt *(*prepare)(struct hb_book *book,
	    const char *sql, unsigned flags);
	void (*finalize)(struct hb_book *book, struct hb_engine_stmt *s);
	void (*bind_int)(struct hb_engine_stmt *s, int i, int64_t v);
	/* v NULL binds a NULL of type text. */
	void (*bind_text)(struct hb_engine_stmt *s, int i, const char *v);
	void (*bind_null_int)(struct hb_engine_stmt *s, int i);
	/* The next row: true when there is one; false when done (the
	 * statement may then be run again with new values). */
	bool (*step)(struct hb_book *book, struct hb_engine_stmt *s);
	/* Done with s before its last row, or to bind anew: forget the
	 * rows and the values bound. */
	void (*reset)(struct hb_book *book, struct hb_engine_stmt *s);
	bool (*column_null)(struct hb_engine_stmt *s, int i);
	int64_t (*column_int)(struct hb_engine_stmt *s, int i);
	/* Borrowed until the next step; NULL for SQL NULL. */
	const char *(*column_text)(struct hb_engine_stmt *s, int i);

	/* The whole book's structure, before a batch writes: a damaged book
	 * ends the program (hb_book_damaged). */
	void (*verify)(struct hb_book *book);
	/* book-check's look at the storage itself: each problem the
	 * engine's own check finds; each row that breaks a reference; each
	 * commit the engine drops unseen.  An engine that has nothing to
	 * say says nothing. */
	void (*check_storage)(struct hb_book *book,
	    void (*fn)(void *ctx, const char *message), void *ctx);
	void (*check_references)(struct hb_book *book,
	    void (*fn)(void *ctx, const char *table, int64_t rowid,
	    const char *parent), void *ctx);
	void (*check_wal)(struct hb_book *book,
	    void (*fn)(void *ctx, const char *message), void *ctx);

	/* The bulk path, or NULL for an engine whose prepared INSERTs are
	 * as fast: run copy ("COPY table (columns) FROM STDIN") with data,
	 * rows in COPY's text format.  On failure, before dying as any
	 * statement does, it tells at_row the 1-based row the server
	 * names, if it names one. */
	void (*copy_in)(struct hb_book *book, const char *copy,
	    const char *data, size_t len,
	    void (*at_row)(void *ctx, long row), void *ctx);

	/* For the test of every statement (tests/unit/test_statements.c):
	 * compile sql now, as this engine would before running it, without
	 * running it, and say what the engine finds wrong (the caller's
	 * text), or NULL.  types declares the parameters' types, one letter
	 * each: 'i' bigint, 't' text, any other letter (or none, past its
	 * end) leaves the type for the engine to infer from the text.
	 * SQLite has no types to declare, and ignores it. */
	char *(*compile)(struct hb_book *book, const char *sql,
	    const char *types);

	/* The id the last INSERT gave its row, for an engine whose INSERT
	 * ... RETURNING costs more than the insert (SQLite runs RETURNING
	 * as a subprogram with a table of its own: half of each entry of
	 * an import); NULL where the statements return their ids. */
	int64_t (*last_id)(struct hb_book *book);
};

/* Rows in COPY's text format, for an engine's copy_in: columns separated
 * by tabs (none before the first), text escaped, NULL text as \N. */
struct hb_copy_rows {
	char *buf;
	size_t len, cap;
};
void hb_copy_int(struct hb_copy_rows *rows, int64_t v, bool first);
void hb_copy_text(struct hb_copy_rows *rows, const char *v, bool first);
void hb_copy_end_row(struct hb_copy_rows *rows);

extern const struct hb_engine hb_engine_sqlite;
extern const struct hb_engine hb_engine_postgresql;

/* The book, as book.c and the engines share it. */
struct hb_book {
	const struct hb_engine *engine;
	void *conn;		/* the engine's connection */
	char *location;		/* as given (the caller's string, copied) */
	char *shown;		/* as messages show it: a password hidden */
	int busy_ms;
	bool in_transaction;
	bool wrote;		/* the write transaction changed something */
	bool created;		/* open() made the location (a new SQLite
				   file): nothing else was there before */
	char now[HB_TIMESTAMP_BUFSZ];	/* the session's clock, formatted */
	char *actor;		/* who acts: recorded with every change */
	struct stmt **stmts;	/* book.c's, prepared on first use, by id */
	size_t nstmts;
	void (*on_commit)(struct hb_book *book, void *ctx);
	void *on_commit_ctx;
	/* book-check only.  While it opens the book, damage jumps to trap
	 * with its text in damage; afterwards, with tolerant set, a statement
	 * that meets damage ends as if it had no more rows and its text waits
	 * in damage for hb_book_damage(). */
	jmp_buf *trap;
	bool tolerant;
	char *damage;
	struct bulk *bulk;	/* entries waiting for copy_in, or NULL */
	struct settings *settings;	/* read once a transaction */
};

/* book-copy's target (copy.c).  Open cfg->location, as a setup command
 * would (cfg->mode HB_BOOK_CREATE: a missing SQLite file is made; an empty
 * file or an empty PostgreSQL database is taken; the engine refuses what
 * is not a book), and when it holds no book yet, begin a write transaction
 * and make the current schema in it, but write no row: unlike
 * hb_book_connect, not even the creator's time zone.  The caller writes
 * its rows into the same transaction and commits them with the schema, or
 * ends and leaves the location as it was.  *version is the schema version
 * the location holds already: when it is not 0, nothing was written and no
 * transaction is open.  The caller owns the result: hb_book_close(). */
struct hb_book *hb_book_connect_new(const struct hb_book_config *cfg,
    int64_t *version);

/* Engines' shared helpers. */
/* "LOCATION: reason" and exit with status. */
_Noreturn void hb_book_fail(struct hb_book *book, int status,
    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Every command stops the same way on a damaged book (exit 74, "run
 * book-check"), but book-check's open, which takes reason instead. */
_Noreturn void hb_book_damaged(struct hb_book *book, char *reason);
/* An engine's words about damage, fit for a terminal (the caller's). */
char *hb_book_printable(const char *msg);
/* What a statement's sum adds up, for "the total of ... is too large". */
const char *hb_book_total_of(struct hb_book *book, const char *sql);

/* Every statement of book.c (its tables sql[], with the PostgreSQL
 * overrides of sql_pg[], and query_sql[]), in the text this book's engine
 * runs, for the test that compiles them all on both engines.  name is
 * the statement's enum name ("SQL_TASK_GET", "HB_Q_OVERAGE"), or NULL
 * for one not yet named here; id its slot (SQL ids, then the queries
 * after them); overridden says PostgreSQL has a text of its own for it,
 * whichever engine the book has. */
struct hb_book_statement {
	const char *name;
	size_t id;
	const char *sql;
	bool overridden;
};
void hb_book_each_statement(struct hb_book *book,
    void (*fn)(void *ctx, const struct hb_book_statement *st), void *ctx);

#endif
