/*
 * hours: time entries and their deduction from packages.
 *
 * A logger lives for one transaction (one command) and keeps what every row
 * of a batch asks again: tasks, people, team membership and each project's
 * packages with their balances (balance.c, the one computation).  A
 * project's balances are read when it is first seen and then move with
 * every entry written, so a batch of a million rows reads the ledger once
 * per project, and the book's write transaction keeps another process from
 * changing it meanwhile.  What the entries drew per package and day, and
 * what each task worked and billed, are summed here and written once, by
 * hb_logger_flush, before the commit.
 */
#include <stdlib.h>
#include <string.h>

#include "hourbook/actor.h"
#include "hourbook/balance.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/clock.h"
#include "hourbook/config.h"
#include "hourbook/diag.h"
#include "hourbook/duration.h"
#include "hourbook/field.h"
#include "hourbook/money.h"
#include "hourbook/names.h"
#include "hourbook/package.h"
#include "hourbook/task.h"

#define NOTE_MAX 4096
#define REF_MAX 200
#define ENTRY_MINUTES_MAX (24 * 60)

struct task_info {
	int64_t id;		/* 0: an empty slot */
	int64_t project_id;
	int status;
	int blocked_from;
	bool urgent;
	bool package_model;	/* its project sells prepaid hours */
	bool has_estimate;
	int64_t estimate;
	int64_t billed;		/* billable minutes logged, kept current */
	int64_t add_worked, add_billed, add_overage;	/* not yet written */
};

struct project_info {
	int64_t id;
	bool package_model;
	struct hb_balances *bal;	/* the project's packages */
	size_t *active;		/* indexes of its active ones, oldest first */
	size_t nactive;
};

struct person_info {
	char *handle;
	int64_t id;
	char *role;
	int64_t rate;		/* cents an hour, freelancers: the newest */
	struct hb_rate_step *rates;	/* a freelancer's rate history */
	size_t nrates;
};

/* A (project, person) pair met in the batch: whether the person is on
 * the team, once asked, and what they earned there not yet written. */
struct member_info {
	int64_t project_id, person_id;	/* project 0: an empty slot */
	bool asked, member;
	int64_t add_earned;
};

/* What entries drew from a package on a day, not yet written. */
struct use {
	int64_t package_id;	/* 0: an empty slot */
	hb_day day;
	int64_t minutes;
};

struct hb_logger {
	struct hb_book *book;
	int64_t factor;
	hb_day today;
	struct person_info actor;	/* id 0: the bootstrap actor (staff) */
	struct task_info *tasks;	/* open addressing on the task id */
	size_t tasks_cap, tasks_count;
	struct project_info *projects;
	size_t nprojects;
	struct person_info *people;
	size_t npeople;
	struct member_info *members;	/* open addressing on the pair */
	size_t members_cap, nmembers;
	struct use *uses;	/* open addressing on (package, day) */
	size_t uses_cap, uses_count;
	int64_t first_id;	/* the first entry this run wrote, or 0 */
};

/* The handle of a person the run met. */
static const char *
handle_of(const struct hb_logger *l, int64_t person_id)
{
	for (size_t i = 0; i < l->npeople; i++)
		if (l->people[i].id == person_id)
			return l->people[i].handle;
	return l->actor.id == person_id ? l->actor.handle : "a person";
}

static void
person_load(struct hb_book *book, const char *column, const char *handle,
    struct person_info *out)
{
	struct hb_person p;

	hb_need_person(book, column, handle, &p);
	out->handle = hb_xstrdup(p.handle);
	out->id = p.id;
	out->role = hb_xstrdup(p.role);
	out->rate = 0;
	out->rates = NULL;
	out->nrates = 0;
	/* A freelancer earns at the rate of the entry's day: read once a
	 * run (schema 16). */
	if (strcmp(p.role, "freelancer") == 0) {
		out->rate = p.rate;
		out->nrates = hb_book_rates(book, HB_RATE_PERSON, p.id,
		    &out->rates);
	}
	hb_person_release(&p);
}

struct hb_logger *
hb_logger_new(struct hb_book *book)
{
	struct hb_logger *l = hb_xcalloc(1, sizeof *l);
	const struct hb_actor *a = hb_actor_get(book);

	l->book = book;
	l->factor = hb_config_int(book, "task.urgent_factor", 0);
	l->today = hb_today();
	l->actor.handle = hb_xstrdup(a->handle);
	l->actor.id = a->person_id;
	l->actor.role = hb_xstrdup(a->role);
	return l;
}

