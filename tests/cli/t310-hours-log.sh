# hours-log: entries, urgent time, packages oldest first, spans, overdraft,
# reversals, refusals, batches.
. "$(dirname "$0")/lib.sh"

client-add acme >/dev/null
project-add --client acme --rate 50 web >/dev/null
project-add --client acme --model self-service blog >/dev/null
member-add --role staff --project web maria >/dev/null
export HOURBOOK_USER=maria
member-add --project web --project web bruno >/dev/null
member-add --project blog bruno >/dev/null
member-add --project blog eli >/dev/null
member-add --client acme --project web ana >/dev/null
task-add --project web --assign bruno --estimate 2h "Hero" >/dev/null	# 1
task-add --project web --assign bruno --urgent "Hotfix" >/dev/null	# 2
task-add --project blog --assign eli --fee 80 "Post" >/dev/null		# 3
package-add -q --project web --hours 2 >/dev/null			# 1: 120 min
package-add -q --project web --hours 3 >/dev/null			# 2: 180 min
for p in 1 2; do package-set -q --invoiced "$p" >/dev/null; package-set -q --paid "$p" >/dev/null; done

balance() { report-export balances --no-header --package "$1" | cut -d, -f6,7 | tr , ' '; }
ledger_ok() {	# the used minutes agree with the entries
	expect_eq "ledger agrees with entries ($1)" \
	    "$(sql "SELECT coalesce(sum(e.billable - e.overage), 0) FROM entry e JOIN task t ON t.id = e.task_id JOIN project j ON j.id = t.project_id WHERE j.model = 'package'")" \
	    "$(sql 'SELECT coalesce(sum(package_minutes), 0) + (SELECT coalesce(sum(minutes), 0) FROM entry_split) FROM entry')"
}

# available_after is the project's available minutes after the entry, as
# report-export balances shows them: 300 loaded - 90 used - 30 still
# committed by task 1's 2 h estimate = 180.
expect_exit 0 hours-log --person bruno --note "hero, first pass" --date 2026-11-20 1 1h30
expect_out "entry row" <<'OUT'
entry,task,person,date,minutes,billable_minutes,package,available_after,overage_minutes,reverses
1,1,bruno,2026-11-20,90,90,1,180,0,
OUT
expect_eq "first entry starts the task" "in-progress" "$(task-list --no-header --status in-progress | cut -d, -f1,5 | grep '^1,' | cut -d, -f2)"
expect_eq "the start is logged" "open in-progress time logged" "$(sql "SELECT old || ' ' || new || ' ' || reason FROM event WHERE entity = 'task' AND key = '1' AND what = 'status'")"

# Urgent time counts three times; it spans from package 1 into package 2.
expect_exit 0 hours-log --person bruno 2 20m
expect_out "urgent x3, spanning two packages" <<'OUT'
entry,task,person,date,minutes,billable_minutes,package,available_after,overage_minutes,reverses
2,2,bruno,2026-11-23,20,60,1;2,120,0,
OUT
expect_eq "the split is recorded" "1:30 2:30" "$(sql "SELECT package_id || ':' || package_minutes FROM entry WHERE id = 2") $(sql "SELECT package_id || ':' || minutes FROM entry_split WHERE entry_id = 2")"
expect_eq "package 1 used up" "120 120" "$(balance 1)"
expect_eq "package 2 partly used" "180 30" "$(balance 2)"
ledger_ok "after a span"

# Too few hours: refused with the minutes missing, unless --overdraft.
expect_exit 1 hours-log --person bruno 1 3h
expect_err "says how many minutes are missing" "have 150 minutes left for time dated 2026-11-23: 30 minutes missing"
expect_exit 0 hours-log --person bruno --overdraft 1 3h
expect_eq "overage recorded" "30" "$(sed -n 2p "$T/out" | cut -d, -f9)"
expect_eq "never below zero" "180 180" "$(balance 2)"
ledger_ok "after an overdraft"

