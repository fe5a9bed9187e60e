/*
 * earnings: what freelancers earn and withdraw.
 *
 * Earnings are append-only: the minutes a freelancer logs are credited at
 * their hourly rate of the entry's day on the time entry itself (a
 * reversal debits them), and the fee of a self-service task is credited
 * to its assignee when the task is done.  A withdrawal is a request row;
 * paying, rejecting or cancelling it adds an outcome row.  Balance =
 * earnings - withdrawals requested or paid.  Every decision to accept a
 * request reads and writes inside one BEGIN IMMEDIATE transaction, so
 * concurrent requests never spend the same money twice.
 */
#ifndef HOURBOOK_MONEY_LEDGER_H
#define HOURBOOK_MONEY_LEDGER_H

#include <stdbool.h>
#include <stdint.h>
#include "hourbook/csv.h"
#include "hourbook/date.h"
#include "hourbook/records.h"

struct hb_book;
struct hb_money_sums;

/* What a person may still withdraw in one currency (sums: book.h; NULL
 * is none):
 * earnings less the withdrawals requested or paid.  Computed here only;
 * withdraw and book-check read it. */
int64_t hb_money_balance(const struct hb_money_sums *sums);


/* Request a withdrawal for person (NULL: the actor) in currency (NULL:
 * the one the person has earned in; a person with several must name it);
 * key may be NULL.  *repeated is set when key named an earlier request,
 * which is returned instead of a new one. */
void hb_withdraw_request(struct hb_book *book, const char *person,
    const char *amount, const char *currency, const char *key,
    struct hb_withdrawal *out, bool *repeated);
/* Staff only: pay, or reject with a reason (the money returns). */
void hb_withdraw_decide(struct hb_book *book, const char *withdrawal,
    bool pay, const char *reason, struct hb_withdrawal *out);
/* Its person or staff: cancel a request still requested (the money
 * returns, and it does not count against withdraw.per_month); reason
 * may be NULL. */
void hb_withdraw_cancel(struct hb_book *book, const char *withdrawal,
    const char *reason, struct hb_withdrawal *out);

/* Whether a withdrawal is possible now, and why not. */
extern const char *const hb_status_columns[];
/* Prints a row per currency the person has money in (the book's when
 * none); returns true when a withdrawal is possible in one of them. */
bool hb_withdraw_status(struct hb_book *book, const char *person,
    struct hb_csv_writer *w);

extern const char *const hb_withdrawal_columns[];
void hb_withdrawal_print(struct hb_csv_writer *w,
    const struct hb_withdrawal *x);
/* Every withdrawal (of person, when not NULL) requested from..to (local
 * days; either NULL: open), oldest first. */
void hb_withdraw_list(struct hb_book *book, const char *person,
    const char *from, const char *to, struct hb_csv_writer *w);

/* report-export earnings: every credit and debit, per person. */
extern const char *const hb_earning_columns[];
void hb_earnings_export(struct hb_book *book, const char *person,
    const char *from, const char *to, struct hb_csv_writer *w);

/* The fee of a task reaching done, credited to its assignee (task.c). */
void hb_earnings_credit_fee(struct hb_book *book, int64_t task_id,
    int64_t person_id, int64_t fee, const char *currency);

#endif
