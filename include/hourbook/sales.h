/*
 * sales: sales-share agreements (seed 001: "a minimum comfortable amount
 * plus a KPI, on reaching which the performer receives a percentage of
 * all payments above") and the monthly sales figures they are billed on.
 *
 * A project's agreement is a history of terms, each from a month on
 * (project-add and project-set set it); the client's figures for a month
 * are a ledger (sales-log): one standing row per project and month, a
 * correction being a reversing row, and no row for a month not ended or
 * billed already.  billing-run bills each agreement's month once: the
 * minimum fee, and the share of the sales above the threshold (the
 * arithmetic is hb_share_compute's, in one place).  A month billed
 * without figures is billed at the minimum; figures logged after that
 * are billed late, their share on the next invoice billing-run makes.
 * sla-check warns about an ended month without figures; report-export
 * sales shows each month's terms, figures and share.
 */
#ifndef HOURBOOK_SALES_H
#define HOURBOOK_SALES_H

#include <stdbool.h>
#include <stdint.h>
#include "hourbook/csv.h"
#include "hourbook/date.h"
#include "hourbook/records.h"

struct hb_book;

/* The terms as project-add and project-set take them: raw strings, NULL
 * or empty when not given.  share_from is the first month of the new
 * terms (YYYY-MM); no_share a flag that ends the agreement from it. */
struct hb_share_input {
	const char *minimum_fee, *kpi_units, *kpi_revenue, *share, *share_cap,
	    *share_from, *no_share;
};

/* Apply the terms given to project p (its record as read: p->share is
 * its newest step).  Adding (project-add), the terms hold from
 * share_from, else from the current month.  Correcting (project-set),
 * a change needs share_from and reason, unless the terms given are the
 * newest step's own (an export fed back: no change); the terms not given
 * are those in force in that month, but all three of minimum_fee, a KPI
 * and share given make the whole new terms (a cap not given then is
 * none).  A month billed already under the agreement cannot change.
 * Logged as an event; returns whether anything changed.  Failing rules
 * end the program naming the column (hb_fail). */
bool hb_share_set(struct hb_book *book, const struct hb_project *p,
    const struct hb_share_input *in, const char *reason, bool correcting);

/* The terms as one line, for the event log and messages: "500.00 a month
 * + 10% above 10 units, at most 300.00"; "none" when not active.  The
 * caller frees it. */
char *hb_share_terms_text(const struct hb_share_terms *t);

/* The terms as five columns: minimum_fee, kpi_units, kpi_revenue, share,
 * share_cap (all empty when not active): the project's row and the
 * sales export print them. */
void hb_share_terms_print(struct hb_csv_writer *w,
    const struct hb_share_terms *t);

/* The arithmetic of one month (SPEC §2: percentages round half-up to the
 * cent, per line).  Units: the revenue of the units beyond the threshold
 * is the month's revenue times (units - threshold) / units, rounded to
 * the cent (each unit counts at the month's average price); revenue: the
 * revenue beyond the threshold.  The share is the percentage of that
 * base, rounded to the cent, then capped.  above is false at or below
 * the threshold (no share). */
struct hb_share_month {
	bool above;
	int64_t units_above;	/* units KPI: units - threshold */
	int64_t base;		/* the revenue the percentage applies to */
	int64_t uncapped;	/* the percentage of base */
	int64_t share;		/* uncapped, at most the cap */
	bool capped;
};
/* False when a figure is too large to compute (nothing is set). */
bool hb_share_compute(const struct hb_share_terms *t, int64_t units,
    int64_t revenue, struct hb_share_month *out);

/* billing-run's lines for an agreement's month ("YYYY-MM"): the minimum
 * fee's description (with the figures, or saying there were none), and
 * when the sales are above the threshold the share's description and
 * amounts.  The strings are the caller's. */
struct hb_share_lines {
	char *minimum_text;
	char *figures_text;	/* the figures, as minimum_text gives them */
	bool has_share;
	char *share_text;
	int64_t base, share;
};
/* False when a figure is too large (nothing is set). */
bool hb_share_lines(const struct hb_share_terms *t, const char *month,
    bool has_figures, int64_t units, int64_t revenue,
    struct hb_share_lines *out);
void hb_share_lines_release(struct hb_share_lines *l);

/* sales-log: one month's figures, or the reversal of a row.  The actor
 * is staff or a person of the project's client. */
struct hb_sales_input {
	const char *project, *month, *units, *revenue, *note;
};
void hb_sales_log(struct hb_book *book, const struct hb_sales_input *in,
    struct hb_sales *out);
void hb_sales_reverse(struct hb_book *book, const char *id,
    const char *reason, struct hb_sales *out);

/* The rows sales-log prints. */
extern const char *const hb_sales_columns[];
void hb_sales_print(struct hb_csv_writer *w, const struct hb_sales *s);

/* The months of the agreements of the projects selected (client,
 * project: NULL for all), by project and month: every month an
 * agreement was in force from its first until the last month ended
 * before today, and every month with figures or billed, within from..to
 * (months "YYYY-MM", either NULL: open). */
enum hb_sales_status {
	HB_SALES_MISSING,	/* ended, no figures, not billed */
	HB_SALES_RECORDED,	/* figures, not billed */
	HB_SALES_BILLED,	/* billed with its figures (the share
				   perhaps late, on a later invoice) */
	HB_SALES_BILLED_AT_MINIMUM,	/* billed without figures, none
				   since */
	HB_SALES_OPEN,		/* not ended yet */
	HB_SALES_LATE		/* billed at the minimum, figures since:
				   the next billing-run bills the share */
};
struct hb_sales_month {
	const char *project, *client, *currency;
	int64_t project_id;
	char month[8];
	struct hb_share_terms terms;	/* in force in the month */
	bool has_figures;
	int64_t units, revenue;
	struct hb_share_month figures;	/* the share, when has_figures */
	int64_t invoice;	/* the invoice that billed it, or 0 */
	int64_t settled;	/* the invoice that billed its figures
				   (invoice, or a later one), or 0 */
	enum hb_sales_status status;
};
void hb_sales_each_month(struct hb_book *book, const char *client,
    const char *project, const char *from, const char *to, hb_day today,
    void (*fn)(void *ctx, const struct hb_sales_month *m), void *ctx);

/* report-export sales. */
extern const char *const hb_sales_month_columns[];
void hb_sales_export(struct hb_book *book, const char *client,
    const char *project, const char *from, const char *to,
    struct hb_csv_writer *w);

#endif
