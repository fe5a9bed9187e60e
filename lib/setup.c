/*
 * setup: clients, people, teams, projects and holidays: the rules of
 * setting up a book.
 */
#include <stdlib.h>
#include <string.h>

#include "hourbook/book.h"
#include "hourbook/clock.h"
#include "hourbook/config.h"
#include "hourbook/diag.h"
#include "hourbook/field.h"
#include "hourbook/money.h"
#include "hourbook/names.h"
#include "hourbook/lang.h"
#include "hourbook/setup.h"
#include "hourbook/task.h"

#define TEXT_MAX 200

const char *const hb_client_columns[] = {
	"client", "display_name", "email", "currency", "contact", "created",
	"lang", NULL
};
const char *const hb_person_columns[] = {
	"person", "name", "email", "role", "client", "rate", "project",
	"created", NULL
};
const char *const hb_project_columns[] = {
	"project", "client", "name", "rate", "currency", "model",
	"penalty_base", "penalty_daily", "sla", "created", NULL
};

static char *
dup_or_empty(const char *s)
{
	return hb_xstrdup(s ? s : "");
}

/* A plausible address: something@something, no spaces. */
static const char *
check_email(const char *column, const char *s)
{
	const char *at;

	hb_field_text(column, s, 254, 0);
	at = strchr(s, '@');
	if (at == NULL || at == s || at[1] == '\0' || strchr(at + 1, '@') ||
	    strchr(s, ' '))
		hb_fail(HB_EXIT_DATA, column, "\"%s\" is not an e-mail address", s);
	return s;
}

static void
need_client(struct hb_book *book, const char *name, struct hb_client *out)
{
	hb_need_client(book, "client", name, out);
}

static void
need_project(struct hb_book *book, const char *code, struct hb_project *out)
{
	hb_need_project(book, "project", code, out);
}

void
hb_client_add(struct hb_book *book, const struct hb_client_input *in,
    struct hb_client *out)
{
	struct hb_client c = { 0 };
	const char *why;

	hb_field_key("client", in->name);
	if (hb_book_client_get(book, in->name, &c)) {
		hb_client_release(&c);
		hb_fail(HB_EXIT_REFUSED, "client", "\"%s\" already exists",
		    in->name);
	}
	c.name = hb_xstrdup(in->name);
	c.display_name = hb_xstrdup(hb_given(in->display_name)
	    ? hb_field_text("display_name", in->display_name, TEXT_MAX, 0)
	    : in->name);
	c.email = dup_or_empty(hb_given(in->email)
	    ? check_email("email", in->email) : NULL);
	if (hb_given(in->currency)) {
		c.currency = hb_setting_canonical(hb_setting_find("currency"),
		    in->currency, &why);
		if (c.currency == NULL)
			hb_fail(HB_EXIT_DATA, "currency", "\"%s\" %s", in->currency,
			    why);
	} else {
		c.currency = hb_config_get(book, "currency");
	}
	if (hb_given(in->lang)) {
		if (hb_lang_find(in->lang) < 0)
			hb_fail(HB_EXIT_DATA, "lang", "\"%s\" is not a language "
			    "of the sheet (en, it, pt or es)", in->lang);
		c.lang = hb_xstrdup(in->lang);
	}
	c.created = hb_now_text();
	hb_book_client_insert(book, &c);
	hb_book_event(book, "client", c.name, "created", NULL, c.display_name,
	    NULL);
	*out = c;
}

/* Make person (a client-role person) the contact of their client. */
static void
make_contact(struct hb_book *book, const struct hb_person *p)
{
	struct hb_client c;

	need_client(book, p->client, &c);
	if (c.contact == NULL || strcmp(c.contact, p->handle) != 0) {
		hb_book_client_set_contact(book, c.id, p->id);
		hb_book_event(book, "client", c.name, "contact", c.contact,
		    p->handle, NULL);
	}
	hb_client_release(&c);
}

static void
join(struct hb_book *book, const struct hb_person *p, const char *code,
    bool *joined)
{
	struct hb_project j;

	need_project(book, code, &j);
	if (strcmp(p->role, "client") == 0 && p->client_id != j.client_id) {
		hb_fail(HB_EXIT_REFUSED, "project", "%s belongs to client %s, "
		    "and %s speaks for client %s", j.code, j.client, p->handle,
		    p->client);
	}
	if (hb_book_member_state(book, j.id, p->id) != 1) {
		hb_book_member_join(book, j.id, p->id);
		hb_book_event(book, "project", j.code, "member joined", NULL,
		    p->handle, NULL);
		*joined = true;
	}
	hb_project_release(&j);
}

