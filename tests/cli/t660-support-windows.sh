# Support windows and priority per plan (issue 20, part 2): the SLA clocks
# of a project run on its own window, else the window of the plan of its
# package active when the clock starts, else the book's support.hours;
# an upfront package makes a project top priority: task-list lists it
# first and sla-check applies the sla.*.priority targets.
. "$(dirname "$0")/lib.sh"
# The book's time zone is Europe/Rome (lib.sh): 18:30 in Rome is 17:30Z
# in November (CET, UTC+1).

client-add acme >/dev/null
member-add --client acme ana >/dev/null				# the contact
member-add --role staff maria >/dev/null
export HOURBOOK_USER=maria
for p in mon up std bare own top; do
	project-add -q --client acme --rate 50 "$p" >/dev/null
	member-add -q --project "$p" ana >/dev/null
	member-add -q --project "$p" maria >/dev/null
done

# Packages, paid on Monday 2026-11-23 (HOURBOOK_NOW): monthly on mon and
# own, upfront on up, standard on std; bare and top have none.
pkg() {	# pkg PROJECT PLAN: quote, invoice and pay a package
	id=$(package-add -q --no-header --project "$1" --hours 10 --plan "$2" | cut -d, -f1)
	package-set -q --invoiced "$id" >/dev/null
	package-set -q --paid "$id" >/dev/null
}
pkg mon monthly
pkg up upfront
pkg std standard
pkg own monthly

# Bad windows are refused as the setting support.hours refuses them.
expect_exit 65 book-config support.hours.monthly "9 to 7"
expect_err "a bad plan window is named" 'support.hours.monthly: "9 to 7" is not support hours'
expect_exit 65 book-config support.hours.upfront "24/7/365"
expect_exit 65 project-set --support-hours "Mon-Fri 19:00-09:00" --reason "night shift" own
expect_err "a bad project window, clearly" '"Mon-Fri 19:00-09:00" has a window that ends before it starts'
expect_exit 65 project-add --client acme --support-hours "Sun-Mon 09:00-10:00" bad
expect_err "a bad range of days" "has a bad range of days"
expect_exit 64 project-set --support-hours "24/7" --no-support-hours --reason x own
expect_exit 65 project-set --priority urgent --reason x own
expect_exit 64 project-set --support-hours "24/7" own
expect_err "a change needs a reason" "reason"
expect_exit 65 book-config sla.reply_hours.priority 0
expect_eq "the priority targets are unset by default" "" "$(book-config sla.reply_hours.priority)"
expect_eq "the monthly plan's window" "Mon-Fri 09:00-19:00" "$(book-config support.hours.monthly)"
expect_eq "the upfront plan's window" "24/7" "$(book-config support.hours.upfront)"

# A project's own window wins over its plan's: Mon-Sat 08:00-20:00.
expect_exit 0 project-set --support-hours "Mon-Sat 08:00-20:00" --reason "their shop opens on Saturday" own
expect_eq "the window stored and printed" "Mon-Sat 08:00-20:00" "$(csv_col support_hours <"$T/out")"
expect_eq "the change logged with its reason" "support_hours||Mon-Sat 08:00-20:00|their shop opens on Saturday" "$(sql "SELECT what || '|' || coalesce(old, '') || '|' || new || '|' || reason FROM event WHERE entity = 'project' AND what = 'support_hours'")"
expect_exit 0 project-set --support-hours "Mon-Sat 08:00-20:00" --reason again own
expect_err "the same window is no change" "nothing changed"

check() {	# check AS-OF RULE [PROJECT]: the findings' projects
	sla-check --no-header --as-of "$1" --rule "$2" ${3:+--project "$3"} | cut -d, -f5 | tr '\n' ' ' | sed 's/ $//'
}
thread() {	# thread PROJECT AT: a task with the contact's comment at AT
	task-add -q --project "$1" "Thread on $1" >/dev/null
	HOURBOOK_NOW=$2 comment -q --as ana -m "Is it there?" "$(sql "SELECT max(id) FROM task")" >/dev/null
}

