/*
 * csv: a strict, streaming reader over libcsv, and the writers: RFC 4180,
 * excel-csv, and the table and JSON Lines formats, which take each value's
 * kind from its column (columns.h).
 *
 * The reader reads fixed-size blocks, never a whole line, so that its
 * memory does not grow with the input: a line longer than a block is fed
 * to libcsv piece by piece.  It splits each block into physical lines
 * itself, so it always knows the line a record starts on, and checks each
 * line (UTF-8, NUL bytes) before libcsv sees it; a UTF-8 sequence or a CR
 * at the end of a block waits for the next one.  The line ending itself is
 * fed separately: a record that libcsv ends on a CR inside the line is a
 * bare CR, which we refuse rather than guess at.  The header line is held
 * back until it shows its separator: ';' without ',' is the excel-csv
 * dialect that our own writer writes.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "hourbook/columns.h"
#include "hourbook/csv.h"
#include "hourbook/diag.h"
#include "hourbook/date.h"
#include "hourbook/duration.h"
#include "hourbook/money.h"
#include "hourbook/progress.h"
#include "hourbook/table.h"
#include "hourbook/xlsx.h"

int32_t
hb_utf8_decode(const char *str, size_t len, size_t *n)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0];
	int32_t cp;
	size_t need;

	*n = 1;
	if (c < 0x80)
		return c;
	if (c >= 0xc2 && c <= 0xdf) {
		need = 1;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 2;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 3;
		cp = c & 0x07;
	} else
		return -1;
	if (len <= need)
		return -1;
	for (size_t k = 1; k <= need; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return -1;
		cp = cp << 6 | (s[k] & 0x3f);
	}
	if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return -1;
	*n = need + 1;
	return cp;
}

bool
hb_utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, n;

	while (i < len) {
		/* ASCII, most of every input, without a call. */
		if (s[i] != 0 && s[i] < 0x80) {
			i++;
			continue;
		}
		if (hb_utf8_decode(str + i, len - i, &n) <= 0)
			return false;
		i += n;
	}
	return true;
}

char *
hb_utf8_escape(const char *s)
{
	size_t len = strlen(s), i = 0, n;
	char *out = hb_xmalloc(4 * len + 1), *o = out;

	while (i < len) {
		int32_t cp = hb_utf8_decode(s + i, len - i, &n);

		if (cp >= 0x20 && cp != 0x7f) {
			memcpy(o, s + i, n);
			o += n;
		} else {
			snprintf(o, 5, "\\x%02X", (unsigned char)s[i]);
			o += 4;
		}
		i += n;
	}
	*o = '\0';
	return out;
}

/* ---- reader ---------------------------------------------------------- */

/* The input is read this many bytes at a time, whatever its line length. */
#define BLOCK_SIZE 65536

struct reader {
	struct csv_parser parser;
	const struct hb_csv_column *columns;
	size_t ncolumns;
	hb_csv_row_fn *on_row;
	void *ctx;
	struct hb_csv_error *err;

	/* The record being read: fields packed NUL-separated in `text`. */
	char *text;
	size_t text_len, text_cap;
	size_t *offsets;
	size_t nfields, fields_cap;

	bool have_header;
	size_t header_fields;
	int *map;		/* columns[i] is field map[i] of a record, or -1 */
	const char **values;

	/* Until the dialect is known, the header line is held here rather
	 * than fed: libcsv must know its separator before the first byte. */
	bool decided;
	bool excel;		/* the excel-csv dialect: ';' and apostrophes */
	enum hb_csv_format *dialect;	/* the caller's, or NULL */
	char *head;
	size_t head_len, head_cap;
	bool head_semicolon;	/* the held header line has a ';' */

	long line;		/* the physical line being fed */
	long record_line;	/* where the current record started */
	bool pending;		/* a record has started and not ended */
	bool bare_cr;		/* libcsv ended a record on a CR mid-line */
	int stop;		/* non-zero: stop (error, or on_row said so) */
};

static void set_error(struct reader *r, long line, const char *column,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
set_error(struct reader *r, long line, const char *column, const char *fmt,
    ...)
{
	va_list ap;

	/* Every caller checks r->stop first: the first error is the one kept. */
	r->err->line = line;
	snprintf(r->err->column, sizeof r->err->column, "%s",
	    column ? column : "");
	va_start(ap, fmt);
	vsnprintf(r->err->reason, sizeof r->err->reason, fmt, ap);
	va_end(ap);
	r->stop = -1;
}

/* A spreadsheet runs text that starts with one of these as a formula. */
static bool
formula_start(char c)
{
	return c != '\0' && strchr("=+-@\t\r\n", c) != NULL;
}

/* Text that the excel-csv writer neutralises with one more apostrophe in
 * front: a formula, or a formula behind apostrophes, so that the reader
 * can take exactly one off and text such as "'=1" survives the trip. */
static bool
formula_like(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && s[i] == '\'')
		i++;
	return i < len && formula_start(s[i]);
}

