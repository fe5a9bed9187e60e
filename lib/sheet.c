/*
 * sheet: the client's activity sheet, laid out over libxlsxwriter (see
 * sheet.h).  The workbook is in constant-memory mode, so each sheet is
 * written top to bottom; the rows of the tasks stream from the book and
 * only per-project figures are held.
 */
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "hourbook/balance.h"
#include "hourbook/book.h"
#include "hourbook/clock.h"
#include "hourbook/config.h"
#include "hourbook/date.h"
#include "hourbook/diag.h"
#include "hourbook/lang.h"
#include "hourbook/money.h"
#include "hourbook/records.h"
#include "hourbook/report.h"
#include "hourbook/sheet.h"
#include "hourbook/sheetread.h"
#include "hourbook/xlsx.h"
#include "xlsx-internal.h"

#define ROWS_MAX 1048576u
#define CELL_MAX 32767
#define LIST_MAX 2000		/* bytes of a header block's list */

/* The columns of the activities export (book.c), by position. */
enum { A_TASK, A_PROJECT, A_TITLE, A_KIND, A_ASSIGNEE, A_STATUS,
	A_STATUS2, A_ESTIMATE, A_WORKED, A_BILLED, A_DUE, A_DUE_KIND, A_EXTRA,
	A_URGENT, A_DELIVERED, A_DONE, A_ASSIGNEE_NAME, A_PROJECT_NAME,
	A_UPDATED, A_OVERAGE };

/* The Activities sheet's columns, in order; C_PROJECT only when the
 * sheet covers more than one project. */
enum col { C_TASK, C_PROJECT, C_TITLE, C_ASSIGNEE, C_STATUS, C_APPROVAL,
	C_ESTIMATE, C_WORKED, C_BILLED, C_DUE, C_DELIVERED, C_DONE, C_NOTES,
	C_YOUR_NOTE, NCOLS };

static const struct {
	const char *key;
	double width;
} columns[NCOLS] = {
	[C_TASK] = { "heading.task", 13 },
	[C_PROJECT] = { "heading.project", 16 },
	[C_TITLE] = { "heading.title", 36 },
	[C_ASSIGNEE] = { "heading.assignee", 16 },
	[C_STATUS] = { "heading.status", 20 },
	[C_APPROVAL] = { "heading.approval", 13 },
	[C_ESTIMATE] = { "heading.estimate", 10 },
	[C_WORKED] = { "heading.worked", 10 },
	[C_BILLED] = { "heading.billed", 10 },
	[C_DUE] = { "heading.due", 11 },
	[C_DELIVERED] = { "heading.delivered", 11 },
	[C_DONE] = { "heading.done", 11 },
	[C_NOTES] = { "heading.notes", 18 },
	[C_YOUR_NOTE] = { "heading.your_note", 30 },
};

struct project {
	int64_t id;
	char *code, *name, *client;
	bool self_service;
	int64_t billed, beyond;	/* in the period: billed, not by a package */
};

struct sheet {
	struct hb_book *book;
	const struct hb_report_filter *f;
	const char *name;	/* what messages call the file */
	lxw_workbook *wb;
	lxw_worksheet *ws, *summary, *hidden;
	enum hb_lang lang;
	lxw_format *title, *label, *heading, *text, *wrap, *minutes, *date,
	    *date_left, *number, *period_from, *period_to,
	    *total_label, *total_minutes, *legend, *ask, *ask_wrap;
	char *book_id;		/* book.id, for the rows' digests */
	int col[NCOLS];		/* the sheet's column of each, or -1 */
	int ncols;
	lxw_row_t row, hidden_row;
	struct project *projects;
	size_t nprojects;
	int64_t factor;		/* task.urgent_factor */
	int64_t agreed[3], other[3];	/* estimate, worked, billed */
};

static const char *
T(const struct sheet *s, const char *key)
{
	return hb_lang_text(s->lang, key);
}

