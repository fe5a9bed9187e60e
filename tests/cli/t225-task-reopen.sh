# task-set --reopen and --fee: corrections of tasks, by staff, with a
# reason, in the event log.  A done or cancelled task goes back to the
# state it had before (its event log says which; open when it does not),
# its estimate is committed again (the package check of an approval: a
# warning; an extra task the packages cannot cover is refused), and a fee
# credited stays credited: done again, only the rest of a raised fee is.
. "$(dirname "$0")/lib.sh"

client-add acme >/dev/null
project-add --client acme --rate 50 web >/dev/null
project-add --client acme --model self-service blog >/dev/null
member-add --role staff --project web maria >/dev/null
export HOURBOOK_USER=maria
member-add --project blog maria >/dev/null
member-add --rate 30 --project web bruno >/dev/null
member-add --project blog bruno >/dev/null
member-add --client acme --project web ana >/dev/null
package-add -q --project web --hours 5 >/dev/null
package-set -q --invoiced 1 >/dev/null
package-set -q --paid 1 >/dev/null

state() { task-list --no-header | grep "^$1," | cut -d, -f5; }
available() { report-export balances --project web | csv_col available_minutes; }
status_event() { sql "SELECT old || '>' || new || '|' || actor || '|' || coalesce(reason, '') FROM event WHERE entity = 'task' AND key = '$1' AND what = 'status' ORDER BY id DESC LIMIT 1"; }

# ---- reopen a done task: back to delivered, committed again -------------
task-add --project web --assign bruno --estimate 2h "Planned" >/dev/null	# 1
task-set --start 1 >/dev/null
hours-log --person bruno --date 2026-11-20 1 1h >/dev/null
task-set --deliver 1 >/dev/null; task-set --accept 1 >/dev/null
expect_eq "done: nothing committed" "240" "$(available)"
report-export balances >"$T/balances-before"
report-export earnings >"$T/earnings-before"
expect_exit 1 task-set --as bruno --reopen --reason "not finished" 1
expect_err "staff only" "task 1: bruno (freelancer) may not reopen it: only staff"
expect_exit 1 task-set --as ana --reopen --reason "not finished" 1
expect_err "not the client either" "ana (client, the client's contact) may not reopen it: only staff"
expect_exit 64 task-set --reopen 1
expect_err "a reason is required, and said so" "reopening task 1 needs a reason (--reason TEXT)"
expect_eq "refusals change nothing" "done" "$(state 1)"
expect_exit 0 task-set --reopen --reason "the form does not send" 1
expect_eq "back to the state before done" "delivered" "$(state 1)"
expect_eq "in the event log, with actor and reason" "done>delivered|maria|the form does not send" "$(status_event 1)"
expect_eq "the estimate not logged yet is committed again" "180" "$(available)"
expect_exit 0 report-export events
grep -q ',maria,task,1,status,done,delivered,the form does not send$' "$T/out" && ok "report-export events shows the reopen" || not_ok "report-export events shows the reopen"
# The client decides again, as after any delivery.
expect_exit 0 task-set --as ana --revise 1
expect_eq "revision" "revision" "$(state 1)"
# Earlier figures unchanged: the time logged, the earnings.
report-export earnings >"$T/earnings-after"
cmp -s "$T/earnings-before" "$T/earnings-after" && ok "earnings unchanged by the reopen" || not_ok "earnings unchanged by the reopen" "$(diff "$T/earnings-before" "$T/earnings-after")"
expect_eq "used minutes unchanged" "$(csv_col used_minutes <"$T/balances-before")" "$(report-export balances | csv_col used_minutes)"

# ---- reopen a cancelled task: the state it was cancelled from -----------
task-add --project web --assign bruno --estimate 1h "Started" >/dev/null	# 2
task-set --start 2 >/dev/null; task-set --cancel 2 >/dev/null
expect_exit 0 task-set --reopen --reason "cancelled by mistake" 2
expect_eq "back to in-progress" "in-progress" "$(state 2)"
# Blocked, then cancelled: blocked again, from the state it was blocked from.
task-add --project web --kind request --estimate 30m "Waiting" >/dev/null	# 3
task-set --approve 3 >/dev/null
task-set --block "which colour?" 3 >/dev/null; task-set --cancel 3 >/dev/null
expect_exit 0 task-set --reopen --reason "the client answered" 3
expect_eq "blocked again" "blocked" "$(state 3)"
expect_eq "from approved" "approved" "$(sql "SELECT blocked_from FROM task WHERE id = 3")"
expect_exit 0 task-set --unblock 3
expect_eq "unblocks to approved" "approved" "$(state 3)"
# An idea cancelled is an idea again: nothing committed.
task-add --project web --kind idea --estimate 4h "Maybe" >/dev/null	# 4
task-set --cancel 4 >/dev/null
before=$(available)
expect_exit 0 task-set --reopen --reason "worth a look" 4
expect_eq "an idea again" "idea" "$(state 4)"
expect_eq "an idea commits nothing" "$before" "$(available)"
[ ! -s "$T/err" ] && ok "no warning for an idea" || not_ok "no warning for an idea" "$(cat "$T/err")"
# A log without its status events: the task goes to open.
task-add --project web --estimate 15m "Copied" >/dev/null	# 5
task-set --cancel 5 >/dev/null
sql "DELETE FROM event WHERE entity = 'task' AND key = '5' AND what = 'status'" >/dev/null
expect_exit 0 task-set --reopen --reason "lost history" 5
expect_eq "open when the log does not say" "open" "$(state 5)"

