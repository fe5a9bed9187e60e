/*
 * field: parse one field of a record or end the program with exit 65,
 * naming the column ("hours-log: week.csv:12: minutes: \"1h6o\" is not a
 * duration").  Text fields are checked for valid UTF-8 and a length limit.
 */
#ifndef HOURBOOK_FIELD_H
#define HOURBOOK_FIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "hourbook/date.h"

/* Append item to the list in buf ("a, b, c"), within size bytes. */
void hb_list_append(char *buf, size_t size, const char *item);

/* True when s was given: not NULL and not empty. */
bool hb_given(const char *s);

/* Read decimals with a comma (the excel-csv dialect: "12,50", "1,5h"),
 * where a point is refused; off by default. */
void hb_field_set_decimal_comma(bool on);
/* Whether the record being read takes a decimal comma (excel-csv): for a
 * value whose own separator is a comma (a penalty "10,2"). */
bool hb_field_decimal_comma(void);

int64_t hb_field_money(const char *column, const char *s);
int64_t hb_field_minutes(const char *column, const char *s);
int32_t hb_field_percent(const char *column, const char *s);
/* A DATE: YYYY-MM-DD, or a relative form (date.h: "yesterday", "-3",
 * "monday") resolved against today in the book's time zone, so only
 * once the book is open. */
hb_day hb_field_date(const char *column, const char *s);
/* The same as text: s itself when it is YYYY-MM-DD, else the day it
 * names written into buf (HB_DATE_BUFSZ bytes). */
const char *hb_field_date_text(const char *column, const char *s,
    char *buf);
/* Whether s is written as a DATE, before today is known (an option,
 * parsed before the book opens): else exit 65 naming the forms. */
void hb_field_date_check(const char *column, const char *s);
int64_t hb_field_count(const char *column, const char *s, int64_t min,
    int64_t max);
/* Index of s in the NULL-terminated choices. */
size_t hb_field_choice(const char *column, const char *s,
    const char *const *choices);
/* Valid UTF-8, at most max bytes, no control characters unless multiline
 * (which allows newline and tab). */
const char *hb_field_text(const char *column, const char *s, size_t max,
    int multiline);
/* A key: 1 to 64 of letters, digits, '.', '_' and '-', starting with a
 * letter or digit. */
const char *hb_field_key(const char *column, const char *s);
/* A yes/no flag column: "", "0", "no", "false" or "1", "yes", "true". */
int hb_field_flag(const char *column, const char *s);

#endif