static void
on_field(void *data, size_t len, void *vr)
{
	struct reader *r = vr;
	const char *s = data;

	if (r->stop)
		return;
	if (len > HB_CSV_FIELD_MAX) {
		set_error(r, r->record_line, NULL,
		    "field %zu is longer than 1 MiB", r->nfields + 1);
		return;
	}
	if (r->nfields == HB_CSV_COLUMNS_MAX) {
		set_error(r, r->record_line, NULL,
		    "more than %d columns", HB_CSV_COLUMNS_MAX);
		return;
	}
	/* Fields under the limit, but many of them, must not add up to an
	 * unbounded record either. */
	if (r->text_len - r->nfields + len > HB_CSV_RECORD_MAX) {
		set_error(r, r->record_line, NULL,
		    "record longer than 4 MiB");
		return;
	}
	/* The excel-csv writer put an apostrophe before text a spreadsheet
	 * would run as a formula: take it off again (the header is never
	 * neutralised). */
	if (r->excel && r->have_header && len >= 2 && s[0] == '\'' &&
	    formula_like(s + 1, len - 1)) {
		s++;
		len--;
	}
	if (r->nfields == r->fields_cap) {
		r->fields_cap = r->fields_cap ? 2 * r->fields_cap : 16;
		r->offsets = hb_xrealloc(r->offsets,
		    r->fields_cap * sizeof *r->offsets);
	}
	if (r->text_len + len + 1 > r->text_cap) {
		/* Doubling, but never past what the largest record needs. */
		size_t most = HB_CSV_RECORD_MAX + HB_CSV_COLUMNS_MAX;

		while (r->text_len + len + 1 > r->text_cap)
			r->text_cap = r->text_cap ? 2 * r->text_cap : 1024;
		if (r->text_cap > most)
			r->text_cap = most;
		r->text = hb_xrealloc(r->text, r->text_cap);
	}
	r->offsets[r->nfields++] = r->text_len;
	if (len > 0)
		memcpy(r->text + r->text_len, s, len);
	r->text_len += len;
	r->text[r->text_len++] = '\0';
}

/* Header names compare case-insensitively, with '-' and '_' alike. */
static bool
same_name(const char *a, size_t alen, const char *b)
{
	size_t i;

	for (i = 0; i < alen && b[i] != '\0'; i++) {
		int x = tolower((unsigned char)a[i]), y = tolower((unsigned char)b[i]);

		if (x == '-')
			x = '_';
		if (y == '-')
			y = '_';
		if (x != y)
			return false;
	}
	return i == alen && b[i] == '\0';
}

/* Does the header name `h` match one of "a|b|c"? */
static bool
matches(const char *names, const char *h)
{
	const char *p = names;

	for (;;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);

		if (same_name(p, len, h))
			return true;
		if (bar == NULL)
			return false;
		p = bar + 1;
	}
}

const char *
hb_csv_column_name(const char *names, char *buf, size_t size)
{
	size_t len = strcspn(names, "|");

	if (len >= size)
		len = size - 1;
	memcpy(buf, names, len);
	buf[len] = '\0';
	return buf;
}

/* For a header that lacks a column: how its line was split, when a
 * separator other than the one used may have been meant (issue 12: a
 * header with both ',' and ';' is read as plain CSV, and a missing
 * column must not leave the user guessing why). */
static const char *
dialect_hint(const struct reader *r)
{
	if (r->excel)
		return " (the file is read as excel-csv: its header line has "
		    "';' and no ',')";
	for (size_t f = 0; f < r->nfields; f++)
		if (strchr(r->text + r->offsets[f], ';') != NULL)
			return " (the file is read as comma-separated CSV, as its "
			    "header line has a ','; it has ';' too: excel-csv is "
			    "a header with ';' and no ',')";
	return "";
}

static void
take_header(struct reader *r)
{
	char name[64];

	r->header_fields = r->nfields;
	for (size_t f = 0; f < r->nfields; f++) {
		const char *h = r->text + r->offsets[f];

		if (*h == '\0')
			continue;
		for (size_t g = 0; g < f; g++)
			if (strcasecmp(h, r->text + r->offsets[g]) == 0) {
				set_error(r, r->record_line, h,
				    "duplicate column");
				return;
			}
	}
	for (size_t c = 0; c < r->ncolumns; c++) {
		r->map[c] = -1;
		for (size_t f = 0; f < r->nfields; f++) {
			const char *h = r->text + r->offsets[f];

			if (*h == '\0' || !matches(r->columns[c].names, h))
				continue;
			if (r->map[c] >= 0) {
				hb_csv_column_name(r->columns[c].names, name, sizeof name);
				set_error(r, r->record_line, name,
				    "given twice (as \"%s\" and \"%s\")",
				    r->text + r->offsets[r->map[c]], h);
				return;
			}
			r->map[c] = (int)f;
		}
		if (r->map[c] < 0 && r->columns[c].required) {
			hb_csv_column_name(r->columns[c].names, name, sizeof name);
			set_error(r, r->record_line, name,
			    "required column is missing%s", dialect_hint(r));
			return;
		}
	}
	r->have_header = true;
}

static void
on_record(int term, void *vr)
{
	struct reader *r = vr;

	if (term == CSV_CR)
		r->bare_cr = true;
	r->pending = false;
	if (r->stop)
		goto done;
	if (!r->have_header) {
		take_header(r);
		goto done;
	}
	if (r->nfields != r->header_fields) {
		set_error(r, r->record_line, NULL,
		    "%zu fields where the header has %zu", r->nfields,
		    r->header_fields);
		goto done;
	}
	for (size_t c = 0; c < r->ncolumns; c++)
		r->values[c] = r->map[c] < 0 ? NULL
		    : r->text + r->offsets[r->map[c]];
	r->stop = r->on_row(r->ctx, r->values, r->record_line);
done:
	r->nfields = 0;
	r->text_len = 0;
}