# Reversal: a negative entry pointing at the original gives the hours back.
expect_exit 0 hours-log --reverse 3 --reason "logged twice"
expect_out "reversal row" <<'OUT'
entry,task,person,date,minutes,billable_minutes,package,available_after,overage_minutes,reverses
4,1,bruno,2026-11-23,-180,-180,2,120,-30,3
OUT
expect_eq "hours back" "180 30" "$(balance 2)"
expect_exit 1 hours-log --reverse 3
expect_err "reversing twice" "entry 3 is already reversed by entry 4"
expect_exit 1 hours-log --reverse 4
expect_err "reversing a reversal" "entry 4 is itself the reversal of entry 3"
expect_exit 0 hours-log --reverse 2
expect_eq "a split reversal gives both back" "120 90|180 0" "$(balance 1)|$(balance 2)"
ledger_ok "after reversals"
expect_eq "entries only grow" "5 2" "$(sql 'SELECT count(*) FROM entry') $(sql 'SELECT count(*) FROM entry_split')"
expect_exit 66 hours-log --reverse 99

# Self-service: time without packages.
expect_exit 0 hours-log --person eli 3 45m
expect_eq "no package, no balance" ",," "$(sed -n 2p "$T/out" | cut -d, -f7,8,9 | sed 's/0$//')"

# Refusals.
expect_exit 1 hours-log --person bruno --date 2026-11-24 1 1h
expect_err "future date" "2026-11-24 is in the future"
expect_exit 1 hours-log --person eli 1 1h
expect_err "not on the team" "eli is not on the team"
expect_exit 1 hours-log --person ana 1 1h
expect_err "clients do not log time" "ana is a client's person"
expect_exit 1 hours-log --as bruno --person maria 1 1h
expect_err "freelancers log their own time" "bruno may only log their own time"
expect_exit 0 hours-log --as bruno 1 10m
HOURBOOK_USER=tester expect_exit 66 hours-log 1 10m
expect_err "an actor outside the book is refused" 'the actor "tester" ($HOURBOOK_USER) is not a person of the book' 
for kind in idea request; do task-add --project web --kind "$kind" "A $kind" >/dev/null; done
task-add --project web --kind request --estimate 1h "Estimated" >/dev/null
task-add --project web --kind idea "Rejected" >/dev/null; task-set --reject 7 >/dev/null
task-add --project web "Cancelled" >/dev/null; task-set --cancel 8 >/dev/null
for t in 4 5 6 7 8; do
	expect_exit 1 hours-log --person bruno "$t" 10m
done
expect_err "refused states named" "task 8 is cancelled: time is logged on agreed work only"
expect_exit 65 hours-log --person bruno 1 0
expect_exit 65 hours-log --person bruno 1 25h
expect_exit 65 hours-log --person bruno 1 1h60
expect_exit 66 hours-log --person bruno 99 1h
expect_exit 66 hours-log --person nobody 1 1h
expect_exit 64 hours-log 1
expect_exit 64 hours-log --reverse 1 1 1h
expect_exit 64 hours-log --reason x 1 1h

# A 10,000-row batch with a bad row at line 5,000 writes nothing.
before=$(sql 'SELECT count(*) FROM entry')
awk 'BEGIN { print "task,minutes,date,person,note"
	for (i = 2; i <= 10001; i++)
		printf "1,%s,2026-11-%02d,bruno,\"note %d, with \"\"quotes\"\" and café\"\n",
		    i == 5000 ? "1h6o" : "1", 1 + i % 22, i }' >"$T/big.csv"
