/* Unit tests for the settings table: defaults and canonical values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "hourbook/config.h"

static void
test_defaults_are_canonical(void **state)
{
	(void)state;
	/* Every default passes its own validation unchanged. */
	for (size_t i = 0; i < hb_nsettings; i++) {
		const char *why = NULL;
		char *v = hb_setting_canonical(&hb_settings[i],
		    hb_settings[i].fallback, &why);

		if (v == NULL)
			fail_msg("%s: %s", hb_settings[i].key, why);
		assert_string_equal(v, hb_settings[i].fallback);
		free(v);
	}
}

static void
test_spec_defaults(void **state)
{
	static const struct { const char *key, *want; } cases[] = {
		{ "currency", "EUR" }, { "withdraw.minimum", "100.00" },
		{ "withdraw.per_month", "2" }, { "withdraw.payout_days", "5" },
		{ "task.urgent_factor", "3" }, { "task.minor_minutes", "30" },
		{ "sla.intake_days", "5" }, { "sla.reply_hours", "2" },
		{ "sla.client_info_days", "3" }, { "sla.revision_days", "2" },
		{ "support.hours", "Mon-Fri 09:00-13:00,14:00-18:00" },
		{ "package.low_percent", "10" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct hb_setting_def *d = hb_setting_find(cases[i].key);

		assert_non_null(d);
		assert_string_equal(d->fallback, cases[i].want);
	}
	assert_null(hb_setting_find("nope"));
}

static void
test_canonical(void **state)
{
	static const struct { const char *key, *in, *want; } cases[] = {
		{ "withdraw.minimum", "150", "150.00" },
		{ "withdraw.minimum", "99.9", "99.90" },
		{ "withdraw.minimum", "-1", NULL },
		{ "task.minor_minutes", "1h", "60" },
		{ "task.minor_minutes", "1.5h", "90" },
		{ "task.urgent_factor", "0", NULL },
		{ "task.urgent_factor", "2", "2" },
		{ "task.urgent_factor", "x", NULL },
		{ "withdraw.payout_days", "0", "0" },
		{ "package.low_percent", "12.5%", "12.5" },
		{ "package.low_percent", "101", NULL },
		{ "currency", "BRL", "BRL" }, { "currency", "brl", NULL },
		{ "currency", "EURO", NULL },
		{ "support.hours", "Mon-Fri 08:00-16:00", "Mon-Fri 08:00-16:00" },
		{ "support.hours", "always", NULL },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *why = NULL;
		char *v = hb_setting_canonical(hb_setting_find(cases[i].key),
		    cases[i].in, &why);

		if (cases[i].want == NULL) {
			if (v != NULL)
				fail_msg("%s=%s accepted", cases[i].key, cases[i].in);
			assert_non_null(why);
		} else {
			if (v == NULL)
				fail_msg("%s=%s: %s", cases[i].key, cases[i].in, why);
			assert_string_equal(v, cases[i].want);
		}
		free(v);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults_are_canonical),
		cmocka_unit_test(test_spec_defaults),
		cmocka_unit_test(test_canonical),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
