/*
 * package: prepaid hour packages (plans, price, life) and the hours ledger
 * they keep; time entries deducted from them.
 *
 * The plans are one table (package.c: plans[]).  A package's hours live in
 * an append-only ledger: a paid period loads hours, a time entry uses them
 * (a reversal gives them back), closing lapses what is left.  Time logged
 * on a project is deducted from its active packages, oldest first; an
 * entry spans two packages when the first runs out.
 */
#ifndef HOURBOOK_PACKAGE_H
#define HOURBOOK_PACKAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hourbook/csv.h"
#include "hourbook/date.h"
#include "hourbook/book.h"
#include "hourbook/records.h"

struct hb_book;


struct hb_package_input {
	const char *project, *hours, *plan, *discount, *bonus, *months,
	    *expires, *lapse, *start;
};
void hb_package_add(struct hb_book *book, const struct hb_package_input *in,
    struct hb_package *out);
/* The column "hours" read as package-add --hours does: a bare number is
 * hours ("12.5"), any other DURATION as usual ("90m"); dies on a bad
 * one (hb_fail). */
int64_t hb_package_hours(const char *s);

enum hb_package_action { HB_PACKAGE_INVOICED, HB_PACKAGE_PAID,
	HB_PACKAGE_CLOSED };
/* Record the invoice, the payment or the closing (bill_minimum: a
 * monthly plan closed before its minimum months bills the rest). */
void hb_package_set(struct hb_book *book, const char *package,
    enum hb_package_action action, const char *date, bool bill_minimum,
    struct hb_package *out);

/* When package is closed: fill out with it and its figures, and return
 * true; else false (out untouched).  Dies 66 when it does not exist. */
bool hb_package_closed(struct hb_book *book, const char *package,
    struct hb_package *out);

/* A package with its figures; false when it does not exist. */
bool hb_package_load(struct hb_book *book, int64_t id, struct hb_package *out);

extern const char *const hb_package_columns[];
void hb_package_print(struct hb_csv_writer *w, const struct hb_package *p);

/* report-export balances: one row per package with its figures. */
extern const char *const hb_balance_columns[];
void hb_package_balances(struct hb_book *book,
    const struct hb_package_filter *f, struct hb_csv_writer *w);
/* fn(ctx, package) for each package the filter selects, with its figures
 * as of today, ordered by project and id (the package is borrowed for the
 * call). */
void hb_package_each_balance(struct hb_book *book,
    const struct hb_package_filter *f,
    void (*fn)(void *ctx, const struct hb_package *p), void *ctx);

/* The project's available minutes now (balance.h: loaded - used - lapsed
 * - committed over its active packages); *has_packages tells whether it
 * has any. */
int64_t hb_project_available(struct hb_book *book, int64_t project_id,
    bool *has_packages);

/* ---- time entries ---------------------------------------------------- */

struct hb_entry {
	int64_t id;
	int64_t task_id;
	char *person;
	hb_day day;
	int64_t minutes;	/* negative for a reversal */
	int64_t billable;
	int64_t overage;	/* billable minutes no package covered */
	char *packages;		/* "3" or "3;4" when split; NULL when none */
	bool has_available;
	int64_t available_after;
	int64_t reverses;	/* 0, or the entry this one reverses */
};

void hb_entry_release(struct hb_entry *e);

/* A batch logger keeps running balances in memory for the length of one
 * transaction; create it after BEGIN and free it before COMMIT. */
struct hb_logger;
struct hb_logger *hb_logger_new(struct hb_book *book);
/* Write what the entries drew per package and day, and what each task
 * worked and billed (the rows beside the ledger): before the commit. */
void hb_logger_flush(struct hb_logger *l);
void hb_logger_free(struct hb_logger *l);

struct hb_entry_input {
	const char *task, *duration, *date, *person, *note;
	const char *ref;	/* the entry's id where it came from, or NULL:
				   once per person */
	bool overdraft;
};
void hb_hours_log(struct hb_logger *l, const struct hb_entry_input *in,
    struct hb_entry *out);
/* The rules of hb_hours_log that do not depend on the time, for a timer
 * (timer.h), dying as it does.  _person: whose time it is, person (NULL
 * or empty: the actor), another's only for staff; its id, and its handle
 * borrowed from the logger.  _check: the same, and that task takes time
 * from that person (its state, the team); the task's id. */
int64_t hb_hours_person(struct hb_logger *l, const char *person,
    const char **handle);
int64_t hb_hours_check(struct hb_logger *l, const char *task,
    const char *person);
void hb_hours_reverse(struct hb_logger *l, const char *entry,
    const char *reason, struct hb_entry *out);

extern const char *const hb_entry_columns[];
void hb_entry_print(struct hb_csv_writer *w, const struct hb_entry *e);

#endif
