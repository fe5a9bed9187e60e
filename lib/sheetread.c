/*
 * sheetread: the client's activity sheet read back (see sheetread.h).
 *
 * Five parts are read, each streamed through expat in 64 KiB chunks:
 * xl/workbook.xml (the sheets' names and relationship ids), its rels
 * (where each sheet is, and the shared strings), the shared strings, the
 * hidden "hourbook" sheet, then the Activities sheet, of which only the
 * approval and note cells of the rows the hidden sheet lists are kept.
 * Element and attribute names are matched by their local name, so a
 * writer's namespace prefixes do not matter.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <expat.h>
#include <unzip.h>

#include "hourbook/diag.h"
#include "hourbook/lang.h"
#include "hourbook/sheetread.h"

#define CHUNK 65536
#define SHEETS_MAX 1000
#define NAME_MAX_BYTES 1024	/* a sheet name, a target path */
#define HIDDEN_HEAD 5		/* rows before the task rows */

enum part_kind { P_WORKBOOK, P_RELS, P_STRINGS, P_HIDDEN, P_ACTIVITIES };

struct named {
	char *name, *id;
};

struct reader {
	unzFile zip;
	char *why;
	size_t whysize;
	bool failed;
	/* workbook.xml and its rels */
	struct named *sheets, *rels;
	size_t nsheets, nrels;
	char *strings_part;
	/* shared strings */
	char **strings;
	size_t nstrings, strings_cap, strings_bytes;
	size_t rows_cap;
	/* the hidden sheet's head */
	char *head[HIDDEN_HEAD][5];
	long approval_col, note_col;
	struct hb_sheet *out;
};

/* One part being parsed. */
struct part {
	struct reader *r;
	XML_Parser xml;
	enum part_kind kind;
	/* text being collected: a cell's, a shared string's */
	char *text;
	size_t len, cap;
	bool collect;
	/* sheets: the current row and cell */
	long row, col;
	bool in_cell, in_v, in_is, in_t, in_rph, in_si;
	char type[16];
	bool has_v, has_is;
};

static void __attribute__((format(printf, 2, 0)))
vfail(struct reader *r, const char *fmt, va_list ap)
{
	if (r->failed)
		return;
	r->failed = true;
	vsnprintf(r->why, r->whysize, fmt, ap);
}

static void __attribute__((format(printf, 2, 3)))
fail(struct reader *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(r, fmt, ap);
	va_end(ap);
}

/* Fail, and stop the part's parser. */
static void __attribute__((format(printf, 2, 3)))
part_fail(struct part *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(p->r, fmt, ap);
	va_end(ap);
	XML_StopParser(p->xml, XML_FALSE);
}

/* The local name of an expat namespaced name ("uri|local"). */
static const char *
local(const char *name)
{
	const char *bar = strrchr(name, '|');

	return bar ? bar + 1 : name;
}

/* An attribute by local name; namespaced says whether it must have a
 * namespace (r:id) or must not (name). */
static const char *
attr(const char **atts, const char *name, bool namespaced)
{
	for (size_t i = 0; atts[i] != NULL; i += 2)
		if (strcmp(local(atts[i]), name) == 0 &&
		    (strchr(atts[i], '|') != NULL) == namespaced)
			return atts[i + 1];
	return NULL;
}

static char *
dup_bounded(struct part *p, const char *s)
{
	if (strlen(s) > NAME_MAX_BYTES) {
		part_fail(p, "%s: a name too long", "xl/workbook.xml");
		return NULL;
	}
	return hb_xstrdup(s);
}

static void
text_reset(struct part *p)
{
	p->len = 0;
	if (p->text != NULL)
		p->text[0] = '\0';
}

