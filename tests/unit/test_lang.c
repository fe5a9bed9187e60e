/* Unit tests for the client texts' language table: every key in every
 * language, none empty, none twice; lookups by code and key. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "hourbook/lang.h"
#include "hourbook/records.h"

static void
test_every_key_every_language(void **state)
{
	(void)state;
	assert_true(hb_lang_rows > 0);
	for (size_t i = 0; i < hb_lang_rows; i++) {
		assert_non_null(hb_lang_table[i].key);
		for (int l = 0; l < HB_NLANGS; l++)
			if (hb_lang_table[i].text[l] == NULL ||
			    hb_lang_table[i].text[l][0] == '\0')
				fail_msg("%s has no %s text",
				    hb_lang_table[i].key, hb_lang_codes[l]);
	}
}

static void
test_no_key_twice(void **state)
{
	(void)state;
	for (size_t i = 0; i < hb_lang_rows; i++)
		for (size_t j = i + 1; j < hb_lang_rows; j++)
			if (strcmp(hb_lang_table[i].key,
			    hb_lang_table[j].key) == 0)
				fail_msg("%s is in the table twice",
				    hb_lang_table[i].key);
}

static void
test_codes(void **state)
{
	static const struct { const char *code; int want; } cases[] = {
		{ "en", HB_LANG_EN }, { "it", HB_LANG_IT }, { "pt", HB_LANG_PT },
		{ "es", HB_LANG_ES }, { "EN", -1 }, { "fr", -1 }, { "", -1 },
		{ "e", -1 }, { "eng", -1 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(hb_lang_find(cases[i].code), cases[i].want);
	for (int l = 0; l < HB_NLANGS; l++)
		assert_int_equal(hb_lang_find(hb_lang_codes[l]), l);
	assert_null(hb_lang_codes[HB_NLANGS]);
}

/* Every task state, package state and plan the sheet shows has a text:
 * hb_lang_text ends the program on a key the table lacks. */
static void
test_states_and_plans(void **state)
{
	static const char *const package_states[] = {
		"quoted", "invoiced", "active", "closed", NULL
	};
	char key[64];
	(void)state;
	for (int s = 0; hb_task_state_names[s] != NULL; s++) {
		snprintf(key, sizeof key, "status.%s", hb_task_state_names[s]);
		for (int l = 0; l < HB_NLANGS; l++)
			assert_non_null(hb_lang_text(l, key));
	}
	for (int s = 0; package_states[s] != NULL; s++) {
		snprintf(key, sizeof key, "package.%s", package_states[s]);
		assert_non_null(hb_lang_text(HB_LANG_EN, key));
	}
	for (int s = 0; hb_package_plans[s] != NULL; s++) {
		snprintf(key, sizeof key, "plan.%s", hb_package_plans[s]);
		assert_non_null(hb_lang_text(HB_LANG_EN, key));
	}
}

/* The dashboard asks the client about the states that wait for it, and
 * names the months of its chart. */
static void
test_dashboard(void **state)
{
	static const char *const waiting[] = {
		"idea", "estimated", "blocked", "delivered", NULL
	};
	char key[64];
	(void)state;
	for (int s = 0; waiting[s] != NULL; s++) {
		snprintf(key, sizeof key, "ask.%s", waiting[s]);
		assert_non_null(hb_lang_text(HB_LANG_PT, key));
	}
	for (int m = 1; m <= 12; m++) {
		snprintf(key, sizeof key, "month.%d", m);
		assert_non_null(hb_lang_text(HB_LANG_ES, key));
	}
	assert_string_equal(hb_lang_text(HB_LANG_IT, "month.5"), "mag");
}

static void
test_lookup(void **state)
{
	static const struct { int lang; const char *key, *want; } cases[] = {
		{ HB_LANG_EN, "heading.billed", "Billed" },
		{ HB_LANG_IT, "heading.billed", "Fatturate" },
		{ HB_LANG_PT, "heading.task", "Tarefa" },
		{ HB_LANG_ES, "status.done", "terminada" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_string_equal(hb_lang_text(cases[i].lang, cases[i].key),
		    cases[i].want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_key_every_language),
		cmocka_unit_test(test_no_key_twice),
		cmocka_unit_test(test_codes),
		cmocka_unit_test(test_states_and_plans),
		cmocka_unit_test(test_dashboard),
		cmocka_unit_test(test_lookup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
