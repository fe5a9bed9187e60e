/*
 * book: the store.  Every SQL statement of hourbook is behind these
 * functions, and no command or domain module sees an engine: a book is a
 * SQLite file or a PostgreSQL database (a location "postgresql://..."),
 * and the same calls serve both (SPEC §5; the engines are store_sqlite.c
 * and store_pg.c behind book-internal.h).
 *
 * The store is opened with an explicit configuration: it reads no option,
 * no environment and no clock of its own; the session (session.h) builds
 * the configuration and tells the book who acts and when.  A book is
 * migrated to the current schema in one transaction when it opens for
 * writing.  Errors end the program: 74 for the database, 75 when the book
 * stayed locked past the busy timeout, 65 for a total too large.
 */
#ifndef HOURBOOK_BOOK_H
#define HOURBOOK_BOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hourbook/date.h"
#include "hourbook/records.h"

#define HB_SCHEMA_VERSION 20

struct hb_book;

enum hb_book_mode {
	HB_BOOK_READ,	/* a missing book is exit 66; an older schema is
			   refused (a reader never changes the book) */
	HB_BOOK_WRITE,	/* a missing book is exit 66; an older one is
			   upgraded */
	HB_BOOK_CREATE	/* the setup commands: a missing book is created,
			   with a note on stderr */
};

/* How to open a book. */
struct hb_book_config {
	const char *location;	/* a path, a postgresql:// URL, or libpq keywords */
	enum hb_book_mode mode;
	int busy_ms;		/* how long a writer waits for the lock */
	bool allow_network_fs;	/* SQLite: open a book on NFS, SMB ... */
	bool dry_run;		/* a missing book is not made */
	/* For a book that has none yet (a new one, or one made before
	 * books had a time zone): its timezone setting. */
	const char *zone;
	bool clock_override;	/* a new book takes HOURBOOK_NOW */
	void (*before_create)(void);	/* called before a new book is made */
};

/* Open (and for writing, migrate) the book.  *made is set when this call
 * made a new book.  The caller owns the result: hb_book_close(). */
struct hb_book *hb_book_connect(const struct hb_book_config *cfg,
    bool *made);
void hb_book_close(struct hb_book *book);
/* Who acts and when ("2026-11-23T14:05:00Z"): recorded with every change.
 * Both are copied. */
void hb_book_set_context(struct hb_book *book, const char *actor,
    const char *now);
/* Called inside every write transaction just before it commits, when it
 * changed the book (the session logs an outside clock this way). */
void hb_book_on_commit(struct hb_book *book,
    void (*fn)(struct hb_book *book, void *ctx), void *ctx);
/* Whether location names a PostgreSQL database (a postgresql:// or
 * postgres:// URL, or libpq's keyword form "host=... dbname=...",
 * "service=..."), not a SQLite file. */
bool hb_book_location_is_server(const char *location);

/* The location as messages show it (a password hidden); borrowed. */
const char *hb_book_location(const struct hb_book *book);
/* "sqlite" or "postgresql". */
const char *hb_book_engine(const struct hb_book *book);

/* book-check: open for reading, and go on past damage as far as the
 * engine lets us.  When the damage keeps the book from opening at all,
 * returns NULL with the engine's words in *damage (the caller's).
 * Otherwise every statement that meets damage ends as if it had no more
 * rows, and the damage waits for hb_book_damage(): the first met since
 * its last call, the caller's, or NULL. */
struct hb_book *hb_book_connect_check(const struct hb_book_config *cfg,
    char **damage);
char *hb_book_damage(struct hb_book *book);

/* Check the whole book's structure, with what the transaction wrote in
 * it, before a batch of many records writes more (SQLite's quick_check);
 * a damaged book ends the program, exit 74, and nothing is written. */
void hb_book_verify(struct hb_book *book);

/* A write transaction: every read-then-write decision runs inside one,
 * and one writer decides at a time.  A read transaction: one snapshot,
 * for exports. */
void hb_book_begin(struct hb_book *book);
void hb_book_begin_read(struct hb_book *book);
void hb_book_commit(struct hb_book *book);
/* The role of the person with handle (the caller's), or NULL. */
char *hb_book_person_role(struct hb_book *book, const char *handle);

/* Settings stored in the book (defaults live in config.c).  The returned
 * string is the caller's; NULL when the key is not set. */
char *hb_book_setting(struct hb_book *book, const char *key);
void hb_book_setting_put(struct hb_book *book, const char *key,
    const char *value);
char *hb_book_project_setting(struct hb_book *book, int64_t project_id,
    const char *key);
void hb_book_project_setting_put(struct hb_book *book, int64_t project_id,
    const char *key, const char *value);
/* The project's override of key goes: the book's setting applies. */
void hb_book_project_setting_delete(struct hb_book *book,
    int64_t project_id, const char *key);

/* The event log: one row per change, with the actor and the clock. */
void hb_book_event(struct hb_book *book, const char *entity, const char *key,
    const char *what, const char *old_value, const char *new_value,
    const char *reason);
