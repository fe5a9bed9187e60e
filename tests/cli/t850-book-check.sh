# book-check: silent on a sound book; each ledger invariant broken by hand
# gives its finding and exit 1; single-byte damage at offsets spread over
# the file: every command either works as on the sound book or exits 74
# saying the book is damaged, a batch never writes into a book that fails
# quick_check (one of more than 100 records), and book-check exits 1 wherever integrity_check fails; a
# damaged frame in the WAL.
. "$(dirname "$0")/lib.sh"
cd "$T"

client-add -q acme >/dev/null
client-add -q --currency USD zeta >/dev/null
project-add -q --client acme --rate 50 web >/dev/null
project-add -q --client zeta --rate 70 app >/dev/null
project-add -q --client acme --model self-service blog >/dev/null
member-add -q --role staff maria >/dev/null
export HOURBOOK_USER=maria
member-add -q --rate 20 bruno >/dev/null
member-add -q --rate 30 eli >/dev/null
for p in web app blog; do member-add -q --project $p maria >/dev/null; member-add -q --project $p bruno >/dev/null; done
member-add -q --project app eli >/dev/null
for i in 1 2 3 4 5; do task-add -q --project web --assign bruno --estimate 10h "Web $i" >/dev/null; done	# 1-5
for i in 1 2 3 4 5; do task-add -q --project app --assign eli --estimate 10h "App $i" >/dev/null; done	# 6-10
task-add -q --project blog --assign bruno --fee 300 "Post" >/dev/null	# 11
for m in start deliver accept; do task-set -q --$m 11 >/dev/null; done
package-add -q --project web --hours 1000 >/dev/null	# 1
package-add -q --project app --hours 30 >/dev/null	# 2: runs out, entries split into 3
package-add -q --project app --hours 1000 >/dev/null	# 3
for p in 1 2 3; do
	package-set -q --invoiced --date 2026-09-01 $p >/dev/null
	package-set -q --paid --date 2026-09-01 $p >/dev/null
done
awk 'BEGIN { print "task,minutes,date,person,note"
	for (i = 1; i <= 900; i++) { t = 1 + i % 10
		printf "%d,%d,2026-%02d-%02d,%s,\"note %d\"\n", t, 10 + i % 50, 10 + i % 2, 1 + i % 20, t <= 5 ? "bruno" : "eli", i } }' >week.csv
hours-log -q --csv week.csv >/dev/null
hours-log -q --reverse 5 >/dev/null	# 901
hours-log -q --reverse 8 >/dev/null	# 902
withdraw -q --as bruno 150 >/dev/null	# 1, EUR
withdraw -q --as eli 200 >/dev/null	# 2, USD
withdraw -q --pay 1 >/dev/null
billing-run -q --month 2026-09 >/dev/null
expect_eq "the book has split entries" yes "$([ "$(sql 'SELECT count(*) FROM entry_split')" -gt 0 ] && echo yes)"

# A sound book: nothing printed, exit 0.
expect_exit 0 book-check
expect_empty_out "a sound book: nothing on stdout"
expect_eq "a sound book: nothing on stderr" "" "$(cat "$T/err")"
expect_exit 0 book-check -q

sound=$HOURBOOK_DB

# broken 'SQL': break a copy of the sound book with SQL, and keep
# book-check's answer in $T/out.
nbroken=0
broken() {
	nbroken=$((nbroken + 1))
	HOURBOOK_DB=$(book_copy broken$nbroken "$sound")
	sql "$1"
	expect_exit 1 book-check
}

