/*
 * records: the plain structs of the book's things, their release
 * functions, and the names of task states, kinds, roles, models and plans.
 *
 * They sit below both the store (book.h), which fills them, and the
 * domain (setup, task, package, hours, earnings ...), which works on them:
 * neither needs the other to know what a client or a task is.  Every
 * string member is owned by its record; release frees them and leaves the
 * record zeroed.
 */
#ifndef HOURBOOK_RECORDS_H
#define HOURBOOK_RECORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hourbook/date.h"

struct hb_client {
	int64_t id;
	char *name;
	char *display_name;
	char *email;
	char *currency;
	char *contact;		/* the contact's handle, or NULL */
	char *created;
	char *lang;		/* its activity sheet's language, or NULL:
				   the book's sheet.lang */
};

struct hb_person {
	int64_t id;
	char *handle;
	char *name;
	char *email;
	char *role;		/* "client", "freelancer" or "staff" */
	int64_t rate;		/* hourly pay in cents (freelancers) */
	int64_t client_id;	/* client-role people only, else 0 */
	char *client;
	char *created;
};

/* A sales-share agreement's terms (schema 17, seed 001): a monthly
 * minimum fee, plus a percentage of the month's sales above a KPI
 * threshold, optionally capped.  Not active: no agreement (none made, or
 * ended). */
struct hb_share_terms {
	bool active;
	int64_t minimum;	/* the monthly minimum fee, cents */
	bool by_revenue;	/* the threshold counts revenue, else units */
	int64_t threshold;	/* units sold, or cents of revenue, a month */
	int32_t percent;	/* of the sales above it, basis points */
	bool has_cap;
	int64_t cap;		/* the most the share is in a month, cents */
};

struct hb_project {
	int64_t id;
	char *code;
	int64_t client_id;
	char *client;
	char *currency;		/* the client's */
	char *name;
	int64_t rate;		/* hourly rate in cents */
	char *model;		/* "package" or "self-service" */
	bool has_penalty;
	int32_t penalty_base;	/* basis points */
	int32_t penalty_daily;	/* basis points per business day late */
	char *sla;		/* "key=value;..." overrides, or NULL */
	char *created;
	/* The newest step of its sales-share history and its month
	 * ("YYYY-MM"; "" when it has none). */
	struct hb_share_terms share;
	char share_from[8];
	/* Its own support window, or NULL: its plan's (config.h,
	 * hb_config_window); its priority set by staff, "top" or "normal",
	 * or NULL: from its plan. */
	char *support_hours;
	char *priority;
	/* Its tasks still blocked at the end of its contract term are
	 * deemed delivered (schema 19; billing-run, deemed.h). */
	bool deemed_delivery;
};

/* The choices of member-add --role and project-add --model. */
extern const char *const hb_person_roles[];
extern const char *const hb_project_models[];

void hb_client_release(struct hb_client *c);
void hb_person_release(struct hb_person *p);
void hb_project_release(struct hb_project *p);

/* A rate history (schema 16): a freelancer's pay rate or a project's
 * rate, each step from its day on until the next step's day, ascending.
 * The first step is dated HB_DAY_MIN: the rate since the beginning. */
struct hb_rate_step {
	hb_day from;
	int64_t rate;		/* cents an hour */
};
/* The rate of day: the newest step dated on or before it; `otherwise`
 * when there is none (a history that lost its first step). */
int64_t hb_rate_on(const struct hb_rate_step *steps, size_t n, hb_day day,
    int64_t otherwise);

enum hb_task_state {
	HB_TASK_IDEA,
	HB_TASK_REQUESTED,
	HB_TASK_ESTIMATED,
	HB_TASK_OPEN,
	HB_TASK_APPROVED,
	HB_TASK_IN_PROGRESS,
	HB_TASK_BLOCKED,
	HB_TASK_DELIVERED,
	HB_TASK_REVISION,
	HB_TASK_DONE,
	HB_TASK_REJECTED,
	HB_TASK_CANCELLED,
	HB_TASK_NSTATES
};

/* "idea", "requested", ..., NULL-terminated. */
extern const char *const hb_task_state_names[];
/* "idea", "request", "activity", NULL-terminated. */
extern const char *const hb_task_kinds[];
/* The state named s, or -1. */
int hb_task_state_find(const char *s);
/* done, rejected and cancelled: no move leaves them. */
bool hb_task_state_final(int state);
/* idea, requested, estimated: work the client has not agreed to. */
bool hb_task_state_proposed(int state);
/* A task's client approval as the activity sheet shows it: "pending"
 * while proposed, "rejected" or "cancelled", else "approved". */
const char *hb_task_client_approval(int state);
/* The states pred holds for, as ",a,b," into buf (the list the store
 * binds where SQL filters on states, so no list is copied into SQL). */
const char *hb_task_state_list(bool (*pred)(int state), char *buf,
    size_t size);
#define HB_TASK_STATE_LIST_BUFSZ 160

