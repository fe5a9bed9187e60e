/*
 * sla: the rules and the three report formats.
 */
#include <stdlib.h>
#include <string.h>

#include "hourbook/balance.h"
#include "hourbook/book.h"
#include "hourbook/calendar.h"
#include "hourbook/clock.h"
#include "hourbook/config.h"
#include "hourbook/deemed.h"
#include "hourbook/csv.h"
#include "hourbook/diag.h"
#include "hourbook/field.h"
#include "hourbook/names.h"
#include "hourbook/package.h"
#include "hourbook/sales.h"
#include "hourbook/sla.h"

struct result {
	const struct rule *rule;
	const char *entity;	/* "task", "comment", "package", "withdrawal",
				   "sales" */
	int64_t key;
	char month[8];		/* "sales": the key is a month, not a number */
	char *project;		/* NULL for withdrawals */
	char since[HB_TIMESTAMP_BUFSZ];
	char due[HB_TIMESTAMP_BUFSZ];
	bool failed;
	char *message;
};

struct sla {
	struct hb_book *book;
	int64_t as_of;
	hb_day today;		/* the local date of as_of */
	const char *project;
	struct hb_calendar cal;
	struct result *results;
	size_t n, cap;
	const struct rule *rule;	/* the one being evaluated */
	struct hb_balances *balances;	/* read by the first package rule */
};

struct rule {
	const char *id;
	const char *severity;	/* "error" or "warning" */
	const char *setting;	/* its threshold, or NULL */
	const char *checks;	/* what it reads */
	void (*check)(struct sla *);
};

static void
add(struct sla *s, const char *entity, int64_t key, const char *project,
    const char *since, const char *due, bool failed, char *message)
{
	struct result *r;

	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->results = hb_xrealloc(s->results, s->cap * sizeof *s->results);
	}
	r = &s->results[s->n++];
	memset(r, 0, sizeof *r);
	r->rule = s->rule;
	r->entity = entity;
	r->key = key;
	r->project = project ? hb_xstrdup(project) : NULL;
	snprintf(r->since, sizeof r->since, "%s", since ? since : "");
	snprintf(r->due, sizeof r->due, "%s", due ? due : "");
	r->failed = failed;
	r->message = message;
}

/* A project's SLA clock that started on a day: its calendar (the book's
 * holidays, the project's window then: config.h, hb_config_window), its
 * target (the project's override, else the priority one for a top
 * priority project, else the book's: hb_config_target) and, when either
 * is not the book's plain one, the words saying which applied, for the
 * finding's message (" (...)", else ""; the caller's). */
static char *
clock_of(struct sla *s, int64_t project_id, hb_day start, const char *key,
    struct hb_calendar *cal, int64_t *target)
{
	bool top = hb_config_top_priority(s->book, project_id, s->today);
	bool priority;
	char *window, *detail;

	*cal = s->cal;
	window = hb_config_window(s->book, project_id, start, &cal->support);
	*target = hb_config_target(s->book, key, project_id, top, &priority);
	if (priority)
		detail = hb_xprintf(" (%s%stop priority: %s.priority %lld)",
		    window ? window : "", window ? "; " : "", key,
		    (long long)*target);
	else
		detail = window ? hb_xprintf(" (%s)", window) : hb_xstrdup("");
	free(window);
	return detail;
}

/* ---- task rules ---------------------------------------------------------- */

/* Columns of HB_Q_SLA_TASKS: 0 id, 1 project, 2 project id, 3 status,
 * 4 kind, 5 due, 6 due kind, 7 created, 8 since (entered this status). */

static hb_day
day_of(const char *timestamp)
{
	int64_t t;

	return timestamp && hb_timestamp_parse(timestamp, &t, NULL) == 0
	    ? hb_local_day(t) : 0;
}