broken "UPDATE package_use SET minutes = minutes + 7 WHERE package_id = 1 AND day = '2026-10-03'"
expect_out "package_use disagrees with the entries of one day" <<'OUT'
check,entity,key,message
package_use,package,1,"on 2026-10-03 package_use records 1447 minutes, the entries of that day drew 1440"
package_month,package,1,"for the month of 2026-10 package_month records 8640 minutes, its days in package_use 8647"
OUT
broken "UPDATE package_month SET minutes = minutes + 7 WHERE package_id = 1 AND month = '2026-10-01'"
expect_out "package_month disagrees with its days, and the balance with the entries" <<'OUT'
check,entity,key,message
package_month,package,1,"for the month of 2026-10 package_month records 8647 minutes, its days in package_use 8640"
package_used,package,1,"has used 14407 minutes by its ledger, but its entries drew 14400"
OUT
broken "UPDATE person_earned SET earned = earned + 100 WHERE person_id = (SELECT id FROM person WHERE handle = 'eli')"
expect_out "person_earned disagrees with the person's entries" <<'OUT'
check,entity,key,message
person_earned,person,eli,"USD: person_earned records 8309.50, the person's entries earned 8308.50"
OUT
broken "UPDATE task SET billed = billed + 5 WHERE id = 2"
expect_out "a task's totals disagree with its entries" <<'OUT'
check,entity,key,message
task_totals,task,2,"records 2790 minutes worked and 2795 billed, its entries add up to 2790 and 2790"
OUT
broken "UPDATE task SET overage = overage + 5 WHERE id = 2"
expect_out "a task's overage disagrees with its entries" <<'OUT'
check,entity,key,message
task_totals,task,2,"records 5 minutes beyond the packages, its entries 0"
OUT
broken "UPDATE entry SET earned = earned - 100 WHERE id = 902"
expect_out "a reversal that does not mirror its original" <<'OUT'
check,entity,key,message
reversal,entry,902,reverses entry 8 but does not mirror its earnings
person_earned,person,eli,"USD: person_earned records 8308.50, the person's entries earned 8307.50"
OUT
broken "DROP INDEX entry_reverses; UPDATE entry SET reverses = 5 WHERE id = 902"
expect_out "an entry reversed twice" <<'OUT'
check,entity,key,message
reversal,entry,5,is reversed more than once: by entries 901 and 902
OUT
broken "UPDATE entry SET reverses = 901 WHERE id = 902"
expect_out "a reversal of a reversal" <<'OUT'
check,entity,key,message
reversal,entry,902,"reverses entry 901, itself the reversal of entry 5"
OUT
broken "UPDATE withdrawal SET amount = 900000 WHERE id = 2"
expect_out "a withdrawal beyond the earnings" <<'OUT'
check,entity,key,message
earnings,person,eli,"USD: earned 8308.50, withdrawals requested or paid 9000.00: the balance is -691.50"
OUT
broken "DROP INDEX invoice_once; INSERT INTO invoice (id, project_id, package_id, period, currency, created) SELECT (SELECT max(id) + 1 FROM invoice), project_id, package_id, period, currency, created FROM invoice WHERE id = 1"
expect_out "two invoices for one project, month and package" <<'OUT'
check,entity,key,message
invoice,project,web,has 2 invoices for 2026-09 and package 1 (invoices 1 to 4): one is the most
OUT
broken "UPDATE hours_ledger SET minutes = 600 WHERE kind = 'load' AND package_id = 1"
expect_out "a package used beyond its hours" <<'OUT'
check,entity,key,message
balance,package,1,"its usable minutes are -13800: loaded 600, used 14400, lapsed 0"
OUT
# book-check -q: the exit status only.
expect_exit 1 book-check -q
expect_empty_out "-q prints nothing"
HOURBOOK_DB=$sound

# The rest is SQLite's file: references it does not enforce once its
# foreign keys are off, bytes damaged on disk, its WAL.  (A PostgreSQL
# server enforces every reference, and keeps its own pages and WAL.)
engine_only sqlite "SQLite's file: unenforced references, damaged bytes, the WAL"
broken "PRAGMA foreign_keys = OFF; UPDATE entry_split SET package_id = 9 WHERE rowid = 1"
expect_eq "a reference to nothing" "reference,entry_split,1,refers to a package row that does not exist" "$(grep '^reference' "$T/out")"
HOURBOOK_DB=$sound
sqlite3 book.db 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
cp book.db sound.db
report-export entries -o want-entries.csv
task-list >want-tasks.txt

# ---- single-byte damage -------------------------------------------------

# flip FILE OFFSET: invert the byte at OFFSET.
flip() {
	byte=$(od -An -tu1 -j "$2" -N1 "$1" | tr -d ' ')
	printf "\\$(printf %o $((byte ^ 255)))" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}
