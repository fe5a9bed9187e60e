/*
 * xlsxzip: the zip side of an xlsx that libxlsxwriter writes.
 *
 * Debian's libxlsxwriter hands every part of the workbook to the system's
 * minizip, a shared library.  This module stands between the two, the way
 * any interposer does: it asks for zlib's fastest level, and it keeps the
 * last bytes of each worksheet minizip is given, so a sheet that came out
 * short (libxlsxwriter does not check the writes to its temporary files;
 * on a full disk it zips a truncated sheet and reports success) is caught
 * without decompressing the file again.  With a libxlsxwriter built on its
 * bundled minizip none of this is called: the file is written at level 6
 * and hb_xlsxzip_verify inflates each sheet to look at its end instead.
 */
#ifndef HOURBOOK_XLSXZIP_H
#define HOURBOOK_XLSXZIP_H

#include <stdbool.h>

/* A workbook is about to be written: forget the previous one. */
void hb_xlsxzip_begin(void);

/* After workbook_close: 1 if minizip was given at least one worksheet and
 * every one ended with </worksheet>, 0 if one did not, -1 if minizip was
 * never called through here. */
int hb_xlsxzip_sheets_complete(void);

/* Read the zip at path back: its central directory and every worksheet's
 * local header must be sound, and with inflate each worksheet must
 * decompress to XML ending with </worksheet>.  Returns 0, or -1 for a
 * damaged file and -2 for an incomplete sheet. */
int hb_xlsxzip_verify(const char *path, bool inflate);

#endif
