/* Unit tests for text tables: widths in terminal columns, cutting with an
 * ellipsis, and how a table gives way to a narrow terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "hourbook/table.h"

static void
test_text_width(void **state)
{
	static const struct { const char *s; size_t want; } cases[] = {
		{ "", 0 }, { "abc", 3 }, { "caf\xc3\xa9", 4 },
		{ "cafe\xcc\x81", 4 },			/* e + combining acute */
		{ "\xe6\x97\xa5\xe6\x9c\xac", 4 },	/* two CJK characters */
		{ "\xe2\x80\xa6", 1 },			/* the ellipsis */
		{ "\xf0\x9f\x98\x80", 2 },		/* an emoji */
		{ "a\xffz", 3 },			/* a stray byte: one */
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(hb_text_width(cases[i].s), cases[i].want);
}

static void
test_text_cut(void **state)
{
	static const struct { const char *s; size_t width; const char *want; }
	    cases[] = {
		{ "hello", 10, "hello" },
		{ "hello", 5, "hello" },
		{ "hello", 4, "hel\xe2\x80\xa6" },
		{ "hello", 1, "\xe2\x80\xa6" },
		{ "hello", 0, "" },
		{ "caf\xc3\xa9 au lait", 5, "caf\xc3\xa9\xe2\x80\xa6" },
		/* A wide character that would not fit is left out whole. */
		{ "a\xe6\x97\xa5\xe6\x9c\xac", 3, "a\xe2\x80\xa6" },
		{ "ab\xe6\x97\xa5\xe6\x9c\xac", 4, "ab\xe2\x80\xa6" },
		/* A combining mark stays with its letter. */
		{ "cafe\xcc\x81s!", 5, "cafe\xcc\x81\xe2\x80\xa6" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = hb_text_cut(cases[i].s, cases[i].width);

		if (strcmp(got, cases[i].want) != 0)
			fail_msg("case %zu: \"%s\"", i, got);
		assert_true(hb_text_width(got) <= cases[i].width);
		free(got);
	}
}

static char *
printed(size_t width, bool heading)
{
	struct hb_table *t = hb_table_new();
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);

	hb_table_column(t, "Task", true, false, HB_TABLE_KEY);
	hb_table_column(t, "Title", false, true, HB_TABLE_NORMAL);
	hb_table_column(t, "Hours", true, false, HB_TABLE_NORMAL);
	hb_table_column(t, "Created", false, false, HB_TABLE_DETAIL);
	hb_table_cell(t, "7");
	hb_table_cell(t, "Redesign the home page of the site");
	hb_table_cell(t, "10:00");
	hb_table_cell(t, "2026-11-23 15:05");
	hb_table_end_row(t);
	hb_table_cell(t, "12");
	hb_table_cell(t, "Two\nlines\tand a\x1b[31m bell");
	hb_table_end_row(t);
	hb_table_line(t, "a line of its own, longer than some widths");
	hb_table_print(t, fp, heading, width, false);
	hb_table_free(t);
	fclose(fp);
	return buf;
}

static void
test_layout(void **state)
{
	static const struct { size_t width; const char *want; } cases[] = {
		{ 0,
		  "Task  Title                               Hours  Created\n"
		  "   7  Redesign the home page of the site  10:00  2026-11-23 15:05\n"
		  "  12  Two\xe2\x86\xb5lines and a?[31m bell\n"
		  "a line of its own, longer than some widths\n" },
		/* The widest text gives way as far as it must... */
		{ 60,
		  "Task  Title                          Hours  Created\n"
		  "   7  Redesign the home page of th\xe2\x80\xa6  10:00  2026-11-23 15:05\n"
		  "  12  Two\xe2\x86\xb5lines and a?[31m bell\n"
		  "a line of its own, longer than some widths\n" },
		/* ...until it would be cut below 20: then the detail goes, and
		 * the text has its room back. */
		{ 50,
		  "Task  Title                               Hours\n"
		  "   7  Redesign the home page of the site  10:00\n"
		  "  12  Two\xe2\x86\xb5lines and a?[31m bell\n"
		  "a line of its own, longer than some widths\n"
		  "(left out to fit the width: Created)\n" },
		{ 30,
		  "Task  Title              Hours\n"
		  "   7  Redesign the hom\xe2\x80\xa6  10:00\n"
		  "  12  Two\xe2\x86\xb5lines and a?\xe2\x80\xa6\n"
		  "a line of its own, longer tha\xe2\x80\xa6\n"
		  "(left out to fit the width: C\xe2\x80\xa6\n" },
		{ 20,
		  "Task  Title    Hours\n"
		  "   7  Redesi\xe2\x80\xa6  10:00\n"
		  "  12  Two\xe2\x86\xb5li\xe2\x80\xa6\n"
		  "a line of its own, \xe2\x80\xa6\n"
		  "(left out to fit th\xe2\x80\xa6\n" },
		/* Below 6 columns of text, the rightmost of the others goes. */
		{ 12,
		  "Task  Title\n"
		  "   7  Redes\xe2\x80\xa6\n"
		  "  12  Two\xe2\x86\xb5l\xe2\x80\xa6\n"
		  "a line of i\xe2\x80\xa6\n"
		  "(left out t\xe2\x80\xa6\n" },
		/* The key column alone, cut. */
		{ 3,
		  "Ta\xe2\x80\xa6\n"
		  "  7\n"
		  " 12\n"
		  "a \xe2\x80\xa6\n"
		  "(l\xe2\x80\xa6\n" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = printed(cases[i].width, true);

		if (strcmp(got, cases[i].want) != 0)
			fail_msg("width %zu:\n%s", cases[i].width, got);
		free(got);
	}
}

static void
test_no_heading(void **state)
{
	/* Without the heading the columns are as wide as their values. */
	char *got = printed(0, false);

	(void)state;
	assert_string_equal(got,
	    " 7  Redesign the home page of the site  10:00  2026-11-23 15:05\n"
	    "12  Two\xe2\x86\xb5lines and a?[31m bell\n"
	    "a line of its own, longer than some widths\n");
	free(got);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_width),
		cmocka_unit_test(test_text_cut),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_no_heading),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
