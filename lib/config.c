/*
 * config: the settings table with defaults, validation and typed reads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hourbook/actor.h"
#include "hourbook/book.h"
#include "hourbook/config.h"
#include "hourbook/csv.h"
#include "hourbook/lang.h"
#include "hourbook/date.h"
#include "hourbook/diag.h"
#include "hourbook/duration.h"
#include "hourbook/field.h"
#include "hourbook/money.h"
#include "hourbook/suggest.h"

const struct hb_setting_def hb_settings[] = {
	{ "agency.name", "", HB_SETTING_TEXT, 0, false, false,
	  "the agency's name, on the head of the clients' activity sheets" },
	{ "clock.override", "off", HB_SETTING_SWITCH, 0, false, true,
	  "on: HOURBOOK_NOW replaces the clock for everyone (off: for staff "
	  "only); on in a book made while HOURBOOK_NOW was set" },
	{ "currency", "EUR", HB_SETTING_CURRENCY, 0, false, false,
	  "currency of new clients (ISO 4217 code)" },
	{ "hours.round", "none", HB_SETTING_ROUNDING, 0, false, false,
	  "how a timer's minutes are rounded when it stops (hours-log "
	  "--stop): none, or a step and up, down or nearest, as 5m up, "
	  "15m nearest, 6m down" },
	{ "package.low_percent", "10", HB_SETTING_PERCENT, 0, false, false,
	  "a package below this share of its loaded hours is low" },
	{ "sheet.lang", "en", HB_SETTING_LANG, 0, false, false,
	  "the language of an activity sheet whose client has none (en, it, "
	  "pt or es)" },
	{ "sla.client_info_days", "3", HB_SETTING_COUNT, 1, true, false,
	  "business days a question to the client may wait" },
	{ "sla.client_info_days.priority", "", HB_SETTING_COUNT, 1, false, false,
	  "sla.client_info_days for top-priority projects (unset: the same)" },
	{ "sla.intake_days", "5", HB_SETTING_COUNT, 1, true, false,
	  "business days to estimate a request, and for the client to approve" },
	{ "sla.intake_days.priority", "", HB_SETTING_COUNT, 1, false, false,
	  "sla.intake_days for top-priority projects (unset: the same)" },
	{ "sla.reply_hours", "2", HB_SETTING_COUNT, 1, true, false,
	  "business hours to answer a client's comment" },
	{ "sla.reply_hours.priority", "", HB_SETTING_COUNT, 1, false, false,
	  "sla.reply_hours for top-priority projects (unset: the same)" },
	{ "sla.revision_days", "2", HB_SETTING_COUNT, 1, true, false,
	  "business days a task may stay in revision" },
	{ "sla.revision_days.priority", "", HB_SETTING_COUNT, 1, false, false,
	  "sla.revision_days for top-priority projects (unset: the same)" },
	{ "support.hours", "Mon-Fri 09:00-13:00,14:00-18:00", HB_SETTING_SUPPORT,
	  0, false, false, "support hours on business days in the book's time "
	  "zone: the standard plan's, and of projects without a package" },
	{ "support.hours.monthly", "Mon-Fri 09:00-19:00", HB_SETTING_SUPPORT,
	  0, false, false, "the support hours of projects on a monthly plan" },
	{ "support.hours.upfront", "24/7", HB_SETTING_SUPPORT, 0, false, false,
	  "the support hours of projects on an upfront plan" },
	{ "task.minor_minutes", "30", HB_SETTING_MINUTES, 0, false, false,
	  "extra requests up to this estimate are approved at once" },
	{ "task.urgent_factor", "3", HB_SETTING_COUNT, 1, false, false,
	  "logged time on urgent tasks counts this many times" },
	{ "timezone", "UTC", HB_SETTING_ZONE, 0, false, false,
	  "the book's time zone (an IANA name): days, months and business "
	  "hours are counted in it" },
	{ "voucher.days", "365", HB_SETTING_COUNT, 0, false, true,
	  "days an accepted complaint's voucher can be redeemed (0: it "
	  "never expires)" },
	{ "withdraw.minimum", "100.00", HB_SETTING_MONEY, 0, false, false,
	  "the smallest withdrawal" },
	{ "withdraw.payout_days", "5", HB_SETTING_COUNT, 0, false, false,
	  "business days from a withdrawal request to its payout" },
	{ "withdraw.per_month", "2", HB_SETTING_COUNT, 1, false, false,
	  "withdrawal requests a person may make in a calendar month" },
};
const size_t hb_nsettings = sizeof hb_settings / sizeof hb_settings[0];

const char *const *
hb_setting_keys(void)
{
	static const char *keys[sizeof hb_settings / sizeof hb_settings[0] + 1];

	if (keys[0] == NULL)
		for (size_t i = 0; i < hb_nsettings; i++)
			keys[i] = hb_settings[i].key;
	return keys;
}

/* Settings that a currency may override: "withdraw.minimum.BRL" is the
 * minimum in BRL, withdraw.minimum where it is not set. */
