/*
 * suggest: the nearest names, by edit distance (optimal string alignment:
 * Levenshtein plus the swap of two neighbouring characters).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "hourbook/suggest.h"

int
hb_edit_distance(const char *a, const char *b, int limit)
{
	/* Names are short: two rows of the classic table, plus the row
	 * before them for swaps. */
	int prev2[HB_SUGGEST_NAME + 1], prev[HB_SUGGEST_NAME + 1],
	    cur[HB_SUGGEST_NAME + 1];
	size_t la = strlen(a), lb = strlen(b);

	if (la >= HB_SUGGEST_NAME || lb >= HB_SUGGEST_NAME)
		return limit + 1;
	if ((la > lb ? la - lb : lb - la) > (size_t)limit)
		return limit + 1;
	for (size_t j = 0; j <= lb; j++)
		prev[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int row_min;

		cur[0] = row_min = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int cost = tolower((unsigned char)a[i - 1]) !=
			    tolower((unsigned char)b[j - 1]);
			int v = prev[j] + 1;

			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (prev[j - 1] + cost < v)
				v = prev[j - 1] + cost;
			if (i > 1 && j > 1 &&
			    tolower((unsigned char)a[i - 1]) ==
			    tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) ==
			    tolower((unsigned char)b[j - 1]) &&
			    prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
			if (v < row_min)
				row_min = v;
		}
		if (row_min > limit)
			return limit + 1;
		memcpy(prev2, prev, (lb + 1) * sizeof *prev);
		memcpy(prev, cur, (lb + 1) * sizeof *cur);
	}
	return prev[lb] > limit ? limit + 1 : prev[lb];
}

/* How many typos a word of this length may carry and still be matched:
 * one in a short name, more in a long one. */
static int
tolerance(size_t len)
{
	return len <= 4 ? 1 : len <= 9 ? 2 : 3;
}

void
hb_suggest_init(struct hb_suggest *s, const char *word)
{
	memset(s, 0, sizeof *s);
	snprintf(s->word, sizeof s->word, "%s", word ? word : "");
	s->best = tolerance(strlen(s->word)) + 1;
}

void
hb_suggest_add(struct hb_suggest *s, const char *candidate)
{
	int d;

	if (candidate == NULL || strlen(candidate) >= HB_SUGGEST_NAME ||
	    s->word[0] == '\0')
		return;
	d = hb_edit_distance(s->word, candidate, s->best);
	if (d > s->best || d == 0)
		return;
	if (d < s->best) {
		s->best = d;
		s->n = 0;
	}
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->names[i], candidate) == 0)
			return;
	if (s->n < HB_SUGGEST_MAX)
		snprintf(s->names[s->n++], HB_SUGGEST_NAME, "%s", candidate);
}

const char *
hb_suggest_text(const struct hb_suggest *s, char *buf, size_t size)
{
	size_t len;

	buf[0] = '\0';
	if (s->n == 0)
		return buf;
	snprintf(buf, size, " (did you mean ");
	for (size_t i = 0; i < s->n; i++) {
		len = strlen(buf);
		snprintf(buf + len, size - len, "%s%s", i == 0 ? ""
		    : i + 1 == s->n ? " or " : ", ", s->names[i]);
	}
	len = strlen(buf);
	snprintf(buf + len, size - len, "?)");
	return buf;
}
