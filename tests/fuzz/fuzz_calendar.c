/*
 * fuzz_calendar: support-hours text, holidays and two instants from the
 * input; business minutes are never negative nor more than the interval,
 * and a deadline that many minutes away gives them back.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hourbook/calendar.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct hb_calendar cal;
	hb_day holidays[4];
	int64_t t0, span, minutes, due;
	char text[128];
	size_t n;

	if (size < 16)
		return 0;
	memset(&cal, 0, sizeof cal);
	/* Two instants within 2020..2030, a span under 60 days. */
	memcpy(&t0, data, 8);
	memcpy(&span, data + 8, 8);
	t0 = 1577836800 + (int64_t)((uint64_t)t0 % (10u * 365 * 86400));
	span = (int64_t)((uint64_t)span % (60u * 86400));
	data += 16;
	size -= 16;
	n = size < sizeof text - 1 ? size : sizeof text - 1;
	memcpy(text, data, n);
	text[n] = '\0';
	if (hb_support_parse(text, &cal.support, NULL) != 0 &&
	    hb_support_parse("Mon-Fri 09:00-13:00,14:00-18:00", &cal.support,
	    NULL) != 0)
		abort();
	for (int i = 0; i < 4; i++)
		holidays[i] = (hb_day)(t0 / 86400 + 3 * i + 1);
	cal.holidays = holidays;
	cal.nholidays = 4;
	minutes = hb_business_minutes_between(&cal, t0, t0 + span);
	if (minutes < 0 || minutes > span / 60 + 1)
		abort();
	if (minutes > 0) {
		due = hb_business_deadline(&cal, t0, minutes);
		if (due < 0 || due > t0 + span ||
		    hb_business_minutes_between(&cal, t0, due) != minutes)
			abort();
	}
	return 0;
}