static const char *const per_currency[] = { "withdraw.minimum", NULL };

/* The generic key of "withdraw.minimum.BRL" into buf, or NULL when key
 * is not a currency's override. */
static const char *
currency_base(const char *key, char *buf, size_t size)
{
	for (size_t i = 0; per_currency[i] != NULL; i++) {
		size_t len = strlen(per_currency[i]);
		const char *c = key + len + 1;

		if (strncmp(key, per_currency[i], len) == 0 && key[len] == '.' &&
		    strlen(c) == 3 && c[0] >= 'A' && c[0] <= 'Z' &&
		    c[1] >= 'A' && c[1] <= 'Z' && c[2] >= 'A' && c[2] <= 'Z') {
			snprintf(buf, size, "%s", per_currency[i]);
			return buf;
		}
	}
	return NULL;
}

const struct hb_setting_def *
hb_setting_find(const char *key)
{
	char base[64];

	for (size_t i = 0; i < hb_nsettings; i++)
		if (strcmp(hb_settings[i].key, key) == 0)
			return &hb_settings[i];
	if (currency_base(key, base, sizeof base) != NULL)
		return hb_setting_find(base);
	return NULL;
}

char *
hb_setting_canonical(const struct hb_setting_def *def, const char *value,
    const char **why)
{
	int64_t n;
	int32_t bp;
	char buf[HB_MONEY_BUFSZ];
	struct hb_support sup;
	const char *p;

	switch (def->type) {
	case HB_SETTING_CURRENCY:
		if (strlen(value) != 3) {
			*why = "is not a three-letter currency code";
			return NULL;
		}
		for (p = value; *p; p++)
			if (*p < 'A' || *p > 'Z') {
				*why = "is not a three-letter currency code (e.g. EUR)";
				return NULL;
			}
		return hb_xstrdup(value);
	case HB_SETTING_MONEY:
		if (hb_money_parse(value, &n, why) != 0)
			return NULL;
		return hb_xstrdup(hb_money_format(n, '.', buf));
	case HB_SETTING_COUNT:
		/* A setting without a default may be unset again. */
		if (*value == '\0' && *def->fallback == '\0')
			return hb_xstrdup("");
		n = 0;
		for (p = value; *p >= '0' && *p <= '9' && n <= 1000000; p++)
			n = n * 10 + (*p - '0');
		if (p == value || *p != '\0' || n > 1000000) {
			*why = "is not a whole number";
			return NULL;
		}
		if (n < def->minimum) {
			*why = def->minimum == 1 ? "must be at least 1"
			    : "is too small";
			return NULL;
		}
		return hb_xprintf("%lld", (long long)n);
	case HB_SETTING_MINUTES:
		if (hb_duration_parse(value, &n, why) != 0)
			return NULL;
		return hb_xprintf("%lld", (long long)n);
	case HB_SETTING_PERCENT:
		if (hb_percent_parse(value, &bp, why) != 0)
			return NULL;
		if (bp > 10000) {
			*why = "is over 100%";
			return NULL;
		}
		return hb_xstrdup(hb_percent_format(bp, buf));
	case HB_SETTING_SUPPORT:
		if (hb_support_parse(value, &sup, why) != 0)
			return NULL;
		return hb_xstrdup(value);
	case HB_SETTING_ZONE:
		if ((*why = hb_zone_problem(value)) != NULL)
			return NULL;
		return hb_xstrdup(value);
	case HB_SETTING_SWITCH:
		if (strcmp(value, "on") == 0 || strcmp(value, "off") == 0)
			return hb_xstrdup(value);
		*why = "is not on or off";
		return NULL;
	case HB_SETTING_TEXT:
		/* One line: it heads a printed page. */
		for (p = value; *p; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f) {
				*why = "holds a control character";
				return NULL;
			}
		if (!hb_utf8_valid(value, strlen(value))) {
			*why = "is not UTF-8 text";
			return NULL;
		}
		if (strlen(value) > 200) {
			*why = "is longer than 200 bytes";
			return NULL;
		}
		return hb_xstrdup(value);
	case HB_SETTING_LANG:
		if (hb_lang_find(value) < 0) {
			*why = "is not a language of the sheet (en, it, pt or es)";
			return NULL;
		}
		return hb_xstrdup(value);
	case HB_SETTING_ROUNDING: {
		struct hb_rounding r;
		char text[HB_DURATION_BUFSZ];

		if (hb_rounding_parse(value, &r, why) != 0)
			return NULL;
		return hb_xstrdup(hb_rounding_format(&r, text));
	}
	}
	*why = "has an unknown type";
	return NULL;
}

