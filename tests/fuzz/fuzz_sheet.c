/*
 * fuzz_sheet: the reader of a client's returned sheet (sheetread.h) on
 * any bytes, as a zip in memory: it returns 0 or -1 with a reason, never
 * crashes, leaks or reads out of bounds; what it accepts has every row's
 * fields.  The seeds are sheets report-export wrote, one of them re-saved
 * by LibreOffice.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hourbook/sheetread.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hb_sheet s;
	char why[256];

	if (hb_sheet_read_memory(data, size, &s, why, sizeof why) == 0) {
		if (s.book_id == NULL || s.lang == NULL)
			abort();
		for (size_t i = 0; i < s.nrows; i++)
			if (s.rows[i].state == NULL || s.rows[i].updated == NULL ||
			    s.rows[i].digest == NULL)
				abort();
		hb_sheet_release(&s);
	} else if (why[0] == '\0') {
		abort();
	}
	return 0;
}
