/*
 * dashboard: the client's static page (dashboard.h).
 *
 * A page is written in one pass to a FILE: the figures first read into
 * memory (a client's packages, its month figures, at most LIST_MAX rows
 * of each table), so its size does not grow with the book.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "hourbook/balance.h"
#include "hourbook/book.h"
#include "hourbook/calendar.h"
#include "hourbook/deemed.h"
#include "hourbook/clock.h"
#include "hourbook/config.h"
#include "hourbook/dashboard.h"
#include "hourbook/date.h"
#include "hourbook/diag.h"
#include "hourbook/duration.h"
#include "hourbook/html.h"
#include "hourbook/lang.h"
#include "hourbook/money.h"
#include "hourbook/names.h"
#include "hourbook/output.h"
#include "hourbook/records.h"
#include "hourbook/report.h"

#define LIST_MAX 50		/* rows of a table; the rest are counted */
#define COMMENTS 10		/* the latest comments shown */
#define COMMENT_BYTES 600	/* of a comment's body */
#define CHART_MONTHS 36		/* at most, the newest */

/* What a client's page counts, for the agency's index. */
struct totals {
	size_t packages;
	int64_t loaded, used, available;
	size_t waiting, late;
};

struct month_use {
	int64_t package_id;
	hb_day month;
	int64_t minutes;
};

struct task_row {
	int64_t id;
	char *project, *title, *status, *assignee;
	bool has_due;
	hb_day due;
	hb_day since;
	bool has_estimate;
	int64_t estimate;
	bool late;		/* due before today, its paused days not
				   counted (deemed.h) */
};

struct page {
	struct hb_book *book;
	FILE *out;
	enum hb_lang lang;
	const struct hb_client *client;
	hb_day today;
	hb_day first, last;	/* the period's first and last months */
	struct hb_calendar cal;
	struct month_use *use;
	size_t nuse;
	struct task_row *tasks;
	size_t ntasks, more;	/* kept, and over LIST_MAX */
	bool count_late;	/* collect_task counts the late ones */
	char today_text[HB_DATE_BUFSZ];
	struct totals totals;
};

static const char *
T(const struct page *pg, const char *key)
{
	return hb_lang_text(pg->lang, key);
}

static void
put(const struct page *pg, const char *s)
{
	fputs(s, pg->out);
}

static void
text(const struct page *pg, const char *s)
{
	hb_html_text(pg->out, s);
}

/* "nov 2026" */
static char *
month_name(const struct page *pg, hb_day month, char *buf, size_t size)
{
	int y, m, d;
	char key[16];

	hb_civil_from_day(month, &y, &m, &d);
	snprintf(key, sizeof key, "month.%d", m);
	snprintf(buf, size, "%s %d", T(pg, key), y);
	return buf;
}

static void
minutes(const struct page *pg, int64_t m)
{
	char buf[HB_DURATION_BUFSZ];

	put(pg, hb_duration_format(m, buf));
}

/* 1,234.50 EUR in English; 1.234,50 EUR in the others. */
static void
money(const struct page *pg, int64_t cents, const char *currency)
{
	bool en = pg->lang == HB_LANG_EN;
	char digits[HB_MONEY_BUFSZ], out[HB_MONEY_BUFSZ * 2];
	const char *s = hb_money_format(cents, en ? '.' : ',', digits);
	size_t n = 0, whole;

	if (*s == '-')
		out[n++] = *s++;
	whole = strcspn(s, ".,");
	for (size_t i = 0; i < whole; i++) {
		if (i > 0 && (whole - i) % 3 == 0)
			out[n++] = en ? ',' : '.';
		out[n++] = s[i];
	}
	snprintf(out + n, sizeof out - n, "%s", s + whole);
	put(pg, out);
	put(pg, "\xc2\xa0");
	text(pg, currency);
}

static hb_day
day_of(const char *at)
{
	int64_t t;
	const char *why;

	if (at == NULL || hb_timestamp_parse(at, &t, &why) != 0)
		return -1;
	return hb_local_day(t);
}

static void
date(const struct page *pg, hb_day d)
{
	char buf[HB_DATE_BUFSZ];

	put(pg, hb_date_format(d, buf));
}

static hb_day
month_of(hb_day d)
{
	int y, m, dd;

	hb_civil_from_day(d, &y, &m, &dd);
	return hb_day_from_civil(y, m, 1);
}

/* ---- the head and the styles ------------------------------------------ */

