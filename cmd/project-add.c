/*
 * project-add: add projects: a client's work, its rate, its model, its
 * service levels, a sales-share agreement, its support window and
 * priority.
 */
#include <stdlib.h>

#include "hourbook/batch.h"
#include "hourbook/book.h"
#include "hourbook/cli.h"
#include "hourbook/diag.h"
#include "hourbook/setup.h"

enum {
	COL_PROJECT, COL_CLIENT, COL_NAME, COL_RATE, COL_MODEL, COL_PENALTY,
	COL_SLA, COL_PENALTY_BASE, COL_PENALTY_DAILY, COL_MINIMUM_FEE,
	COL_KPI_UNITS, COL_KPI_REVENUE, COL_SHARE, COL_SHARE_CAP, COL_SHARE_FROM,
	COL_SUPPORT_HOURS, COL_PRIORITY, COL_DEEMED_DELIVERY, NCOL
};

static const struct hb_csv_column columns[NCOL] = {
	[COL_PROJECT] = { "project|code", true },
	[COL_CLIENT] = { "client", true },
	[COL_NAME] = { "name", false },
	[COL_RATE] = { "rate", false },
	[COL_MODEL] = { "model", false },
	[COL_PENALTY] = { "penalty", false },
	[COL_SLA] = { "sla", false },
	/* The penalty as report-export projects writes it. */
	[COL_PENALTY_BASE] = { "penalty_base", false },
	[COL_PENALTY_DAILY] = { "penalty_daily", false },
	[COL_MINIMUM_FEE] = { "minimum_fee", false },
	[COL_KPI_UNITS] = { "kpi_units", false },
	[COL_KPI_REVENUE] = { "kpi_revenue", false },
	[COL_SHARE] = { "share", false },
	[COL_SHARE_CAP] = { "share_cap", false },
	[COL_SHARE_FROM] = { "share_from", false },
	[COL_SUPPORT_HOURS] = { "support_hours", false },
	[COL_PRIORITY] = { "priority", false },
	[COL_DEEMED_DELIVERY] = { "deemed_delivery", false },
};

enum {
	OPT_CLIENT = HB_OPT_FIRST, OPT_NAME, OPT_RATE, OPT_MODEL, OPT_PENALTY,
	OPT_SLA, OPT_MINIMUM_FEE, OPT_KPI_UNITS, OPT_KPI_REVENUE, OPT_SHARE,
	OPT_SHARE_CAP, OPT_SHARE_FROM, OPT_SUPPORT_HOURS, OPT_PRIORITY,
	OPT_DEEMED_DELIVERY
};

