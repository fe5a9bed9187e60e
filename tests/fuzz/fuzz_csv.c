/*
 * fuzz_csv: the strict CSV reader on any bytes; for input it accepts, what
 * the writer writes of the rows reads back the same (parse -> write ->
 * parse is stable).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hourbook/csv.h"

static const struct hb_csv_column columns[] = {
	{ "a", true }, { "b|bee", false }, { "c", false },
};

struct rows {
	char *buf;
	size_t size;
	FILE *fp;
	struct hb_csv_writer w;
	size_t n;
};

static int
on_row(void *ctx, const char *const *v, long line)
{
	struct rows *r = ctx;

	(void)line;
	for (int i = 0; i < 3; i++)
		hb_csv_text(&r->w, v[i] ? v[i] : "");
	hb_csv_end_row(&r->w);
	r->n++;
	return 0;
}

static void
read_into(const uint8_t *data, size_t size, struct rows *r, int *rc)
{
	FILE *in = fmemopen((void *)data, size, "rb");
	struct hb_csv_error err;

	memset(r, 0, sizeof *r);
	r->fp = open_memstream(&r->buf, &r->size);
	hb_csv_writer_init(&r->w, r->fp, HB_CSV_PLAIN);
	fputs("a,b,c\n", r->fp);
	*rc = in ? hb_csv_read_stream(in, columns, 3, on_row, r, &err) : -1;
	if (in)
		fclose(in);
	fclose(r->fp);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rows first, second;
	int rc1, rc2;

	if (size == 0)
		return 0;
	read_into(data, size, &first, &rc1);
	if (rc1 == 0) {
		read_into((const uint8_t *)first.buf, first.size, &second, &rc2);
		if (rc2 != 0 || second.n != first.n || second.size != first.size ||
		    memcmp(second.buf, first.buf, first.size) != 0)
			abort();
		free(second.buf);
	}
	free(first.buf);
	return 0;
}
