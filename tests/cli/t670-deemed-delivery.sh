# Deemed delivery (issue 20, part 3; seed 001): a task blocked on the
# client may be paused past the client-info SLA, and its paused days are
# not late; at the end of a contract term a project that opted in has its
# tasks still blocked made done as deemed delivered, by billing-run.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Rome HOURBOOK_NOW=2026-10-01T08:00:00Z	# a Thursday
PY=/usr/bin/python3

client-add acme >/dev/null
member-add --role staff maria >/dev/null
export HOURBOOK_USER=maria
member-add --client acme ana >/dev/null

# ---- the opt-in ----------------------------------------------------------
expect_exit 0 project-add --client acme --rate 60 --penalty 10,2 web
expect_eq "off by default" "no" "$(csv_col deemed_delivery <"$T/out")"
expect_exit 0 project-add --client acme --rate 60 --deemed-delivery shop
expect_eq "project-add --deemed-delivery" "yes" "$(csv_col deemed_delivery <"$T/out")"
expect_exit 64 project-set --deemed-delivery web
expect_err "a change needs a reason" "--reason TEXT is required"
expect_exit 0 project-set --deemed-delivery --reason "the contract says so" web
expect_eq "project-set --deemed-delivery" "yes" "$(csv_col deemed_delivery <"$T/out")"
expect_exit 0 project-set --no-deemed-delivery --reason "not this one" web
expect_eq "project-set --no-deemed-delivery" "no" "$(csv_col deemed_delivery <"$T/out")"
expect_eq "each change in the event log" "deemed delivery|no|yes|the contract says so
deemed delivery|yes|no|not this one" "$(sql "SELECT what, old, new, reason FROM event WHERE entity = 'project' AND key = 'web' AND what = 'deemed delivery' ORDER BY id")"
expect_exit 64 project-set --deemed-delivery --no-deemed-delivery --reason x web
expect_err "one or the other" "not both"
expect_exit 1 project-set --as ana --deemed-delivery --reason x web
expect_err "staff only" "only staff"

# ---- pausing, and the paused days not late -------------------------------
# Two tasks alike, due Friday 9 October (rigid), estimate 1000 minutes at
# 60.00 an hour: a contract value of 1000.00.  Both are blocked on Monday
# 5 October and unblocked on Wednesday 14; only task 1 is paused.
member-add --project web bruno >/dev/null
package-add -q --project web --hours 40 >/dev/null
package-set -q --invoiced 1 >/dev/null
package-set -q --paid 1 >/dev/null
task-add -q --project web --assign bruno --estimate 1000m --due 2026-10-09 --rigid "Paused" >/dev/null	# 1
task-add -q --project web --assign bruno --estimate 1000m --due 2026-10-09 --rigid "Not paused" >/dev/null	# 2
task-set -q --start 1 2 >/dev/null
HOURBOOK_NOW=2026-10-05T08:00:00Z task-set -q --block "the texts" 1 2 >/dev/null

# The client-info SLA, 3 business days (sla.client_info_days) from Monday
# 5: Thursday 8 is the client's last day; a pause is possible from Friday 9.
HOURBOOK_NOW=2026-10-08T15:00:00Z expect_exit 1 task-set --pause 1
expect_err "refused before the SLA, saying when" "task 1 was blocked on 2026-10-05: the client has until 2026-10-08 (sla.client_info_days: 3 business days) to send what it waits for; it may be paused from 2026-10-09"
expect_eq "no pause written" "0" "$(sql "SELECT count(*) FROM event WHERE what = 'paused'")"
HOURBOOK_NOW=2026-10-09T08:00:00Z expect_exit 1 task-set --as ana --pause 1
expect_err "staff only" "only staff"
HOURBOOK_NOW=2026-10-09T08:00:00Z expect_exit 64 task-set --pause --unblock 1
HOURBOOK_NOW=2026-10-09T08:00:00Z expect_exit 0 task-set --pause --reason "no texts after three reminders" 1
expect_eq "the task stays blocked, paused" "blocked yes" "$(csv_col status <"$T/out") $(csv_col paused <"$T/out")"
expect_eq "the event: blocked on, SLA until, reason" "paused|2026-10-05|2026-10-08|no texts after three reminders" "$(sql "SELECT what, old, new, reason FROM event WHERE what = 'paused'")"
HOURBOOK_NOW=2026-10-09T09:00:00Z expect_exit 0 task-set --pause 1
expect_err "a second pause changes nothing" "task 1 is paused already"
expect_eq "one pause event" "1" "$(sql "SELECT count(*) FROM event WHERE what = 'paused'")"