/* Spaces are data: never trim them. */
static int
no_space(unsigned char c)
{
	(void)c;
	return 0;
}

/* Feed len bytes in chunks, so that an oversized field is refused after
 * its first MiB rather than after the whole of it. */
static void
feed(struct reader *r, const char *s, size_t len)
{
	while (len > 0 && !r->stop) {
		size_t n = len < 65536 ? len : 65536;

		/* With hb_xrealloc for its buffers, a parse error is the only
		 * way libcsv can fail. */
		if (csv_parse(&r->parser, s, n, on_field, on_record, r) != n &&
		    !r->stop)
			set_error(r, r->line, NULL, "stray or unbalanced quote");
		if (!r->stop && csv_get_buffer_size(&r->parser) >
		    HB_CSV_FIELD_MAX + 65536)
			set_error(r, r->record_line, NULL,
			    "field longer than 1 MiB");
		s += n;
		len -= n;
	}
}

/* Feed the body of a line (all of it, or the part of it in this block),
 * without its line end.  A record that libcsv ends on a CR here ended on
 * a bare CR, which we refuse rather than guess at. */
static void
feed_body(struct reader *r, const char *s, size_t len)
{
	if (len == 0)
		return;
	if (!r->pending) {
		r->record_line = r->line;
		r->pending = true;
	}
	r->bare_cr = false;
	feed(r, s, len);
	if (r->bare_cr && !r->stop)
		set_error(r, r->line, NULL,
		    "carriage return without line feed (use LF or CRLF line ends)");
}

/* The header line is known, or as much of it as we hold: the excel-csv
 * dialect when it has a ';' and no ','.  Tell the caller, set libcsv's
 * separator and feed what was held. */
static void
decide(struct reader *r)
{
	r->decided = true;
	r->excel = r->head_semicolon;
	if (r->dialect != NULL)
		*r->dialect = r->excel ? HB_CSV_EXCEL : HB_CSV_PLAIN;
	if (r->excel)
		csv_set_delim(&r->parser, ';');
	feed_body(r, r->head, r->head_len);
	free(r->head);
	r->head = NULL;
	r->head_len = r->head_cap = 0;
}

/* A piece of one physical line: `len` bytes of its body, then its line
 * end (`end_len` bytes: "\n", "\r\n", a final "\r", or none when the line
 * goes on in the next block). */
static void
take_piece(struct reader *r, const char *s, size_t len, size_t end_len)
{
	if (!r->decided && (len > 0 || r->head_len > 0)) {
		if (r->head_len + len > r->head_cap) {
			while (r->head_len + len > r->head_cap)
				r->head_cap = r->head_cap ? 2 * r->head_cap
				    : BLOCK_SIZE;
			r->head = hb_xrealloc(r->head, r->head_cap);
		}
		memcpy(r->head + r->head_len, s, len);
		r->head_len += len;
		if (memchr(s, ';', len) != NULL)
			r->head_semicolon = true;
		/* A ',' decides at once; else the end of the line does.  A
		 * header line of over 1 MiB without either is decided on that
		 * much, so that holding it stays bounded. */
		if (memchr(s, ',', len) != NULL) {
			r->head_semicolon = false;
			decide(r);
		} else if (end_len > 0 || r->head_len > HB_CSV_FIELD_MAX)
			decide(r);
	} else if (r->decided)
		feed_body(r, s, len);
	/* A line end outside a record is a blank line, which libcsv would
	 * skip: only one that ends a record (or a quoted field's line) needs
	 * feeding.  Blank lines then cost next to nothing. */
	if (end_len > 0 && r->pending && !r->stop)
		feed(r, s + len, end_len);
}

/* A block's worth of input, with no sequence of UTF-8 cut at its end (and
 * no CR, unless `last`): split it into physical lines, check each before
 * libcsv sees it, and feed it. */
static void
take_block(struct reader *r, const char *s, size_t len, bool last)
{
	/* Most blocks are clean: check them whole, and a line at a time
	 * only to name the line of a fault. */
	bool clean = hb_utf8_valid(s, len);

	while (len > 0 && !r->stop) {
		const char *lf = memchr(s, '\n', len);
		size_t n = lf ? (size_t)(lf - s) + 1 : len, body = n;

		if (!clean && memchr(s, '\0', n) != NULL) {
			set_error(r, r->line, NULL, "NUL byte in the input");
			return;
		}
		if (!clean && !hb_utf8_valid(s, n)) {
			set_error(r, r->line, NULL, "invalid UTF-8");
			return;
		}
		if (lf != NULL) {
			body--;
			if (body > 0 && s[body - 1] == '\r')
				body--;
		} else if (last && s[body - 1] == '\r')
			body--;
		take_piece(r, s, body, n - body);
		if (lf != NULL)
			r->line++;
		s += n;
		len -= n;
	}
}

/* How many bytes at the end of s (len bytes, more to come) to keep for
 * the next block: a CR, which is a line end only if a LF follows, or the
 * start of a UTF-8 sequence that the next block completes. */
