# Refuse instead of guessing (issue 12): an actor who is not a person, a
# name that matches nothing, a book that does not exist, the same import
# twice.  Each case is a mistake a user makes on an ordinary day.
. "$(dirname "$0")/lib.sh"

# ---- the bootstrap, then actors must be people -------------------------
expect_exit 0 client-add acme
expect_err "the first setup command says it made the book" "client-add: created a new book at $HOURBOOK_DB"
expect_exit 0 project-add --client acme --rate 60 verde-site
grep -q 'created a new book' "$T/err" && not_ok "the book is made once" || ok "the book is made once"
expect_exit 0 member-add --role staff --project verde-site maria
expect_err "the first staff person ends the bootstrap" "maria is the book's first staff person: from now on the actor"
# tester, who set the book up, is not a person: from now on refused.
expect_exit 66 member-add --project verde-site bruno
expect_err "the non-person is refused" 'the actor "tester" ($HOURBOOK_USER) is not a person of the book'
export HOURBOOK_USER=maria
member-add -q --client acme --project verde-site giulia >/dev/null	# the contact
member-add -q --project verde-site bruno >/dev/null
package-add -q --project verde-site --hours 10 >/dev/null
package-set -q --invoiced 1 >/dev/null; package-set -q --paid 1 >/dev/null
task-add -q --as giulia --project verde-site "A client's request" >/dev/null	# 1
task-set -q --as bruno --estimate 3h 1 >/dev/null

events=$(sql 'SELECT count(*) FROM event')
expect_exit 66 task-set --as giula --approve 1
expect_err "a typo of the contact: did you mean" 'the actor "giula" (--as) is not a person of the book (did you mean giulia?)'
expect_eq "nothing approved" estimated "$(sql 'SELECT status FROM task WHERE id = 1')"
expect_exit 66 task-add --as giula --project verde-site "Not an activity"
expect_exit 66 comment --as giula -m "hello" 1
HOURBOOK_USER=giula expect_exit 66 hours-log --person bruno 1 1h
expect_err "from HOURBOOK_USER too" '($HOURBOOK_USER)'
expect_eq "the event log has no giula" "$events 0" "$(sql 'SELECT count(*) FROM event') $(sql "SELECT count(*) FROM event WHERE actor = 'giula'")"
expect_exit 65 task-list --as "$(printf 'a\377b')"
expect_exit 0 task-set --as giulia --approve 1
expect_eq "the real contact approves" approved "$(sql 'SELECT status FROM task WHERE id = 1')"
# A reading command acts on nothing and runs under any login name, but an
# actor named with --as or HOURBOOK_USER must be a person there too.
for cmd in "task-list" "comment --list 1" "report-export balances" \
    "sla-check" "book-config currency" "withdraw --list"; do
	# shellcheck disable=SC2086
	expect_exit 66 $cmd --as giula
	expect_err "a reader refuses --as giula: $cmd" '"giula" (--as) is not a person of the book (did you mean giulia?)'
done
HOURBOOK_USER=giula expect_exit 66 sla-check --format junit
expect_empty_out "no JUnit for a typo'd HOURBOOK_USER"
(unset HOURBOOK_USER; expect_exit 0 task-list)

# ---- names that match nothing --------------------------------------------
expect_exit 66 sla-check --project verde-sit
expect_err "sla-check names the typo" 'project: "verde-sit" does not exist (did you mean verde-site?)'
expect_exit 66 sla-check --project verde-sit --format junit
expect_empty_out "no JUnit with zero tests for a typo"
expect_exit 66 task-list --project typo
expect_exit 66 task-list --assignee brno
expect_err "assignee typo" '"brno" does not exist (did you mean bruno?)'
expect_exit 66 report-export balances --client acm
expect_err "client typo" '"acm" does not exist (did you mean acme?)'
expect_exit 66 report-export activities --project verde-sitr
expect_exit 66 report-export entries --package 9
expect_exit 66 report-export earnings --person brunoo
expect_exit 66 withdraw --status --person brunoo
expect_exit 66 package-add --project verde-sit --hours 5
expect_err "writers suggest too" "(did you mean verde-site?)"
expect_exit 66 member-leave --project verde-site --reassign-to mari bruno
expect_err "--reassign-to" '"mari" does not exist (did you mean maria?)'
expect_exit 66 task-set --assign brunno 1
expect_exit 66 comment --reply-to 99 -m x 1
expect_exit 66 task-set --approve 99

