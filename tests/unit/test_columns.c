/* Unit tests for the column dictionary: headings in words, kinds, and
 * every header the library prints is in it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "hourbook/billing.h"
#include "hourbook/check.h"
#include "hourbook/columns.h"
#include "hourbook/money_ledger.h"
#include "hourbook/package.h"
#include "hourbook/setup.h"
#include "hourbook/task.h"

static void
test_headings(void **state)
{
	static const struct { const char *name, *want; } cases[] = {
		{ "estimate_minutes", "Estimate" },
		{ "display_name", "Display name" },
		{ "loaded_minutes", "Loaded" },
		{ "minutes", "Hours" },
		{ "bonus_minutes", "Bonus hours" },
		{ "email", "E-mail" },
		{ "lang", "Language" },
		{ "sla", "SLA" },
		{ "penalty_daily", "Penalty per day" },
		{ "reply_to", "Reply to" },
		{ "task", "Task" },
		{ "next_possible", "Next possible" },
		{ "some_new_column", "Some new column" },
		{ "x", "X" },
	};
	char buf[64];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_string_equal(hb_column_heading(cases[i].name, buf,
		    sizeof buf), cases[i].want);
	/* A short buffer cuts, never overruns. */
	assert_string_equal(hb_column_heading("display_name", buf, 5), "Disp");
}

static void
test_kinds(void **state)
{
	static const struct {
		const char *name;
		enum hb_column_kind kind;
		bool known;
	} cases[] = {
		{ "task", HB_COLUMN_INT, true },
		{ "package", HB_COLUMN_ID, true },
		{ "key", HB_COLUMN_ID, true },
		{ "minutes", HB_COLUMN_MINUTES, true },
		{ "anything_minutes", HB_COLUMN_MINUTES, true },
		{ "fee", HB_COLUMN_MONEY, true },
		{ "unit_price", HB_COLUMN_MONEY, true },
		{ "discount", HB_COLUMN_PERCENT, true },
		{ "due", HB_COLUMN_DATE, true },
		{ "created", HB_COLUMN_TIMESTAMP, true },
		{ "title", HB_COLUMN_TEXT, true },
		{ "never_heard_of", HB_COLUMN_TEXT, false },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bool known;

		assert_int_equal(hb_column_kind(cases[i].name, &known),
		    cases[i].kind);
		assert_int_equal(known, cases[i].known);
	}
	assert_true(hb_column_numeric(HB_COLUMN_MONEY));
	assert_false(hb_column_numeric(HB_COLUMN_ID));
	assert_false(hb_column_numeric(HB_COLUMN_TEXT));
	assert_true(hb_column_detail("created"));
	assert_false(hb_column_detail("title"));
}

static void
test_every_header_known(void **state)
{
	/* A column the dictionary does not know would be typed by the call
	 * that wrote it, and so differ between a command's first run and
	 * its --key repeat (printed from CSV text). */
	const char *const *headers[] = {
		hb_entry_columns, hb_task_columns, hb_event_columns,
		hb_comment_columns, hb_client_columns, hb_person_columns,
		hb_project_columns, hb_status_columns, hb_withdrawal_columns,
		hb_earning_columns, hb_invoice_columns, hb_finding_columns,
		hb_package_columns, hb_balance_columns,
	};

	(void)state;
	for (size_t h = 0; h < sizeof headers / sizeof headers[0]; h++)
		for (size_t i = 0; headers[h][i] != NULL; i++) {
			bool known;

			hb_column_kind(headers[h][i], &known);
			if (!known)
				fail_msg("%s is not in the column dictionary",
				    headers[h][i]);
		}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_headings),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_every_header_known),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
