/* Unit tests for diagnostics: the message shapes and the exit status. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "hourbook/diag.h"

#include "exit_trap.h"

/* Run fn with stderr in a file; return what it printed. */
static char *
captured(void (*fn)(void))
{
	static char text[1024];
	FILE *fp = tmpfile();
	int saved = dup(2);
	size_t n;

	fflush(stderr);
	dup2(fileno(fp), 2);
	exited = -1;
	if (setjmp(back) == 0)
		fn();
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(fp);
	n = fread(text, 1, sizeof text - 1, fp);
	text[n] = '\0';
	fclose(fp);
	return text;
}

static void die_plain(void) { hb_die(HB_EXIT_IO, "disk %s", "full"); }
static void fail_column(void) { hb_fail(HB_EXIT_DATA, "minutes", "\"%s\" is bad", "1h6o"); }
static void fail_no_column(void) { hb_fail(HB_EXIT_REFUSED, NULL, "task %d is done", 7); }
static void warn(void) { hb_warn("careful"); }
static void note(void) { hb_note("noted"); }

static void
test_shapes(void **state)
{
	static const struct {
		void (*fn)(void); const char *context; int status; const char *want;
	} cases[] = {
		{ die_plain, NULL, HB_EXIT_IO, "hours-log: disk full\n" },
		{ fail_column, "week.csv:12", HB_EXIT_DATA,
		  "hours-log: week.csv:12: minutes: \"1h6o\" is bad\n" },
		{ fail_no_column, NULL, HB_EXIT_REFUSED, "hours-log: task 7 is done\n" },
		{ warn, NULL, -1, "hours-log: warning: careful\n" },
		{ note, NULL, -1, "hours-log: noted\n" },
	};
	(void)state;
	hb_diag_init("/usr/bin/hours-log");
	hb_diag_set_exit(fake_exit);
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		hb_diag_set_context(cases[i].context);
		assert_string_equal(captured(cases[i].fn), cases[i].want);
		assert_int_equal(exited, cases[i].status);
	}
	/* The lazy FILE:LINE location, and quiet mode. */
	hb_diag_set_location("stdin", 3);
	assert_string_equal(captured(fail_column),
	    "hours-log: stdin:3: minutes: \"1h6o\" is bad\n");
	hb_diag_set_context(NULL);
	hb_diag_set_quiet(1);
	assert_string_equal(captured(note), "");
	assert_string_equal(captured(warn), "hours-log: warning: careful\n");
	hb_diag_set_quiet(0);
	assert_string_equal(hb_progname(), "hours-log");
}

static void
test_exit_codes(void **state)
{
	(void)state;
	/* SPEC §4: the numbers users' scripts rely on. */
	assert_int_equal(HB_EXIT_OK, 0);
	assert_int_equal(HB_EXIT_REFUSED, 1);
	assert_int_equal(HB_EXIT_UNPRINTED, 3);
	assert_int_equal(HB_EXIT_USAGE, 64);
	assert_int_equal(HB_EXIT_DATA, 65);
	assert_int_equal(HB_EXIT_NOINPUT, 66);
	assert_int_equal(HB_EXIT_SOFTWARE, 70);
	assert_int_equal(HB_EXIT_IO, 74);
	assert_int_equal(HB_EXIT_LOCKED, 75);
}

static void
test_allocation(void **state)
{
	char *s;

	(void)state;
	s = hb_xprintf("%s-%d", "a", 42);
	assert_string_equal(s, "a-42");
	free(s);
	s = hb_xstrdup("copy");
	assert_string_equal(s, "copy");
	free(s);
}

static void explain(void) { fprintf(stderr, "committed: entry 7\n"); }

/* After the commit every failure exits 3, and says what is in the book;
 * last, since nothing undoes the commit. */
static void
test_after_commit(void **state)
{
	(void)state;
	hb_diag_set_exit(fake_exit);
	hb_diag_set_context(NULL);
	assert_false(hb_diag_committed());
	hb_diag_set_committed(explain);
	assert_true(hb_diag_committed());
	assert_string_equal(captured(die_plain),
	    "hours-log: disk full\ncommitted: entry 7\n");
	assert_int_equal(exited, HB_EXIT_UNPRINTED);
	assert_string_equal(captured(fail_no_column),
	    "hours-log: task 7 is done\ncommitted: entry 7\n");
	assert_int_equal(exited, HB_EXIT_UNPRINTED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shapes),
		cmocka_unit_test(test_exit_codes),
		cmocka_unit_test(test_allocation),
		cmocka_unit_test(test_after_commit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
