/*
 * check: book-check's rules, what a sound book must satisfy.
 *
 * SQLite's own checks of its file come first (integrity_check, every
 * finding; foreign_key_check), then the ledger invariants that hold by
 * construction and that a damaged page, a lost write or a hand edit
 * breaks without SQLite noticing:
 *
 *   package_use   per package and day, the derived package_use rows equal
 *                 what the entries of that day drew (first package, splits)
 *   package_used  per package, the used minutes of the one balance
 *                 computation (balance.c) equal what its entries drew
 *   task_totals   a task's worked and billed minutes equal its entries' sums
 *   reversal      an entry is reversed at most once, by an entry that
 *                 mirrors it (same task, person, day and packages, every
 *                 figure negated), and a reversal is never reversed
 *   earnings      a person's earnings less the withdrawals requested or
 *                 paid (earnings.c) are not negative, per currency
 *   invoice       one invoice per project, period and package
 *   balance       no package's usable minutes (balance.c) are negative
 *
 * The book is only read.  Damage that SQLite meets while a check reads
 * becomes a finding of that check, and the next check runs.
 */
#ifndef HOURBOOK_CHECK_H
#define HOURBOOK_CHECK_H

#include <stddef.h>

/* One finding; its strings are borrowed for the call. */
struct hb_finding {
	const char *check;	/* storage, wal, reference, package_use, ... */
	const char *entity;	/* book, package, task, entry, person, ... */
	const char *key;	/* the entity's key; "" for the book */
	const char *message;
};

/* The CSV columns of a finding: check, entity, key, message. */
extern const char *const hb_finding_columns[];

/* Open the book named by the common options and run every check, giving
 * each finding to fn as it is found.  Returns how many there were.  A
 * missing book, one locked past the busy timeout, or a file that is not
 * a book end the program as for any command. */
size_t hb_check_book(void (*fn)(void *ctx, const struct hb_finding *f),
    void *ctx);

#endif