static void XMLCALL
on_text(void *ctx, const XML_Char *s, int len)
{
	struct part *p = ctx;

	if (!p->collect || len <= 0)
		return;
	if (p->len + (size_t)len > HB_SHEET_CELL_MAX) {
		part_fail(p, "%s", "a cell's text is longer than a cell holds");
		return;
	}
	if (p->len + (size_t)len + 1 > p->cap) {
		p->cap = (p->len + (size_t)len + 1) * 2;
		p->text = hb_xrealloc(p->text, p->cap);
	}
	memcpy(p->text + p->len, s, (size_t)len);
	p->len += (size_t)len;
	p->text[p->len] = '\0';
}

/* "AB12" into column 27 (from 0) and row 12 (from 1); -1 when malformed. */
static int
cell_ref(const char *ref, long *col, long *row)
{
	long c = 0, rw = 0;
	int letters = 0, digits = 0;

	for (; *ref >= 'A' && *ref <= 'Z'; ref++, letters++)
		c = c * 26 + (*ref - 'A' + 1);
	for (; *ref >= '0' && *ref <= '9'; ref++, digits++) {
		rw = rw * 10 + (*ref - '0');
		if (rw > 1048576)
			return -1;
	}
	if (*ref != '\0' || letters < 1 || letters > 3 || digits < 1 ||
	    rw < 1 || c > 16384)
		return -1;
	*col = c - 1;
	*row = rw;
	return 0;
}

/* A whole number in a cell: "12", or "12.0" as a spreadsheet may write
 * it; -1 when not. */
static int
cell_number(const char *s, int64_t *out)
{
	char *end;
	double d;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	d = strtod(s, &end);
	if (errno != 0 || *end != '\0' || d < 0 || d > 1e15 ||
	    d != (double)(int64_t)d)
		return -1;
	*out = (int64_t)d;
	return 0;
}

/* ---- the cells of a sheet ---------------------------------------------- */

static void cell(struct part *p, long row, long col, const char *value);

static void XMLCALL
sheet_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
	struct part *p = ctx;
	const char *n = local(name), *v;

	if (strcmp(n, "row") == 0) {
		v = attr(atts, "r", false);
		if (v != NULL) {
			int64_t r;

			if (cell_number(v, &r) != 0 || r < 1 || r > 1048576) {
				part_fail(p, "a row numbered \"%.40s\"", v);
				return;
			}
			p->row = (long)r;
		} else {
			p->row++;
		}
		p->col = -1;
	} else if (strcmp(n, "c") == 0) {
		v = attr(atts, "r", false);
		if (v != NULL) {
			long row;

			if (cell_ref(v, &p->col, &row) != 0 || row != p->row) {
				part_fail(p, "a cell named \"%.40s\"", v);
				return;
			}
		} else {
			p->col++;
		}
		v = attr(atts, "t", false);
		snprintf(p->type, sizeof p->type, "%s", v ? v : "n");
		p->in_cell = true;
		p->has_v = p->has_is = false;
		text_reset(p);
	} else if (p->in_cell && strcmp(n, "v") == 0) {
		p->in_v = p->has_v = p->collect = true;
		text_reset(p);
	} else if (p->in_cell && strcmp(n, "is") == 0) {
		p->in_is = p->has_is = true;
		text_reset(p);
	} else if (p->in_is && strcmp(n, "rPh") == 0) {
		p->in_rph = true;
	} else if (p->in_is && strcmp(n, "t") == 0 && !p->in_rph) {
		p->collect = true;
	}
}

static void XMLCALL
sheet_end(void *ctx, const XML_Char *name)
{
	struct part *p = ctx;
	const char *n = local(name);

	if (strcmp(n, "v") == 0 && p->in_v) {
		p->in_v = p->collect = false;
	} else if (strcmp(n, "t") == 0 && p->in_is) {
		p->collect = false;
	} else if (strcmp(n, "rPh") == 0) {
		p->in_rph = false;
	} else if (strcmp(n, "is") == 0) {
		p->in_is = false;
	} else if (strcmp(n, "c") == 0 && p->in_cell) {
		const char *value = p->text ? p->text : "";

		p->in_cell = false;
		if (strcmp(p->type, "s") == 0) {
			int64_t i;

			if (!p->has_v)
				return;
			if (cell_number(value, &i) != 0 ||
			    (size_t)i >= p->r->nstrings) {
				part_fail(p, "a shared string \"%.40s\" the "
				    "workbook does not hold", value);
				return;
			}
			value = p->r->strings[i];
		} else if (!p->has_v && !p->has_is) {
			return;
		}
		cell(p, p->row, p->col, value);
	}
}

