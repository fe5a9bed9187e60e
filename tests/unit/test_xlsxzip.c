/*
 * Unit tests for xlsxzip: the level minizip is asked for, the watch on
 * what it is given, and reading a zip back.  The zips are made here with
 * minizip itself, as libxlsxwriter makes them, so the functions under test
 * stand between this program and minizip just as they do in the commands.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <zip.h>
#include <zlib.h>

#include "hourbook/xlsxzip.h"

#define SHEET_XML "<?xml version=\"1.0\"?><worksheet><sheetData>" \
	"<row r=\"1\"><c r=\"A1\"><v>1</v></c></row></sheetData></worksheet>\n"

struct part {
	const char *name;
	const char *data;	/* written in chunks of chunk bytes */
	size_t chunk;
	int method;		/* Z_DEFLATED or 0 (stored) */
};

static char path[4096];

/* Write a zip of the parts, NULL-name ended, the way libxlsxwriter does. */
static void
make_zip(const struct part *parts)
{
	zip_fileinfo info;
	zipFile z;
	int fd;

	const char *dir = getenv("TMPDIR");

	snprintf(path, sizeof path, "%s/test_xlsxzip.XXXXXX",
	    dir != NULL && *dir != '\0' ? dir : "/tmp");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	memset(&info, 0, sizeof info);
	z = zipOpen(path, 0);
	assert_non_null(z);
	hb_xlsxzip_begin();
	for (; parts->name != NULL; parts++) {
		size_t len = strlen(parts->data);

		assert_int_equal(zipOpenNewFileInZip4_64(z, parts->name, &info,
		    NULL, 0, NULL, 0, NULL, parts->method, Z_DEFAULT_COMPRESSION,
		    0, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, NULL, 0, 0, 0, 0),
		    ZIP_OK);
		for (size_t at = 0; at < len; at += parts->chunk) {
			size_t n = len - at < parts->chunk ? len - at
			    : parts->chunk;

			assert_int_equal(zipWriteInFileInZip(z, parts->data + at,
			    (unsigned)n), ZIP_OK);
		}
		assert_int_equal(zipCloseFileInZip(z), ZIP_OK);
	}
	assert_int_equal(zipClose(z, NULL), ZIP_OK);
}

static long
file_size(void)
{
	FILE *fp = fopen(path, "rb");
	long n;

	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fclose(fp);
	return n;
}

static void
test_whole_sheets(void **state)
{
	/* Chunks of every size, so the tail crosses their edges. */
	static const size_t chunks[] = { 1, 3, 11, 12, 13, 16, 17, 4096 };

	for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
		const struct part parts[] = {
			{ "[Content_Types].xml", "<Types/>", 4096, Z_DEFLATED },
			{ "xl/worksheets/sheet1.xml", SHEET_XML, chunks[i],
			    Z_DEFLATED },
			{ "xl/worksheets/sheet2.xml", SHEET_XML, chunks[i], 0 },
			{ "xl/styles.xml", "<styleSheet/>", 4096, Z_DEFLATED },
			{ NULL, NULL, 0, 0 }
		};

		make_zip(parts);
		assert_int_equal(hb_xlsxzip_sheets_complete(), 1);
		assert_int_equal(hb_xlsxzip_verify(path, false), 0);
		assert_int_equal(hb_xlsxzip_verify(path, true), 0);
		unlink(path);
	}
}

static void
test_short_sheet(void **state)
{
	char cut[sizeof SHEET_XML];
	/* Cut anywhere, even inside the closing tag. */
	static const size_t keep[] = { 0, 10, sizeof SHEET_XML - 8 };

	for (size_t i = 0; i < sizeof keep / sizeof keep[0]; i++) {
		const struct part parts[] = {
			{ "xl/worksheets/sheet1.xml", SHEET_XML, 7, Z_DEFLATED },
			{ "xl/worksheets/sheet2.xml", cut, 7, Z_DEFLATED },
			{ "xl/styles.xml", "</worksheet>", 4096, Z_DEFLATED },
			{ NULL, NULL, 0, 0 }
		};

		memcpy(cut, SHEET_XML, keep[i]);
		cut[keep[i]] = '\0';
		make_zip(parts);
		/* Another part ending like a sheet does not hide it. */
		assert_int_equal(hb_xlsxzip_sheets_complete(), 0);
		assert_int_equal(hb_xlsxzip_verify(path, true), -2);
		unlink(path);
	}
}

static void
test_no_sheet(void **state)
{
	const struct part parts[] = {
		{ "xl/workbook.xml", "<workbook/>", 4096, Z_DEFLATED },
		{ NULL, NULL, 0, 0 }
	};

	make_zip(parts);
	assert_int_equal(hb_xlsxzip_sheets_complete(), 0);
	assert_int_equal(hb_xlsxzip_verify(path, false), -2);
	unlink(path);
	hb_xlsxzip_begin();
	assert_int_equal(hb_xlsxzip_sheets_complete(), -1);
}

/* A zip cut short, or its sheet's data damaged, is refused. */
static void
test_damaged_zip(void **state)
{
	const struct part parts[] = {
		{ "xl/worksheets/sheet1.xml", SHEET_XML SHEET_XML, 4096,
		    Z_DEFLATED },
		{ NULL, NULL, 0, 0 }
	};
	unsigned char head[30];
	FILE *fp;

	make_zip(parts);
	assert_int_equal(truncate(path, file_size() - 10), 0);
	assert_int_equal(hb_xlsxzip_verify(path, false), -1);
	unlink(path);

	make_zip(parts);
	fp = fopen(path, "r+b");
	assert_non_null(fp);
	assert_int_equal(fread(head, 1, sizeof head, fp), sizeof head);
	/* The first bits of the data: a block of the reserved type. */
	fseek(fp, 30 + (head[26] | head[27] << 8) + (head[28] | head[29] << 8),
	    SEEK_SET);
	fputs("\xff\xff\xff\xff", fp);
	fclose(fp);
	assert_int_equal(hb_xlsxzip_verify(path, false), 0);
	assert_int_not_equal(hb_xlsxzip_verify(path, true), 0);
	unlink(path);

	assert_int_equal(hb_xlsxzip_verify("/nonexistent/x.xlsx", false), -1);
}

/* minizip was asked for zlib's fastest level: it says so in the
 * general-purpose flags of the local header (bits 1 and 2). */
static void
test_fastest_level(void **state)
{
	const struct part parts[] = {
		{ "xl/worksheets/sheet1.xml", SHEET_XML, 4096, Z_DEFLATED },
		{ NULL, NULL, 0, 0 }
	};
	unsigned char head[8];
	FILE *fp;

	make_zip(parts);
	fp = fopen(path, "rb");
	assert_non_null(fp);
	assert_int_equal(fread(head, 1, sizeof head, fp), sizeof head);
	fclose(fp);
	assert_int_equal(head[6] & 6, 6);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_sheets),
		cmocka_unit_test(test_short_sheet),
		cmocka_unit_test(test_no_sheet),
		cmocka_unit_test(test_damaged_zip),
		cmocka_unit_test(test_fastest_level),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