static void
check(const struct sheet *s, lxw_error err)
{
	if (err == LXW_NO_ERROR)
		return;
	if (err == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
		hb_die(HB_EXIT_DATA, "%s: a text longer than an xlsx cell holds "
		    "(%d characters): use -f csv", s->name, CELL_MAX);
	hb_die(HB_EXIT_IO, "%s: %s", s->name, lxw_strerror(err));
}

static void
text(struct sheet *s, lxw_worksheet *ws, lxw_row_t r, int c, const char *v,
    lxw_format *format)
{
	if (c < 0 || v == NULL || *v == '\0')
		return;
	/* Always a string, never a formula, whatever it starts with. */
	check(s, worksheet_write_string(ws, r, (lxw_col_t)c, v, format));
}

static void
minutes(struct sheet *s, lxw_worksheet *ws, lxw_row_t r, int c, int64_t m,
    lxw_format *format)
{
	if (c < 0)
		return;
	check(s, worksheet_write_number(ws, r, (lxw_col_t)c,
	    (double)m / 1440.0, format));
}

static void
day_cell(struct sheet *s, lxw_worksheet *ws, lxw_row_t r, int c, hb_day d)
{
	lxw_datetime dt = { 0 };

	if (c < 0)
		return;
	hb_civil_from_day(d, &dt.year, &dt.month, &dt.day);
	check(s, worksheet_write_datetime(ws, r, (lxw_col_t)c, &dt, s->date));
}

/* A day in a format of its own (the period's words around it). */
static void
day_as(struct sheet *s, lxw_row_t r, int c, hb_day d, lxw_format *format)
{
	lxw_datetime dt = { 0 };

	hb_civil_from_day(d, &dt.year, &dt.month, &dt.day);
	check(s, worksheet_write_datetime(s->ws, r, (lxw_col_t)c, &dt, format));
}

/* A date column of the export: a day ("2026-11-30") or an instant shown
 * as its day in the book's zone. */
static void
date_text(struct sheet *s, lxw_row_t r, int c, const char *v, bool instant)
{
	hb_day d;
	int64_t t;
	const char *why;

	if (v == NULL || *v == '\0')
		return;
	if (instant) {
		if (hb_timestamp_parse(v, &t, &why) != 0)
			hb_die(HB_EXIT_SOFTWARE, "a time in the book: %s: %s", v,
			    why);
		d = hb_local_day(t);
	} else if (hb_date_parse(v, &d, &why) != 0) {
		hb_die(HB_EXIT_SOFTWARE, "a date in the book: %s: %s", v, why);
	}
	day_cell(s, s->ws, r, c, d);
}

static void
next_row(struct sheet *s)
{
	if (++s->row >= ROWS_MAX - 8)
		hb_die(HB_EXIT_DATA, "%s: more tasks than an xlsx sheet holds: "
		    "filter the export, or use -f csv", s->name);
}

/* ---- what the sheet covers ------------------------------------------- */

struct scope_ctx {
	struct sheet *s;
	int64_t project_id;	/* --package: its project */
};

static void
each_project(void *vctx, const struct hb_project *p)
{
	struct scope_ctx *c = vctx;
	struct sheet *s = c->s;
	struct project *j;

	if (s->f->project != NULL && strcmp(s->f->project, p->code) != 0)
		return;
	if (c->project_id != 0 && p->id != c->project_id)
		return;
	s->projects = hb_xrealloc(s->projects,
	    (s->nprojects + 1) * sizeof *s->projects);
	j = &s->projects[s->nprojects++];
	memset(j, 0, sizeof *j);
	j->id = p->id;
	j->code = hb_xstrdup(p->code);
	j->name = hb_xstrdup(p->name && *p->name ? p->name : p->code);
	j->client = hb_xstrdup(p->client);
	j->self_service = strcmp(p->model, "self-service") == 0;
}

static struct project *
project_by_code(struct sheet *s, const char *code)
{
	for (size_t i = 0; i < s->nprojects; i++)
		if (strcmp(s->projects[i].code, code) == 0)
			return &s->projects[i];
	return NULL;
}

/* "a, b, c" of up to LIST_MAX bytes, "..." when more. */
static void
list_add(char *buf, const char *item)
{
	size_t len = strlen(buf), n = strlen(item);

	if (strstr(buf, "...") != NULL)
		return;
	if (len + n + 6 > LIST_MAX) {
		memcpy(buf + len, len ? ", ..." : "...", len ? 6 : 4);
		return;
	}
	if (len > 0) {
		memcpy(buf + len, ", ", 2);
		len += 2;
	}
	memcpy(buf + len, item, n + 1);
}

/* ---- the Activities sheet --------------------------------------------- */

static void
header_line(struct sheet *s, const char *key, const char *value)
{
	text(s, s->ws, s->row, 0, T(s, key), s->label);
	if (value != NULL && *value != '\0')
		check(s, worksheet_merge_range(s->ws, s->row, 1, s->row,
		    (lxw_col_t)(s->ncols - 1), value, s->text));
	next_row(s);
}

static void
header_block(struct sheet *s, struct hb_balances *end, const char *agency,
    const char *clients)
{
	char *projects = hb_xcalloc(1, LIST_MAX), *packages;
	hb_day d;
	const char *why;

	check(s, worksheet_set_row(s->ws, 0, 24, NULL));
	text(s, s->ws, s->row, 0, T(s, "title"), s->title);
	next_row(s);
	if (*agency != '\0')
		header_line(s, "label.agency", agency);
	header_line(s, "label.client", clients);
	for (size_t i = 0; i < s->nprojects; i++)
		list_add(projects, s->projects[i].name);
	header_line(s, "label.projects", projects);
	packages = projects;	/* its list is written: reuse the buffer */
	packages[0] = '\0';
	for (size_t i = 0; i < hb_balances_count(end); i++) {
		const struct hb_package *p = hb_balances_package(end, i);
		char key[32], item[160];

		snprintf(key, sizeof key, "plan.%s", p->plan);
		snprintf(item, sizeof item, "%lld (%s, %lld:%02lld %s)",
		    (long long)p->id, T(s, key), (long long)(p->minutes / 60),
		    (long long)(p->minutes % 60), T(s, "label.hours"));
		list_add(packages, item);
	}
	if (*packages != '\0')
		header_line(s, "label.packages", packages);
	free(projects);
	/* The period: typed days, so the reader's spreadsheet writes them
	 * its way. */
	text(s, s->ws, s->row, 0, T(s, "label.period"), s->label);
	if (s->f->from != NULL && hb_date_parse(s->f->from, &d, &why) == 0)
		day_as(s, s->row, 1, d, s->period_from);
	else
		text(s, s->ws, s->row, 1, T(s, "label.all_time"), s->text);
	if (s->f->to == NULL || hb_date_parse(s->f->to, &d, &why) != 0)
		d = hb_today();
	day_as(s, s->row, 2, d, s->period_to);
	next_row(s);
	text(s, s->ws, s->row, 0, T(s, "label.made"), s->label);
	day_as(s, s->row, 1, hb_today(), s->date_left);
	next_row(s);
	next_row(s);
}

static void
headings(struct sheet *s)
{
	for (int c = 0; c < NCOLS; c++)
		if (s->col[c] >= 0) {
			text(s, s->ws, s->row, s->col[c], T(s, columns[c].key),
			    s->heading);
			check(s, worksheet_set_column(s->ws,
			    (lxw_col_t)s->col[c], (lxw_col_t)s->col[c],
			    columns[c].width, NULL));
		}
	check(s, worksheet_set_row(s->ws, s->row, 30, NULL));
	/* The heading row on every printed page; frozen on screen. */
	check(s, worksheet_repeat_rows(s->ws, s->row, s->row));
	worksheet_freeze_panes(s->ws, s->row + 1, 0);
	next_row(s);
}

static void
add3(struct sheet *s, int64_t *sum, const struct hb_row *row)
{
	static const int from[3] = { A_ESTIMATE, A_WORKED, A_BILLED };

	for (int i = 0; i < 3; i++)
		if (!hb_row_null(row, from[i]) &&
		    !hb_add(sum[i], hb_row_int(row, from[i]), &sum[i]))
			hb_die(HB_EXIT_DATA, "%s: a total too large", s->name);
}

/* The lines v takes in a column width characters wide (an estimate:
 * characters, not their widths), or at least `least`. */
static size_t
wrapped_lines(const char *v, double width, size_t least)
{
	size_t chars = 0, per = width > 4 ? (size_t)width - 2 : 1, lines;

	for (; v != NULL && *v; v++)
		chars += ((unsigned char)*v & 0xc0) != 0x80;
	lines = (chars + per - 1) / per;
	return lines > least ? lines : least;
}

/* The approval cell of the current row, a task in state (estimated or
 * delivered): empty and unlocked, a list of the two decisions in the
 * sheet's language; and the note beside it. */
static void
ask(struct sheet *s, int state)
{
	const char *words[3] = {
		T(s, state == HB_TASK_ESTIMATED ? "decision.approve"
		    : "decision.accept"),
		T(s, state == HB_TASK_ESTIMATED ? "decision.reject"
		    : "decision.revise"), NULL
	};
	lxw_data_validation dv = { 0 };

	dv.validate = LXW_VALIDATION_TYPE_LIST;
	dv.value_list = (char **)words;
	dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
	dv.error_message = (char *)T(s, "decision.error");
	check(s, worksheet_write_blank(s->ws, s->row,
	    (lxw_col_t)s->col[C_APPROVAL], s->ask));
	check(s, worksheet_data_validation_cell(s->ws, s->row,
	    (lxw_col_t)s->col[C_APPROVAL], &dv));
	check(s, worksheet_write_blank(s->ws, s->row,
	    (lxw_col_t)s->col[C_YOUR_NOTE], s->ask_wrap));
}

static void
each_task(void *vctx, const struct hb_row *row)
{
	struct sheet *s = vctx;
	int state = hb_task_state_find(hb_row_text(row, A_STATUS2));
	bool deemed = strcmp(hb_row_text(row, A_STATUS), "deemed delivered")
	    == 0;
	struct project *j = project_by_code(s, hb_row_text(row, A_PROJECT));
	char key[40], notes[160] = "";

	if (state < 0)
		hb_die(HB_EXIT_SOFTWARE, "a task state in the book: %s",
		    hb_row_text(row, A_STATUS2));
	/* What no package carried in the period, per project: a
	 * self-service project's time, or a package project's overage. */
	if (j != NULL && (!hb_add(j->billed, hb_row_int(row, A_BILLED),
	    &j->billed) || !hb_add(j->beyond, j->self_service ?
	    hb_row_int(row, A_BILLED) : hb_row_int(row, A_OVERAGE),
	    &j->beyond)))
		hb_die(HB_EXIT_DATA, "%s: a total too large", s->name);
	check(s, worksheet_write_number(s->ws, s->row, (lxw_col_t)s->col[C_TASK],
	    (double)hb_row_int(row, A_TASK), s->number));
	text(s, s->ws, s->row, s->col[C_PROJECT],
	    hb_row_text(row, A_PROJECT_NAME), s->wrap);
	text(s, s->ws, s->row, s->col[C_TITLE], hb_row_text(row, A_TITLE),
	    s->wrap);
	if (!hb_row_null(row, A_ASSIGNEE_NAME))
		text(s, s->ws, s->row, s->col[C_ASSIGNEE],
		    hb_row_text(row, A_ASSIGNEE_NAME), s->wrap);
	snprintf(key, sizeof key, "status.%s", deemed ? "deemed"
	    : hb_task_state_names[state]);
	text(s, s->ws, s->row, s->col[C_STATUS], T(s, key), s->wrap);
	/* Where the client is asked (an estimate, a delivery): an unlocked
	 * cell with the list of the decisions, and one for a note; a dash
	 * elsewhere. */
	if (state == HB_TASK_ESTIMATED || state == HB_TASK_DELIVERED)
		ask(s, state);
	else
		text(s, s->ws, s->row, s->col[C_APPROVAL], "\xe2\x80\x93",
		    s->text);
	if (!hb_row_null(row, A_ESTIMATE))
		minutes(s, s->ws, s->row, s->col[C_ESTIMATE],
		    hb_row_int(row, A_ESTIMATE), s->minutes);
	minutes(s, s->ws, s->row, s->col[C_WORKED], hb_row_int(row, A_WORKED),
	    s->minutes);
	minutes(s, s->ws, s->row, s->col[C_BILLED], hb_row_int(row, A_BILLED),
	    s->minutes);
	if (!hb_row_null(row, A_DUE))
		date_text(s, s->row, s->col[C_DUE], hb_row_text(row, A_DUE),
		    false);
	if (!hb_row_null(row, A_DELIVERED))
		date_text(s, s->row, s->col[C_DELIVERED],
		    hb_row_text(row, A_DELIVERED), true);
	if (!hb_row_null(row, A_DONE))
		date_text(s, s->row, s->col[C_DONE], hb_row_text(row, A_DONE),
		    true);
	if (hb_row_int(row, A_URGENT))
		snprintf(notes, sizeof notes, "%s \xc3\x97%lld",
		    T(s, "note.urgent"), (long long)s->factor);
	if (hb_row_int(row, A_EXTRA))
		snprintf(notes + strlen(notes), sizeof notes - strlen(notes),
		    "%s%s", *notes ? "; " : "", T(s, "note.extra"));
	if (!hb_row_null(row, A_DUE) && !hb_row_null(row, A_DUE_KIND) &&
	    strcmp(hb_row_text(row, A_DUE_KIND), "rigid") == 0)
		snprintf(notes + strlen(notes), sizeof notes - strlen(notes),
		    "%s%s", *notes ? "; " : "", T(s, "note.rigid"));
	text(s, s->ws, s->row, s->col[C_NOTES], notes, s->wrap);
	/* A spreadsheet does not grow a row for its wrapped text when it
	 * opens a file: the height is given for the longest cell. */
	{
		size_t lines = 1;

		lines = wrapped_lines(hb_row_text(row, A_TITLE),
		    columns[C_TITLE].width, lines);
		lines = wrapped_lines(T(s, key), columns[C_STATUS].width, lines);
		lines = wrapped_lines(notes, columns[C_NOTES].width, lines);
		if (!hb_row_null(row, A_ASSIGNEE_NAME))
			lines = wrapped_lines(hb_row_text(row, A_ASSIGNEE_NAME),
			    columns[C_ASSIGNEE].width, lines);
		if (lines > 1)
			check(s, worksheet_set_row(s->ws, s->row,
			    15.0 * (double)(lines > 10 ? 10 : lines), NULL));
	}
	/* Agreed work is totalled; the rest is listed and summed apart. */
	add3(s, strcmp(hb_task_client_approval(state), "approved") == 0
	    ? s->agreed : s->other, row);

	/* The hidden record of the row, as the sheet was made, and its
	 * digest (sheetread.h). */
	{
		char digest[HB_DIGEST_HEX];

		hb_sheet_row_digest(s->book_id, (long)s->row + 1,
		    hb_row_int(row, A_TASK), hb_task_state_names[state],
		    hb_row_text(row, A_UPDATED), digest);
		check(s, worksheet_write_number(s->hidden, s->hidden_row, 0,
		    (double)s->row + 1, NULL));
		check(s, worksheet_write_number(s->hidden, s->hidden_row, 1,
		    (double)hb_row_int(row, A_TASK), NULL));
		text(s, s->hidden, s->hidden_row, 2,
		    hb_task_state_names[state], NULL);
		text(s, s->hidden, s->hidden_row, 3,
		    hb_row_text(row, A_UPDATED), NULL);
		text(s, s->hidden, s->hidden_row, 4, digest, NULL);
		s->hidden_row++;
	}
	next_row(s);
}

static void
totals_row(struct sheet *s, const char *key, const int64_t *sum)
{
	static const enum col at[3] = { C_ESTIMATE, C_WORKED, C_BILLED };

	text(s, s->ws, s->row, 0, T(s, key), s->total_label);
	for (int i = 0; i < 3; i++)
		minutes(s, s->ws, s->row, s->col[at[i]], sum[i],
		    s->total_minutes);
	next_row(s);
}

static void
legend_line(struct sheet *s, const char *value)
{
	check(s, worksheet_merge_range(s->ws, s->row, 0, s->row,
	    (lxw_col_t)(s->ncols - 1), value, s->legend));
	check(s, worksheet_set_row(s->ws, s->row, 15.0 * (double)
	    wrapped_lines(value, 150, 1), NULL));
	next_row(s);
}

static void
legend(struct sheet *s)
{
	char *urgent = hb_xprintf("%s %lld", T(s, "legend.urgent"),
	    (long long)s->factor);

	next_row(s);
	text(s, s->ws, s->row, 0, T(s, "legend.title"), s->label);
	next_row(s);
	legend_line(s, T(s, "legend.billed"));
	legend_line(s, urgent);
	legend_line(s, T(s, "legend.extra"));
	legend_line(s, T(s, "legend.totals"));
	legend_line(s, T(s, "legend.approval"));
	legend_line(s, T(s, "legend.summary"));
	free(urgent);
}

/* Print setup: landscape A4, one page wide, as many long as it takes;
 * the agency and client left in the footer, the page right.  A header
 * or footer is at most 255 bytes and '&' starts its codes, so names are
 * escaped and cut at a character's start. */
static void
print_setup(struct sheet *s, lxw_worksheet *ws, const char *who)
{
	char footer[LXW_HEADER_FOOTER_MAX + 1], left[121];
	size_t n = 0;

	for (const char *p = who; *p && n + 2 < sizeof left; p++) {
		if (*p == '&')
			left[n++] = '&';
		left[n++] = *p;
	}
	left[n] = '\0';
	/* A multi-byte character cut in two is dropped whole. */
	while (n > 0 && ((unsigned char)left[n - 1] & 0x80) != 0) {
		size_t start = n - 1, len;
		unsigned char c;

		while (start > 0 && ((unsigned char)left[start] & 0xc0) == 0x80)
			start--;
		c = (unsigned char)left[start];
		len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
		if (start + len == n)
			break;
		n = start;
		left[n] = '\0';
	}
	snprintf(footer, sizeof footer, "&L%s&R%s &P %s &N", left,
	    T(s, "label.page"), T(s, "label.of"));
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);	/* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	check(s, worksheet_set_footer(ws, footer));
}

/* ---- the vouchers used ------------------------------------------------------
 *
 * Under the Summary, the vouchers of accepted complaints used in the
 * period (voucher.h): an hours voucher on its package, the part of its
 * hours the package used in the period (a package's vouchers are drawn
 * first, in complaint order, before its paid hours: so of the package's
 * used hours the first ones are theirs); a money voucher on each invoice
 * of the period's months that credited it.  No block when none.
 */

struct vouchers_ctx {
	struct sheet *s;
	struct hb_balances *start, *end;
	lxw_row_t r;
	bool titled;
};

/* Of a voucher of `minutes` after `before` voucher minutes on its
 * package, the part the package's used minutes cover. */
static int64_t
voucher_used(int64_t used, int64_t before, int64_t minutes)
{
	int64_t v = used - before;

	return v < 0 ? 0 : v > minutes ? minutes : v;
}

static int64_t
used_on(struct hb_balances *b, int64_t package)
{
	ptrdiff_t k = b ? hb_balances_find(b, package) : -1;

	return k >= 0 ? hb_balances_package(b, (size_t)k)->used : 0;
}

static void
voucher_row(void *ctx, const struct hb_row *row)
{
	struct vouchers_ctx *v = ctx;
	struct sheet *s = v->s;
	lxw_worksheet *ws = s->summary;
	bool hours = strcmp(hb_row_text(row, HB_SV_KIND), "hours") == 0;
	int64_t on = hb_row_int(row, HB_SV_ON), value = hb_row_int(row,
	    HB_SV_VALUE), used = value;
	char *where, money[HB_MONEY_BUFSZ], *credit;

	if (hours) {
		/* Its package's use since its load, after the vouchers
		 * loaded before it. */
		int64_t since = hb_row_int(row, HB_SV_USED_BEFORE_LOAD),
		    before = hb_row_int(row, HB_SV_VOUCHERS_BEFORE);

		used = voucher_used(used_on(v->end, on) - since, before, value) -
		    voucher_used(used_on(v->start, on) - since, before, value);
		if (used <= 0)
			return;
	}
	if (!v->titled) {
		static const char *const keys[] = { "vouchers.complaint",
		    "heading.task", "vouchers.where", "vouchers.used" };

		v->r += 2;
		text(s, ws, v->r++, 0, T(s, "vouchers.title"), s->label);
		for (int c = 0; c < 4; c++)
			text(s, ws, v->r, c, T(s, keys[c]), s->heading);
		v->r++;
		v->titled = true;
	}
	/* Ids read left, as the headings do, not run into the next
	 * column's text. */
	check(s, worksheet_write_number(ws, v->r, 0,
	    (double)hb_row_int(row, HB_SV_COMPLAINT), s->number));
	check(s, worksheet_write_number(ws, v->r, 1,
	    (double)hb_row_int(row, HB_SV_TASK), s->number));
	if (hours) {
		where = hb_xprintf("%s %lld", T(s, "vouchers.package"),
		    (long long)on);
		text(s, ws, v->r, 2, where, s->text);
		minutes(s, ws, v->r, 3, used, s->minutes);
	} else {
		where = hb_xprintf("%s %lld (%s)", T(s, "vouchers.invoice"),
		    (long long)on, hb_row_text(row, HB_SV_PERIOD));
		text(s, ws, v->r, 2, where, s->text);
		credit = hb_xprintf("%s %s", hb_money_format(value, '.', money),
		    hb_row_text(row, HB_SV_CURRENCY));
		text(s, ws, v->r, 3, credit, s->text);
		free(credit);
	}
	free(where);
	v->r++;
}

static void
write_vouchers(struct sheet *s, struct hb_balances *start,
    struct hb_balances *end, lxw_row_t r)
{
	struct vouchers_ctx v = { s, start, end, r, false };
	const struct hb_report_filter *f = s->f;
	char first[8] = "", last[8] = "";
	struct hb_param q[] = {
		hb_text(f->client), hb_text(f->project),
		f->package ? hb_int(strtoll(f->package, NULL, 10))
		    : hb_null_int(),
		hb_text(f->from ? first : NULL), hb_text(f->to ? last : NULL)
	};

	/* The invoices of the months that hold the period's days. */
	if (f->from)
		snprintf(first, sizeof first, "%.7s", f->from);
	if (f->to)
		snprintf(last, sizeof last, "%.7s", f->to);
	hb_book_query(s->book, HB_Q_SHEET_VOUCHERS, q, 5, voucher_row, &v);
}

/* ---- the Summary sheet --------------------------------------------------- */

enum { S_PROJECT, S_PACKAGE, S_PLAN, S_STATUS, S_OPENING, S_LOADED,
	S_USED, S_LAPSED, S_COMMITTED, S_AVAILABLE, S_BEYOND, S_NCOLS };

static const struct {
	const char *key;
	double width;
} summary_columns[S_NCOLS] = {
	{ "summary.project", 22 }, { "summary.package", 10 },
	{ "summary.plan", 16 }, { "summary.status", 12 },
	{ "summary.opening", 11 }, { "summary.loaded", 11 },
	{ "summary.used", 11 }, { "summary.lapsed", 11 },
	{ "summary.committed", 12 }, { "summary.available", 12 },
	{ "summary.beyond", 14 },
};

static void
summary_sum(struct sheet *s, int64_t *sum, int c, int64_t v)
{
	if (!hb_add(sum[c], v, &sum[c]))
		hb_die(HB_EXIT_DATA, "%s: a total too large", s->name);
}

static void
write_summary(struct sheet *s, struct hb_balances *start,
    struct hb_balances *end)
{
	lxw_worksheet *ws = s->summary;
	lxw_row_t r = 0;
	int64_t sum[S_NCOLS] = { 0 };

	for (int c = 0; c < S_NCOLS; c++) {
		text(s, ws, r, c, T(s, summary_columns[c].key), s->heading);
		check(s, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
		    summary_columns[c].width, NULL));
	}
	check(s, worksheet_set_row(ws, 0, 30, NULL));
	check(s, worksheet_repeat_rows(ws, 0, 0));
	worksheet_freeze_panes(ws, 1, 0);
	r++;
	for (size_t j = 0; j < s->nprojects; j++) {
		const struct project *pj = &s->projects[j];

		for (size_t i = 0; i < hb_balances_count(end); i++) {
			const struct hb_package *p = hb_balances_package(end, i);
			const struct hb_package *q = NULL;
			ptrdiff_t k;
			int64_t v[S_NCOLS] = { 0 };
			char key[32];

			if (p->project_id != pj->id)
				continue;
			if (start != NULL &&
			    (k = hb_balances_find(start, p->id)) >= 0)
				q = hb_balances_package(start, (size_t)k);
			/* Each figure over the period is the difference of
			 * the one computation taken on its two days. */
			v[S_OPENING] = q ? q->usable : 0;
			v[S_LOADED] = p->loaded - (q ? q->loaded : 0);
			v[S_USED] = p->used - (q ? q->used : 0);
			v[S_LAPSED] = p->lapsed - (q ? q->lapsed : 0);
			v[S_COMMITTED] = p->committed;
			v[S_AVAILABLE] = p->available;
			text(s, ws, r, S_PROJECT, pj->name, s->wrap);
			check(s, worksheet_write_number(ws, r, S_PACKAGE,
			    (double)p->id, s->number));
			snprintf(key, sizeof key, "plan.%s", p->plan);
			text(s, ws, r, S_PLAN, T(s, key), s->text);
			snprintf(key, sizeof key, "package.%s", p->status);
			text(s, ws, r, S_STATUS, T(s, key), s->text);
			for (int c = S_OPENING; c <= S_BEYOND; c++) {
				minutes(s, ws, r, c, v[c], s->minutes);
				summary_sum(s, sum, c, v[c]);
			}
			r++;
		}
		if (pj->beyond != 0) {
			text(s, ws, r, S_PROJECT, pj->name, s->wrap);
			text(s, ws, r, S_PLAN, T(s, "summary.beyond_row"),
			    s->wrap);
			minutes(s, ws, r, S_BEYOND, pj->beyond, s->minutes);
			summary_sum(s, sum, S_BEYOND, pj->beyond);
			r++;
		}
	}
	text(s, ws, r, S_PROJECT, T(s, "summary.total"), s->total_label);
	for (int c = S_OPENING; c <= S_BEYOND; c++)
		minutes(s, ws, r, c, sum[c], s->total_minutes);
	r += 2;
	check(s, worksheet_merge_range(ws, r, 0, r, S_NCOLS - 1,
	    T(s, "summary.note"), s->legend));
	check(s, worksheet_set_row(ws, r, 45, NULL));
	write_vouchers(s, start, end, r);
}

