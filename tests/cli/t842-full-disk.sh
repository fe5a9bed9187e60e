# Reading on a full disk: a current book can be read when no byte can be
# written (the first reader of a WAL book sizes its -shm index by writing
# into it, and every reading command failed with exit 74).  The disk is
# full as t820 makes it: a file-size limit of 0 with SIGXFSZ ignored, so
# that every write fails (EFBIG) as on a full disk (ENOSPC).
. "$(dirname "$0")/lib.sh"

client-add -q acme >/dev/null
member-add -q --role staff maria >/dev/null
export HOURBOOK_USER=maria
project-add -q --client acme --model self-service blog >/dev/null
member-add -q --project blog --rate 50 bruno >/dev/null
task-add -q --project blog --assign bruno --due 2026-11-20 --rigid "Work" >/dev/null
hours-log -q --person bruno 1 8h >/dev/null
withdraw -q --person bruno 100 >/dev/null
side_files() { ls "$HOURBOOK_DB"-wal "$HOURBOOK_DB"-shm 2>/dev/null; }
expect_eq "the last command took its -wal and -shm along" "" "$(side_files)"

# full CMD...: run CMD with no room to write; its output goes through
# FIFOs, which the limit does not cover, into $T/out and $T/err.
mkfifo "$T/o" "$T/e"
full() {
	cat "$T/o" >"$T/out" &
	cat "$T/e" >"$T/err" &
	( trap '' XFSZ; ulimit -f 0; exec "$@" ) >"$T/o" 2>"$T/e"
	status=$?
	wait
}

reads="task-list
task-list --overdue
report-export entries
report-export tasks
report-export balances
sla-check
withdraw --status --person bruno
withdraw --list
book-config --list
book-config currency"

check_reads() {	# check_reads WHEN: each read as on a disk with room
	echo "$reads" | while read -r cmd; do
		$cmd >"$T/want" 2>"$T/want-err"
		want=$?
		full $cmd
		expect_eq "$1: $cmd: exit $want" "$want" "$status"
		cmp -s "$T/want" "$T/out" && ok "$1: $cmd: the same output" ||
			not_ok "$1: $cmd: the same output" "$(diff "$T/want" "$T/out" | head -5)" "$(cat "$T/err")"
	done
}
check_reads "a full disk"

# The rest is about the SQLite file on this disk: what a killed writer
# left in its -wal, and writes that find no room.  (A PostgreSQL book is
# written by its server, on the server's disk.)
if on_engine sqlite "the book's own file on a full disk"; then
	# What a writer left in the -wal (killed before its checkpoint), with no
	# -shm left: read from the -wal itself.
	( sqlite3 "$HOURBOOK_DB" "PRAGMA wal_autocheckpoint = 0;
		INSERT INTO setting (key, value) VALUES ('withdraw.per_month', '4')" \
		'.shell kill -9 $PPID'; true ) >/dev/null 2>&1
	[ -s "$HOURBOOK_DB-wal" ] && ok "a -wal is left" || not_ok "a -wal is left"
	rm -f "$HOURBOOK_DB-shm"
	full book-config withdraw.per_month
	expect_eq "a full disk: the -wal is read" "0 4" "$status $(cat "$T/out")"
	check_reads "a full disk, a -wal left"

	# Writing still needs room: exit 74, and nothing changes.
	full task-add --project blog "More"
	expect_eq "a full disk: a write fails" 74 "$status"
	expect_err "and says why" "(is the disk full"
	full book-config withdraw.per_month 5
	expect_eq "a full disk: so does a setting" 74 "$status"
	expect_eq "the book is intact" ok "$(book_integrity)"
	expect_eq "nothing written" "1 4" "$(sql 'SELECT count(*) FROM task') $(book-config withdraw.per_month)"
fi

# With room again, the book is as before and takes writes.
expect_exit 0 task-add --project blog "More"
check_reads "room again"

finish