void
hb_logger_flush(struct hb_logger *l)
{
	char currency[4], most[HB_MONEY_BUFSZ];

	for (size_t i = 0; i < l->tasks_cap; i++) {
		struct task_info *t = &l->tasks[i];

		if (t->id == 0 || (t->add_worked == 0 && t->add_billed == 0 &&
		    t->add_overage == 0))
			continue;
		hb_book_task_use_add(l->book, t->id, t->add_worked,
		    t->add_billed, t->add_overage);
		t->add_worked = t->add_billed = t->add_overage = 0;
	}
	for (size_t i = 0; i < l->members_cap; i++) {
		struct member_info *m = &l->members[i];

		if (m->project_id == 0 || m->add_earned == 0)
			continue;
		if (!hb_book_person_earned_add(l->book, m->person_id,
		    m->project_id, m->add_earned, currency))
			hb_die(HB_EXIT_DATA, "the earnings of %s in %s would "
			    "pass the largest amount the book holds (%s): "
			    "nothing was logged", handle_of(l, m->person_id),
			    currency, hb_money_format(INT64_MAX, '.', most));
		m->add_earned = 0;
	}
	for (size_t i = 0; i < l->uses_cap; i++) {
		struct use *u = &l->uses[i];

		if (u->package_id == 0 || u->minutes == 0)
			continue;
		hb_book_package_use_add(l->book, u->package_id, u->day,
		    u->minutes);
		u->minutes = 0;
	}
}

void
hb_logger_free(struct hb_logger *l)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->nprojects; i++) {
		hb_balances_free(l->projects[i].bal);
		free(l->projects[i].active);
	}
	for (size_t i = 0; i < l->npeople; i++) {
		free(l->people[i].handle);
		free(l->people[i].role);
		free(l->people[i].rates);
	}
	free(l->actor.handle);
	free(l->actor.role);
	free(l->tasks);
	free(l->projects);
	free(l->people);
	free(l->members);
	free(l->uses);
	free(l);
}

static size_t
hash(uint64_t a, uint64_t b, size_t cap)
{
	return (size_t)(((a * UINT64_C(0x9e3779b97f4a7c15)) ^ (b *
	    UINT64_C(0xc2b2ae3d27d4eb4f))) >> 20) & (cap - 1);
}

