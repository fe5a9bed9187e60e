/*
 * session: a command's book, opened the way the command line and the
 * environment say.
 *
 * The book is found from --db, $HOURBOOK_DB, $XDG_DATA_HOME/hourbook/book.db
 * or ~/.local/share/hourbook/book.db: a path is a SQLite book, a
 * postgresql:// URL a PostgreSQL one.  The session puts the book's time
 * zone in place (and resolves the relative dates of the options in it:
 * cli.h), decides whether $HOURBOOK_NOW may replace the clock
 * (clock.override, or a staff actor; logged in the event log), and tells
 * the store who acts and when.  This is plumbing: the store itself reads no
 * option and no environment.
 */
#ifndef HOURBOOK_SESSION_H
#define HOURBOOK_SESSION_H

#include "hourbook/book.h"

/* Open the book for a command.  The caller owns the result and releases
 * it with hb_book_close().  A damaged book ends the program (exit 74,
 * "the book is damaged ...: run book-check"), at the open or at whichever
 * statement meets the damage. */
struct hb_book *hb_book_open(enum hb_book_mode mode);

/* book-check: the same book, opened to read past damage (book.h:
 * hb_book_connect_check). */
struct hb_book *hb_book_open_check(char **damage);

/* A book named on the command line instead of found (book-copy's FROM
 * and TO): its configuration as the environment and the common options
 * give it (busy timeout, --allow-network-fs), for mode.  It brings no
 * time zone and no clock: such a book is only copied.  location is
 * borrowed for as long as cfg is used. */
void hb_book_config_at(struct hb_book_config *cfg, const char *location,
    enum hb_book_mode mode);

#endif