# ---- a book that does not exist ------------------------------------------
# (On PostgreSQL: an empty database, which holds no book yet.)
typo=$(book_new typo)
for cmd in "hours-log 3 1h" "task-list" "report-export balances" "sla-check" \
    "billing-run --month 2026-10" "withdraw --status" "task-set --start 1" \
    "book-config currency"; do
	# shellcheck disable=SC2086
	HOURBOOK_DB="$typo" expect_exit 66 $cmd
done
expect_err "says it is missing and who makes one" "no such book (a setup command such as client-add creates one"
book_exists "$typo" && not_ok "nothing was created" || ok "nothing was created"
if on_engine sqlite "a missing book's file and folders"; then
	mkdir "$T/agency"
	HOURBOOK_DB="$T/agency/typo.db" expect_exit 66 task-list
	expect_eq "no file in the folder either" "" "$(ls -A "$T/agency")"
	HOURBOOK_DB="$T/nowhere/deeper/typo.db" expect_exit 66 task-list
	[ ! -e "$T/nowhere" ] && ok "no folder either" || not_ok "no folder either"
fi
new=$(book_new new)
HOURBOOK_DB="$new" expect_exit 66 client-add --dry-run other
book_exists "$new" && not_ok "a dry run makes no book" || ok "a dry run makes no book"
HOURBOOK_DB="$new" expect_exit 0 client-add other
expect_err "a setup command says it made one" "created a new book at $new"
if on_engine sqlite "the book file's mode"; then
	expect_eq "mode 0600" 600 "$(stat -c %a "$new")"
fi

# ---- the same import twice -----------------------------------------------
printf 'task,duration,date,person,note\n1,1h,2026-11-20,bruno,design\n1,30m,2026-11-21,bruno,review\n' >"$T/week.csv"
expect_exit 0 hours-log --dry-run --csv "$T/week.csv"
expect_err "a dry run says so" "dry run: nothing was written"
expect_eq "a dry run prints the entries it would write" 3 "$(wc -l <"$T/out" | tr -d ' ')"
expect_eq "and writes none" 0 "$(sql 'SELECT count(*) FROM entry')"
expect_exit 0 hours-log --csv "$T/week.csv"
expect_exit 1 hours-log --csv "$T/week.csv"
expect_err "the repeat names the first import and its date" "week.csv: these 2 records were applied already, on 2026-11-23 by maria (batch 1, from $T/week.csv)"
expect_empty_out "nothing printed"
# The same rows in another column order and with CRLF are the same batch.
printf 'note,task,person,duration,date\r\ndesign,1,bruno,1h,2026-11-20\r\nreview,1,bruno,30m,2026-11-21\r\n' >"$T/same.csv"
expect_exit 1 hours-log --csv "$T/same.csv"
expect_eq "entries once" 2 "$(sql 'SELECT count(*) FROM entry')"
expect_exit 0 hours-log --again --csv "$T/week.csv"
expect_eq "--again lands" 4 "$(sql 'SELECT count(*) FROM entry')"

# A ref is the row's own identity: once per person.
printf 'task,duration,date,person,ref\n1,15m,2026-11-22,bruno,TG-1\n1,15m,2026-11-22,bruno,TG-2\n' >"$T/refs.csv"
expect_exit 0 hours-log --csv "$T/refs.csv"
printf 'task,duration,date,person,ref\n1,20m,2026-11-22,bruno,TG-3\n1,25m,2026-11-22,bruno,TG-2\n' >"$T/refs2.csv"
expect_exit 1 hours-log --csv "$T/refs2.csv"
expect_err "a repeated ref is refused with its line" "refs2.csv:3: ref: \"TG-2\" was logged already for bruno, as entry 6"
expect_exit 1 hours-log --ref TG-1 --person bruno 1 5m
expect_eq "refs once" 6 "$(sql 'SELECT count(*) FROM entry')"
# A ref twice in one file: named as such, not as an entry that the
# refused batch never wrote.
printf 'task,duration,date,person,ref\n1,5m,2026-11-22,bruno,TG-7\n1,5m,2026-11-22,bruno,TG-7\n' >"$T/twice.csv"
expect_exit 1 hours-log --csv "$T/twice.csv"
expect_err "a ref twice in one input" 'twice.csv:3: ref: "TG-7" comes twice for bruno in this input'

