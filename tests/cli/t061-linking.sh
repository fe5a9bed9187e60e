#!/bin/sh
# What each command loads at start: libpq only when a PostgreSQL book is
# opened, the xlsx writer only in the commands that write xlsx, and not
# SQLite nor libcsv when their archives were there to link in.  Each
# library a process links costs it dynamic linking at every start (libpq
# with TLS, Kerberos and LDAP ~4 ms, libxlsxwriter with minizip ~2 ms,
# libsqlite3 ~0.6 ms), which the commands run once a minute from scripts
# would pay for nothing.
. "$(dirname "$0")/lib.sh"

# Under scripts/test --valgrind, HB_BIN holds wrappers, not a build folder.
if [ ! -f "$HB_BIN/CMakeCache.txt" ] || ! command -v ldd >/dev/null; then
	ok "linking: skipped, $HB_BIN is not a build folder or ldd is missing # SKIP"
	finish
fi
xlsx_commands="report-export package-set"
# linked_in ARCHIVE_VARIABLE: did the build link that archive in?
linked_in() {
	grep -q '^HB_STATIC_LIBS:BOOL=ON' "$HB_BIN/CMakeCache.txt" &&
	    grep -q "^$1:FILEPATH=/" "$HB_BIN/CMakeCache.txt"
}
static_sqlite=no static_csv=no
linked_in HB_SQLITE3_ARCHIVE && static_sqlite=yes
linked_in HB_CSV_ARCHIVE && static_csv=yes
for src in "$HB_SRC"/cmd/*.c; do
	cmd=$(basename "$src" .c)
	ldd "$HB_BIN/$cmd" >"$T/ldd" || { not_ok "$cmd: ldd reads it"; continue; }
	if grep -q 'libpq\.so' "$T/ldd"; then
		not_ok "$cmd does not link libpq" "$(grep libpq "$T/ldd")"
	else
		ok "$cmd does not link libpq"
	fi
	if [ "$static_sqlite" = yes ]; then
		expect_eq "$cmd has SQLite linked in" 0 "$(grep -c 'libsqlite3\.so' "$T/ldd")"
	fi
	if [ "$static_csv" = yes ]; then
		expect_eq "$cmd has libcsv linked in" 0 "$(grep -c 'libcsv\.so' "$T/ldd")"
	fi
	case " $xlsx_commands " in
	*" $cmd "*)
		expect_eq "$cmd links libxlsxwriter" 1 "$(grep -c 'libxlsxwriter\.so' "$T/ldd")" ;;
	*)
		expect_eq "$cmd links neither libxlsxwriter nor minizip" 0 "$(grep -c 'libxlsxwriter\.so\|libminizip\.so' "$T/ldd")" ;;
	esac
done

# A PostgreSQL location loads libpq then, and a SQLite book never needs it.
if on_engine pg "a PostgreSQL book loads libpq when it is opened"; then
	expect_exit 0 client-add acme
	expect_eq "the book answers" acme "$(report-export clients | sed -n 2p | cut -d, -f1)"
fi
HOURBOOK_DB=$T/file.db expect_exit 0 client-add acme
HOURBOOK_DB=$T/file.db expect_exit 0 report-export -f xlsx -o "$T/c.xlsx" clients
expect_eq "an xlsx still comes out" "PK" "$(head -c 2 "$T/c.xlsx")"
finish
