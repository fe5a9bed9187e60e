/*
 * duration: minutes from "90", "90m", "1h30m", "1h30", "1:30", "1.5h"; the
 * rounding of timed entries.
 */
#include <stdio.h>
#include <string.h>

#include "hourbook/duration.h"

/* Read digits at *p into *n (at most 12 of them); returns how many. */
static int
digits(const char **p, int64_t *n)
{
	int count = 0;

	*n = 0;
	while (**p >= '0' && **p <= '9') {
		if (++count > 12)
			return -1;
		*n = *n * 10 + (**p - '0');
		(*p)++;
	}
	return count;
}

/* What every "not a duration" message lists. */
#define FORMS "is not a duration (90, 90m, 1h30m, 1h30, 1:30 or 1.5h)"

static int
fail(const char **why, const char *reason)
{
	*why = reason;
	return -1;
}

int
hb_duration_parse(const char *s, int64_t *minutes, const char **why)
{
	const char *p = s, *dummy;
	int64_t a, b, total;
	int na, nb;

	if (why == NULL)
		why = &dummy;
	if (s == NULL || *s == '\0')
		return fail(why, "is empty");
	if (*s == '-')
		return fail(why, "must not be negative");
	na = digits(&p, &a);
	if (na < 0)
		return fail(why, "is too long");
	if (na == 0)
		return fail(why, FORMS);

	switch (*p) {
	case '\0':			/* "90" */
	case 'm':			/* "90m" */
		if (*p == 'm' && p[1] != '\0')
			return fail(why, FORMS);
		total = a;
		break;
	case ':':			/* "1:30" */
		p++;
		nb = digits(&p, &b);
		if (nb != 2 || *p != '\0')
			return fail(why, "is not a duration (H:MM, as in 1:30)");
		if (b >= 60)
			return fail(why, "has 60 or more minutes after the hours");
		total = a * 60 + b;
		break;
	case 'h':			/* "2h", "1h30", "1h30m" */
		p++;
		if (*p == '\0') {
			total = a * 60;
			break;
		}
		nb = digits(&p, &b);
		if (nb <= 0 || !(*p == '\0' || (*p == 'm' && p[1] == '\0')))
			return fail(why, FORMS);
		if (b >= 60)
			return fail(why, "has 60 or more minutes after the hours");
		total = a * 60 + b;
		break;
	case '.': {			/* "1.5h": decimal hours */
		int64_t frac = 0, scale = 1;
		int nf = 0;

		p++;
		while (*p >= '0' && *p <= '9') {
			if (++nf > 6)
				return fail(why, "has too many decimals");
			frac = frac * 10 + (*p - '0');
			scale *= 10;
			p++;
		}
		if (nf == 0 || *p != 'h' || p[1] != '\0')
			return fail(why, "is not a duration (decimal hours end in h)");
		if (frac * 60 % scale != 0)
			return fail(why, "is not a whole number of minutes");
		total = a * 60 + frac * 60 / scale;
		break;
	}
	default:
		return fail(why, FORMS);
	}
	if (total > HB_MINUTES_MAX)
		return fail(why, "is too long");
	*minutes = total;
	return 0;
}

char *
hb_duration_format(int64_t minutes, char *buf)
{
	uint64_t mag = minutes < 0 ? (uint64_t)0 - (uint64_t)minutes
	    : (uint64_t)minutes;

	snprintf(buf, HB_DURATION_BUFSZ, "%s%llu:%02llu", minutes < 0 ? "-" : "",
	    (unsigned long long)(mag / 60), (unsigned long long)(mag % 60));
	return buf;
}

