/*
 * project-set: correct a project: its name, its rate from a day on, its
 * late-delivery penalty, its SLA overrides and its sales-share terms from
 * a month on, its support window and priority (staff; every change
 * logged with its reason).
 */
#include <stdlib.h>
#include <string.h>

#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/diag.h"
#include "hourbook/setup.h"

enum {
	COL_PROJECT, COL_NAME, COL_RATE, COL_FROM, COL_PENALTY, COL_NO_PENALTY,
	COL_SLA, COL_REASON, COL_PENALTY_BASE, COL_PENALTY_DAILY,
	COL_MINIMUM_FEE, COL_KPI_UNITS, COL_KPI_REVENUE, COL_SHARE, COL_SHARE_CAP,
	COL_SHARE_FROM, COL_NO_SHARE, COL_SUPPORT_HOURS, COL_NO_SUPPORT_HOURS,
	COL_PRIORITY, COL_DEEMED_DELIVERY, NCOL
};

static const struct hb_csv_column columns[NCOL] = {
	[COL_PROJECT] = { "project|code", true },
	[COL_NAME] = { "name", false },
	[COL_RATE] = { "rate", false },
	[COL_FROM] = { "from", false },
	[COL_PENALTY] = { "penalty", false },
	[COL_NO_PENALTY] = { "no_penalty", false },
	[COL_SLA] = { "sla", false },
	[COL_REASON] = { "reason", false },
	/* The penalty as report-export projects writes it. */
	[COL_PENALTY_BASE] = { "penalty_base", false },
	[COL_PENALTY_DAILY] = { "penalty_daily", false },
	[COL_MINIMUM_FEE] = { "minimum_fee", false },
	[COL_KPI_UNITS] = { "kpi_units", false },
	[COL_KPI_REVENUE] = { "kpi_revenue", false },
	[COL_SHARE] = { "share", false },
	[COL_SHARE_CAP] = { "share_cap", false },
	[COL_SHARE_FROM] = { "share_from", false },
	[COL_NO_SHARE] = { "no_share", false },
	[COL_SUPPORT_HOURS] = { "support_hours", false },
	[COL_NO_SUPPORT_HOURS] = { "no_support_hours", false },
	[COL_PRIORITY] = { "priority", false },
	[COL_DEEMED_DELIVERY] = { "deemed_delivery", false },
};

enum {
	OPT_NAME = HB_OPT_FIRST, OPT_RATE, OPT_FROM, OPT_PENALTY,
	OPT_NO_PENALTY, OPT_SLA, OPT_REASON, OPT_MINIMUM_FEE, OPT_KPI_UNITS,
	OPT_KPI_REVENUE, OPT_SHARE, OPT_SHARE_CAP, OPT_SHARE_FROM, OPT_NO_SHARE,
	OPT_SUPPORT_HOURS, OPT_NO_SUPPORT_HOURS, OPT_PRIORITY,
	OPT_DEEMED_DELIVERY, OPT_NO_DEEMED_DELIVERY
};

