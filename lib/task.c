/*
 * task: the task state machine (one table), who may move a task, and the
 * task and comment records.
 */
#include <stdlib.h>
#include <string.h>

#include "hourbook/actor.h"
#include "hourbook/balance.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/clock.h"
#include "hourbook/diag.h"
#include "hourbook/duration.h"
#include "hourbook/field.h"
#include "hourbook/money.h"
#include "hourbook/names.h"
#include "hourbook/package.h"
#include "hourbook/money_ledger.h"
#include "hourbook/config.h"
#include "hourbook/deemed.h"
#include "hourbook/task.h"

#define TITLE_MAX 1000
#define DESCRIPTION_MAX 65536
#define BODY_MAX (1024 * 1024)

/* ---- who is acting ------------------------------------------------------ */

/* Who may make a move. */
enum {
	BY_STAFF = 1 << 0,	/* staff, and actors who are not in the book */
	BY_CONTACT = 1 << 1,	/* the designated contact of the task's client */
	BY_ASSIGNEE = 1 << 2,	/* the task's assignee */
	BY_ESTIMATOR = 1 << 3,	/* a freelancer on the team, on an unassigned
				   task or their own */
	BY_ANYONE = 1 << 4	/* anyone who may act on the task at all */
};

/* May the actor act on project (client, project ids) at all?  Fails with
 * exit 1 and the reason when not. */
static void
actor_on_project(struct hb_book *book, const struct hb_actor *a,
    int64_t project_id, const char *project, int64_t client_id)
{
	if (hb_actor_is_staff(a))
		return;
	if (hb_actor_is(a, "client")) {
		if (a->client_id != client_id)
			hb_fail(HB_EXIT_REFUSED, "project", "%s speaks for client "
			    "%s, and %s is not that client's project", a->handle,
			    a->client, project);
		return;
	}
	if (hb_book_member_state(book, project_id, a->person_id) != 1)
		hb_fail(HB_EXIT_REFUSED, "project", "%s is not on the team of %s",
		    a->handle, project);
}

/* The BY_ bits the actor holds for task t. */
static unsigned
actor_rights(const struct hb_actor *a, const struct hb_task *t)
{
	if (hb_actor_is_staff(a))
		return ~0u;
	if (hb_actor_is(a, "client"))
		return BY_ANYONE | (a->contact ? BY_CONTACT : 0);
	/* A freelancer: only their own tasks, or estimating unassigned ones. */
	if (t->assignee_id == a->person_id)
		return BY_ASSIGNEE | BY_ESTIMATOR | BY_ANYONE;
	return t->assignee_id == 0 ? BY_ESTIMATOR : 0;
}

static const char *
who_text(unsigned who)
{
	if (who & BY_ANYONE)
		return "anyone on the project (a freelancer only on their own tasks)";
	if (who == (BY_CONTACT | BY_STAFF))
		return "only the client's contact or staff";
	if (who == (BY_ASSIGNEE | BY_STAFF))
		return "only the assignee or staff";
	if (who == (BY_ESTIMATOR | BY_STAFF))
		return "only staff, or a freelancer on the team when the task is "
		    "theirs or unassigned";
	return "only staff";
}


/* ---- the moves ---------------------------------------------------------- */

#define S(x) (1u << HB_TASK_##x)
#define OPEN_STATES (S(IDEA) | S(REQUESTED) | S(ESTIMATED) | S(OPEN) | \
	S(APPROVED) | S(IN_PROGRESS) | S(DELIVERED) | S(REVISION))
#define BACK (-1)	/* unblock: back to the state it was blocked from */
#define BEFORE (-2)	/* reopen: back to the state before done or
			   cancelled, as the event log has it */

struct move {
	const char *action;
	unsigned from;		/* bits of the states it leaves */
	int to;			/* the state it reaches, or BACK */
	unsigned who;		/* BY_ bits that may make it */
};