# Reply (2 business hours) to a comment on Friday 2026-11-27 at 18:30:
# - mon, the monthly plan's Mon-Fri 09:00-19:00: 30 min on Friday to
#   19:00, 90 min on Monday 09:00-10:30: late from Monday 10:30 (09:30Z).
# - std and bare, the book's Mon-Fri 09:00-13:00,14:00-18:00: Friday
#   18:30 is after hours: 2 h on Monday 09:00-11:00, late from 11:00
#   (10:00Z).
# - own, its own Mon-Sat 08:00-20:00: 90 min on Friday to 20:00, 30 min
#   on Saturday 08:00-08:30: late from Saturday 08:30 (07:30Z).
for p in mon std bare own; do thread "$p" 2026-11-27T17:30:00Z; done
expect_eq "Saturday 08:29: nothing late" "" "$(check 2026-11-28T07:29:00Z reply)"
expect_eq "Saturday 08:31: own's window counted Saturday" "own" "$(check 2026-11-28T07:31:00Z reply)"
expect_eq "Monday 10:29: only own" "own" "$(check 2026-11-30T09:29:00Z reply)"
expect_eq "Monday 10:31: the monthly plan's window" "mon own" "$(check 2026-11-30T09:31:00Z reply)"
expect_eq "Monday 10:59: the standard plan and no package: not yet" "mon own" "$(check 2026-11-30T09:59:00Z reply)"
expect_eq "Monday 11:01: the book's window" "mon std bare own" "$(check 2026-11-30T10:01:00Z reply)"
sla-check --no-header --as-of 2026-11-30T10:01:00Z --rule reply >"$T/f"
expect_eq "mon: due Monday 10:30" "2026-11-30T09:30:00Z" "$(grep ',mon,' "$T/f" | cut -d, -f7)"
grep ',mon,.*(the monthly plan.s window Mon-Fri 09:00-19:00)' "$T/f" >/dev/null && ok "the finding says which window applied" || not_ok "the finding says which window applied" "$(cat "$T/f")"
grep ",own,.*(the project's window Mon-Sat 08:00-20:00)" "$T/f" >/dev/null && ok "...the project's own" || not_ok "...the project's own" "$(cat "$T/f")"
grep ',std,.*due by 2026-11-30T10:00:00Z",*$' "$T/f" >/dev/null && ok "the book's window: the message as before" || not_ok "the book's window: the message as before" "$(cat "$T/f")"

# The same comment on the upfront project at 03:00 on Sunday 2026-11-29
# (02:00Z): 24/7, late from 05:00 Sunday (04:00Z).
thread up 2026-11-29T02:00:00Z
expect_eq "upfront: 04:59 on Sunday, in time" "" "$(check 2026-11-29T03:59:00Z reply up)"
expect_eq "upfront: 05:01 on Sunday, late" "up" "$(check 2026-11-29T04:01:00Z reply up)"
# A holiday does not stop 24/7: Sunday 29 a holiday changes nothing.
holiday-add -q 2026-11-29 "A Sunday off" >/dev/null
expect_eq "24/7 counts holidays" "up" "$(check 2026-11-29T04:01:00Z reply up)"
expect_eq "...and 04:59 is still in time" "" "$(check 2026-11-29T03:59:00Z reply up)"

# A priority target: 1 business hour for top-priority projects.  up is
# top (its package is upfront): 03:00 + 1 h = 04:00 Sunday (03:00Z).
expect_exit 0 book-config sla.reply_hours.priority 1
expect_eq "the priority target: in time at 03:59" "" "$(check 2026-11-29T02:59:00Z reply up)"
expect_eq "the priority target: late from 04:00" "up" "$(check 2026-11-29T03:01:00Z reply up)"
sla-check --no-header --as-of 2026-11-29T03:01:00Z --rule reply >"$T/f"
grep ',up,.*due by 2026-11-29T03:00:00Z (the upfront plan.s window 24/7; top priority: sla.reply_hours.priority 1)' "$T/f" >/dev/null && ok "the finding names the priority target" || not_ok "the finding names the priority target" "$(cat "$T/f")"
# ...normal projects keep 2 h: mon is not late at Monday 10:29.
expect_eq "normal projects keep the book's target" "" "$(check 2026-11-30T09:29:00Z reply mon)"
# A project's own override wins over the priority target.
expect_exit 0 project-set --sla reply_hours=3 --reason "slower lane" up
expect_eq "the project's override wins: 3 h, late from 06:00" "" "$(check 2026-11-29T04:59:00Z reply up)"
expect_eq "...and late after" "up" "$(check 2026-11-29T05:01:00Z reply up)"
expect_exit 0 project-set --sla reply_hours= --reason "back to the book" up