/* ---- the whole ------------------------------------------------------------ */

static void
formats(struct sheet *s)
{
	s->title = workbook_add_format(s->wb);
	format_set_bold(s->title);
	format_set_font_size(s->title, 16);
	s->label = workbook_add_format(s->wb);
	format_set_bold(s->label);
	s->heading = workbook_add_format(s->wb);
	format_set_bold(s->heading);
	format_set_text_wrap(s->heading);
	format_set_align(s->heading, LXW_ALIGN_VERTICAL_CENTER);
	format_set_bottom(s->heading, LXW_BORDER_THIN);
	format_set_bg_color(s->heading, 0xDDEBF7);
	s->text = workbook_add_format(s->wb);
	format_set_align(s->text, LXW_ALIGN_LEFT);
	format_set_align(s->text, LXW_ALIGN_VERTICAL_TOP);
	s->wrap = workbook_add_format(s->wb);
	format_set_text_wrap(s->wrap);
	format_set_align(s->wrap, LXW_ALIGN_VERTICAL_TOP);
	s->minutes = workbook_add_format(s->wb);
	format_set_num_format(s->minutes, "[h]:mm");
	format_set_align(s->minutes, LXW_ALIGN_VERTICAL_TOP);
	s->date = workbook_add_format(s->wb);
	format_set_num_format(s->date, "yyyy-mm-dd");
	format_set_align(s->date, LXW_ALIGN_CENTER);
	format_set_align(s->date, LXW_ALIGN_VERTICAL_TOP);
	/* In the columns, a date stands clear of the figures beside it;
	 * in the header block, after its label. */
	s->date_left = workbook_add_format(s->wb);
	format_set_num_format(s->date_left, "yyyy-mm-dd");
	format_set_align(s->date_left, LXW_ALIGN_LEFT);
	s->number = workbook_add_format(s->wb);
	format_set_align(s->number, LXW_ALIGN_LEFT);
	format_set_align(s->number, LXW_ALIGN_VERTICAL_TOP);
	/* The words of the period in the dates' formats, so the cells stay
	 * dates: "from "yyyy-mm-dd. */
	{
		char *fmt = hb_xprintf("\"%s \"yyyy-mm-dd", T(s, "label.from"));

		s->period_from = workbook_add_format(s->wb);
		format_set_num_format(s->period_from, fmt);
		format_set_align(s->period_from, LXW_ALIGN_LEFT);
		free(fmt);
		fmt = hb_xprintf("\"%s \"yyyy-mm-dd", T(s, "label.to"));
		s->period_to = workbook_add_format(s->wb);
		format_set_num_format(s->period_to, fmt);
		format_set_align(s->period_to, LXW_ALIGN_LEFT);
		free(fmt);
	}
	s->total_label = workbook_add_format(s->wb);
	format_set_bold(s->total_label);
	format_set_top(s->total_label, LXW_BORDER_THIN);
	s->total_minutes = workbook_add_format(s->wb);
	format_set_bold(s->total_minutes);
	format_set_top(s->total_minutes, LXW_BORDER_THIN);
	format_set_num_format(s->total_minutes, "[h]:mm");
	s->legend = workbook_add_format(s->wb);
	format_set_text_wrap(s->legend);
	format_set_align(s->legend, LXW_ALIGN_VERTICAL_TOP);
	/* The cells the client fills: unlocked in a protected sheet, and
	 * tinted so they are seen. */
	s->ask = workbook_add_format(s->wb);
	format_set_unlocked(s->ask);
	format_set_bg_color(s->ask, 0xFFF2CC);
	format_set_border(s->ask, LXW_BORDER_THIN);
	format_set_align(s->ask, LXW_ALIGN_VERTICAL_TOP);
	s->ask_wrap = workbook_add_format(s->wb);
	format_set_unlocked(s->ask_wrap);
	format_set_bg_color(s->ask_wrap, 0xFFF2CC);
	format_set_border(s->ask_wrap, LXW_BORDER_THIN);
	format_set_text_wrap(s->ask_wrap);
	format_set_align(s->ask_wrap, LXW_ALIGN_VERTICAL_TOP);
}

