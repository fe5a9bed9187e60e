/*
 * records: the release functions of the plain records, the rate of a day
 * in a rate history, and the names of task states, kinds, roles, models
 * and plans.
 */
#include <stdlib.h>
#include <string.h>

#include "hourbook/diag.h"
#include "hourbook/records.h"

const char *const hb_person_roles[] = { "client", "freelancer", "staff", NULL };
const char *const hb_project_models[] = { "package", "self-service", NULL };

void
hb_client_release(struct hb_client *c)
{
	free(c->name);
	free(c->display_name);
	free(c->email);
	free(c->currency);
	free(c->contact);
	free(c->created);
	free(c->lang);
	memset(c, 0, sizeof *c);
}

void
hb_person_release(struct hb_person *p)
{
	free(p->handle);
	free(p->name);
	free(p->email);
	free(p->role);
	free(p->client);
	free(p->created);
	memset(p, 0, sizeof *p);
}

void
hb_project_release(struct hb_project *p)
{
	free(p->code);
	free(p->client);
	free(p->currency);
	free(p->name);
	free(p->model);
	free(p->sla);
	free(p->created);
	free(p->support_hours);
	free(p->priority);
	memset(p, 0, sizeof *p);
}

int64_t
hb_rate_on(const struct hb_rate_step *steps, size_t n, hb_day day,
    int64_t otherwise)
{
	int64_t rate = otherwise;

	for (size_t i = 0; i < n && steps[i].from <= day; i++)
		rate = steps[i].rate;
	return rate;
}

const char *const hb_task_state_names[] = {
	"idea", "requested", "estimated", "open", "approved", "in-progress",
	"blocked", "delivered", "revision", "done", "rejected", "cancelled",
	NULL
};

const char *const hb_task_kinds[] = { "idea", "request", "activity", NULL };

int
hb_task_state_find(const char *s)
{
	for (int i = 0; s != NULL && i < HB_TASK_NSTATES; i++)
		if (strcmp(s, hb_task_state_names[i]) == 0)
			return i;
	return -1;
}

bool
hb_task_state_final(int state)
{
	return state == HB_TASK_DONE || state == HB_TASK_REJECTED ||
	    state == HB_TASK_CANCELLED;
}

bool
hb_task_state_proposed(int state)
{
	return state == HB_TASK_IDEA || state == HB_TASK_REQUESTED ||
	    state == HB_TASK_ESTIMATED;
}

const char *
hb_task_client_approval(int state)
{
	if (state < 0 || state >= HB_TASK_NSTATES)
		return NULL;
	if (hb_task_state_proposed(state))
		return "pending";
	if (state == HB_TASK_REJECTED || state == HB_TASK_CANCELLED)
		return hb_task_state_names[state];
	return "approved";
}

const char *
hb_task_state_list(bool (*pred)(int state), char *buf, size_t size)
{
	size_t len = 0;

	buf[len++] = ',';
	for (int i = 0; i < HB_TASK_NSTATES; i++) {
		size_t n = strlen(hb_task_state_names[i]);

		if (!pred(i))
			continue;
		if (len + n + 2 > size)
			hb_die(HB_EXIT_SOFTWARE, "a state list longer than %zu",
			    size);
		memcpy(buf + len, hb_task_state_names[i], n);
		len += n;
		buf[len++] = ',';
	}
	buf[len] = '\0';
	return buf;
}

void
hb_task_release(struct hb_task *t)
{
	free(t->project);
	free(t->model);
	free(t->kind);
	free(t->title);
	free(t->description);
	free(t->assignee);
	free(t->created);
	free(t->updated);
	free(t->currency);
	memset(t, 0, sizeof *t);
}

void
hb_comment_release(struct hb_comment *c)
{
	free(c->author);
	free(c->body);
	free(c->created);
	memset(c, 0, sizeof *c);
}

void
hb_timer_release(struct hb_timer *t)
{
	free(t->person);
	free(t->started);
	free(t->note);
	free(t->actor);
	memset(t, 0, sizeof *t);
}

void
hb_sales_release(struct hb_sales *s)
{
	free(s->project);
	free(s->currency);
	free(s->month);
	free(s->note);
	free(s->reason);
	free(s->actor);
	free(s->created);
	memset(s, 0, sizeof *s);
}

const char *const hb_package_plans[] = {
	"standard", "monthly", "upfront", NULL
};

void
hb_package_release(struct hb_package *p)
{
	free(p->project);
	free(p->client);
	free(p->currency);
	free(p->plan);
	free(p->status);
	free(p->created);
	memset(p, 0, sizeof *p);
}

void
hb_withdrawal_release(struct hb_withdrawal *w)
{
	free(w->person);
	free(w->status);
	free(w->requested);
	free(w->decided);
	free(w->reason);
	free(w->key);
	free(w->currency);
	memset(w, 0, sizeof *w);
}
