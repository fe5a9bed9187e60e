/*
 * config: the book's settings and their defaults (SPEC §2), one table.
 *
 * Each setting has a type that validates and canonicalises what is stored
 * ("100" is stored as "100.00"); reading a setting that was never set gives
 * its default.  The SLA settings may be overridden per project.
 */
#ifndef HOURBOOK_CONFIG_H
#define HOURBOOK_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hourbook/calendar.h"

struct hb_book;

enum hb_setting_type {
	HB_SETTING_CURRENCY,	/* three capital letters */
	HB_SETTING_MONEY,	/* an amount, stored "100.00" */
	HB_SETTING_COUNT,	/* a whole number >= minimum */
	HB_SETTING_MINUTES,	/* a duration, stored in minutes */
	HB_SETTING_PERCENT,	/* a percentage, stored without '%' */
	HB_SETTING_SUPPORT,	/* support hours */
	HB_SETTING_ZONE,	/* an IANA time zone name */
	HB_SETTING_SWITCH,	/* on or off */
	HB_SETTING_TEXT,	/* a line of text, up to 200 characters */
	HB_SETTING_LANG,	/* a language of the sheet: en, it, pt, es */
	HB_SETTING_ROUNDING	/* none, or a step and a mode: "5m up" */
};

struct hb_setting_def {
	const char *key;
	const char *fallback;	/* the default, canonical form */
	enum hb_setting_type type;
	int64_t minimum;	/* for counts */
	bool per_project;	/* may be overridden by project-add --sla */
	bool staff_only;	/* only staff may change it */
	const char *help;
};

extern const struct hb_setting_def hb_settings[];
extern const size_t hb_nsettings;
/* The settings' keys, NULL-terminated, for the options spec (cli.h):
 * borrowed, valid until exit. */
const char *const *hb_setting_keys(void);

/* The definition of key, or NULL. */
const struct hb_setting_def *hb_setting_find(const char *key);
/* The definition of key, or the program ends with status, saying there
 * is no such setting and naming the nearest keys. */
const struct hb_setting_def *hb_setting_need(const char *key, int status);

/* Validate value for def; on success return its canonical form (the
 * caller's), else NULL with *why set. */
char *hb_setting_canonical(const struct hb_setting_def *def, const char *value,
    const char **why);

/* The effective value of key (the book's, else the default); the caller's.
 * Dies with exit 70 on an unknown key: keys in code are constants. */
char *hb_config_get(struct hb_book *book, const char *key);
/* Validate and store (logs an event).  Dies 64 on an unknown key, 65 on a
 * bad value, 1 when the setting is staff's and the actor is not. */
char *hb_config_set(struct hb_book *book, const char *key, const char *value);

/* Typed readers; a project override wins when project_id > 0. */
int64_t hb_config_int(struct hb_book *book, const char *key,
    int64_t project_id);
/* The book's calendar: holidays and support hours.  Release with
 * hb_config_calendar_release(). */
void hb_config_calendar(struct hb_book *book, struct hb_calendar *cal);
void hb_config_calendar_release(struct hb_calendar *cal);

/* The support window a project's SLA clock runs on when it starts on
 * day, into *out: the project's own (project-set --support-hours), else
 * that of the plan of its package active that day (the oldest: the one
 * time is drawn from; support.hours.monthly, support.hours.upfront,
 * support.hours for the standard plan), else the book's support.hours.
 * Returns where it came from and the window in words, for a finding's
 * message (the caller's), or NULL when it is the book's support.hours
 * (no package, or the standard plan).  A package is active on a day when its first
 * payment is dated on or before it and it was not closed by then. */
char *hb_config_window(struct hb_book *book, int64_t project_id, hb_day day,
    struct hb_support *out);
/* Whether the project is top priority on day: its priority set so
 * (project-set --priority), else whether its package active that day is
 * on the upfront plan. */
bool hb_config_top_priority(struct hb_book *book, int64_t project_id,
    hb_day day);
/* An SLA target (sla.reply_hours, ...): the project's override, else for
 * a top-priority project the book's KEY.priority where set (*priority is
 * then set), else the book's KEY. */
int64_t hb_config_target(struct hb_book *book, const char *key,
    int64_t project_id, bool top, bool *priority);

#endif