/* SPEC §3, "States and moves".  Staff may make every move. */
static const struct move moves[] = {
	{ "approve", S(IDEA), HB_TASK_OPEN, BY_CONTACT | BY_STAFF },
	{ "reject", S(IDEA), HB_TASK_REJECTED, BY_CONTACT | BY_STAFF },
	{ "estimate", S(REQUESTED), HB_TASK_ESTIMATED, BY_ESTIMATOR | BY_STAFF },
	{ "approve", S(ESTIMATED), HB_TASK_APPROVED, BY_CONTACT | BY_STAFF },
	{ "reject", S(ESTIMATED), HB_TASK_REJECTED, BY_CONTACT | BY_STAFF },
	{ "start", S(OPEN) | S(APPROVED), HB_TASK_IN_PROGRESS,
	  BY_ASSIGNEE | BY_STAFF },
	{ "block", OPEN_STATES, HB_TASK_BLOCKED, BY_ANYONE | BY_STAFF },
	{ "unblock", S(BLOCKED), BACK, BY_ANYONE | BY_STAFF },
	{ "deliver", S(IN_PROGRESS) | S(REVISION), HB_TASK_DELIVERED,
	  BY_ASSIGNEE | BY_STAFF },
	{ "accept", S(DELIVERED), HB_TASK_DONE, BY_CONTACT | BY_STAFF },
	{ "revise", S(DELIVERED), HB_TASK_REVISION, BY_CONTACT | BY_STAFF },
	{ "cancel", OPEN_STATES | S(BLOCKED), HB_TASK_CANCELLED,
	  BY_CONTACT | BY_STAFF },
	/* A correction, not part of the workflow: with a reason. */
	{ "reopen", S(DONE) | S(CANCELLED), BEFORE, BY_STAFF },
};
#define NMOVES (sizeof moves / sizeof moves[0])

const char *const hb_task_actions[] = {
	"approve", "reject", "estimate", "start", "block", "unblock", "deliver",
	"accept", "revise", "cancel", "reopen", NULL
};

static int
move_target(const struct move *m, const struct hb_task *t)
{
	return m->to == BACK ? t->blocked_from : m->to;
}

/* "block, deliver, cancel": the moves that leave the task's state. */
static const char *
moves_from(const struct hb_task *t, char *buf, size_t size)
{
	buf[0] = '\0';
	for (size_t i = 0; i < NMOVES; i++) {
		if (!(moves[i].from & (1u << t->status)))
			continue;
		if (buf[0] != '\0')
			strncat(buf, ", ", size - strlen(buf) - 1);
		strncat(buf, moves[i].action, size - strlen(buf) - 1);
		strncat(buf, " (to ", size - strlen(buf) - 1);
		strncat(buf, move_target(&moves[i], t) >= 0
		    ? hb_task_state_names[move_target(&moves[i], t)]
		    : moves[i].to == BEFORE ? "its state before, by staff" : "?",
		    size - strlen(buf) - 1);
		strncat(buf, ")", size - strlen(buf) - 1);
	}
	if (buf[0] == '\0')
		snprintf(buf, size, "none: %s is final",
		    hb_task_state_names[t->status]);
	return buf;
}

/* The move that `action` (or reaching state `target`) means for t, or
 * fail with exit 1 naming the moves allowed. */
static const struct move *
find_move(const struct hb_task *t, const char *action, int target)
{
	char allowed[512];

	for (size_t i = 0; i < NMOVES; i++) {
		if (!(moves[i].from & (1u << t->status)))
			continue;
		if (action != NULL ? strcmp(moves[i].action, action) == 0
		    : move_target(&moves[i], t) == target)
			return &moves[i];
	}
	hb_fail(HB_EXIT_REFUSED, NULL, "task %lld is %s: it cannot %s%s; moves "
	    "from %s: %s", (long long)t->id, hb_task_state_names[t->status],
	    action ? action : "go to ",
	    action ? "" : hb_task_state_names[target],
	    hb_task_state_names[t->status], moves_from(t, allowed,
	    sizeof allowed));
}

static void
log_task(struct hb_book *book, const struct hb_task *t, const char *what,
    const char *old_value, const char *new_value, const char *reason)
{
	char key[24];

	snprintf(key, sizeof key, "%lld", (long long)t->id);
	hb_book_event(book, "task", key, what, old_value, new_value, reason);
}

/* The state a done or cancelled task had before it, from its event
 * log: the old value of the last status change into its state.  Blocked
 * comes back blocked from the state it was blocked from then.  A task
 * whose log does not say goes to open. */
struct before {
	int final;		/* the task's state now */
	int state, blocked_from;
	int last_blocked_from;	/* of the latest move into blocked */
};

