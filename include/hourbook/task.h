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
#include "hourbook/book.h"
#include "hourbook/records.h"

struct hb_book;


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
 * target state name for --status, or NULL.  The reopen move (staff, with
 * a reason) comes before the field changes: a done or cancelled task goes
 * back to the state it had before, as its event log says.  fee: a
 * self-service task's fee (staff, with a reason). */
struct hb_task_change {
	const char *estimate, *assign, *due, *reason, *block_reason;
	const char *action;
	const char *status;
	const char *fee;
	/* A flag: pause a blocked task past the client-info SLA (deemed.h;
	 * staff; the reason, optional, goes to the event). */
	const char *pause;
};
void hb_task_set(struct hb_book *book, const char *task,
    const struct hb_task_change *change, struct hb_task *out);

/* billing-run (deemed.h): a blocked task becomes done as deemed
 * delivered, its status event and a "deemed delivered" event (new: day)
 * dated at; a self-service task's fee is credited as on any done task. */
void hb_task_deem_delivered(struct hb_book *book, int64_t id,
    const char *at, const char *day, const char *reason);

/* The move names, for usage and messages. */
extern const char *const hb_task_actions[];

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
/* hb_task_list's columns with by_priority: the task's and "priority",
 * its project's ("top" or "normal"). */
extern const char *const hb_task_list_columns[];
void hb_task_print(struct hb_csv_writer *w, const struct hb_task *t);

/* Parse a task number, or fail (65) naming the column; check it exists
 * (66) when book is not NULL and fill *out. */
int64_t hb_task_id(const char *column, const char *s);
void hb_task_need(struct hb_book *book, const char *column, const char *s,
    struct hb_task *out);

void hb_comment_add(struct hb_book *book, const char *task, const char *body,
    const char *reply_to, struct hb_comment *out);
extern const char *const hb_comment_columns[];
void hb_comment_print(struct hb_csv_writer *w, const struct hb_comment *c);
/* A task's thread, oldest first. */
void hb_comment_list(struct hb_book *book, const char *task,
    struct hb_csv_writer *w);

#endif