/* The same, dated at (a UTC timestamp): what happened at a moment the
 * command decides, as a deemed delivery at the end of a term. */
void hb_book_event_at(struct hb_book *book, const char *at,
    const char *entity, const char *key, const char *what,
    const char *old_value, const char *new_value, const char *reason);
/* The same for an entity keyed by its number (a package, a withdrawal,
 * a complaint). */
void hb_book_event_id(struct hb_book *book, const char *entity, int64_t id,
    const char *what, const char *old_value, const char *new_value,
    const char *reason);

/* Holidays: *name is the caller's. */
bool hb_book_holiday(struct hb_book *book, hb_day day, char **name);
void hb_book_holiday_insert(struct hb_book *book, hb_day day,
    const char *name);
/* All holidays ascending, into an array the caller frees. */
hb_day *hb_book_holidays(struct hb_book *book, size_t *count);

/* Clients, people, projects and teams.  The _get functions fill a record
 * (its strings are the caller's: release it) and return false when the
 * key does not exist. */
bool hb_book_client_get(struct hb_book *book, const char *name,
    struct hb_client *out);
void hb_book_client_insert(struct hb_book *book, struct hb_client *c);
void hb_book_client_set_contact(struct hb_book *book, int64_t client_id,
    int64_t person_id);

bool hb_book_person_get(struct hb_book *book, const char *handle,
    struct hb_person *out);
void hb_book_person_insert(struct hb_book *book, struct hb_person *p);

bool hb_book_project_get(struct hb_book *book, const char *code,
    struct hb_project *out);
void hb_book_project_insert(struct hb_book *book, struct hb_project *p);

/* Corrections (setup.c): store a client's display name and e-mail; a
 * person's name, e-mail and rate (the newest of its history); a
 * project's name, rate (likewise) and penalty. */
void hb_book_client_update(struct hb_book *book, const struct hb_client *c);
void hb_book_person_update(struct hb_book *book, const struct hb_person *p);
/* The project's own support window and the plan of its package active
 * on day (config.h: hb_config_window); each NULL when none; the
 * caller's. */
void hb_book_project_window(struct hb_book *book, int64_t project_id,
    hb_day day, char **override, char **plan);
/* Whether the project is top priority on day (hb_config_top_priority). */
bool hb_book_project_top(struct hb_book *book, int64_t project_id,
    hb_day day);
void hb_book_project_update(struct hb_book *book,
    const struct hb_project *p);

/* Rate histories (schema 16): a freelancer's pay rate, a project's
 * rate.  The steps, ascending, into an array the caller frees; returns
 * how many. */
enum hb_rate_of { HB_RATE_PERSON, HB_RATE_PROJECT };
size_t hb_book_rates(struct hb_book *book, enum hb_rate_of of, int64_t id,
    struct hb_rate_step **out);
/* The rate from day `from` on, until the next step: a step of that very
 * day is replaced. */
void hb_book_rate_put(struct hb_book *book, enum hb_rate_of of, int64_t id,
    hb_day from, int64_t rate);
/* The step of day `from` goes (one that repeats the rate before it). */
void hb_book_rate_delete(struct hb_book *book, enum hb_rate_of of,
    int64_t id, hb_day from);

/* Sales-share histories (schema 17): a project's steps, ascending, into
 * an array the caller frees; returns how many.  _put makes the step of
 * month (the first day of a month) the terms (inactive: the agreement
 * ends then), replacing one of that very month; _delete takes the step
 * of that month away. */
size_t hb_book_share_steps(struct hb_book *book, int64_t project_id,
    struct hb_share_step **out);
void hb_book_share_put(struct hb_book *book, int64_t project_id,
    hb_day month, const struct hb_share_terms *terms);
void hb_book_share_delete(struct hb_book *book, int64_t project_id,
    hb_day month);

/* The sales ledger (schema 17).  _insert records the actor and now and
 * sets s->id; _get fills out (the caller releases it). */
void hb_book_sales_insert(struct hb_book *book, struct hb_sales *s);
bool hb_book_sales_get(struct hb_book *book, int64_t id,
    struct hb_sales *out);

/* Is there a staff person in the book?  (Until there is, any actor acts
 * as staff: the bootstrap of a new book.) */
bool hb_book_staff_exists(struct hb_book *book);

/* Every name of a kind, in order, for "did you mean": client names,
 * person handles or project codes.  The string is borrowed for the call. */
void hb_book_each_name(struct hb_book *book, enum hb_name_kind kind,
    void (*fn)(void *ctx, const char *name), void *ctx);

/* Membership: 1 active, 0 left, -1 never joined. */
int hb_book_member_state(struct hb_book *book, int64_t project_id,
    int64_t person_id);
void hb_book_member_join(struct hb_book *book, int64_t project_id,
    int64_t person_id);
void hb_book_member_leave(struct hb_book *book, int64_t project_id,
    int64_t person_id);

/* Listings, in key order, for exports: the record passed to fn is
 * borrowed for the call. */
void hb_book_each_client(struct hb_book *book,
    void (*fn)(void *ctx, const struct hb_client *), void *ctx);