static size_t
held_back(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;

	if (len > 0 && s[len - 1] == '\r')
		return 1;
	for (size_t k = 1; k <= 3 && k <= len; k++) {
		unsigned char c = s[len - k];
		size_t need;

		if ((c & 0xc0) == 0x80)
			continue;
		if (c < 0xc0)
			return 0;
		need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
		return need > k ? k : 0;
	}
	return 0;
}

int
hb_csv_read_stream_dialect(FILE *fp, const struct hb_csv_column *columns,
    size_t ncolumns, hb_csv_row_fn *on_row, void *ctx,
    enum hb_csv_format *dialect, struct hb_csv_error *err)
{
	struct reader r;
	/* Room for a block after the bytes held back from the last one. */
	char *block = hb_xmalloc(BLOCK_SIZE + 4);
	size_t kept = 0, got;
	bool first = true, last = false;

	memset(&r, 0, sizeof r);
	memset(err, 0, sizeof *err);
	r.columns = columns;
	r.ncolumns = ncolumns;
	r.on_row = on_row;
	r.ctx = ctx;
	r.err = err;
	r.dialect = dialect;
	if (dialect != NULL)
		*dialect = HB_CSV_PLAIN;
	r.line = 1;
	r.map = hb_xcalloc(ncolumns + 1, sizeof *r.map);
	r.values = hb_xcalloc(ncolumns + 1, sizeof *r.values);
	/* csv_init fails only for a NULL parser. */
	(void)csv_init(&r.parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	csv_set_space_func(&r.parser, no_space);
	/* Grow field buffers 64 KiB at a time, not 128 bytes, and end the
	 * program rather than fail when memory runs out. */
	csv_set_blk_size(&r.parser, 65536);
	csv_set_realloc_func(&r.parser, hb_xrealloc);

	while (!r.stop && !last) {
		char *s = block;
		size_t len, keep;

		got = fread(block + kept, 1, BLOCK_SIZE, fp);
		if (got < BLOCK_SIZE) {
			if (ferror(fp)) {
				/* Nothing read at all: the input is not a
				 * file, rather than bad on some line. */
				set_error(&r, first && kept == 0 && got == 0 ? 0
				    : r.line, NULL, "read error: %s",
				    strerror(errno));
				break;
			}
			last = true;
		}
		len = kept + got;
		if (first) {
			first = false;
			if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
				s += 3;
				len -= 3;
			}
			if (len >= 2 && (((unsigned char)s[0] == 0xff &&
			    (unsigned char)s[1] == 0xfe) ||
			    ((unsigned char)s[0] == 0xfe &&
			    (unsigned char)s[1] == 0xff))) {
				set_error(&r, 1, NULL,
				    "UTF-16 input: save the file as UTF-8");
				break;
			}
		}
		keep = last ? 0 : held_back(s, len);
		take_block(&r, s, len - keep, last);
		memmove(block, s + len - keep, keep);
		kept = keep;
	}
	if (!r.stop && !r.decided)
		decide(&r);
	if (!r.stop) {
		/* The last record may end here, without a newline: its own
		 * error (set by on_record) comes first. */
		int unterminated = csv_fini(&r.parser, on_field, on_record, &r);

		if (r.stop)
			;
		else if (unterminated)
			set_error(&r, r.record_line, NULL,
			    "unterminated quoted field");
		else if (!r.have_header)
			set_error(&r, 1, NULL, "empty input: a header row is required");
	}
	csv_free(&r.parser);
	free(block);
	free(r.head);
	free(r.text);
	free(r.offsets);
	free(r.map);
	free(r.values);
	return r.stop;
}

int
hb_csv_read_stream(FILE *fp, const struct hb_csv_column *columns,
    size_t ncolumns, hb_csv_row_fn *on_row, void *ctx,
    struct hb_csv_error *err)
{
	return hb_csv_read_stream_dialect(fp, columns, ncolumns, on_row, ctx,
	    NULL, err);
}

int
hb_csv_read_dialect(const char *path, const struct hb_csv_column *columns,
    size_t ncolumns, hb_csv_row_fn *on_row, void *ctx,
    enum hb_csv_format *dialect, struct hb_csv_error *err)
{
	FILE *fp;
	int rc;

	if (strcmp(path, "-") == 0)
		return hb_csv_read_stream_dialect(stdin, columns, ncolumns,
		    on_row, ctx, dialect, err);
	fp = fopen(path, "rb");
	if (fp == NULL) {
		memset(err, 0, sizeof *err);
		if (dialect != NULL)
			*dialect = HB_CSV_PLAIN;
		snprintf(err->reason, sizeof err->reason, "%s", strerror(errno));
		return -1;
	}
	rc = hb_csv_read_stream_dialect(fp, columns, ncolumns, on_row, ctx,
	    dialect, err);
	fclose(fp);
	return rc;
}

int
hb_csv_read(const char *path, const struct hb_csv_column *columns,
    size_t ncolumns, hb_csv_row_fn *on_row, void *ctx,
    struct hb_csv_error *err)
{
	return hb_csv_read_dialect(path, columns, ncolumns, on_row, ctx, NULL,
	    err);
}

/* ---- writer ---------------------------------------------------------- */