static void
due_row(void *ctx, const struct hb_row *row)
{
	struct sla *s = ctx;
	bool rigid = strcmp(hb_row_text(row, HB_OPEN_DUE_KIND), "rigid") == 0;
	bool late;
	hb_day due;

	/* Delivered work is not overdue; a late delivery is billing's
	 * penalty. */
	if (hb_row_null(row, HB_OPEN_DUE) || rigid != (strcmp(s->rule->id, "due-rigid") == 0) ||
	    strcmp(hb_row_text(row, HB_OPEN_STATUS), "delivered") == 0)
		return;
	hb_date_parse(hb_row_text(row, HB_OPEN_DUE), &due, NULL);
	/* The days a task spent paused, waiting for the client, are not
	 * late (deemed.h). */
	late = hb_task_late(s->book, &s->cal, hb_row_int(row, HB_OPEN_TASK),
	    due, s->today);
	add(s, "task", hb_row_int(row, HB_OPEN_TASK), hb_row_text(row, HB_OPEN_CODE),
	    hb_row_text(row, HB_OPEN_DUE), hb_row_text(row, HB_OPEN_DUE), late,
	    late ? hb_xprintf("task %lld is %s and was due on %s "
	    "(%s)", (long long)hb_row_int(row, HB_OPEN_TASK), hb_row_text(row, HB_OPEN_STATUS),
	    hb_row_text(row, HB_OPEN_DUE), rigid ? "rigid" : "flexible") : NULL);
}

/* A task has been in a status since a day; it may stay `days` business
 * days. */
static void
stay_row(void *ctx, const struct hb_row *row)
{
	struct sla *s = ctx;
	static const struct { const char *rule, *status, *setting, *what; }
	    stays[] = {
		{ "intake", "requested", "sla.intake_days",
		  "a request waiting for its estimate" },
		{ "approval", "estimated", "sla.intake_days",
		  "an estimate waiting for the client's approval" },
		{ "revision", "revision", "sla.revision_days",
		  "a delivery in revision" },
	};
	const char *since;
	hb_day from, deadline;
	char due[HB_DATE_BUFSZ], *detail;
	struct hb_calendar cal;
	int64_t days;

	for (size_t i = 0; i < sizeof stays / sizeof stays[0]; i++) {
		if (strcmp(stays[i].rule, s->rule->id) != 0 ||
		    strcmp(stays[i].status, hb_row_text(row, HB_OPEN_STATUS)) != 0)
			continue;
		/* A request waits from its creation, the rest from the move. */
		since = i == 0 || hb_row_null(row, HB_OPEN_SINCE) ? hb_row_text(row, HB_OPEN_CREATED)
		    : hb_row_text(row, HB_OPEN_SINCE);
		from = day_of(since);
		/* Days on which the project's window has hours. */
		detail = clock_of(s, hb_row_int(row, HB_OPEN_PROJECT), from,
		    stays[i].setting, &cal, &days);
		deadline = hb_support_days_add(&cal, from, (int)days);
		hb_day_check(deadline, "the %s deadline of task %lld", stays[i].rule,
		    (long long)hb_row_int(row, HB_OPEN_TASK));
		hb_date_format(deadline, due);
		add(s, "task", hb_row_int(row, HB_OPEN_TASK), hb_row_text(row, HB_OPEN_CODE), since, due,
		    s->today > deadline, s->today > deadline
		    ? hb_xprintf("task %lld: %s since %.10s, due by %s%s",
		    (long long)hb_row_int(row, HB_OPEN_TASK), stays[i].what, since,
		    due, detail) : NULL);
		free(detail);
	}
}

static void
task_rule(struct sla *s, void (*fn)(void *, const struct hb_row *))
{
	char final[HB_TASK_STATE_LIST_BUFSZ];
	struct hb_param p[] = { hb_text(s->project), hb_text(
	    hb_task_state_list(hb_task_state_final, final, sizeof final)) };

	hb_book_query(s->book, HB_Q_SLA_TASKS, p, 2, fn, s);
}

static void check_due(struct sla *s) { task_rule(s, due_row); }
static void check_stay(struct sla *s) { task_rule(s, stay_row); }

/* ---- comment rules --------------------------------------------------- */

/* A row of HB_Q_SLA_COMMENTS (HB_TALK_*). */
struct comment {
	int64_t id, task, project_id;
	char *project, *author, *created, *status, *role;
	bool contact;
};

struct comments {
	struct comment *c;
	size_t n, cap;
};

static void
collect_comment(void *ctx, const struct hb_row *row)
{
	struct comments *cs = ctx;
	struct comment *c;

	if (cs->n == cs->cap) {
		cs->cap = cs->cap ? 2 * cs->cap : 64;
		cs->c = hb_xrealloc(cs->c, cs->cap * sizeof *cs->c);
	}
	c = &cs->c[cs->n++];
	c->id = hb_row_int(row, HB_TALK_COMMENT);
	c->task = hb_row_int(row, HB_TALK_TASK);
	c->project = hb_xstrdup(hb_row_text(row, HB_TALK_CODE));
	c->project_id = hb_row_int(row, HB_TALK_PROJECT);
	c->author = hb_xstrdup(hb_row_text(row, HB_TALK_AUTHOR));
	c->created = hb_xstrdup(hb_row_text(row, HB_TALK_CREATED));
	c->status = hb_xstrdup(hb_row_text(row, HB_TALK_STATUS));
	c->role = hb_xstrdup(hb_row_text(row, HB_TALK_ROLE));
	c->contact = hb_row_int(row, HB_TALK_CONTACT) != 0;
}