void hb_book_each_person(struct hb_book *book, const char *client,
    const char *project, void (*fn)(void *ctx, const struct hb_person *),
    void *ctx);
void hb_book_each_project(struct hb_book *book, const char *client,
    void (*fn)(void *ctx, const struct hb_project *), void *ctx);

/* task-list's selection; NULL / false fields select everything. */
struct hb_task_filter {
	const char *client;
	const char *project;
	const char *statuses;	/* "open,approved" */
	const char *assignee;
	const char *kind;
	bool overdue;		/* due before today, not done/rejected/cancelled */
	const char *due_before;	/* YYYY-MM-DD */
	hb_day today;
	/* task-list: the open tasks first, top priority first, then by due
	 * date (none last), then by id; the rest by id after them.  Else
	 * every task by id. */
	bool by_priority;
};

/* Tasks (schema 2). */
bool hb_book_task_get(struct hb_book *book, int64_t id, struct hb_task *out);
void hb_book_task_insert(struct hb_book *book, struct hb_task *t);
/* Store the mutable fields: status, blocked_from, assignee, estimate, due,
 * due kind, updated and fee. */
void hb_book_task_update(struct hb_book *book, const struct hb_task *t);
void hb_book_each_task(struct hb_book *book, const struct hb_task_filter *f,
    void (*fn)(void *ctx, const struct hb_task *), void *ctx);
/* The ids of a person's open tasks on a project, ascending, into an array
 * the caller frees. */
int64_t *hb_book_open_tasks_of(struct hb_book *book, int64_t project_id,
    int64_t person_id, size_t *count);

/* Events of one entity, oldest first; the strings are borrowed. */
void hb_book_each_event(struct hb_book *book, const char *entity,
    const char *key, void (*fn)(void *ctx, const struct hb_event *),
    void *ctx);

/* Comments. */
void hb_book_comment_insert(struct hb_book *book, struct hb_comment *c);
bool hb_book_comment_get(struct hb_book *book, int64_t id,
    struct hb_comment *out);
void hb_book_each_comment(struct hb_book *book, int64_t task_id,
    void (*fn)(void *ctx, const struct hb_comment *), void *ctx);

/* Packages (schema 3).  _get fills the record without its figures. */
bool hb_book_package_get(struct hb_book *book, int64_t id,
    struct hb_package *out);
void hb_book_package_insert(struct hb_book *book, struct hb_package *p);
void hb_book_package_set_status(struct hb_book *book, int64_t id,
    const char *status);
/* A monthly package's first period is the month holding first. */
void hb_book_package_start(struct hb_book *book, int64_t id, hb_day first);
/* Closed on day: what is left lapses then (balance.c). */
void hb_book_package_close(struct hb_book *book, int64_t id, hb_day day);

/* The projects a balance reads: any combination; NULL and 0 mean any. */
struct hb_scope {
	const char *client;	/* client name */
	const char *project;	/* project code */
	int64_t package_id;	/* the project of this package */
	int64_t project_id;
};
/* Every package of the scope's projects, by project and id; fn owns the
 * record (releases it or keeps it). */
void hb_book_scope_packages(struct hb_book *book, const struct hb_scope *sc,
    void (*fn)(void *ctx, struct hb_package *p), void *ctx);
/* The hours loaded by payments until as_of, oldest first. */
struct hb_load {
	int64_t package_id;
	int period;		/* the paid period, 0 when none */
	int64_t minutes;
	hb_day day;
};
void hb_book_scope_loads(struct hb_book *book, const struct hb_scope *sc,
    hb_day as_of, void (*fn)(void *ctx, const struct hb_load *l), void *ctx);
/* What entries dated until as_of drew, per package and month (the first
 * day of the month). */
void hb_book_scope_use(struct hb_book *book, const struct hb_scope *sc,
    hb_day as_of, void (*fn)(void *ctx, int64_t package_id, hb_day month,
    int64_t minutes), void *ctx);
/* Invoices issued and payments made until as_of, per package;
 * last_issued is borrowed, NULL when none. */
void hb_book_scope_periods(struct hb_book *book, const struct hb_scope *sc,
    hb_day as_of, void (*fn)(void *ctx, int64_t package_id, int invoiced,
    int paid, const char *last_issued), void *ctx);
/* The tasks with an estimate in one of states (",open,approved,...,"), or
 * blocked from one, with what they have billed so far. */
struct hb_commitment {
	int64_t project_id, task_id;
	int64_t estimate;	/* minutes */
	bool urgent;
	int64_t billed;		/* billable minutes logged */
};
void hb_book_scope_commitments(struct hb_book *book,
    const struct hb_scope *sc, const char *states,
    void (*fn)(void *ctx, const struct hb_commitment *c), void *ctx);

/* The derived rows beside the hours ledger: what entries drew from a
 * package on a day (and so in its month), what a task has worked and
 * billed, and what a person earned in the currency of a project's
 * client.  Only the hours ledger (hours.c) writes them, with its
 * entries. */
void hb_book_package_use_add(struct hb_book *book, int64_t package_id,
    hb_day day, int64_t minutes);
