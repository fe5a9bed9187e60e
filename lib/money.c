/*
 * money: cents and basis points, parsed digit by digit, every operation
 * overflow-checked.
 */
#include <stdio.h>
#include <string.h>

#include "hourbook/money.h"

/* Parse digits[.frac] into value * 10^scale, with at most `scale` decimals.
 * Shared by money (scale 2) and percentages (scale 2). */
static int
parse_fixed(const char *s, int scale, int64_t max, int64_t *out,
    const char **why)
{
	int64_t whole = 0, frac = 0;
	int ndigits = 0, nfrac = 0;
	const char *p = s;

	if (s == NULL || *s == '\0') {
		*why = "is empty";
		return -1;
	}
	for (; *p >= '0' && *p <= '9'; p++, ndigits++) {
		if (whole > max) {
			*why = "is too large";
			return -1;
		}
		whole = whole * 10 + (*p - '0');
	}
	if (*p == '.') {
		p++;
		for (; *p >= '0' && *p <= '9'; p++, nfrac++) {
			if (nfrac == scale) {
				*why = "has too many decimals";
				return -1;
			}
			frac = frac * 10 + (*p - '0');
		}
		if (nfrac == 0) {
			*why = "needs digits after the decimal point";
			return -1;
		}
	}
	if (ndigits == 0 || *p != '\0') {
		*why = "is not a number";
		return -1;
	}
	for (int i = nfrac; i < scale; i++)
		frac *= 10;
	for (int i = 0; i < scale; i++) {
		if (whole > max) {
			*why = "is too large";
			return -1;
		}
		whole *= 10;
	}
	whole += frac;
	if (whole > max) {
		*why = "is too large";
		return -1;
	}
	*out = whole;
	return 0;
}

int
hb_money_parse(const char *s, int64_t *cents, const char **why)
{
	const char *dummy;

	if (why == NULL)
		why = &dummy;
	if (s != NULL && s[0] == '-') {
		*why = "must not be negative";
		return -1;
	}
	if (s != NULL && strchr(s, ',') != NULL) {
		*why = "is not an amount (100, 100.5 or 100.50: a point for "
		    "decimals, no thousands separator)";
		return -1;
	}
	if (parse_fixed(s, 2, HB_MONEY_MAX, cents, why) != 0) {
		if (strcmp(*why, "is not a number") == 0)
			*why = "is not an amount (100, 100.5 or 100.50)";
		return -1;
	}
	return 0;
}

char *
hb_money_format(int64_t cents, char decimal_sep, char *buf)
{
	uint64_t mag = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;

	snprintf(buf, HB_MONEY_BUFSZ, "%s%llu%c%02llu", cents < 0 ? "-" : "",
	    (unsigned long long)(mag / 100), decimal_sep,
	    (unsigned long long)(mag % 100));
	return buf;
}

int
hb_percent_parse(const char *s, int32_t *basis_points, const char **why)
{
	char tmp[32];
	size_t len;
	int64_t v;
	const char *dummy;

	if (why == NULL)
		why = &dummy;
	if (s == NULL || *s == '\0') {
		*why = "is empty";
		return -1;
	}
	len = strlen(s);
	if (len >= sizeof tmp) {
		*why = "is not a percentage (40 or 40%)";
		return -1;
	}
	memcpy(tmp, s, len + 1);
	if (tmp[len - 1] == '%')
		tmp[--len] = '\0';
	if (tmp[0] == '-') {
		*why = "must not be negative";
		return -1;
	}
	if (parse_fixed(tmp, 2, HB_PERCENT_MAX, &v, why) != 0) {
		if (strcmp(*why, "is not a number") == 0)
			*why = "is not a percentage (40 or 40%)";
		return -1;
	}
	*basis_points = (int32_t)v;
	return 0;
}

char *
hb_percent_format(int32_t bp, char *buf)
{
	if (bp % 100 == 0)
		snprintf(buf, 16, "%d", (int)(bp / 100));
	else if (bp % 10 == 0)
		snprintf(buf, 16, "%d.%d", (int)(bp / 100), (int)(bp % 100 / 10));
	else
		snprintf(buf, 16, "%d.%02d", (int)(bp / 100), (int)(bp % 100));
	return buf;
}

bool
hb_scale_round(int64_t value, int64_t num, int64_t den, int64_t *out)
{
	__int128 p, q, r;
	bool negative;

	if (den <= 0)
		return false;
	p = (__int128)value * num;
	negative = p < 0;
	if (negative)
		p = -p;
	q = p / den;
	r = p % den;
	if (2 * r >= den)
		q++;
	if (negative)
		q = -q;
	if (q > INT64_MAX || q < -INT64_MAX)
		return false;
	*out = (int64_t)q;
	return true;
}

bool
hb_money_percent(int64_t amount, int32_t basis_points, int64_t *out)
{
	return hb_scale_round(amount, basis_points, 10000, out);
}

/* The builtins store the wrapped result even on overflow: through a
 * local, so that *out is only written with a true sum. */
bool
hb_add(int64_t a, int64_t b, int64_t *out)
{
	int64_t v;

	if (__builtin_add_overflow(a, b, &v))
		return false;
	*out = v;
	return true;
}

bool
hb_sub(int64_t a, int64_t b, int64_t *out)
{
	int64_t v;

	if (__builtin_sub_overflow(a, b, &v))
		return false;
	*out = v;
	return true;
}

bool
hb_mul(int64_t a, int64_t b, int64_t *out)
{
	int64_t v;

	if (__builtin_mul_overflow(a, b, &v))
		return false;
	*out = v;
	return true;
}