void
hb_person_add(struct hb_book *book, const struct hb_person_input *in,
    struct hb_person *out, bool *joined)
{
	struct hb_person p = { 0 };
	struct hb_client c;
	size_t role;
	bool first_staff;

	*joined = false;
	hb_field_key("person", in->handle);
	if (hb_book_person_get(book, in->handle, &p)) {
		/* An existing person: only join a team or become the contact. */
		if (hb_given(in->name) || hb_given(in->email) || hb_given(in->role) ||
		    hb_given(in->client) || hb_given(in->rate) ||
		    (!hb_given(in->project) && !in->contact)) {
			hb_fail(HB_EXIT_REFUSED, "person", "\"%s\" already exists "
			    "(for an existing person, member-add only joins "
			    "--project or sets --contact)", in->handle);
		}
	} else {
		role = hb_given(in->role) ? hb_field_choice("role", in->role, hb_person_roles)
		    : hb_given(in->client) ? 0 : 1;
		p.handle = hb_xstrdup(in->handle);
		p.name = dup_or_empty(hb_given(in->name)
		    ? hb_field_text("name", in->name, TEXT_MAX, 0) : NULL);
		p.email = dup_or_empty(hb_given(in->email)
		    ? check_email("email", in->email) : NULL);
		p.role = hb_xstrdup(hb_person_roles[role]);
		if (role == 0) {
			if (!hb_given(in->client))
				hb_fail(HB_EXIT_DATA, "client", "a client-role "
				    "person needs --client");
			need_client(book, in->client, &c);
			p.client_id = c.id;
			p.client = hb_xstrdup(c.name);
			hb_client_release(&c);
		} else if (hb_given(in->client)) {
			hb_fail(HB_EXIT_DATA, "client", "only client-role people "
			    "belong to a client");
		}
		if (hb_given(in->rate)) {
			if (role != 1)
				hb_fail(HB_EXIT_DATA, "rate", "only freelancers "
				    "have a pay rate");
			p.rate = hb_field_money("rate", in->rate);
		}
		p.created = hb_now_text();
		first_staff = role == 2 && !hb_book_staff_exists(book);
		hb_book_person_insert(book, &p);
		if (first_staff)
			hb_note("%s is the book's first staff person: from now "
			    "on the actor (--as, $HOURBOOK_USER or the login "
			    "name) must be a person of the book", p.handle);
		hb_book_event(book, "person", p.handle, "created", NULL, p.role,
		    NULL);
		/* A client speaks through one contact: the first one added. */
		if (role == 0) {
			need_client(book, p.client, &c);
			if (c.contact == NULL)
				make_contact(book, &p);
			hb_client_release(&c);
		}
	}
	if (in->contact) {
		if (strcmp(p.role, "client") != 0)
			hb_fail(HB_EXIT_REFUSED, "contact", "%s is not a "
			    "client-role person", p.handle);
		make_contact(book, &p);
	}
	if (hb_given(in->project))
		join(book, &p, in->project, joined);
	*out = p;
}

/* "10,2": the base and the daily late-delivery penalty, in percent. */
static void
parse_penalty(const char *s, int32_t *base, int32_t *daily)
{
	const char *comma = strchr(s, ',');
	char first[32];
	size_t len;

	if (comma == NULL || (len = (size_t)(comma - s)) >= sizeof first)
		hb_fail(HB_EXIT_DATA, "penalty", "\"%s\" is not PCT,PCT-PER-DAY "
		    "(e.g. 10,2)", s);
	/* In excel-csv a comma is also the decimal mark: "10,5,2" is 10.5
	 * and 2, or 10 and 5.2.  Refused rather than guessed. */
	if (hb_field_decimal_comma() && strchr(comma + 1, ',') != NULL)
		hb_fail(HB_EXIT_DATA, "penalty", "\"%s\": the file is read as "
		    "excel-csv (its header is separated by ';'), where a comma "
		    "is the decimal mark too: give the columns penalty_base and "
		    "penalty_daily instead", s);
	memcpy(first, s, len);
	first[len] = '\0';
	*base = hb_field_percent("penalty", first);
	*daily = hb_field_percent("penalty", comma + 1);
	if (*base > 10000 || *daily > 10000)
		hb_fail(HB_EXIT_DATA, "penalty", "\"%s\": a penalty is at most "
		    "100%%", s);
}

