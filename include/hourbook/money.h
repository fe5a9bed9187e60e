/*
 * money: amounts in integer minor units (cents) and percentages in basis
 * points (1% = 100).  No floating point touches money: parsing is digit by
 * digit and every operation is overflow-checked.
 *
 * Rounding is half away from zero to the cent ("half-up" on the magnitude),
 * applied once per line: a negative amount rounds like its positive twin.
 */
#ifndef HOURBOOK_MONEY_H
#define HOURBOOK_MONEY_H

#include <stdbool.h>
#include <stdint.h>

/* The largest amount accepted anywhere: 10^13 - 1 cents (99,999,999,999.99). */
#define HB_MONEY_MAX INT64_C(9999999999999)
/* "-99999999999.99" and a NUL. */
#define HB_MONEY_BUFSZ 24
/* The largest percentage accepted: 1000% (in basis points). */
#define HB_PERCENT_MAX 100000

/* Parse "100", "100.5" or "100.50" (no sign, no exponent, no thousands
 * separator, at most two decimals) into cents.  Returns 0, or -1 with *why
 * set to a static reason. */
int hb_money_parse(const char *s, int64_t *cents, const char **why);

/* Format cents as "1234.50" (decimal_sep '.' or ','); buf has HB_MONEY_BUFSZ. */
char *hb_money_format(int64_t cents, char decimal_sep, char *buf);

/* Parse "40", "40%", "12.5" or "12.5%" into basis points (0..HB_PERCENT_MAX). */
int hb_percent_parse(const char *s, int32_t *basis_points, const char **why);
/* Format basis points as "12.5" / "40" (no % sign); buf has 16 bytes. */
char *hb_percent_format(int32_t basis_points, char *buf);

/* *out = round(value * num / den), half away from zero; den > 0.  Returns
 * false when the result does not fit in int64_t (nothing is written). */
bool hb_scale_round(int64_t value, int64_t num, int64_t den, int64_t *out);

/* *out = amount * basis_points / 10000, rounded half away from zero. */
bool hb_money_percent(int64_t amount, int32_t basis_points, int64_t *out);

/* Overflow-checked sum, difference and product; false on overflow
 * (nothing is written). */
bool hb_add(int64_t a, int64_t b, int64_t *out);
bool hb_sub(int64_t a, int64_t b, int64_t *out);
bool hb_mul(int64_t a, int64_t b, int64_t *out);

#endif