static void
on_status(void *ctx, const struct hb_event *e)
{
	struct before *b = ctx;
	int old, new;

	if (strcmp(e->what, "status") != 0 || e->old_value == NULL ||
	    e->new_value == NULL)
		return;
	old = hb_task_state_find(e->old_value);
	new = hb_task_state_find(e->new_value);
	if (new == HB_TASK_BLOCKED)
		b->last_blocked_from = old;
	if (new == b->final && old >= 0) {
		b->state = old;
		b->blocked_from = old == HB_TASK_BLOCKED ? b->last_blocked_from
		    : -1;
	}
}

static int
state_before(struct hb_book *book, struct hb_task *t)
{
	struct before b = { t->status, -1, -1, -1 };
	char key[24];

	snprintf(key, sizeof key, "%lld", (long long)t->id);
	hb_book_each_event(book, "task", key, on_status, &b);
	if (b.state < 0 || hb_task_state_final(b.state) ||
	    (b.state == HB_TASK_BLOCKED && b.blocked_from < 0)) {
		t->blocked_from = -1;
		return HB_TASK_OPEN;
	}
	t->blocked_from = b.blocked_from;
	return b.state;
}

/* Done: the fee of a self-service task is earned by its assignee; done
 * again after a reopen, only what its fee has not credited yet (the fee
 * credited stays credited). */
static void
credit_fee(struct hb_book *book, const struct hb_task *t)
{
	if (t->has_fee && t->assignee_id > 0) {
		int64_t credited = hb_book_fee_credited(book, t->id);

		if (t->fee > credited)
			hb_earnings_credit_fee(book, t->id, t->assignee_id,
			    t->fee - credited, t->currency);
	}
}

static void
make_move(struct hb_book *book, const struct hb_actor *a, struct hb_task *t,
    const struct move *m, const char *reason)
{
	int from = t->status, to = move_target(m, t);

	if (!(actor_rights(a, t) & m->who))
		hb_fail(HB_EXIT_REFUSED, NULL, "task %lld: %s may not %s it: %s",
		    (long long)t->id, hb_actor_text(a), m->action, who_text(m->who));
	if (to == HB_TASK_ESTIMATED && !t->has_estimate)
		hb_fail_missing(NULL, "task %lld: estimating needs an "
		    "estimate (--estimate DURATION)", (long long)t->id);
	if (to == BEFORE)
		to = state_before(book, t);
	else if (to == HB_TASK_BLOCKED)
		t->blocked_from = from;
	else if (from == HB_TASK_BLOCKED)
		t->blocked_from = -1;
	t->status = to;
	log_task(book, t, "status", hb_task_state_names[from],
	    hb_task_state_names[to], reason);
	if (to == HB_TASK_DONE)
		credit_fee(book, t);
}

void
hb_task_deem_delivered(struct hb_book *book, int64_t id, const char *at,
    const char *day, const char *reason)
{
	struct hb_task t;

	if (!hb_book_task_get(book, id, &t))
		return;
	if (t.status == HB_TASK_BLOCKED) {
		char key[24];

		snprintf(key, sizeof key, "%lld", (long long)t.id);
		hb_book_event_at(book, at, "task", key, "status", "blocked",
		    "done", reason);
		hb_book_event_at(book, at, "task", key, "deemed delivered",
		    NULL, day, reason);
		t.status = HB_TASK_DONE;
		t.blocked_from = -1;
		credit_fee(book, &t);
		free(t.updated);
		t.updated = hb_now_text();
		hb_book_task_update(book, &t);
	}
	hb_task_release(&t);
}

/* ---- budget rules on package projects ----------------------------------- */

/* Minutes a task will take from the packages: its estimate, times the
 * urgent factor when it is urgent. */
static int64_t
task_need(struct hb_book *book, const struct hb_task *t)
{
	int64_t need;

	if (!hb_mul(t->estimate, t->urgent
	    ? hb_config_int(book, "task.urgent_factor", 0) : 1, &need))
		hb_die(HB_EXIT_DATA, "task %lld: its estimate times "
		    "task.urgent_factor is too large", (long long)t->id);
	return need;
}

/* An extra request on a package project has just been estimated: refuse it
 * when the packages cannot cover it, approve it at once when it is minor
 * (task.minor_minutes). */