/* The penalty as two columns, as report-export projects writes it. */
static void
penalty_columns(const struct hb_project_input *in, struct hb_project *p)
{
	if (hb_given(in->penalty))
		hb_fail(HB_EXIT_DATA, "penalty", "give penalty, or penalty_base "
		    "and penalty_daily, not both");
	if (!hb_given(in->penalty_base) || !hb_given(in->penalty_daily))
		hb_fail(HB_EXIT_DATA, hb_given(in->penalty_base)
		    ? "penalty_daily" : "penalty_base", "is empty: "
		    "penalty_base and penalty_daily go together");
	p->has_penalty = true;
	p->penalty_base = hb_field_percent("penalty_base", in->penalty_base);
	p->penalty_daily = hb_field_percent("penalty_daily", in->penalty_daily);
	if (p->penalty_base > 10000 || p->penalty_daily > 10000)
		hb_fail(HB_EXIT_DATA, p->penalty_base > 10000 ? "penalty_base"
		    : "penalty_daily", "a penalty is at most 100%%");
}

/* "intake_days=3;reply_hours=4": SLA overrides, checked and canonical. */
static void
apply_sla(struct hb_book *book, const struct hb_project *p, const char *s)
{
	char *copy = hb_xstrdup(s), *item = copy, *next;

	for (; item != NULL; item = next) {
		const struct hb_setting_def *def;
		char *eq, *key, *value;
		const char *why;

		next = strpbrk(item, "; ");
		if (next != NULL)
			*next++ = '\0';
		if (*item == '\0')
			continue;
		eq = strchr(item, '=');
		if (eq == NULL)
			hb_fail(HB_EXIT_DATA, "sla", "\"%s\" is not KEY=VALUE", item);
		*eq = '\0';
		key = strncmp(item, "sla.", 4) == 0 ? hb_xstrdup(item)
		    : hb_xprintf("sla.%s", item);
		def = hb_setting_find(key);
		if (def == NULL || !def->per_project)
			hb_fail(HB_EXIT_DATA, "sla", "\"%s\" is not an SLA setting "
			    "(intake_days, reply_hours, client_info_days, "
			    "revision_days)", item);
		value = hb_setting_canonical(def, eq + 1, &why);
		if (value == NULL)
			hb_fail(HB_EXIT_DATA, "sla", "%s: \"%s\" %s", item, eq + 1,
			    why);
		hb_book_project_setting_put(book, p->id, key, value);
		hb_book_event(book, "project", p->code, key, NULL, value, NULL);
		free(key);
		free(value);
	}
	free(copy);
}

void
hb_project_add(struct hb_book *book, const struct hb_project_input *in,
    struct hb_project *out)
{
	struct hb_project p = { 0 };
	struct hb_client c;
	char *code;

	hb_field_key("project", in->code);
	if (hb_book_project_get(book, in->code, &p)) {
		hb_project_release(&p);
		hb_fail(HB_EXIT_REFUSED, "project", "\"%s\" already exists",
		    in->code);
	}
	need_client(book, in->client, &c);
	p.code = hb_xstrdup(in->code);
	p.client_id = c.id;
	p.name = hb_xstrdup(hb_given(in->name)
	    ? hb_field_text("name", in->name, TEXT_MAX, 0) : in->code);
	p.rate = hb_given(in->rate) ? hb_field_money("rate", in->rate) : 0;
	p.model = hb_xstrdup(hb_project_models[hb_given(in->model)
	    ? hb_field_choice("model", in->model, hb_project_models) : 0]);
	if (hb_given(in->penalty)) {
		p.has_penalty = true;
		parse_penalty(in->penalty, &p.penalty_base, &p.penalty_daily);
	}
	if (hb_given(in->penalty_base) || hb_given(in->penalty_daily))
		penalty_columns(in, &p);
	p.created = hb_now_text();
	hb_book_project_insert(book, &p);
	hb_book_event(book, "project", p.code, "created", NULL, c.name, NULL);
	if (hb_given(in->sla))
		apply_sla(book, &p, in->sla);
	hb_client_release(&c);
	/* Read it back: the record as the book now holds it. */
	code = p.code;
	p.code = NULL;
	hb_project_release(&p);
	need_project(book, code, out);
	free(code);
}

/* The leaver's open tasks on the project go to heir, or to nobody. */
static size_t
hand_over(struct hb_book *book, const struct hb_project *j,
    const struct hb_person *leaver, const struct hb_person *heir,
    void (*on_task)(void *ctx, const struct hb_task_ref *), void *ctx)
{
	size_t n;
	int64_t *ids = hb_book_open_tasks_of(book, j->id, leaver->id, &n);
	char stamp[HB_TIMESTAMP_BUFSZ], key[24];

	for (size_t i = 0; i < n; i++) {
		struct hb_task t;
		struct hb_task_ref ref;

		if (!hb_book_task_get(book, ids[i], &t))
			continue;
		free(t.assignee);
		t.assignee = heir ? hb_xstrdup(heir->handle) : NULL;
		t.assignee_id = heir ? heir->id : 0;
		free(t.updated);
		t.updated = hb_xstrdup(hb_timestamp_format(hb_now(), stamp));
		hb_book_task_update(book, &t);
		snprintf(key, sizeof key, "%lld", (long long)t.id);
		hb_book_event(book, "task", key, "assignee", leaver->handle,
		    t.assignee, "left the team");
		ref.id = t.id;
		ref.title = t.title;
		ref.status = hb_task_state_names[t.status];
		ref.assignee = t.assignee;
		on_task(ctx, &ref);
		hb_task_release(&t);
	}
	free(ids);
	return n;
}