# A file's name is any bytes, but the book holds only UTF-8 (PostgreSQL
# refuses anything else, with its SQL): the batch keeps the file's name
# with such bytes written as \xHH.
latin1="$T/$(printf 'caf\351.csv')"
printf 'task,duration,date,person\n1,10m,2026-11-19,bruno\n' >"$latin1"
expect_exit 0 hours-log --csv "$latin1"
expect_eq "a Latin-1 file name is recorded as UTF-8" "$T/caf\\xE9.csv" "$(sql 'SELECT name FROM batch ORDER BY id DESC LIMIT 1')"
expect_exit 1 hours-log --csv "$latin1"
expect_err "and named so when the batch comes again" "(batch 4, from $T/caf\\xE9.csv)"
expect_err "one record is one" "this record was applied already, on 2026-11-23 by maria (batch 4, from $T/caf\\xE9.csv): nothing was written; give --again to apply it once more"

# ---- Excel's CSV comes back in -----------------------------------------
# What a European Excel saves (BOM, ';', CRLF, decimal comma) is read as
# such; a point where the comma belongs is refused, naming the dialect.
printf '\357\273\277person;role;rate;project\r\nluca;freelancer;25,50;verde-site\r\n' >"$T/people.csv"
expect_exit 0 member-add --csv "$T/people.csv"
expect_eq "the decimal comma read" "2550" "$(sql "SELECT rate FROM person WHERE handle = 'luca'")"
printf 'person;role;rate\r\nmarco;freelancer;25.50\r\n' >"$T/point.csv"
expect_exit 65 member-add --csv "$T/point.csv"
expect_err "the dialect is named" 'point.csv:2: rate: "25.50": the file is read as excel-csv'
# Settings in an excel-csv file take the decimal comma too.
printf 'key;value\r\nwithdraw.minimum;50,5\r\npackage.low_percent;12,5\r\n' >"$T/settings.csv"
expect_exit 0 book-config --dry-run --csv "$T/settings.csv"
expect_eq "settings with a decimal comma" "withdraw.minimum,50.50 package.low_percent,12.5" "$(sed 1d "$T/out" | paste -sd' ' -)"
printf 'key;value\r\nwithdraw.minimum;50.5\r\n' >"$T/settings.csv"
expect_exit 65 book-config --csv "$T/settings.csv"
expect_err "a setting with a point names the dialect" 'settings.csv:2: withdraw.minimum: "50.5": the file is read as excel-csv'
# A penalty is PCT,PCT-PER-DAY: where a comma is also the decimal mark,
# "10,5,2" could be 10.5 and 2 or 10 and 5.2, and is refused.
printf 'project;client;penalty\r\nrosso;acme;10,5,2\r\n' >"$T/penalty.csv"
expect_exit 65 project-add --csv "$T/penalty.csv"
expect_err "an ambiguous penalty names the dialect" 'penalty.csv:2: penalty: "10,5,2": the file is read as excel-csv'
# The projects export (a penalty as two columns, 10,5 in excel-csv) goes
# back into an empty book through project-add --csv: the same projects.
project-add -q --client acme --penalty 10.5,2 --sla intake_days=3 rosso >/dev/null
report-export projects -f excel-csv -o "$T/projects-excel.csv"
fresh=$(book_new fresh)
client-add -q --db "$fresh" acme >/dev/null
expect_exit 0 project-add --db "$fresh" --csv "$T/projects-excel.csv"
report-export projects --no-header | cut -d, -f1-9 >"$T/a"
report-export --db "$fresh" projects --no-header | cut -d, -f1-9 >"$T/b"
cmp -s "$T/a" "$T/b" && ok "excel-csv of projects back in: the same projects, penalty too" || not_ok "excel-csv of projects back in: the same projects, penalty too" "$(diff "$T/a" "$T/b")"
grep -q '^rosso,acme,rosso,0.00,EUR,package,10.5,2,sla.intake_days=3$' "$T/b" && ok "the penalty came back" || not_ok "the penalty came back" "$(cat "$T/b")"

