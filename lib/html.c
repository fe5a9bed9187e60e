/*
 * html: escaping, and the dashboard's bar chart in SVG (html.h).
 */
#include <inttypes.h>
#include <string.h>

#include "hourbook/duration.h"
#include "hourbook/html.h"

static void
escape(FILE *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		case '\t': case '\n': case '\r': putc(c, out); break;
		default:
			if (c < 0x20 || c == 0x7f)
				fputs("&#xFFFD;", out);
			else
				putc(c, out);
		}
	}
}

void
hb_html_text(FILE *out, const char *s)
{
	if (s != NULL)
		escape(out, s, strlen(s));
}

void
hb_html_text_cut(FILE *out, const char *s, size_t max)
{
	size_t len;

	if (s == NULL)
		return;
	if ((len = strlen(s)) <= max) {
		escape(out, s, len);
		return;
	}
	/* Back to the first byte of a UTF-8 sequence. */
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	escape(out, s, max);
	fputs("\xe2\x80\xa6", out);
}

/* ---- the bar chart ------------------------------------------------------ */

int64_t
hb_chart_step(int64_t top)
{
	static const int64_t below_hour[] = { 15, 30 };
	int64_t power = 60;

	if (top <= 0)
		return 60;
	for (size_t i = 0; i < 2; i++)
		if (top <= below_hour[i] * 6)
			return below_hour[i];
	/* 1, 2, 5 hours times 10^k: the first that needs at most 6 steps. */
	for (;;) {
		static const int64_t mult[] = { 1, 2, 5 };

		/* top <= 6 steps, without overflow near INT64_MAX. */
		for (size_t i = 0; i < 3; i++)
			if (top / 6 + (top % 6 != 0) <= mult[i] * power)
				return mult[i] * power;
		if (power > INT64_MAX / 100)
			return power;
		power *= 10;
	}
}

static void
axis_label(FILE *out, int64_t minutes)
{
	char buf[HB_DURATION_BUFSZ];

	if (minutes % 60 == 0)
		fprintf(out, "%" PRId64 " h", minutes / 60);
	else
		fputs(hb_duration_format(minutes, buf), out);
}

void
hb_chart_bars(FILE *out, const struct hb_chart *c)
{
	const double plot_w = HB_CHART_WIDTH - HB_CHART_LEFT - HB_CHART_RIGHT;
	const double plot_h = HB_CHART_HEIGHT - HB_CHART_TOP - HB_CHART_BOTTOM;
	const double base = HB_CHART_TOP + plot_h;
	int64_t top = 0, step;
	double slot, bar_w;
	size_t every = 1;

	for (size_t i = 0; i < c->n; i++)
		if (c->minutes[i] > top)
			top = c->minutes[i];
	if (c->has_line && c->line > top)
		top = c->line;
	step = hb_chart_step(top);
	top = top <= 0 ? step : (top + step - 1) / step * step;
	slot = c->n > 0 ? plot_w / (double)c->n : plot_w;
	bar_w = slot * 0.6 > 48 ? 48 : slot * 0.6;
	/* Labels about 40 px apart at least. */
	while (slot * (double)every < 40)
		every++;

	/* The first <title> and <desc> children are the chart's accessible
	 * name and description (SVG-AAM); role="img" makes it one image. */
	fputs("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" id=\"",
	    out);
	hb_html_text(out, c->id);
	fprintf(out, "\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
	    "role=\"img\">\n<title>", HB_CHART_WIDTH, HB_CHART_HEIGHT,
	    HB_CHART_WIDTH, HB_CHART_HEIGHT);
	hb_html_text(out, c->title);
	fputs("</title>\n<desc>", out);
	hb_html_text(out, c->desc);
	fputs("</desc>\n", out);

	/* The y axis: a grid line and a label per step. */
	for (int64_t v = 0; v <= top; v += step) {
		double y = base - plot_h * (double)v / (double)top;

		fprintf(out, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" "
		    "x2=\"%d\" y2=\"%.1f\"/>", HB_CHART_LEFT, y,
		    HB_CHART_WIDTH - HB_CHART_RIGHT, y);
		fprintf(out, "<text class=\"y\" x=\"%d\" y=\"%.1f\">",
		    HB_CHART_LEFT - 6, y + 4);
		axis_label(out, v);
		fputs("</text>\n", out);
	}
	fprintf(out, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" "
	    "y2=\"%.1f\"/>\n", HB_CHART_LEFT, HB_CHART_TOP, HB_CHART_LEFT,
	    base);

	for (size_t i = 0; i < c->n; i++) {
		int64_t m = c->minutes[i] > 0 ? c->minutes[i] : 0;
		double h = plot_h * (double)m / (double)top;
		double x = HB_CHART_LEFT + slot * (double)i + (slot - bar_w) / 2;
		double mid = HB_CHART_LEFT + slot * ((double)i + 0.5);

		fprintf(out, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" "
		    "width=\"%.1f\" height=\"%.1f\">", x, base - h, bar_w, h);
		if (c->tips != NULL && c->tips[i] != NULL) {
			fputs("<title>", out);
			hb_html_text(out, c->tips[i]);
			fputs("</title>", out);
		}
		fputs("</rect>\n", out);
		if (c->labels != NULL && c->labels[i] != NULL &&
		    i % every == 0) {
			fprintf(out, "<text class=\"x\" x=\"%.1f\" y=\"%.1f\">",
			    mid, base + 15);
			hb_html_text(out, c->labels[i]);
			fputs("</text>", out);
		}
		if (c->sublabels != NULL && c->sublabels[i] != NULL) {
			fprintf(out, "<text class=\"x sub\" x=\"%.1f\" "
			    "y=\"%.1f\">", mid, base + 30);
			hb_html_text(out, c->sublabels[i]);
			fputs("</text>", out);
		}
		putc('\n', out);
	}
	fprintf(out, "<line class=\"axis\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" "
	    "y2=\"%.1f\"/>\n", HB_CHART_LEFT, base,
	    HB_CHART_WIDTH - HB_CHART_RIGHT, base);
	if (c->has_line && c->line > 0) {
		double y = base - plot_h * (double)c->line / (double)top;

		fprintf(out, "<line class=\"limit\" x1=\"%d\" y1=\"%.1f\" "
		    "x2=\"%d\" y2=\"%.1f\"/>", HB_CHART_LEFT, y,
		    HB_CHART_WIDTH - HB_CHART_RIGHT, y);
		fprintf(out, "<text class=\"limit\" x=\"%d\" y=\"%.1f\">",
		    HB_CHART_WIDTH - HB_CHART_RIGHT - 4, y - 5);
		hb_html_text(out, c->line_label);
		fputs("</text>\n", out);
	}
	fputs("</svg>\n", out);
}