/* ---- workbook.xml, its rels, the shared strings ------------------------- */

static void XMLCALL
workbook_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
	struct part *p = ctx;
	struct reader *r = p->r;
	const char *sheet, *id;

	if (strcmp(local(name), "sheet") != 0)
		return;
	sheet = attr(atts, "name", false);
	id = attr(atts, "id", true);
	if (sheet == NULL || id == NULL)
		return;
	if (r->nsheets >= SHEETS_MAX) {
		part_fail(p, "%s: too many sheets", "xl/workbook.xml");
		return;
	}
	r->sheets = hb_xrealloc(r->sheets, (r->nsheets + 1) * sizeof *r->sheets);
	r->sheets[r->nsheets].name = dup_bounded(p, sheet);
	r->sheets[r->nsheets].id = dup_bounded(p, id);
	r->nsheets++;
}

static void XMLCALL
rels_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
	struct part *p = ctx;
	struct reader *r = p->r;
	const char *id, *target, *type;
	size_t tl;
	char *path;

	if (strcmp(local(name), "Relationship") != 0)
		return;
	id = attr(atts, "Id", false);
	target = attr(atts, "Target", false);
	type = attr(atts, "Type", false);
	if (id == NULL || target == NULL || strlen(target) > NAME_MAX_BYTES)
		return;
	if (r->nrels >= SHEETS_MAX * 2) {
		part_fail(p, "%s: too many relationships", "xl/workbook.xml");
		return;
	}
	/* A target is relative to xl/, or absolute from the zip's root. */
	path = target[0] == '/' ? hb_xstrdup(target + 1)
	    : hb_xprintf("xl/%s", target);
	tl = type ? strlen(type) : 0;
	if (tl >= 14 && strcmp(type + tl - 14, "/sharedStrings") == 0) {
		free(r->strings_part);
		r->strings_part = hb_xstrdup(path);
	}
	r->rels = hb_xrealloc(r->rels, (r->nrels + 1) * sizeof *r->rels);
	r->rels[r->nrels].name = path;
	r->rels[r->nrels].id = dup_bounded(p, id);
	r->nrels++;
}

static void XMLCALL
strings_start(void *ctx, const XML_Char *name, const XML_Char **atts)
{
	struct part *p = ctx;
	const char *n = local(name);

	(void)atts;
	if (strcmp(n, "si") == 0) {
		p->in_si = true;
		text_reset(p);
	} else if (strcmp(n, "rPh") == 0) {
		p->in_rph = true;
	} else if (p->in_si && !p->in_rph && strcmp(n, "t") == 0) {
		p->collect = true;
	}
}

static void XMLCALL
strings_end(void *ctx, const XML_Char *name)
{
	struct part *p = ctx;
	struct reader *r = p->r;
	const char *n = local(name);

	if (strcmp(n, "t") == 0) {
		p->collect = false;
	} else if (strcmp(n, "rPh") == 0) {
		p->in_rph = false;
	} else if (strcmp(n, "si") == 0 && p->in_si) {
		p->in_si = false;
		if (r->nstrings >= HB_SHEET_STRINGS_MAX ||
		    r->strings_bytes + p->len + 1 > HB_SHEET_STRINGS_BYTES) {
			part_fail(p, "%s: more shared strings than a sheet of "
			    "ours holds", "xl/sharedStrings.xml");
			return;
		}
		if (r->nstrings == r->strings_cap) {
			r->strings_cap = r->strings_cap ? r->strings_cap * 2 : 64;
			r->strings = hb_xrealloc(r->strings, r->strings_cap *
			    sizeof *r->strings);
		}
		r->strings[r->nstrings++] = hb_xstrdup(p->text ? p->text : "");
		r->strings_bytes += p->len + 1;
	}
}