const struct hb_setting_def *
hb_setting_need(const char *key, int status)
{
	const struct hb_setting_def *def = hb_setting_find(key);
	struct hb_suggest sug;
	char near[200];

	if (def == NULL) {
		hb_suggest_init(&sug, key);
		for (size_t i = 0; i < hb_nsettings; i++)
			hb_suggest_add(&sug, hb_settings[i].key);
		hb_fail(status, key, "no such setting%s (book-config --list "
		    "shows them)", hb_suggest_text(&sug, near, sizeof near));
	}
	return def;
}

char *
hb_config_get(struct hb_book *book, const char *key)
{
	const struct hb_setting_def *def = hb_setting_need(key, HB_EXIT_SOFTWARE);
	char *v = hb_book_setting(book, key);
	char base[64];

	if (v == NULL && currency_base(key, base, sizeof base) != NULL)
		return hb_config_get(book, base);
	return v ? v : hb_xstrdup(def->fallback);
}

char *
hb_config_set(struct hb_book *book, const char *key, const char *value)
{
	const struct hb_setting_def *def = hb_setting_need(key, HB_EXIT_USAGE);
	const char *why;
	char number[HB_MONEY_BUFSZ], *canonical, *old;

	/* A row of an excel-csv file writes its amounts, percentages and
	 * decimal hours with a comma (field.h), as every other writer reads
	 * them there. */
	if (hb_field_decimal_comma()) {
		if (def->type == HB_SETTING_MONEY)
			value = hb_money_format(hb_field_money(key, value), '.',
			    number);
		else if (def->type == HB_SETTING_PERCENT)
			value = hb_percent_format(hb_field_percent(key, value),
			    number);
		else if (def->type == HB_SETTING_MINUTES) {
			snprintf(number, sizeof number, "%lld",
			    (long long)hb_field_minutes(key, value));
			value = number;
		}
	}
	canonical = hb_setting_canonical(def, value, &why);

	if (canonical == NULL)
		hb_fail(HB_EXIT_DATA, key, "\"%s\" %s", value, why);
	if (def->staff_only) {
		const struct hb_actor *a = hb_actor_get(book);

		if (!hb_actor_is_staff(a))
			hb_fail(HB_EXIT_REFUSED, key, "only staff may change it "
			    "(%s)", hb_actor_text(a));
	}
	old = hb_config_get(book, key);
	hb_book_setting_put(book, key, canonical);
	if (strcmp(old, canonical) != 0)
		hb_book_event(book, "setting", key, "value", old, canonical, NULL);
	free(old);
	return canonical;
}