static const char style[] =
	":root{--ink:#1f2933;--muted:#616e7c;--line:#d9dee3;--used:#3b6fc4;"
	"--lapsed:#9aa5b1;--committed:#f0a33a;--free:#e6ecf2;--late:#b42318}\n"
	"*{box-sizing:border-box}\n"
	"body{margin:0;font:15px/1.45 system-ui,-apple-system,\"Segoe UI\","
	"Roboto,\"Helvetica Neue\",Arial,sans-serif;color:var(--ink);"
	"background:#f6f7f9}\n"
	"header,main,footer{max-width:1040px;margin:0 auto;padding:0 20px}\n"
	"header{padding-top:24px}\n"
	"h1{font-size:26px;margin:2px 0 4px}\n"
	"h2{font-size:19px;margin:28px 0 10px}\n"
	"h3{font-size:16px;margin:0 0 4px}\n"
	".agency{margin:0;color:var(--muted);font-weight:600}\n"
	".meta{margin:0;color:var(--muted)}\n"
	".cards{display:grid;gap:16px}\n"
	".card{background:#fff;border:1px solid var(--line);border-radius:8px;"
	"padding:16px}\n"
	".badge{display:inline-block;padding:1px 8px;border-radius:10px;"
	"background:#fdecea;color:var(--late);font-weight:600;font-size:13px}\n"
	"table{border-collapse:collapse;width:100%;background:#fff}\n"
	"th,td{text-align:left;padding:6px 8px;border-bottom:1px solid "
	"var(--line);vertical-align:top}\n"
	"th{font-size:13px;color:var(--muted);font-weight:600}\n"
	"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;"
	"white-space:nowrap}\n"
	"table.figures{margin:10px 0 8px}\n"
	"table.figures td{font-size:20px;font-weight:600}\n"
	".neg{color:var(--late)}\n"
	".late{color:var(--late);font-weight:600}\n"
	"svg.meter{display:block;width:100%;height:14px;border-radius:7px}\n"
	".meter .used{fill:var(--used)}\n"
	".meter .lapsed{fill:var(--lapsed)}\n"
	".meter .committed{fill:var(--committed)}\n"
	".meter .free{fill:var(--free)}\n"
	".legend{font-size:13px;color:var(--muted);margin:6px 0 0}\n"
	".key{font-size:15px;margin-left:6px}\n"
	".key.used{color:var(--used)}.key.lapsed{color:var(--lapsed)}\n"
	".key.committed{color:var(--committed)}.key.free{color:#c9d3dd}\n"
	".body{white-space:pre-line}\n"
	".more,.empty{color:var(--muted)}\n"
	"svg.chart{display:block;max-width:100%;height:auto;margin-top:12px}\n"
	".chart .bar{fill:var(--used)}\n"
	".chart .grid{stroke:#eef1f4}\n"
	".chart .axis{stroke:#9aa5b1}\n"
	".chart .limit{stroke:var(--late);stroke-width:2;"
	"stroke-dasharray:6 4}\n"
	".chart text{font-size:11px;fill:var(--muted)}\n"
	".chart text.y{text-anchor:end}\n"
	".chart text.x{text-anchor:middle}\n"
	".chart text.limit{text-anchor:end;fill:var(--late);stroke:none;"
	"font-weight:600}\n"
	"footer{padding:24px 20px 40px;color:var(--muted);font-size:13px}\n"
	"a{color:var(--used)}\n"
	"@media print{body{background:#fff}.card{break-inside:avoid}}\n";

static void
head(const struct page *pg, const char *title, const char *agency)
{
	fprintf(pg->out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n"
	    "<meta name=\"generator\" content=\"hourbook\">\n<title>",
	    hb_lang_codes[pg->lang]);
	text(pg, title);
	put(pg, "</title>\n<style>\n");
	put(pg, style);
	put(pg, "</style>\n</head>\n<body>\n<header>\n");
	if (*agency != '\0') {
		put(pg, "<p class=\"agency\">");
		text(pg, agency);
		put(pg, "</p>\n");
	}
	put(pg, "<h1>");
	text(pg, title);
	put(pg, "</h1>\n");
}

/* "Period: dec 2025 – nov 2026 · Updated 2026-11-30 09:00 (Europe/Rome)" */
static void
period_line(const struct page *pg)
{
	char a[32], b[32], day[HB_DATE_BUFSZ];
	time_t now = (time_t)hb_now();
	struct tm tm;

	put(pg, "<p class=\"meta\">");
	text(pg, T(pg, "label.period"));
	fprintf(pg->out, ": %s \xe2\x80\x93 %s \xc2\xb7 ",
	    month_name(pg, pg->first, a, sizeof a),
	    month_name(pg, pg->last, b, sizeof b));
	text(pg, T(pg, "dash.updated"));
	localtime_r(&now, &tm);
	fprintf(pg->out, " %s %02d:%02d (", hb_date_format(pg->today, day),
	    tm.tm_hour, tm.tm_min);
	text(pg, hb_zone());
	put(pg, ")</p>\n</header>\n<main>\n");
}

static void
foot(const struct page *pg)
{
	put(pg, "</main>\n<footer>\n<p>");
	text(pg, T(pg, "dash.footer"));
	put(pg, "</p>\n</footer>\n</body>\n</html>\n");
}

/* ---- packages ----------------------------------------------------------- */

static void
collect_use(void *vctx, int64_t package_id, hb_day month, int64_t m)
{
	struct page *pg = vctx;

	pg->use = hb_xrealloc(pg->use, (pg->nuse + 1) * sizeof *pg->use);
	pg->use[pg->nuse].package_id = package_id;
	pg->use[pg->nuse].month = month;
	pg->use[pg->nuse].minutes = m;
	pg->nuse++;
}

