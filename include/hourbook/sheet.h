/*
 * sheet: the client's activity sheet, the workbook an agency sends to a
 * client (report-export activities -f xlsx, package-set --closed --sheet).
 *
 * Three sheets, in the client's language (lang.h):
 *
 *   Activities  a header block (agency, client, projects, packages and
 *               plans, the period, the day it was made), the tasks under
 *               headings a client reads, names for handles, typed
 *               durations ([h]:mm) and dates, a total of agreed work
 *               and, apart, what is listed but not agreed, and a legend;
 *               landscape, one page wide, the heading row on every
 *               printed page, page numbers in the footer.
 *   Summary     per package, over the period: opening (usable the day
 *               before it starts) + loaded - used - lapsed - committed
 *               (at its end) = available (at its end), all read from the
 *               one balance computation (balance.h) taken on those two
 *               days; and per project the billed time no package carried
 *               (overage, or a self-service project's), so that used
 *               plus that equals the Activities' billed time.
 *   hourbook    hidden: what says the workbook is ours (the marker, the
 *               layout's version, the book's id, the language, the
 *               columns the client fills), then per task row of
 *               Activities its row number, the task, its state and when
 *               it last changed as the sheet was made, and their digest:
 *               what task-set --sheet checks a returned workbook against
 *               (sheetread.h).
 *
 * Where a task waits for the client (estimated, delivered) its approval
 * cell holds a list of the two decisions in the sheet's language, and a
 * note cell is beside it; those are the only cells unlocked, and every
 * sheet is protected without a password.
 *
 * It lives in libhourbook_xlsx and is reached through hb_xlsx_ops.
 */
#ifndef HOURBOOK_SHEET_H
#define HOURBOOK_SHEET_H

struct hb_book;
struct hb_report_filter;
struct hb_xlsx;

/* Write the sheets into x, a workbook from hb_xlsx_open that holds no
 * sheet of hb_xlsx_sheet yet.  The language is f->lang, else the
 * client's (when the sheet is one client's), else the book's sheet.lang. */
void hb_sheet_activities(struct hb_book *book,
    const struct hb_report_filter *f, struct hb_xlsx *x);

#endif
