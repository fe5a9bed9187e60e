/*
 * xlsxzip: between libxlsxwriter and minizip; reading the zip back.
 */
#define _GNU_SOURCE	/* RTLD_NEXT */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <zip.h>
#include <zlib.h>

#include "hourbook/xlsxzip.h"

#define SHEET_PREFIX "xl/worksheets/sheet"
#define SHEET_END "</worksheet>"

/* The last bytes of a stream, right-aligned in b; n of them are valid. */
struct tail {
	unsigned char b[16];
	size_t n;
};

static void
tail_keep(struct tail *t, const unsigned char *p, size_t len)
{
	if (len >= sizeof t->b) {
		memcpy(t->b, p + len - sizeof t->b, sizeof t->b);
		t->n = sizeof t->b;
		return;
	}
	memmove(t->b, t->b + len, sizeof t->b - len);
	memcpy(t->b + sizeof t->b - len, p, len);
	t->n = t->n + len > sizeof t->b ? sizeof t->b : t->n + len;
}

/* Does the stream end with the closing tag of a worksheet (and perhaps a
 * line end)? */
static bool
tail_ends_sheet(const struct tail *t)
{
	const unsigned char *end = t->b + sizeof t->b;
	size_t n = t->n;

	while (n > 0 && (end[-1] == '\n' || end[-1] == '\r')) {
		end--;
		n--;
	}
	return n >= strlen(SHEET_END) &&
	    memcmp(end - strlen(SHEET_END), SHEET_END, strlen(SHEET_END)) == 0;
}

/* ---- standing between libxlsxwriter and minizip ---------------------------
 *
 * libxlsxwriter deflates every part at zlib's default level 6 and has no
 * option to change it.  For a sheet of a million rows that is about a
 * third of the export; zlib's fastest level writes the file in about three
 * fifths of the time for a file about a third larger (scripts/bench shows
 * both), and exports are read by programs that do not mind.
 *
 * Defining minizip's entry points here puts these first in the dynamic
 * linker's lookup; each passes everything through to minizip's own,
 * found with RTLD_NEXT.
 */

static struct {
	bool seen;		/* minizip was called through here */
	bool in_sheet;		/* the part being written is a worksheet */
	int sheets, incomplete;
	struct tail tail;	/* of the worksheet being written */
} watch;

/* The part being written is complete: count it if it is a worksheet. */
static void
part_done(void)
{
	if (watch.in_sheet) {
		watch.sheets++;
		watch.incomplete += !tail_ends_sheet(&watch.tail);
	}
	watch.in_sheet = false;
}

void
hb_xlsxzip_begin(void)
{
	memset(&watch, 0, sizeof watch);
}

int
hb_xlsxzip_sheets_complete(void)
{
	part_done();
	if (!watch.seen)
		return -1;
	return watch.sheets > 0 && watch.incomplete == 0;
}

/* minizip's own function of that name. */
static void *
minizip(const char *name)
{
	return dlsym(RTLD_NEXT, name);
}

typedef int open_fn(zipFile, const char *, const zip_fileinfo *,
    const void *, uInt, const void *, uInt, const char *, int, int, int, int,
    int, int, const char *, uLong, uLong, uLong, int);
typedef int write_fn(zipFile, const void *, unsigned);

int
zipOpenNewFileInZip4_64(zipFile file, const char *filename,
    const zip_fileinfo *zipfi, const void *extrafield_local,
    uInt size_extrafield_local, const void *extrafield_global,
    uInt size_extrafield_global, const char *comment, int method, int level,
    int raw, int windowBits, int memLevel, int strategy, const char *password,
    uLong crcForCrypting, uLong versionMadeBy, uLong flagBase, int zip64)
{
	static open_fn *next;

	if (next == NULL && (*(void **)&next = minizip(__func__)) == NULL)
		return ZIP_INTERNALERROR;
	part_done();
	watch.seen = true;
	watch.in_sheet = strncmp(filename, SHEET_PREFIX,
	    strlen(SHEET_PREFIX)) == 0;
	watch.tail.n = 0;
	if (method == Z_DEFLATED && !raw)
		level = Z_BEST_SPEED;
	return next(file, filename, zipfi, extrafield_local,
	    size_extrafield_local, extrafield_global, size_extrafield_global,
	    comment, method, level, raw, windowBits, memLevel, strategy,
	    password, crcForCrypting, versionMadeBy, flagBase, zip64);
}