/* The months a package lived in the period, and the chart of them. */
static void
chart(const struct page *pg, const struct hb_package *p)
{
	bool monthly = strcmp(p->plan, "monthly") == 0;
	hb_day from, to, created = day_of(p->created), m;
	int64_t *bars, before = 0;
	char **labels, **subs, **tips, id[32], name[32], len[HB_DURATION_BUFSZ];
	char *line_label, *title;
	size_t n = 0, k = 0;
	struct hb_chart c = { 0 };

	from = monthly && p->has_start ? p->start : month_of(created);
	to = pg->last;
	if (p->has_closed && month_of(p->closed_on) < to)
		to = month_of(p->closed_on);
	if (p->has_expires && month_of(p->expires) < to)
		to = month_of(p->expires);
	/* A monthly plan's term: its months from the start month. */
	if (monthly && p->has_start && p->months > 0 &&
	    hb_month_add(p->start, p->months - 1) < to)
		to = hb_month_add(p->start, p->months - 1);
	if (from < pg->first)
		from = pg->first;
	if (from > to || created < 0)
		return;
	for (m = from; m <= to; m = hb_next_month(m))
		n++;
	while (n > CHART_MONTHS) {
		from = hb_next_month(from);
		n--;
	}
	bars = hb_xcalloc(n, sizeof *bars);
	labels = hb_xcalloc(n, sizeof *labels);
	subs = hb_xcalloc(n, sizeof *subs);
	tips = hb_xcalloc(n, sizeof *tips);
	for (size_t i = 0; i < pg->nuse; i++) {
		const struct month_use *u = &pg->use[i];

		if (u->package_id != p->id || u->month > to)
			continue;
		if (u->month < from)
			before += u->minutes;
		else
			for (m = from, k = 0; k < n; m = hb_next_month(m), k++)
				if (m == u->month)
					bars[k] += u->minutes;
	}
	for (m = from, k = 0; k < n; m = hb_next_month(m), k++) {
		int y, mo, d;
		char key[16];

		if (!monthly)
			bars[k] += k > 0 ? bars[k - 1] : before;
		hb_civil_from_day(m, &y, &mo, &d);
		snprintf(key, sizeof key, "month.%d", mo);
		labels[k] = hb_xstrdup(T(pg, key));
		if (k == 0 || mo == 1)
			subs[k] = hb_xprintf("%d", y);
		tips[k] = hb_xprintf("%s %s: %s", T(pg, monthly ? "dash.used_in"
		    : "dash.used_to"), month_name(pg, m, name, sizeof name),
		    hb_duration_format(bars[k], len));
	}
	snprintf(id, sizeof id, "chart-%" PRId64, p->id);
	title = hb_xprintf("%s \xe2\x80\x93 %s %" PRId64, T(pg, "dash.chart"),
	    T(pg, "summary.package"), p->id);
	if (monthly)
		line_label = hb_xprintf("%s %s",
		    hb_duration_format(p->minutes + p->bonus_minutes, len),
		    T(pg, "dash.per_month"));
	else
		line_label = hb_xprintf("%s %s", T(pg, "summary.loaded"),
		    hb_duration_format(p->loaded, len));
	c.id = id;
	c.title = title;
	c.desc = T(pg, monthly ? "dash.chart_monthly" : "dash.chart_total");
	c.n = n;
	c.labels = (const char *const *)labels;
	c.sublabels = (const char *const *)subs;
	c.tips = (const char *const *)tips;
	c.minutes = bars;
	c.has_line = true;
	c.line = monthly ? p->minutes + p->bonus_minutes : p->loaded;
	c.line_label = line_label;
	hb_chart_bars(pg->out, &c);
	for (k = 0; k < n; k++) {
		free(labels[k]);
		free(subs[k]);
		free(tips[k]);
	}
	free(labels);
	free(subs);
	free(tips);
	free(bars);
	free(title);
	free(line_label);
}

static double
share(int64_t part, int64_t whole)
{
	if (part <= 0 || whole <= 0)
		return 0;
	return 100.0 * (double)part / (double)whole;
}

/* The bar of used, lapsed and committed over the loaded hours (or over
 * what they reach, when the commitments pass them), drawn in SVG with
 * its figures as its title; the rest, the background, is available. */
static void
meter(const struct page *pg, const struct hb_package *p)
{
	int64_t whole = p->loaded;
	int64_t reach = p->used + p->lapsed + (p->committed > 0 ?
	    p->committed : 0);
	struct { const char *class, *key; int64_t m; } part[] = {
		{ "used", "summary.used", p->used },
		{ "lapsed", "summary.lapsed", p->lapsed },
		{ "committed", "summary.committed", p->committed },
		{ "free", "summary.available", p->available },
	};
	double x = 0;

	if (reach > whole)
		whole = reach;
	put(pg, "<svg class=\"meter\" xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 1000 14\" preserveAspectRatio=\"none\" "
	    "role=\"img\"><title>");
	for (size_t i = 0; i < 4; i++) {
		char pct[32];

		if (i == 1 && p->lapsed == 0)
			continue;
		snprintf(pct, sizeof pct, " %.0f%%%s", share(part[i].m,
		    p->loaded), i < 3 ? ", " : " ");
		text(pg, T(pg, part[i].key));
		put(pg, pct);
	}
	text(pg, T(pg, "dash.share"));
	put(pg, "</title><rect class=\"free\" width=\"1000\" height=\"14\"/>");
	for (size_t i = 0; i < 3; i++) {
		double w = 10 * share(part[i].m, whole);

		if (w <= 0)
			continue;
		fprintf(pg->out, "<rect class=\"%s\" x=\"%.1f\" width=\"%.1f\" "
		    "height=\"14\"/>", part[i].class, x, w);
		x += w;
	}
	put(pg, "</svg>\n<p class=\"legend\">");
	for (size_t i = 0; i < 4; i++) {
		if (i == 1 && p->lapsed == 0)
			continue;
		fprintf(pg->out, "<span class=\"key %s\">\xe2\x96\xa0</span> ",
		    part[i].class);
		text(pg, T(pg, part[i].key));
		put(pg, " ");
	}
	put(pg, "</p>\n");
}