static void
extra_request_budget(struct hb_book *book, struct hb_task *t)
{
	int64_t need, available;

	if (!t->extra || strcmp(t->model, "package") != 0 ||
	    t->status != HB_TASK_ESTIMATED)
		return;
	need = task_need(book, t);
	available = hb_project_available(book, t->project_id, NULL);
	if (need > available)
		hb_fail(HB_EXIT_REFUSED, NULL, "task %lld: the extra request "
		    "needs %lld minutes and the packages of %s have %lld "
		    "available", (long long)t->id, (long long)need, t->project,
		    (long long)available);
	if (t->estimate <= hb_config_int(book, "task.minor_minutes", 0)) {
		t->status = HB_TASK_APPROVED;
		log_task(book, t, "status", "estimated", "approved",
		    "minor extra request: approved at once");
	}
}

/* Approving an estimate re-checks the packages: a warning, not a
 * refusal.  So does reopening a task, whose estimate is committed again:
 * what it needs is the part not logged yet, and an extra task that the
 * packages cannot cover is refused, as its request was (SPEC §3). */
static void
approval_check(struct hb_book *book, const struct hb_task *t, bool reopened)
{
	int64_t need, available;

	if (strcmp(t->model, "package") != 0 || !t->has_estimate ||
	    !hb_state_committed(t->status == HB_TASK_BLOCKED
	    ? t->blocked_from : t->status))
		return;
	need = task_need(book, t) - t->billed;
	if (need <= 0)
		return;
	/* The book holds the task as it was (done, cancelled, estimated):
	 * the balance is without its commitment. */
	available = hb_project_available(book, t->project_id, NULL);
	if (reopened) {
		if (t->extra && need > available)
			hb_fail(HB_EXIT_REFUSED, NULL, "task %lld: reopened, the "
			    "extra task needs %lld minutes more and the packages "
			    "of %s have %lld available", (long long)t->id,
			    (long long)need, t->project, (long long)available);
	}
	if (need > available)
		hb_warn("task %lld needs %lld minutes; the packages of %s have "
		    "%lld available, which may not cover it", (long long)t->id,
		    (long long)need, t->project, (long long)available);
}

/* ---- records -------------------------------------------------------- */

int64_t
hb_task_id(const char *column, const char *s)
{
	return hb_field_count(column, s, 1, INT64_C(999999999999));
}

void
hb_task_need(struct hb_book *book, const char *column, const char *s,
    struct hb_task *out)
{
	hb_need_task(book, column, s, out);
}

/* The assignee: on the team, and not a client's person. */
static void
check_assignee(struct hb_book *book, const char *column, const char *handle,
    int64_t project_id, const char *project, struct hb_person *p)
{
	hb_need_person(book, column, handle, p);
	if (strcmp(p->role, "client") == 0)
		hb_fail(HB_EXIT_REFUSED, column, "%s is a client's person; tasks "
		    "go to freelancers or staff", handle);
	if (hb_book_member_state(book, project_id, p->id) != 1)
		hb_fail(HB_EXIT_REFUSED, column, "%s is not on the team of %s",
		    handle, project);
}

void
hb_task_add(struct hb_book *book, const struct hb_task_input *in,
    struct hb_task *out)
{
	const struct hb_actor *a;
	struct hb_project j;
	struct hb_task t = { 0 };
	struct hb_person p;
	size_t kind;
	bool estimated = false;