/* ---- the hidden sheet and the Activities sheet -------------------------- */

static struct hb_sheet_row *
row_of(struct hb_sheet *s, long row)
{
	size_t lo = 0, hi = s->nrows;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->rows[mid].row == row)
			return &s->rows[mid];
		if (s->rows[mid].row < row)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void
hidden_cell(struct part *p, long row, long col, const char *value)
{
	struct reader *r = p->r;
	struct hb_sheet *s = r->out;
	size_t i;

	if (col > 4)
		return;
	if (row <= HIDDEN_HEAD) {
		free(r->head[row - 1][col]);
		r->head[row - 1][col] = hb_xstrdup(value);
		return;
	}
	i = (size_t)(row - HIDDEN_HEAD - 1);
	if (i >= HB_SHEET_ROWS_MAX) {
		part_fail(p, "%s", "more rows than a sheet of ours holds");
		return;
	}
	if (i >= s->nrows) {
		if (i >= r->rows_cap) {
			r->rows_cap = i < 32 ? 64 : 2 * i;
			s->rows = hb_xrealloc(s->rows, r->rows_cap *
			    sizeof *s->rows);
		}
		memset(s->rows + s->nrows, 0, (i + 1 - s->nrows) *
		    sizeof *s->rows);
		s->nrows = i + 1;
	}
	switch (col) {
	case 0: {
		int64_t n;

		if (cell_number(value, &n) != 0 || n < 1 || n > 1048576) {
			part_fail(p, "the hidden sheet: a row number \"%.40s\"",
			    value);
			return;
		}
		s->rows[i].row = (long)n;
		break;
	}
	case 1:
		if (cell_number(value, &s->rows[i].task) != 0 ||
		    s->rows[i].task < 1) {
			part_fail(p, "the hidden sheet: a task \"%.40s\"", value);
			return;
		}
		break;
	case 2: free(s->rows[i].state); s->rows[i].state = hb_xstrdup(value); break;
	case 3: free(s->rows[i].updated); s->rows[i].updated = hb_xstrdup(value); break;
	case 4: free(s->rows[i].digest); s->rows[i].digest = hb_xstrdup(value); break;
	}
}

static void
activities_cell(struct part *p, long row, long col, const char *value)
{
	struct hb_sheet_row *t;
	char **slot;

	if (col != p->r->approval_col && col != p->r->note_col)
		return;
	if ((t = row_of(p->r->out, row)) == NULL || *value == '\0')
		return;
	slot = col == p->r->approval_col ? &t->decision : &t->note;
	free(*slot);
	*slot = hb_xstrdup(value);
}

static void
cell(struct part *p, long row, long col, const char *value)
{
	if (p->kind == P_HIDDEN)
		hidden_cell(p, row, col, value);
	else
		activities_cell(p, row, col, value);
}

/* ---- parts -------------------------------------------------------------- */

static void XMLCALL
no_doctype(void *ctx, const XML_Char *name, const XML_Char *sysid,
    const XML_Char *pubid, int internal)
{
	(void)name; (void)sysid; (void)pubid; (void)internal;
	part_fail(ctx, "%s", "a part with a DOCTYPE");
}

/* Parse the zip's part `name` (case-insensitively, as OPC names are) as
 * kind; a missing part is 1 when optional, else a failure. */
