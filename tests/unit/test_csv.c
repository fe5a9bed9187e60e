/* Unit tests for the CSV reader (strictness, line numbers) and writers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "hourbook/csv.h"
#include "hourbook/xlsx.h"

static const struct hb_csv_column cols[] = {
	{ "task", true }, { "duration|minutes", false }, { "note", false },
};

/* Rows joined as "task/duration/note;" with "-" for an absent column. */
struct got {
	char text[4096];
	int rows;
};

static int
collect(void *ctx, const char *const *v, long line)
{
	struct got *g = ctx;
	size_t n = strlen(g->text);

	snprintf(g->text + n, sizeof g->text - n, "%ld:%s/%s/%s;", line,
	    v[0] ? v[0] : "-", v[1] ? v[1] : "-", v[2] ? v[2] : "-");
	g->rows++;
	return 0;
}

static int
read_bytes(const char *bytes, size_t len, struct got *g,
    struct hb_csv_error *err)
{
	FILE *fp = fmemopen((void *)bytes, len, "rb");
	int rc;

	assert_non_null(fp);
	memset(g, 0, sizeof *g);
	rc = hb_csv_read_stream(fp, cols, 3, collect, g, err);
	fclose(fp);
	return rc;
}

#define S(lit) lit, sizeof(lit) - 1

static void
test_good_inputs(void **state)
{
	static const struct { const char *in; size_t len; const char *want; } cases[] = {
		{ S("task,minutes\n7,90\n8,1h\n"), "2:7/90/-;3:8/1h/-;" },
		{ S("task,minutes\r\n7,90\r\n"), "2:7/90/-;" },
		{ S("task,minutes\n7,90"), "2:7/90/-;" },
		{ S("task,minutes\r\n7,90\r"), "2:7/90/-;" },
		{ S("\xef\xbb\xbftask,note\n7,ok\n"), "2:7/-/ok;" },
		{ S("Task,Duration,Note,extra\n1,2,3,4\n"), "2:1/2/3;" },
		{ S("task,note\n7,\"a, \"\"b\"\"\nc\"\n8,x\n"), "2:7/-/a, \"b\"\nc;4:8/-/x;" },
		{ S("task,note\n\n7,x\n\n"), "3:7/-/x;" },
		{ S("task,note\n7, spaced \n"), "2:7/-/ spaced ;" },
		{ S("task,note\n7,caf\xc3\xa9\n"), "2:7/-/caf\xc3\xa9;" },
		{ S("task,note\n7,\"a\rb\"\n"), "2:7/-/a\rb;" },
		{ S("task\n"), "" },
		{ S("task,,note\n7,ignored,x\n"), "2:7/-/x;" },	/* an empty header name */
		{ S("task,note\nx\"y,z\n"), NULL },	/* stray quote */
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct got g;
		struct hb_csv_error err;
		int rc = read_bytes(cases[i].in, cases[i].len, &g, &err);

		if (cases[i].want == NULL) {
			assert_int_equal(rc, -1);
			continue;
		}
		if (rc != 0)
			fail_msg("case %zu: %ld: %s", i, err.line, err.reason);
		assert_string_equal(g.text, cases[i].want);
	}
}

static void
test_bad_inputs(void **state)
{
	static const struct {
		const char *in; size_t len; long line; const char *column;
		const char *reason;
	} cases[] = {
		{ S("task,note\n7,\"open\n"), 2, "", "unterminated" },
		{ S("task,note\n7,a\"b\n"), 2, "", "quote" },
		{ S("task,note\n7,\"a\"b\n"), 2, "", "quote" },
		{ S("task,note\n7,x\n8\n"), 3, "", "1 fields where the header has 2" },
		{ S("task,note\n7,x\n8"), 3, "", "1 fields where the header has 2" },
		{ S("task,note\n7,x,y\n"), 2, "", "3 fields" },
		{ S("task,note\n7,a\0b\n"), 2, "", "NUL" },
		{ S("task,note\n7,caf\xe9\n"), 2, "", "UTF-8" },
		{ S("task,note\n7,\xed\xa0\x80\n"), 2, "", "UTF-8" },	/* surrogate */
		{ S("task,note\n7,\xc0\xaf\n"), 2, "", "UTF-8" },	/* overlong */
		{ S("\xff\xfet\0a\0"), 1, "", "UTF-16" },
		{ S("\xfe\xff\0t\0a"), 1, "", "UTF-16" },
		{ S("\xff\x41\n"), 1, "", "UTF-8" },	/* 0xff alone */
		{ S("\xfe\x41\n"), 1, "", "UTF-8" },	/* 0xfe alone */
		{ S("\xef\xbb\xbf"), 1, "", "empty input" },	/* a BOM and nothing */
		{ S("task,note\r7,x\r8,y\r"), 1, "", "carriage return" },
		{ S("task,note\n7,x\r8,y\n"), 2, "", "carriage return" },
		{ S("note\n1\n"), 1, "task", "required column is missing" },
		/* A header with both separators is plain CSV, and says so. */
		{ S("task;minutes,note\n7;90,x\n"), 1, "task",
		    "read as comma-separated CSV, as its header line has a ','; "
		    "it has ';' too" },
		{ S("\xef\xbb\xbfnote;minutes\r\nx;90\r\n"), 1, "task",
		    "read as excel-csv" },
		{ S("task,note,Note\n"), 1, "Note", "duplicate column" },
		{ S("task,duration,minutes\n"), 1, "duration", "given twice" },
		{ S(""), 1, "", "empty input" },
		{ S("\n\n"), 1, "", "empty input" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct got g;
		struct hb_csv_error err;
		int rc = read_bytes(cases[i].in, cases[i].len, &g, &err);

		if (rc != -1)
			fail_msg("case %zu: accepted", i);
		if (err.line != cases[i].line)
			fail_msg("case %zu: line %ld, want %ld (%s)", i, err.line,
			    cases[i].line, err.reason);
		assert_string_equal(err.column, cases[i].column);
		if (strstr(err.reason, cases[i].reason) == NULL)
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err.reason,
			    cases[i].reason);
	}
}

