/*
 * xlsx-internal: what the xlsx library's own layouts (sheet.c) need of
 * the workbook that xlsx.c opened, beyond the typed cells of xlsx.h.
 * Private to libhourbook_xlsx.
 */
#ifndef HOURBOOK_XLSX_INTERNAL_H
#define HOURBOOK_XLSX_INTERNAL_H

#include <xlsxwriter.h>

struct hb_xlsx;

/* The workbook, for a caller that lays out its sheets itself: the sheet
 * of hb_xlsx_sheet being written is finished first, and hb_xlsx_close
 * then only closes the file (it adds no empty sheet). */
lxw_workbook *hb_xlsx_workbook(struct hb_xlsx *x);
/* What messages call the file (borrowed). */
const char *hb_xlsx_name(const struct hb_xlsx *x);

#endif