	a = hb_actor_get(book);
	hb_need_project(book, "project", in->project, &j);
	actor_on_project(book, a, j.id, j.code, j.client_id);
	kind = hb_given(in->kind) ? hb_field_choice("kind", in->kind, hb_task_kinds)
	    : hb_actor_is(a, "client") ? 1 : 2;
	t.project_id = j.id;
	t.client_id = j.client_id;
	t.project = hb_xstrdup(j.code);
	t.model = hb_xstrdup(j.model);
	t.kind = hb_xstrdup(hb_task_kinds[kind]);
	if (!hb_given(in->title))
		hb_fail_missing("title", "is empty");
	t.title = hb_xstrdup(hb_field_text("title", in->title, TITLE_MAX, 0));
	t.description = hb_xstrdup(hb_given(in->description) ? hb_field_text(
	    "description", in->description, DESCRIPTION_MAX, 1) : "");
	t.blocked_from = -1;
	if (hb_given(in->assign)) {
		check_assignee(book, "assign", in->assign, j.id, j.code, &p);
		t.assignee_id = p.id;
		t.assignee = hb_xstrdup(p.handle);
		hb_person_release(&p);
	}
	if (hb_given(in->estimate)) {
		t.has_estimate = true;
		t.estimate = hb_field_minutes("estimate", in->estimate);
	}
	if (hb_given(in->due)) {
		t.has_due = true;
		t.due = hb_field_date("due", in->due);
	}
	if (hb_given(in->rigid) && (strcmp(in->rigid, "rigid") == 0 ||
	    (strcmp(in->rigid, "flexible") != 0 &&
	    hb_field_flag("rigid", in->rigid)))) {
		if (!t.has_due)
			hb_fail_missing("rigid", "a rigid due date needs --due");
		t.rigid = true;
	}
	t.urgent = hb_given(in->urgent) && hb_field_flag("urgent", in->urgent);
	t.extra = hb_given(in->extra) && hb_field_flag("extra", in->extra);
	if (hb_given(in->fee)) {
		if (strcmp(j.model, "self-service") != 0)
			hb_fail(HB_EXIT_DATA, "fee", "fees are paid on self-service "
			    "projects; %s is a %s project", j.code, j.model);
		t.has_fee = true;
		t.fee = hb_field_money("fee", in->fee);
	}
	t.status = kind == 0 ? HB_TASK_IDEA : kind == 1 ? HB_TASK_REQUESTED
	    : HB_TASK_OPEN;
	/* An estimate given with a request is the estimate move itself. */
	if (t.status == HB_TASK_REQUESTED && t.has_estimate) {
		if (hb_actor_is(a, "client"))
			hb_fail(HB_EXIT_REFUSED, "estimate", "%s may not estimate "
			    "a request: %s", hb_actor_text(a),
			    who_text(BY_ESTIMATOR | BY_STAFF));
		estimated = true;
	}
	t.created = hb_now_text();
	t.updated = hb_xstrdup(t.created);
	hb_book_task_insert(book, &t);
	log_task(book, &t, "created", NULL, hb_task_state_names[t.status], NULL);
	if (estimated) {
		make_move(book, a, &t, find_move(&t, "estimate", 0), NULL);
		extra_request_budget(book, &t);
		hb_book_task_update(book, &t);
	}
	hb_project_release(&j);
	/* Read back, so the printed row is what the book holds. */
	{
		int64_t id = t.id;

		hb_task_release(&t);
		hb_book_task_get(book, id, out);
	}
}

/* Fields of a done, rejected or cancelled task no longer change; feeding
 * the same values back (task-list into task-set) is not a change. */
static void
refuse_if_final(const struct hb_task *t)
{
	if (hb_task_state_final(t->status))
		hb_fail(HB_EXIT_REFUSED, NULL, "task %lld is %s: it can no longer "
		    "change", (long long)t->id, hb_task_state_names[t->status]);
}