/* Table and JSON Lines: the columns, and the row being written, whose
 * values wait for its end (a table shows money with the row's currency). */
struct hb_csv_rows {
	char **names;
	enum hb_column_kind *kinds;	/* the dictionary's kind of each */
	bool *known;			/* ... when it knows the name */
	size_t ncolumns;
	ptrdiff_t currency;	/* table: the currency column, shown with
				   the money instead of on its own; -1 */
	/* The row: values packed NUL-terminated in text, at offsets
	 * (NO_VALUE for an empty one), and the kind of the call that wrote
	 * each. */
	char *text;
	size_t text_len, text_cap;
	size_t *offsets;
	enum hb_column_kind *calls;
	size_t ncells, cells_cap;
	struct hb_table *table;
};

#define NO_VALUE SIZE_MAX

static bool
structured(const struct hb_csv_writer *w)
{
	return w->rows != NULL;
}

void
hb_csv_writer_init(struct hb_csv_writer *w, FILE *fp,
    enum hb_csv_format format)
{
	w->fp = fp;
	w->format = format;
	w->column = 0;
	w->xlsx = NULL;
	w->sheet = NULL;
	w->no_header = false;
	w->rows = NULL;
	w->progress = NULL;
	if (format == HB_CSV_EXCEL)
		fputs("\xef\xbb\xbf", fp);
	if (format == HB_CSV_TABLE || format == HB_CSV_JSONL) {
		w->rows = hb_xcalloc(1, sizeof *w->rows);
		w->rows->currency = -1;
	}
}

static void
forget_columns(struct hb_csv_rows *r)
{
	for (size_t i = 0; i < r->ncolumns; i++)
		free(r->names[i]);
	free(r->names);
	free(r->kinds);
	free(r->known);
	r->names = NULL;
	r->kinds = NULL;
	r->known = NULL;
	r->ncolumns = 0;
	r->currency = -1;
}

/* A table is printed whole, once its rows are in. */
static void
print_table(struct hb_csv_writer *w)
{
	struct hb_csv_rows *r = w->rows;

	if (r->table == NULL)
		return;
	hb_table_print(r->table, w->fp, !w->no_header, hb_table_width(w->fp),
	    hb_table_colour(w->fp));
	hb_table_free(r->table);
	r->table = NULL;
}

void
hb_csv_writer_finish(struct hb_csv_writer *w)
{
	struct hb_csv_rows *r = w->rows;

	if (r == NULL)
		return;
	print_table(w);
	forget_columns(r);
	free(r->text);
	free(r->offsets);
	free(r->calls);
	free(r);
	w->rows = NULL;
}

static void
separator(struct hb_csv_writer *w)
{
	if (w->column++ > 0)
		putc(w->format == HB_CSV_EXCEL ? ';' : ',', w->fp);
}

/* Write s, quoted when it holds the separator, a quote or a line break. */
static void
put_field(struct hb_csv_writer *w, const char *s, bool neutralise)
{
	char sep = w->format == HB_CSV_EXCEL ? ';' : ',';
	bool quote = false;
	const char *p;

	for (p = s; *p != '\0'; p++)
		if (*p == sep || *p == '"' || *p == '\n' || *p == '\r') {
			quote = true;
			break;
		}
	if (!quote && !neutralise) {
		fputs(s, w->fp);
		return;
	}
	if (quote)
		putc('"', w->fp);
	if (neutralise)
		putc('\'', w->fp);
	for (p = s; *p != '\0'; p++) {
		if (*p == '"')
			putc('"', w->fp);
		putc(*p, w->fp);
	}
	if (quote)
		putc('"', w->fp);
}

/* A value of the row being written in a table or JSON Lines: its text as
 * CSV would show it (NULL: empty) and the kind of call that wrote it. */
static void
put_value(struct hb_csv_writer *w, enum hb_column_kind call, const char *s)
{
	struct hb_csv_rows *r = w->rows;
	size_t len;

	if (r->ncells == r->cells_cap) {
		r->cells_cap = r->cells_cap ? 2 * r->cells_cap : 32;
		r->offsets = hb_xrealloc(r->offsets,
		    r->cells_cap * sizeof *r->offsets);
		r->calls = hb_xrealloc(r->calls, r->cells_cap * sizeof *r->calls);
	}
	r->calls[r->ncells] = call;
	if (s == NULL || *s == '\0') {
		r->offsets[r->ncells++] = NO_VALUE;
		return;
	}
	len = strlen(s);
	if (r->text_len + len + 1 > r->text_cap) {
		while (r->text_len + len + 1 > r->text_cap)
			r->text_cap = r->text_cap ? 2 * r->text_cap : 1024;
		r->text = hb_xrealloc(r->text, r->text_cap);
	}
	memcpy(r->text + r->text_len, s, len + 1);
	r->offsets[r->ncells++] = r->text_len;
	r->text_len += len + 1;
}

static const char *
value_of(const struct hb_csv_rows *r, size_t i)
{
	return i >= r->ncells || r->offsets[i] == NO_VALUE ? NULL
	    : r->text + r->offsets[i];
}

/* The kind value i is shown as: its column's, else its call's. */
static enum hb_column_kind
kind_of(const struct hb_csv_rows *r, size_t i)
{
	if (i < r->ncolumns && r->known[i])
		return r->kinds[i];
	return i < r->ncells ? r->calls[i] : HB_COLUMN_TEXT;
}