static const struct hb_option options[] = {
	{ "name", OPT_NAME, "NAME", "a descriptive name", HB_ARG_TEXT, NULL },
	{ "rate", OPT_RATE, "MONEY", "the hourly rate, from --from on", HB_ARG_MONEY, NULL },
	{ "from", OPT_FROM, "DATE", "the first day of the new rate: time dated from then on bills at it", HB_ARG_DATE, NULL },
	{ "penalty", OPT_PENALTY, "PCT,PCT-PER-DAY", "late-delivery penalty: once, plus per business day", HB_ARG_TEXT, NULL },
	{ "no-penalty", OPT_NO_PENALTY, NULL, "take the late-delivery penalty away", 0, NULL },
	{ "sla", OPT_SLA, "KEY=VALUE", "override an SLA setting; KEY= takes the override away (repeatable)", HB_ARG_TEXT, NULL },
	{ "minimum-fee", OPT_MINIMUM_FEE, "MONEY", "sales share: the monthly minimum fee, from --share-from on", HB_ARG_MONEY, NULL },
	{ "kpi-units", OPT_KPI_UNITS, "N", "sales share: the threshold in units sold a month", HB_ARG_COUNT, NULL },
	{ "kpi-revenue", OPT_KPI_REVENUE, "MONEY", "sales share: the threshold in revenue a month", HB_ARG_MONEY, NULL },
	{ "share", OPT_SHARE, "PCT", "sales share: the percentage of the sales above the threshold", HB_ARG_PERCENT, NULL },
	{ "share-cap", OPT_SHARE_CAP, "MONEY", "sales share: the most the share is in a month", HB_ARG_MONEY, NULL },
	{ "share-from", OPT_SHARE_FROM, "YYYY-MM", "the first month of the new sales-share terms: a month not billed yet", HB_ARG_MONTH, NULL },
	{ "no-share", OPT_NO_SHARE, NULL, "end the sales-share agreement from --share-from on", 0, NULL },
	{ "support-hours", OPT_SUPPORT_HOURS, "SPEC", "its own support window, as \"Mon-Sat 08:00-20:00\" or \"24/7\"", HB_ARG_TEXT, NULL },
	{ "no-support-hours", OPT_NO_SUPPORT_HOURS, NULL, "take its own support window away: its plan's applies", 0, NULL },
	{ "priority", OPT_PRIORITY, "PRIORITY", "plan (top on the upfront plan), top or normal", HB_ARG_CHOICE, hb_project_priorities },
	{ "deemed-delivery", OPT_DEEMED_DELIVERY, NULL, "tasks still blocked on the client at the end of the contract term are deemed delivered", 0, NULL },
	{ "no-deemed-delivery", OPT_NO_DEEMED_DELIVERY, NULL, "take deemed delivery away: such tasks stay blocked", 0, NULL },
	{ "reason", OPT_REASON, "TEXT", "why (required: it goes to the event log)", HB_ARG_TEXT, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"[--name NAME] [--rate MONEY --from DATE] "
	"[--penalty PCT,PCT-PER-DAY | --no-penalty] [--sla KEY=VALUE]... "
	"--reason TEXT CODE",
	"--deemed-delivery | --no-deemed-delivery --reason TEXT CODE",
	"([--minimum-fee MONEY] [--kpi-units N | --kpi-revenue MONEY] "
	"[--share PCT] [--share-cap MONEY] | --no-share) --share-from YYYY-MM "
	"--reason TEXT CODE",
	"[--support-hours SPEC | --no-support-hours] "
	"[--priority plan|top|normal] --reason TEXT CODE",
	"[--reason TEXT] --csv FILE",
	NULL
};

static const struct hb_command command = {
	"project-set", synopsis,
	"Correct a project's name, rate from a day on, penalty, SLA overrides, "
	"sales-share terms from a month on, support window or priority.",
	options, HB_CLI_CSV | HB_CLI_WRITES | HB_CLI_KEY, NULL
};

/* Repeated --sla options, joined with ';'. */
static char *sla;

static void
on_option(void *ctx, int key, const char *arg)
{
	const char **values = ctx;
	char *joined;

	switch (key) {
	case OPT_NAME: values[COL_NAME] = arg; break;
	case OPT_RATE: values[COL_RATE] = arg; break;
	case OPT_FROM: values[COL_FROM] = arg; break;
	case OPT_PENALTY: values[COL_PENALTY] = arg; break;
	case OPT_NO_PENALTY: values[COL_NO_PENALTY] = "yes"; break;
	case OPT_REASON: values[COL_REASON] = arg; break;
	case OPT_MINIMUM_FEE: values[COL_MINIMUM_FEE] = arg; break;
	case OPT_KPI_UNITS: values[COL_KPI_UNITS] = arg; break;
	case OPT_KPI_REVENUE: values[COL_KPI_REVENUE] = arg; break;
	case OPT_SHARE: values[COL_SHARE] = arg; break;
	case OPT_SHARE_CAP: values[COL_SHARE_CAP] = arg; break;
	case OPT_SHARE_FROM: values[COL_SHARE_FROM] = arg; break;
	case OPT_NO_SHARE: values[COL_NO_SHARE] = "yes"; break;
	case OPT_SUPPORT_HOURS: values[COL_SUPPORT_HOURS] = arg; break;
	case OPT_NO_SUPPORT_HOURS: values[COL_NO_SUPPORT_HOURS] = "yes"; break;
	case OPT_PRIORITY: values[COL_PRIORITY] = arg; break;
	case OPT_DEEMED_DELIVERY:
	case OPT_NO_DEEMED_DELIVERY:
		if (values[COL_DEEMED_DELIVERY] != NULL &&
		    strcmp(values[COL_DEEMED_DELIVERY], key == OPT_DEEMED_DELIVERY
		    ? "yes" : "no") != 0)
			hb_usage_error(&command, "give --deemed-delivery or "
			    "--no-deemed-delivery, not both");
		values[COL_DEEMED_DELIVERY] = key == OPT_DEEMED_DELIVERY
		    ? "yes" : "no";
		break;
	case OPT_SLA:
		joined = sla ? hb_xprintf("%s;%s", sla, arg) : hb_xstrdup(arg);
		free(sla);
		values[COL_SLA] = sla = joined;
		break;
	}
}

static void
apply(void *ctx, struct hb_book *book, const char *const *v)
{
	struct hb_project_change in = {
		v[COL_PROJECT], v[COL_NAME], v[COL_RATE], v[COL_FROM],
		v[COL_PENALTY], v[COL_PENALTY_BASE], v[COL_PENALTY_DAILY],
		v[COL_NO_PENALTY], v[COL_SLA], v[COL_REASON], {
			v[COL_MINIMUM_FEE], v[COL_KPI_UNITS], v[COL_KPI_REVENUE],
			v[COL_SHARE], v[COL_SHARE_CAP], v[COL_SHARE_FROM],
			v[COL_NO_SHARE]
		}, v[COL_SUPPORT_HOURS], v[COL_NO_SUPPORT_HOURS], v[COL_PRIORITY],
		v[COL_DEEMED_DELIVERY]
	};
	struct hb_project p;

	if (!hb_project_set(book, &in, &p) && !hb_opts.csv)
		hb_note("%s: nothing changed: the values given are the book's "
		    "already", p.code);
	hb_project_print(ctx, &p);
	hb_project_release(&p);
}

int
main(int argc, char **argv)
{
	const char *values[NCOL] = { NULL };
	struct hb_batch batch = { &command, columns, NCOL, values, apply, NULL };
	int i = hb_cli_parse(&command, argc, argv, on_option, values);
	int status;
	static const size_t operands[] = { COL_PROJECT };
	static const size_t fields[] = {
		COL_NAME, COL_RATE, COL_PENALTY, COL_NO_PENALTY, COL_SLA,
		COL_MINIMUM_FEE, COL_KPI_UNITS, COL_KPI_REVENUE, COL_SHARE,
		COL_SHARE_CAP, COL_NO_SHARE, COL_SUPPORT_HOURS,
		COL_NO_SUPPORT_HOURS, COL_PRIORITY, COL_DEEMED_DELIVERY
	};

	if (values[COL_PENALTY] && values[COL_NO_PENALTY])
		hb_usage_error(&command, "give --penalty or --no-penalty, not "
		    "both");
	if (values[COL_NO_SHARE] && (values[COL_MINIMUM_FEE] ||
	    values[COL_KPI_UNITS] || values[COL_KPI_REVENUE] ||
	    values[COL_SHARE] || values[COL_SHARE_CAP]))
		hb_usage_error(&command, "give sales-share terms or --no-share, "
		    "not both");
	if (values[COL_KPI_UNITS] && values[COL_KPI_REVENUE])
		hb_usage_error(&command, "give --kpi-units or --kpi-revenue, not "
		    "both: the threshold counts units sold or revenue");
	if (values[COL_SUPPORT_HOURS] && values[COL_NO_SUPPORT_HOURS])
		hb_usage_error(&command, "give --support-hours or "
		    "--no-support-hours, not both");
	hb_batch_correction(&batch, fields, sizeof fields / sizeof fields[0],
	    COL_REASON, "--name, --rate with --from, --penalty, --no-penalty, "
	    "--sla, sales-share terms or --no-share with --share-from, "
	    "--support-hours, --no-support-hours, --priority or "
	    "--[no-]deemed-delivery");
	if (!hb_opts.csv && !values[COL_RATE] != !values[COL_FROM])
		hb_usage_error(&command, "--rate and --from go together: a new "
		    "rate holds from a day on");
	hb_batch_operands(&batch, argc - i, argv + i, operands, 1, 1, "CODE");
	status = hb_batch_main(&batch, hb_project_columns);
	free(sla);
	return status;
}