void
hb_task_set(struct hb_book *book, const char *task,
    const struct hb_task_change *ch, struct hb_task *out)
{
	const struct hb_actor *a;
	struct hb_task t;
	struct hb_person p;
	char old[32], new[32];
	bool changed = false, reopening;
	int target = -1;

	a = hb_actor_get(book);
	hb_task_need(book, "task", task, &t);
	actor_on_project(book, a, t.project_id, t.project, t.client_id);
	if (hb_given(ch->status) && (target = hb_task_state_find(ch->status)) < 0)
		hb_fail(HB_EXIT_DATA, "status", "\"%s\" is not a task state",
		    ch->status);

	/* A reopen comes first: the changes given with it are to the
	 * reopened task. */
	reopening = hb_given(ch->action) && strcmp(ch->action, "reopen") == 0;
	if (reopening) {
		const struct move *m;

		if (!hb_actor_is_staff(a))
			hb_fail(HB_EXIT_REFUSED, NULL, "task %lld: %s may not "
			    "reopen it: only staff", (long long)t.id,
			    hb_actor_text(a));
		m = find_move(&t, "reopen", 0);
		if (!hb_given(ch->reason))
			hb_fail_missing("reopen", "reopening task %lld needs a "
			    "reason (--reason TEXT): it goes to the event log",
			    (long long)t.id);
		make_move(book, a, &t, m, hb_field_text("reason", ch->reason,
		    1000, 0));
		changed = true;
	}

	if (hb_given(ch->estimate)) {
		int64_t minutes = hb_field_minutes("estimate", ch->estimate);

		if (!(actor_rights(a, &t) & (BY_ESTIMATOR | BY_STAFF)))
			hb_fail(HB_EXIT_REFUSED, "estimate", "%s may not estimate "
			    "task %lld: %s", hb_actor_text(a), (long long)t.id,
			    who_text(BY_ESTIMATOR | BY_STAFF));
		if (!t.has_estimate || t.estimate != minutes) {
			refuse_if_final(&t);
			snprintf(old, sizeof old, "%lld", (long long)t.estimate);
			snprintf(new, sizeof new, "%lld", (long long)minutes);
			log_task(book, &t, "estimate", t.has_estimate ? old : NULL,
			    new, NULL);
			t.has_estimate = true;
			t.estimate = minutes;
			changed = true;
		}
		if (t.status == HB_TASK_REQUESTED) {
			make_move(book, a, &t, find_move(&t, "estimate", 0), NULL);
			extra_request_budget(book, &t);
		}
	}
	if (hb_given(ch->assign)) {
		check_assignee(book, "assign", ch->assign, t.project_id, t.project,
		    &p);
		/* Staff and the client's contact assign; a freelancer may take
		 * an unassigned task for themselves. */
		if (!hb_actor_is_staff(a) && !(hb_actor_is(a, "client") && a->contact) &&
		    !(t.assignee_id == 0 && p.id == a->person_id))
			hb_fail(HB_EXIT_REFUSED, "assign", "%s may not assign task "
			    "%lld: only staff, the client's contact, or a "
			    "freelancer taking an unassigned task",
			    hb_actor_text(a), (long long)t.id);
		if (t.assignee_id != p.id) {
			refuse_if_final(&t);
			log_task(book, &t, "assignee", t.assignee, p.handle, NULL);
			free(t.assignee);
			t.assignee = hb_xstrdup(p.handle);
			t.assignee_id = p.id;
			changed = true;
		}
		hb_person_release(&p);
	}
	if (hb_given(ch->due)) {
		hb_day due = hb_field_date("due", ch->due);
		char buf[HB_DATE_BUFSZ], was[HB_DATE_BUFSZ];

		if (!t.has_due || t.due != due) {
			refuse_if_final(&t);
			if (!hb_given(ch->reason))
				hb_fail_missing("due", "changing the due "
				    "date of task %lld needs a reason (--reason)",
				    (long long)t.id);
			hb_field_text("reason", ch->reason, 1000, 0);
			if (!(actor_rights(a, &t) & (BY_CONTACT | BY_STAFF)))
				hb_fail(HB_EXIT_REFUSED, "due", "%s may not change "
				    "the due date of task %lld: %s", hb_actor_text(a),
				    (long long)t.id,
				    who_text(BY_CONTACT | BY_STAFF));
			log_task(book, &t, "due", t.has_due
			    ? hb_date_format(t.due, was) : NULL,
			    hb_date_format(due, buf), ch->reason);
			t.has_due = true;
			t.due = due;
			changed = true;
		}
	}
	if (hb_given(ch->fee)) {
		int64_t fee = hb_field_money("fee", ch->fee), credited;
		char was[HB_MONEY_BUFSZ], now[HB_MONEY_BUFSZ];

		/* The fee task-list printed, fed back, is no change. */
		if (!t.has_fee || t.fee != fee) {
			if (!hb_actor_is_staff(a))
				hb_fail(HB_EXIT_REFUSED, "fee", "%s may not change "
				    "the fee of task %lld: only staff",
				    hb_actor_text(a), (long long)t.id);
			if (strcmp(t.model, "self-service") != 0)
				hb_fail(HB_EXIT_DATA, "fee", "fees are paid on "
				    "self-service projects; %s is a %s project",
				    t.project, t.model);
			refuse_if_final(&t);
			if (!hb_given(ch->reason))
				hb_fail_missing("fee", "changing the fee of task "
				    "%lld needs a reason (--reason TEXT): it goes "
				    "to the event log", (long long)t.id);
			hb_field_text("reason", ch->reason, 1000, 0);
			/* Money credited stays credited: a task done, then
			 * reopened, keeps at least that fee. */
			credited = hb_book_fee_credited(book, t.id);
			if (fee < credited)
				hb_fail(HB_EXIT_REFUSED, "fee", "task %lld: its "
				    "fee credited %s %s already, when it was done: "
				    "a fee below that is refused", (long long)t.id,
				    hb_money_format(credited, '.', was),
				    t.currency);
			log_task(book, &t, "fee", t.has_fee ?
			    hb_money_format(t.fee, '.', was) : NULL,
			    hb_money_format(fee, '.', now), ch->reason);
			t.has_fee = true;
			t.fee = fee;
			changed = true;
		}
	}
	if (target == t.status && !hb_given(ch->action))
		target = -1;
	if (!reopening && (hb_given(ch->action) || target >= 0)) {
		const char *reason = NULL;

		if (hb_given(ch->action) && strcmp(ch->action, "block") == 0) {
			if (!hb_given(ch->block_reason))
				hb_fail_missing("block", "blocking needs a "
				    "reason");
			reason = hb_field_text("block", ch->block_reason, 1000, 0);
		}
		if (target == HB_TASK_BLOCKED)
			hb_fail(HB_EXIT_REFUSED, "status", "use --block REASON to "
			    "block a task");
		make_move(book, a, &t, find_move(&t, hb_given(ch->action)
		    ? ch->action : NULL, target), reason);
		if (t.status == HB_TASK_APPROVED)
			approval_check(book, &t, false);
		changed = true;
	}
	if (hb_given(ch->pause) && hb_field_flag("pause", ch->pause)) {
		if (hb_task_pause(book, t.id, hb_given(ch->reason)
		    ? hb_field_text("reason", ch->reason, 1000, 0) : NULL))
			changed = true;
		else
			hb_note("task %lld is paused already", (long long)t.id);
		t.paused = true;
	}
	/* Before the update: the book's balance is without the reopened
	 * task's commitment. */
	if (reopening)
		approval_check(book, &t, true);
	if (changed) {
		free(t.updated);
		t.updated = hb_now_text();
		hb_book_task_update(book, &t);
	}
	*out = t;
}

