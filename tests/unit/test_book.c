/* Unit tests for the book layer: creation, schema, settings, events,
 * transactions, named queries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "hourbook/book.h"
#include "hourbook/session.h"
#include "hourbook/cli.h"
#include "hourbook/config.h"

static char dir[64];
static char path[128];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/hourbook-unit.XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/sub/book.db", dir);
	memset(&hb_opts, 0, sizeof hb_opts);
	hb_opts.db = path;
	setenv("HOURBOOK_NOW", "2026-11-23T10:00:00Z", 1);
	setenv("HOURBOOK_USER", "unit", 1);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[160];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
count_row(void *ctx, const struct hb_row *row)
{
	*(int64_t *)ctx = hb_row_int(row, 0);
}

static void
test_create_and_settings(void **state)
{
	struct hb_book *b;
	struct stat st;
	char *v;

	(void)state;
	setenv("TZ", "Europe/Rome", 1);
	b = hb_book_open(HB_BOOK_CREATE);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	hb_book_begin(b);
	v = hb_config_get(b, "withdraw.minimum");
	assert_string_equal(v, "100.00");
	free(v);
	v = hb_config_set(b, "withdraw.minimum", "150");
	assert_string_equal(v, "150.00");
	free(v);
	assert_int_equal(hb_config_int(b, "withdraw.minimum", 0), 15000);
	assert_int_equal(hb_config_int(b, "task.urgent_factor", 0), 3);
	hb_book_commit(b);
	hb_book_close(b);
	b = hb_book_open(HB_BOOK_READ);
	v = hb_book_setting(b, "withdraw.minimum");
	assert_string_equal(v, "150.00");
	free(v);
	assert_null(hb_book_setting(b, "currency"));
	/* The creator's TZ became the book's zone. */
	v = hb_book_setting(b, "timezone");
	assert_string_equal(v, "Europe/Rome");
	free(v);
	hb_book_close(b);
}

static void
test_events_and_rollback(void **state)
{
	struct hb_book *b = hb_book_open(HB_BOOK_WRITE);
	struct hb_client c = { 0 };
	int64_t n = -1;

	(void)state;
	hb_book_begin(b);
	c.name = "acme";
	c.display_name = "ACME";
	c.email = "";
	c.currency = "EUR";
	c.created = "2026-11-23T10:00:00Z";
	hb_book_client_insert(b, &c);
	hb_book_event(b, "client", "acme", "created", NULL, "ACME", NULL);
	hb_book_rollback(b);
	assert_false(hb_book_client_get(b, "acme", &c));
	hb_book_begin(b);
	hb_book_client_insert(b, &c);
	hb_book_commit(b);
	memset(&c, 0, sizeof c);
	assert_true(hb_book_client_get(b, "acme", &c));
	assert_string_equal(c.display_name, "ACME");
	assert_null(c.contact);
	hb_client_release(&c);
	/* A named query with typed parameters. */
	{
		struct hb_param p[] = { hb_int(1) };

		hb_book_query(b, HB_Q_NEWEST_PACKAGE, p, 1, count_row, &n);
		assert_int_equal(n, 0);
	}
	hb_book_close(b);
}

/* Changes made once: a key per command and actor, with its request's
 * digest and output; gone with a rollback. */
static void
test_request_keys(void **state)
{
	struct hb_book *b = hb_book_open(HB_BOOK_WRITE);
	struct hb_request r = { 0 };

	(void)state;
	hb_book_begin(b);
	hb_book_request_insert(b, "comment", "k", "d1", "7,1,x\n");
	hb_book_rollback(b);
	assert_false(hb_book_request_find(b, "comment", "k", &r));
	hb_book_begin(b);
	hb_book_request_insert(b, "comment", "k", "d1", "7,1,x\n");
	hb_book_commit(b);
	assert_true(hb_book_request_find(b, "comment", "k", &r));
	assert_string_equal(r.digest, "d1");
	assert_string_equal(r.output, "7,1,x\n");
	assert_string_equal(r.at, "2026-11-23T10:00:00Z");
	hb_request_release(&r);
	assert_false(hb_book_request_find(b, "task-add", "k", &r));
	hb_book_close(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_and_settings),
		cmocka_unit_test(test_events_and_rollback),
		cmocka_unit_test(test_request_keys),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