static int
parse_part(struct reader *r, const char *name, enum part_kind kind,
    bool optional)
{
	struct part p = { 0 };
	unz_file_info64 info;
	char *buf = NULL;
	uint64_t total = 0;
	int n, rc = -1;

	if (unzLocateFile(r->zip, name, 2) != UNZ_OK) {
		if (optional)
			return 1;
		fail(r, "it has no part %s", name);
		return -1;
	}
	if (unzGetCurrentFileInfo64(r->zip, &info, NULL, 0, NULL, 0, NULL, 0)
	    != UNZ_OK || unzOpenCurrentFile(r->zip) != UNZ_OK) {
		fail(r, "%s: a damaged zip entry", name);
		return -1;
	}
	if (info.uncompressed_size > HB_SHEET_PART_MAX) {
		fail(r, "%s: larger than a sheet of ours (%llu bytes)", name,
		    (unsigned long long)info.uncompressed_size);
		goto done;
	}
	p.r = r;
	p.kind = kind;
	p.xml = XML_ParserCreateNS(NULL, '|');
	if (p.xml == NULL)
		hb_die(HB_EXIT_SOFTWARE, "out of memory");
	XML_SetUserData(p.xml, &p);
	XML_SetStartDoctypeDeclHandler(p.xml, no_doctype);
	XML_SetCharacterDataHandler(p.xml, on_text);
	switch (kind) {
	case P_WORKBOOK:
		XML_SetStartElementHandler(p.xml, workbook_start);
		break;
	case P_RELS:
		XML_SetStartElementHandler(p.xml, rels_start);
		break;
	case P_STRINGS:
		XML_SetElementHandler(p.xml, strings_start, strings_end);
		break;
	case P_HIDDEN:
	case P_ACTIVITIES:
		XML_SetElementHandler(p.xml, sheet_start, sheet_end);
		break;
	}
	buf = hb_xmalloc(CHUNK);
	for (;;) {
		n = unzReadCurrentFile(r->zip, buf, CHUNK);
		if (n < 0) {
			fail(r, "%s: a damaged zip entry", name);
			goto done;
		}
		total += (uint64_t)n;
		/* A zip bomb declares less than it inflates to. */
		if (total > info.uncompressed_size) {
			fail(r, "%s: inflates to more than it declares", name);
			goto done;
		}
		if (XML_Parse(p.xml, buf, n, n == 0) != XML_STATUS_OK) {
			if (!r->failed)
				fail(r, "%s: line %lu: %s", name,
				    (unsigned long)XML_GetCurrentLineNumber(p.xml),
				    XML_ErrorString(XML_GetErrorCode(p.xml)));
			goto done;
		}
		if (r->failed)
			goto done;
		if (n == 0)
			break;
	}
	if (total != info.uncompressed_size) {
		fail(r, "%s: shorter than it declares", name);
		goto done;
	}
	rc = 0;
done:
	if (unzCloseCurrentFile(r->zip) == UNZ_CRCERROR && rc == 0) {
		fail(r, "%s: a damaged zip entry (its CRC)", name);
		rc = -1;
	}
	if (p.xml != NULL)
		XML_ParserFree(p.xml);
	free(p.text);
	free(buf);
	return rc;
}

/* The part of the sheet named name, or NULL. */
static const char *
sheet_part(const struct reader *r, const char *name)
{
	for (size_t i = 0; i < r->nsheets; i++) {
		if (r->sheets[i].name == NULL || strcmp(r->sheets[i].name,
		    name) != 0)
			continue;
		for (size_t j = 0; j < r->nrels; j++)
			if (r->rels[j].id != NULL && r->sheets[i].id != NULL &&
			    strcmp(r->rels[j].id, r->sheets[i].id) == 0)
				return r->rels[j].name;
	}
	return NULL;
}

static int
row_cmp(const void *a, const void *b)
{
	const struct hb_sheet_row *x = a, *y = b;

	return (x->row > y->row) - (x->row < y->row);
}

/* The head of the hidden sheet: ours, its version, the book, the
 * language, the columns. */
