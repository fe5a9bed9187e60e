/*
 * columns: the dictionary of output columns (columns.h).
 *
 * Every column name that a command prints is here with its kind; those
 * whose heading is not simply the name in words carry one.  A unit test
 * (tests/unit/test_columns.c) checks that each header the library prints
 * is covered.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "hourbook/columns.h"

#define T HB_COLUMN_TEXT
#define I HB_COLUMN_INT
#define K HB_COLUMN_ID
#define M HB_COLUMN_MINUTES
#define C HB_COLUMN_MONEY
#define P HB_COLUMN_PERCENT
#define D HB_COLUMN_DATE
#define S HB_COLUMN_TIMESTAMP

static const struct {
	const char *name;
	enum hb_column_kind kind;
	const char *heading;	/* NULL: the name in words */
} dictionary[] = {
	/* Keys and references. */
	{ "client", T, NULL }, { "comment", I, NULL }, { "entry", I, NULL },
	{ "event", I, NULL }, { "holiday", D, NULL }, { "invoice", I, NULL },
	{ "share_invoice", I, "Share invoice" },
	{ "package", K, NULL }, { "person", T, NULL }, { "project", T, NULL },
	{ "task", I, NULL }, { "withdrawal", I, NULL }, { "key", K, NULL },
	{ "reply_to", I, NULL }, { "reverses", I, NULL }, { "line", I, NULL },
	{ "sales", I, NULL }, { "complaint", I, NULL },
	/* Counts. */
	{ "months", I, NULL }, { "invoiced_periods", I, "Invoiced" },
	{ "paid_periods", I, "Paid" }, { "requests_this_month", I, NULL },
	{ "requests_left", I, NULL },
	{ "rows", I, NULL }, { "units", I, NULL },
	{ "kpi_units", I, "KPI units" },
	/* Time. */
	{ "minutes", M, "Hours" }, { "available_after", M, NULL },
	{ "bonus_minutes", M, "Bonus hours" },
	{ "quantity_minutes", M, "Quantity" },
	{ "voucher_minutes", M, "Voucher hours" },
	/* Money. */
	{ "amount", C, NULL }, { "balance", C, NULL }, { "earned", C, NULL },
	{ "fee", C, NULL }, { "minimum", C, NULL }, { "paid_this_month", C,
	    NULL }, { "pending", C, NULL }, { "price", C, NULL },
	{ "rate", C, NULL }, { "unit_price", C, NULL },
	{ "revenue", C, NULL }, { "minimum_fee", C, NULL },
	{ "kpi_revenue", C, "KPI revenue" }, { "share_cap", C, NULL },
	{ "revenue_above", C, NULL }, { "share_amount", C, "Share" },
	{ "total", C, NULL }, { "voucher_amount", C, NULL },
	{ "credited", C, NULL },
	/* Percentages. */
	{ "bonus", P, NULL }, { "discount", P, NULL },
	{ "penalty_base", P, "Penalty" },
	{ "penalty_daily", P, "Penalty per day" },
	{ "share", P, "Share %" },
	/* Dates and instants. */
	{ "date", D, NULL }, { "decided", D, NULL }, { "delivered", D, NULL },
	{ "done", D, NULL }, { "due", D, NULL }, { "expires", D, NULL },
	{ "next_possible", D, NULL }, { "at", S, NULL }, { "created", S, NULL },
	{ "requested", S, NULL }, { "since", S, NULL }, { "updated", S, NULL },
	{ "complained_at", S, NULL }, { "decided_at", S, NULL },
	/* Text whose heading is not the name in words. */
	{ "email", T, "E-mail" }, { "lang", T, "Language" },
	{ "sla", T, "SLA" }, { "ref", T, "Ref" },
	/* Text. */
	{ "actor", T, NULL }, { "assignee", T, NULL }, { "author", T, NULL },
	{ "awaiting_payment", T, NULL }, { "body", T, NULL },
	{ "check", T, NULL }, { "client_approval", T, NULL },
	{ "contact", T, NULL }, { "currency", T, NULL },
	{ "default", T, NULL }, { "description", T, NULL },
	{ "display_name", T, NULL }, { "due_kind", T, NULL },
	{ "entity", T, NULL }, { "extra", T, NULL }, { "kind", T, NULL },
	{ "lapse", T, NULL }, { "message", T, NULL }, { "model", T, NULL },
	{ "name", T, NULL }, { "new", T, NULL }, { "note", T, NULL },
	{ "old", T, NULL }, { "period", T, NULL }, { "plan", T, NULL },
	{ "priority", T, NULL }, { "support_hours", T, NULL },
	{ "possible", T, NULL }, { "reason", T, NULL }, { "role", T, NULL },
	{ "rule", T, NULL }, { "severity", T, NULL },
	{ "start_month", T, NULL }, { "status", T, NULL },
	{ "month", T, NULL }, { "share_from", T, NULL },
	{ "complained_by", T, NULL }, { "decision", T, NULL },
	{ "decided_by", T, NULL }, { "voucher", T, "Voucher state" },
	{ "invoices", T, NULL },
	{ "table", T, NULL }, { "title", T, NULL }, { "urgent", T, NULL },
	{ "value", T, NULL }, { "what", T, NULL },
	{ "paused", T, NULL }, { "deemed_delivery", T, NULL },
};