/* False, writing nothing, when the person's earnings in that currency
 * (set in currency, "" if the project is missing) would not fit in 64
 * bits of cents. */
bool hb_book_person_earned_add(struct hb_book *book, int64_t person_id,
    int64_t project_id, int64_t amount, char currency[4]);
void hb_book_task_use_add(struct hb_book *book, int64_t task_id,
    int64_t minutes, int64_t billable, int64_t overage);

void hb_book_invoice_insert(struct hb_book *book, int64_t package_id,
    int period, int64_t amount, hb_day issued);
void hb_book_payment_insert(struct hb_book *book, int64_t package_id,
    int period, hb_day paid);
/* kind: "load" or "lapse"; minutes signed (a lapse is negative). */
void hb_book_ledger_insert(struct hb_book *book, int64_t package_id,
    const char *kind, int64_t minutes, int period, hb_day day);
/* report-export balances' selection. */
struct hb_package_filter {
	const char *client, *project, *package;
};
/* Package ids matching the filter, in order, into an array the caller
 * frees. */
int64_t *hb_book_packages(struct hb_book *book,
    const struct hb_package_filter *f, size_t *count);

/* Time entries.  A split lists (package, minutes) pairs beyond the first. */
void hb_book_entry_insert(struct hb_book *book, struct hb_entry_row *e);
void hb_book_entry_split_insert(struct hb_book *book, int64_t entry_id,
    int64_t package_id, int64_t minutes);
/* An entry (note and reason are not read). */
bool hb_book_entry_get(struct hb_book *book, int64_t id,
    struct hb_entry_row *out);
/* The person's entry with this ref, or 0. */
int64_t hb_book_entry_by_ref(struct hb_book *book, int64_t person_id,
    const char *ref);
/* The entry that reverses id, or 0. */
int64_t hb_book_entry_reversal(struct hb_book *book, int64_t id);
/* The split of an entry beyond its first package: pairs into an array
 * (package, minutes, package, minutes, ...) the caller frees. */
int64_t *hb_book_entry_splits(struct hb_book *book, int64_t entry_id,
    size_t *npairs);

/* Earnings and withdrawals (schema 4). */
void hb_book_fee_insert(struct hb_book *book, int64_t person_id,
    int64_t task_id, int64_t amount, const char *currency, hb_day day);
/* What the task's fee credited so far, to anyone. */
int64_t hb_book_fee_credited(struct hb_book *book, int64_t task_id);
/* A person's money per currency: earned (entries, in their project's
 * currency, and fees), pending (requested, not yet paid, rejected or
 * cancelled), paid, and paid on the days first..last.  An array by
 * currency, the caller's to free; returns its length. */
struct hb_money_sums {
	char currency[4];
	int64_t earned, pending, paid, paid_in_month;
};
size_t hb_book_money_sums(struct hb_book *book, int64_t person_id,
    hb_day first, hb_day last, struct hb_money_sums **out);
/* The person's requests of month (YYYY-MM) that were not rejected or
 * cancelled. */
int hb_book_requests_in_month(struct hb_book *book, int64_t person_id,
    const char *month);
struct hb_withdrawal_row {
	int64_t person_id;
	int64_t amount;
	const char *currency;
	const char *month;
	hb_day due;
	const char *key;
};
int64_t hb_book_withdrawal_insert(struct hb_book *book,
    const struct hb_withdrawal_row *w);
bool hb_book_withdrawal_get(struct hb_book *book, int64_t id,
    struct hb_withdrawal *out);
/* The request person made with key, or 0. */
int64_t hb_book_withdrawal_by_key(struct hb_book *book, int64_t person_id,
    const char *key);
/* outcome: "paid", "rejected" (with a reason) or "cancelled". */
void hb_book_withdrawal_decide(struct hb_book *book, int64_t id,
    const char *outcome, const char *reason, hb_day day);
/* The withdrawals of person (NULL: everyone) requested on the local days
 * from..to (either NULL: open), oldest first. */
void hb_book_each_withdrawal(struct hb_book *book, const char *person,
    const char *from, const char *to,
    void (*fn)(void *ctx, const struct hb_withdrawal *), void *ctx);
/* Every credit of person (NULL: everyone) dated from..to (either NULL:
 * open): date, kind, task, entry, minutes, amount, person handle. */
struct hb_earning {
	const char *person, *day, *kind, *currency;
	int64_t task_id, entry_id, minutes, amount;
};
void hb_book_each_earning(struct hb_book *book, const char *person,
    const char *from, const char *to,
    void (*fn)(void *ctx, const struct hb_earning *), void *ctx);

/* Exports: rows streamed from one query, read through an opaque row. */
struct hb_row;
bool hb_row_null(const struct hb_row *row, int column);
int64_t hb_row_int(const struct hb_row *row, int column);
/* Borrowed until the callback returns; NULL for SQL NULL. */
const char *hb_row_text(const struct hb_row *row, int column);

