/*
 * setup: the things a book is set up with: clients, people and their teams,
 * projects and holidays.  The rules live here (a client speaks through one
 * contact; a client-role person only joins their client's projects; names
 * are unique), the SQL in book.c.  Failing rules end the program with
 * hb_fail(), naming the column, so that a batch stops with FILE:LINE.
 */
#ifndef HOURBOOK_SETUP_H
#define HOURBOOK_SETUP_H

#include <stdbool.h>
#include <stdint.h>
#include "hourbook/csv.h"
#include "hourbook/date.h"
#include "hourbook/records.h"
#include "hourbook/sales.h"

struct hb_book;


/* Inputs are the raw strings of one record (from options or a CSV row);
 * NULL means not given.  Each add function validates, writes, logs the
 * event and fills *out for printing. */
struct hb_client_input {
	const char *name, *display_name, *email, *currency;
	const char *lang;	/* en, it, pt or es; NULL: the book's */
};
void hb_client_add(struct hb_book *book, const struct hb_client_input *in,
    struct hb_client *out);

struct hb_person_input {
	const char *handle, *name, *email, *role, *client, *rate, *project;
	bool contact;
};
/* Adds the person, or for an existing handle only joins --project and/or
 * becomes the contact.  *joined is set when a project was joined. */
void hb_person_add(struct hb_book *book, const struct hb_person_input *in,
    struct hb_person *out, bool *joined);

struct hb_project_input {
	const char *code, *client, *name, *rate, *model, *penalty, *sla;
	/* The penalty as the projects export writes it: two columns. */
	const char *penalty_base, *penalty_daily;
	/* A sales-share agreement (sales.h; no_share is not taken). */
	struct hb_share_input share;
	/* Its own support window (support.hours syntax); its priority: plan
	 * (the default), top or normal. */
	const char *support_hours, *priority;
	/* A flag: "yes" opts in to deemed delivery (off by default). */
	const char *deemed_delivery;
};
void hb_project_add(struct hb_book *book, const struct hb_project_input *in,
    struct hb_project *out);

/* Corrections (client-set, member-set, project-set): staff only.  The
 * record named must exist (66 with the nearest names); each field given
 * that differs from the book's changes, with an event holding the old
 * and the new value and the reason, which a change needs; a field given
 * with the book's own value is no change.  Each fills *out with the
 * record as the book now holds it and returns whether anything changed. */
struct hb_client_change {
	const char *name, *display_name, *email, *contact, *reason;
};
bool hb_client_set(struct hb_book *book, const struct hb_client_change *in,
    struct hb_client *out);

/* rate with from: the rate from that day on, until the next change of
 * the history (member-set(1)); entries keep what they earned. */
struct hb_person_change {
	const char *handle, *name, *email, *rate, *from, *reason;
};
bool hb_person_set(struct hb_book *book, const struct hb_person_change *in,
    struct hb_person *out);

/* The penalty as PCT,PCT-PER-DAY or as two columns, or no_penalty (a
 * flag) to take it away; sla as project-add takes it, where "KEY=" takes
 * an override away. */
struct hb_project_change {
	const char *code, *name, *rate, *from, *penalty, *penalty_base,
	    *penalty_daily, *no_penalty, *sla, *reason;
	/* Its sales-share terms from a month on (sales.h: hb_share_set). */
	struct hb_share_input share;
	/* Its own support window, or no_support_hours (a flag): its plan's
	 * again; its priority: plan, top or normal. */
	const char *support_hours, *no_support_hours, *priority;
	/* A flag: deemed delivery on ("yes") or off ("no"). */
	const char *deemed_delivery;
};
bool hb_project_set(struct hb_book *book, const struct hb_project_change *in,
    struct hb_project *out);

/* The person leaves the project's team.  Their open tasks are unassigned or
 * given to reassign_to (who must be on the team); each task changed is
 * passed to on_task.  Returns the number of tasks changed. */
struct hb_task_ref {
	int64_t id;
	const char *title;
	const char *status;
	const char *assignee;	/* the new assignee, or NULL */
};
size_t hb_member_leave(struct hb_book *book, const char *project,
    const char *handle, const char *reassign_to,
    void (*on_task)(void *ctx, const struct hb_task_ref *), void *ctx);

/* Add a holiday; adding the same day with the same name again changes
 * nothing (returns false), with another name is refused. */
bool hb_holiday_add(struct hb_book *book, const char *date, const char *name,
    hb_day *day_out);

/* The output columns and row printers, shared by the commands that write
 * these records and by report-export. */
extern const char *const hb_client_columns[];
extern const char *const hb_person_columns[];
extern const char *const hb_project_columns[];
/* The choices of project-set --priority: plan, top, normal. */
extern const char *const hb_project_priorities[];
void hb_client_print(struct hb_csv_writer *w, const struct hb_client *c);
void hb_person_print(struct hb_csv_writer *w, const struct hb_person *p,
    const char *project);
void hb_project_print(struct hb_csv_writer *w, const struct hb_project *p);

#endif
