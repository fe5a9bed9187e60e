/* Unit tests for the dashboard's HTML text and its SVG bar chart:
 * escaping, cutting at a character, the axis's steps, and a chart that is
 * well-formed XML (parsed by expat) with its bars where the figures put
 * them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <expat.h>

#include "hourbook/html.h"

/* What f wrote, as a string the caller frees. */
static char *
written(void (*f)(FILE *, const void *), const void *arg)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	f(out, arg);
	assert_int_equal(fclose(out), 0);
	return buf;
}

static void
put_text(FILE *out, const void *arg)
{
	hb_html_text(out, arg);
}

static void
test_escape(void **state)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "plain", "plain" },
		{ "", "" },
		{ "<script>alert(1)</script>",
		  "&lt;script&gt;alert(1)&lt;/script&gt;" },
		{ "a & b", "a &amp; b" },
		{ "&amp;", "&amp;amp;" },
		{ "\"quoted\" and 'single'",
		  "&quot;quoted&quot; and &#39;single&#39;" },
		{ "line\nbreak\ttab", "line\nbreak\ttab" },
		{ "bell\a", "bell&#xFFFD;" },
		{ "del\x7f", "del&#xFFFD;" },
		{ "Conteúdo – ñ", "Conteúdo – ñ" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = written(put_text, cases[i].in);

		assert_string_equal(got, cases[i].want);
		free(got);
	}
}

struct cut {
	const char *s;
	size_t max;
};

static void
put_cut(FILE *out, const void *arg)
{
	const struct cut *c = arg;

	hb_html_text_cut(out, c->s, c->max);
}