int64_t
hb_config_int(struct hb_book *book, const char *key, int64_t project_id)
{
	const struct hb_setting_def *def = hb_setting_need(key, HB_EXIT_SOFTWARE);
	char *v = NULL;
	int64_t n;

	if (project_id > 0 && def->per_project)
		v = hb_book_project_setting(book, project_id, key);
	if (v == NULL)
		v = hb_config_get(book, key);
	switch (def->type) {
	case HB_SETTING_MONEY:
		if (hb_money_parse(v, &n, NULL) != 0)
			n = 0;
		break;
	case HB_SETTING_PERCENT: {
		int32_t bp = 0;

		hb_percent_parse(v, &bp, NULL);
		n = bp;
		break;
	}
	default:
		n = strtoll(v, NULL, 10);
		break;
	}
	free(v);
	return n;
}

void
hb_config_calendar(struct hb_book *book, struct hb_calendar *cal)
{
	char *v = hb_config_get(book, "support.hours");
	const char *why;

	memset(cal, 0, sizeof *cal);
	if (hb_support_parse(v, &cal->support, &why) != 0)
		hb_die(HB_EXIT_DATA, "support.hours: \"%s\" %s", v, why);
	free(v);
	cal->holidays = hb_book_holidays(book, &cal->nholidays);
}

/* The key of a plan's support window. */
static const char *
window_key(const char *plan)
{
	if (plan != NULL && strcmp(plan, "monthly") == 0)
		return "support.hours.monthly";
	if (plan != NULL && strcmp(plan, "upfront") == 0)
		return "support.hours.upfront";
	return "support.hours";
}

char *
hb_config_window(struct hb_book *book, int64_t project_id, hb_day day,
    struct hb_support *out)
{
	char *override = NULL, *plan = NULL, *spec, *label;
	const char *why, *key;

	hb_book_project_window(book, project_id, day, &override, &plan);
	if (override != NULL) {
		if (hb_support_parse(override, out, &why) != 0)
			hb_die(HB_EXIT_DATA, "the support hours of project %lld: "
			    "\"%s\" %s", (long long)project_id, override, why);
		label = hb_xprintf("the project's window %s", override);
		free(override);
		free(plan);
		return label;
	}
	key = window_key(plan);
	spec = hb_config_get(book, key);
	if (hb_support_parse(spec, out, &why) != 0)
		hb_die(HB_EXIT_DATA, "%s: \"%s\" %s", key, spec, why);
	label = strcmp(key, "support.hours") != 0 ? hb_xprintf("the %s "
	    "plan's window %s", plan, spec) : NULL;
	free(spec);
	free(plan);
	return label;
}

bool
hb_config_top_priority(struct hb_book *book, int64_t project_id, hb_day day)
{
	return hb_book_project_top(book, project_id, day);
}

int64_t
hb_config_target(struct hb_book *book, const char *key, int64_t project_id,
    bool top, bool *priority)
{
	char *own = project_id > 0 ? hb_book_project_setting(book, project_id,
	    key) : NULL, *v;
	int64_t n;

	*priority = false;
	if (own == NULL && top) {
		char *pkey = hb_xprintf("%s.priority", key);

		v = hb_config_get(book, pkey);
		free(pkey);
		if (*v != '\0') {
			*priority = true;
			n = strtoll(v, NULL, 10);
			free(v);
			return n;
		}
		free(v);
	}
	free(own);
	return hb_config_int(book, key, project_id);
}

void
hb_config_calendar_release(struct hb_calendar *cal)
{
	free((void *)cal->holidays);
	cal->holidays = NULL;
	cal->nholidays = 0;
}