struct hb_export_filter {
	const char *client, *project, *package, *person;
	const char *from, *to;	/* YYYY-MM-DD, inclusive */
};
enum hb_export {
	HB_EXPORT_ACTIVITIES,
	HB_EXPORT_ENTRIES,
	HB_EXPORT_COMMENTS,
	HB_EXPORT_EVENTS
};
void hb_book_export(struct hb_book *book, enum hb_export what,
    const struct hb_export_filter *f,
    void (*fn)(void *ctx, const struct hb_row *), void *ctx);

/* Named queries for billing and the SLA rules: parameters by position,
 * rows through hb_row, columns by the names beside each query (book.c
 * selects them in this order).  Returns the number of rows.  A list of
 * task states is bound as ",state,state," (hb_task_state_list). */
enum hb_query {
	HB_Q_MONTHLY_TO_INVOICE,	/* () -> HB_MONTHLY_* */
	HB_Q_FEES_TO_BILL,		/* (first, last) -> HB_FEE_* */
	HB_Q_OVERAGE,			/* (first, last) -> HB_OVER_* */
	HB_Q_LATE_DELIVERIES,		/* (day before, day after) -> HB_LATE_* */
	HB_Q_NEWEST_PACKAGE,		/* (project) -> the newest package
					   the client accepted */
	HB_Q_INVOICE_FIND,		/* (project, period, package) -> invoice */
	HB_Q_INVOICES_OF,		/* (period) -> HB_LINE_* */
	HB_Q_INVOICES_ALL,		/* (client, project, package, from, to)
					   -> HB_LINE_* */
	HB_Q_SLA_TASKS,			/* (project, final states) -> HB_OPEN_* */
	HB_Q_SLA_COMMENTS,		/* (project, final states) -> HB_TALK_* */
	HB_Q_SLA_WITHDRAWALS,		/* () -> HB_WAIT_* */
	HB_Q_DASH_TASKS,		/* (client, states) -> HB_DTASK_* */
	HB_Q_DASH_COMMENTS,		/* (client, how many) -> HB_DNOTE_* */
	HB_Q_DASH_INVOICES,		/* (client, first month, last month,
					   day) -> HB_DBILL_* */
	HB_Q_SALES_STANDING,		/* (project, month) -> the row of
					   the month not reversed */
	HB_Q_SALES_REVERSAL,		/* (sales row) -> the row reversing it */
	HB_Q_SALES_BILLED,		/* (project, month) -> the invoice
					   that billed its minimum fee, and
					   the one that billed its figures */
	HB_Q_PLAIN_INVOICE_FROM,	/* (project, month) -> the first
					   period from month on with an
					   invoice without a package */
	HB_Q_SALES_TO_BILL,		/* (month) -> HB_TOBILL_* */
	HB_Q_LATE_SHARES,		/* (month) -> HB_LSHARE_* */
	HB_Q_SHARE_PROJECTS,		/* (client, project) -> HB_SHARED_* */
	HB_Q_SALES_MONTHS,		/* (project) -> HB_SMONTH_* */
	HB_Q_CHECK_SALES_REVERSALS,	/* () -> the reversing rows that do
					   not negate their row: (id,
					   reverses) */
	HB_Q_CHECK_SALES_STANDING,	/* () -> the months with more than
					   one row standing: (project code,
					   month, how many) */
	HB_Q_DEEMED_TASKS,		/* () -> HB_DEEMED_* */
	HB_Q_TERM_PACKAGES,		/* (project) -> HB_TERMP_* */
	HB_Q_TERM_SHARES,		/* (project) -> HB_TERMS_* */
	/* Complaints and vouchers (schema 20, voucher.c). */
	HB_Q_COMPLAINT_INSERT,		/* (task, reason, actor, now) -> id */
	HB_Q_COMPLAINT_DECIDE,		/* (id, status, decision, actor, now,
					   minutes, amount, expires): an
					   open complaint only */
	HB_Q_COMPLAINTS,		/* (id, client, project) -> HB_CPL_* */
	HB_Q_VOUCHER_HOURS_DUE,		/* (project id, day) -> (complaint,
					   minutes, minutes): not loaded,
					   not expired */
	HB_Q_VOUCHER_LOAD,		/* (complaint, package, period) */
	HB_Q_VOUCHER_MONEY_DUE,		/* (project id, day) -> (complaint,
					   amount left, amount): not
					   expired, not spent */
	HB_Q_VOUCHER_LINE,		/* (invoice, line, description,
					   amount, complaint) */
	HB_Q_VOUCHER_CREDITS,		/* (complaint) -> (invoice, amount,
					   period) */
	HB_Q_SHEET_VOUCHERS,		/* (client, project, package, first
					   month, last month) -> HB_SV_* */
	HB_Q_CHECK_VOUCHERS,		/* () -> the vouchers whose credits
					   exceed them or whose load is
					   missing: (complaint, 1 for the
					   credits, 0 for the load) */
	HB_Q_COUNT
};

/* The blocked tasks of the projects that opted in to deemed delivery,
 * by id, with the moment they were last blocked. */