static void
test_cut(void **state)
{
	static const struct { struct cut in; const char *want; } cases[] = {
		{ { "short", 10 }, "short" },
		{ { "exactly", 7 }, "exactly" },
		{ { "longer text", 6 }, "longer\xe2\x80\xa6" },
		/* "é" is two bytes: a cut inside it goes back before it. */
		{ { "caf\xc3\xa9s", 4 }, "caf\xe2\x80\xa6" },
		{ { "caf\xc3\xa9s", 5 }, "caf\xc3\xa9\xe2\x80\xa6" },
		{ { "<<<<", 2 }, "&lt;&lt;\xe2\x80\xa6" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = written(put_cut, &cases[i].in);

		assert_string_equal(got, cases[i].want);
		free(got);
	}
}

static void
test_step(void **state)
{
	static const struct { int64_t top, want; } cases[] = {
		{ -5, 60 }, { 0, 60 }, { 1, 15 }, { 90, 15 }, { 91, 30 },
		{ 180, 30 }, { 181, 60 }, { 360, 60 }, { 361, 120 },
		{ 720, 120 }, { 721, 300 }, { 1800, 300 }, { 1801, 600 },
		{ 3600, 600 }, { 3601, 1200 }, { 60 * 1000, 12000 },
		{ INT64_MAX, 0 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t step = hb_chart_step(cases[i].top);

		if (cases[i].want != 0)
			assert_int_equal(step, cases[i].want);
		assert_true(step > 0);
		/* Between 2 and 6 steps reach the top (for a top of
		 * more than 2 steps' smallest). */
		if (cases[i].top > 0 && cases[i].top < INT64_MAX / 2)
			assert_true((cases[i].top + step - 1) / step <= 6);
	}
}

/* ---- the chart, parsed as XML ------------------------------------------ */

struct seen {
	int depth, max_depth;
	int svg, title, desc, bars, labels, limit_lines;
	double bar_y[64], bar_h[64];
	char text[4096];
	size_t len;
	bool in_title;
	char title_text[256];
};

static const char *
attr(const char **atts, const char *name)
{
	for (size_t i = 0; atts[i] != NULL; i += 2)
		if (strcmp(atts[i], name) == 0)
			return atts[i + 1];
	return NULL;
}

static void XMLCALL
on_start(void *ctx, const char *name, const char **atts)
{
	struct seen *s = ctx;
	const char *class = attr(atts, "class");

	s->depth++;
	if (strcmp(name, "svg") == 0) {
		s->svg++;
		assert_string_equal(attr(atts, "role"), "img");
		assert_string_equal(attr(atts, "id"), "chart-7");
	}
	if (strcmp(name, "title") == 0 && s->depth == 2) {
		s->title++;
		s->in_title = true;
	}
	if (strcmp(name, "desc") == 0 && s->depth == 2)
		s->desc++;
	if (strcmp(name, "rect") == 0 && class != NULL &&
	    strcmp(class, "bar") == 0) {
		assert_true(s->bars < 64);
		s->bar_y[s->bars] = strtod(attr(atts, "y"), NULL);
		s->bar_h[s->bars] = strtod(attr(atts, "height"), NULL);
		s->bars++;
	}
	if (strcmp(name, "text") == 0 && class != NULL &&
	    strcmp(class, "x") == 0)
		s->labels++;
	if (strcmp(name, "line") == 0 && class != NULL &&
	    strcmp(class, "limit") == 0)
		s->limit_lines++;
}

static void XMLCALL
on_end(void *ctx, const char *name)
{
	struct seen *s = ctx;

	(void)name;
	s->depth--;
	s->in_title = false;
}

static void XMLCALL
on_text(void *ctx, const char *t, int len)
{
	struct seen *s = ctx;

	if (s->len + (size_t)len < sizeof s->text) {
		memcpy(s->text + s->len, t, (size_t)len);
		s->len += (size_t)len;
		s->text[s->len] = '\0';
	}
	if (s->in_title && strlen(s->title_text) + (size_t)len <
	    sizeof s->title_text)
		strncat(s->title_text, t, (size_t)len);
}

static void
put_chart(FILE *out, const void *arg)
{
	hb_chart_bars(out, arg);
}

static void
parse(const char *svg, struct seen *s)
{
	XML_Parser p = XML_ParserCreate("UTF-8");

	memset(s, 0, sizeof *s);
	XML_SetUserData(p, s);
	XML_SetElementHandler(p, on_start, on_end);
	XML_SetCharacterDataHandler(p, on_text);
	if (XML_Parse(p, svg, (int)strlen(svg), 1) != XML_STATUS_OK)
		fail_msg("not well-formed XML at line %lu: %s\n%s",
		    (unsigned long)XML_GetCurrentLineNumber(p),
		    XML_ErrorString(XML_GetErrorCode(p)), svg);
	XML_ParserFree(p);
}

static void
test_chart(void **state)
{
	/* 0, 5, 10 and 20 hours against a line at 25 hours: the axis
	 * steps 5 hours (25 h reach in 5 steps), so the top is 25 h and
	 * the bars are 0, 1/5, 2/5 and 4/5 of the plot's height. */
	static const int64_t bars[] = { 0, 300, 600, 1200 };
	static const char *const labels[] = { "Sep", "Oct", "Nov", "Dec" };
	static const char *const subs[] = { "2026", NULL, NULL, NULL };
	static const char *const tips[] = { "a", "b", "c", "d<e" };
	const double plot_h = HB_CHART_HEIGHT - HB_CHART_TOP - HB_CHART_BOTTOM;
	const double base = HB_CHART_TOP + plot_h;
	struct hb_chart c = { "chart-7", "Hours <used> & more",
		"Bars: \"months\"", 4, labels, subs, tips, bars, true, 1500,
		"Loaded 25:00" };
	struct seen s;
	char *svg;

	(void)state;
	svg = written(put_chart, &c);
	parse(svg, &s);
	assert_int_equal(s.svg, 1);
	assert_int_equal(s.title, 1);
	assert_int_equal(s.desc, 1);
	assert_string_equal(s.title_text, "Hours <used> & more");
	assert_int_equal(s.bars, 4);
	assert_int_equal(s.labels, 4);
	assert_int_equal(s.limit_lines, 1);
	for (int i = 0; i < 4; i++) {
		double want = plot_h * (double)bars[i] / 1500.0;

		assert_true(s.bar_h[i] > want - 0.06 && s.bar_h[i] < want + 0.06);
		assert_true(s.bar_y[i] + s.bar_h[i] > base - 0.06 &&
		    s.bar_y[i] + s.bar_h[i] < base + 0.06);
	}
	assert_non_null(strstr(s.text, "25 h"));
	assert_non_null(strstr(s.text, "Loaded 25:00"));
	assert_non_null(strstr(s.text, "d<e"));
	assert_null(strstr(svg, "<used>"));
	free(svg);
}

static void
test_chart_edges(void **state)
{
	/* No bars; negative and zero figures; many months (labels thin
	 * out, never overlapping); no line. */
	static int64_t many[36];
	static const int64_t negative[] = { -90, 0 };
	struct hb_chart none = { "chart-7", "t", "d", 0, NULL, NULL, NULL,
		NULL, false, 0, NULL };
	struct hb_chart neg = { "chart-7", "t", "d", 2, NULL, NULL, NULL,
		negative, false, 0, NULL };
	const char *labels[36];
	struct hb_chart lots = { "chart-7", "t", "d", 36, labels, NULL, NULL,
		many, true, 60, "x" };
	struct seen s;
	char *svg;

	(void)state;
	svg = written(put_chart, &none);
	parse(svg, &s);
	assert_int_equal(s.bars, 0);
	free(svg);

	svg = written(put_chart, &neg);
	parse(svg, &s);
	assert_int_equal(s.bars, 2);
	assert_true(s.bar_h[0] == 0 && s.bar_h[1] == 0);
	free(svg);

	for (int i = 0; i < 36; i++) {
		many[i] = i * 60;
		labels[i] = "Mon";
	}
	svg = written(put_chart, &lots);
	parse(svg, &s);
	assert_int_equal(s.bars, 36);
	/* 572 px for 36 bars: a label every third bar at least 40 px
	 * apart, and the last. */
	assert_true(s.labels >= 10 && s.labels <= 14);
	free(svg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_cut),
		cmocka_unit_test(test_step),
		cmocka_unit_test(test_chart),
		cmocka_unit_test(test_chart_edges),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