# copy FROM NAME: a copy of a book, for one command to open first.
copy() {
	rm -f "$2" "$2-wal" "$2-shm"
	cp "$1" "$2"
	export HOURBOOK_DB="$T/$2"
}
fresh() { copy damaged.db "$1"; }
# judge NAME STATUS GOT WANT: a command worked as on the sound book, or
# exited 74 saying the book is damaged; anything it printed otherwise is
# counted (it must be on a book book-check finds fault with).
judge() {
	if [ "$2" -eq 74 ] && grep -q 'the book is damaged (.*): run book-check' "$T/err"; then
		stopped=$((stopped + 1))
	elif [ "$2" -eq 0 ] && cmp -s "$3" "$4"; then
		:
	elif [ "$2" -eq 0 ]; then
		served=$((served + 1))
		[ "$checked" -eq 1 ] || unseen="$unseen $off:$1"
	else
		bad="$bad $off:$1:exit$2:$(head -c 100 "$T/err")"
	fi
}

# What the commands print on the sound book.
# A batch of two records is checked as a single one is; one of 101
# records checks the whole book before it commits.
printf 'task,minutes,date,person\n2,15,2026-11-20,bruno\n7,20,2026-11-20,eli\n' >two.csv
awk 'BEGIN { print "task,minutes,date,person"
	for (i = 1; i <= 101; i++) printf "%d,%d,2026-11-20,%s\n", i % 2 ? 2 : 7, 10 + i, i % 2 ? "bruno" : "eli" }' >many.csv
copy sound.db clean.db
hours-log --person bruno --date 2026-11-20 1 10m >want-one.csv
copy sound.db clean.db
hours-log --csv two.csv >want-two.csv
copy sound.db clean.db
hours-log --csv many.csv >want-many.csv
size=$(stat -c %s sound.db)
n=60 i=0 failing=0 caught=0 stopped=0 served=0 batch_bad=0 unseen= bad= leaked=
while [ $i -lt $n ]; do
	off=$(( (2 * i + 1) * size / (2 * n) ))
	rm -f damaged.db*
	cp sound.db damaged.db
	flip damaged.db "$off"
	ic=$(sqlite3 damaged.db 'PRAGMA integrity_check' 2>&1 | head -1)
	qc=$(sqlite3 damaged.db 'PRAGMA quick_check' 2>&1 | head -1)
	fresh check.db
	book-check >"$T/out" 2>"$T/err"
	st=$?
	checked=$st
	[ "$ic" = ok ] || failing=$((failing + 1))
	if [ "$ic" != ok ] && [ $st -eq 1 ] && [ -s "$T/out" ]; then
		caught=$((caught + 1))
	elif [ "$ic" != ok ] || [ $st -gt 1 ]; then
		bad="$bad $off:book-check:exit$st:$(head -c 100 "$T/err")"
	fi
	fresh read1.db
	rm -f got.csv
	report-export entries -o got.csv >/dev/null 2>"$T/err"
	st=$?
	[ $st -eq 0 ] || [ ! -e got.csv ] || leaked="$leaked $off"
	judge entries $st got.csv want-entries.csv
	fresh read2.db
	task-list >got.txt 2>"$T/err"
	judge task-list $? got.txt want-tasks.txt
	fresh write1.db
	hours-log --person bruno --date 2026-11-20 1 10m >got.csv 2>"$T/err"
	judge hours-log $? got.csv want-one.csv
	fresh write2.db
	hours-log --csv two.csv >got.csv 2>"$T/err"
	judge hours-log--csv $? got.csv want-two.csv
	fresh write3.db
	hours-log --csv many.csv >got.csv 2>"$T/err"
	st=$?
	judge hours-log--csv-many $st got.csv want-many.csv
	[ "$qc" = ok ] || [ $st -eq 74 ] || batch_bad=$((batch_bad + 1))
	i=$((i + 1))
done
echo "# $n offsets: integrity_check failed on $failing copies, book-check caught $caught"
echo "# commands stopped with exit 74: $stopped; served other output than the sound book: $served"
echo "# other output where book-check saw nothing (a value changed in place):${unseen:- none}"
expect_eq "book-check exits 1 on every copy that fails integrity_check" "$failing" "$caught"
expect_eq "every command worked as on the sound book, or exited 74 saying the book is damaged" "" "$bad"
expect_eq "a failed export leaves no file" "" "$leaked"
expect_eq "a batch of many records never writes into a book that fails quick_check" 0 "$batch_bad"
expect_eq "the damage was found somewhere" yes "$([ "$failing" -gt 0 ] && [ "$stopped" -gt 0 ] && echo yes)"