static void
card(struct page *pg, const struct hb_package *p, const char *project)
{
	char key[32];
	static const char *const heads[] = { "summary.loaded", "summary.used",
		"summary.committed", "summary.available" };
	int64_t figures[] = { p->loaded, p->used, p->committed, p->available };

	fprintf(pg->out, "<section class=\"card\" id=\"package-%" PRId64
	    "\">\n<h3>", p->id);
	text(pg, project);
	fprintf(pg->out, " \xc2\xb7 %s %" PRId64 "</h3>\n<p class=\"meta\">",
	    T(pg, "summary.package"), p->id);
	snprintf(key, sizeof key, "plan.%s", p->plan);
	fprintf(pg->out, "%s: %s \xc2\xb7 ", T(pg, "summary.plan"),
	    T(pg, key));
	snprintf(key, sizeof key, "package.%s", p->status);
	fprintf(pg->out, "%s: %s \xc2\xb7 ", T(pg, "summary.status"),
	    T(pg, key));
	if (p->has_expires) {
		fprintf(pg->out, "%s ", T(pg, "dash.expires"));
		date(pg, p->expires);
	} else
		put(pg, T(pg, "dash.no_expiry"));
	if (p->awaiting_payment)
		fprintf(pg->out, " <span class=\"badge\">%s</span>",
		    T(pg, "dash.awaiting"));
	put(pg, "</p>\n<table class=\"figures\">\n<thead><tr>");
	for (size_t i = 0; i < 4; i++)
		fprintf(pg->out, "<th class=\"n\">%s</th>", T(pg, heads[i]));
	put(pg, "</tr></thead>\n<tbody><tr>");
	for (size_t i = 0; i < 4; i++) {
		put(pg, figures[i] < 0 ? "<td class=\"n neg\">" :
		    "<td class=\"n\">");
		minutes(pg, figures[i]);
		put(pg, "</td>");
	}
	put(pg, "</tr></tbody>\n</table>\n");
	meter(pg, p);
	chart(pg, p);
	put(pg, "</section>\n");
	pg->totals.packages++;
	pg->totals.loaded += p->loaded;
	pg->totals.used += p->used;
	pg->totals.available += p->available;
}

struct project_names {
	int64_t *ids;
	char **names;
	size_t n;
};

static void
each_project(void *vctx, const struct hb_project *p)
{
	struct project_names *j = vctx;

	j->ids = hb_xrealloc(j->ids, (j->n + 1) * sizeof *j->ids);
	j->names = hb_xrealloc(j->names, (j->n + 1) * sizeof *j->names);
	j->ids[j->n] = p->id;
	j->names[j->n++] = hb_xstrdup(p->name && *p->name ? p->name :
	    p->code);
}

static void
packages(struct page *pg)
{
	struct hb_scope scope = { pg->client->name, NULL, 0, 0 };
	struct hb_balances *b = hb_balances_load(pg->book, &scope, pg->today);
	struct project_names j = { 0 };
	size_t shown = 0;

	hb_book_scope_use(pg->book, &scope, pg->today, collect_use, pg);
	hb_book_each_project(pg->book, pg->client->name, each_project, &j);
	fprintf(pg->out, "<section id=\"packages\">\n<h2>%s</h2>\n"
	    "<div class=\"cards\">\n", T(pg, "dash.packages"));
	for (size_t i = 0; i < hb_balances_count(b); i++) {
		const struct hb_package *p = hb_balances_package(b, i);
		const char *project = p->project;

		/* A package closed before the period is history. */
		if (p->has_closed && p->closed_on < pg->first)
			continue;
		for (size_t k = 0; k < j.n; k++)
			if (j.ids[k] == p->project_id)
				project = j.names[k];
		card(pg, p, project);
		shown++;
	}
	if (shown == 0)
		fprintf(pg->out, "<p class=\"empty\">%s</p>\n",
		    T(pg, "dash.no_packages"));
	put(pg, "</div>\n</section>\n");
	for (size_t k = 0; k < j.n; k++)
		free(j.names[k]);
	free(j.names);
	free(j.ids);
	hb_balances_free(b);
}

/* ---- tasks -------------------------------------------------------------- */