static struct task_info *
task_slot(struct task_info *slots, size_t cap, int64_t id)
{
	size_t i = hash((uint64_t)id, 0, cap);

	while (slots[i].id != 0 && slots[i].id != id)
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static struct task_info *
task_info(struct hb_logger *l, const char *s)
{
	int64_t id = hb_task_id("task", s);
	struct task_info *slot;
	struct hb_task t;

	if (l->tasks_cap > 0) {
		slot = task_slot(l->tasks, l->tasks_cap, id);
		if (slot->id == id)
			return slot;
	}
	hb_need_task(l->book, "task", s, &t);
	if (2 * (l->tasks_count + 1) > l->tasks_cap) {
		size_t cap = l->tasks_cap ? 2 * l->tasks_cap : 16;
		struct task_info *slots = hb_xcalloc(cap, sizeof *slots);

		for (size_t i = 0; i < l->tasks_cap; i++)
			if (l->tasks[i].id != 0)
				*task_slot(slots, cap, l->tasks[i].id) = l->tasks[i];
		free(l->tasks);
		l->tasks = slots;
		l->tasks_cap = cap;
	}
	slot = task_slot(l->tasks, l->tasks_cap, id);
	slot->id = id;
	slot->project_id = t.project_id;
	slot->status = t.status;
	slot->blocked_from = t.blocked_from;
	slot->urgent = t.urgent;
	slot->package_model = strcmp(t.model, "package") == 0;
	slot->has_estimate = t.has_estimate;
	slot->estimate = t.estimate;
	slot->billed = t.billed;
	l->tasks_count++;
	hb_task_release(&t);
	return slot;
}

/* Add minutes drawn from a package on a day to what flush writes. */
static void
note_use(struct hb_logger *l, int64_t package_id, hb_day day,
    int64_t minutes)
{
	struct use *u;
	size_t i;

	if (2 * (l->uses_count + 1) > l->uses_cap) {
		size_t cap = l->uses_cap ? 2 * l->uses_cap : 256;
		struct use *slots = hb_xcalloc(cap, sizeof *slots);

		for (size_t k = 0; k < l->uses_cap; k++) {
			u = &l->uses[k];
			if (u->package_id == 0)
				continue;
			i = hash((uint64_t)u->package_id, (uint64_t)u->day, cap);
			while (slots[i].package_id != 0)
				i = (i + 1) & (cap - 1);
			slots[i] = *u;
		}
		free(l->uses);
		l->uses = slots;
		l->uses_cap = cap;
	}
	i = hash((uint64_t)package_id, (uint64_t)day, l->uses_cap);
	while (l->uses[i].package_id != 0 && !(l->uses[i].package_id ==
	    package_id && l->uses[i].day == day))
		i = (i + 1) & (l->uses_cap - 1);
	u = &l->uses[i];
	if (u->package_id == 0) {
		u->package_id = package_id;
		u->day = day;
		l->uses_count++;
	}
	u->minutes += minutes;
}

static struct project_info *
project_info(struct hb_logger *l, int64_t project_id, bool package_model)
{
	struct project_info *p;
	struct hb_scope scope = { NULL, NULL, 0, project_id };

	for (size_t i = 0; i < l->nprojects; i++)
		if (l->projects[i].id == project_id)
			return &l->projects[i];
	l->projects = hb_xrealloc(l->projects,
	    (l->nprojects + 1) * sizeof *l->projects);
	p = &l->projects[l->nprojects++];
	memset(p, 0, sizeof *p);
	p->id = project_id;
	p->package_model = package_model;
	p->bal = hb_balances_load(l->book, &scope, l->today);
	p->nactive = hb_balances_active(p->bal, project_id, &p->active);
	return p;
}

static struct person_info *
person_info(struct hb_logger *l, const char *handle)
{
	for (size_t i = 0; i < l->npeople; i++)
		if (strcmp(l->people[i].handle, handle) == 0)
			return &l->people[i];
	l->people = hb_xrealloc(l->people, (l->npeople + 1) * sizeof *l->people);
	person_load(l->book, "person", handle, &l->people[l->npeople]);
	return &l->people[l->npeople++];
}

static struct member_info *
member_slot(struct member_info *slots, size_t cap, int64_t project_id,
    int64_t person_id)
{
	size_t i = hash((uint64_t)project_id, (uint64_t)person_id, cap);

	while (slots[i].project_id != 0 && !(slots[i].project_id == project_id
	    && slots[i].person_id == person_id))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

/* The pair's slot, made when new: a hash, since a timesheet of many
 * projects and people meets the same pairs often. */
static struct member_info *
pair_of(struct hb_logger *l, int64_t project_id, int64_t person_id)
{
	struct member_info *m;

	if (l->members_cap > 0) {
		m = member_slot(l->members, l->members_cap, project_id,
		    person_id);
		if (m->project_id != 0)
			return m;
	}
	if (2 * (l->nmembers + 1) > l->members_cap) {
		size_t cap = l->members_cap ? 2 * l->members_cap : 256;
		struct member_info *slots = hb_xcalloc(cap, sizeof *slots);

		for (size_t i = 0; i < l->members_cap; i++)
			if (l->members[i].project_id != 0)
				*member_slot(slots, cap, l->members[i].project_id,
				    l->members[i].person_id) = l->members[i];
		free(l->members);
		l->members = slots;
		l->members_cap = cap;
	}
	m = member_slot(l->members, l->members_cap, project_id, person_id);
	m->project_id = project_id;
	m->person_id = person_id;
	l->nmembers++;
	return m;
}

/* Is the person on the project's team?  Asked once per pair and batch. */
static bool
is_member(struct hb_logger *l, int64_t project_id, int64_t person_id)
{
	struct member_info *m = pair_of(l, project_id, person_id);

	if (!m->asked) {
		m->member = hb_book_member_state(l->book, project_id,
		    person_id) == 1;
		m->asked = true;
	}
	return m->member;
}

static bool
actor_is_staff(const struct hb_logger *l)
{
	return l->actor.id == 0 || strcmp(l->actor.role, "staff") == 0;
}

void
hb_entry_release(struct hb_entry *e)
{
	free(e->person);
	free(e->packages);
	memset(e, 0, sizeof *e);
}

/* The first time is logged on an open or approved task: it is in progress. */
static void
start_task(struct hb_logger *l, struct task_info *ti)
{
	struct hb_task t;
	char key[24], at[HB_TIMESTAMP_BUFSZ];

	if (ti->status != HB_TASK_OPEN && ti->status != HB_TASK_APPROVED)
		return;
	if (!hb_book_task_get(l->book, ti->id, &t))
		return;
	t.status = HB_TASK_IN_PROGRESS;
	free(t.updated);
	t.updated = hb_xstrdup(hb_timestamp_format(hb_now(), at));
	hb_book_task_update(l->book, &t);
	snprintf(key, sizeof key, "%lld", (long long)t.id);
	hb_book_event(l->book, "task", key, "status",
	    hb_task_state_names[ti->status], "in-progress", "time logged");
	ti->status = HB_TASK_IN_PROGRESS;
	hb_task_release(&t);
}

/* What entries dated day may still draw from the project's packages. */
static int64_t
drawable(const struct project_info *p, hb_day day)
{
	int64_t left = 0;

	for (size_t i = 0; i < p->nactive; i++)
		left += hb_balances_drawable(p->bal, p->active[i], day);
	return left;
}

/* The task's commitment moves with what is billed on it (balance.h). */
static void
bill_task(struct project_info *pi, struct task_info *ti, int64_t minutes,
    int64_t billable, int64_t factor)
{
	int committed = ti->status == HB_TASK_BLOCKED ? ti->blocked_from
	    : ti->status;
	int64_t need, before, after;

	ti->add_worked += minutes;
	ti->add_billed += billable;
	if (ti->has_estimate && committed >= 0 && hb_state_committed(committed)) {
		if (!hb_mul(ti->estimate, ti->urgent ? factor : 1, &need))
			hb_die(HB_EXIT_DATA, "task %lld: its estimate times "
			    "task.urgent_factor is too large", (long long)ti->id);
		before = need > ti->billed ? need - ti->billed : 0;
		after = need > ti->billed + billable
		    ? need - ti->billed - billable : 0;
		hb_balances_commit(pi->bal, pi->id, after - before);
	}
	ti->billed += billable;
}

/* A package an entry draws on, and how many minutes. */
struct draw {
	int64_t package;
	int64_t minutes;
};

/* Packages drawn on, as "3" or "3;4"; NULL when none. */
static char *
package_list(const struct draw *draws, size_t n)
{
	char *s = NULL, *t;

	if (n == 1) {
		char buf[24], *p = buf + sizeof buf;
		uint64_t v = (uint64_t)draws[0].package;

		*--p = '\0';
		do
			*--p = (char)('0' + v % 10);
		while ((v /= 10) != 0);
		return hb_xstrdup(p);
	}
	for (size_t i = 0; i < n; i++) {
		t = s ? hb_xprintf("%s;%lld", s, (long long)draws[i].package)
		    : hb_xprintf("%lld", (long long)draws[i].package);
		free(s);
		s = t;
	}
	return s;
}

/* Write the entry and the split beyond its first package; the draws go
 * to the balances now and to the book's use rows at the flush. */
static void
write_entry(struct hb_logger *l, struct hb_entry_row *row,
    const struct draw *draws, size_t n, struct project_info *pi)
{
	if (n > 0) {
		row->package_id = draws[0].package;
		row->package_minutes = draws[0].minutes;
	}
	hb_book_entry_insert(l->book, row);
	if (l->first_id == 0)
		l->first_id = row->id;
	if (row->earned != 0) {
		struct member_info *m = pair_of(l, pi->id, row->person_id);

		if (__builtin_add_overflow(m->add_earned, row->earned,
		    &m->add_earned))
			hb_fail(HB_EXIT_DATA, "duration", "the earnings of %s "
			    "in this run pass the largest amount the book "
			    "holds", handle_of(l, row->person_id));
	}
	for (size_t i = 0; i < n; i++) {
		ptrdiff_t k = hb_balances_find(pi->bal, draws[i].package);

		if (i > 0)
			hb_book_entry_split_insert(l->book, row->id,
			    draws[i].package, draws[i].minutes);
		if (k >= 0)
			hb_balances_draw(pi->bal, (size_t)k, row->day,
			    draws[i].minutes);
		note_use(l, draws[i].package, row->day, draws[i].minutes);
	}
}

static void
fill_output(struct hb_entry *out, const struct hb_entry_row *row,
    const char *person, const struct draw *draws, size_t n,
    const struct project_info *pi)
{
	memset(out, 0, sizeof *out);
	out->id = row->id;
	out->task_id = row->task_id;
	out->person = hb_xstrdup(person);
	out->day = row->day;
	out->minutes = row->minutes;
	out->billable = row->billable;
	out->overage = row->overage;
	out->packages = package_list(draws, n);
	out->reverses = row->reverses;
	out->has_available = pi != NULL && (pi->package_model ||
	    hb_balances_count(pi->bal) > 0);
	out->available_after = pi != NULL
	    ? hb_balances_project_available(pi->bal, pi->id) : 0;
}

/* The project has no active package: say what would make one, or that
 * one awaits its payment. */
static _Noreturn void
no_package(struct hb_logger *l, const struct project_info *pi,
    const struct task_info *ti)
{
	(void)l;
	for (size_t i = 0; i < hb_balances_count(pi->bal); i++) {
		const struct hb_package *p = hb_balances_package(pi->bal, i);

		if (strcmp(p->status, "invoiced") == 0)
			hb_fail(HB_EXIT_REFUSED, NULL, "task %lld: package %lld "
			    "of its project is invoiced and awaits its payment: "
			    "its hours load when it is paid (package-set --paid "
			    "%lld); or --overdraft bills the time at the standard "
			    "rate", (long long)ti->id, (long long)p->id,
			    (long long)p->id);
	}
	hb_fail(HB_EXIT_REFUSED, NULL, "task %lld: its project has no active "
	    "package (package-add, then package-set --invoiced and --paid; or "
	    "--overdraft bills the time at the standard rate)",
	    (long long)ti->id);
}

/* The active packages cannot hold the time: say how much is missing,
 * and which package would have more once its awaited invoice is paid. */
static _Noreturn void
short_of_hours(const struct project_info *pi, const struct task_info *ti,
    hb_day day, int64_t left, int64_t need)
{
	char dated[HB_DATE_BUFSZ], awaits[160] = "";

	for (size_t i = 0; i < pi->nactive; i++) {
		const struct hb_package *p = hb_balances_package(pi->bal,
		    pi->active[i]);

		if (p->awaiting_payment) {
			snprintf(awaits, sizeof awaits, "; package %lld awaits "
			    "the payment of its %s %d (package-set --paid %lld)",
			    (long long)p->id, strcmp(p->plan, "monthly") == 0
			    ? "month" : "invoice", p->invoiced_periods,
			    (long long)p->id);
			break;
		}
	}
	hb_fail(HB_EXIT_REFUSED, NULL, "task %lld: the packages of its project "
	    "have %lld minutes left for time dated %s: %lld minutes missing "
	    "(--overdraft bills them at the standard rate)%s",
	    (long long)ti->id, (long long)left, hb_date_format(day, dated),
	    (long long)(need - left), awaits);
}

/* A ref logged before for the person: refused (exit 1), saying where.  An
 * entry of this very run is not in the book (nothing is written), so it
 * is named as a ref that the input holds twice; a reversed entry keeps
 * its ref, and the message says how to log the corrected time. */
static _Noreturn void
ref_taken(struct hb_logger *l, const char *ref, const char *handle,
    int64_t earlier)
{
	int64_t by;

	if (l->first_id != 0 && earlier >= l->first_id)
		hb_fail(HB_EXIT_REFUSED, "ref", "\"%s\" comes twice for %s in "
		    "this input: a ref is logged once per person", ref, handle);
	if ((by = hb_book_entry_reversal(l->book, earlier)) != 0)
		hb_fail(HB_EXIT_REFUSED, "ref", "\"%s\" was logged already for "
		    "%s, as entry %lld, reversed by entry %lld: a ref stays "
		    "taken; log the corrected time with a new ref or none", ref,
		    handle, (long long)earlier, (long long)by);
	hb_fail(HB_EXIT_REFUSED, "ref", "\"%s\" was logged already for %s, "
	    "as entry %lld", ref, handle, (long long)earlier);
}

/* Time is logged on agreed work only. */
static void
check_task_state(const struct task_info *ti)
{
	static const unsigned refused = 1u << HB_TASK_IDEA |
	    1u << HB_TASK_REQUESTED | 1u << HB_TASK_ESTIMATED |
	    1u << HB_TASK_REJECTED | 1u << HB_TASK_CANCELLED;

	if (refused & (1u << ti->status))
		hb_fail(HB_EXIT_REFUSED, NULL, "task %lld is %s: time is logged "
		    "on agreed work only", (long long)ti->id,
		    hb_task_state_names[ti->status]);
}

/* Whose time it is: person (NULL or empty: the actor's own), logged by
 * freelancers and staff, and by staff alone for someone else. */
static struct person_info *
worker(struct hb_logger *l, const char *person)
{
	const char *handle = person && *person ? person : l->actor.handle;
	struct person_info *who;

	if (!(person && *person) && l->actor.id == 0)
		hb_fail(HB_EXIT_USAGE, "person", "%s acts as staff but is not a "
		    "person of the book: give --person", handle);
	who = person_info(l, handle);
	if (strcmp(who->role, "client") == 0)
		hb_fail(HB_EXIT_REFUSED, "person", "%s is a client's person; "
		    "time is logged by freelancers and staff", who->handle);
	if (!actor_is_staff(l) && who->id != l->actor.id)
		hb_fail(HB_EXIT_REFUSED, "person", "%s may only log their own "
		    "time", l->actor.handle);
	return who;
}

static void
check_team(struct hb_logger *l, const struct task_info *ti,
    const struct person_info *who)
{
	if (!is_member(l, ti->project_id, who->id))
		hb_fail(HB_EXIT_REFUSED, "person", "%s is not on the team of the "
		    "project of task %lld", who->handle, (long long)ti->id);
}

int64_t
hb_hours_person(struct hb_logger *l, const char *person, const char **handle)
{
	struct person_info *who = worker(l, person);

	*handle = who->handle;
	return who->id;
}

int64_t
hb_hours_check(struct hb_logger *l, const char *task, const char *person)
{
	struct task_info *ti = task_info(l, task);

	check_task_state(ti);
	check_team(l, ti, worker(l, person));
	return ti->id;
}

void
hb_hours_log(struct hb_logger *l, const struct hb_entry_input *in,
    struct hb_entry *out)
{
	struct task_info *ti = task_info(l, in->task);
	struct project_info *pi;
	struct person_info *who;
	struct hb_entry_row row = { 0 };
	struct draw *draws;
	size_t ndraws = 0;
	int64_t left, need, rate;

	check_task_state(ti);
	row.minutes = hb_field_minutes("duration", in->duration);
	if (row.minutes <= 0)
		hb_fail(HB_EXIT_DATA, "duration", "must be more than 0");
	if (row.minutes > ENTRY_MINUTES_MAX)
		hb_fail(HB_EXIT_DATA, "duration", "\"%s\" is more than 24 hours "
		    "in one entry", in->duration);
	row.day = in->date && *in->date ? hb_field_date("date", in->date)
	    : l->today;
	if (row.day > l->today)
		hb_fail(HB_EXIT_REFUSED, "date", "%s is in the future", in->date);
	who = worker(l, in->person);
	check_team(l, ti, who);
	if (in->note && *in->note)
		row.note = hb_field_text("note", in->note, NOTE_MAX, 1);
	if (in->ref && *in->ref) {
		int64_t earlier;

		row.ref = hb_field_text("ref", in->ref, REF_MAX, 0);
		if ((earlier = hb_book_entry_by_ref(l->book, who->id,
		    row.ref)) != 0)
			ref_taken(l, row.ref, who->handle, earlier);
	}
	row.task_id = ti->id;
	row.person_id = who->id;
	row.billable = row.minutes * (ti->urgent ? l->factor : 1);
	/* A freelancer earns the minutes worked at their rate of the
	 * entry's day, kept on the entry: a later change of the rate
	 * leaves it as it was. */
	rate = hb_rate_on(who->rates, who->nrates, row.day, who->rate);
	if (rate > 0 && !hb_scale_round(row.minutes, rate, 60, &row.earned))
		hb_fail(HB_EXIT_DATA, "duration", "the earnings are too large");

	/* Deduct from the active packages, oldest first. */
	pi = project_info(l, ti->project_id, ti->package_model);
	need = row.billable;
	left = drawable(pi, row.day);
	if (pi->package_model && !in->overdraft) {
		if (pi->nactive == 0)
			no_package(l, pi, ti);
		if (left < need)
			short_of_hours(pi, ti, row.day, left, need);
	}
	/* After the refusals: nothing is held when they end the program. */
	draws = hb_xcalloc(pi->nactive + 1, sizeof *draws);
	if (pi->package_model) {
		for (size_t i = 0; i < pi->nactive && need > 0; i++) {
			int64_t take = hb_balances_drawable(pi->bal, pi->active[i],
			    row.day);

			if (take <= 0)
				continue;
			if (take > need)
				take = need;
			draws[ndraws].package =
			    hb_balances_package(pi->bal, pi->active[i])->id;
			draws[ndraws].minutes = take;
			ndraws++;
			need -= take;
		}
		row.overage = need;
	}
	write_entry(l, &row, draws, ndraws, pi);
	bill_task(pi, ti, row.minutes, row.billable, l->factor);
	ti->add_overage += row.overage;
	start_task(l, ti);
	fill_output(out, &row, who->handle, draws, ndraws, pi);
	free(draws);
}

void
hb_hours_reverse(struct hb_logger *l, const char *entry, const char *reason,
    struct hb_entry *out)
{
	struct hb_entry_row orig, row;
	struct project_info *pi;
	struct task_info *ti;
	struct draw *draws;
	size_t n = 0, nsplits;
	int64_t id = hb_field_count("entry", entry, 1, INT64_C(999999999999));
	int64_t *splits, by;
	char task[24];

	if (!hb_book_entry_get(l->book, id, &orig))
		hb_fail(HB_EXIT_NOINPUT, NULL, "entry %lld does not exist",
		    (long long)id);
	if (orig.reverses != 0)
		hb_fail(HB_EXIT_REFUSED, NULL, "entry %lld is itself the reversal "
		    "of entry %lld", (long long)id, (long long)orig.reverses);
	if ((by = hb_book_entry_reversal(l->book, id)) != 0)
		hb_fail(HB_EXIT_REFUSED, NULL, "entry %lld is already reversed "
		    "by entry %lld", (long long)id, (long long)by);
	if (!actor_is_staff(l) && orig.person_id != l->actor.id)
		hb_fail(HB_EXIT_REFUSED, NULL, "%s may only reverse their own "
		    "entries", l->actor.handle);
	if (reason != NULL && *reason != '\0')
		hb_field_text("reason", reason, NOTE_MAX, 0);
	snprintf(task, sizeof task, "%lld", (long long)orig.task_id);
	ti = task_info(l, task);
	pi = project_info(l, ti->project_id, ti->package_model);

	/* The same draws, given back. */
	splits = hb_book_entry_splits(l->book, id, &nsplits);
	draws = hb_xcalloc(nsplits + 1, sizeof *draws);
	if (orig.package_id != 0) {
		draws[n].package = orig.package_id;
		draws[n++].minutes = -orig.package_minutes;
	}
	for (size_t i = 0; i < nsplits; i++) {
		draws[n].package = splits[2 * i];
		draws[n++].minutes = -splits[2 * i + 1];
	}
	row = orig;
	row.id = 0;
	row.minutes = -orig.minutes;
	row.billable = -orig.billable;
	row.overage = -orig.overage;
	row.earned = -orig.earned;
	row.note = NULL;
	row.ref = NULL;
	row.reverses = id;
	row.reason = reason && *reason ? reason : NULL;
	write_entry(l, &row, draws, n, pi);
	bill_task(pi, ti, row.minutes, row.billable, l->factor);
	ti->add_overage += row.overage;
	fill_output(out, &row, orig.person, draws, n, pi);
	free(draws);
	free(splits);
}

const char *const hb_entry_columns[] = {
	"entry", "task", "person", "date", "minutes", "billable_minutes",
	"package", "available_after", "overage_minutes", "reverses", NULL
};

void
hb_entry_print(struct hb_csv_writer *w, const struct hb_entry *e)
{
	char day[HB_DATE_BUFSZ];

	hb_csv_int(w, e->id);
	hb_csv_int(w, e->task_id);
	hb_csv_text(w, e->person);
	hb_csv_date(w, hb_date_format(e->day, day));
	hb_csv_minutes(w, e->minutes);
	hb_csv_minutes(w, e->billable);
	hb_csv_text(w, e->packages);
	if (e->has_available)
		hb_csv_minutes(w, e->available_after);
	else
		hb_csv_null(w);
	hb_csv_minutes(w, e->overage);
	if (e->reverses > 0)
		hb_csv_int(w, e->reverses);
	else
		hb_csv_null(w);
	hb_csv_end_row(w);
}