# The header: not a database any more; a schema version gone negative
# (once a crash of writing commands).
for off in 0 60; do
	rm -f damaged.db*
	cp sound.db damaged.db
	flip damaged.db $off
	for cmd in "task-list" "hours-log --person bruno 1 10m" "hours-log --csv two.csv"; do
		fresh one.db
		expect_exit 74 $cmd
		expect_err "header byte $off: $cmd says the book is damaged" "one.db: the book is damaged ("
	done
	fresh one.db
	expect_exit 1 book-check
	expect_eq "header byte $off: book-check says nothing on stderr" "" "$(cat "$T/err")"
	grep -q '^storage,book,,cannot be opened: ' "$T/out" && ok "header byte $off: a storage finding" ||
	    not_ok "header byte $off: a storage finding" "$(cat "$T/out")"
done

# ---- the WAL --------------------------------------------------------------

# A commit left in the WAL: sqlite3 keeps the book open while hours-log
# writes, so the WAL is not checkpointed away, and the files are copied
# meanwhile.
export HOURBOOK_DB="$T/book.db"
rm -f book.db*
cp sound.db book.db
sqlite3 book.db 'SELECT count(*) FROM entry' \
    ".shell hours-log -q --person bruno --note 'the last one' 1 25m >/dev/null && cp book.db wal.db && cp book.db-wal wal.db-wal" >/dev/null
frames=$(( ($(stat -c %s wal.db-wal) - 32) / (4096 + 24) ))
expect_eq "the commit is in the WAL" yes "$([ "$frames" -ge 1 ] && echo yes)"
# walcopy NAME [OFFSET]: a copy of the book with its WAL, damaged at
# OFFSET (from its end when negative) or not.
walcopy() {
	rm -f "$1" "$1-wal" "$1-shm"
	cp wal.db "$1"
	cp wal.db-wal "$1-wal"
	case ${2-} in
	'') ;;
	-*) flip "$1-wal" $(( $(stat -c %s "$1-wal") $2 )) ;;
	*) flip "$1-wal" "$2" ;;
	esac
	export HOURBOOK_DB="$T/$1"
}
walcopy sound-wal.db
expect_exit 0 book-check
expect_empty_out "a sound WAL: no finding"
expect_eq "the last entry is there" "the last one" "$(report-export entries | csv_col note | tail -1)"
walcopy damaged-wal.db -100
expect_exit 1 book-check
expect_out "book-check, first to open the book, sees the commit SQLite drops" <<OUT
check,entity,key,message
wal,book,,"frame $frames of the WAL fails its checksum, so SQLite uses none of the WAL: 1 commit(s) after that, up to frame $frames, are lost unless a checkpoint had copied them into the book (a crash in the middle of a commit leaves the same trace)"
OUT
walcopy damaged-wal.db -100
expect_exit 0 report-export entries --no-header
expect_eq "any other command first: the last commit is gone, silently (hourbook(7))" 0 "$(grep -c 'the last one' "$T/out")"
expect_exit 0 book-check
expect_empty_out "and then not even book-check can tell"
# The WAL's header (its checkpoint number): SQLite ignores the whole WAL.
walcopy header-wal.db 12
expect_exit 1 book-check
expect_out "a damaged WAL header" <<OUT
check,entity,key,message
wal,book,,"the WAL's header fails its checksum, so SQLite ignores the WAL: its 1 commit(s), up to frame $frames, are lost unless a checkpoint had copied them into the book"
OUT

# A transaction rolled back after it spilled into the WAL leaves frames
# after the last commit, whose checksums no longer run true once the next
# commit overwrote the frames before them: they hold no commit, and are no
# finding.
rm -f spill.db*
cp sound.db spill.db
sqlite3 spill.db "INSERT INTO holiday VALUES ('2028-01-01', 'one')" 'PRAGMA cache_size = 2' 'BEGIN' \
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO holiday SELECT date('2030-01-01', '+' || i || ' days'), 'x' FROM n" \
    'ROLLBACK' "INSERT INTO holiday VALUES ('2029-01-01', 'two')" '.shell cp spill.db left.db && cp spill.db-wal left.db-wal'
expect_eq "the rollback left frames in the WAL" yes "$([ $(( ($(stat -c %s left.db-wal) - 32) / (4096 + 24) )) -gt 4 ] && echo yes)"
export HOURBOOK_DB="$T/left.db"
expect_exit 0 book-check
expect_empty_out "frames a rollback left behind are no finding"
expect_eq "both commits are read" 2 "$(sql 'SELECT count(*) FROM holiday')"

finish
