/*
 * billing: the month's invoices, made once.
 *
 * billing-run --month M makes at most one invoice per project, month and
 * package: the package fees invoiced in M (an active monthly package's
 * next month is invoiced here), overage minutes logged in M under
 * --overdraft at the project's standard rate, and late-delivery penalties
 * as credits for tasks first delivered in M.  It also records the lapse of
 * the month's unused hours of monthly packages that lapse.  Everything runs
 * in one transaction; unique indexes in the book make a second invoice for
 * the same key impossible, so a second run, or two at once, write nothing
 * new and print the same lines.
 */
#ifndef HOURBOOK_BILLING_H
#define HOURBOOK_BILLING_H

#include <stdbool.h>
#include "hourbook/csv.h"

struct hb_book;

extern const char *const hb_invoice_columns[];

/* Bill month ("YYYY-MM"); a month not yet ended needs force; dry_run
 * prints what would be billed and writes nothing.  Prints every invoice
 * line of the month. */
void hb_billing_run(struct hb_book *book, const char *month, bool dry_run,
    bool force, struct hb_csv_writer *w);

/* Invoice lines, filtered (report-export invoices). */
void hb_invoices_export(struct hb_book *book, const char *client,
    const char *project, const char *package, const char *from,
    const char *to, struct hb_csv_writer *w);

/* The late-delivery penalty in cents (a positive number, credited) for a
 * contract value, a base and a daily percentage in basis points, and the
 * business days late: simple, not compounding, capped at 100%. */
int64_t hb_penalty(int64_t value, int32_t base, int32_t daily, int days);

#endif
