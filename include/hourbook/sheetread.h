/*
 * sheetread: the client's activity sheet read back (task-set --sheet).
 *
 * The sheet (sheet.h) carries a hidden worksheet "hourbook" that says
 * the workbook is ours, in cell values a spreadsheet keeps when it saves
 * the file again (LibreOffice and Excel rewrite every part: their own
 * styles, shared strings, the parts in another order):
 *
 *   A1 HB_SHEET_MARKER   B1 HB_SHEET_VERSION
 *   A2 book              B2 the book's book.id
 *   A3 lang              B3 the sheet's language (en, it, pt, es)
 *   A4 columns           B4 the approval column, C4 the note column (from 0)
 *   A5 row, task, state, updated, digest (headings)
 *   then one row per task row of the Activities sheet: its row number
 *   (from 1), the task, its state and its updated timestamp as the sheet
 *   was made, and hb_sheet_row_digest of those.
 *
 * The digest catches a hidden row edited or moved by accident; it is not
 * a signature (the book's id is in the file).  The reader takes the zip
 * with minizip and each XML part with expat, a part at a time and in
 * chunks, within the limits below: a workbook beyond them is refused,
 * as is a zip whose parts inflate to more than they declare.
 */
#ifndef HOURBOOK_SHEETREAD_H
#define HOURBOOK_SHEETREAD_H

#include <stddef.h>
#include <stdint.h>

#include "hourbook/digest.h"

#define HB_SHEET_MARKER "hourbook activity sheet"
#define HB_SHEET_VERSION 1

/* Limits of the reader. */
#define HB_SHEET_ENTRIES_MAX 10000	/* parts in the zip */
#define HB_SHEET_PART_MAX (64u << 20)	/* bytes of a part, inflated */
#define HB_SHEET_ROWS_MAX 100000	/* task rows */
#define HB_SHEET_STRINGS_MAX 1000000	/* shared strings */
#define HB_SHEET_STRINGS_BYTES (32u << 20)	/* their bytes, in all */
#define HB_SHEET_CELL_MAX (4 * 32767)	/* bytes of one cell's text */

/* The digest of one hidden row, as 64 hex digits. */
void hb_sheet_row_digest(const char *book_id, long row, int64_t task,
    const char *state, const char *updated, char hex[HB_DIGEST_HEX]);

struct hb_sheet_row {
	long row;		/* the Activities sheet's row, from 1 */
	int64_t task;
	char *state, *updated, *digest;	/* as the hidden sheet holds them */
	char *decision;		/* the approval cell's text, or NULL */
	char *note;		/* the note cell's text, or NULL */
};

struct hb_sheet {
	char *book_id;
	char *lang;		/* "en", "it", "pt", "es" */
	struct hb_sheet_row *rows;	/* in the hidden sheet's order */
	size_t nrows;
};

/* Read the workbook at path (or data, size bytes) into *out, which the
 * caller releases with hb_sheet_release.  Returns 0, or -1 with the
 * reason it is not a workbook, or not one of ours, written into why. */
int hb_sheet_read_file(const char *path, struct hb_sheet *out, char *why,
    size_t whysize);
int hb_sheet_read_memory(const void *data, size_t size, struct hb_sheet *out,
    char *why, size_t whysize);
void hb_sheet_release(struct hb_sheet *s);

/* Apply the sheet's decisions and notes as the actor, who must be the
 * client's contact, inside the caller's write transaction (sheetapply.c,
 * in libhourbook): each decision is task-set's move (the same rules and
 * events), each note a comment, unless the same comment is there.  A
 * decision on a task that moved since the sheet was made fails the
 * whole (exit 1, naming the rows), except a move this actor already made
 * by the same decision, which is left as it is: the same sheet applied
 * twice changes nothing the second time.  print(ctx, task) each task
 * moved; name is the file, for messages. */
struct hb_book;
struct hb_task;
void hb_sheet_apply(struct hb_book *book, const struct hb_sheet *s,
    const char *name, void (*print)(void *ctx, const struct hb_task *t),
    void *ctx);

#endif