expect_exit 65 hours-log --overdraft --csv "$T/big.csv"
expect_err "line 5,000 named" "big.csv:5000: duration: \"1h6o\" is not a duration"
expect_empty_out "nothing printed"
expect_eq "nothing written" "$before" "$(sql 'SELECT count(*) FROM entry')"
sed -i '5000s/1h6o/1/' "$T/big.csv"
expect_exit 0 hours-log --overdraft --csv "$T/big.csv"
expect_eq "10,000 written" "$((before + 10000))" "$(sql 'SELECT count(*) FROM entry')"
expect_eq "notes kept" 'note 77, with "quotes" and café' "$(sql "SELECT note FROM entry WHERE note LIKE 'note 77,%'")"
ledger_ok "after a batch"

# A row the book itself refuses, though every check before it passed (on
# PostgreSQL the entries go in chunks through COPY, after their rows were
# read): the row's own FILE:LINE is named, and the batch writes nothing.
# The book is made to refuse notes saying "forbidden"; the row after it,
# a quoted note over two lines, shifts the lines.
sql_per_engine \
    "CREATE TRIGGER no_forbidden BEFORE INSERT ON entry WHEN NEW.note LIKE '%forbidden%' BEGIN SELECT RAISE(ABORT, 'no forbidden notes'); END" \
    "ALTER TABLE entry ADD CONSTRAINT no_forbidden CHECK (note NOT LIKE '%forbidden%') NOT VALID" >/dev/null
before=$(sql 'SELECT count(*) FROM entry')
awk 'BEGIN { print "task,minutes,date,person,note"
	print "1,10,2026-11-02,bruno,\"two\nlines\""
	for (i = 1; i <= 3000; i++)
		printf "1,1,2026-11-03,bruno,%s\n", i == 2500 ? "a forbidden one" : "fine \\ back\\slash\ttab" }' >"$T/refused.csv"
expect_exit 65 hours-log --overdraft --csv "$T/refused.csv"
expect_err "the refused row named" "refused.csv:2503: refused by the book"
expect_eq "nothing written" "$before" "$(sql 'SELECT count(*) FROM entry')"
sql_per_engine "DROP TRIGGER no_forbidden" "ALTER TABLE entry DROP CONSTRAINT no_forbidden" >/dev/null

# What the rows carry arrives intact: backslashes, tabs, lines, quotes.
expect_exit 0 hours-log -q --overdraft --csv "$T/refused.csv"
expect_eq "every row" "$((before + 3001))" "$(sql 'SELECT count(*) FROM entry')"
expect_eq "a note over two lines" "$(printf 'two\nlines')" "$(sql "SELECT note FROM entry WHERE note LIKE 'two%'")"
expect_eq "backslashes and tabs" "$(printf 'fine \\ back\\slash\ttab')" "$(sql "SELECT note FROM entry WHERE note LIKE 'fine%' ORDER BY id LIMIT 1")"
expect_eq "a forbidden one, once allowed" 1 "$(sql "SELECT count(*) FROM entry WHERE note = 'a forbidden one'")"

# A ref twice in one batch, far apart: the second is refused at its line
# (on PostgreSQL the first still waits for its chunk when the second
# comes), and a ref logged by an earlier batch is refused too.
awk 'BEGIN { print "task,minutes,date,person,ref"
	for (i = 1; i <= 2000; i++) printf "1,1,2026-11-04,bruno,tt-%d\n", i == 1800 ? 7 : i }' >"$T/refs.csv"
expect_exit 1 hours-log --overdraft --csv "$T/refs.csv"
expect_err "a ref twice in one batch" "refs.csv:1801: ref: \"tt-7\" comes twice for bruno in this input"
sed -i '1801s/tt-7/tt-1800/' "$T/refs.csv"
expect_exit 0 hours-log -q --overdraft --csv "$T/refs.csv"
printf 'task,minutes,date,person,ref\n1,1,2026-11-04,bruno,tt-new\n1,1,2026-11-04,bruno,tt-1999\n' >"$T/refs2.csv"
expect_exit 1 hours-log --overdraft --csv "$T/refs2.csv"
expect_err "a ref of an earlier batch" "refs2.csv:3: ref: \"tt-1999\" was logged already for bruno, as entry"
ledger_ok "after the refs"

finish