struct hb_task {
	int64_t id;
	int64_t project_id;
	char *project;
	int64_t client_id;
	char *model;		/* the project's */
	char *kind;		/* "idea", "request" or "activity" */
	char *title;
	char *description;
	int status;		/* enum hb_task_state */
	int blocked_from;	/* the state to go back to, or -1 */
	int64_t assignee_id;	/* 0 when unassigned */
	char *assignee;
	bool has_estimate;
	int64_t estimate;	/* minutes */
	bool has_due;
	hb_day due;
	bool rigid;
	bool urgent;
	bool extra;
	bool has_fee;
	int64_t fee;		/* cents */
	char *created;
	char *updated;
	int64_t worked;		/* minutes logged on it */
	int64_t billed;		/* billable minutes logged on it */
	bool paused;		/* blocked and paused since (deemed.h) */
	char *currency;		/* its project's (the client's) */
	bool top;		/* its project is top priority (task-list) */
};

void hb_task_release(struct hb_task *t);

/* Comments. */
struct hb_comment {
	int64_t id;
	int64_t task_id;
	char *author;
	char *body;
	int64_t reply_to;	/* 0 when none */
	char *created;
};
void hb_comment_release(struct hb_comment *c);

struct hb_package {
	int64_t id;
	int64_t project_id;
	char *project;
	char *client;
	char *currency;
	char *plan;		/* "standard", "monthly" or "upfront" */
	int64_t minutes;	/* bought (a month's, for monthly) */
	int64_t bonus_minutes;	/* loaded on top, per paid period */
	int32_t discount;	/* basis points */
	int32_t bonus;		/* basis points */
	int months;		/* monthly: the term; else 0 */
	int64_t rate;		/* the project's rate when quoted, cents/hour */
	int64_t price;		/* cents; a month's for monthly */
	bool has_expires;
	hb_day expires;
	bool lapse;		/* monthly: unused hours lapse at month end */
	char *status;		/* "quoted", "invoiced", "active", "closed" */
	char *created;
	bool has_start;
	hb_day start;		/* monthly: the first day of period 1's month */
	bool has_closed;
	hb_day closed_on;	/* closed: the day it closed */
	/* Figures as of a day (balance.h), filled by hb_package_load. */
	int64_t loaded, used, lapsed, committed, available, usable;
	int invoiced_periods, paid_periods;
	bool awaiting_payment;	/* an invoiced period is not paid */
};

void hb_package_release(struct hb_package *p);

/* "standard", "monthly", "upfront", NULL-terminated. */
extern const char *const hb_package_plans[];

struct hb_withdrawal {
	int64_t id;
	char *person;
	int64_t amount;		/* cents */
	char *currency;
	char *status;		/* "requested", "paid" or "rejected" */
	char *requested;	/* UTC timestamp */
	hb_day due;		/* the payout date */
	char *decided;		/* the date it was paid or rejected, or NULL */
	char *reason;		/* why it was rejected, or NULL */
	char *key;		/* the idempotency key, or NULL */
};

void hb_withdrawal_release(struct hb_withdrawal *w);

/* An event: one change to an entity (the strings are borrowed from the
 * store for the length of a callback). */
struct hb_event {
	int64_t id;
	const char *at, *actor, *entity, *key, *what, *old_value, *new_value,
	    *reason;
};

/* A time entry as the store keeps it: what it drew from its first package
 * (the split beyond it is rows of their own). */
struct hb_entry_row {
	int64_t id;
	int64_t task_id;
	int64_t person_id;
	hb_day day;
	int64_t minutes, billable, overage;
	int64_t package_id, package_minutes;	/* the first package, or 0 */
	int64_t earned;		/* cents credited to a freelancer */
	const char *note;
	int64_t reverses;
	const char *reason;
	const char *ref;	/* its id in the tool it came from, or NULL */
	char person[72];	/* the person's handle, filled by _get */
};

/* A running timer (hours-log --start): at most one per person. */
struct hb_timer {
	int64_t person_id;
	char *person;		/* the person's handle */
	int64_t task_id;
	char *started;		/* UTC timestamp: when the time began */
	char *note;		/* or NULL */
	char *actor;		/* who started it */
};
void hb_timer_release(struct hb_timer *t);

/* A step of a project's sales-share history (schema 17): the terms from
 * the first day of its month on, until the next step's month. */
struct hb_share_step {
	hb_day from;		/* the first day of its month */
	struct hb_share_terms terms;
};

/* A row of the sales ledger (sales-log, schema 17): a project's figures
 * for a month, or the reversal of a row (the figures negated). */
struct hb_sales {
	int64_t id;
	int64_t project_id;
	char *project;		/* its code */
	char *currency;		/* its client's */
	char *month;		/* "YYYY-MM" */
	int64_t units;
	int64_t revenue;	/* cents */
	char *note;		/* or NULL */
	int64_t reverses;	/* the row it reverses, or 0 */
	char *reason;		/* why it was reversed, or NULL */
	char *actor;
	char *created;
};
void hb_sales_release(struct hb_sales *s);

/* The kinds of names a user types: for "did you mean". */
enum hb_name_kind { HB_NAME_CLIENT, HB_NAME_PERSON, HB_NAME_PROJECT };

#endif
