/*
 * table: text tables for people (-f table).
 *
 * A table is built whole, then printed: its columns are as wide as their
 * widest value and heading, two spaces apart, numbers aligned right.  When
 * the rows are wider than the room they have (hb_table_width), the table
 * gives way until it fits, so that a row never wraps: columns are left
 * out, those of detail when the rest would not fit with its text cut to
 * 20 columns, the others, least important first, when it would not fit
 * with its text cut to 6; then the widest columns of text are cut as far
 * as they must be, each value that is longer ended with an ellipsis
 * ("…"); and when even the key column does not fit, it is cut.  A last
 * line names the columns left out.  Widths are counted in terminal columns
 * (a CJK character takes two, a combining accent none); control
 * characters in a value are shown, never sent to the terminal (a line
 * feed as "↵").
 *
 * The rows of -f table come from the CSV writer (csv.h); a table of its
 * own (report-export balances -f table) adds lines between the rows, such
 * as a client's totals.
 */
#ifndef HOURBOOK_TABLE_H
#define HOURBOOK_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct hb_table;

/* A new, empty table: the caller's, for hb_table_free. */
struct hb_table *hb_table_new(void);
void hb_table_free(struct hb_table *t);

/* How much a column matters when there is not room for all of them:
 * columns of detail go first, then the others, the last first; the key
 * column stays. */
enum hb_table_rank {
	HB_TABLE_DETAIL,	/* a timestamp, a description, a flag */
	HB_TABLE_NORMAL,
	HB_TABLE_KEY		/* the row's key: never left out */
};

/* Add a column: its heading (copied), whether its values align right
 * (numbers), whether it gives way by being cut (text), and how much it
 * matters (a higher rank outlasts a lower one; among equals the left
 * one). */
void hb_table_column(struct hb_table *t, const char *heading, bool right,
    bool shrink, int rank);
/* The next value of the row being filled (copied; NULL is empty).  Values
 * past the last column are dropped. */
void hb_table_cell(struct hb_table *t, const char *text);
/* The row is complete (missing values are empty). */
void hb_table_end_row(struct hb_table *t);
/* A line of its own after the rows so far (a total), cut to the width. */
void hb_table_line(struct hb_table *t, const char *text);
/* How many rows the table holds. */
size_t hb_table_rows(const struct hb_table *t);

/* Print the table to fp: the heading line unless !heading, in bold when
 * bold; width is the most a line may take (0: no limit). */
void hb_table_print(const struct hb_table *t, FILE *fp, bool heading,
    size_t width, bool bold);

/* The room a table printed to fp has: $COLUMNS when it is a number, else
 * the terminal's width when fp is a terminal, else 0 (no limit). */
size_t hb_table_width(FILE *fp);
/* Whether fp may get colour: a terminal, and NO_COLOR unset or empty. */
bool hb_table_colour(FILE *fp);

/* The number of terminal columns UTF-8 text s takes. */
size_t hb_text_width(const char *s);
/* s fit to at most width columns: whole when it fits, else cut and ended
 * with "…".  The result is the caller's. */
char *hb_text_cut(const char *s, size_t width);

#endif