int
hb_duration_parse_hours(const char *s, int64_t *minutes, const char **why)
{
	const char *p = s, *dummy;
	int64_t hours, frac = 0, scale = 1, total;
	int n;

	if (why == NULL)
		why = &dummy;
	if (s == NULL || *s == '\0')
		return fail(why, "is empty");
	if (*s == '-')
		return fail(why, "must not be negative");
	n = digits(&p, &hours);
	if (n < 0 || hours > HB_MINUTES_MAX / 60)
		return fail(why, "is too long");
	if (n == 0 || *p != '.')
		return fail(why, "is not decimal hours (as in 1.5)");
	p++;
	for (n = 0; *p >= '0' && *p <= '9'; p++) {
		if (++n > 6)
			return fail(why, "has too many decimals");
		frac = frac * 10 + (*p - '0');
		scale *= 10;
	}
	if (n == 0 || *p != '\0')
		return fail(why, "is not decimal hours (as in 1.5)");
	total = hours * 60 + (frac * 120 + scale) / (2 * scale);
	if (total > HB_MINUTES_MAX)
		return fail(why, "is too long");
	*minutes = total;
	return 0;
}

char *
hb_duration_format_hours(int64_t minutes, char mark, char *buf)
{
	uint64_t mag = minutes < 0 ? (uint64_t)0 - (uint64_t)minutes
	    : (uint64_t)minutes;
	/* Hundredths of an hour, 5/3 a minute: never half way, so rounding
	 * to the nearest has no ties. */
	uint64_t hundredths = (mag * 10 + 3) / 6;

	snprintf(buf, HB_DURATION_BUFSZ, "%s%llu%c%02llu",
	    minutes < 0 && hundredths > 0 ? "-" : "",
	    (unsigned long long)(hundredths / 100), mark,
	    (unsigned long long)(hundredths % 100));
	return buf;
}

/* ---- rounding of timed entries ---------------------------------------- */

static const char *const round_modes[] = {
	[HB_ROUND_NONE] = "none", [HB_ROUND_UP] = "up",
	[HB_ROUND_DOWN] = "down", [HB_ROUND_NEAREST] = "nearest"
};

#define ROUND_FORMS "is not a rounding: give none, or a step and up, down " \
	"or nearest (5m up, 15m nearest, 6m down)"

int
hb_rounding_parse(const char *s, struct hb_rounding *r, const char **why)
{
	char step[HB_DURATION_BUFSZ];
	const char *dummy, *mode;
	size_t len;
	int64_t minutes;

	if (why == NULL)
		why = &dummy;
	if (s == NULL || *s == '\0')
		return fail(why, "is empty");
	if (strcmp(s, "none") == 0) {
		r->step = 0;
		r->mode = HB_ROUND_NONE;
		return 0;
	}
	len = strcspn(s, " ");
	mode = s + len + strspn(s + len, " ");
	if (len == 0 || len >= sizeof step || mode == s + len)
		return fail(why, ROUND_FORMS);
	memcpy(step, s, len);
	step[len] = '\0';
	if (hb_duration_parse(step, &minutes, NULL) != 0)
		return fail(why, ROUND_FORMS);
	if (minutes < 1 || minutes > HB_ROUND_STEP_MAX)
		return fail(why, "has a step outside 1 minute to 24 hours");
	for (int m = HB_ROUND_UP; m <= HB_ROUND_NEAREST; m++)
		if (strcmp(mode, round_modes[m]) == 0) {
			r->step = minutes;
			r->mode = (enum hb_round_mode)m;
			return 0;
		}
	return fail(why, ROUND_FORMS);
}

char *
hb_rounding_format(const struct hb_rounding *r, char *buf)
{
	if (r->mode == HB_ROUND_NONE)
		snprintf(buf, HB_DURATION_BUFSZ, "none");
	else
		snprintf(buf, HB_DURATION_BUFSZ, "%lldm %s",
		    (long long)r->step, round_modes[r->mode]);
	return buf;
}

int64_t
hb_rounding_apply(const struct hb_rounding *r, int64_t minutes)
{
	int64_t below;

	if (r->mode == HB_ROUND_NONE || r->step <= 0)
		return minutes;
	below = minutes - minutes % r->step;
	switch (r->mode) {
	case HB_ROUND_UP:
		return below == minutes ? minutes : below + r->step;
	case HB_ROUND_DOWN:
		return below;
	case HB_ROUND_NEAREST:
		return 2 * (minutes - below) >= r->step ? below + r->step
		    : below;
	case HB_ROUND_NONE:
		break;
	}
	return minutes;
}
