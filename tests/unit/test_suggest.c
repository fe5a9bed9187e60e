/* Unit tests for suggest: edit distances and "did you mean". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "hourbook/suggest.h"

static void
test_distance(void **state)
{
	static const struct { const char *a, *b; int want; } cases[] = {
		{ "giulia", "giulia", 0 }, { "giula", "giulia", 1 },
		{ "verde-sit", "verde-site", 1 }, { "stauts", "status", 1 },
		{ "in_progress", "in-progress", 1 }, { "ana", "anna", 1 },
		{ "abc", "xyz", 3 }, { "", "abc", 3 }, { "Bruno", "bruno", 0 },
		{ "acme-web", "acme-wbe", 1 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(hb_edit_distance(cases[i].a, cases[i].b, 5),
		    cases[i].want);
	/* Capped at limit + 1. */
	assert_int_equal(hb_edit_distance("abcdef", "uvwxyz", 2), 3);
}

static void
test_suggest(void **state)
{
	static const struct {
		const char *word;
		const char *names[6];
		const char *want;
	} cases[] = {
		{ "giula", { "giulia", "bruno", "ana", NULL }, " (did you mean giulia?)" },
		{ "verde-sit", { "verde-site", "acme-web", NULL }, " (did you mean verde-site?)" },
		{ "anaa", { "ana", "anna", "bruno", NULL }, " (did you mean ana or anna?)" },
		{ "zzz", { "giulia", "bruno", NULL }, "" },
		{ "x", { "y", "ab", NULL }, " (did you mean y?)" },
		{ "bruno", { "bruno", NULL }, "" },
	};
	char buf[200];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct hb_suggest s;

		hb_suggest_init(&s, cases[i].word);
		for (size_t k = 0; cases[i].names[k] != NULL; k++)
			hb_suggest_add(&s, cases[i].names[k]);
		assert_string_equal(hb_suggest_text(&s, buf, sizeof buf),
		    cases[i].want);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distance),
		cmocka_unit_test(test_suggest),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