/* ---- values as numbers ------------------------------------------------ */

/* "-12", "0", "90": a whole number as JSON writes it (no leading zero, at
 * most 18 digits). */
static bool
is_integer(const char *s)
{
	size_t n;

	if (*s == '-')
		s++;
	n = strspn(s, "0123456789");
	return n > 0 && n <= 18 && s[n] == '\0' && !(s[0] == '0' && n > 1);
}

/* One id: 1 to 15 digits without a leading zero (as report.c's T_KEY), so
 * that the number is the text exactly. */
static bool
is_id(const char *s)
{
	size_t n = strspn(s, "0123456789");

	return n > 0 && n <= 15 && s[n] == '\0' && !(s[0] == '0' && n > 1);
}

/* "12.5", "40", "-0.25": a decimal number as JSON writes it. */
static bool
is_decimal(const char *s)
{
	const char *p = s;
	size_t n;

	if (*p == '-')
		p++;
	n = strspn(p, "0123456789");
	if (n == 0 || n > 18 || (p[0] == '0' && n > 1))
		return false;
	p += n;
	if (*p == '\0')
		return true;
	if (*p++ != '.')
		return false;
	n = strspn(p, "0123456789");
	return n > 0 && p[n] == '\0';
}

/* Money as the writers write it, "-1234.50", into cents. */
static bool
money_cents(const char *s, int64_t *cents)
{
	bool negative = *s == '-';
	const char *p = s + negative, *point = strchr(p, '.');
	int64_t v = 0;

	if (point == NULL || point == p || strlen(point) != 3 ||
	    strspn(point + 1, "0123456789") != 2 ||
	    strspn(p, "0123456789") != (size_t)(point - p) ||
	    (p[0] == '0' && point - p > 1))
		return false;
	for (const char *q = p; *q != '\0'; q++) {
		if (*q == '.')
			continue;
		if (__builtin_mul_overflow(v, 10, &v) ||
		    __builtin_add_overflow(v, *q - '0', &v))
			return false;
	}
	*cents = negative ? -v : v;
	return true;
}

/* ---- JSON Lines ------------------------------------------------------- */

void
hb_json_string(FILE *fp, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len = strlen(str), i = 0;

	putc('"', fp);
	while (i < len) {
		size_t n;
		int32_t c = hb_utf8_decode(str + i, len - i, &n);

		if (c == '"' || c == '\\') {
			putc('\\', fp);
			putc(c, fp);
		} else if (c == '\n')
			fputs("\\n", fp);
		else if (c == '\r')
			fputs("\\r", fp);
		else if (c == '\t')
			fputs("\\t", fp);
		else if (c == '\b')
			fputs("\\b", fp);
		else if (c == '\f')
			fputs("\\f", fp);
		else if (c < 0)
			fputs("\\ufffd", fp);
		else if (c < 0x20 || c == 0x7f)
			fprintf(fp, "\\u%04x", (unsigned)c);
		else
			fwrite(s + i, 1, n, fp);
		i += n;
	}
	putc('"', fp);
}

static void
json_value(FILE *fp, enum hb_column_kind kind, const char *v)
{
	int64_t cents;

	if (v == NULL) {
		fputs("null", fp);
		return;
	}
	switch (kind) {
	case HB_COLUMN_INT:
	case HB_COLUMN_MINUTES:
		if (is_integer(v)) {
			fputs(v, fp);
			return;
		}
		break;
	case HB_COLUMN_ID:
		if (is_id(v)) {
			fputs(v, fp);
			return;
		}
		break;
	case HB_COLUMN_PERCENT:
		if (is_decimal(v)) {
			fputs(v, fp);
			return;
		}
		break;
	case HB_COLUMN_MONEY:
		if (money_cents(v, &cents)) {
			fprintf(fp, "%lld", (long long)cents);
			return;
		}
		break;
	default:
		break;
	}
	hb_json_string(fp, v);
}

static void
json_row(struct hb_csv_writer *w)
{
	struct hb_csv_rows *r = w->rows;
	char name[32];

	putc('{', w->fp);
	for (size_t i = 0; i < r->ncells; i++) {
		if (i > 0)
			putc(',', w->fp);
		if (i < r->ncolumns)
			hb_json_string(w->fp, r->names[i]);
		else {
			snprintf(name, sizeof name, "column%zu", i + 1);
			hb_json_string(w->fp, name);
		}
		putc(':', w->fp);
		json_value(w->fp, kind_of(r, i), value_of(r, i));
	}
	fputs("}\n", w->fp);
}

/* ---- tables ------------------------------------------------------------ */

static void
table_columns(struct hb_csv_writer *w)
{
	struct hb_csv_rows *r = w->rows;
	bool money = false;
	char heading[64];

	r->currency = -1;
	for (size_t i = 0; i < r->ncolumns; i++) {
		if (strcmp(r->names[i], "currency") == 0)
			r->currency = (ptrdiff_t)i;
		money |= r->known[i] && r->kinds[i] == HB_COLUMN_MONEY;
	}
	/* The currency goes with the money, when there is money. */
	if (!money)
		r->currency = -1;
	r->table = hb_table_new();
	for (size_t i = 0; i < r->ncolumns; i++) {
		enum hb_column_kind k = r->kinds[i];

		if ((ptrdiff_t)i == r->currency)
			continue;
		hb_table_column(r->table, hb_column_heading(r->names[i], heading,
		    sizeof heading), hb_column_numeric(k), k == HB_COLUMN_TEXT,
		    i == 0 ? HB_TABLE_KEY : hb_column_detail(r->names[i])
		    ? HB_TABLE_DETAIL : HB_TABLE_NORMAL);
	}
}