size_t
hb_member_leave(struct hb_book *book, const char *project, const char *handle,
    const char *reassign_to,
    void (*on_task)(void *ctx, const struct hb_task_ref *), void *ctx)
{
	struct hb_project j;
	struct hb_person p, heir = { 0 };
	size_t changed = 0;

	need_project(book, hb_field_key("project", project), &j);
	hb_need_person(book, "person", handle, &p);
	if (hb_book_member_state(book, j.id, p.id) != 1)
		hb_fail(HB_EXIT_REFUSED, "person", "%s is not on the team of %s",
		    p.handle, j.code);
	if (hb_given(reassign_to)) {
		hb_need_person(book, "reassign_to", reassign_to, &heir);
		if (heir.id == p.id)
			hb_fail(HB_EXIT_REFUSED, "reassign_to", "%s cannot take "
			    "over their own tasks", heir.handle);
		if (hb_book_member_state(book, j.id, heir.id) != 1)
			hb_fail(HB_EXIT_REFUSED, "reassign_to", "%s is not on the "
			    "team of %s", heir.handle, j.code);
	}
	hb_book_member_leave(book, j.id, p.id);
	hb_book_event(book, "project", j.code, "member left", p.handle, NULL,
	    NULL);
	changed = hand_over(book, &j, &p, heir.id ? &heir : NULL, on_task, ctx);
	hb_project_release(&j);
	hb_person_release(&p);
	hb_person_release(&heir);
	return changed;
}

bool
hb_holiday_add(struct hb_book *book, const char *date, const char *name,
    hb_day *day_out)
{
	hb_day day = hb_field_date("holiday", date);
	char *old = NULL, buf[HB_DATE_BUFSZ];

	if (name == NULL)
		name = "";
	hb_field_text("name", name, TEXT_MAX, 0);
	*day_out = day;
	if (hb_book_holiday(book, day, &old)) {
		bool same = strcmp(old, name) == 0;

		if (!same)
			hb_fail(HB_EXIT_REFUSED, "holiday", "%s is already a "
			    "holiday (\"%s\")", date, old);
		free(old);
		return false;
	}
	hb_book_holiday_insert(book, day, name);
	hb_book_event(book, "holiday", hb_date_format(day, buf), "created",
	    NULL, name, NULL);
	return true;
}

void
hb_client_print(struct hb_csv_writer *w, const struct hb_client *c)
{
	hb_csv_text(w, c->name);
	hb_csv_text(w, c->display_name);
	hb_csv_text(w, c->email);
	hb_csv_text(w, c->currency);
	hb_csv_text(w, c->contact);
	hb_csv_timestamp(w, c->created);
	hb_csv_text(w, c->lang);
	hb_csv_end_row(w);
}

void
hb_person_print(struct hb_csv_writer *w, const struct hb_person *p,
    const char *project)
{
	hb_csv_text(w, p->handle);
	hb_csv_text(w, p->name);
	hb_csv_text(w, p->email);
	hb_csv_text(w, p->role);
	hb_csv_text(w, p->client);
	if (strcmp(p->role, "freelancer") == 0)
		hb_csv_money(w, p->rate);
	else
		hb_csv_null(w);
	hb_csv_text(w, project);
	hb_csv_timestamp(w, p->created);
	hb_csv_end_row(w);
}

void
hb_project_print(struct hb_csv_writer *w, const struct hb_project *p)
{
	hb_csv_text(w, p->code);
	hb_csv_text(w, p->client);
	hb_csv_text(w, p->name);
	hb_csv_money(w, p->rate);
	hb_csv_text(w, p->currency);
	hb_csv_text(w, p->model);
	if (p->has_penalty) {
		hb_csv_percent(w, p->penalty_base);
		hb_csv_percent(w, p->penalty_daily);
	} else {
		hb_csv_null(w);
		hb_csv_null(w);
	}
	hb_csv_text(w, p->sla);
	hb_csv_timestamp(w, p->created);
	hb_csv_end_row(w);
}
