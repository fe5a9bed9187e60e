/*
 * fuzz_csv: the strict CSV reader on any bytes; for input it accepts, what
 * the writer of the input's own dialect (plain or excel-csv, detected from
 * the header) writes of the rows reads back the same (parse -> write ->
 * parse is stable), so the excel writer's apostrophes and the reader's
 * taking them off must undo each other.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hourbook/csv.h"

static const struct hb_csv_column columns[] = {
	{ "a", true }, { "b|bee", false }, { "c", false },
};

static const char *const header[] = { "a", "b", "c", NULL };

struct rows {
	char *buf;
	size_t size;
	FILE *fp;
	struct hb_csv_writer w;
	enum hb_csv_format dialect;	/* the reader's, known by the first row */
	bool started;
	size_t n;
};

/* Start the writer of the input's dialect: at the first row, or after the
 * input when it has none. */
static void
start(struct rows *r)
{
	if (r->started)
		return;
	r->started = true;
	hb_csv_writer_init(&r->w, r->fp, r->dialect);
	hb_csv_header(&r->w, header);
}

static int
on_row(void *ctx, const char *const *v, long line)
{
	struct rows *r = ctx;

	(void)line;
	start(r);
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
	*rc = in ? hb_csv_read_stream_dialect(in, columns, 3, on_row, r,
	    &r->dialect, &err) : -1;
	start(r);
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
		if (rc2 != 0 || second.dialect != first.dialect ||
		    second.n != first.n || second.size != first.size ||
		    memcmp(second.buf, first.buf, first.size) != 0)
			abort();
		free(second.buf);
	}
	free(first.buf);
	return 0;
}