/* A value as a person reads it: minutes as h:mm, money with its
 * currency, a percentage with its sign, an instant in local time. */
static void
table_value(struct hb_table *t, enum hb_column_kind kind, const char *v,
    const char *currency)
{
	char buf[HB_MONEY_BUFSZ + 64];
	int64_t n;

	if (v == NULL) {
		hb_table_cell(t, NULL);
		return;
	}
	switch (kind) {
	case HB_COLUMN_MINUTES:
		if (is_integer(v)) {
			char d[HB_DURATION_BUFSZ];

			hb_table_cell(t, hb_duration_format(strtoll(v, NULL, 10),
			    d));
			return;
		}
		break;
	case HB_COLUMN_MONEY:
		if (money_cents(v, &n)) {
			hb_money_format(n, '.', buf);
			if (currency != NULL) {
				size_t len = strlen(buf);

				snprintf(buf + len, sizeof buf - len, " %.8s",
				    currency);
			}
			hb_table_cell(t, buf);
			return;
		}
		break;
	case HB_COLUMN_PERCENT:
		if (is_decimal(v)) {
			snprintf(buf, sizeof buf, "%s%%", v);
			hb_table_cell(t, buf);
			return;
		}
		break;
	case HB_COLUMN_DATE:		/* an SLA's due may be an instant */
	case HB_COLUMN_TIMESTAMP:
		if (strlen(v) > 10 && hb_timestamp_parse(v, &n, NULL) == 0) {
			hb_table_cell(t, hb_local_time_format(n, buf));
			return;
		}
		break;
	default:
		break;
	}
	hb_table_cell(t, v);
}

static void
table_row(struct hb_csv_writer *w)
{
	struct hb_csv_rows *r = w->rows;
	const char *currency = r->currency >= 0
	    ? value_of(r, (size_t)r->currency) : NULL;

	if (r->table == NULL)
		table_columns(w);
	for (size_t i = 0; i < r->ncells; i++)
		if ((ptrdiff_t)i != r->currency)
			table_value(r->table, kind_of(r, i), value_of(r, i),
			    currency);
	hb_table_end_row(r->table);
}

/* ---- the typed calls --------------------------------------------------- */

const struct hb_xlsx_ops *hb_xlsx_ops;

struct hb_xlsx *
hb_xlsx_start(const char *path, const char *name)
{
	if (hb_xlsx_ops == NULL)
		hb_die(HB_EXIT_SOFTWARE, "%s: this command does not write xlsx "
		    "(it does not link libhourbook_xlsx)", name);
	return hb_xlsx_ops->open(path, name);
}

void
hb_csv_text(struct hb_csv_writer *w, const char *s)
{
	if (w->xlsx) {
		hb_xlsx_ops->text(w->xlsx, s);
		return;
	}
	if (structured(w)) {
		put_value(w, HB_COLUMN_TEXT, s);
		return;
	}
	separator(w);
	if (s == NULL)
		return;
	/* A spreadsheet would run these as formulas: make them text.  The
	 * excel-csv reader takes the apostrophe off again. */
	put_field(w, s, w->format == HB_CSV_EXCEL &&
	    formula_like(s, strlen(s)));
}

/* n in decimal, into the end of buf; returns where it starts. */
static char *
decimal(int64_t n, char *buf, size_t size)
{
	char *p = buf + size;
	uint64_t mag = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;

	*--p = '\0';
	do
		*--p = (char)('0' + mag % 10);
	while ((mag /= 10) != 0);
	if (n < 0)
		*--p = '-';
	return p;
}

void
hb_csv_int(struct hb_csv_writer *w, int64_t n)
{
	char buf[24];

	if (w->xlsx) {
		hb_xlsx_ops->integer(w->xlsx, n);
		return;
	}
	if (structured(w)) {
		put_value(w, HB_COLUMN_INT, decimal(n, buf, sizeof buf));
		return;
	}
	separator(w);
	fputs(decimal(n, buf, sizeof buf), w->fp);
}

void
hb_csv_money(struct hb_csv_writer *w, int64_t cents)
{
	char buf[HB_MONEY_BUFSZ];

	if (w->xlsx) {
		hb_xlsx_ops->money(w->xlsx, cents);
		return;
	}
	if (structured(w)) {
		put_value(w, HB_COLUMN_MONEY, hb_money_format(cents, '.', buf));
		return;
	}
	separator(w);
	fputs(hb_money_format(cents, w->format == HB_CSV_EXCEL ? ',' : '.', buf),
	    w->fp);
}

void
hb_csv_percent(struct hb_csv_writer *w, int32_t basis_points)
{
	char buf[16], *point;

	hb_percent_format(basis_points, buf);
	if (structured(w)) {
		put_value(w, HB_COLUMN_PERCENT, buf);
		return;
	}
	if (w->format == HB_CSV_EXCEL && (point = strchr(buf, '.')) != NULL)
		*point = ',';
	hb_csv_text(w, buf);
}