# Priority set by staff: top on a project without a package; normal on
# the upfront one.  top: a comment on Monday 2026-11-30 at 09:00 (08:00Z),
# the book's window; 1 h as top: late from 10:00 (09:00Z), else 11:00.
thread top 2026-11-30T08:00:00Z
expect_eq "plan priority: normal without a package" "" "$(check 2026-11-30T09:01:00Z reply | tr ' ' '\n' | grep -x top)"
expect_exit 0 project-set --priority top --reason "a key client" top
expect_eq "set top: the priority target" "top" "$(check 2026-11-30T09:01:00Z reply | tr ' ' '\n' | grep -x top)"
expect_exit 0 project-set --priority normal --reason "no longer" up
expect_eq "set normal: up keeps 2 h (late from 05:00)" "" "$(check 2026-11-29T03:59:00Z reply up)"
expect_exit 0 project-set --priority plan --reason "as its plan says" up
expect_eq "back to plan: priority from the package" "plan" "$(csv_col priority <"$T/out")"
expect_eq "a stored priority of plan is NULL" "" "$(sql "SELECT coalesce(priority, '') FROM project WHERE code = 'up'")"

# The window of the package active when the clock starts: a comment on
# mon before its package was paid (Sunday 2026-11-22 20:00, 19:00Z) runs
# on the book's window (no active package then): 2 h on Monday 23,
# 09:00-11:00.  Had the monthly window applied, 10:59 would be late.
thread mon 2026-11-22T19:00:00Z
expect_eq "before the package: the book's window" "" "$(check 2026-11-23T09:59:00Z reply | tr ' ' '\n' | grep -x mon)"
expect_eq "...late from 11:00" "mon" "$(check 2026-11-23T10:01:00Z reply | tr ' ' '\n' | grep -x mon | sort -u)"

# Days: intake (5) counts the days on which the window has hours.  A
# request on own (Mon-Sat) on Friday 2026-11-27: Saturday 28, Monday 30,
# Tuesday 1, Wednesday 2, Thursday 3: late from Friday 4 December; on
# std (Mon-Fri) late from Saturday 5 (due Friday 4).
HOURBOOK_NOW=2026-11-27T10:00:00Z task-add -q --project own --kind request "Saturday counts" >/dev/null
HOURBOOK_NOW=2026-11-27T10:00:00Z task-add -q --project std --kind request "Weekdays only" >/dev/null
expect_eq "intake: on the 3rd nothing late" "" "$(check 2026-12-03 intake)"
expect_eq "intake: the 4th, own (Saturday counted)" "own" "$(check 2026-12-04 intake)"
expect_eq "intake: the 5th, std too" "own std" "$(check 2026-12-05 intake)"
# 24/7 counts every day: a request on up on Friday 27 is due Wednesday 2
# (28, 29, 30, 1, 2; the holiday on Sunday 29 counts).
HOURBOOK_NOW=2026-11-27T10:00:00Z task-add -q --project up --kind request "Every day" >/dev/null
expect_eq "intake on 24/7: the 2nd is in time" "" "$(check 2026-12-02 intake | tr ' ' '\n' | grep -x up)"
expect_eq "intake on 24/7: late on the 3rd" "up" "$(check 2026-12-03 intake | tr ' ' '\n' | grep -x up)"
# The priority target for days: 2 for top projects: due Sunday 29.
expect_exit 0 book-config sla.intake_days.priority 2
expect_eq "intake priority: late on the 30th" "up" "$(check 2026-11-30 intake | tr ' ' '\n' | grep -x up)"
expect_exit 0 book-config sla.intake_days.priority ""
expect_eq "unset again: the book's 5 days" "" "$(check 2026-12-02 intake | tr ' ' '\n' | grep -x up)"

