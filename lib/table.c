/*
 * table: aligned text tables sized to their content and to the terminal
 * (table.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "hourbook/csv.h"
#include "hourbook/diag.h"
#include "hourbook/table.h"

#define SEPARATOR "  "
#define SEPARATOR_WIDTH 2
/* Columns of detail are left out when the rest would not fit with its
 * text cut to SHRINK_COMFORT; others when it would not fit with its text
 * cut to SHRINK_FLOOR. */
#define SHRINK_COMFORT 20
#define SHRINK_FLOOR 6

struct column {
	char *heading;
	bool right;
	bool shrink;
	int rank;
};

/* A row of values, or a line of its own (ncells 0, line set). */
struct item {
	char **cells;
	char *line;
};

struct hb_table {
	struct column *columns;
	size_t ncolumns, columns_cap;
	struct item *items;
	size_t nitems, items_cap;
	char **row;		/* the row being filled: ncolumns slots */
	size_t filled;
	size_t nrows;
};

struct hb_table *
hb_table_new(void)
{
	return hb_xcalloc(1, sizeof(struct hb_table));
}

static void
free_row(char **cells, size_t n)
{
	if (cells == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		free(cells[i]);
	free(cells);
}

void
hb_table_free(struct hb_table *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->nitems; i++) {
		free_row(t->items[i].cells, t->ncolumns);
		free(t->items[i].line);
	}
	free(t->items);
	free_row(t->row, t->ncolumns);
	for (size_t c = 0; c < t->ncolumns; c++)
		free(t->columns[c].heading);
	free(t->columns);
	free(t);
}

/* ---- text ------------------------------------------------------------ */

static const struct { int32_t from, to; } zero_width[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
	{ 0x0610, 0x061a }, { 0x064b, 0x065f }, { 0x1ab0, 0x1aff },
	{ 0x1dc0, 0x1dff }, { 0x200b, 0x200f }, { 0x202a, 0x202e },
	{ 0x2060, 0x2064 }, { 0x20d0, 0x20ff }, { 0xfe00, 0xfe0f },
	{ 0xfe20, 0xfe2f }, { 0xfeff, 0xfeff }, { 0xe0100, 0xe01ef },
};