/* Every sheet protected without a password, against an edit by
 * accident (not a lock: anyone may lift it); the client may still
 * select, widen columns and rows, and fill the unlocked cells. */
static void
protect(lxw_worksheet *ws)
{
	lxw_protection p = { 0 };

	p.format_columns = 1;
	p.format_rows = 1;
	worksheet_protect(ws, NULL, &p);
}

/* The head of the hidden sheet: what task-set --sheet recognises a
 * sheet of ours by (sheetread.h), in cell values a spreadsheet keeps
 * when it saves the file again; then the heading of the rows. */
static void
hidden_head(struct sheet *s)
{
	static const char *const heads[] = { "row", "task", "state",
		"updated", "digest" };

	s->book_id = hb_book_setting(s->book, "book.id");
	if (s->book_id == NULL)
		hb_die(HB_EXIT_SOFTWARE, "the book has no book.id");
	text(s, s->hidden, 0, 0, HB_SHEET_MARKER, NULL);
	check(s, worksheet_write_number(s->hidden, 0, 1, HB_SHEET_VERSION,
	    NULL));
	text(s, s->hidden, 1, 0, "book", NULL);
	text(s, s->hidden, 1, 1, s->book_id, NULL);
	text(s, s->hidden, 2, 0, "lang", NULL);
	text(s, s->hidden, 2, 1, hb_lang_codes[s->lang], NULL);
	text(s, s->hidden, 3, 0, "columns", NULL);
	check(s, worksheet_write_number(s->hidden, 3, 1,
	    s->col[C_APPROVAL], NULL));
	check(s, worksheet_write_number(s->hidden, 3, 2,
	    s->col[C_YOUR_NOTE], NULL));
	for (int c = 0; c < 5; c++)
		text(s, s->hidden, 4, c, heads[c], NULL);
	s->hidden_row = 5;
}