/* ---- output ------------------------------------------------------------ */

const char *const hb_task_columns[] = {
	"task", "project", "kind", "title", "status", "assignee",
	"estimate_minutes", "due", "due_kind", "urgent", "extra", "fee",
	"currency", "created", "updated", "description", "paused", NULL
};

/* task-list's: the task's columns and its project's priority. */
const char *const hb_task_list_columns[] = {
	"task", "project", "kind", "title", "status", "assignee",
	"estimate_minutes", "due", "due_kind", "urgent", "extra", "fee",
	"currency", "created", "updated", "description", "paused", "priority",
	NULL
};

static void task_fields(struct hb_csv_writer *w, const struct hb_task *t);

void
hb_task_print(struct hb_csv_writer *w, const struct hb_task *t)
{
	task_fields(w, t);
	hb_csv_end_row(w);
}

static void
task_fields(struct hb_csv_writer *w, const struct hb_task *t)
{
	char due[HB_DATE_BUFSZ];

	hb_csv_int(w, t->id);
	hb_csv_text(w, t->project);
	hb_csv_text(w, t->kind);
	hb_csv_text(w, t->title);
	hb_csv_text(w, hb_task_state_names[t->status]);
	hb_csv_text(w, t->assignee);
	if (t->has_estimate)
		hb_csv_minutes(w, t->estimate);
	else
		hb_csv_null(w);
	hb_csv_date(w, t->has_due ? hb_date_format(t->due, due) : NULL);
	hb_csv_text(w, t->rigid ? "rigid" : "flexible");
	hb_csv_text(w, t->urgent ? "yes" : "no");
	hb_csv_text(w, t->extra ? "yes" : "no");
	if (t->has_fee)
		hb_csv_money(w, t->fee);
	else
		hb_csv_null(w);
	hb_csv_text(w, t->currency);	/* its project's: the fee's */
	hb_csv_timestamp(w, t->created);
	hb_csv_timestamp(w, t->updated);
	hb_csv_text(w, t->description);
	hb_csv_text(w, t->paused ? "yes" : "no");
}

struct listing {
	struct hb_book *book;
	const struct hb_task_filter *f;
	struct hb_calendar cal;
	struct hb_csv_writer *w;
};

static void
print_task(void *ctx, const struct hb_task *t)
{
	struct listing *l = ctx;

	/* Overdue: its paused days are not late (deemed.h). */
	if (l->f->overdue && t->has_due &&
	    !hb_task_late(l->book, &l->cal, t->id, t->due, l->f->today))
		return;
	task_fields(l->w, t);
	/* task-list's order is by priority: it says which. */
	if (l->f->by_priority)
		hb_csv_text(l->w, t->top ? "top" : "normal");
	hb_csv_end_row(l->w);
}