# Tuesday 13: both are 2 business days past their due date (Mon 12,
# Tue 13); task 1's pause, from Friday 9, covers both: it is not late.
HOURBOOK_NOW=2026-10-13T08:00:00Z expect_exit 0 task-list --project web
expect_eq "task-list: paused" "yes no" "$(csv_col paused <"$T/out" | paste -sd' ' -)"
HOURBOOK_NOW=2026-10-13T08:00:00Z expect_exit 0 task-list --overdue
expect_eq "overdue: the paused task is not" "2" "$(csv_col task <"$T/out")"
expect_eq "sla-check: only the task not paused is late" "2" "$(sla-check --no-header --as-of 2026-10-13 --rule due-rigid | cut -d, -f4 | paste -sd' ' -)"

# Unblocked Wednesday 14: the pause ends.  Delivered Friday 16.
HOURBOOK_NOW=2026-10-14T08:00:00Z task-set -q --unblock 1 2 >/dev/null
HOURBOOK_NOW=2026-10-14T08:00:00Z expect_exit 0 task-list --project web
expect_eq "unblocked: not paused" "no no" "$(csv_col paused <"$T/out" | paste -sd' ' -)"
HOURBOOK_NOW=2026-10-14T08:00:00Z expect_exit 1 task-set --pause 1
expect_err "only a blocked task" "task 1 is in-progress: only a task blocked waiting for the client can be paused"
HOURBOOK_NOW=2026-10-16T08:00:00Z task-set -q --deliver 1 2 >/dev/null
# Late days, (Fri 9, Fri 16]: Mon 12 .. Fri 16 = 5 business days.
# Task 2: 10% + 2% x 5 = 20% of 1000.00 = 200.00.
# Task 1: paused (Fri 9, Wed 14] = Mon 12, Tue 13, Wed 14 = 3 business
# days, not counted: 5 - 3 = 2 days, 10% + 2% x 2 = 14% = 140.00.
HOURBOOK_NOW=2026-11-02T08:00:00Z expect_exit 0 billing-run --month 2026-10
expect_eq "the penalties, with and without the paused days" 'late delivery of task 1 "Paused": 14% of 1000.00 (2 business days late; 3 paused business days not counted)|-14000
late delivery of task 2 "Not paused": 20% of 1000.00 (5 business days late)|-20000' "$(sql "SELECT description, amount FROM invoice_line WHERE kind = 'penalty' ORDER BY task_id")"
# A pause that covers every late day: no penalty at all.  Task 3, due
# Friday 23 October, blocked Monday 19: the client has until Thursday 22,
# paused Friday 23, unblocked and delivered Wednesday 28.
task-add -q --project web --assign bruno --estimate 60m --due 2026-10-23 --rigid "All paused" >/dev/null	# 3
HOURBOOK_NOW=2026-10-19T08:00:00Z task-set -q --start 3 >/dev/null
HOURBOOK_NOW=2026-10-19T08:00:00Z task-set -q --block "the logo" 3 >/dev/null
# task-list fed back pauses nothing (its column is paused, not pause);
# a pause column does.
HOURBOOK_NOW=2026-10-23T08:00:00Z task-list --project web --status blocked | HOURBOOK_NOW=2026-10-23T08:00:00Z task-set -q --csv - >/dev/null 2>&1 || true
expect_eq "task-list fed back pauses nothing" "0" "$(sql "SELECT count(*) FROM event WHERE what = 'paused' AND key = '3'")"
printf 'task,pause,reason\n3,yes,the logo never came\n' >"$T/pause.csv"
HOURBOOK_NOW=2026-10-23T08:00:00Z expect_exit 0 task-set --csv "$T/pause.csv"
expect_eq "a pause from CSV" "paused|the logo never came" "$(sql "SELECT what, reason FROM event WHERE what = 'paused' AND key = '3'")"
HOURBOOK_NOW=2026-10-28T08:00:00Z task-set -q --unblock 3 >/dev/null
HOURBOOK_NOW=2026-10-28T09:00:00Z task-set -q --deliver 3 >/dev/null
# Late (Fri 23, Wed 28] = Mon 26, Tue 27, Wed 28 = 3; paused (Fri 23,
# Wed 28] = the same 3: not late, no penalty.  (October was billed for
# web above: a second run for it bills what is new.)
HOURBOOK_NOW=2026-11-02T08:30:00Z expect_exit 0 billing-run --month 2026-10
expect_eq "no penalty when every late day was paused" "0" "$(sql "SELECT count(*) FROM invoice_line WHERE kind = 'penalty' AND task_id = 3")"