static void
check_comments(struct sla *s)
{
	struct comments cs = { 0 };
	char final[HB_TASK_STATE_LIST_BUFSZ];
	struct hb_param p[] = { hb_text(s->project), hb_text(
	    hb_task_state_list(hb_task_state_final, final, sizeof final)) };
	bool reply = strcmp(s->rule->id, "reply") == 0;

	hb_book_query(s->book, HB_Q_SLA_COMMENTS, p, 2, collect_comment, &cs);
	for (size_t i = 0; i < cs.n; i++) {
		struct comment *c = &cs.c[i];
		bool answered = false;
		int64_t t = 0, deadline, target;
		char due[HB_TIMESTAMP_BUFSZ], *detail;
		struct hb_calendar cal;

		/* reply: the client's contact asked; anyone else answers.
		 * client-info: the team asked on a blocked task; the client
		 * answers. */
		if (reply ? !c->contact : strcmp(c->role, "client") == 0 ||
		    strcmp(c->status, "blocked") != 0)
			continue;
		for (size_t k = i + 1; k < cs.n && cs.c[k].task == c->task; k++)
			if (reply ? strcmp(cs.c[k].author, c->author) != 0
			    : strcmp(cs.c[k].role, "client") == 0)
				answered = true;
		hb_timestamp_parse(c->created, &t, NULL);
		detail = clock_of(s, c->project_id, hb_local_day(t), reply
		    ? "sla.reply_hours" : "sla.client_info_days", &cal, &target);
		if (reply) {
			deadline = hb_business_deadline(&cal, t, target * 60);
			if (deadline >= 0)
				hb_day_check(hb_local_day(deadline), "the reply "
				    "deadline of comment %lld", (long long)c->id);
			hb_timestamp_format(deadline, due);
		} else {
			deadline = hb_support_days_add(&cal, hb_local_day(t),
			    (int)target);
			hb_day_check((hb_day)deadline, "the client-info deadline "
			    "of comment %lld", (long long)c->id);
			hb_date_format((hb_day)deadline, due);
		}
		{
			bool late = !answered && (reply ? s->as_of > deadline
			    : s->today > (hb_day)deadline);

			add(s, "comment", c->id, c->project, c->created, due, late,
			    late ? hb_xprintf(reply ? "task %lld: %s's comment "
			    "%lld is unanswered since %s, due by %s%s"
			    : "task %lld is blocked: %s's question (comment %lld) "
			    "to the client is unanswered since %s, due by %s%s",
			    (long long)c->task, c->author, (long long)c->id,
			    c->created, due, detail) : NULL);
		}
		free(detail);
	}
	for (size_t i = 0; i < cs.n; i++) {
		free(cs.c[i].project);
		free(cs.c[i].author);
		free(cs.c[i].created);
		free(cs.c[i].status);
		free(cs.c[i].role);
	}
	free(cs.c);
}

/* ---- packages and withdrawals --------------------------------------------- */

/* The packages' figures, from the one computation, read once for all
 * the package rules. */
static const struct hb_balances *
balances(struct sla *s)
{
	struct hb_scope scope = { NULL, s->project, 0, 0 };

	if (s->balances == NULL)
		s->balances = hb_balances_load(s->book, &scope, s->today);
	return s->balances;
}

enum package_rule { LOW, COMMITTED, OVERDRAWN, AWAITING };