enum { HB_DEEMED_TASK, HB_DEEMED_PROJECT, HB_DEEMED_CODE, HB_DEEMED_TITLE,
	HB_DEEMED_CURRENCY, HB_DEEMED_SINCE };
/* A project's packages the client accepted (invoiced, active, closed):
 * what their terms are made of. */
enum { HB_TERMP_PACKAGE, HB_TERMP_STATUS, HB_TERMP_PLAN, HB_TERMP_START,
	HB_TERMP_MONTHS, HB_TERMP_EXPIRES, HB_TERMP_CLOSED_ON,
	HB_TERMP_CREATED };
/* A project's sales-share history by month: whether each step ends the
 * agreement (1) or holds terms (0). */
enum { HB_TERMS_FROM, HB_TERMS_ENDS };

/* Active monthly packages: what billing-run invoices. */
enum { HB_MONTHLY_PACKAGE, HB_MONTHLY_INVOICED, HB_MONTHLY_MONTHS,
	HB_MONTHLY_PRICE, HB_MONTHLY_START };
/* Package invoices issued in the month and not billed yet. */
enum { HB_FEE_INVOICE, HB_FEE_PACKAGE, HB_FEE_PROJECT, HB_FEE_PERIOD,
	HB_FEE_AMOUNT, HB_FEE_MINUTES, HB_FEE_PLAN, HB_FEE_MONTHS,
	HB_FEE_CURRENCY, HB_FEE_START, HB_FEE_ISSUED, HB_FEE_CLOSED_ON,
	HB_FEE_CODE };
/* Minutes over the packages, per project and step of its rate history
 * (the day the step starts, "0001-01-01" for the first). */
enum { HB_OVER_PROJECT, HB_OVER_MINUTES, HB_OVER_RATE, HB_OVER_CURRENCY,
	HB_OVER_CODE, HB_OVER_FROM };
/* Rigid tasks delivered about the month, not penalised yet. */
enum { HB_LATE_TASK, HB_LATE_PROJECT, HB_LATE_DUE, HB_LATE_DELIVERED_AT,
	HB_LATE_ESTIMATE, HB_LATE_FEE, HB_LATE_RATE, HB_LATE_PENALTY_BASE,
	HB_LATE_PENALTY_DAILY, HB_LATE_MODEL, HB_LATE_TITLE, HB_LATE_CURRENCY,
	HB_LATE_CODE };
/* An invoice's lines, as billing-run and report-export print them. */
enum { HB_LINE_INVOICE, HB_LINE_CLIENT, HB_LINE_PROJECT, HB_LINE_PACKAGE,
	HB_LINE_PERIOD, HB_LINE_LINE, HB_LINE_KIND, HB_LINE_DESCRIPTION,
	HB_LINE_QUANTITY, HB_LINE_UNIT_PRICE, HB_LINE_AMOUNT,
	HB_LINE_CURRENCY };
/* Open tasks and the moment they took their status. */
enum { HB_OPEN_TASK, HB_OPEN_CODE, HB_OPEN_PROJECT, HB_OPEN_STATUS,
	HB_OPEN_KIND, HB_OPEN_DUE, HB_OPEN_DUE_KIND, HB_OPEN_CREATED,
	HB_OPEN_SINCE };
/* Comments on open tasks, with their authors' roles. */
enum { HB_TALK_COMMENT, HB_TALK_TASK, HB_TALK_CODE, HB_TALK_PROJECT,
	HB_TALK_AUTHOR, HB_TALK_CREATED, HB_TALK_STATUS, HB_TALK_ROLE,
	HB_TALK_CONTACT };
/* Withdrawals waiting for an outcome. */
enum { HB_WAIT_WITHDRAWAL, HB_WAIT_PERSON, HB_WAIT_DUE, HB_WAIT_REQUESTED };
/* A client's tasks in some states, by due date (none last) and id, with
 * their project's and assignee's names and the moment they took their
 * status (NULL: at creation). */
enum { HB_DTASK_TASK, HB_DTASK_PROJECT, HB_DTASK_TITLE, HB_DTASK_STATUS,
	HB_DTASK_DUE, HB_DTASK_DUE_KIND, HB_DTASK_ASSIGNEE, HB_DTASK_SINCE,
	HB_DTASK_CREATED, HB_DTASK_ESTIMATE };
/* A client's newest comments, newest first, with the author's name. */
enum { HB_DNOTE_COMMENT, HB_DNOTE_TASK, HB_DNOTE_TITLE, HB_DNOTE_AUTHOR,
	HB_DNOTE_CREATED, HB_DNOTE_BODY };
/* A client's invoices of some months, newest first: the total, the
 * lines that bill a package invoice, and how many of those were paid
 * by the day. */
enum { HB_DBILL_INVOICE, HB_DBILL_PROJECT, HB_DBILL_PERIOD,
	HB_DBILL_CURRENCY, HB_DBILL_TOTAL, HB_DBILL_FEES, HB_DBILL_PAID };

/* The agreements in force in a month (its terms not ended) that are not
 * billed for it, with the month's figures (their sums: a reversal
 * cancels its row) and the row standing unreversed (0: none). */