static void
collect_task(void *vctx, const struct hb_row *row)
{
	struct page *pg = vctx;
	struct task_row *t;
	const char *why;
	hb_day since, due;
	bool late = false;

	/* Late ones are counted over every row; the rows come by due date,
	 * so the first LIST_MAX hold the late ones first. */
	if (!hb_row_null(row, HB_DTASK_DUE) &&
	    strcmp(hb_row_text(row, HB_DTASK_DUE), pg->today_text) < 0 &&
	    hb_date_parse(hb_row_text(row, HB_DTASK_DUE), &due, NULL) == 0)
		late = hb_task_late(pg->book, &pg->cal,
		    hb_row_int(row, HB_DTASK_TASK), due, pg->today);
	if (pg->count_late && late)
		pg->totals.late++;
	if (pg->ntasks == LIST_MAX) {
		pg->more++;
		return;
	}
	pg->tasks = hb_xrealloc(pg->tasks, (pg->ntasks + 1) *
	    sizeof *pg->tasks);
	t = &pg->tasks[pg->ntasks++];
	memset(t, 0, sizeof *t);
	t->id = hb_row_int(row, HB_DTASK_TASK);
	t->late = late;
	t->project = hb_xstrdup(hb_row_text(row, HB_DTASK_PROJECT));
	t->title = hb_xstrdup(hb_row_text(row, HB_DTASK_TITLE));
	t->status = hb_xstrdup(hb_row_text(row, HB_DTASK_STATUS));
	if (!hb_row_null(row, HB_DTASK_ASSIGNEE))
		t->assignee = hb_xstrdup(hb_row_text(row, HB_DTASK_ASSIGNEE));
	t->has_due = !hb_row_null(row, HB_DTASK_DUE) &&
	    hb_date_parse(hb_row_text(row, HB_DTASK_DUE), &t->due, &why) == 0;
	since = hb_row_null(row, HB_DTASK_SINCE) ? -1 :
	    day_of(hb_row_text(row, HB_DTASK_SINCE));
	t->since = since >= 0 ? since :
	    day_of(hb_row_text(row, HB_DTASK_CREATED));
	t->has_estimate = !hb_row_null(row, HB_DTASK_ESTIMATE);
	if (t->has_estimate)
		t->estimate = hb_row_int(row, HB_DTASK_ESTIMATE);
}

static void
release_tasks(struct page *pg)
{
	for (size_t i = 0; i < pg->ntasks; i++) {
		free(pg->tasks[i].project);
		free(pg->tasks[i].title);
		free(pg->tasks[i].status);
		free(pg->tasks[i].assignee);
	}
	free(pg->tasks);
	pg->tasks = NULL;
	pg->ntasks = pg->more = 0;
}

/* The states whose tasks wait for the client, and the open work's. */
static bool
waiting_state(int state)
{
	return state == HB_TASK_IDEA || state == HB_TASK_ESTIMATED ||
	    state == HB_TASK_BLOCKED || state == HB_TASK_DELIVERED;
}

static bool
open_state(int state)
{
	return state == HB_TASK_REQUESTED || state == HB_TASK_OPEN ||
	    state == HB_TASK_APPROVED || state == HB_TASK_IN_PROGRESS ||
	    state == HB_TASK_REVISION;
}

static void
load_tasks(struct page *pg, bool (*pred)(int state))
{
	char list[HB_TASK_STATE_LIST_BUFSZ];
	struct hb_param p[2];

	p[0] = hb_text(pg->client->name);
	p[1] = hb_text(hb_task_state_list(pred, list, sizeof list));
	hb_book_query(pg->book, HB_Q_DASH_TASKS, p, 2, collect_task, pg);
}

static void
more_row(const struct page *pg, size_t more, int columns)
{
	if (more > 0)
		fprintf(pg->out, "<tr><td class=\"more\" colspan=\"%d\">"
		    "\xe2\x80\xa6 +%zu %s</td></tr>\n", columns, more,
		    T(pg, "dash.more"));
}

static void
task_cells(const struct page *pg, const struct task_row *t)
{
	fprintf(pg->out, "<tr><td class=\"n\">%" PRId64 "</td><td>", t->id);
	text(pg, t->project);
	put(pg, "</td><td>");
	text(pg, t->title);
	put(pg, "</td>");
}

