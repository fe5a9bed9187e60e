/* Unit tests for the command-line conventions: one option table drives
 * getopt_long, the common options land in hb_opts, the actor is found. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <getopt.h>
#include <cmocka.h>

#include "hourbook/cli.h"

static const struct hb_option options[] = {
	{ "email", HB_OPT_FIRST, "E", "an address", 0, NULL },
	{ "flag", HB_OPT_FIRST + 1, NULL, "a flag", 0, NULL },
	{ "message", 'm', "TEXT", "a short option", 0, NULL },
	{ NULL, 0, NULL, NULL, 0, NULL }
};
static const char *const synopsis[] = { "[--email E] NAME", NULL };
static const struct hb_command command = {
	"cli-test", synopsis, "Testing.", options, HB_CLI_CSV, NULL
};

struct seen {
	char log[256];
};

static void
on_option(void *ctx, int key, const char *arg)
{
	struct seen *s = ctx;
	size_t n = strlen(s->log);

	snprintf(s->log + n, sizeof s->log - n, "%d=%s;", key, arg ? arg : "-");
}

static int
parse(struct seen *s, int argc, char **argv)
{
	memset(&hb_opts, 0, sizeof hb_opts);
	memset(s, 0, sizeof *s);
	optind = 1;
	return hb_cli_parse(&command, argc, argv, on_option, s);
}

static void
test_parse(void **state)
{
	static const struct {
		const char *argv[12]; int first_operand; const char *log;
	} cases[] = {
		{ { "x", "--email", "a@b", "name" }, 3, "1000=a@b;" },
		{ { "x", "--flag", "-m", "hi", "n" }, 4, "1001=-;109=hi;" },
		{ { "x", "n" }, 1, "" },
		{ { "x", "--", "--email" }, 2, "" },
	};
	struct seen s;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int argc = 0;

		while (cases[i].argv[argc] != NULL)
			argc++;
		assert_int_equal(parse(&s, argc, (char **)cases[i].argv),
		    cases[i].first_operand);
		assert_string_equal(s.log, cases[i].log);
	}
}

static void
test_common(void **state)
{
	const char *argv[] = { "x", "-d", "b.db", "--as", "ana", "-q", "-o",
	    "out.csv", "--no-header", "--csv", "-", "--allow-network-fs", NULL };
	struct seen s;

	(void)state;
	assert_int_equal(parse(&s, 12, (char **)argv), 12);
	assert_string_equal(hb_opts.db, "b.db");
	assert_string_equal(hb_opts.actor, "ana");
	assert_true(hb_opts.quiet);
	assert_string_equal(hb_opts.output, "out.csv");
	assert_true(hb_opts.no_header);
	assert_string_equal(hb_opts.csv, "-");
	assert_true(hb_opts.allow_network_fs);
	assert_string_equal(s.log, "");
}

static void
test_actor(void **state)
{
	(void)state;
	memset(&hb_opts, 0, sizeof hb_opts);
	setenv("HOURBOOK_USER", "env-user", 1);
	assert_string_equal(hb_actor(), "env-user");
	hb_opts.actor = "flag-user";
	assert_string_equal(hb_actor(), "flag-user");
	hb_opts.actor = NULL;
	unsetenv("HOURBOOK_USER");
	assert_non_null(hb_actor());
	assert_true(strlen(hb_actor()) > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_common),
		cmocka_unit_test(test_actor),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
