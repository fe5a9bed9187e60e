/* Unit tests for digest: the FIPS 180-4 / NIST example vectors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "hourbook/digest.h"

static void
test_vectors(void **state)
{
	static const struct { const char *in; const char *want; } cases[] = {
		{ "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
		{ "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
		{ "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
		  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
	};
	char hex[HB_DIGEST_HEX];
	struct hb_digest d;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		hb_digest_init(&d);
		hb_digest_add(&d, cases[i].in, strlen(cases[i].in));
		hb_digest_hex(&d, hex);
		assert_string_equal(hex, cases[i].want);
	}
}

/* A million 'a's, fed in pieces that straddle the 64-byte blocks. */
static void
test_million(void **state)
{
	char chunk[997], hex[HB_DIGEST_HEX];
	struct hb_digest d;
	size_t left = 1000000;

	(void)state;
	memset(chunk, 'a', sizeof chunk);
	hb_digest_init(&d);
	while (left > 0) {
		size_t n = left < sizeof chunk ? left : sizeof chunk;

		hb_digest_add(&d, chunk, n);
		left -= n;
	}
	hb_digest_hex(&d, hex);
	assert_string_equal(hex,
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_million),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
