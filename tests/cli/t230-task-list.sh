# task-list: selection, history, and the pipelines it feeds.
. "$(dirname "$0")/lib.sh"

client-add acme >/dev/null
client-add beta >/dev/null
project-add --client acme p >/dev/null
project-add --client beta q >/dev/null
member-add --project p bruno >/dev/null
member-add --project p ana --role staff >/dev/null
export HOURBOOK_USER=ana
member-add --project q ana >/dev/null

task-add --project p --assign bruno --due 2026-11-20 --rigid "Late rigid" >/dev/null
task-add --project p --assign bruno --due 2026-11-22 "Late flexible" >/dev/null
task-add --project p --due 2026-11-23 "Due today" >/dev/null
task-add --project p --due 2026-11-10 "Late but done" >/dev/null
task-set --start 4 >/dev/null; task-set --deliver 4 >/dev/null; task-set --accept 4 >/dev/null
task-add --project q --kind idea "Other project" >/dev/null
task-add --project p --kind request "A request" >/dev/null

ids() { "$@" --no-header | cut -d, -f1 | tr '\n' ' ' | sed 's/ $//'; }
# Open work first, by priority (all normal here), then due date (none
# last), then id; the done task 4 after it.
expect_eq "all" "1 2 3 5 6 4" "$(ids task-list)"
expect_eq "--project" "5" "$(ids task-list --project q)"
expect_eq "--client" "5" "$(ids task-list --client beta)"
expect_eq "--client and --kind" "6" "$(ids task-list --client acme --kind request)"
expect_exit 66 task-list --client nope
expect_empty_out "--client unknown: refused, nothing printed"
expect_exit 66 task-list --client acm
expect_err "a near name is suggested" '"acm" does not exist (did you mean acme?)'
expect_exit 66 task-list --assignee brunoo
expect_err "an unknown assignee" 'assignee: "brunoo" does not exist (did you mean bruno?)' 
expect_eq "--assignee" "1 2" "$(ids task-list --assignee bruno)"
expect_eq "--kind" "6" "$(ids task-list --kind request)"
expect_eq "--status" "1 2 3" "$(ids task-list --status open)"
expect_eq "--status repeated" "5 4" "$(ids task-list --status done --status idea)"
expect_eq "--status list" "6 4" "$(ids task-list --status done,requested)"
expect_eq "--overdue: before today, not done" "1 2" "$(ids task-list --overdue)"
expect_eq "--due-before" "1 2 4" "$(ids task-list --due-before 2026-11-23)"
expect_eq "filters combine" "1" "$(ids task-list --overdue --due-before 2026-11-21 --status open --assignee bruno --project p --kind activity)"
expect_eq "today follows HOURBOOK_NOW" "1" "$(export HOURBOOK_NOW=2026-11-21T10:00:00Z; ids task-list --overdue)"
expect_exit 65 task-list --status nope
expect_exit 65 task-list --status in_progress
expect_err "a bad state lists the states and the nearest" '--status: "in_progress" is not one of idea, requested, estimated, open, approved, in-progress, blocked, delivered, revision, done, rejected, cancelled (did you mean in-progress?)'
expect_exit 65 task-list --kind nope
expect_exit 65 task-list --due-before 2026-13-01
expect_exit 64 task-list --history 1 --project p
expect_exit 64 task-list extra
expect_exit 66 task-list --history 99
expect_exit 65 task-list --history x
expect_exit 66 task-list --project nope
expect_exit 0 task-list --project p --status cancelled
expect_out "no match: a header only" <<'OUT'
task,project,kind,title,status,assignee,estimate_minutes,due,due_kind,urgent,extra,fee,currency,created,updated,description,paused,priority
OUT

# Pipelines: task-list feeds task-set and comment.
expect_exit 0 sh -c 'task-list --overdue | task-set --csv - --assign ana'
expect_eq "overdue tasks reassigned" "ana" "$(task-list --overdue --no-header | cut -d, -f6 | sort -u)"
expect_exit 0 sh -c 'task-list --overdue | comment --csv - -m "Reminder: this is late"'
expect_eq "one reminder per overdue task" "2:Reminder: this is late" "$(sql "SELECT count(*) || ':' || min(body) FROM comment")"
expect_exit 0 sh -c 'task-list --status open --project p | task-set --csv - --start'
expect_eq "batch start" "1 2 3" "$(ids task-list --status in-progress)"
# All or nothing: one task that cannot move stops the batch.
expect_exit 1 sh -c 'task-list --project p | task-set --csv - --deliver'
# (the open work first: the request, task 6, is the row the batch stops at)
expect_err "the refused row is named" "stdin:5: task 6 is requested: it cannot deliver"
expect_eq "nothing delivered" "" "$(ids task-list --status delivered)"
expect_exit 1 task-set --deliver 1 2 4
expect_eq "several TASK operands: all or nothing" "" "$(ids task-list --status delivered)"
expect_exit 0 task-set --deliver 1 2
expect_eq "several TASK operands" "1 2" "$(ids task-list --status delivered)"
before=$(sql 'SELECT count(*) FROM event')
expect_exit 0 sh -c 'task-list --project p --status delivered | task-set --csv - --assign ana'
expect_eq "the same values fed back change nothing" "$before" "$(sql 'SELECT count(*) FROM event')"
expect_exit 1 sh -c 'task-list --project p --status done | task-set --csv - --estimate 1h'
expect_err "a real change to a done task is refused" "task 4 is done: it can no longer change"

# The history: every change with actor, old, new and reason.
HOURBOOK_NOW=2026-11-24T09:00:00Z task-set --as ana --due 2026-11-30 --reason "client asked" 1 >/dev/null
expect_exit 0 task-list --history 1
sed 's/^[^,]*,//' "$T/out" >"$T/history"
cp "$T/history" "$T/out"
expect_out "history: every change, actor, old, new, reason" <<'OUT'
task,at,actor,what,old,new,reason
1,2026-11-23T10:00:00Z,ana,created,,open,
1,2026-11-23T10:00:00Z,ana,assignee,bruno,ana,
1,2026-11-23T10:00:00Z,ana,status,open,in-progress,
1,2026-11-23T10:00:00Z,ana,status,in-progress,delivered,
1,2026-11-24T09:00:00Z,ana,due,2026-11-20,2026-11-30,client asked
OUT
expect_eq "event numbers ascend" "$(task-list --history 1 --no-header | cut -d, -f1 | sort -n | tr '\n' ' ')" "$(task-list --history 1 --no-header | cut -d, -f1 | tr '\n' ' ')"

finish