static const struct { int32_t from, to; } double_width[] = {
	{ 0x1100, 0x115f }, { 0x2e80, 0x303e }, { 0x3041, 0x33ff },
	{ 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
	{ 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe30, 0xfe4f },
	{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x1f300, 0x1f64f },
	{ 0x1f900, 0x1f9ff }, { 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },
};

static bool
in(int32_t cp, const void *ranges, size_t n)
{
	const struct { int32_t from, to; } *r = ranges;

	for (size_t i = 0; i < n; i++)
		if (cp >= r[i].from && cp <= r[i].to)
			return true;
	return false;
}

/* The columns a code point takes on a terminal (values are cleaned of
 * control characters before they get here). */
static size_t
cp_width(int32_t cp)
{
	if (cp < 0)
		return 1;
	if (in(cp, zero_width, sizeof zero_width / sizeof zero_width[0]))
		return 0;
	if (in(cp, double_width, sizeof double_width / sizeof double_width[0]))
		return 2;
	return 1;
}

size_t
hb_text_width(const char *str)
{
	size_t len = strlen(str), width = 0, n;

	for (size_t i = 0; i < len; i += n)
		width += cp_width(hb_utf8_decode(str + i, len - i, &n));
	return width;
}

char *
hb_text_cut(const char *str, size_t width)
{
	size_t len = strlen(str), used = 0, i = 0, n;
	char *out;

	if (hb_text_width(str) <= width)
		return hb_xstrdup(str);
	if (width == 0)
		return hb_xstrdup("");
	/* Room for the ellipsis, one column. */
	while (i < len) {
		size_t w = cp_width(hb_utf8_decode(str + i, len - i, &n));

		if (used + w > width - 1)
			break;
		used += w;
		i += n;
	}
	/* Combining marks that follow the last character kept stay with it. */
	while (i < len && cp_width(hb_utf8_decode(str + i, len - i, &n)) == 0)
		i += n;
	out = hb_xmalloc(i + sizeof "…");
	memcpy(out, str, i);
	memcpy(out + i, "…", sizeof "…");
	return out;
}

/* A copy of s that is safe to show: a line feed as "↵", a tab as a space,
 * other control characters as "?", and bytes that are not UTF-8 as U+FFFD
 * (a batch cannot put those in the book, but text may come from
 * anywhere). */
static char *
clean(const char *str)
{
	size_t len = strlen(str), n, o = 0;
	char *out = hb_xmalloc(3 * len + 1);

	for (size_t i = 0; i < len; i += n) {
		int32_t cp = hb_utf8_decode(str + i, len - i, &n);

		if (cp == '\r' && str[i + 1] == '\n')
			continue;
		if (cp == '\n' || cp == '\r') {
			memcpy(out + o, "↵", 3);
			o += 3;
		} else if (cp == '\t')
			out[o++] = ' ';
		else if (cp < 0) {
			memcpy(out + o, "\xef\xbf\xbd", 3);
			o += 3;
		} else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			out[o++] = '?';
		else {
			memcpy(out + o, str + i, n);
			o += n;
		}
	}
	out[o] = '\0';
	return out;
}

/* ---- building -------------------------------------------------------- */

void
hb_table_column(struct hb_table *t, const char *heading, bool right,
    bool shrink, int rank)
{
	if (t->nitems > 0 || t->filled > 0)
		hb_die(HB_EXIT_SOFTWARE, "table: a column after the rows");
	if (t->ncolumns == t->columns_cap) {
		t->columns_cap = t->columns_cap ? 2 * t->columns_cap : 16;
		t->columns = hb_xrealloc(t->columns,
		    t->columns_cap * sizeof *t->columns);
	}
	t->columns[t->ncolumns].heading = clean(heading ? heading : "");
	t->columns[t->ncolumns].right = right;
	t->columns[t->ncolumns].shrink = shrink;
	t->columns[t->ncolumns].rank = rank;
	t->ncolumns++;
	free(t->row);
	t->row = hb_xcalloc(t->ncolumns, sizeof *t->row);
}

static struct item *
new_item(struct hb_table *t)
{
	struct item *it;

	if (t->nitems == t->items_cap) {
		t->items_cap = t->items_cap ? 2 * t->items_cap : 64;
		t->items = hb_xrealloc(t->items, t->items_cap * sizeof *t->items);
	}
	it = &t->items[t->nitems++];
	it->cells = NULL;
	it->line = NULL;
	return it;
}

void
hb_table_cell(struct hb_table *t, const char *text)
{
	if (t->filled >= t->ncolumns)
		return;
	t->row[t->filled++] = text != NULL && *text != '\0' ? clean(text)
	    : NULL;
}

void
hb_table_end_row(struct hb_table *t)
{
	struct item *it = new_item(t);

	it->cells = t->row;
	t->row = hb_xcalloc(t->ncolumns ? t->ncolumns : 1, sizeof *t->row);
	t->filled = 0;
	t->nrows++;
}

void
hb_table_line(struct hb_table *t, const char *text)
{
	new_item(t)->line = clean(text ? text : "");
}

size_t
hb_table_rows(const struct hb_table *t)
{
	return t->nrows;
}

/* ---- printing -------------------------------------------------------- */

/* How the columns are laid out: each one's width, and whether it is left
 * out (width 0 then). */
struct layout {
	size_t *widths;
	bool *out;
	size_t total;		/* the width of a row */
};

static void
add_up(const struct hb_table *t, struct layout *l)
{
	size_t shown = 0;

	l->total = 0;
	for (size_t c = 0; c < t->ncolumns; c++)
		if (!l->out[c]) {
			l->total += l->widths[c];
			shown++;
		}
	if (shown > 1)
		l->total += SEPARATOR_WIDTH * (shown - 1);
}

/* Cut columns until the row fits in room: one column at a time, the
 * widest of those allowed (text only, unless !text_only), down to floor. */
static void
cut(const struct hb_table *t, struct layout *l, size_t room, bool text_only,
    size_t floor)
{
	while (l->total > room) {
		size_t widest = SIZE_MAX;

		for (size_t c = 0; c < t->ncolumns; c++)
			if (!l->out[c] && (!text_only || t->columns[c].shrink) &&
			    l->widths[c] > floor && (widest == SIZE_MAX ||
			    l->widths[c] > l->widths[widest]))
				widest = c;
		if (widest == SIZE_MAX)
			return;
		l->widths[widest]--;
		l->total--;
	}
}

/* The width of a row with its text cut to floor. */
static size_t
at_floor(const struct hb_table *t, const struct layout *l, size_t floor)
{
	size_t total = l->total;

	for (size_t c = 0; c < t->ncolumns; c++)
		if (!l->out[c] && t->columns[c].shrink && l->widths[c] > floor)
			total -= l->widths[c] - floor;
	return total;
}

/* Leave columns out until the row fits in room with its text cut to
 * floor: of those ranked below `below`, the lowest rank first, and of
 * equals the rightmost. */
static void
leave_out(const struct hb_table *t, struct layout *l, size_t room, int below,
    size_t floor)
{
	while (at_floor(t, l, floor) > room) {
		size_t pick = SIZE_MAX;

		for (size_t c = 0; c < t->ncolumns; c++)
			if (!l->out[c] && t->columns[c].rank < below &&
			    (pick == SIZE_MAX ||
			    t->columns[c].rank <= t->columns[pick].rank))
				pick = c;
		if (pick == SIZE_MAX)
			return;
		l->out[pick] = true;
		add_up(t, l);
	}
}

/* One line of cells, each fit to its column, without trailing spaces. */
static void
print_cells(const struct hb_table *t, FILE *fp, char *const *cells,
    const struct layout *l, const char *before, const char *after)
{
	char *line = NULL;
	size_t size = 0, end;
	FILE *mem = open_memstream(&line, &size);
	bool first = true;

	if (mem == NULL)
		hb_die(HB_EXIT_IO, "table: %s", "out of memory");
	for (size_t c = 0; c < t->ncolumns; c++) {
		const char *value = cells[c] ? cells[c] : "";
		char *text;
		size_t pad;

		if (l->out[c])
			continue;
		text = hb_text_cut(value, l->widths[c]);
		pad = l->widths[c] - hb_text_width(text);
		if (!first)
			fputs(SEPARATOR, mem);
		first = false;
		if (t->columns[c].right)
			for (size_t k = 0; k < pad; k++)
				putc(' ', mem);
		fputs(text, mem);
		if (!t->columns[c].right)
			for (size_t k = 0; k < pad; k++)
				putc(' ', mem);
		free(text);
	}
	if (fclose(mem) != 0)
		hb_die(HB_EXIT_IO, "table: %s", "out of memory");
	end = size;
	while (end > 0 && line[end - 1] == ' ')
		end--;
	fputs(before, fp);
	fwrite(line, 1, end, fp);
	fputs(after, fp);
	putc('\n', fp);
	free(line);
}

static void
print_line(FILE *fp, const char *text, size_t room)
{
	char *fit = room ? hb_text_cut(text, room) : hb_xstrdup(text);

	fprintf(fp, "%s\n", fit);
	free(fit);
}

/* "(left out to fit the width: Created, Updated)" */
static void
print_left_out(const struct hb_table *t, FILE *fp, const struct layout *l,
    size_t room)
{
	char *line = NULL;
	size_t size = 0;
	FILE *mem = open_memstream(&line, &size);
	bool any = false;

	if (mem == NULL)
		hb_die(HB_EXIT_IO, "table: %s", "out of memory");
	for (size_t c = 0; c < t->ncolumns; c++)
		if (l->out[c]) {
			fprintf(mem, "%s%s", any ? ", " : "(left out to fit the "
			    "width: ", t->columns[c].heading);
			any = true;
		}
	if (any)
		fputs(")", mem);
	if (fclose(mem) != 0)
		hb_die(HB_EXIT_IO, "table: %s", "out of memory");
	if (any)
		print_line(fp, line, room);
	free(line);
}

void
hb_table_print(const struct hb_table *t, FILE *fp, bool heading,
    size_t room, bool bold)
{
	struct layout l;
	char **headings;
	int top = HB_TABLE_DETAIL;

	if (t->ncolumns == 0) {
		for (size_t i = 0; i < t->nitems; i++)
			if (t->items[i].line != NULL)
				print_line(fp, t->items[i].line, room);
		return;
	}
	l.widths = hb_xcalloc(t->ncolumns, sizeof *l.widths);
	l.out = hb_xcalloc(t->ncolumns, sizeof *l.out);
	headings = hb_xcalloc(t->ncolumns, sizeof *headings);
	for (size_t c = 0; c < t->ncolumns; c++) {
		headings[c] = t->columns[c].heading;
		if (heading)
			l.widths[c] = hb_text_width(headings[c]);
		if (t->columns[c].rank > top)
			top = t->columns[c].rank;
	}
	for (size_t i = 0; i < t->nitems; i++) {
		if (t->items[i].cells == NULL)
			continue;
		for (size_t c = 0; c < t->ncolumns; c++) {
			const char *v = t->items[i].cells[c];
			size_t w = v ? hb_text_width(v) : 0;

			if (w > l.widths[c])
				l.widths[c] = w;
		}
	}
	add_up(t, &l);
	if (room > 0 && l.total > room) {
		leave_out(t, &l, room, HB_TABLE_NORMAL, SHRINK_COMFORT);
		leave_out(t, &l, room, top, SHRINK_FLOOR);
		cut(t, &l, room, true, SHRINK_FLOOR);
		cut(t, &l, room, false, 1);
	}
	if (heading)
		print_cells(t, fp, headings, &l, bold ? "\033[1m" : "",
		    bold ? "\033[0m" : "");
	for (size_t i = 0; i < t->nitems; i++) {
		if (t->items[i].cells != NULL)
			print_cells(t, fp, t->items[i].cells, &l, "", "");
		else
			print_line(fp, t->items[i].line, room);
	}
	print_left_out(t, fp, &l, room);
	free(headings);
	free(l.out);
	free(l.widths);
}

size_t
hb_table_width(FILE *fp)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;

	if (env != NULL && *env != '\0') {
		char *end;
		unsigned long n = strtoul(env, &end, 10);

		if (*end == '\0' && n > 0 && n < 100000 && env[0] != '-')
			return (size_t)n;
	}
	if (isatty(fileno(fp)) && ioctl(fileno(fp), TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

bool
hb_table_colour(FILE *fp)
{
	const char *no = getenv("NO_COLOR");

	return isatty(fileno(fp)) && (no == NULL || *no == '\0');
}