void
hb_sheet_activities(struct hb_book *book, const struct hb_report_filter *f,
    struct hb_xlsx *x)
{
	struct sheet s = { 0 };
	int64_t only = f->package ? strtoll(f->package, NULL, 10) : 0;
	struct hb_scope scope = { f->client, f->project, only, 0 };
	struct hb_balances *end, *start = NULL;
	struct scope_ctx sc = { &s, 0 };
	struct hb_export_filter af = { f->client, f->project, f->package, NULL,
		f->from, f->to };
	struct hb_client client = { 0 }, *one = NULL;
	char *agency, *factor, *clients, *who;
	hb_day last, first;
	const char *why;
	ptrdiff_t k;
	int c = 0;

	s.book = book;
	s.f = f;
	s.name = hb_xlsx_name(x);
	last = f->to != NULL && hb_date_parse(f->to, &last, &why) == 0
	    ? last : hb_today();
	end = hb_balances_load(book, &scope, last);
	if (f->from != NULL && hb_date_parse(f->from, &first, &why) == 0)
		start = hb_balances_load(book, &scope, first - 1);
	if (only != 0 && (k = hb_balances_find(end, only)) >= 0)
		sc.project_id = hb_balances_package(end, (size_t)k)->project_id;
	hb_book_each_project(book, f->client, each_project, &sc);

