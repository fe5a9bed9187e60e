/*
 * field: parse one field of a record, or fail naming its column (exit 65).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "hourbook/clock.h"
#include "hourbook/csv.h"
#include "hourbook/diag.h"
#include "hourbook/duration.h"
#include "hourbook/field.h"
#include "hourbook/money.h"
#include "hourbook/suggest.h"

void
hb_list_append(char *buf, size_t size, const char *item)
{
	if (buf[0] != '\0')
		strncat(buf, ", ", size - strlen(buf) - 1);
	strncat(buf, item, size - strlen(buf) - 1);
}

bool
hb_given(const char *s)
{
	return s != NULL && *s != '\0';
}

/* The excel-csv dialect writes amounts and decimal hours with a comma. */
static bool decimal_comma;

void
hb_field_set_decimal_comma(bool on)
{
	decimal_comma = on;
}

bool
hb_field_decimal_comma(void)
{
	return decimal_comma;
}

/* s with its decimal comma made a point, into buf; or fail when s holds a
 * point, which in this dialect is a mistake, not a decimal. */
static const char *
from_comma(const char *column, const char *s, char *buf, size_t size)
{
	char *c;

	if (!decimal_comma)
		return s;
	if (strchr(s, '.') != NULL)
		hb_fail(HB_EXIT_DATA, column, "\"%s\": the file is read as "
		    "excel-csv (its header is separated by ';'), where decimals "
		    "take a comma, as in 12,50", s);
	if (strlen(s) >= size)
		return s;
	snprintf(buf, size, "%s", s);
	if ((c = strchr(buf, ',')) != NULL)
		*c = '.';
	return buf;
}

int64_t
hb_field_money(const char *column, const char *s)
{
	int64_t v;
	const char *why;
	char buf[64];

	if (hb_money_parse(from_comma(column, s, buf, sizeof buf), &v, &why)
	    != 0)
		hb_fail(HB_EXIT_DATA, column, "\"%s\" %s", s, why);
	return v;
}

int64_t
hb_field_minutes(const char *column, const char *s)
{
	int64_t v;
	const char *why;
	char buf[64];

	/* The excel-csv dialect writes a duration as decimal hours, "4,00"
	 * (report-export(1)): a number with a decimal comma and no unit is
	 * hours there; a whole number is still minutes, as everywhere. */
	if (decimal_comma && strchr(s, ',') != NULL &&
	    s[strspn(s, "0123456789,")] == '\0') {
		if (hb_duration_parse_hours(from_comma(column, s, buf,
		    sizeof buf), &v, &why) != 0)
			hb_fail(HB_EXIT_DATA, column, "\"%s\" %s", s, why);
		return v;
	}
	if (hb_duration_parse(from_comma(column, s, buf, sizeof buf), &v, &why)
	    != 0)
		hb_fail(HB_EXIT_DATA, column, "\"%s\" %s", s, why);
	return v;
}

int32_t
hb_field_percent(const char *column, const char *s)
{
	int32_t v;
	const char *why;
	char buf[64];

	if (hb_percent_parse(from_comma(column, s, buf, sizeof buf), &v, &why)
	    != 0)
		hb_fail(HB_EXIT_DATA, column, "\"%s\" %s", s, why);
	return v;
}

/* A date refused: a word near a relative one is offered. */
static _Noreturn void
bad_date(const char *column, const char *s, const char *why)
{
	struct hb_suggest sug;
	char near[160] = "";

	if (*s != '\0' && !(*s >= '0' && *s <= '9')) {
		hb_suggest_init(&sug, s);
		for (size_t i = 0; hb_date_words[i] != NULL; i++)
			hb_suggest_add(&sug, hb_date_words[i]);
		hb_suggest_text(&sug, near, sizeof near);
	}
	hb_fail(HB_EXIT_DATA, column, "\"%s\" %s%s", s, why, near);
}

hb_day
hb_field_date(const char *column, const char *s)
{
	hb_day v;
	const char *why;

	/* Today is asked only of a relative date: it needs the book's zone
	 * and clock, a YYYY-MM-DD date does not. */
	if (hb_date_resolve(s, hb_date_relative(s) ? hb_today() : 0, &v,
	    &why) != 0)
		bad_date(column, s, why);
	return v;
}