void
hb_task_filter_check(struct hb_book *book, const struct hb_task_filter *f)
{
	struct hb_person p;

	hb_check_names(book, f->client, f->project, NULL, NULL);
	if (f->assignee != NULL) {
		hb_need_person(book, "assignee", f->assignee, &p);
		hb_person_release(&p);
	}
}

void
hb_task_list(struct hb_book *book, const struct hb_task_filter *f,
    struct hb_csv_writer *w)
{
	struct listing l = { book, f, { 0 }, w };

	hb_task_filter_check(book, f);
	if (f->overdue)
		hb_config_calendar(book, &l.cal);
	hb_book_each_task(book, f, print_task, &l);
	if (f->overdue)
		hb_config_calendar_release(&l.cal);
}

const char *const hb_event_columns[] = {
	"event", "task", "at", "actor", "what", "old", "new", "reason", NULL
};

static void
print_event(void *ctx, const struct hb_event *e)
{
	struct hb_csv_writer *w = ctx;

	hb_csv_int(w, e->id);
	hb_csv_text(w, e->key);
	hb_csv_timestamp(w, e->at);
	hb_csv_text(w, e->actor);
	hb_csv_text(w, e->what);
	hb_csv_text(w, e->old_value);
	hb_csv_text(w, e->new_value);
	hb_csv_text(w, e->reason);
	hb_csv_end_row(w);
}

void
hb_task_history(struct hb_book *book, const char *task,
    struct hb_csv_writer *w)
{
	struct hb_task t;
	char key[24];

	hb_task_need(book, "task", task, &t);
	snprintf(key, sizeof key, "%lld", (long long)t.id);
	hb_book_each_event(book, "task", key, print_event, w);
	hb_task_release(&t);
}

/* ---- comments -------------------------------------------------------- */

const char *const hb_comment_columns[] = {
	"comment", "task", "author", "reply_to", "created", "body", NULL
};

void
hb_comment_add(struct hb_book *book, const char *task, const char *body,
    const char *reply_to, struct hb_comment *out)
{
	const struct hb_actor *a;
	struct hb_task t;
	struct hb_comment c = { 0 }, parent;

	a = hb_actor_get(book);
	hb_task_need(book, "task", task, &t);
	actor_on_project(book, a, t.project_id, t.project, t.client_id);
	if (!hb_given(body))
		hb_fail_missing("body", "is empty (give -m TEXT or -F FILE)");
	if (!hb_utf8_valid(body, strlen(body)))
		hb_fail(HB_EXIT_DATA, "body", "is not valid UTF-8");
	if (strlen(body) > BODY_MAX)
		hb_fail(HB_EXIT_DATA, "body", "is longer than 1 MiB");
	if (hb_given(reply_to)) {
		int64_t id = hb_field_count("reply_to", reply_to, 1,
		    INT64_C(999999999999));

		if (!hb_book_comment_get(book, id, &parent))
			hb_fail(HB_EXIT_NOINPUT, "reply_to", "comment %lld does "
			    "not exist", (long long)id);
		if (parent.task_id != t.id)
			hb_fail(HB_EXIT_REFUSED, "reply_to", "comment %lld is on "
			    "task %lld, not on task %lld", (long long)id,
			    (long long)parent.task_id, (long long)t.id);
		c.reply_to = id;
		hb_comment_release(&parent);
	}
	c.task_id = t.id;
	c.author = hb_xstrdup(a->handle);
	c.body = hb_xstrdup(body);
	c.created = hb_now_text();
	hb_book_comment_insert(book, &c);
	hb_task_release(&t);
	*out = c;
}

void
hb_comment_print(struct hb_csv_writer *w, const struct hb_comment *c)
{
	hb_csv_int(w, c->id);
	hb_csv_int(w, c->task_id);
	hb_csv_text(w, c->author);
	if (c->reply_to > 0)
		hb_csv_int(w, c->reply_to);
	else
		hb_csv_null(w);
	hb_csv_timestamp(w, c->created);
	hb_csv_text(w, c->body);
	hb_csv_end_row(w);
}

static void
print_comment(void *ctx, const struct hb_comment *c)
{
	hb_comment_print(ctx, c);
}

void
hb_comment_list(struct hb_book *book, const char *task,
    struct hb_csv_writer *w)
{
	struct hb_task t;

	hb_task_need(book, "task", task, &t);
	hb_book_each_comment(book, t.id, print_comment, w);
	hb_task_release(&t);
}
