# Faults: a full disk during an import and an export (simulated with a
# file-size limit), a book that is a folder.  Each: a clear error,
# the right exit status, the book intact, no partial file.
. "$(dirname "$0")/lib.sh"

client-add -q acme >/dev/null
project-add -q --client acme --model self-service blog >/dev/null
member-add -q --project blog bruno >/dev/null
task-add -q --project blog --assign bruno "Work" >/dev/null
awk 'BEGIN { print "task,minutes,date,person,note"
	for (i = 1; i <= 30000; i++) printf "1,30,2026-11-%02d,bruno,\"a long enough note to fill pages %d\"\n", 1 + i % 22, i }' >"$T/big.csv"

# The disk fills during a large import: exit 74, nothing written.  (Ignoring
# SIGXFSZ makes writes past the limit fail with EFBIG instead of killing.)
# The limit is the command's own: on PostgreSQL the server writes the book.
if on_engine sqlite "a full disk under the book's file (a file-size limit on the command)"; then
	sqlite3 "$HOURBOOK_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
	size=$(stat -c %s "$HOURBOOK_DB")
	( trap '' XFSZ; ulimit -f $(( (size + 262144) / 512 )); hours-log --csv "$T/big.csv" ) >"$T/out" 2>"$T/err"
	expect_eq "full disk on import: exit 74" 74 "$?"
	expect_err "says what" "(is the disk full"
	expect_empty_out "nothing printed"
	expect_eq "the book is intact" ok "$(book_integrity)"
	expect_eq "nothing written" 0 "$(sql 'SELECT count(*) FROM entry')"
fi
expect_exit 0 hours-log --csv "$T/big.csv"

# The disk fills during an export: exit 74, no partial file.
( trap '' XFSZ; ulimit -f 64; report-export entries -o "$T/export.csv" ) >"$T/out" 2>"$T/err"
expect_eq "full disk on export: exit 74" 74 "$?"
expect_err "a write error" "write error"
[ ! -e "$T/export.csv" ] && ok "no partial export" || not_ok "no partial export"
ls -a "$T" | grep -q '^\.hourbook-tmp-' && not_ok "no temporary left" || ok "no temporary left"
( trap '' XFSZ; ulimit -f 64; report-export entries -o "$T/export.xlsx" ) >"$T/out" 2>"$T/err"
expect_eq "full disk on an xlsx export: exit 74" 74 "$?"
expect_err "the file asked for is named" "$T/export.xlsx: the workbook came out incomplete"
[ ! -e "$T/export.xlsx" ] && ok "no partial xlsx" || not_ok "no partial xlsx"

# An export ended from outside leaves no temporary file: a reader that
# stops early (SIGPIPE), kill (SIGTERM), a closed terminal (SIGHUP).  The
# xlsx for standard output is built in TMPDIR, here a folder of its own.
# (SIGINT is left out: a shell script's background jobs ignore it.)
mkdir "$T/tmp"
awk 'BEGIN { print "task,minutes,date,person,note"
	for (i = 1; i <= 300000; i++) printf "1,30,2026-10-%02d,bruno,note %d\n", 1 + i % 28, i }' >"$T/huge.csv"
huge=$(book_new huge)
HOURBOOK_DB="$huge" client-add -q acme >/dev/null
HOURBOOK_DB="$huge" project-add -q --client acme --model self-service blog >/dev/null
HOURBOOK_DB="$huge" member-add -q --project blog bruno >/dev/null
HOURBOOK_DB="$huge" task-add -q --project blog --assign bruno "Work" >/dev/null
HOURBOOK_DB="$huge" hours-log -q --csv "$T/huge.csv" >/dev/null
TMPDIR="$T/tmp" HOURBOOK_DB="$huge" report-export entries -f xlsx | head -c 2 >"$T/out"
expect_eq "a reader that stops early gets the start" PK "$(cat "$T/out")"
expect_eq "and no xlsx is left in TMPDIR" "" "$(ls -A "$T/tmp")"
for pair in TERM:15 HUP:1; do
	sig=${pair%:*} num=${pair#*:}
	TMPDIR="$T/tmp" HOURBOOK_DB="$huge" report-export entries -o "$T/sig.xlsx" 2>/dev/null &
	pid=$!
	sleep 0.3
	kill -$sig $pid
	wait $pid
	st=$?
	expect_eq "SIG$sig during an xlsx export ends it by the signal" $((128 + num)) "$st"
	[ ! -e "$T/sig.xlsx" ] && ok "SIG$sig: no xlsx" || not_ok "SIG$sig: no xlsx"
	ls -a "$T" | grep -q '^\.hourbook-tmp-' && not_ok "SIG$sig: no temporary left" "$(ls -a "$T")" || ok "SIG$sig: no temporary left"
	TMPDIR="$T/tmp" HOURBOOK_DB="$huge" report-export entries -f xlsx >"$T/sig.bin" 2>/dev/null &
	pid=$!
	sleep 0.3
	kill -$sig $pid
	wait $pid
	expect_eq "SIG$sig during an xlsx export to stdout" $((128 + num)) "$?"
	expect_eq "SIG$sig: no xlsx left in TMPDIR" "" "$(ls -A "$T/tmp")"
done

# Read-only books and other users' files: see t825-permissions.sh.

# A book that is a folder, or not a book at all: exit 74, clearly.
if on_engine sqlite "a book path that is a folder"; then
	expect_exit 74 client-add --db "$T" beta
	expect_err "a folder is named" "is a folder, not a book"
fi

finish