static int
check_head(struct reader *r)
{
	char *(*h)[5] = r->head;
	int64_t version, a, n;
	static const char *const heads[] = { "row", "task", "state",
		"updated", "digest" };

	if (h[0][0] == NULL || strcmp(h[0][0], HB_SHEET_MARKER) != 0) {
		fail(r, "its hidden sheet \"hourbook\" does not start with "
		    "\"%s\"", HB_SHEET_MARKER);
		return -1;
	}
	if (cell_number(h[0][1], &version) != 0 || version != HB_SHEET_VERSION) {
		fail(r, "a sheet of another version (%s; this hourbook reads "
		    "%d)", h[0][1] ? h[0][1] : "none", HB_SHEET_VERSION);
		return -1;
	}
	if (h[1][0] == NULL || strcmp(h[1][0], "book") != 0 ||
	    h[1][1] == NULL || *h[1][1] == '\0' ||
	    h[2][0] == NULL || strcmp(h[2][0], "lang") != 0 ||
	    h[2][1] == NULL || hb_lang_find(h[2][1]) < 0 ||
	    h[3][0] == NULL || strcmp(h[3][0], "columns") != 0 ||
	    cell_number(h[3][1], &a) != 0 || cell_number(h[3][2], &n) != 0 ||
	    a > 16383 || n > 16383 || a == n) {
		fail(r, "%s", "its hidden sheet's head is not a sheet of ours");
		return -1;
	}
	for (int c = 0; c < 5; c++)
		if (h[4][c] == NULL || strcmp(h[4][c], heads[c]) != 0) {
			fail(r, "%s", "its hidden sheet's headings are not a sheet "
			    "of ours");
			return -1;
		}
	r->out->book_id = hb_xstrdup(h[1][1]);
	r->out->lang = hb_xstrdup(h[2][1]);
	r->approval_col = (long)a;
	r->note_col = (long)n;
	return 0;
}

static int
check_rows(struct reader *r)
{
	struct hb_sheet *s = r->out;

	for (size_t i = 0; i < s->nrows; i++) {
		struct hb_sheet_row *t = &s->rows[i];

		if (t->row == 0 || t->task == 0 || t->state == NULL ||
		    t->updated == NULL || t->digest == NULL) {
			fail(r, "its hidden sheet's row %zu is incomplete",
			    i + HIDDEN_HEAD + 1);
			return -1;
		}
	}
	if (s->nrows > 1)	/* no rows: rows may be NULL, which qsort may not take */
		qsort(s->rows, s->nrows, sizeof *s->rows, row_cmp);
	for (size_t i = 1; i < s->nrows; i++)
		if (s->rows[i].row == s->rows[i - 1].row) {
			fail(r, "its hidden sheet names row %ld twice",
			    s->rows[i].row);
			return -1;
		}
	return 0;
}

static int
read_zip(struct reader *r)
{
	unz_global_info64 g;
	const char *hidden, *activities;
	int rc;

	if (r->zip == NULL) {
		fail(r, "%s", "it is not a zip file (an xlsx workbook is one)");
		return -1;
	}
	if (unzGetGlobalInfo64(r->zip, &g) != UNZ_OK ||
	    g.number_entry > HB_SHEET_ENTRIES_MAX) {
		fail(r, "%s", "a damaged zip, or more parts than a workbook has");
		return -1;
	}
	if (parse_part(r, "xl/workbook.xml", P_WORKBOOK, false) != 0 ||
	    parse_part(r, "xl/_rels/workbook.xml.rels", P_RELS, false) != 0)
		return -1;
	if (r->strings_part != NULL &&
	    (rc = parse_part(r, r->strings_part, P_STRINGS, true)) < 0)
		return -1;
	if ((hidden = sheet_part(r, "hourbook")) == NULL) {
		fail(r, "%s", "it has no hidden sheet \"hourbook\": not an "
		    "activity sheet made by hourbook");
		return -1;
	}
	if (parse_part(r, hidden, P_HIDDEN, false) != 0 || check_head(r) != 0 ||
	    check_rows(r) != 0)
		return -1;
	activities = sheet_part(r, hb_lang_text((enum hb_lang)
	    hb_lang_find(r->out->lang), "sheet.activities"));
	if (activities == NULL) {
		fail(r, "it has no sheet \"%s\"", hb_lang_text((enum hb_lang)
		    hb_lang_find(r->out->lang), "sheet.activities"));
		return -1;
	}
	return parse_part(r, activities, P_ACTIVITIES, false);
}