void
hb_csv_null(struct hb_csv_writer *w)
{
	if (w->xlsx) {
		hb_xlsx_ops->blank(w->xlsx);
		return;
	}
	if (structured(w)) {
		put_value(w, HB_COLUMN_TEXT, NULL);
		return;
	}
	separator(w);
}

/* In excel-csv, decimal hours with a decimal comma, "4,00": the one form
 * that Excel and LibreOffice both open as a number they can sum (h:mm is
 * text to LibreOffice unless "Detect special numbers" is on), and one the
 * excel-csv reader takes back exactly (field.c). */
void
hb_csv_minutes(struct hb_csv_writer *w, int64_t minutes)
{
	char buf[HB_DURATION_BUFSZ];

	if (w->xlsx)
		hb_xlsx_ops->minutes(w->xlsx, minutes);
	else if (structured(w))
		put_value(w, HB_COLUMN_MINUTES, decimal(minutes, buf, sizeof buf));
	else if (w->format == HB_CSV_EXCEL) {
		separator(w);
		fputs(hb_duration_format_hours(minutes, ',', buf), w->fp);
	} else
		hb_csv_int(w, minutes);
}

void
hb_csv_date(struct hb_csv_writer *w, const char *date)
{
	hb_day day;

	if (w->xlsx && date != NULL && hb_date_parse(date, &day, NULL) == 0)
		hb_xlsx_ops->date(w->xlsx, day);
	else if (structured(w))
		put_value(w, HB_COLUMN_DATE, date);
	else
		hb_csv_text(w, date);
}

void
hb_csv_timestamp(struct hb_csv_writer *w, const char *timestamp)
{
	int64_t t;

	if (w->xlsx && timestamp != NULL &&
	    hb_timestamp_parse(timestamp, &t, NULL) == 0)
		hb_xlsx_ops->timestamp(w->xlsx, t);
	else if (structured(w))
		put_value(w, HB_COLUMN_TIMESTAMP, timestamp);
	else
		hb_csv_text(w, timestamp);
}

void
hb_csv_end_row(struct hb_csv_writer *w)
{
	hb_progress_row(w->progress);
	if (w->xlsx) {
		hb_xlsx_ops->end_row(w->xlsx);
		return;
	}
	if (structured(w)) {
		if (w->format == HB_CSV_JSONL)
			json_row(w);
		else
			table_row(w);
		w->rows->ncells = 0;
		w->rows->text_len = 0;
		return;
	}
	fputs(w->format == HB_CSV_EXCEL ? "\r\n" : "\n", w->fp);
	w->column = 0;
}

void
hb_csv_header(struct hb_csv_writer *w, const char *const *names)
{
	struct hb_csv_rows *r = w->rows;

	if (w->xlsx) {
		hb_xlsx_ops->sheet(w->xlsx, w->sheet ? w->sheet : "Sheet1", names);
		return;
	}
	if (r != NULL) {
		size_t n = 0;

		/* A second header starts a second table. */
		print_table(w);
		forget_columns(r);
		while (names[n] != NULL)
			n++;
		r->names = hb_xcalloc(n + 1, sizeof *r->names);
		r->kinds = hb_xcalloc(n + 1, sizeof *r->kinds);
		r->known = hb_xcalloc(n + 1, sizeof *r->known);
		for (size_t i = 0; i < n; i++) {
			r->names[i] = hb_xstrdup(names[i]);
			r->kinds[i] = hb_column_kind(names[i], &r->known[i]);
		}
		r->ncolumns = n;
		if (w->format == HB_CSV_TABLE)
			table_columns(w);
		return;
	}
	if (w->no_header)
		return;
	for (; *names != NULL; names++) {
		separator(w);
		put_field(w, *names, false);
	}
	/* Not a row: not counted. */
	fputs(w->format == HB_CSV_EXCEL ? "\r\n" : "\n", w->fp);
	w->column = 0;
}

/* ---- CSV text back through a writer ------------------------------------ */

static void
rewrite_field(void *data, size_t len, void *vw)
{
	(void)len;
	hb_csv_text(vw, data != NULL ? data : "");
}

static void
rewrite_record(int term, void *vw)
{
	(void)term;
	hb_csv_end_row(vw);
}

void
hb_csv_rewrite(FILE *in, struct hb_csv_writer *w)
{
	struct csv_parser parser;
	char buf[65536];
	size_t n;
	bool bad = false;

	(void)csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	csv_set_space_func(&parser, no_space);
	csv_set_blk_size(&parser, 65536);
	csv_set_realloc_func(&parser, hb_xrealloc);
	while (!bad && (n = fread(buf, 1, sizeof buf, in)) > 0)
		bad = csv_parse(&parser, buf, n, rewrite_field, rewrite_record,
		    w) != n;
	if (ferror(in))
		hb_die(HB_EXIT_IO, "temporary file: read error: %s",
		    strerror(errno));
	if (bad || csv_fini(&parser, rewrite_field, rewrite_record, w) != 0)
		hb_die(HB_EXIT_SOFTWARE, "temporary file: not the CSV it was "
		    "written as");
	csv_free(&parser);
}
