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

/* The options spec's operand lines: the words of the first usage line
 * that are neither options nor their arguments. */
static void
test_spec_operands(void **state)
{
	static const char *const colors[] = { "red", "blue", NULL };
	static const struct hb_option spec_options[] = {
		{ "status", HB_OPT_FIRST, "STATE", "a state", HB_ARG_CHOICE, colors },
		{ "flag", HB_OPT_FIRST + 1, NULL, "a flag", 0, NULL },
		{ "format", 'f', "FORMAT", "a format", HB_ARG_CHOICE, colors },
		{ NULL, 0, NULL, NULL, 0, NULL }
	};
	static const struct {
		const char *usage;
		unsigned flags;
		const char *const *choices;
		const char *want;
	} cases[] = {
		{ "[--status STATE] TASK DURATION", 0, NULL,
		  "operand\t1\tTASK\tnumber\ttask\t\n"
		  "operand\t2\tDURATION\tduration\t\t\n" },
		{ "[--flag | --status STATE] TASK ...", 0, NULL,
		  "operand\t*\tTASK\tnumber\ttask\t\n" },
		{ "--status STATE [--flag] HANDLE...", 0, NULL,
		  "operand\t*\tHANDLE\tname\tperson\t\n" },
		{ "KIND [-f red|blue] [-o FILE]", 0, colors,
		  "operand\t1\tKIND\tchoice\t\tred,blue\n" },
		{ "[--flag | KEY [VALUE]]", 0, NULL,
		  "operand\t1\tKEY\ttext\t\t\noperand\t2\tVALUE\ttext\t\t\n" },
		{ "(--flag | --status=STATE) [--status STATE]... FROM TO", 0, NULL,
		  "operand\t1\tFROM\tfile\t\t\noperand\t2\tTO\tfile\t\t\n" },
		{ "[--status STATE] HANDLE", HB_CLI_CREATES, NULL,
		  "operand\t1\tHANDLE\tname\t\t\n" },
		{ "[--flag]", 0, NULL, "" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *const synopsis_lines[] = { cases[i].usage, NULL };
		const struct hb_command cmd = { "spec-test", synopsis_lines,
		    "Testing.", spec_options, cases[i].flags, NULL };
		char *text = NULL;
		size_t size = 0;
		FILE *fp = open_memstream(&text, &size);
		const char *operands;

		assert_non_null(fp);
		hb_cli_operand_choices(cases[i].choices);
		hb_cli_print_spec(&cmd, fp);
		fclose(fp);
		operands = strstr(text, "operand\t");
		assert_string_equal(operands ? operands : "", cases[i].want);
		free(text);
	}
	hb_cli_operand_choices(NULL);
}

/* The options spec's option lines: every option, its type, the names of
 * the book its argument is, its choices. */
static void
test_spec_options(void **state)
{
	static const char *const colors[] = { "red", "blue", NULL };
	static const struct hb_option spec_options[] = {
		{ "status", HB_OPT_FIRST, "STATE", "a state", HB_ARG_CHOICES, colors },
		{ "client", HB_OPT_FIRST + 1, "C", "a client", HB_ARG_NAME, NULL },
		{ "history", HB_OPT_FIRST + 2, "TASK", "a task", HB_ARG_NUMBER, NULL },
		{ "note", 'n', "TEXT", "a note\twith a tab", HB_ARG_MULTILINE, NULL },
		{ "flag", HB_OPT_FIRST + 3, NULL, "a flag", 0, NULL },
		{ NULL, 0, NULL, NULL, 0, NULL }
	};
	static const char *const synopsis_lines[] = { "[--flag]", NULL };
	const struct hb_command cmd = { "spec-test", synopsis_lines,
	    "Testing.", spec_options, HB_CLI_NO_DB, NULL };
	char *text = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&text, &size);

	(void)state;
	assert_non_null(fp);
	hb_cli_print_spec(&cmd, fp);
	fclose(fp);
	/* Without a book: no -d/--db, --as. */
	assert_string_equal(text,
	    "command\tspec-test\tTesting.\n"
	    "option\tstatus\t\tSTATE\tchoices\t\tred,blue\ta state\n"
	    "option\tclient\t\tC\tname\tclient\t\ta client\n"
	    "option\thistory\t\tTASK\tnumber\ttask\t\ta task\n"
	    "option\tnote\tn\tTEXT\tmultiline\t\t\ta note with a tab\n"
	    "option\tflag\t\t\tflag\t\t\ta flag\n"
	    "option\tquiet\tq\t\tflag\t\t\tprint no notes on stderr\n"
	    "option\tformat\tf\tFORMAT\tchoice\t\tcsv,table,jsonl\tprint the rows as csv (the default), table (aligned, for people) or jsonl (JSON Lines)\n"
	    "option\toutput\to\tFILE\tfile\t\t\twrite the output to FILE (atomically) instead of stdout\n"
	    "option\tno-header\t\t\tflag\t\t\tleave out the CSV header row\n"
	    "option\thelp\th\t\tflag\t\t\tprint this help and exit\n"
	    "option\tversion\t\t\tflag\t\t\tprint the version and exit\n");
	free(text);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_common),
		cmocka_unit_test(test_actor),
		cmocka_unit_test(test_spec_operands),
		cmocka_unit_test(test_spec_options),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