static void
check_package(struct sla *s, enum package_rule rule)
{
	const struct hb_balances *b = balances(s);

	for (size_t i = 0; i < hb_balances_count(b); i++) {
		const struct hb_package *p = hb_balances_package(b, i);
		int64_t floor = (p->loaded - p->lapsed) *
		    hb_config_int(s->book, "package.low_percent", 0) / 10000;
		bool failed = false;
		char *message = NULL;

		if (strcmp(p->status, "active") != 0 &&
		    !(rule == AWAITING && strcmp(p->status, "invoiced") == 0))
			continue;
		switch (rule) {
		case LOW:
			/* Awaiting payment is its own finding; an expired
			 * package has nothing left by definition, not little. */
			failed = !p->awaiting_payment && p->available >= 0 &&
			    p->available < floor &&
			    !(p->has_expires && p->expires < s->today);
			if (failed)
				message = hb_xprintf("package %lld has %lld of its "
				    "%lld minutes available, below %lld",
				    (long long)p->id, (long long)p->available,
				    (long long)(p->loaded - p->lapsed),
				    (long long)floor);
			break;
		case COMMITTED:
			failed = !p->awaiting_payment && p->usable >= 0 &&
			    p->available < 0;
			if (failed)
				message = hb_xprintf("package %lld: the agreed work "
				    "still to do needs %lld minutes and %lld are "
				    "usable: %lld minutes more are needed (a "
				    "package to buy)", (long long)p->id,
				    (long long)p->committed, (long long)p->usable,
				    (long long)-p->available);
			break;
		case OVERDRAWN:
			failed = p->usable < 0;
			if (failed)
				message = hb_xprintf("package %lld is overdrawn: time "
				    "logged beyond its hours, %lld minutes (a "
				    "reversal gone wrong? book-check)",
				    (long long)p->id, (long long)-p->usable);
			break;
		case AWAITING:
			failed = p->awaiting_payment;
			if (failed)
				message = hb_xprintf("package %lld is awaiting "
				    "payment: %s %d is invoiced and not paid; its "
				    "hours load when it is paid (package-set "
				    "--paid %lld)", (long long)p->id,
				    strcmp(p->plan, "monthly") == 0 ? "month"
				    : "invoice", p->invoiced_periods,
				    (long long)p->id);
			break;
		}
		add(s, "package", p->id, p->project, NULL, NULL, failed,
		    message);
	}
}

static void check_low(struct sla *s) { check_package(s, LOW); }
static void check_committed(struct sla *s) { check_package(s, COMMITTED); }
static void check_overdrawn(struct sla *s) { check_package(s, OVERDRAWN); }
static void check_awaiting(struct sla *s) { check_package(s, AWAITING); }

static void
withdrawal_row(void *ctx, const struct hb_row *row)
{
	struct sla *s = ctx;
	hb_day due;
	bool late;

	hb_date_parse(hb_row_text(row, HB_WAIT_DUE), &due, NULL);
	late = s->today > due;
	add(s, "withdrawal", hb_row_int(row, HB_WAIT_WITHDRAWAL), NULL, hb_row_text(row, HB_WAIT_REQUESTED),
	    hb_row_text(row, HB_WAIT_DUE), late, late ? hb_xprintf("withdrawal %lld of "
	    "%s was due on %s and is not paid", (long long)hb_row_int(row, HB_WAIT_WITHDRAWAL),
	    hb_row_text(row, HB_WAIT_PERSON), hb_row_text(row, HB_WAIT_DUE)) : NULL);
}

/* A sales-share agreement's month that has ended without figures: ask
 * the client, before billing-run bills it at the minimum fee, or after
 * (the share of figures that come late is billed on the next invoice).
 * Since the first day after the month. */
static void
sales_month(void *ctx, const struct hb_sales_month *m)
{
	struct sla *s = ctx;
	struct result *r;
	hb_day first;
	char since[HB_DATE_BUFSZ];
	bool missing = m->status == HB_SALES_MISSING ||
	    m->status == HB_SALES_BILLED_AT_MINIMUM;

	if (!missing && m->status != HB_SALES_RECORDED &&
	    m->status != HB_SALES_LATE)
		return;
	if (hb_month_parse(m->month, &first, NULL) != 0)
		return;
	hb_date_format(hb_next_month(first), since);
	add(s, "sales", 0, m->project, since, since, missing,
	    m->status == HB_SALES_MISSING ? hb_xprintf("%s has no sales "
	    "figures for %s: ask the client (sales-log --project %s --month "
	    "%s), or billing-run bills the month at the minimum fee",
	    m->project, m->month, m->project, m->month)
	    : missing ? hb_xprintf("%s has no sales figures for %s, billed "
	    "at the minimum fee (invoice %lld): ask the client (sales-log "
	    "--project %s --month %s); the next billing-run bills its share",
	    m->project, m->month, (long long)m->invoice, m->project, m->month)
	    : NULL);
	r = &s->results[s->n - 1];
	snprintf(r->month, sizeof r->month, "%s", m->month);
}

static void
check_sales(struct sla *s)
{
	hb_sales_each_month(s->book, NULL, s->project, NULL, NULL, s->today,
	    sales_month, s);
}

