/*
 * Unit tests for xlsx: the row limit of the format is an error at exactly
 * the right row, and the workbook written up to it is whole.
 */
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
#include "hourbook/xlsx.h"
#include "hourbook/xlsxzip.h"

#include "exit_trap.h"

/* An xlsx sheet has 1,048,576 rows: the header, the data, the totals. */
#define DATA_ROWS_MAX (1048576 - 2)

static void
test_row_limit(void **state)
{
	static const char *const columns[] = { "n", "amount", NULL };
	const char *dir = getenv("TMPDIR");
	char path[4096];
	struct hb_xlsx *volatile x;
	int fd;

	(void)state;
	snprintf(path, sizeof path, "%s/test_xlsx.XXXXXX",
	    dir != NULL && *dir != '\0' ? dir : "/tmp");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	x = hb_xlsx_open(path, "limit.xlsx");
	hb_xlsx_sheet(x, "Rows", columns);
	for (int64_t i = 1; i <= DATA_ROWS_MAX; i++) {
		hb_xlsx_int(x, i);
		hb_xlsx_money(x, 100);
		hb_xlsx_end_row(x);
	}

	/* One row more: exit 65, and nothing of it written. */
	hb_diag_set_exit(fake_exit);
	exited = -1;
	if (setjmp(back) == 0)
		hb_xlsx_int(x, 0);
	hb_diag_set_exit(NULL);
	assert_int_equal(exited, HB_EXIT_DATA);

	/* What came before it still closes into a whole workbook, with its
	 * totals on the last row of the sheet. */
	hb_xlsx_close(x);
	assert_int_equal(hb_xlsxzip_verify(path, true), 0);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_row_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
