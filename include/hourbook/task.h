/*
 * task: tasks, their state machine and who may move them; comments.
 *
 * The moves are one table (task.c: moves[]): from which states, to which
 * state, and who may make it.  Nothing else decides a move: task-set's
 * flags and --status both look their move up there, so a refused move can
 * always name the moves that are allowed.
 */
#ifndef HOURBOOK_TASK_H
#define HOURBOOK_TASK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hourbook/csv.h"
#include "hourbook/date.h"

struct hb_book;

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
	char *currency;		/* its project's (the client's) */
};

void hb_task_release(struct hb_task *t);

/* Raw strings of one record; NULL = not given. */
struct hb_task_input {
	const char *project, *kind, *assign, *estimate, *due, *rigid, *urgent,
	    *extra, *fee, *description, *title;
};
/* Add a task as the actor; fills *out. */
void hb_task_add(struct hb_book *book, const struct hb_task_input *in,
    struct hb_task *out);

/* What task-set asks of one task: field changes, then at most one move.
 * action is a move name ("approve", "start", ...) or NULL; status is a
 * target state name for --status, or NULL. */
struct hb_task_change {
	const char *estimate, *assign, *due, *reason, *block_reason;
	const char *action;
	const char *status;
};
void hb_task_set(struct hb_book *book, const char *task,
    const struct hb_task_change *change, struct hb_task *out);

/* The move names, for usage and messages. */
extern const char *const hb_task_actions[];

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
};
/* A filter that names nothing is a typo, not an empty list: die 66 with
 * the nearest names.  hb_task_list checks too; a command that prints a
 * header first checks before it. */
void hb_task_filter_check(struct hb_book *book,
    const struct hb_task_filter *f);
void hb_task_list(struct hb_book *book, const struct hb_task_filter *f,
    struct hb_csv_writer *w);

/* A task's events, oldest first, as CSV. */
extern const char *const hb_event_columns[];
void hb_task_history(struct hb_book *book, const char *task,
    struct hb_csv_writer *w);

extern const char *const hb_task_columns[];
void hb_task_print(struct hb_csv_writer *w, const struct hb_task *t);

/* Parse a task number, or fail (65) naming the column; check it exists
 * (66) when book is not NULL and fill *out. */
int64_t hb_task_id(const char *column, const char *s);
void hb_task_need(struct hb_book *book, const char *column, const char *s,
    struct hb_task *out);

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
void hb_comment_add(struct hb_book *book, const char *task, const char *body,
    const char *reply_to, struct hb_comment *out);
extern const char *const hb_comment_columns[];
void hb_comment_print(struct hb_csv_writer *w, const struct hb_comment *c);
/* A task's thread, oldest first. */
void hb_comment_list(struct hb_book *book, const char *task,
    struct hb_csv_writer *w);

#endif