enum { HB_TOBILL_PROJECT, HB_TOBILL_CODE, HB_TOBILL_CURRENCY,
	HB_TOBILL_MINIMUM, HB_TOBILL_KPI, HB_TOBILL_THRESHOLD,
	HB_TOBILL_PERCENT, HB_TOBILL_CAP, HB_TOBILL_STANDING,
	HB_TOBILL_UNITS, HB_TOBILL_REVENUE };
/* The figures logged for months billed at the minimum, before the month
 * billed, whose share is not billed yet: the terms of their month, the
 * row, and the invoice of their minimum fee. */
enum { HB_LSHARE_PROJECT, HB_LSHARE_CODE, HB_LSHARE_CURRENCY, HB_LSHARE_MINIMUM,
	HB_LSHARE_KPI, HB_LSHARE_THRESHOLD, HB_LSHARE_PERCENT, HB_LSHARE_CAP,
	HB_LSHARE_SALES, HB_LSHARE_UNITS, HB_LSHARE_REVENUE, HB_LSHARE_MONTH,
	HB_LSHARE_INVOICE };
/* The projects with a sales-share history, by code: their client and
 * currency. */
enum { HB_SHARED_PROJECT, HB_SHARED_CODE, HB_SHARED_CLIENT,
	HB_SHARED_CURRENCY };
/* A project's months with sales rows or a billed minimum fee, by month:
 * the sums of the figures, the rows standing unreversed, the invoice
 * that billed the month (NULL: none) and the one that billed its
 * figures (NULL: none, or not yet). */
enum { HB_SMONTH_MONTH, HB_SMONTH_UNITS, HB_SMONTH_REVENUE,
	HB_SMONTH_STANDING, HB_SMONTH_INVOICE, HB_SMONTH_SETTLED };
/* A complaint, its decision and its voucher (schema 20), by id:
 * credited is what invoice lines credited of a money voucher (cents, 0
 * and up); used_minutes is of the package it was loaded on. */
enum { HB_CPL_ID, HB_CPL_TASK, HB_CPL_TITLE, HB_CPL_PROJECT, HB_CPL_CLIENT,
	HB_CPL_CURRENCY, HB_CPL_REASON, HB_CPL_STATUS, HB_CPL_ACTOR,
	HB_CPL_CREATED, HB_CPL_DECISION, HB_CPL_DECIDED_BY, HB_CPL_DECIDED,
	HB_CPL_MINUTES, HB_CPL_AMOUNT, HB_CPL_EXPIRES, HB_CPL_PACKAGE,
	HB_CPL_PERIOD, HB_CPL_CREDITED, HB_CPL_CLIENT_ID,
	HB_CPL_USED_BEFORE_LOAD, HB_CPL_VOUCHERS_BEFORE };
/* The vouchers redeemed on the packages and invoices of a sheet: hours
 * loaded on a package (HB_SV_ON is the package, HB_SV_VALUE its minutes,
 * HB_SV_PERIOD NULL), then money credited on an invoice of the months
 * (HB_SV_ON the invoice, HB_SV_VALUE the credit, HB_SV_PERIOD its
 * month), by complaint. */
enum { HB_SV_KIND, HB_SV_COMPLAINT, HB_SV_TASK, HB_SV_ON, HB_SV_VALUE,
	HB_SV_PERIOD, HB_SV_CURRENCY, HB_SV_USED_BEFORE_LOAD,
	HB_SV_VOUCHERS_BEFORE };

struct hb_param {
	enum { HB_P_NULL, HB_P_NULL_INT, HB_P_INT, HB_P_TEXT } type;
	int64_t i;
	const char *s;
};
static inline struct hb_param
hb_int(int64_t v)
{
	struct hb_param p = { HB_P_INT, v, NULL };

	return p;
}

/* An integer parameter that is NULL. */
static inline struct hb_param
hb_null_int(void)
{
	struct hb_param p = { HB_P_NULL_INT, 0, NULL };

	return p;
}

/* Text; NULL binds SQL NULL. */
static inline struct hb_param
hb_text(const char *s)
{
	struct hb_param p = { s ? HB_P_TEXT : HB_P_NULL, 0, s };

	return p;
}

size_t hb_book_query(struct hb_book *book, enum hb_query q,
    const struct hb_param *params, size_t nparams,
    void (*fn)(void *ctx, const struct hb_row *), void *ctx);

/* Invoices (schema 5). */
int64_t hb_book_bill_insert(struct hb_book *book, int64_t project_id,
    int64_t package_id, const char *period, const char *currency);
void hb_book_bill_line_insert(struct hb_book *book, int64_t invoice_id,
    int line, const char *kind, const char *description,
    int64_t quantity_minutes, bool has_quantity, int64_t unit_price,
    int64_t amount, int64_t task_id, int64_t package_invoice_id,
    int64_t sales_id);
/* A new package_invoice row for period, dated day; returns its id. */
int64_t hb_book_package_invoice_add(struct hb_book *book, int64_t package_id,
    int period, int64_t amount, hb_day day);