const char *
hb_field_date_text(const char *column, const char *s, char *buf)
{
	if (!hb_date_relative(s)) {
		hb_field_date(column, s);
		return s;
	}
	return hb_date_format(hb_field_date(column, s), buf);
}

void
hb_field_date_check(const char *column, const char *s)
{
	hb_day v;
	const char *why;

	if (hb_date_relative(s))
		return;
	if (hb_date_resolve(s, 0, &v, &why) != 0)
		bad_date(column, s, why);
}

int64_t
hb_field_count(const char *column, const char *s, int64_t min, int64_t max)
{
	int64_t v = 0;
	const char *p = s;

	if (*p == '\0')
		hb_fail(HB_EXIT_DATA, column, "is empty");
	for (; *p >= '0' && *p <= '9'; p++) {
		v = v * 10 + (*p - '0');
		if (v > max)
			break;
	}
	if (*p != '\0' && !(*p >= '0' && *p <= '9'))
		hb_fail(HB_EXIT_DATA, column, "\"%s\" is not a whole number", s);
	if (v < min || v > max)
		hb_fail(HB_EXIT_DATA, column, "\"%s\" is out of range (%lld to %lld)",
		    s, (long long)min, (long long)max);
	return v;
}

size_t
hb_field_choice(const char *column, const char *s, const char *const *choices)
{
	struct hb_suggest sug;
	char list[256] = "", near[160];

	for (size_t i = 0; choices[i] != NULL; i++)
		if (strcmp(s, choices[i]) == 0)
			return i;
	hb_suggest_init(&sug, s);
	for (size_t i = 0; choices[i] != NULL; i++) {
		hb_list_append(list, sizeof list, choices[i]);
		hb_suggest_add(&sug, choices[i]);
	}
	hb_fail(HB_EXIT_DATA, column, "\"%s\" is not one of %s%s", s, list,
	    hb_suggest_text(&sug, near, sizeof near));
}

const char *
hb_field_text(const char *column, const char *s, size_t max, int multiline)
{
	size_t len = strlen(s);

	if (!hb_utf8_valid(s, len))
		hb_fail(HB_EXIT_DATA, column, "is not valid UTF-8");
	if (len > max)
		hb_fail(HB_EXIT_DATA, column, "is longer than %zu bytes", max);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 || *p == 0x7f) &&
		    !(multiline && (*p == '\n' || *p == '\t' || *p == '\r')))
			hb_fail(HB_EXIT_DATA, column,
			    "holds a control character (0x%02x)", *p);
	return s;
}

const char *
hb_field_key(const char *column, const char *s)
{
	size_t len = strlen(s);

	if (len == 0)
		hb_fail(HB_EXIT_DATA, column, "is empty");
	if (len > 64)
		hb_fail(HB_EXIT_DATA, column, "\"%.64s...\" is longer than 64 characters", s);
	/* A key is typed on command lines and in CSV: plain ASCII.  The
	 * full name, in any script, has a field of its own. */
	if (!isalnum((unsigned char)s[0]))
		hb_fail(HB_EXIT_DATA, column, "\"%s\" must start with an "
		    "ASCII letter or digit (a short code: the full name has a "
		    "field of its own)", s);
	for (const char *p = s; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '.' && *p != '_' &&
		    *p != '-')
			hb_fail(HB_EXIT_DATA, column, "\"%s\" may only hold "
			    "ASCII letters, digits, '.', '_' and '-' (a short "
			    "code: the full name has a field of its own)", s);
	return s;
}

int
hb_field_flag(const char *column, const char *s)
{
	static const char *const no[] = { "", "0", "no", "false", NULL };
	static const char *const yes[] = { "1", "yes", "true", NULL };

	for (size_t i = 0; no[i]; i++)
		if (strcasecmp(s, no[i]) == 0)
			return 0;
	for (size_t i = 0; yes[i]; i++)
		if (strcasecmp(s, yes[i]) == 0)
			return 1;
	hb_fail(HB_EXIT_DATA, column, "\"%s\" is not yes or no", s);
}
