/*
 * columns: what each output column is, by its name.
 *
 * Every row a command prints has the same keys whatever its format (csv,
 * table, jsonl), and a key means one thing everywhere: "fee" is money in
 * a task and in an export, "estimate_minutes" minutes.  So the formats for
 * people and for programs (table.h, and jsonl in csv.c) take a column's
 * kind and its heading from this one dictionary, keyed by name, rather
 * than from the call that wrote the value: a row printed as it is written
 * and the same row read back from CSV text (a writing command's rows,
 * printed after its commit; a --key repeat, printed from the book) come
 * out alike.  A name the dictionary does not know keeps the kind of the
 * call that wrote it, and its heading is made from the name.
 */
#ifndef HOURBOOK_COLUMNS_H
#define HOURBOOK_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

enum hb_column_kind {
	HB_COLUMN_TEXT,		/* a string */
	HB_COLUMN_INT,		/* a whole number: an id, a count */
	HB_COLUMN_ID,		/* an id, or a list of them or a name
				   ("3;4", "withdraw.minimum"): a number
				   when it is one id */
	HB_COLUMN_MINUTES,	/* whole minutes; h:mm in a table */
	HB_COLUMN_MONEY,	/* "12.50": cents in jsonl, with the row's
				   currency in a table */
	HB_COLUMN_PERCENT,	/* "12.5" */
	HB_COLUMN_DATE,		/* YYYY-MM-DD */
	HB_COLUMN_TIMESTAMP	/* UTC; local date and time in a table */
};

/* The kind of column name; *known is false (and the kind HB_COLUMN_TEXT)
 * when the dictionary does not hold it.  A name ending in "_minutes" is
 * minutes. */
enum hb_column_kind hb_column_kind(const char *name, bool *known);

/* True for the kinds a table aligns right: quantities (an id, which may
 * be a name, aligns left). */
bool hb_column_numeric(enum hb_column_kind kind);

/* True for a column of detail, which a table too narrow for every
 * column leaves out first (table.h): when a row was made or changed, a
 * description, flags, settings. */
bool hb_column_detail(const char *name);

/* The heading of column name in words: "estimate_minutes" -> "Estimate",
 * "display_name" -> "Display name", "email" -> "E-mail".  Into buf of
 * size bytes, which is returned. */
const char *hb_column_heading(const char *name, char *buf, size_t size);

#endif
