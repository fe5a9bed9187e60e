/*
 * lang: the client-facing texts of the activity sheet and the dashboard,
 * in the languages our agencies work in, from one table (lib/lang.c).
 *
 * A text is found by its key ("heading.title"); each row of the table
 * holds the key and the text in every language.  Only what a client reads
 * is here (the sheet's title, the labels of its header block, the column
 * headings, the legend, the task states and the Summary's labels; the
 * dashboard's headings and short month names): the CSV exports and every
 * message keep their English names.  In the sheet, dates and numbers are
 * typed cells, so the reader's spreadsheet formats them in the reader's
 * locale; the dashboard writes dates as YYYY-MM-DD in every language.
 */
#ifndef HOURBOOK_LANG_H
#define HOURBOOK_LANG_H

#include <stddef.h>

enum hb_lang { HB_LANG_EN, HB_LANG_IT, HB_LANG_PT, HB_LANG_ES, HB_NLANGS };

/* "en", "it", "pt", "es", NULL-terminated: the choices of --lang. */
extern const char *const hb_lang_codes[];

/* The language of code ("it"), or -1. */
int hb_lang_find(const char *code);

/* The text of key in lang (borrowed, static).  A key the table does not
 * hold is a bug: the program ends with exit 70. */
const char *hb_lang_text(enum hb_lang lang, const char *key);

/* The language of a client's document: given (--lang), else the
 * client's (client-add --lang; NULL: none), else the book's sheet.lang. */
struct hb_book;
enum hb_lang hb_lang_choose(struct hb_book *book, const char *given,
    const char *client);

/* The table itself, for the test that every key has every language. */
struct hb_lang_row {
	const char *key;
	const char *text[HB_NLANGS];
};
extern const struct hb_lang_row hb_lang_table[];
extern const size_t hb_lang_rows;

#endif