#define NDICTIONARY (sizeof dictionary / sizeof dictionary[0])

/* What a narrow table leaves out first. */
static const char *const details[] = {
	"awaiting_payment", "bonus", "bonus_minutes", "contact", "created",
	"default", "description", "discount", "due_kind", "email", "extra",
	"invoiced_periods", "lang", "lapse", "lapsed_minutes", "months",
	"paid_periods", "ref", "requested", "reverses", "sla", "start_month",
	"updated", "urgent",
	/* A project's sales-share terms (the sales export has them too, but
	 * its figures come first there). */
	"minimum_fee", "kpi_units", "kpi_revenue", "share", "share_cap",
	"share_from",
	/* A project's support window and priority (task-list's order
	 * shows the priority already). */
	"support_hours", "priority",
	/* A task paused, a project's opt-in to deemed delivery (deemed.h). */
	"paused", "deemed_delivery",
	/* Who complained and decided, and when (voucher.h): the voucher's
	 * state, use and credits matter more in a narrow table. */
	"complained_by", "complained_at", "decision", "decided_by",
	"decided_at",
};

static const char suffix[] = "_minutes";

static bool
ends_in_minutes(const char *name)
{
	size_t len = strlen(name), s = sizeof suffix - 1;

	return len > s && strcmp(name + len - s, suffix) == 0;
}

static ptrdiff_t
find(const char *name)
{
	for (size_t i = 0; i < NDICTIONARY; i++)
		if (strcmp(dictionary[i].name, name) == 0)
			return (ptrdiff_t)i;
	return -1;
}

enum hb_column_kind
hb_column_kind(const char *name, bool *known)
{
	ptrdiff_t i = find(name);

	*known = true;
	if (i >= 0)
		return dictionary[i].kind;
	if (ends_in_minutes(name))
		return HB_COLUMN_MINUTES;
	*known = false;
	return HB_COLUMN_TEXT;
}

bool
hb_column_detail(const char *name)
{
	for (size_t i = 0; i < sizeof details / sizeof details[0]; i++)
		if (strcmp(details[i], name) == 0)
			return true;
	return false;
}

bool
hb_column_numeric(enum hb_column_kind kind)
{
	switch (kind) {
	case HB_COLUMN_INT:
	case HB_COLUMN_MINUTES:
	case HB_COLUMN_MONEY:
	case HB_COLUMN_PERCENT:
		return true;
	default:
		return false;
	}
}

const char *
hb_column_heading(const char *name, char *buf, size_t size)
{
	ptrdiff_t i = find(name);
	size_t len = strlen(name);

	if (size == 0)
		return buf;
	if (i >= 0 && dictionary[i].heading != NULL) {
		snprintf(buf, size, "%s", dictionary[i].heading);
		return buf;
	}
	/* The name in words: "loaded_minutes" -> "Loaded". */
	if (ends_in_minutes(name))
		len -= sizeof suffix - 1;
	if (len >= size)
		len = size - 1;
	for (size_t k = 0; k < len; k++)
		buf[k] = name[k] == '_' ? ' ' : name[k];
	buf[len] = '\0';
	buf[0] = (char)toupper((unsigned char)buf[0]);
	return buf;
}