	/* The clients the sheet is for: their display names, and the
	 * language of the one client, if it is one client's. */
	clients = hb_xcalloc(1, LIST_MAX);
	for (size_t i = 0; i < s.nprojects; i++) {
		bool seen = false;

		for (size_t j = 0; j < i; j++)
			seen |= strcmp(s.projects[j].client,
			    s.projects[i].client) == 0;
		if (seen)
			continue;
		hb_client_release(&client);
		if (hb_book_client_get(book, s.projects[i].client, &client))
			list_add(clients, client.display_name);
	}
	if (f->client != NULL) {
		hb_client_release(&client);
		if (hb_book_client_get(book, f->client, &client)) {
			clients[0] = '\0';
			list_add(clients, client.display_name);
			one = &client;
		}
	} else if (s.nprojects > 0 && client.name != NULL) {
		one = &client;
		for (size_t i = 1; i < s.nprojects; i++)
			if (strcmp(s.projects[i].client, client.name) != 0)
				one = NULL;
	}
	s.lang = hb_lang_choose(book, f->lang,
	    one != NULL ? one->lang : NULL);
	agency = hb_config_get(book, "agency.name");
	factor = hb_config_get(book, "task.urgent_factor");
	s.factor = strtoll(factor, NULL, 10);
	free(factor);