static void
test_utf8(void **state)
{
	static const struct { const char *in; size_t len; bool ok; } cases[] = {
		{ S("plain"), true }, { S("caf\xc3\xa9"), true },
		{ S("\xe2\x82\xac"), true },		/* euro: 3 bytes */
		{ S("\xf0\x9f\x98\x80"), true },	/* emoji: 4 bytes */
		{ S("\xf4\x90\x80\x80"), false },	/* above U+10FFFF */
		{ S("\xe0\x80\xaf"), false },		/* overlong 3 bytes */
		{ S("\xf0\x80\x80\xaf"), false },	/* overlong 4 bytes */
		{ S("\xe2\x82"), false },		/* cut short */
		{ S("\xe2\x28\xa1"), false },		/* bad continuation */
		{ S("\xf5\x80\x80\x80"), false },	/* no such lead byte */
		{ S("\x80"), false }, { S("a\0b"), false },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (hb_utf8_valid(cases[i].in, cases[i].len) != cases[i].ok)
			fail_msg("case %zu", i);
}

static void
test_utf8_escape(void **state)
{
	static const struct { const char *in, *want; } cases[] = {
		{ "week.csv", "week.csv" },
		{ "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80" },
		{ "caf\xe9.csv", "caf\\xE9.csv" },		/* Latin-1 */
		{ "a\xff" "b", "a\\xFFb" },
		{ "\xe2\x82", "\\xE2\\x82" },		/* cut short */
		{ "\xe0\x80\xaf", "\\xE0\\x80\\xAF" },	/* overlong */
		{ "\xed\xa0\x80", "\\xED\\xA0\\x80" },	/* a surrogate */
		{ "two\nlines\t\x7f", "two\\x0Alines\\x09\\x7F" },
		{ "", "" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = hb_utf8_escape(cases[i].in);

		if (strcmp(got, cases[i].want) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, got,
			    cases[i].want);
		if (!hb_utf8_valid(got, strlen(got)))
			fail_msg("case %zu: not UTF-8", i);
		free(got);
	}
}

static void
test_header_names(void **state)
{
	static const struct hb_csv_column named[] = {
		{ "display_name", true }, { "a|bb|ccc", false },
	};
	struct hb_csv_error err;
	struct got g;
	FILE *fp;
	int rc;

	(void)state;
	/* '-' and '_' alike, case ignored; an alias found by any name. */
	fp = fmemopen((void *)"Display-Name,CCC\nx,y\n", 20, "rb");
	memset(&g, 0, sizeof g);
	rc = hb_csv_read_stream(fp, named, 2, collect, &g, &err);
	fclose(fp);
	assert_int_equal(rc, 0);
	assert_int_equal(g.rows, 1);
	/* A missing file is an error without a line. */
	assert_int_equal(hb_csv_read("/nonexistent/x.csv", named, 2, collect, &g,
	    &err), -1);
	assert_int_equal(err.line, 0);
	/* A long header name in a message is cut, not overrun. */
	fp = fmemopen((void *)"x\n", 2, "rb");
	rc = hb_csv_read_stream(fp, named, 2, collect, &g, &err);
	fclose(fp);
	assert_int_equal(rc, -1);
	assert_string_equal(err.column, "display_name");
}

/* For one-column specs: count the rows. */
static int
count_rows(void *ctx, const char *const *v, long line)
{
	(void)v;
	(void)line;
	((struct got *)ctx)->rows++;
	return 0;
}

static void
test_more_reader_paths(void **state)
{
	static const struct hb_csv_column dashed[] = { { "reassign-to", true } };
	struct hb_csv_error err;
	struct got g;
	char small[4];
	FILE *fp;

	(void)state;
	/* A spec name with '-' matches a header with '_'. */
	fp = fmemopen((void *)"reassign_to\nana\n", 16, "rb");
	memset(&g, 0, sizeof g);
	assert_int_equal(hb_csv_read_stream(fp, dashed, 1, count_rows, &g, &err), 0);
	fclose(fp);
	assert_int_equal(g.rows, 1);
	/* A column's name cut to fit. */
	assert_string_equal(hb_csv_column_name("duration|minutes", small,
	    sizeof small), "dur");
	/* A parse error after a column-limit error keeps the first error. */
	{
		char row[4096];
		size_t n = (size_t)sprintf(row, "reassign_to\n");

		memset(row + n, ',', 1100);
		n += 1100;
		n += (size_t)sprintf(row + n, "x\"y\n");
		fp = fmemopen(row, n, "rb");
		assert_int_equal(hb_csv_read_stream(fp, dashed, 1, count_rows, &g,
		    &err), -1);
		fclose(fp);
		assert_non_null(strstr(err.reason, "columns"));
	}
	/* A bare CR after a column-limit error: the first error is kept. */
	{
		char row[4096];
		size_t n = (size_t)sprintf(row, "reassign_to\n");

		memset(row + n, ',', 1100);
		n += 1100;
		n += (size_t)sprintf(row + n, "\rz\n");
		fp = fmemopen(row, n, "rb");
		assert_int_equal(hb_csv_read_stream(fp, dashed, 1, count_rows, &g,
		    &err), -1);
		fclose(fp);
		assert_non_null(strstr(err.reason, "columns"));
	}
	/* A read error (a folder is not a file) names no line. */
	assert_int_equal(hb_csv_read("/", dashed, 1, count_rows, &g, &err), -1);
	assert_non_null(strstr(err.reason, "read error"));
}

static void
test_typed_cells(void **state)
{
	/* The typed calls in both kinds of writer: NULL and bad dates and
	 * timestamps fall back to text; a sheet without a name. */
	static const char *const names[] = { "d", "t", NULL };
	char path[] = "/tmp/hourbook-unit-XXXXXX";
	char *text = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&text, &size);
	struct hb_csv_writer w;
	int fd = mkstemp(path);

	(void)state;
	hb_csv_writer_init(&w, fp, HB_CSV_PLAIN);
	hb_csv_header(&w, names);
	hb_csv_date(&w, "2026-11-23");
	hb_csv_timestamp(&w, NULL);
	hb_csv_end_row(&w);
	fclose(fp);
	assert_string_equal(text, "d,t\n2026-11-23,\n");
	free(text);

	close(fd);
	hb_csv_writer_init(&w, NULL, HB_CSV_XLSX);
	hb_xlsx_enable();
	w.xlsx = hb_xlsx_start(path, path);
	hb_csv_header(&w, names);
	hb_csv_date(&w, NULL);
	hb_csv_timestamp(&w, "not a time");
	hb_csv_end_row(&w);
	hb_csv_date(&w, "2026-11-23");
	hb_csv_timestamp(&w, "2026-11-23T10:00:00Z");
	hb_csv_end_row(&w);
	hb_csv_date(&w, "2026-13-45");
	hb_csv_timestamp(&w, NULL);
	hb_csv_end_row(&w);
	hb_xlsx_close(w.xlsx);
	unlink(path);
}

static void
test_limits(void **state)
{
	size_t big = HB_CSV_FIELD_MAX + 10, len;
	char *in = malloc(big + 64);
	struct got g;
	struct hb_csv_error err;

	(void)state;
	/* A field over 1 MiB. */
	len = (size_t)sprintf(in, "task,note\n7,");
	memset(in + len, 'x', big);
	len += big;
	in[len++] = '\n';
	assert_int_equal(read_bytes(in, len, &g, &err), -1);
	assert_int_equal(err.line, 2);
	assert_non_null(strstr(err.reason, "1 MiB"));
	/* Too many columns. */
	len = (size_t)sprintf(in, "task\n");
	for (int i = 0; i < HB_CSV_COLUMNS_MAX + 5; i++)
		in[len++] = ',';
	in[len++] = '\n';
	assert_int_equal(read_bytes(in, len, &g, &err), -1);
	assert_non_null(strstr(err.reason, "columns"));
	free(in);
}

static void
test_record_lines_in_a_long_file(void **state)
{
	/* The bad row of a 10,000-row file is named by its own line. */
	size_t cap = 200000, len = 0;
	char *in = malloc(cap);
	struct got g;
	struct hb_csv_error err;

	(void)state;
	len += (size_t)sprintf(in + len, "task,note\n");
	for (int i = 2; i <= 10001; i++)
		len += (size_t)sprintf(in + len, i == 5000 ? "%d,\"bad\n" :
		    "%d,ok\n", i);
	assert_int_equal(read_bytes(in, len, &g, &err), -1);
	/* The quote opened on line 5000 never closes. */
	assert_int_equal(err.line, 5000);
	free(in);
}

/* The reader's block size (BLOCK_SIZE in lib/csv.c): the cases below put
 * their bytes across its boundaries. */
#define BLOCK 65536

/* For rows with a long note: the note's last bytes, and the rows seen. */
struct ends {
	char note[16][32];
	long line[16];
	int rows;
};

static int
note_ends(void *ctx, const char *const *v, long line)
{
	struct ends *e = ctx;
	const char *note = v[2] ? v[2] : "-";
	size_t n = strlen(note);

	if (e->rows < 16) {
		snprintf(e->note[e->rows], sizeof e->note[0], "%s",
		    n > 8 ? note + n - 8 : note);
		e->line[e->rows] = line;
	}
	e->rows++;
	return 0;
}

static void
test_block_boundaries(void **state)
{
	/* Row 2 is "7,xxx...", padded so that `tail` starts a few bytes
	 * before the end of the first block: every way of cutting it. */
	static const struct {
		const char *tail; size_t len;
		int rows;		/* accepted: the rows read */
		const char *note;	/* accepted: how row 2's note ends */
		long line;		/* refused: the line named */
		const char *reason;
	} cases[] = {
		{ S("caf\xc3\xa9\n8,y\n"), 2, "xxxcaf\xc3\xa9", 0, NULL },
		{ S("\xe2\x82\xac\n8,y\n"), 2, "xxxxx\xe2\x82\xac", 0, NULL },
		{ S("\xf0\x9f\x98\x80\n8,y\n"), 2, "xxxx\xf0\x9f\x98\x80", 0, NULL },
		{ S("\xf0\x9f\x98\x80"), 1, "xxxx\xf0\x9f\x98\x80", 0, NULL },
		{ S("ab\r\n8,y\r\n"), 2, "xxxxxxab", 0, NULL },
		{ S("ab\r"), 1, "xxxxxxab", 0, NULL },	/* a final CR */
		{ S("ab\r\n\r\n\n8,y\n"), 2, "xxxxxxab", 0, NULL },
		{ S("\"\r\n\"\n8,y\n"), 0, NULL, 2, "quote" },
		{ S("ab\r8,y\n"), 0, NULL, 2, "carriage return" },
		{ S("ab\r\r\n"), 0, NULL, 2, "carriage return" },
		{ S("\xe2\x82\n8,y\n"), 0, NULL, 2, "UTF-8" },	/* cut short */
		{ S("\xe2\x82"), 0, NULL, 2, "UTF-8" },	/* cut short at the end */
		{ S("\x82\x82\x82\n"), 0, NULL, 2, "UTF-8" },
		{ S("\n8,a\0b\n"), 0, NULL, 3, "NUL" },
		{ S("\n\n8,\xc3\n"), 0, NULL, 4, "UTF-8" },
		{ S("\n8,\"a\nb\nc\n"), 0, NULL, 3, "unterminated" },
		{ S("\n8,y,z\n"), 0, NULL, 3, "3 fields" },
	};
	static const char head[] = "task,note\n7,";
	char *in = malloc(BLOCK + 64);

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		for (size_t before = 0; before <= 5; before++) {
			size_t pad = BLOCK - before - (sizeof head - 1), len = 0;
			struct hb_csv_error err;
			struct ends e;
			FILE *fp;
			int rc;

			memcpy(in, head, sizeof head - 1);
			len += sizeof head - 1;
			memset(in + len, 'x', pad);
			len += pad;
			memcpy(in + len, cases[i].tail, cases[i].len);
			len += cases[i].len;
			memset(&e, 0, sizeof e);
			fp = fmemopen(in, len, "rb");
			rc = hb_csv_read_stream(fp, cols, 3, note_ends, &e, &err);
			fclose(fp);
			if (cases[i].reason == NULL) {
				if (rc != 0)
					fail_msg("case %zu/%zu: %ld: %s", i, before,
					    err.line, err.reason);
				assert_int_equal(e.rows, cases[i].rows);
				assert_string_equal(e.note[0], cases[i].note);
				assert_int_equal(e.line[0], 2);
				continue;
			}
			if (rc != -1)
				fail_msg("case %zu/%zu: accepted", i, before);
			if (err.line != cases[i].line ||
			    strstr(err.reason, cases[i].reason) == NULL)
				fail_msg("case %zu/%zu: %ld: %s, want %ld: %s", i,
				    before, err.line, err.reason, cases[i].line,
				    cases[i].reason);
		}
	free(in);
}

static void
test_record_limit(void **state)
{
	/* Five fields of 1,000,000 bytes each: every one is under the field
	 * limit, their record is over the record limit. */
	size_t cap = 5 * 1000001 + 64, len = 0;
	char *in = malloc(cap);
	struct hb_csv_error err;
	struct got g;

	(void)state;
	memcpy(in, "a,b,c,task,note\n\n", 17);
	len = 17;
	for (int i = 0; i < 5; i++) {
		memset(in + len, 'r', 1000000);
		len += 1000000;
		in[len++] = i < 4 ? ',' : '\n';
	}
	assert_int_equal(read_bytes(in, len, &g, &err), -1);
	assert_int_equal(err.line, 3);
	if (strstr(err.reason, "record longer than 4 MiB") == NULL)
		fail_msg("%s", err.reason);
	free(in);
}

/* collect(), and the dialect as the callback sees it. */
struct seen {
	struct got g;
	enum hb_csv_format *dialect;
	enum hb_csv_format at_first_row;
};

static int
collect_dialect(void *ctx, const char *const *v, long line)
{
	struct seen *s = ctx;

	if (s->g.rows == 0)
		s->at_first_row = *s->dialect;
	return collect(&s->g, v, line);
}

static int
read_dialect(const char *bytes, size_t len, struct seen *s,
    enum hb_csv_format *dialect, struct hb_csv_error *err)
{
	FILE *fp = fmemopen((void *)bytes, len, "rb");
	int rc;

	assert_non_null(fp);
	memset(s, 0, sizeof *s);
	s->dialect = dialect;
	s->at_first_row = HB_CSV_XLSX;	/* neither: no row yet */
	*dialect = HB_CSV_XLSX;
	rc = hb_csv_read_stream_dialect(fp, cols, 3, collect_dialect, s,
	    dialect, err);
	fclose(fp);
	return rc;
}

static void
test_dialects(void **state)
{
	static const struct {
		const char *in; size_t len;
		enum hb_csv_format want;
		const char *rows;	/* NULL: refused */
	} cases[] = {
		{ S("task;note\n7;x\n"), HB_CSV_EXCEL, "2:7/-/x;" },
		{ S("\xef\xbb\xbftask;minutes;note\r\n7;1,5;a, b\r\n"),
		    HB_CSV_EXCEL, "2:7/1,5/a, b;" },
		{ S("task;note\r\n7;x"), HB_CSV_EXCEL, "2:7/-/x;" },
		{ S("\"task\";\"note\"\r\n7;\"x;y\"\r\n"), HB_CSV_EXCEL,
		    "2:7/-/x;y;" },
		{ S("\n\r\ntask;note\n7;x\n"), HB_CSV_EXCEL, "4:7/-/x;" },
		{ S("task;note\n"), HB_CSV_EXCEL, "" },
		{ S("task;note\n7;x;y\n"), HB_CSV_EXCEL, NULL },	/* ragged */
		{ S("task;note\r7;x\r"), HB_CSV_EXCEL, NULL },	/* bare CR */
		{ S("task;'-note\n7;x\n"), HB_CSV_EXCEL, "2:7/-/-;" },	/* header verbatim */
		{ S("task,note\n7,a;b\n"), HB_CSV_PLAIN, "2:7/-/a;b;" },
		{ S("note;x,task\n1,7\n"), HB_CSV_PLAIN, "2:7/-/-;" },	/* both */
		{ S("\xef\xbb\xbfnote;x,task\r\n1,7\r\n"), HB_CSV_PLAIN, "2:7/-/-;" },
		{ S("task\n7\n"), HB_CSV_PLAIN, "2:7/-/-;" },
		{ S("task\n7;8\n"), HB_CSV_PLAIN, "2:7;8/-/-;" },
		{ S(""), HB_CSV_PLAIN, NULL },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		enum hb_csv_format dialect;
		struct hb_csv_error err;
		struct seen s;
		int rc = read_dialect(cases[i].in, cases[i].len, &s, &dialect,
		    &err);

		if (dialect != cases[i].want)
			fail_msg("case %zu: dialect %d, want %d", i, (int)dialect,
			    (int)cases[i].want);
		if (cases[i].rows == NULL) {
			if (rc != -1)
				fail_msg("case %zu: accepted", i);
			continue;
		}
		if (rc != 0)
			fail_msg("case %zu: %ld: %s", i, err.line, err.reason);
		assert_string_equal(s.g.text, cases[i].rows);
		/* The callback knows the dialect from the first row on. */
		if (s.g.rows > 0 && s.at_first_row != cases[i].want)
			fail_msg("case %zu: the first row saw dialect %d", i,
			    (int)s.at_first_row);
	}
	/* A missing file, and the plain reader's wrapper, leave it plain. */
	{
		enum hb_csv_format dialect = HB_CSV_XLSX;
		struct hb_csv_error err;
		struct got g;

		assert_int_equal(hb_csv_read_dialect("/nonexistent/x.csv", cols, 3,
		    collect, &g, &dialect, &err), -1);
		assert_int_equal(dialect, HB_CSV_PLAIN);
	}
}

static void
test_long_header_lines(void **state)
{
	/* The header line is held until it shows its separator, however
	 * many blocks that takes; a ',' anywhere in it makes it plain. */
	size_t name = 3 * BLOCK, len;
	char *in = malloc(name + 64);
	enum hb_csv_format dialect;
	struct hb_csv_error err;
	struct seen s;

	(void)state;
	memcpy(in, "task;", 5);
	len = 5;
	memset(in + len, 'h', name);
	len += name;
	memcpy(in + len, ";note\n7;;x\n", 11);
	len += 11;
	assert_int_equal(read_dialect(in, len, &s, &dialect, &err), 0);
	assert_int_equal(dialect, HB_CSV_EXCEL);
	assert_string_equal(s.g.text, "2:7/-/x;");

	/* The same with a ',' after it all: plain, so one long header
	 * name "task;hhh...;note", and no task column. */
	in[len - 11] = ',';
	assert_int_equal(read_dialect(in, len, &s, &dialect, &err), -1);
	assert_int_equal(dialect, HB_CSV_PLAIN);
	assert_int_equal(err.line, 1);
	assert_string_equal(err.column, "task");
	free(in);
}

static void
test_excel_apostrophes(void **state)
{
	/* In the excel dialect a field loses an apostrophe that neutralised
	 * a formula, and only that one. */
	static const struct { const char *field; const char *want; } cases[] = {
		{ "'=1+2", "=1+2" }, { "'+1", "+1" }, { "'-5", "-5" },
		{ "'@SUM(A1)", "@SUM(A1)" }, { "'\tx", "\tx" },
		{ "\"'\r\"", "\r" }, { "\"'\nx\"", "\nx" },
		{ "\"'=HYPERLINK(\"\"x\"\")\"", "=HYPERLINK(\"x\")" },
		{ "\"'=a;b\"", "=a;b" },
		/* The writer puts one more before apostrophes and a formula. */
		{ "''=x", "'=x" }, { "'''-1", "''-1" },
		{ "'x", "'x" }, { "''x", "''x" }, { "'", "'" }, { "''", "''" },
		{ "x'=1", "x'=1" }, { "=1", "=1" }, { " '=1", " '=1" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char in[128], want[128];
		enum hb_csv_format dialect;
		struct hb_csv_error err;
		struct seen s;
		int n = snprintf(in, sizeof in, "task;note\r\n7;%s\r\n",
		    cases[i].field);

		snprintf(want, sizeof want, "2:7/-/%s;", cases[i].want);
		if (read_dialect(in, (size_t)n, &s, &dialect, &err) != 0)
			fail_msg("case %zu: %s", i, err.reason);
		assert_string_equal(s.g.text, want);
	}
	/* Plain CSV keeps its apostrophes. */
	{
		struct hb_csv_error err;
		struct got g;

		assert_int_equal(read_bytes(S("task,note\n7,'=1\n"), &g, &err), 0);
		assert_string_equal(g.text, "2:7/-/'=1;");
	}
}

static int
stop_at_second(void *ctx, const char *const *v, long line)
{
	(void)v;
	(void)line;
	return ++*(int *)ctx == 2 ? 42 : 0;
}

static void
test_long_records(void **state)
{
	/* Records longer than the first buffer grow it. */
	char in[8192];
	struct got g;
	struct hb_csv_error err;
	size_t len = (size_t)sprintf(in, "task,note\n1,");

	(void)state;
	memset(in + len, 'z', 5000);
	len += 5000;
	in[len++] = '\n';
	assert_int_equal(read_bytes(in, len, &g, &err), 0);
	assert_int_equal(g.rows, 1);
}

static void
test_callback_stops(void **state)
{
	FILE *fp = fmemopen((void *)"task\n1\n2\n3\n", 11, "rb");
	struct hb_csv_error err;
	int n = 0;

	(void)state;
	assert_int_equal(hb_csv_read_stream(fp, cols, 1, stop_at_second, &n,
	    &err), 42);
	assert_int_equal(n, 2);
	fclose(fp);
}

static char *
written(enum hb_csv_format format, void (*fill)(struct hb_csv_writer *))
{
	char *buf = NULL;
	size_t size = 0;
	FILE *fp = open_memstream(&buf, &size);
	struct hb_csv_writer w;

	hb_csv_writer_init(&w, fp, format);
	fill(&w);
	hb_csv_writer_finish(&w);
	fclose(fp);
	return buf;
}

static void
fill_row(struct hb_csv_writer *w)
{
	static const char *const header[] = { "a", "b", NULL };

	hb_csv_header(w, header);
	hb_csv_text(w, "plain");
	hb_csv_text(w, "with, comma");
	hb_csv_text(w, "say \"hi\"\nbye");
	hb_csv_text(w, "=HYPERLINK(\"x\")");
	hb_csv_text(w, "-5");
	hb_csv_text(w, "a;b");
	hb_csv_money(w, -123456);
	hb_csv_int(w, 90);
	hb_csv_null(w);
	hb_csv_text(w, NULL);
	hb_csv_end_row(w);
}

static void
test_writers(void **state)
{
	char *plain = written(HB_CSV_PLAIN, fill_row);
	char *excel = written(HB_CSV_EXCEL, fill_row);

	(void)state;
	assert_string_equal(plain, "a,b\nplain,\"with, comma\",\"say \"\"hi\"\"\n"
	    "bye\",\"=HYPERLINK(\"\"x\"\")\",-5,a;b,-1234.56,90,,\n");
	assert_string_equal(excel, "\xef\xbb\xbf" "a;b\r\nplain;with, comma;"
	    "\"say \"\"hi\"\"\nbye\";\"'=HYPERLINK(\"\"x\"\")\";'-5;\"a;b\";"
	    "-1234,56;90;;\r\n");
	free(plain);
	free(excel);
}

static void
test_excel_neutralises(void **state)
{
	/* Text a spreadsheet would run gets an apostrophe in excel-csv, a
	 * leading LF as well as the rest; plain CSV writes it as it is. */
	static const struct { const char *in, *excel, *plain; } cases[] = {
		{ "=1+2", "'=1+2", "=1+2" },
		{ "+1", "'+1", "+1" },
		{ "-5", "'-5", "-5" },
		{ "@SUM(A1)", "'@SUM(A1)", "@SUM(A1)" },
		{ "\tx", "'\tx", "\tx" },
		{ "\rx", "\"'\rx\"", "\"\rx\"" },
		{ "\nx", "\"'\nx\"", "\"\nx\"" },
		{ "'=1", "''=1", "'=1" },
		{ "''\n", "\"'''\n\"", "\"''\n\"" },
		{ "'x", "'x", "'x" },
		{ "x=1", "x=1", "x=1" },
		{ "", "", "" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *want[] = { cases[i].excel, cases[i].plain };
		enum hb_csv_format format[] = { HB_CSV_EXCEL, HB_CSV_PLAIN };

		for (int f = 0; f < 2; f++) {
			char *buf = NULL;
			size_t size = 0;
			FILE *fp = open_memstream(&buf, &size);
			struct hb_csv_writer w;
			const char *got;

			hb_csv_writer_init(&w, fp, format[f]);
			hb_csv_text(&w, cases[i].in);
			fclose(fp);
			got = buf;
			if (format[f] == HB_CSV_EXCEL)
				got += 3;	/* the BOM */
			if (strcmp(got, want[f]) != 0)
				fail_msg("case %zu, format %d: \"%s\"", i,
				    (int)format[f], got);
			free(buf);
		}
	}
}

static const char *const excel_notes[] = {
	"plain", "=SUM(A1:A9)", "=HYPERLINK(\"http://x\")", "-5", "+1",
	"@here", "\tindented", "\nafter a line feed", "\rcr", "'=quoted",
	"''-twice", "'apostrophe", "a;b", "a,b", "say \"hi\"", "x\r\ny", "",
	"caf\xc3\xa9", "1,50",
};

static void
fill_excel(struct hb_csv_writer *w)
{
	static const char *const header[] = { "task", "note", NULL };

	hb_csv_header(w, header);
	for (size_t i = 0; i < sizeof excel_notes / sizeof excel_notes[0]; i++) {
		hb_csv_int(w, (int64_t)i);
		hb_csv_text(w, excel_notes[i]);
		hb_csv_end_row(w);
	}
}

/* Each row's note, by its task number. */
static int
check_note(void *ctx, const char *const *v, long line)
{
	size_t *n = ctx;
	char *end;
	long task = strtol(v[0], &end, 10);

	(void)line;
	assert_true(*end == '\0' && task == (long)*n);
	assert_null(v[1]);
	assert_string_equal(v[2], excel_notes[task]);
	++*n;
	return 0;
}

static void
test_excel_round_trip(void **state)
{
	/* What the excel-csv writer writes, the reader reads back as the
	 * excel dialect, every string as it was. */
	char *text = written(HB_CSV_EXCEL, fill_excel);
	enum hb_csv_format dialect = HB_CSV_PLAIN;
	struct hb_csv_error err;
	size_t n = 0;
	FILE *fp = fmemopen(text, strlen(text), "rb");
	int rc;

	(void)state;
	rc = hb_csv_read_stream_dialect(fp, cols, 3, check_note, &n, &dialect,
	    &err);
	fclose(fp);
	if (rc != 0)
		fail_msg("%ld: %s", err.line, err.reason);
	assert_int_equal(dialect, HB_CSV_EXCEL);
	assert_int_equal(n, sizeof excel_notes / sizeof excel_notes[0]);
	free(text);
}

static void
fill_tricky(struct hb_csv_writer *w)
{
	static const char *const header[] = { "task", "note", NULL };
	static const char *const notes[] = {
		"", " ", "a,b", "\"", "\"\"", "x\r\ny", "\n", "caf\xc3\xa9",
		"'); DROP TABLE task; --", "\t=1",
	};

	hb_csv_header(w, header);
	for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
		hb_csv_int(w, (int64_t)i);
		hb_csv_text(w, notes[i]);
		hb_csv_end_row(w);
	}
}

static void
test_round_trip(void **state)
{
	/* What the plain writer writes, the reader reads back unchanged. */
	char *text = written(HB_CSV_PLAIN, fill_tricky);
	struct got g;
	struct hb_csv_error err;

	(void)state;
	assert_int_equal(read_bytes(text, strlen(text), &g, &err), 0);
	assert_int_equal(g.rows, 10);
	assert_non_null(strstr(g.text, "/-/x\r\ny;"));
	assert_non_null(strstr(g.text, "/-/'); DROP TABLE task; --;"));
	assert_non_null(strstr(g.text, "/-/\"\";"));
	free(text);
}

static void
test_json_strings(void **state)
{
	/* RFC 8259: quotes and backslashes escaped, every control character
	 * escaped, UTF-8 as it is, and what is not UTF-8 replaced. */
	static const struct { const char *in, *want; } cases[] = {
		{ "plain", "\"plain\"" },
		{ "", "\"\"" },
		{ "say \"hi\"", "\"say \\\"hi\\\"\"" },
		{ "back\\slash", "\"back\\\\slash\"" },
		{ "l1\nl2\r\t", "\"l1\\nl2\\r\\t\"" },
		{ "\b\f", "\"\\b\\f\"" },
		{ "\x01\x1b[31m\x1f\x7f", "\"\\u0001\\u001b[31m\\u001f\\u007f\"" },
		{ "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
		  "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"" },
		{ "\xe2\x80\xa8", "\"\xe2\x80\xa8\"" },
		{ "a\xff" "b", "\"a\\ufffdb\"" },
		{ "\xc3", "\"\\ufffd\"" },
		{ "\xc3(", "\"\\ufffd(\"" },
		{ "\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"" },
		{ "</script>", "\"</script>\"" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *buf = NULL;
		size_t size = 0;
		FILE *fp = open_memstream(&buf, &size);

		hb_json_string(fp, cases[i].in);
		fclose(fp);
		if (strcmp(buf, cases[i].want) != 0)
			fail_msg("case %zu: %s, want %s", i, buf, cases[i].want);
		free(buf);
	}
}

/* Rows of every kind of value, as a record printer writes them; with a
 * column the dictionary does not know (mystery) unless known_only. */
static bool known_only;

static void
fill_typed(struct hb_csv_writer *w)
{
	static const char *const header[] = {
		"task", "title", "estimate_minutes", "fee", "discount", "package",
		"created", "note", "currency", "mystery", NULL
	};
	static const char *const known_header[] = {
		"task", "title", "estimate_minutes", "fee", "discount", "package",
		"created", "note", "currency", NULL
	};

	hb_csv_header(w, known_only ? known_header : header);
	hb_csv_int(w, 7);
	hb_csv_text(w, "A \"title\", long");
	hb_csv_minutes(w, 90);
	hb_csv_money(w, 12050);
	hb_csv_percent(w, 1250);
	hb_csv_text(w, "3;4");
	hb_csv_timestamp(w, "2026-11-23T14:05:00Z");
	hb_csv_text(w, "line\nnext");
	hb_csv_text(w, "EUR");
	if (!known_only)
		hb_csv_int(w, 5);
	hb_csv_end_row(w);
	hb_csv_int(w, 8);
	hb_csv_text(w, "x");
	hb_csv_null(w);
	hb_csv_money(w, -5);
	hb_csv_percent(w, 4000);
	hb_csv_text(w, "12");
	hb_csv_null(w);
	hb_csv_text(w, "");
	hb_csv_text(w, "BRL");
	if (!known_only)
		hb_csv_text(w, "5");
	hb_csv_end_row(w);
	hb_csv_int(w, 9);
	hb_csv_text(w, "\x01");
	hb_csv_minutes(w, -75);
	hb_csv_money(w, 100);
	hb_csv_percent(w, 5);
	hb_csv_int(w, 3);
	hb_csv_null(w);
	hb_csv_null(w);
	hb_csv_null(w);
	if (!known_only)
		hb_csv_null(w);
	hb_csv_end_row(w);
}

static void
test_jsonl_writer(void **state)
{
	/* Numbers by the column's kind: minutes and ids as integers, money
	 * in cents, percentages as numbers, empty as null; a name the
	 * dictionary does not know (mystery) keeps the call's kind. */
	char *got = written(HB_CSV_JSONL, fill_typed);

	(void)state;
	assert_string_equal(got,
	    "{\"task\":7,\"title\":\"A \\\"title\\\", long\",\"estimate_minutes\":90,"
	    "\"fee\":12050,\"discount\":12.5,\"package\":\"3;4\","
	    "\"created\":\"2026-11-23T14:05:00Z\",\"note\":\"line\\nnext\","
	    "\"currency\":\"EUR\",\"mystery\":5}\n"
	    "{\"task\":8,\"title\":\"x\",\"estimate_minutes\":null,\"fee\":-5,"
	    "\"discount\":40,\"package\":12,\"created\":null,\"note\":null,"
	    "\"currency\":\"BRL\",\"mystery\":\"5\"}\n"
	    "{\"task\":9,\"title\":\"\\u0001\",\"estimate_minutes\":-75,\"fee\":100,"
	    "\"discount\":0.05,\"package\":3,\"created\":null,\"note\":null,"
	    "\"currency\":null,\"mystery\":null}\n");
	free(got);
}

/* The rows as CSV text, then through a writer of format f, as a writing
 * command's rows are printed after its commit or for a --key repeat. */
static char *
rewritten(enum hb_csv_format f)
{
	static const char *const header[] = {
		"task", "title", "estimate_minutes", "fee", "discount", "package",
		"created", "note", "currency", NULL
	};
	char *csv = written(HB_CSV_PLAIN, fill_typed), *buf = NULL;
	const char *rows = csv + strcspn(csv, "\n") + 1;
	size_t size = 0;
	FILE *in = fmemopen((void *)rows, strlen(rows), "rb");
	FILE *out = open_memstream(&buf, &size);
	struct hb_csv_writer w;

	hb_csv_writer_init(&w, out, f);
	hb_csv_header(&w, header);
	hb_csv_rewrite(in, &w);
	hb_csv_writer_finish(&w);
	fclose(in);
	fclose(out);
	free(csv);
	return buf;
}

static void
test_rewrite(void **state)
{
	/* Rows read back from CSV text come out as the typed calls wrote
	 * them. */
	enum hb_csv_format formats[] = { HB_CSV_JSONL, HB_CSV_TABLE };

	(void)state;
	setenv("COLUMNS", "300", 1);
	known_only = true;
	for (size_t i = 0; i < 2; i++) {
		char *direct = written(formats[i], fill_typed);
		char *again = rewritten(formats[i]);

		assert_string_equal(direct, again);
		free(direct);
		free(again);
	}
	known_only = false;
	unsetenv("COLUMNS");
}

static void
test_table_writer(void **state)
{
	/* Headings in words, h:mm, money with the row's currency (whose
	 * column then goes), percentages, local times, numbers on the
	 * right, a line feed shown. */
	char *got;

	(void)state;
	setenv("TZ", "Europe/Rome", 1);
	tzset();
	setenv("COLUMNS", "300", 1);
	got = written(HB_CSV_TABLE, fill_typed);
	assert_string_equal(got,
	    "Task  Title            Estimate         Fee  Discount  Package  Created           Note       Mystery\n"
	    "   7  A \"title\", long      1:30  120.50 EUR     12.5%  3;4      2026-11-23 15:05  line\xe2\x86\xb5next  5\n"
	    "   8  x                           -0.05 BRL       40%  12                                    5\n"
	    "   9  ?                   -1:15        1.00     0.05%  3\n");
	free(got);
	setenv("TZ", "UTC", 1);
	tzset();
	unsetenv("COLUMNS");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_inputs),
		cmocka_unit_test(test_bad_inputs),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_utf8_escape),
		cmocka_unit_test(test_header_names),
		cmocka_unit_test(test_more_reader_paths),
		cmocka_unit_test(test_typed_cells),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_record_lines_in_a_long_file),
		cmocka_unit_test(test_long_records),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_block_boundaries),
		cmocka_unit_test(test_record_limit),
		cmocka_unit_test(test_dialects),
		cmocka_unit_test(test_long_header_lines),
		cmocka_unit_test(test_excel_apostrophes),
		cmocka_unit_test(test_writers),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_excel_neutralises),
		cmocka_unit_test(test_excel_round_trip),
		cmocka_unit_test(test_json_strings),
		cmocka_unit_test(test_jsonl_writer),
		cmocka_unit_test(test_rewrite),
		cmocka_unit_test(test_table_writer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
