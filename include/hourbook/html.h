/*
 * html: writing HTML and SVG text for the client's dashboard
 * (dashboard.h): escaping the book's text, and the bar chart, drawn here
 * from the figures so that the page needs no script, no plotting library
 * and nothing from the network.
 *
 * Every text from the book goes through hb_html_text(): &, <, >, " and '
 * become references, so that a title holding "<script>" is read as
 * text, in an element or an attribute, in HTML or in SVG; control
 * characters, which the book's writers refuse but an old book may hold,
 * become U+FFFD.
 */
#ifndef HOURBOOK_HTML_H
#define HOURBOOK_HTML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Write s escaped for an element's text or an attribute's value. */
void hb_html_text(FILE *out, const char *s);
/* The same, of at most max bytes of s, cut at a character's start and
 * followed by an ellipsis when it was cut. */
void hb_html_text_cut(FILE *out, const char *s, size_t max);

/* A bar chart: one bar per slot, in minutes, shown in hours, and an
 * optional horizontal line (the package's hours) across it.  Every text
 * is escaped here.  id, the svg element's, must be unique within the
 * page; the title and the description are its first children, its
 * accessible name and description. */
struct hb_chart {
	const char *id;
	const char *title;	/* accessible name, shown above the chart */
	const char *desc;	/* accessible description */
	size_t n;		/* bars */
	const char *const *labels;	/* under each bar; NULL: none */
	const char *const *sublabels;	/* a second line (a year); NULL
					   entries: none */
	const char *const *tips;	/* each bar's tooltip; NULL: none */
	const int64_t *minutes;	/* each bar's height; below 0 is drawn 0 */
	bool has_line;
	int64_t line;		/* minutes */
	const char *line_label;
};

/* The chart's geometry, for the test that checks the drawing. */
#define HB_CHART_WIDTH 640
#define HB_CHART_HEIGHT 250
#define HB_CHART_LEFT 52	/* the y axis's labels */
#define HB_CHART_RIGHT 16
#define HB_CHART_TOP 18
#define HB_CHART_BOTTOM 40	/* the bars' labels */

/* Write c as an inline <svg> element. */
void hb_chart_bars(FILE *out, const struct hb_chart *c);

/* The y axis's step for bars reaching top minutes: 1, 2 or 5 times a
 * power of ten hours (or 15 or 30 minutes below an hour), so that the
 * axis has between 2 and 6 steps; 60 when top is 0 or less. */
int64_t hb_chart_step(int64_t top);

#endif
