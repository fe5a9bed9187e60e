/*
 * dashboard: the client's page, a static HTML file an agency's web
 * server (or a shared folder) serves, regenerated from cron
 * (report-export dashboard).
 *
 * One file, in the client's language (lang.h), with its styles inside and
 * nothing fetched: per package its figures as balances shows them
 * (balance.h, as of today) with a bar, and a chart of the hours used per
 * month drawn in SVG (html.h); the tasks waiting for the client, with
 * their age in business days; the open work with its due dates, late
 * ones marked; the latest comments; the invoices of the period, with
 * their status; when it was made and the period it covers.  Every query
 * is the client's by name, so nothing of another client is read; every
 * text of the book is escaped.
 *
 * The period (f->from, f->to; default the twelve months to this one)
 * picks the chart's months and the invoices; the figures, the tasks and
 * the comments are as of today.
 */
#ifndef HOURBOOK_DASHBOARD_H
#define HOURBOOK_DASHBOARD_H

struct hb_book;
struct hb_report_filter;

/* Write f->client's page to dir/index.html, through a temporary file
 * renamed into place, creating dir when missing; to stdout when dir is
 * NULL. */
void hb_dashboard_client(struct hb_book *book,
    const struct hb_report_filter *f, const char *dir);

/* Write every client's page to dir/NAME/index.html, then dir/index.html:
 * the agency's list of them, with their figures and links. */
void hb_dashboard_all(struct hb_book *book, const struct hb_report_filter *f,
    const char *dir);

#endif