/* Batches applied (--csv of a command whose rows add time or money). */
struct hb_batch_record {
	int64_t id;
	char *name, *actor, *at;	/* the caller's to free */
	int64_t records;
};
bool hb_book_batch_find(struct hb_book *book, const char *command,
    const char *digest, struct hb_batch_record *out);
void hb_book_batch_insert(struct hb_book *book, const char *command,
    const char *digest, const char *name, int64_t records);

/* Running timers (schema 15), one per person.  _get fills out (the
 * caller releases it) and says whether the person has one; _each reads
 * the timers of person_id, or everyone's when it is 0, by handle (the
 * record is borrowed for the call).  _insert records the actor and now;
 * started is a UTC timestamp, note may be NULL. */
bool hb_book_timer_get(struct hb_book *book, int64_t person_id,
    struct hb_timer *out);
void hb_book_each_timer(struct hb_book *book, int64_t person_id,
    void (*fn)(void *ctx, const struct hb_timer *), void *ctx);
void hb_book_timer_insert(struct hb_book *book, int64_t person_id,
    int64_t task_id, const char *started, const char *note);
void hb_book_timer_delete(struct hb_book *book, int64_t person_id);

/* Changes made once (--key, schema 8): the digest of the request an
 * actor made with a key to a command, the rows it printed, and when.
 * The strings are the caller's: hb_request_release(). */
struct hb_request {
	char *digest, *output, *at;
};
bool hb_book_request_find(struct hb_book *book, const char *command,
    const char *key, struct hb_request *out);
/* For the actor (cli.h: hb_actor), now. */
void hb_book_request_insert(struct hb_book *book, const char *command,
    const char *key, const char *digest, const char *output);
void hb_request_release(struct hb_request *r);

/* Undo the open transaction (billing-run --dry-run). */
void hb_book_rollback(struct hb_book *book);

/* book-check's readings (the rules are check.c's).  Strings are borrowed
 * for the call.  The database engine's own checks of its files: each
 * finding of SQLite's integrity_check, and each row whose reference
 * (foreign key) names a missing parent. */
void hb_book_check_storage(struct hb_book *book,
    void (*fn)(void *ctx, const char *message), void *ctx);
void hb_book_check_references(struct hb_book *book,
    void (*fn)(void *ctx, const char *table, int64_t rowid,
    const char *parent), void *ctx);
/* Commits in the WAL that SQLite drops because a frame before them (or
 * the WAL's header) fails its checksum: one message, or none. */
void hb_book_check_wal(struct hb_book *book, void (*fn)(void *ctx,
    const char *message), void *ctx);
/* Per package and day: the minutes package_use records, and what the
 * entries of that day drew (first package and splits). */
void hb_book_check_use(struct hb_book *book, void (*fn)(void *ctx,
    int64_t package_id, const char *day, int64_t recorded, int64_t drawn),
    void *ctx);
/* Per package and month ("YYYY-MM-01"): the minutes package_month
 * records, and what package_use records for the days of that month. */
void hb_book_check_months(struct hb_book *book, void (*fn)(void *ctx,
    int64_t package_id, const char *month, int64_t recorded, int64_t drawn),
    void *ctx);
/* Per person (handle) and currency: what person_earned records, and what
 * the person's entries earned. */
void hb_book_check_earned(struct hb_book *book, void (*fn)(void *ctx,
    const char *person, const char *currency, int64_t recorded,
    int64_t earned), void *ctx);
/* Per package: what the entries dated until `until` drew from it. */
void hb_book_check_draws(struct hb_book *book, hb_day until,
    void (*fn)(void *ctx, int64_t package_id, int64_t drawn), void *ctx);
/* Per task: its worked, billed and overage columns, and the sums of its
 * entries. */
struct hb_task_totals {
	int64_t task_id;
	int64_t worked, billed, overage;	/* what the task row says */
	int64_t minutes, billable, beyond;	/* what its entries add up to */
};
void hb_book_check_task_totals(struct hb_book *book, void (*fn)(void *ctx,
    const struct hb_task_totals *t), void *ctx);
/* Every reversal beside its original (NULL when that entry is missing),
 * ordered by the original; note, reason, ref and person are not read. */
void hb_book_check_reversals(struct hb_book *book, void (*fn)(void *ctx,
    const struct hb_entry_row *reversal, const struct hb_entry_row *original),
    void *ctx);
/* Each freelancer ("person", handle) and project ("project", code): its
 * rate, and the newest step of its rate history (has_history false when
 * it has none). */
void hb_book_check_rates(struct hb_book *book, void (*fn)(void *ctx,
    const char *entity, const char *key, int64_t rate, bool has_history,
    int64_t newest), void *ctx);
/* Invoices grouped by project, period and package (0: none). */
struct hb_invoice_group {
	int64_t project_id;
	const char *project;	/* its code, NULL when it is missing */
	const char *period;
	int64_t package_id;
	int64_t count, first, last;	/* how many, the lowest and highest id */
};
void hb_book_check_invoices(struct hb_book *book, void (*fn)(void *ctx,
    const struct hb_invoice_group *g), void *ctx);

#endif