# A header with both separators is plain CSV: a missing column says so.
printf 'task;duration,date;person\r\n1;90,2026-11-18;luca\r\n' >"$T/both.csv"
expect_exit 65 hours-log --csv "$T/both.csv"
expect_err "an ambiguous header names the dialect read" "both.csv:1: task: required column is missing (the file is read as comma-separated CSV, as its header line has a ','; it has ';' too"
printf 'task;duration;date;person\r\n1;1,5h;2026-11-18;luca\r\n' >"$T/hours.csv"
expect_exit 0 hours-log --csv "$T/hours.csv"
expect_eq "decimal hours with a comma" 90 "$(sed -n 2p "$T/out" | cut -d, -f5)"
# Our own excel-csv export of entries goes back into an empty copy of the
# book through hours-log --csv and gives the same entries.
empty=$(book_copy before-entries)
sql_on "$empty" "DELETE FROM entry_split; DELETE FROM package_use; UPDATE task SET worked = 0, billed = 0; DELETE FROM entry; DELETE FROM batch"
printf 'task,duration,date,person,note,ref\n1,45m,2026-11-02,bruno,"=SUM(A1) and ""quotes""; semicolons",X-1\n1,1h15,2026-11-03,luca,"-dash, +plus\nsecond line",X-2\n1,20m,2026-11-04,bruno,@at,\n' >"$T/awk.csv"
expect_exit 0 hours-log --csv "$T/awk.csv"
report-export entries -f excel-csv -o "$T/entries-excel.csv"
expect_exit 0 hours-log --db "$empty" --csv "$T/entries-excel.csv"
report-export entries --no-header | cut -d, -f2- >"$T/a"
report-export --db "$empty" entries --no-header | cut -d, -f2- >"$T/b"
cmp -s "$T/a" "$T/b" && ok "excel-csv of entries back in: the same entries" || not_ok "excel-csv of entries back in: the same entries" "$(diff "$T/a" "$T/b" | head)"

# A reversed entry keeps its ref, and the refusal says so.
hours-log -q --reverse 5 >/dev/null
rev=$(sql 'SELECT max(id) FROM entry')
expect_eq "the reversal" 5 "$(sql "SELECT reverses FROM entry WHERE id = $rev")"
expect_exit 1 hours-log --ref TG-1 --person bruno 1 5m
expect_err "a reversed entry's ref" "\"TG-1\" was logged already for bruno, as entry 5, reversed by entry $rev"

# Two identical imports at once, 50 rounds: exactly one lands each time.
round=1 bad=0
while [ "$round" -le 50 ]; do
	printf 'task,duration,date,person,note\n1,1m,2026-11-19,bruno,round %d\n' "$round" >"$T/r.csv"
	before=$(sql 'SELECT count(*) FROM entry')
	hours-log -q --csv "$T/r.csv" >/dev/null 2>"$T/e1" & p1=$!
	hours-log -q --csv "$T/r.csv" >/dev/null 2>"$T/e2" & p2=$!
	s1=0 s2=0
	wait "$p1" || s1=$?
	wait "$p2" || s2=$?
	after=$(sql 'SELECT count(*) FROM entry')
	if [ "$((after - before))" -ne 1 ] || [ "$((s1 + s2))" -ne 1 ]; then
		bad=$((bad + 1))
	fi
	round=$((round + 1))
done
expect_eq "50 rounds of two identical imports: one lands, one is refused" 0 "$bad"

finish
