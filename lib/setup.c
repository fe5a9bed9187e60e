/*
 * setup: clients, people, teams, projects and holidays: the rules of
 * setting up a book, and of correcting it later (client-set, member-set,
 * project-set): staff only, every change in the event log with its old
 * and new value and a reason, nothing rewritten that a figure was made
 * from (a rate changes from a day on, in a history).
 */
#include <stdlib.h>
#include <string.h>

#include "hourbook/actor.h"
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
#define REASON_MAX 1000

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
	"penalty_base", "penalty_daily", "sla", "created", "minimum_fee",
	"kpi_units", "kpi_revenue", "share", "share_cap", "share_from",
	"support_hours", "priority", "deemed_delivery", NULL
};

/* The choices of project-set --priority: plan (from the plan of its
 * active package: upfront is top), or set. */
const char *const hb_project_priorities[] = { "plan", "top", "normal", NULL };

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

/* Make person (a client-role person) the contact of their client;
 * false when they are already. */
static bool
make_contact(struct hb_book *book, const struct hb_person *p,
    const char *reason)
{
	struct hb_client c;
	bool changed = false;

	need_client(book, p->client, &c);
	if (c.contact == NULL || strcmp(c.contact, p->handle) != 0) {
		hb_book_client_set_contact(book, c.id, p->id);
		hb_book_event(book, "client", c.name, "contact", c.contact,
		    p->handle, reason);
		changed = true;
	}
	hb_client_release(&c);
	return changed;
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
			    "--project or sets --contact; member-set changes a "
			    "name, e-mail or rate)", in->handle);
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
		/* A freelancer's rate is a history (schema 16): this one
		 * holds from the beginning until member-set changes it. */
		if (role == 1)
			hb_book_rate_put(book, HB_RATE_PERSON, p.id, HB_DAY_MIN,
			    p.rate);
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
				make_contact(book, &p, NULL);
			hb_client_release(&c);
		}
	}
	if (in->contact) {
		if (strcmp(p.role, "client") != 0)
			hb_fail(HB_EXIT_REFUSED, "contact", "%s is not a "
			    "client-role person", p.handle);
		make_contact(book, &p, NULL);
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

static const char *need_reason(const char *reason, const char *what,
    const char *key);

/* "intake_days=3;reply_hours=4": SLA overrides, checked and canonical;
 * each one that changes is logged with its old value.  Correcting
 * (project-set), "KEY=" takes the override away (the book's setting
 * applies again) and a change needs the reason.  Returns whether one
 * changed. */
static bool
apply_sla(struct hb_book *book, const struct hb_project *p, const char *s,
    const char *reason, bool correcting)
{
	char *copy = hb_xstrdup(s), *item = copy, *next;
	bool changed = false;

	for (; item != NULL; item = next) {
		const struct hb_setting_def *def;
		char *eq, *key, *value, *old;
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
		if (correcting && eq[1] == '\0')
			value = NULL;
		else if ((value = hb_setting_canonical(def, eq + 1, &why))
		    == NULL)
			hb_fail(HB_EXIT_DATA, "sla", "%s: \"%s\" %s", item,
			    eq + 1, why);
		old = hb_book_project_setting(book, p->id, key);
		if (value == NULL ? old != NULL : old == NULL ||
		    strcmp(old, value) != 0) {
			if (correcting)
				need_reason(reason, key, p->code);
			if (value != NULL)
				hb_book_project_setting_put(book, p->id, key,
				    value);
			else
				hb_book_project_setting_delete(book, p->id, key);
			hb_book_event(book, "project", p->code, key, old, value,
			    reason);
			changed = true;
		}
		free(old);
		free(key);
		free(value);
	}
	free(copy);
	return changed;
}

/* A project's own support window, checked as support.hours is: NULL for
 * none (the plan's). */
static char *
support_hours(const char *s)
{
	struct hb_support sup;
	const char *why;

	hb_field_text("support_hours", s, 200, 0);
	if (hb_support_parse(s, &sup, &why) != 0)
		hb_fail(HB_EXIT_DATA, "support_hours", "\"%s\" %s", s, why);
	return hb_xstrdup(s);
}

/* The priority as stored: NULL for plan. */
static char *
priority(const char *s)
{
	size_t i = hb_field_choice("priority", s, hb_project_priorities);

	return i == 0 ? NULL : hb_xstrdup(hb_project_priorities[i]);
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
	if (hb_given(in->support_hours))
		p.support_hours = support_hours(in->support_hours);
	if (hb_given(in->priority))
		p.priority = priority(in->priority);
	p.deemed_delivery = hb_given(in->deemed_delivery) &&
	    hb_field_flag("deemed_delivery", in->deemed_delivery);
	p.created = hb_now_text();
	hb_book_project_insert(book, &p);
	/* The rate is a history (schema 16), like a freelancer's. */
	hb_book_rate_put(book, HB_RATE_PROJECT, p.id, HB_DAY_MIN, p.rate);
	hb_book_event(book, "project", p.code, "created", NULL, c.name, NULL);
	if (hb_given(in->sla))
		apply_sla(book, &p, in->sla, NULL, false);
	hb_share_set(book, &p, &in->share, NULL, false);
	hb_client_release(&c);
	/* Read it back: the record as the book now holds it. */
	code = p.code;
	p.code = NULL;
	hb_project_release(&p);
	need_project(book, code, out);
	free(code);
}

/* ---- corrections ---------------------------------------------------------
 *
 * client-set, member-set and project-set: staff only.  Each field given
 * that differs from the book's is changed and logged (entity, key, what,
 * old, new, the reason, the actor); a field given with the book's value,
 * or not given, is no change, so an export fed back changes nothing (the
 * commands refuse a command line that gives no field).  A change needs a
 * reason.
 */

/* Only staff correct the book. */
static void
need_staff(struct hb_book *book, const char *what)
{
	const struct hb_actor *a = hb_actor_get(book);

	if (!hb_actor_is_staff(a))
		hb_fail(HB_EXIT_REFUSED, NULL, "%s may not change %s: only staff",
		    hb_actor_text(a), what);
}

/* The reason of a change, checked: every change needs one. */
static const char *
need_reason(const char *reason, const char *what, const char *key)
{
	if (!hb_given(reason))
		hb_fail_missing("reason", "changing the %s of %s needs a reason "
		    "(--reason TEXT): every correction goes to the event log "
		    "with its old and new value and why", what, key);
	return hb_field_text("reason", reason, REASON_MAX, 0);
}

/* A text field: *field (owned) becomes value when it differs, logged.
 * Returns whether it changed. */
static bool
set_text(struct hb_book *book, const char *entity, const char *key,
    const char *what, const char *column, char **field, const char *value,
    const char *reason)
{
	if (strcmp(*field ? *field : "", value) == 0)
		return false;
	need_reason(reason, what, key);
	hb_book_event(book, entity, key, column, *field, value, reason);
	free(*field);
	*field = hb_xstrdup(value);
	return true;
}

/* A rate from a day on (member-set, project-set).  The step goes into the
 * history (a step of that very day is replaced) and holds until the next
 * one; the history stays without a step that repeats the rate before it,
 * so each step is a change (billing-run bills a line per step).  *newest,
 * the rate column, is the newest step's.  Entries already logged keep
 * what they earned, and invoices already made stay as they are.  A rate
 * given without a day is no change when it is the newest (an export fed
 * back), else a day is needed.  Returns whether it changed. */
static bool
set_rate(struct hb_book *book, enum hb_rate_of of, int64_t id,
    const char *entity, const char *key, const char *rate_text,
    const char *from_text, const char *reason, int64_t *newest)
{
	struct hb_rate_step *steps;
	size_t n;
	int64_t rate = hb_field_money("rate", rate_text), before;
	hb_day from;
	char a[HB_MONEY_BUFSZ], b[HB_MONEY_BUFSZ], day[HB_DATE_BUFSZ];
	char next[HB_DATE_BUFSZ], *change;

	if (!hb_given(from_text)) {
		if (rate == *newest)
			return false;
		hb_fail_missing("from", "%s: a new rate needs the day it applies "
		    "from (--from DATE): entries dated from then on earn or "
		    "bill at it", key);
	}
	from = hb_field_date("from", from_text);
	n = hb_book_rates(book, of, id, &steps);
	before = hb_rate_on(steps, n, from, *newest);
	if (before == rate) {
		free(steps);
		return false;
	}
	need_reason(reason, "rate", key);
	/* A history that lost its first step gets it back first. */
	if (n == 0)
		hb_book_rate_put(book, of, id, HB_DAY_MIN, *newest);
	if (hb_rate_on(steps, n, from - 1, *newest) == rate)
		hb_book_rate_delete(book, of, id, from);
	else
		hb_book_rate_put(book, of, id, from, rate);
	for (size_t i = 0; i < n; i++)
		if (steps[i].from > from) {
			if (steps[i].rate == rate)
				hb_book_rate_delete(book, of, id, steps[i].from);
			else
				hb_note("%s: %s from %s until %s, when the rate "
				    "set from that day (%s) applies", key,
				    hb_money_format(rate, '.', a),
				    hb_date_format(from, day),
				    hb_date_format(steps[i].from, next),
				    hb_money_format(steps[i].rate, '.', b));
			break;
		}
	hb_date_format(from, day);
	change = hb_xprintf("%s from %s", hb_money_format(rate, '.', a), day);
	hb_book_event(book, entity, key, "rate", hb_money_format(before, '.',
	    b), change, reason);
	free(change);
	free(steps);
	n = hb_book_rates(book, of, id, &steps);
	if (n > 0)
		*newest = steps[n - 1].rate;
	free(steps);
	return true;
}

bool
hb_client_set(struct hb_book *book, const struct hb_client_change *in,
    struct hb_client *out)
{
	struct hb_client c;
	struct hb_person p;
	bool changed = false;

	need_staff(book, "clients");
	need_client(book, hb_field_key("client", in->name), &c);
	if (hb_given(in->display_name))
		changed |= set_text(book, "client", c.name, "display name",
		    "display_name", &c.display_name, hb_field_text(
		    "display_name", in->display_name, TEXT_MAX, 0), in->reason);
	if (hb_given(in->email))
		changed |= set_text(book, "client", c.name, "e-mail", "email",
		    &c.email, check_email("email", in->email), in->reason);
	if (changed)
		hb_book_client_update(book, &c);
	if (hb_given(in->contact)) {
		hb_need_person(book, "contact", in->contact, &p);
		if (strcmp(p.role, "client") != 0 || p.client_id != c.id)
			hb_fail(HB_EXIT_REFUSED, "contact", "%s is not a person of "
			    "client %s (member-add --client %s adds one)",
			    p.handle, c.name, c.name);
		if (c.contact == NULL || strcmp(c.contact, p.handle) != 0) {
			need_reason(in->reason, "contact", c.name);
			changed |= make_contact(book, &p, in->reason);
		}
		hb_person_release(&p);
	}
	/* Read it back: the record as the book now holds it. */
	need_client(book, c.name, out);
	hb_client_release(&c);
	return changed;
}

bool
hb_person_set(struct hb_book *book, const struct hb_person_change *in,
    struct hb_person *out)
{
	struct hb_person p;
	bool changed = false;

	need_staff(book, "people");
	hb_need_person(book, "person", hb_field_key("person", in->handle), &p);
	if (hb_given(in->from) && !hb_given(in->rate))
		hb_fail_missing("rate", "%s: --from is the day a new rate "
		    "applies from: give --rate too", p.handle);
	if (hb_given(in->name))
		changed |= set_text(book, "person", p.handle, "name", "name",
		    &p.name, hb_field_text("name", in->name, TEXT_MAX, 0),
		    in->reason);
	if (hb_given(in->email))
		changed |= set_text(book, "person", p.handle, "e-mail", "email",
		    &p.email, check_email("email", in->email), in->reason);
	if (hb_given(in->rate)) {
		if (strcmp(p.role, "freelancer") != 0)
			hb_fail(HB_EXIT_REFUSED, "rate", "%s is %s: only "
			    "freelancers have a pay rate", p.handle,
			    strcmp(p.role, "staff") == 0 ? "staff"
			    : "a client's person");
		changed |= set_rate(book, HB_RATE_PERSON, p.id, "person",
		    p.handle, in->rate, in->from, in->reason, &p.rate);
	}
	if (changed)
		hb_book_person_update(book, &p);
	*out = p;
	return changed;
}

/* A project's text that may be NULL (its plan's): *field (owned) becomes
 * value (taken) when it differs, logged.  Returns whether it changed. */
static bool
set_optional(struct hb_book *book, const char *code, const char *column,
    char **field, char *value, const char *reason)
{
	if (value == NULL ? *field == NULL : *field != NULL &&
	    strcmp(*field, value) == 0) {
		free(value);
		return false;
	}
	need_reason(reason, column, code);
	hb_book_event(book, "project", code, column, *field, value, reason);
	free(*field);
	*field = value;
	return true;
}

/* "10,2" as the event log writes a penalty; NULL for none. */
static char *
penalty_text(bool has, int32_t base, int32_t daily)
{
	char a[16], b[16];

	return has ? hb_xprintf("%s,%s", hb_percent_format(base, a),
	    hb_percent_format(daily, b)) : NULL;
}

bool
hb_project_set(struct hb_book *book, const struct hb_project_change *in,
    struct hb_project *out)
{
	struct hb_project j, want;
	struct hb_project_input pen = { 0 };
	bool changed = false, fields = false, none;
	char *code;

	need_staff(book, "projects");
	need_project(book, hb_field_key("project", in->code), &j);
	none = hb_given(in->no_penalty) && hb_field_flag("no_penalty",
	    in->no_penalty);
	if (hb_given(in->from) && !hb_given(in->rate))
		hb_fail_missing("rate", "%s: --from is the day a new rate "
		    "applies from: give --rate too", j.code);
	if (hb_given(in->name))
		fields |= set_text(book, "project", j.code, "name", "name",
		    &j.name, hb_field_text("name", in->name, TEXT_MAX, 0),
		    in->reason);
	if (hb_given(in->rate))
		fields |= set_rate(book, HB_RATE_PROJECT, j.id, "project",
		    j.code, in->rate, in->from, in->reason, &j.rate);
	/* The penalty: given, taken away, or as it is. */
	want = j;
	if (none) {
		if (hb_given(in->penalty) || hb_given(in->penalty_base) ||
		    hb_given(in->penalty_daily))
			hb_fail(HB_EXIT_DATA, "no_penalty", "give a penalty or "
			    "no_penalty, not both");
		want.has_penalty = false;
	} else if (hb_given(in->penalty)) {
		want.has_penalty = true;
		parse_penalty(in->penalty, &want.penalty_base,
		    &want.penalty_daily);
	}
	if (hb_given(in->penalty_base) || hb_given(in->penalty_daily)) {
		pen.penalty = in->penalty;
		pen.penalty_base = in->penalty_base;
		pen.penalty_daily = in->penalty_daily;
		penalty_columns(&pen, &want);
	}
	if (want.has_penalty != j.has_penalty || (want.has_penalty &&
	    (want.penalty_base != j.penalty_base ||
	    want.penalty_daily != j.penalty_daily))) {
		char *old = penalty_text(j.has_penalty, j.penalty_base,
		    j.penalty_daily);
		char *new = penalty_text(want.has_penalty, want.penalty_base,
		    want.penalty_daily);

		need_reason(in->reason, "penalty", j.code);
		hb_book_event(book, "project", j.code, "penalty", old, new,
		    in->reason);
		free(old);
		free(new);
		j.has_penalty = want.has_penalty;
		j.penalty_base = want.penalty_base;
		j.penalty_daily = want.penalty_daily;
		fields = true;
	}
	/* Its support window and priority: NULL is the plan's. */
	if (hb_given(in->support_hours) || (hb_given(in->no_support_hours) &&
	    hb_field_flag("no_support_hours", in->no_support_hours))) {
		char *sh = hb_given(in->support_hours)
		    ? support_hours(in->support_hours) : NULL;

		if (sh != NULL && hb_given(in->no_support_hours) &&
		    hb_field_flag("no_support_hours", in->no_support_hours))
			hb_fail(HB_EXIT_DATA, "no_support_hours", "give support "
			    "hours or no_support_hours, not both");
		fields |= set_optional(book, j.code, "support_hours",
		    &j.support_hours, sh, in->reason);
	}
	if (hb_given(in->priority))
		fields |= set_optional(book, j.code, "priority", &j.priority,
		    priority(in->priority), in->reason);
	if (hb_given(in->deemed_delivery)) {
		bool on = hb_field_flag("deemed_delivery", in->deemed_delivery);

		if (on != j.deemed_delivery) {
			need_reason(in->reason, "deemed delivery", j.code);
			hb_book_event(book, "project", j.code, "deemed delivery",
			    j.deemed_delivery ? "yes" : "no", on ? "yes" : "no",
			    in->reason);
			j.deemed_delivery = on;
			fields = true;
		}
	}
	if (fields)
		hb_book_project_update(book, &j);
	changed = fields;
	if (hb_given(in->sla))
		changed |= apply_sla(book, &j, in->sla, in->reason, true);
	changed |= hb_share_set(book, &j, &in->share, in->reason, true);
	code = j.code;
	j.code = NULL;
	hb_project_release(&j);
	need_project(book, code, out);
	free(code);
	return changed;
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
	/* Its sales-share terms: the newest step, from its month. */
	hb_share_terms_print(w, &p->share);
	if (p->share.active)
		hb_csv_text(w, p->share_from);
	else
		hb_csv_null(w);
	hb_csv_text(w, p->support_hours);
	hb_csv_text(w, p->priority ? p->priority : "plan");
	hb_csv_text(w, p->deemed_delivery ? "yes" : "no");
	hb_csv_end_row(w);
}
