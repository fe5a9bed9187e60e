/*
 * fuzz_parse: the duration, money, percentage, date, month and timestamp
 * parsers on any text; whatever parses formats back to text that parses to
 * the same value.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hourbook/date.h"
#include "hourbook/duration.h"
#include "hourbook/money.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), buf[64];
	int64_t v, back;
	int32_t bp, bp2;
	hb_day d, d2;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (hb_duration_parse(s, &v, NULL) == 0) {
		if (v < 0 || v > HB_MINUTES_MAX ||
		    hb_duration_parse(hb_duration_format(v, buf), &back, NULL) != 0 ||
		    back != v)
			abort();
	}
	if (hb_money_parse(s, &v, NULL) == 0) {
		if (v < 0 || v > HB_MONEY_MAX ||
		    hb_money_parse(hb_money_format(v, '.', buf), &back, NULL) != 0 ||
		    back != v)
			abort();
	}
	if (hb_percent_parse(s, &bp, NULL) == 0) {
		if (bp < 0 || bp > HB_PERCENT_MAX ||
		    hb_percent_parse(hb_percent_format(bp, buf), &bp2, NULL) != 0 ||
		    bp2 != bp)
			abort();
	}
	if (hb_date_parse(s, &d, NULL) == 0) {
		if (strcmp(hb_date_format(d, buf), s) != 0 ||
		    hb_date_parse(buf, &d2, NULL) != 0 || d2 != d)
			abort();
	}
	if (hb_month_parse(s, &d, NULL) == 0) {
		int y, m, dd;

		hb_civil_from_day(d, &y, &m, &dd);
		if (dd != 1)
			abort();
	}
	if (hb_timestamp_parse(s, &v, NULL) == 0) {
		if (hb_timestamp_parse(hb_timestamp_format(v, buf), &back, NULL) != 0 ||
		    back != v)
			abort();
	}
	free(s);
	return 0;
}