static void
check_withdrawals(struct sla *s)
{
	/* Withdrawals belong to no project. */
	if (s->project == NULL)
		hb_book_query(s->book, HB_Q_SLA_WITHDRAWALS, NULL, 0,
		    withdrawal_row, s);
}

/* SPEC §4, sla-check: the rules, their severity and their threshold. */
static const struct rule rules[] = {
	{ "due-rigid", "error", NULL, "open tasks with a rigid due date",
	  check_due },
	{ "due-flexible", "warning", NULL, "open tasks with a flexible due date",
	  check_due },
	{ "intake", "error", "sla.intake_days", "requests", check_stay },
	{ "approval", "warning", "sla.intake_days", "estimates", check_stay },
	{ "reply", "error", "sla.reply_hours", "the client contact's comments",
	  check_comments },
	{ "client-info", "warning", "sla.client_info_days",
	  "the team's questions on blocked tasks", check_comments },
	{ "revision", "error", "sla.revision_days", "tasks in revision",
	  check_stay },
	{ "package-low", "warning", "package.low_percent", "active packages",
	  check_low },
	{ "package-committed", "warning", NULL, "active packages",
	  check_committed },
	{ "package-awaiting-payment", "warning", NULL,
	  "invoiced and active packages", check_awaiting },
	{ "package-overdrawn", "error", NULL, "active packages",
	  check_overdrawn },
	{ "withdrawal-late", "error", "withdraw.payout_days",
	  "requested withdrawals", check_withdrawals },
	{ "sales-missing", "warning", NULL,
	  "the ended months of sales-share agreements not billed yet",
	  check_sales },
};
#define NRULES (sizeof rules / sizeof rules[0])

/* The rule ids, for sla-check --rule (a unit test checks they are the
 * rules' own, in order). */
const char *const hb_sla_rule_ids[] = {
	"due-rigid", "due-flexible", "intake", "approval", "reply",
	"client-info", "revision", "package-low", "package-committed",
	"package-awaiting-payment", "package-overdrawn", "withdrawal-late",
	"sales-missing", NULL
};

const char *
hb_sla_rule_names(void)
{
	static char buf[256];

	if (buf[0] == '\0')
		for (size_t i = 0; i < NRULES; i++)
			hb_list_append(buf, sizeof buf, rules[i].id);
	return buf;
}

bool
hb_sla_rule_known(const char *id)
{
	for (size_t i = 0; i < NRULES; i++)
		if (strcmp(rules[i].id, id) == 0)
			return true;
	return false;
}

/* ---- output ------------------------------------------------------------- */

static const char *const finding_columns[] = {
	"rule", "severity", "entity", "key", "project", "since", "due",
	"message", NULL
};

static void
print_rows(const struct sla *s, struct hb_csv_writer *w)
{
	hb_csv_header(w, finding_columns);
	for (size_t i = 0; i < s->n; i++) {
		const struct result *r = &s->results[i];

		if (!r->failed)
			continue;
		hb_csv_text(w, r->rule->id);
		hb_csv_text(w, r->rule->severity);
		hb_csv_text(w, r->entity);
		if (r->month[0] != '\0')
			hb_csv_text(w, r->month);
		else
			hb_csv_int(w, r->key);
		hb_csv_text(w, r->project);
		hb_csv_text(w, r->since);
		hb_csv_text(w, r->due);
		hb_csv_text(w, r->message);
		hb_csv_end_row(w);
	}
}

/* The key as text: a number, or a month (into buf of 24 bytes). */
static const char *
key_text(const struct result *r, char buf[24])
{
	if (r->month[0] != '\0')
		return r->month;
	snprintf(buf, 24, "%lld", (long long)r->key);
	return buf;
}

/* TAP: one test per rule and entity; warnings are TODO, so they show but
 * do not fail a harness. */
static void
print_tap(const struct sla *s, FILE *fp)
{
	fprintf(fp, "TAP version 13\n1..%zu\n", s->n);
	for (size_t i = 0; i < s->n; i++) {
		const struct result *r = &s->results[i];
		bool warning = strcmp(r->rule->severity, "warning") == 0;
		char key[24];

		fprintf(fp, "%s %zu - %s %s %s%s%s%s", r->failed ? "not ok" : "ok",
		    i + 1, r->rule->id, r->entity, key_text(r, key),
		    r->project ? " (" : "", r->project ? r->project : "",
		    r->project ? ")" : "");
		if (r->failed) {
			/* A warning is a TODO on the test line itself; an
			 * error's message follows as a diagnostic. */
			fputs(warning ? " # TODO warning: " : "\n# ", fp);
			for (const char *p = r->message; *p; p++)
				fputc(*p == '\n' || *p == '#' ? ' ' : *p, fp);
		}
		fputc('\n', fp);
	}
	if (s->n == 0)
		fprintf(fp, "# nothing to check\n");
}