# ---- deemed delivery -----------------------------------------------------
# shop opted in; its package expires Saturday 31 October, the end of its
# term.  blog is the same without the opt-in.  app opted in too, but its
# first package (expiring Thursday 15) is followed by a second, active to
# the end of the year: its term goes on.
project-add -q --client acme --rate 60 blog >/dev/null
project-add -q --client acme --rate 60 --deemed-delivery app >/dev/null
for p in shop blog app; do member-add -q --project $p bruno >/dev/null; done
package-add -q --project shop --hours 10 --expires 2026-10-31 >/dev/null	# 2
package-add -q --project blog --hours 10 --expires 2026-10-31 >/dev/null	# 3
package-add -q --project app --hours 10 --expires 2026-10-15 >/dev/null	# 4
package-add -q --project app --hours 10 --expires 2026-12-31 >/dev/null	# 5
for k in 2 3 4 5; do package-set -q --invoiced $k >/dev/null; package-set -q --paid $k >/dev/null; done
task-add -q --project shop --assign bruno --estimate 2h "Catalogue" >/dev/null	# 4
task-add -q --project blog --assign bruno --estimate 2h "Post" >/dev/null	# 5
task-add -q --project app --assign bruno --estimate 2h "Screens" >/dev/null	# 6
task-add -q --project shop --assign bruno --estimate 1h "Done before" >/dev/null	# 7
task-set -q --start 4 5 6 7 >/dev/null
HOURBOOK_NOW=2026-10-10T08:00:00Z task-set -q --block "the photos" 4 5 6 >/dev/null
# A task blocked after the term ended is not deemed delivered by it.
HOURBOOK_NOW=2026-11-01T10:00:00Z task-set -q --block "the prices" 7 >/dev/null

# October's run on Monday 2 November (shop, blog and app have no October
# invoice yet): task 4 is deemed delivered on Saturday 31 October, the
# end of shop's term, on shop's invoice as a line of 0.00.
HOURBOOK_NOW=2026-11-02T09:00:00Z expect_exit 0 billing-run --month 2026-10
cp "$T/out" "$T/october"
grep -qF ',acme,shop,2,2026-10,2,deemed,"task 4 ""Catalogue"" deemed delivered on 2026-10-31: blocked since 2026-10-10, the client'"'"'s information had not come by the end of the contract term",,0.00,0.00,EUR' "$T/out" && ok "billing-run shows it" || not_ok "billing-run shows it"
expect_eq "done, with a deemed-delivered event dated at the term's end" "done" "$(sql "SELECT status FROM task WHERE id = 4")"
expect_eq "its events" "status|blocked|done|2026-10-31T22:59:00Z
deemed delivered||2026-10-31|2026-10-31T22:59:00Z" "$(sql "SELECT what, coalesce(old, ''), new, at FROM event WHERE entity = 'task' AND key = '4' AND at > '2026-10-30' ORDER BY id")"
expect_eq "without the opt-in: still blocked" "blocked" "$(sql "SELECT status FROM task WHERE id = 5")"
expect_eq "a package followed by another: still blocked" "blocked" "$(sql "SELECT status FROM task WHERE id = 6")"
expect_eq "blocked after the term: still blocked" "blocked" "$(sql "SELECT status FROM task WHERE id = 7")"
expect_eq "one deemed line" "1" "$(sql "SELECT count(*) FROM invoice_line WHERE kind = 'deemed'")"

# Billing twice: the same output, no second event.
events=$(sql 'SELECT count(*) FROM event')
HOURBOOK_NOW=2026-11-03T09:00:00Z expect_exit 0 billing-run --month 2026-10
cmp -s "$T/october" "$T/out" && ok "a second run prints the same" || not_ok "a second run prints the same"
expect_eq "and writes nothing" "$events" "$(sql 'SELECT count(*) FROM event')"

# The activity sheet: the status reads "deemed delivered", in the CSV and
# in the xlsx, in each of its languages.
HOURBOOK_NOW=2026-11-03T09:00:00Z expect_exit 0 report-export activities --project shop
expect_eq "the activities export" "deemed delivered" "$(awk -F, '$1 == 4 { print $6 }' "$T/out")"
for l in en:"deemed delivered" it:"considerata consegnata" pt:"considerada entregue" es:"considerada entregada"; do
	lang=${l%%:*}
	want=${l#*:}
	HOURBOOK_NOW=2026-11-03T09:00:00Z expect_exit 0 report-export activities --project shop --lang $lang -o "$T/$lang.xlsx"
	got=$($PY -c '
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
for row in ws.iter_rows(values_only=True):
    if "Catalogue" in row:
        print(" | ".join(str(v) for v in row if v is not None))
' "$T/$lang.xlsx")
	case $got in
	*"$want"*) ok "the sheet in $lang: $want" ;;
	*) not_ok "the sheet in $lang: $want"; printf '#   got: %s\n' "$got" ;;
	esac
done