int
zipWriteInFileInZip(zipFile file, const void *buf, unsigned len)
{
	static write_fn *next;

	if (next == NULL && (*(void **)&next = minizip(__func__)) == NULL)
		return ZIP_INTERNALERROR;
	if (watch.in_sheet)
		tail_keep(&watch.tail, buf, len);
	return next(file, buf, len);
}

/* ---- reading the zip back ------------------------------------------------ */

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static uint16_t
le16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

/* Inflate csize bytes of raw deflate (method 8) or stored data (0) from
 * fp and keep the end of what comes out. */
static bool
data_ends_sheet(FILE *fp, uint16_t method, uint32_t csize)
{
	unsigned char in[65536], out[65536];
	struct tail t = { .n = 0 };
	size_t left = csize;
	z_stream z;
	int rc = Z_OK;

	memset(&z, 0, sizeof z);
	if (method == Z_DEFLATED && inflateInit2(&z, -MAX_WBITS) != Z_OK)
		return false;
	while (left > 0 && rc != Z_STREAM_END) {
		size_t n = fread(in, 1, left < sizeof in ? left : sizeof in, fp);

		if (n == 0)
			break;
		left -= n;
		if (method != Z_DEFLATED) {
			tail_keep(&t, in, n);
			continue;
		}
		z.next_in = in;
		z.avail_in = (uInt)n;
		do {
			z.next_out = out;
			z.avail_out = sizeof out;
			rc = inflate(&z, Z_NO_FLUSH);
			if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
				break;
			tail_keep(&t, out, sizeof out - z.avail_out);
		} while (z.avail_in > 0 && rc == Z_OK);
		if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
			break;
	}
	if (method == Z_DEFLATED) {
		inflateEnd(&z);
		if (rc != Z_STREAM_END)
			return false;
	}
	return tail_ends_sheet(&t);
}

/* The part whose local header is at offset: is the header sound and, when
 * asked to look, does it inflate to a whole sheet? */
static int
check_part(FILE *fp, long offset, uint16_t method, uint32_t csize,
    bool inflate)
{
	unsigned char head[30];

	if (fseek(fp, offset, SEEK_SET) != 0 || fread(head, 1, 30, fp) != 30 ||
	    le32(head) != 0x04034b50 ||
	    fseek(fp, le16(head + 26) + le16(head + 28), SEEK_CUR) != 0)
		return -1;
	if (inflate && !data_ends_sheet(fp, method, csize))
		return -2;
	return 0;
}

int
hb_xlsxzip_verify(const char *path, bool inflate)
{
	FILE *fp = fopen(path, "rb");
	unsigned char eocd[22], cd[46];
	char name[256];
	long size;
	int sheets = 0, worst = 0;

	if (fp == NULL)
		return -1;
	if (fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 22 ||
	    fseek(fp, size - 22, SEEK_SET) != 0 || fread(eocd, 1, 22, fp) != 22 ||
	    le32(eocd) != 0x06054b50 ||
	    fseek(fp, (long)le32(eocd + 16), SEEK_SET) != 0)
		goto broken;
	for (uint16_t i = 0; i < le16(eocd + 10); i++) {
		long next;
		uint16_t nlen;
		int r;

		if (fread(cd, 1, 46, fp) != 46 || le32(cd) != 0x02014b50)
			goto broken;
		nlen = le16(cd + 28);
		if (nlen >= sizeof name || fread(name, 1, nlen, fp) != nlen)
			goto broken;
		name[nlen] = '\0';
		next = ftell(fp) + le16(cd + 30) + le16(cd + 32);
		if (strncmp(name, SHEET_PREFIX, strlen(SHEET_PREFIX)) == 0) {
			sheets++;
			r = check_part(fp, (long)le32(cd + 42), le16(cd + 10),
			    le32(cd + 20), inflate);
			if (r == -1)
				goto broken;
			if (r < worst)
				worst = r;
		}
		if (fseek(fp, next, SEEK_SET) != 0)
			goto broken;
	}
	fclose(fp);
	return sheets == 0 ? -2 : worst;
broken:
	fclose(fp);
	return -1;
}