static void
reader_release(struct reader *r)
{
	for (size_t i = 0; i < r->nsheets; i++) {
		free(r->sheets[i].name);
		free(r->sheets[i].id);
	}
	for (size_t i = 0; i < r->nrels; i++) {
		free(r->rels[i].name);
		free(r->rels[i].id);
	}
	for (size_t i = 0; i < r->nstrings; i++)
		free(r->strings[i]);
	for (int i = 0; i < HIDDEN_HEAD; i++)
		for (int c = 0; c < 5; c++)
			free(r->head[i][c]);
	free(r->sheets);
	free(r->rels);
	free(r->strings);
	free(r->strings_part);
	if (r->zip != NULL)
		unzClose(r->zip);
}

static int
read_with(struct reader *r, struct hb_sheet *out)
{
	int rc;

	memset(out, 0, sizeof *out);
	r->out = out;
	rc = read_zip(r);
	reader_release(r);
	if (rc != 0)
		hb_sheet_release(out);
	return rc == 0 ? 0 : -1;
}

int
hb_sheet_read_file(const char *path, struct hb_sheet *out, char *why,
    size_t whysize)
{
	struct reader r = { 0 };

	r.why = why;
	r.whysize = whysize;
	r.zip = unzOpen64(path);
	return read_with(&r, out);
}

/* ---- a workbook in memory (the fuzz target's) --------------------------- */

struct memory {
	const unsigned char *data;
	size_t size, pos;
};

static voidpf ZCALLBACK
mem_open(voidpf opaque, const char *name, int mode)
{
	(void)name;
	return (mode & ZLIB_FILEFUNC_MODE_WRITE) ? NULL : opaque;
}

static uLong ZCALLBACK
mem_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
	struct memory *m = stream;
	size_t n = m->size - m->pos < size ? m->size - m->pos : size;

	(void)opaque;
	memcpy(buf, m->data + m->pos, n);
	m->pos += n;
	return (uLong)n;
}

static uLong ZCALLBACK
mem_write(voidpf opaque, voidpf stream, const void *buf, uLong size)
{
	(void)opaque; (void)stream; (void)buf; (void)size;
	return 0;
}

static long ZCALLBACK
mem_tell(voidpf opaque, voidpf stream)
{
	(void)opaque;
	return (long)((struct memory *)stream)->pos;
}

static long ZCALLBACK
mem_seek(voidpf opaque, voidpf stream, uLong offset, int origin)
{
	struct memory *m = stream;
	size_t base;

	(void)opaque;
	switch (origin) {
	case ZLIB_FILEFUNC_SEEK_SET: base = 0; break;
	case ZLIB_FILEFUNC_SEEK_CUR: base = m->pos; break;
	case ZLIB_FILEFUNC_SEEK_END: base = m->size; break;
	default: return -1;
	}
	if (offset > m->size || base > m->size - offset)
		return -1;
	m->pos = base + offset;
	return 0;
}

static int ZCALLBACK
mem_close(voidpf opaque, voidpf stream)
{
	(void)opaque; (void)stream;
	return 0;
}

static int ZCALLBACK
mem_error(voidpf opaque, voidpf stream)
{
	(void)opaque; (void)stream;
	return 0;
}

int
hb_sheet_read_memory(const void *data, size_t size, struct hb_sheet *out,
    char *why, size_t whysize)
{
	struct reader r = { 0 };
	struct memory m = { data, size, 0 };
	zlib_filefunc_def io = { mem_open, mem_read, mem_write, mem_tell,
		mem_seek, mem_close, mem_error, &m };

	r.why = why;
	r.whysize = whysize;
	r.zip = unzOpen2("memory", &io);
	return read_with(&r, out);
}

void
hb_sheet_release(struct hb_sheet *s)
{
	for (size_t i = 0; i < s->nrows; i++) {
		free(s->rows[i].state);
		free(s->rows[i].updated);
		free(s->rows[i].digest);
		free(s->rows[i].decision);
		free(s->rows[i].note);
	}
	free(s->rows);
	free(s->book_id);
	free(s->lang);
	memset(s, 0, sizeof *s);
}