	for (int i = 0; i < NCOLS; i++)
		s.col[i] = i == C_PROJECT && s.nprojects <= 1 ? -1 : c++;
	s.ncols = c;
	s.wb = hb_xlsx_workbook(x);
	formats(&s);
	s.ws = workbook_add_worksheet(s.wb, T(&s, "sheet.activities"));
	s.summary = workbook_add_worksheet(s.wb, T(&s, "sheet.summary"));
	s.hidden = workbook_add_worksheet(s.wb, "hourbook");
	if (s.ws == NULL || s.summary == NULL || s.hidden == NULL)
		hb_die(HB_EXIT_SOFTWARE, "%s: cannot add the sheets", s.name);
	worksheet_hide(s.hidden);
	worksheet_activate(s.ws);

	header_block(&s, end, agency, clients);
	headings(&s);
	hidden_head(&s);
	hb_book_export(book, HB_EXPORT_ACTIVITIES, &af, each_task, &s);
	totals_row(&s, "total.agreed", s.agreed);
	totals_row(&s, "total.not_agreed", s.other);
	legend(&s);
	check(&s, worksheet_print_area(s.ws, 0, 0, s.row - 1,
	    (lxw_col_t)(s.ncols - 1)));
	who = hb_xprintf("%s%s%s", agency, *agency ? " \xe2\x80\x93 " : "",
	    clients);
	print_setup(&s, s.ws, who);
	print_setup(&s, s.summary, who);
	write_summary(&s, start, end);
	protect(s.ws);
	protect(s.summary);
	protect(s.hidden);

	free(s.book_id);
	free(who);
	free(agency);
	free(clients);
	hb_client_release(&client);
	for (size_t i = 0; i < s.nprojects; i++) {
		free(s.projects[i].code);
		free(s.projects[i].name);
		free(s.projects[i].client);
	}
	free(s.projects);
	if (start != NULL)
		hb_balances_free(start);
	hb_balances_free(end);
}