# A term that has not ended by the clock: nothing yet.  app's second
# package expires 31 December; billing December early (--force) on
# the 15th does not deem task 6 delivered; the run for December on
# 2 January does.
HOURBOOK_NOW=2026-12-15T09:00:00Z expect_exit 0 billing-run --force --dry-run --month 2026-12
expect_eq "not before the term's end" "blocked" "$(sql "SELECT status FROM task WHERE id = 6")"
HOURBOOK_NOW=2027-01-02T09:00:00Z expect_exit 0 billing-run --month 2026-12
expect_eq "at the end of the second package's term" "done" "$(sql "SELECT status FROM task WHERE id = 6")"
grep -qF ',deemed,"task 6 ""Screens"" deemed delivered on 2026-12-31' "$T/out" && ok "the December invoice says so" || not_ok "the December invoice says so"

# A sales-share agreement ending: its last month is its term's end.  The
# store is self-service: its task's fee, 80.00, is credited to bruno as
# for any done task.
project-add -q --client acme --model self-service --deemed-delivery --minimum-fee 100 --kpi-units 10 --share 5 --share-from 2026-10 store >/dev/null
member-add -q --project store bruno >/dev/null
task-add -q --project store --assign bruno --fee 80 "Banner" >/dev/null	# 8
task-set -q --start 8 >/dev/null
HOURBOOK_NOW=2026-11-10T08:00:00Z task-set -q --block "the artwork" 8 >/dev/null
HOURBOOK_NOW=2026-11-20T08:00:00Z project-set -q --no-share --share-from 2026-12 --reason "the shop closed" store >/dev/null
HOURBOOK_NOW=2026-12-01T08:00:00Z expect_exit 0 billing-run -q --month 2026-11
expect_eq "the agreement's end deems it delivered" "done|2026-11-30" "$(sql "SELECT t.status, e.new FROM task t JOIN event e ON e.entity = 'task' AND e.key = '8' AND e.what = 'deemed delivered' WHERE t.id = 8")"
expect_eq "its fee credited to its assignee" "8000" "$(sql "SELECT sum(amount) FROM money_ledger WHERE task_id = 8 AND kind = 'fee'")"

# A monthly plan's term: three months from September end on 30 November.
project-add -q --client acme --rate 60 --deemed-delivery retainer >/dev/null
member-add -q --project retainer bruno >/dev/null
package-add -q --project retainer --hours 5 --plan monthly --months 3 --start 2026-09 >/dev/null	# 6
HOURBOOK_NOW=2026-09-01T08:00:00Z package-set -q --invoiced --date 2026-09-01 6 >/dev/null
HOURBOOK_NOW=2026-09-01T08:00:00Z package-set -q --paid --date 2026-09-01 6 >/dev/null
task-add -q --project retainer --assign bruno "Monthly report" >/dev/null	# 9
task-set -q --start 9 >/dev/null
# Only agreed work is deemed delivered: an idea not accepted and a request
# never estimated, blocked the same day, stay blocked.
task-add -q --project retainer --kind idea "A podcast?" >/dev/null	# 10
task-add -q --project retainer --kind request "New landing page" >/dev/null	# 11
HOURBOOK_NOW=2026-11-20T08:00:00Z task-set -q --block "the figures" 9 >/dev/null
HOURBOOK_NOW=2026-11-20T08:00:00Z task-set -q --block "which audience?" 10 11 >/dev/null
HOURBOOK_NOW=2026-12-01T08:00:00Z expect_exit 0 billing-run -q --month 2026-11
expect_eq "the end of a monthly plan's term" "done|2026-11-30" "$(sql "SELECT t.status, e.new FROM task t JOIN event e ON e.entity = 'task' AND e.key = '9' AND e.what = 'deemed delivered' WHERE t.id = 9")"
expect_eq "an idea and an unestimated request stay blocked" "10 blocked idea
11 blocked requested" "$(sql "SELECT id || ' ' || status || ' ' || blocked_from FROM task WHERE id IN (10, 11) ORDER BY id")"

# A deemed delivery is undone as any done task: reopened, back to blocked.
HOURBOOK_NOW=2026-12-02T08:00:00Z expect_exit 0 task-set --reopen --reason "the client sent the photos after all" 4
expect_eq "reopened: blocked again" "blocked" "$(csv_col status <"$T/out")"
HOURBOOK_NOW=2026-12-02T08:00:00Z expect_exit 0 report-export activities --project shop
expect_eq "no longer deemed delivered on the sheet" "blocked" "$(awk -F, '$1 == 4 { print $6 }' "$T/out")"
# Blocked again after the term's end: a later run leaves it blocked.
HOURBOOK_NOW=2027-01-03T08:00:00Z expect_exit 0 billing-run -q --month 2026-12
expect_eq "not deemed twice" "blocked" "$(sql "SELECT status FROM task WHERE id = 4")"

expect_exit 0 book-check
finish
