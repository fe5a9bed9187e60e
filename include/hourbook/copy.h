/*
 * copy: a whole book into an empty place, from either engine to either
 * (book-copy: how a team moves its book from a SQLite file to a
 * PostgreSQL server, or back).
 *
 * Every table, every row and every column is copied as it is, ids
 * included, and nothing is added (no event says that a copy was made:
 * the copy's exports are the original's, byte for byte).  The source is
 * read in the one read transaction its caller began (one snapshot); the
 * target's schema and every row are written in one write transaction, so
 * a copy that fails leaves the target as it was.  The tables and columns
 * copied are one list, in copy.c, checked against both books' catalogues
 * before a row moves: a column the list does not know (a migration that
 * forgot book-copy) ends the copy as a bug, exit 70, naming it.
 */
#ifndef HOURBOOK_COPY_H
#define HOURBOOK_COPY_H

#include <stdbool.h>
#include <stdint.h>

#include "hourbook/book.h"

/* What a copy did, for the caller's messages. */
struct hb_copy_result {
	int64_t tables, rows;
	char *target;		/* the target as messages show it (a
				   password hidden): the caller's */
	bool created;		/* a new file was made for the target */
};

/* Copy from, a book at the current schema inside a read transaction,
 * into a new book at to->location (its mode is taken as HB_BOOK_CREATE).
 * The target must hold nothing: a missing or empty SQLite file, or a
 * PostgreSQL database without tables.  A book there (from itself, or
 * any other, even one without rows) is refused with exit 1, anything
 * else in the way with exit 74, both before anything is written.  fn is
 * called after each table with its name and its number of rows.  With
 * dry_run everything is copied and then rolled back.  A file made for the
 * target is removed when the copy fails, is rolled back, or is
 * interrupted by SIGHUP, SIGINT or SIGTERM; SIGKILL leaves it without a
 * book in it, as an empty file that the next copy takes. */
void hb_book_copy(struct hb_book *from, const struct hb_book_config *to,
    bool dry_run, void (*fn)(void *ctx, const char *table, int64_t rows),
    void *ctx, struct hb_copy_result *out);

#endif
