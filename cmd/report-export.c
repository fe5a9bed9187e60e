/*
 * report-export: every read-only export of the book, in CSV, a table,
 * JSON Lines, Excel-CSV or xlsx.  The kinds live in lib/report.c.
 */
#include <string.h>
#include <strings.h>

#include "hourbook/book.h"
#include "hourbook/session.h"
#include "hourbook/cli.h"
#include "hourbook/dashboard.h"
#include "hourbook/date.h"
#include "hourbook/diag.h"
#include "hourbook/lang.h"
#include "hourbook/output.h"
#include "hourbook/report.h"
#include "hourbook/xlsx.h"

enum {
	OPT_CLIENT = HB_OPT_FIRST, OPT_PROJECT, OPT_PACKAGE, OPT_PERSON,
	OPT_FROM, OPT_TO, OPT_MONTH, OPT_LANG, OPT_ALL
};

/* Besides csv, table and jsonl; -o FILE.xlsx implies xlsx. */
static const char *const formats[] = { "excel-csv", "xlsx", NULL };

static const struct hb_option options[] = {
	{ "client", OPT_CLIENT, "C", "only client C", HB_ARG_NAME, NULL },
	{ "project", OPT_PROJECT, "P", "only project P", HB_ARG_NAME, NULL },
	{ "package", OPT_PACKAGE, "N", "only package N (its project, for activities)", HB_ARG_NUMBER, NULL },
	{ "person", OPT_PERSON, "HANDLE", "only person HANDLE", HB_ARG_NAME, NULL },
	{ "from", OPT_FROM, "DATE", "from DATE (inclusive)", HB_ARG_DATE, NULL },
	{ "to", OPT_TO, "DATE", "to DATE (inclusive)", HB_ARG_DATE, NULL },
	{ "month", OPT_MONTH, "YYYY-MM", "the calendar month YYYY-MM", HB_ARG_MONTH, NULL },
	{ "lang", OPT_LANG, "LANG", "the language of the activity sheet or the dashboard: en, it, pt or es (default: the client's, else the book's sheet.lang)", HB_ARG_TEXT, NULL },
	{ "all", OPT_ALL, NULL, "dashboard: every client's page, in DIR/CLIENT/, and the agency's DIR/index.html", 0, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"KIND [-f csv|table|jsonl|excel-csv|xlsx] [-o FILE] [--client C] "
	"[--project P] "
	"[--package N] [--person HANDLE] [--from DATE] [--to DATE] "
	"[--month YYYY-MM] [--lang en|it|pt|es]",
	"dashboard (--client C | --all) [-o DIR] [--from DATE] [--to DATE] "
	"[--month YYYY-MM] [--lang en|it|pt|es]",
	NULL
};

static const struct hb_command command = {
	"report-export", synopsis,
	"Export the book: activities, balances, clients, comments, earnings, "
	"entries, events, invoices, people, projects, sales, tasks, "
	"vouchers, withdrawals; "
	"or write the clients' dashboard pages (dashboard).",
	options, 0, formats
};

struct args {
	struct hb_report_filter f;
	const char *month;
	bool all;
	char from[HB_DATE_BUFSZ], to[HB_DATE_BUFSZ];
};

static void
on_option(void *ctx, int key, const char *arg)
{
	struct args *a = ctx;

	switch (key) {
	case OPT_CLIENT: a->f.client = arg; a->f.given |= HB_FILTER_CLIENT; return;
	case OPT_PROJECT: a->f.project = arg; a->f.given |= HB_FILTER_PROJECT; return;
	case OPT_PERSON: a->f.person = arg; a->f.given |= HB_FILTER_PERSON; return;
	case OPT_LANG: a->f.lang = arg; return;
	case OPT_ALL: a->all = true; return;
	case OPT_PACKAGE:
		a->f.package = arg;
		a->f.given |= HB_FILTER_PACKAGE;
		return;
	case OPT_MONTH:
		a->month = arg;
		break;
	case OPT_FROM:
	case OPT_TO:
		if (key == OPT_FROM)
			a->f.from = arg;
		else
			a->f.to = arg;
		break;
	}
	a->f.given |= HB_FILTER_PERIOD;
}

/* -f, else what -o FILE.xlsx implies, else csv. */
static enum hb_csv_format
format_of(void)
{
	const char *dot;

	if (hb_opts.format == NULL && hb_opts.output != NULL &&
	    (dot = strrchr(hb_opts.output, '.')) != NULL &&
	    strcasecmp(dot, ".xlsx") == 0)
		return HB_CSV_XLSX;
	return hb_cli_format();
}

int
main(int argc, char **argv)
{
	struct args a = { 0 };
	int i;
	enum hb_csv_format format;

	hb_xlsx_enable();
	hb_cli_operand_choices(hb_report_kinds());
	i = hb_cli_parse(&command, argc, argv, on_option, &a);
	format = format_of();
	struct hb_book *book;
	struct hb_csv_writer *w;
	const char *misfit;
	char near[200];
	int kind;
	bool dashboard;

	if (argc - i != 1)
		hb_usage_error(&command, "give one KIND (%s)", hb_report_names());
	if ((kind = hb_report_find(argv[i])) < 0)
		hb_usage_error(&command, "\"%s\" is not a kind (%s)%s", argv[i],
		    hb_report_names(), hb_report_near(argv[i], near,
		    sizeof near));
	if ((misfit = hb_report_misfit(kind, a.f.given)) != NULL)
		hb_usage_error(&command, "%s does not apply to %s", misfit,
		    argv[i]);
	/* A language the sheet does not speak is a usage error, before the
	 * book is opened; it is for the client's sheet only. */
	if (a.f.lang != NULL && hb_lang_find(a.f.lang) < 0)
		hb_usage_error(&command, "--lang: \"%s\" is not one of en, it, "
		    "pt, es", a.f.lang);
	dashboard = strcmp(argv[i], "dashboard") == 0;
	if (a.f.lang != NULL && !dashboard &&
	    (strcmp(argv[i], "activities") != 0 || format != HB_CSV_XLSX))
		hb_usage_error(&command, "--lang is for the activity sheet in "
		    "xlsx (activities -f xlsx) and the dashboard");
	if (a.all && !dashboard)
		hb_usage_error(&command, "--all is for the dashboard");
	if (dashboard && hb_opts.format != NULL)
		hb_usage_error(&command, "the dashboard is an HTML page: -f "
		    "does not apply");
	if (dashboard && a.all == (a.f.client != NULL))
		hb_usage_error(&command, "dashboard: give --client C or "
		    "--all");
	if (dashboard && a.all && hb_opts.output == NULL)
		hb_usage_error(&command, "dashboard --all: give -o DIR, the "
		    "folder of the pages");
	if (a.month != NULL) {
		hb_day first;

		if (a.f.from != NULL || a.f.to != NULL)
			hb_usage_error(&command, "--month or --from/--to, not "
			    "both");
		hb_month_parse(a.month, &first, NULL);
		a.f.from = hb_date_format(first, a.from);
		a.f.to = hb_date_format(hb_next_month(first) - 1, a.to);
	}
	/* --from and --to may be relative ("monday"): they are dates once
	 * the book is open (cli.h). */
	book = hb_book_open(HB_BOOK_READ);
	if (a.f.from != NULL && a.f.to != NULL && strcmp(a.f.from, a.f.to) > 0)
		hb_usage_error(&command, "--from %s is after --to %s", a.f.from,
		    a.f.to);
	if (dashboard) {
		/* -o names a folder: the page is DIR/index.html. */
		if (a.all)
			hb_dashboard_all(book, &a.f, hb_opts.output);
		else
			hb_dashboard_client(book, &a.f, hb_opts.output);
		hb_book_close(book);
		return HB_EXIT_OK;
	}
	w = hb_output_begin(format, false);
	hb_report_write(book, kind, &a.f, w, hb_opts.no_header);
	hb_book_close(book);
	hb_output_finish();
	return HB_EXIT_OK;
}