# Taking the project's window away: its plan's (monthly) applies again;
# the Friday comment on own is then late from Monday 10:30, like mon's.
expect_exit 0 project-set --no-support-hours --reason "back to the plan" own
expect_eq "no own window" "" "$(csv_col support_hours <"$T/out")"
expect_eq "own on the monthly window: 10:29" "" "$(check 2026-11-30T09:29:00Z reply own)"
expect_eq "own on the monthly window: 10:31" "own" "$(check 2026-11-30T09:31:00Z reply own)"

# task-list: open work by priority (top first), then due date (none
# last), then id; the rest (done, cancelled...) by id after it.
HOURBOOK_NOW=2026-11-30T09:00:00Z task-add -q --project bare --due 2026-12-10 "Bare due 10th" >/dev/null
HOURBOOK_NOW=2026-11-30T09:00:00Z task-add -q --project up --due 2026-12-20 "Upfront due 20th" >/dev/null
HOURBOOK_NOW=2026-11-30T09:00:00Z task-add -q --project std --due 2026-12-05 "Std due 5th" >/dev/null
HOURBOOK_NOW=2026-11-30T09:00:00Z task-add -q --project mon "Mon no due date" >/dev/null
first=$(sql "SELECT min(id) FROM task WHERE title = 'Bare due 10th'")
HOURBOOK_NOW=2026-11-30T09:00:00Z task-set -q --cancel "$first" >/dev/null
expect_exit 0 task-list -f csv
expect_eq "priority is the last column" "priority" "$(head -1 "$T/out" | tr ',' '\n' | tail -1)"
# Top first: up's and top's open tasks (up's due the 20th first, then
# those without a due date by id), then normal ones: std due the 5th,
# then without a due date by id; the cancelled task last.
order=$(task-list --no-header | awk -F, '{print $1 ":" $2 ":" $NF}' | tr '\n' ' ')
want=""
for row in $(sql "SELECT id || ':' || (SELECT code FROM project WHERE id = project_id) FROM task WHERE project_id IN (SELECT id FROM project WHERE code IN ('up', 'top')) AND status <> 'cancelled' ORDER BY due IS NULL, due, id"); do want="$want$row:top "; done
for row in $(sql "SELECT id || ':' || (SELECT code FROM project WHERE id = project_id) FROM task WHERE project_id NOT IN (SELECT id FROM project WHERE code IN ('up', 'top')) AND status <> 'cancelled' ORDER BY due IS NULL, due, id"); do want="$want$row:normal "; done
want="$want$first:bare:normal "
expect_eq "task-list: top first, then by due date, the cancelled last" "$want" "$order"
case $order in *":up:top "*) ok "up's tasks are top priority" ;; *) not_ok "up's tasks are top priority" "$order" ;; esac
expect_eq "the first row: up, due the 20th, before std due the 5th" "up 2026-12-20" "$(task-list --no-header | head -1 | cut -d, -f2,8 | tr ',' ' ')"
# A closed package no longer makes its project top priority.
upk=$(sql "SELECT id FROM package WHERE project_id = (SELECT id FROM project WHERE code = 'up')")
HOURBOOK_NOW=2026-11-30T09:00:00Z expect_exit 0 package-set --closed "$upk"
expect_eq "closed: normal again" "normal" "$(HOURBOOK_NOW=2026-12-01T09:00:00Z task-list --no-header --project up | head -1 | awk -F, '{print $NF}')"
# report-export tasks keeps its columns and order.
expect_exit 0 report-export tasks
expect_eq "report-export tasks: no priority column" "0" "$(head -1 "$T/out" | tr "," "\n" | grep -c "^priority$")"
expect_eq "report-export tasks: by id" "$(sql 'SELECT id FROM task ORDER BY id' | tr '\n' ' ')" "$(tail -n +2 "$T/out" | cut -d, -f1 | tr '\n' ' ')"

finish
