/*
 * xlsx-reference: the smallest honest writer of the entries export, for
 * scripts/bench to measure report-export against.  It reads the same rows
 * with the same query and writes them with libxlsxwriter in constant-memory
 * mode with the same cell types (numbers, strings, dates, [h]:mm
 * durations, money), but with no header styling, widths or totals.
 *
 * usage: xlsx-reference BOOK OUT.xlsx 'SELECT ...'
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <xlsxwriter.h>

int
main(int argc, char **argv)
{
	lxw_workbook_options options = { .constant_memory = LXW_TRUE };
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *date, *minutes, *money;
	sqlite3 *db;
	sqlite3_stmt *s;
	lxw_row_t row = 1;

	if (argc != 4) {
		fprintf(stderr, "usage: xlsx-reference BOOK OUT.xlsx SQL\n");
		return 64;
	}
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, argv[3], -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "xlsx-reference: %s\n", sqlite3_errmsg(db));
		return 74;
	}
	wb = workbook_new_opt(argv[2], &options);
	ws = workbook_add_worksheet(wb, "Entries");
	date = workbook_add_format(wb);
	format_set_num_format(date, "yyyy-mm-dd");
	minutes = workbook_add_format(wb);
	format_set_num_format(minutes, "[h]:mm");
	money = workbook_add_format(wb);
	format_set_num_format(money, "#,##0.00");
	for (int c = 0; c < sqlite3_column_count(s); c++)
		worksheet_write_string(ws, 0, (lxw_col_t)c, sqlite3_column_name(s, c), NULL);
	while (sqlite3_step(s) == SQLITE_ROW) {
		for (int c = 0; c < sqlite3_column_count(s); c++) {
			const char *name = sqlite3_column_name(s, c);

			if (sqlite3_column_type(s, c) == SQLITE_NULL)
				continue;
			if (strcmp(name, "date") == 0) {
				lxw_datetime dt = { 0 };
				const char *t = (const char *)sqlite3_column_text(s, c);

				sscanf(t, "%d-%d-%d", &dt.year, &dt.month, &dt.day);
				worksheet_write_datetime(ws, row, (lxw_col_t)c, &dt, date);
			} else if (strstr(name, "minutes") != NULL) {
				worksheet_write_number(ws, row, (lxw_col_t)c,
				    sqlite3_column_int64(s, c) / 1440.0, minutes);
			} else if (strcmp(name, "earned") == 0) {
				worksheet_write_number(ws, row, (lxw_col_t)c,
				    sqlite3_column_int64(s, c) / 100.0, money);
			} else if (sqlite3_column_type(s, c) == SQLITE_INTEGER) {
				worksheet_write_number(ws, row, (lxw_col_t)c,
				    (double)sqlite3_column_int64(s, c), NULL);
			} else {
				worksheet_write_string(ws, row, (lxw_col_t)c,
				    (const char *)sqlite3_column_text(s, c), NULL);
			}
		}
		row++;
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 74;
}
