/*
 * voucher: complaints on tasks and the vouchers that settle them (seed
 * 003: "all disputes supported by valid reasons are refunded in
 * vouchers").
 *
 * A complaint is recorded on a task (staff, or the client's contact) and
 * decided once by staff: rejected, or accepted with a voucher of hours or
 * of money for the task's client.  A voucher not redeemed within
 * voucher.days of its acceptance expires (as of the clock).  An hours
 * voucher is loaded on the client's next package payment (package-set
 * --paid: hb_voucher_load), as bonus hours of that period; a money
 * voucher is credited on the client's next invoices that billing-run
 * creates (hb_voucher_credit), at most their total, until it is spent.
 * Every step is an event; report-export vouchers shows them all.
 */
#ifndef HOURBOOK_VOUCHER_H
#define HOURBOOK_VOUCHER_H

#include <stdint.h>
#include "hourbook/csv.h"
#include "hourbook/date.h"

struct hb_book;

/* complaint --task T --reason TEXT: the new complaint's id. */
int64_t hb_complaint_add(struct hb_book *book, const char *task,
    const char *reason);
/* complaint --accept C (--hours H | --money M) [--reason TEXT]: staff
 * only, an open complaint only; exactly one of hours and money. */
void hb_complaint_accept(struct hb_book *book, const char *complaint,
    const char *hours, const char *money, const char *reason);
/* complaint --reject C --reason TEXT: staff only, an open complaint. */
void hb_complaint_reject(struct hb_book *book, const char *complaint,
    const char *reason);

/* package-set --paid: load the client's hours vouchers due (accepted,
 * not loaded, not expired today) on package_id's period `period`, as
 * loads of the hours ledger dated day (the payment's).  Returns the
 * minutes loaded. */
int64_t hb_voucher_load(struct hb_book *book, int64_t project_id,
    int64_t package_id, int period, hb_day day);

/* billing-run, for an invoice it has just created with `lines` lines
 * adding up to total: credit the client's money vouchers due on day (not
 * expired then: billing-run gives today), the
 * oldest first, as lines of kind 'voucher' after them, while the total
 * is above zero.  Returns the amount credited (cents, 0 and up). */
int64_t hb_voucher_credit(struct hb_book *book, int64_t invoice_id,
    int64_t project_id, int lines, int64_t total, hb_day day);

/* The rows complaint prints and report-export vouchers writes: one per
 * complaint (id: 0 for all), with its decision and voucher as of today. */
extern const char *const hb_complaint_columns[];
void hb_complaint_print(struct hb_book *book, int64_t id,
    struct hb_csv_writer *w);
void hb_vouchers_export(struct hb_book *book, const char *client,
    const char *project, struct hb_csv_writer *w);

#endif