static void
xml_text(FILE *fp, const char *s)
{
	for (; s != NULL && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '&')
			fputs("&amp;", fp);
		else if (c == '<')
			fputs("&lt;", fp);
		else if (c == '>')
			fputs("&gt;", fp);
		else if (c == '"')
			fputs("&quot;", fp);
		else if (c < 0x20 && c != '\t' && c != '\n')
			fputc(' ', fp);	/* not allowed in XML 1.0 */
		else
			fputc(c, fp);
	}
}

/* JUnit: one testsuite per rule, one testcase per entity; an error is a
 * failure, a warning is written to system-out and does not fail. */
static void
print_junit(const struct sla *s, FILE *fp)
{
	size_t failures = 0;

	for (size_t i = 0; i < s->n; i++)
		failures += s->results[i].failed &&
		    strcmp(s->results[i].rule->severity, "error") == 0;
	fprintf(fp, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<testsuites name=\"sla-check\" tests=\"%zu\" failures=\"%zu\">\n",
	    s->n, failures);
	for (size_t k = 0; k < NRULES; k++) {
		size_t tests = 0, fails = 0;

		for (size_t i = 0; i < s->n; i++)
			if (s->results[i].rule == &rules[k]) {
				tests++;
				fails += s->results[i].failed &&
				    strcmp(rules[k].severity, "error") == 0;
			}
		if (tests == 0)
			continue;
		fprintf(fp, "  <testsuite name=\"%s\" tests=\"%zu\" "
		    "failures=\"%zu\" errors=\"0\">\n", rules[k].id, tests, fails);
		for (size_t i = 0; i < s->n; i++) {
			const struct result *r = &s->results[i];
			char key[24];

			if (r->rule != &rules[k])
				continue;
			fprintf(fp, "    <testcase classname=\"sla.%s\" "
			    "name=\"%s %s", r->rule->id, r->entity,
			    key_text(r, key));
			if (r->project) {
				fputs(" (", fp);
				xml_text(fp, r->project);
				fputc(')', fp);
			}
			fputs("\"", fp);
			if (!r->failed) {
				fputs("/>\n", fp);
				continue;
			}
			fputs(">\n", fp);
			if (strcmp(r->rule->severity, "error") == 0) {
				fputs("      <failure type=\"error\" message=\"", fp);
				xml_text(fp, r->message);
				fputs("\"/>\n", fp);
			} else {
				fputs("      <system-out>warning: ", fp);
				xml_text(fp, r->message);
				fputs("</system-out>\n", fp);
			}
			fputs("    </testcase>\n", fp);
		}
		fputs("  </testsuite>\n", fp);
	}
	fputs("</testsuites>\n", fp);
}

bool
hb_sla_check(struct hb_book *book, int64_t as_of, const char *rule,
    const char *project, enum hb_sla_format format, bool quiet,
    struct hb_csv_writer *w)
{
	struct sla s = { .book = book, .as_of = as_of, .project = project };
	bool errors = false;

	/* A typo in --project must not pass a CI gate with zero tests. */
	hb_check_names(book, NULL, project, NULL, NULL);
	s.today = hb_day_check(hb_local_day(as_of), "the day of the check (in "
	    "the book's time zone, %s)", hb_zone());
	hb_config_calendar(book, &s.cal);
	for (size_t k = 0; k < NRULES; k++) {
		if (rule != NULL && strcmp(rule, rules[k].id) != 0)
			continue;
		s.rule = &rules[k];
		rules[k].check(&s);
	}
	for (size_t i = 0; i < s.n; i++)
		errors |= s.results[i].failed &&
		    strcmp(s.results[i].rule->severity, "error") == 0;
	if (!quiet) {
		if (format == HB_SLA_ROWS)
			print_rows(&s, w);
		else if (format == HB_SLA_TAP)
			print_tap(&s, w->fp);
		else
			print_junit(&s, w->fp);
	}
	for (size_t i = 0; i < s.n; i++) {
		free(s.results[i].project);
		free(s.results[i].message);
	}
	free(s.results);
	hb_balances_free(s.balances);
	hb_config_calendar_release(&s.cal);
	return errors;
}