static const struct hb_option options[] = {
	{ "client", OPT_CLIENT, "C", "the client the project is for", HB_ARG_NAME, NULL },
	{ "name", OPT_NAME, "NAME", "a descriptive name (default: the code)", HB_ARG_TEXT, NULL },
	{ "rate", OPT_RATE, "MONEY", "the hourly rate (default 0.00)", HB_ARG_MONEY, NULL },
	{ "model", OPT_MODEL, "MODEL", "package (prepaid hours, the default) or self-service", HB_ARG_CHOICE, hb_project_models },
	{ "penalty", OPT_PENALTY, "PCT,PCT-PER-DAY", "late-delivery penalty: once, plus per business day", HB_ARG_TEXT, NULL },
	{ "sla", OPT_SLA, "KEY=VALUE", "override an SLA setting (repeatable)", HB_ARG_TEXT, NULL },
	{ "minimum-fee", OPT_MINIMUM_FEE, "MONEY", "sales share: the monthly minimum fee", HB_ARG_MONEY, NULL },
	{ "kpi-units", OPT_KPI_UNITS, "N", "sales share: the threshold in units sold a month", HB_ARG_COUNT, NULL },
	{ "kpi-revenue", OPT_KPI_REVENUE, "MONEY", "sales share: the threshold in revenue a month", HB_ARG_MONEY, NULL },
	{ "share", OPT_SHARE, "PCT", "sales share: the percentage of the sales above the threshold", HB_ARG_PERCENT, NULL },
	{ "share-cap", OPT_SHARE_CAP, "MONEY", "sales share: the most the share is in a month", HB_ARG_MONEY, NULL },
	{ "share-from", OPT_SHARE_FROM, "YYYY-MM", "sales share: the first month of the agreement (default: this month)", HB_ARG_MONTH, NULL },
	{ "support-hours", OPT_SUPPORT_HOURS, "SPEC", "its own support window, as \"Mon-Sat 08:00-20:00\" or \"24/7\" (default: its plan's)", HB_ARG_TEXT, NULL },
	{ "priority", OPT_PRIORITY, "PRIORITY", "plan (the default: top on the upfront plan), top or normal", HB_ARG_CHOICE, hb_project_priorities },
	{ "deemed-delivery", OPT_DEEMED_DELIVERY, NULL, "tasks still blocked on the client at the end of the contract term are deemed delivered", 0, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};

static const char *const synopsis[] = {
	"--client C [--name NAME] [--rate MONEY] [--model package|self-service] "
	"[--penalty PCT,PCT-PER-DAY] [--sla KEY=VALUE]... "
	"[--minimum-fee MONEY (--kpi-units N | --kpi-revenue MONEY) --share PCT "
	"[--share-cap MONEY] [--share-from YYYY-MM]] [--support-hours SPEC] "
	"[--priority plan|top|normal] [--deemed-delivery] CODE",
	"[--client C] --csv FILE",
	NULL
};

static const struct hb_command command = {
	"project-add", synopsis, "Add projects for the book's clients.",
	options, HB_CLI_CSV | HB_CLI_WRITES | HB_CLI_KEY | HB_CLI_CREATES,
	NULL
};

/* Repeated --sla options, joined with ';'. */
static char *sla;

static void
on_option(void *ctx, int key, const char *arg)
{
	const char **values = ctx;
	char *joined;

	switch (key) {
	case OPT_CLIENT: values[COL_CLIENT] = arg; break;
	case OPT_NAME: values[COL_NAME] = arg; break;
	case OPT_RATE: values[COL_RATE] = arg; break;
	case OPT_MODEL: values[COL_MODEL] = arg; break;
	case OPT_PENALTY: values[COL_PENALTY] = arg; break;
	case OPT_MINIMUM_FEE: values[COL_MINIMUM_FEE] = arg; break;
	case OPT_KPI_UNITS: values[COL_KPI_UNITS] = arg; break;
	case OPT_KPI_REVENUE: values[COL_KPI_REVENUE] = arg; break;
	case OPT_SHARE: values[COL_SHARE] = arg; break;
	case OPT_SHARE_CAP: values[COL_SHARE_CAP] = arg; break;
	case OPT_SHARE_FROM: values[COL_SHARE_FROM] = arg; break;
	case OPT_SUPPORT_HOURS: values[COL_SUPPORT_HOURS] = arg; break;
	case OPT_PRIORITY: values[COL_PRIORITY] = arg; break;
	case OPT_DEEMED_DELIVERY: values[COL_DEEMED_DELIVERY] = "yes"; break;
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
	struct hb_project_input in = {
		v[COL_PROJECT], v[COL_CLIENT], v[COL_NAME], v[COL_RATE],
		v[COL_MODEL], v[COL_PENALTY], v[COL_SLA], v[COL_PENALTY_BASE],
		v[COL_PENALTY_DAILY], {
			v[COL_MINIMUM_FEE], v[COL_KPI_UNITS], v[COL_KPI_REVENUE],
			v[COL_SHARE], v[COL_SHARE_CAP], v[COL_SHARE_FROM], NULL
		}, v[COL_SUPPORT_HOURS], v[COL_PRIORITY], v[COL_DEEMED_DELIVERY]
	};
	struct hb_project p;

	hb_project_add(book, &in, &p);
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

	if (values[COL_KPI_UNITS] && values[COL_KPI_REVENUE])
		hb_usage_error(&command, "give --kpi-units or --kpi-revenue, not "
		    "both: the threshold counts units sold or revenue");
	hb_batch_operands(&batch, argc - i, argv + i, operands, 1, 1, "CODE");
	status = hb_batch_main(&batch, hb_project_columns);
	free(sla);
	return status;
}