# Only done or cancelled tasks are reopened.
expect_exit 1 task-set --reopen --reason x 5
expect_err "an open task" "task 5 is open: it cannot reopen"
task-add --project web --kind idea "No" >/dev/null	# 6
task-set --reject 6 >/dev/null
expect_exit 1 task-set --reopen --reason x 6
expect_err "a rejected one is final" "task 6 is rejected: it cannot reopen"
expect_exit 66 task-set --reopen --reason x 99
expect_exit 64 task-set --reopen --cancel --reason x 5
expect_err "one move at a time" "give at most one move"
expect_exit 64 task-set --reason x 5
expect_err "--reason alone" "--reason goes with --due, --fee, --reopen or --pause"

# ---- the package check, as at approval ----------------------------------
task-add --project web --estimate 4h "Big" >/dev/null	# 7
task-set --cancel 7 >/dev/null
avail=$(available)
expect_exit 0 task-set --reopen --reason "back on the plan" 7
expect_err "past the budget: a warning" "task 7 needs 240 minutes; the packages of web have $avail available, which may not cover it"
expect_eq "and reopened" "open" "$(state 7)"
task-set --cancel 7 >/dev/null
task-add --project web --kind request --extra --estimate 1h "Extra" >/dev/null	# 8
task-set --approve 8 >/dev/null
task-add --project web --estimate 3h "Fills it" >/dev/null	# 9
task-set --cancel 8 >/dev/null
avail=$(available)
expect_exit 1 task-set --reopen --reason "after all" 8
expect_err "an extra task the packages cannot cover is refused" "task 8: reopened, the extra task needs 60 minutes more and the packages of web have $avail available"
expect_eq "refused: still cancelled" "cancelled" "$(state 8)"
task-set --cancel 9 >/dev/null
expect_exit 0 task-set --reopen --reason "after all" 8
expect_eq "with room it is reopened" "approved" "$(state 8)"

# ---- --fee ---------------------------------------------------------------
export HOURBOOK_NOW=2026-11-24T10:00:00Z
task-add --project blog --assign bruno --fee 400 "Post" >/dev/null	# 10
expect_exit 1 task-set --as bruno --fee 450 --reason "longer" 10
expect_err "the fee is staff's" "bruno (freelancer) may not change the fee of task 10: only staff"
expect_exit 64 task-set --fee 450 10
expect_err "a reason is required" "changing the fee of task 10 needs a reason (--reason TEXT)"
expect_exit 65 task-set --fee 45x 10
expect_exit 65 task-set --fee 450 --reason x 1
expect_err "fees are self-service's" "fees are paid on self-service projects; web is a package project"
expect_exit 0 task-set --fee 450 --reason "longer than planned" 10
expect_eq "the new fee" "450.00" "$(csv_col fee <"$T/out")"
expect_eq "logged with old and new" "400.00|450.00|maria|longer than planned" "$(sql "SELECT old || '|' || new || '|' || actor || '|' || reason FROM event WHERE entity = 'task' AND key = '10' AND what = 'fee'")"
# task-list fed back: the same fee is no change, for anyone.
task-list --project blog | expect_exit 0 task-set --as bruno --csv -
expect_eq "no second fee event" "1" "$(sql "SELECT count(*) FROM event WHERE entity = 'task' AND key = '10' AND what = 'fee'")"
task-set --start 10 >/dev/null; task-set --deliver 10 >/dev/null; task-set --accept 10 >/dev/null
expect_exit 1 task-set --fee 500 --reason "more" 10
expect_err "a done task's fee does not change" "task 10 is done: it can no longer change"
report-export earnings --person bruno --to 2026-11-24 >"$T/fees-before"
# Reopened and done again: the fee credited stays, the rest is credited.
export HOURBOOK_NOW=2026-11-25T10:00:00Z
expect_exit 0 task-set --reopen --reason "add the photos" 10
expect_eq "delivered again" "delivered" "$(state 10)"
expect_exit 1 task-set --fee 300 --reason "smaller" 10
expect_err "not below what was credited" "task 10: its fee credited 450.00 EUR already, when it was done: a fee below that is refused"
expect_exit 0 task-set --fee 500 --reason "the photos" 10
expect_exit 0 task-set --accept 10
expect_exit 0 report-export earnings --person bruno
expect_out "the first fee, then the rest" <<'OUT'
person,date,kind,task,entry,minutes,amount,currency
bruno,2026-11-20,time,1,1,60,30.00,EUR
bruno,2026-11-24,fee,10,,,450.00,EUR
bruno,2026-11-25,fee,10,,,50.00,EUR
OUT
report-export earnings --person bruno --to 2026-11-24 >"$T/fees-after"
cmp -s "$T/fees-before" "$T/fees-after" && ok "earnings until the change unchanged" || not_ok "earnings until the change unchanged"
# Reopen and accept again without a change: nothing more credited.
task-set --reopen --reason "check" 10 >/dev/null
task-set --accept 10 >/dev/null
expect_eq "a third done credits nothing" "2 530.00" "$(sql "SELECT count(*) FROM money_ledger WHERE task_id = 10") $(withdraw --status --person bruno --no-header | cut -d, -f3)"

# A batch: all or nothing, and --dry-run writes nothing.
task-set --cancel 5 >/dev/null
expect_exit 0 task-set --dry-run --reopen --reason "try" 5
expect_eq "dry run: still cancelled" "cancelled" "$(state 5)"
printf 'task,reason\n5,one\n6,two\n' | expect_exit 1 task-set --reopen --csv -
expect_eq "batch all or nothing" "cancelled" "$(state 5)"
printf 'task,reason\n5,one\n' | expect_exit 0 task-set --reopen --csv -
expect_eq "reopened from CSV, with its row's reason" "cancelled>open|maria|one" "$(status_event 5)"
expect_exit 0 book-check

finish