/* The longest waiting first. */
static int
by_since(const void *va, const void *vb)
{
	const struct task_row *a = va, *b = vb;

	if (a->since != b->since)
		return a->since < b->since ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

static void
waiting(struct page *pg)
{
	load_tasks(pg, waiting_state);
	fprintf(pg->out, "<section id=\"waiting\">\n<h2>%s</h2>\n",
	    T(pg, "dash.waiting"));
	if (pg->ntasks == 0) {
		fprintf(pg->out, "<p class=\"empty\">%s</p>\n</section>\n",
		    T(pg, "dash.nothing_waiting"));
		return;
	}
	qsort(pg->tasks, pg->ntasks, sizeof *pg->tasks, by_since);
	fprintf(pg->out, "<table>\n<thead><tr><th class=\"n\">%s</th>"
	    "<th>%s</th><th>%s</th><th>%s</th><th class=\"n\">%s</th>"
	    "<th class=\"n\">%s</th></tr></thead>\n<tbody>\n",
	    T(pg, "heading.task"), T(pg, "heading.project"),
	    T(pg, "heading.title"), T(pg, "dash.asked"), T(pg, "dash.since"),
	    T(pg, "dash.days"));
	for (size_t i = 0; i < pg->ntasks; i++) {
		const struct task_row *t = &pg->tasks[i];
		char key[32];

		task_cells(pg, t);
		snprintf(key, sizeof key, "ask.%s", t->status);
		fprintf(pg->out, "<td>%s", T(pg, key));
		if (strcmp(t->status, "estimated") == 0 && t->has_estimate) {
			put(pg, ": ");
			minutes(pg, t->estimate);
		}
		put(pg, "</td><td class=\"n\">");
		if (t->since >= 0)
			date(pg, t->since);
		fprintf(pg->out, "</td><td class=\"n\">%d</td></tr>\n",
		    t->since >= 0 ? hb_business_days_between(&pg->cal,
		    t->since, pg->today) : 0);
	}
	more_row(pg, pg->more, 6);
	put(pg, "</tbody>\n</table>\n</section>\n");
	pg->totals.waiting = pg->ntasks + pg->more;
	release_tasks(pg);
}

static void
open_work(struct page *pg)
{
	pg->count_late = true;
	load_tasks(pg, open_state);
	pg->count_late = false;
	fprintf(pg->out, "<section id=\"open\">\n<h2>%s</h2>\n",
	    T(pg, "dash.open"));
	if (pg->ntasks == 0) {
		fprintf(pg->out, "<p class=\"empty\">%s</p>\n</section>\n",
		    T(pg, "dash.no_open"));
		return;
	}
	fprintf(pg->out, "<table>\n<thead><tr><th class=\"n\">%s</th>"
	    "<th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
	    "<th class=\"n\">%s</th></tr></thead>\n<tbody>\n",
	    T(pg, "heading.task"), T(pg, "heading.project"),
	    T(pg, "heading.title"), T(pg, "heading.status"),
	    T(pg, "heading.assignee"), T(pg, "heading.due"));
	for (size_t i = 0; i < pg->ntasks; i++) {
		const struct task_row *t = &pg->tasks[i];
		char key[32];
		bool late = t->late;

		task_cells(pg, t);
		snprintf(key, sizeof key, "status.%s", t->status);
		fprintf(pg->out, "<td>%s</td><td>", T(pg, key));
		text(pg, t->assignee);
		put(pg, late ? "</td><td class=\"n late\">" :
		    "</td><td class=\"n\">");
		if (t->has_due)
			date(pg, t->due);
		if (late)
			fprintf(pg->out, " \xc2\xb7 %s", T(pg, "dash.late"));
		put(pg, "</td></tr>\n");
	}
	more_row(pg, pg->more, 6);
	put(pg, "</tbody>\n</table>\n</section>\n");
	release_tasks(pg);
}

/* ---- comments and invoices ---------------------------------------------- */

struct rows {
	const struct page *pg;
	size_t n;
};

static void
comment_row(void *vctx, const struct hb_row *row)
{
	struct rows *r = vctx;
	const struct page *pg = r->pg;
	hb_day d = day_of(hb_row_text(row, HB_DNOTE_CREATED));

	if (r->n++ == 0)
		fprintf(pg->out, "<table>\n<thead><tr><th class=\"n\">%s</th>"
		    "<th>%s</th><th>%s</th><th>%s</th></tr></thead>\n"
		    "<tbody>\n", T(pg, "dash.date"), T(pg, "heading.task"),
		    T(pg, "dash.author"), T(pg, "dash.comment"));
	put(pg, "<tr><td class=\"n\">");
	if (d >= 0)
		date(pg, d);
	fprintf(pg->out, "</td><td>%" PRId64 " \xc2\xb7 ",
	    hb_row_int(row, HB_DNOTE_TASK));
	text(pg, hb_row_text(row, HB_DNOTE_TITLE));
	put(pg, "</td><td>");
	text(pg, hb_row_text(row, HB_DNOTE_AUTHOR));
	put(pg, "</td><td class=\"body\">");
	hb_html_text_cut(pg->out, hb_row_text(row, HB_DNOTE_BODY),
	    COMMENT_BYTES);
	put(pg, "</td></tr>\n");
}

static void
comments(struct page *pg)
{
	struct rows r = { pg, 0 };
	struct hb_param p[2] = { hb_text(pg->client->name), hb_int(COMMENTS) };

	fprintf(pg->out, "<section id=\"comments\">\n<h2>%s</h2>\n",
	    T(pg, "dash.comments"));
	hb_book_query(pg->book, HB_Q_DASH_COMMENTS, p, 2, comment_row, &r);
	if (r.n == 0)
		fprintf(pg->out, "<p class=\"empty\">%s</p>\n",
		    T(pg, "dash.no_comments"));
	else
		put(pg, "</tbody>\n</table>\n");
	put(pg, "</section>\n");
}

/* An invoice is paid when every package fee it bills was paid; one that
 * bills none (hours over the packages, penalties) is issued: the book
 * does not follow its payment. */
static void
invoice_row(void *vctx, const struct hb_row *row)
{
	struct rows *r = vctx;
	const struct page *pg = r->pg;
	int64_t fees = hb_row_int(row, HB_DBILL_FEES);
	const char *status = fees == 0 ? "invoice.issued" :
	    hb_row_int(row, HB_DBILL_PAID) >= fees ? "invoice.paid" :
	    "invoice.awaiting";
	hb_day month;
	const char *why;
	char name[32];

	if (r->n++ >= LIST_MAX)
		return;
	if (r->n == 1)
		fprintf(pg->out, "<table>\n<thead><tr><th>%s</th>"
		    "<th class=\"n\">%s</th><th>%s</th><th class=\"n\">%s</th>"
		    "<th>%s</th></tr></thead>\n<tbody>\n", T(pg, "dash.month"),
		    T(pg, "dash.invoice"), T(pg, "heading.project"),
		    T(pg, "dash.amount"), T(pg, "heading.status"));
	put(pg, "<tr><td>");
	if (hb_month_parse(hb_row_text(row, HB_DBILL_PERIOD), &month,
	    &why) == 0)
		put(pg, month_name(pg, month, name, sizeof name));
	fprintf(pg->out, "</td><td class=\"n\">%" PRId64 "</td><td>",
	    hb_row_int(row, HB_DBILL_INVOICE));
	text(pg, hb_row_text(row, HB_DBILL_PROJECT));
	put(pg, "</td><td class=\"n\">");
	money(pg, hb_row_int(row, HB_DBILL_TOTAL),
	    hb_row_text(row, HB_DBILL_CURRENCY));
	fprintf(pg->out, "</td><td%s>%s</td></tr>\n",
	    strcmp(status, "invoice.awaiting") == 0 ? " class=\"late\"" : "",
	    T(pg, status));
}

static void
invoices(struct page *pg)
{
	struct rows r = { pg, 0 };
	char first[HB_DATE_BUFSZ], last[HB_DATE_BUFSZ], today[HB_DATE_BUFSZ];
	struct hb_param p[4];

	hb_date_format(pg->first, first);
	hb_date_format(pg->last, last);
	first[7] = last[7] = '\0';
	p[0] = hb_text(pg->client->name);
	p[1] = hb_text(first);
	p[2] = hb_text(last);
	p[3] = hb_text(hb_date_format(pg->today, today));
	fprintf(pg->out, "<section id=\"invoices\">\n<h2>%s</h2>\n",
	    T(pg, "dash.invoices"));
	hb_book_query(pg->book, HB_Q_DASH_INVOICES, p, 4, invoice_row, &r);
	if (r.n == 0)
		fprintf(pg->out, "<p class=\"empty\">%s</p>\n",
		    T(pg, "dash.no_invoices"));
	else {
		more_row(pg, r.n > LIST_MAX ? r.n - LIST_MAX : 0, 5);
		put(pg, "</tbody>\n</table>\n");
	}
	put(pg, "</section>\n");
}

/* ---- the page, and where it goes ----------------------------------------- */

/* The period's months: f->from to f->to, else the twelve months to this
 * one; never past this month. */
static void
period(struct page *pg, const struct hb_report_filter *f)
{
	hb_day d;
	const char *why;

	pg->last = month_of(f->to != NULL && hb_date_parse(f->to, &d,
	    &why) == 0 && d < pg->today ? d : pg->today);
	pg->first = f->from != NULL && hb_date_parse(f->from, &d, &why) == 0
	    ? month_of(d) : hb_month_add(pg->last, -11);
	if (pg->first > pg->last)
		pg->first = pg->last;
}

static void
write_page(struct hb_book *book, const struct hb_report_filter *f,
    const struct hb_client *client, FILE *out, struct totals *totals)
{
	struct page pg = { 0 };
	char *agency = hb_config_get(book, "agency.name");
	char *title;

	pg.book = book;
	pg.out = out;
	pg.client = client;
	pg.today = hb_today();
	pg.lang = hb_lang_choose(book, f->lang, client->lang);
	hb_date_format(pg.today, pg.today_text);
	period(&pg, f);
	hb_config_calendar(book, &pg.cal);
	title = hb_xprintf("%s \xe2\x80\x93 %s", T(&pg, "dash.title"),
	    client->display_name && *client->display_name ?
	    client->display_name : client->name);
	head(&pg, title, agency);
	period_line(&pg);
	packages(&pg);
	waiting(&pg);
	open_work(&pg);
	comments(&pg);
	invoices(&pg);
	foot(&pg);
	if (totals != NULL)
		*totals = pg.totals;
	hb_config_calendar_release(&pg.cal);
	free(pg.use);
	free(title);
	free(agency);
}

static void
make_folder(const char *dir)
{
	struct stat st;

	if (mkdir(dir, 0777) == 0)
		return;
	if (errno == EEXIST && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
		return;
	hb_die(HB_EXIT_IO, "%s: %s", dir, errno == EEXIST ?
	    "is not a folder" : strerror(errno));
}

/* Write a page to dir/index.html through a temporary file beside it: a
 * reader (the web server) sees the old page or the new, never half. */
static void
write_file(struct hb_book *book, const struct hb_report_filter *f,
    const struct hb_client *client, const char *dir, struct totals *totals,
    void (*index)(struct hb_book *, const struct hb_report_filter *,
    FILE *, void *), void *ctx)
{
	char *path, *temp;
	FILE *out;

	make_folder(dir);
	path = hb_xprintf("%s/index.html", dir);
	temp = hb_temp_beside(path);
	if ((out = fopen(temp, "w")) == NULL)
		hb_die(HB_EXIT_IO, "%s: %s", temp, strerror(errno));
	if (index != NULL)
		index(book, f, out, ctx);
	else
		write_page(book, f, client, out, totals);
	if (fflush(out) != 0 || ferror(out)) {
		int err = errno;

		fclose(out);
		hb_die(HB_EXIT_IO, "%s: %s", path, strerror(err));
	}
	if (fclose(out) != 0)
		hb_die(HB_EXIT_IO, "%s: %s", path, strerror(errno));
	hb_temp_commit(temp, path);
	free(path);
}

void
hb_dashboard_client(struct hb_book *book, const struct hb_report_filter *f,
    const char *dir)
{
	struct hb_client client = { 0 };

	hb_check_names(book, f->client, NULL, NULL, NULL);
	if (!hb_book_client_get(book, f->client, &client))
		hb_die(HB_EXIT_NOINPUT, "client %s: no such client", f->client);
	if (dir == NULL) {
		write_page(book, f, &client, stdout, NULL);
		hb_stdout_finish();
	} else
		write_file(book, f, &client, dir, NULL, NULL, NULL);
	hb_client_release(&client);
}

/* ---- every client, and the agency's index ------------------------------- */

struct every {
	struct hb_client *clients;
	struct totals *totals;
	size_t n;
};

static void
each_client(void *vctx, const struct hb_client *c)
{
	struct every *e = vctx;
	struct hb_client *k;

	e->clients = hb_xrealloc(e->clients, (e->n + 1) * sizeof *e->clients);
	k = &e->clients[e->n++];
	memset(k, 0, sizeof *k);
	k->name = hb_xstrdup(c->name);
	k->display_name = hb_xstrdup(c->display_name ? c->display_name : "");
	k->lang = c->lang ? hb_xstrdup(c->lang) : NULL;
}

static void
write_index(struct hb_book *book, const struct hb_report_filter *f,
    FILE *out, void *vctx)
{
	const struct every *e = vctx;
	struct page pg = { 0 };
	char *agency = hb_config_get(book, "agency.name");
	static const char *const heads[] = { "summary.loaded", "summary.used",
		"summary.available" };

	pg.book = book;
	pg.out = out;
	pg.today = hb_today();
	pg.lang = hb_lang_choose(book, f->lang, NULL);
	period(&pg, f);
	head(&pg, T(&pg, "dash.index"), agency);
	period_line(&pg);
	fprintf(out, "<p>%s</p>\n<table>\n<thead><tr><th>%s</th>"
	    "<th class=\"n\">%s</th>", T(&pg, "dash.index_note"),
	    T(&pg, "label.client"), T(&pg, "dash.packages"));
	for (size_t i = 0; i < 3; i++)
		fprintf(out, "<th class=\"n\">%s</th>", T(&pg, heads[i]));
	fprintf(out, "<th class=\"n\">%s</th><th class=\"n\">%s</th></tr>"
	    "</thead>\n<tbody>\n", T(&pg, "dash.waiting"),
	    T(&pg, "dash.late"));
	for (size_t i = 0; i < e->n; i++) {
		const struct totals *t = &e->totals[i];
		int64_t figures[] = { t->loaded, t->used, t->available };

		put(&pg, "<tr><td><a href=\"");
		text(&pg, e->clients[i].name);
		put(&pg, "/index.html\">");
		text(&pg, *e->clients[i].display_name ?
		    e->clients[i].display_name : e->clients[i].name);
		fprintf(out, "</a></td><td class=\"n\">%zu</td>", t->packages);
		for (size_t k = 0; k < 3; k++) {
			put(&pg, figures[k] < 0 ? "<td class=\"n neg\">" :
			    "<td class=\"n\">");
			minutes(&pg, figures[k]);
			put(&pg, "</td>");
		}
		fprintf(out, "<td class=\"n\">%zu</td><td class=\"n%s\">%zu"
		    "</td></tr>\n", t->waiting, t->late ? " late" : "",
		    t->late);
	}
	put(&pg, "</tbody>\n</table>\n");
	foot(&pg);
	free(agency);
}

void
hb_dashboard_all(struct hb_book *book, const struct hb_report_filter *f,
    const char *dir)
{
	struct every e = { 0 };

	hb_book_each_client(book, each_client, &e);
	for (size_t i = 0; i < e.n; i++)
		if (strcmp(e.clients[i].name, "index.html") == 0)
			hb_die(HB_EXIT_DATA, "client index.html: its folder would "
			    "take the place of the agency's index, %s/index.html; "
			    "write its page alone (--client index.html -o DIR)",
			    dir);
	e.totals = hb_xcalloc(e.n ? e.n : 1, sizeof *e.totals);
	make_folder(dir);
	for (size_t i = 0; i < e.n; i++) {
		char *sub = hb_xprintf("%s/%s", dir, e.clients[i].name);

		write_file(book, f, &e.clients[i], sub, &e.totals[i], NULL,
		    NULL);
		free(sub);
	}
	write_file(book, f, NULL, dir, NULL, write_index, &e);
	for (size_t i = 0; i < e.n; i++)
		hb_client_release(&e.clients[i]);
	free(e.clients);
	free(e.totals);
}
