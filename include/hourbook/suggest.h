/*
 * suggest: "did you mean ...?" for a name that matches nothing.
 *
 * A caller feeds every candidate it knows (handles, project codes, option
 * names) to one hb_suggest and asks for the nearest ones: those at the
 * smallest edit distance (insertions, deletions, substitutions and the
 * swap of two neighbours: one typo each), if that distance is small for
 * the length of the word.  Comparison ignores ASCII case.
 */
#ifndef HOURBOOK_SUGGEST_H
#define HOURBOOK_SUGGEST_H

#include <stddef.h>

#define HB_SUGGEST_MAX 3	/* names kept at the best distance */
#define HB_SUGGEST_NAME 72	/* longest name kept, with its NUL */

struct hb_suggest {
	char word[HB_SUGGEST_NAME];
	int best;		/* the best distance so far */
	size_t n;
	char names[HB_SUGGEST_MAX][HB_SUGGEST_NAME];
};

void hb_suggest_init(struct hb_suggest *s, const char *word);
/* Consider one candidate (copied when kept). */
void hb_suggest_add(struct hb_suggest *s, const char *candidate);
/* " (did you mean giulia?)", " (did you mean ana or anna?)", or "" when
 * nothing is near; into buf of size bytes, which is returned. */
const char *hb_suggest_text(const struct hb_suggest *s, char *buf,
    size_t size);
/* Edit distance between a and b, capped at limit + 1. */
int hb_edit_distance(const char *a, const char *b, int limit);

#endif
