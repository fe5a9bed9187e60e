# hours-log's timer: --start, --timer, --stop (one entry of the minutes it
# ran, dated the day it started, under every rule of hours-log), the
# book's hours.round, a refused stop that leaves the timer running,
# --cancel, one timer per person, a timer past midnight, --at, --dry-run
# and --key.
. "$(dirname "$0")/lib.sh"

at() { HOURBOOK_NOW=$1; export HOURBOOK_NOW; }
at 2026-11-23T08:00:00Z		# 09:00 in Rome, the book's zone
client-add -q acme >/dev/null
project-add -q --client acme --rate 50 web >/dev/null
member-add -q --role staff --project web maria >/dev/null
export HOURBOOK_USER=maria
member-add -q --rate 30 --project web bruno >/dev/null
member-add -q --rate 20 --project web eli >/dev/null
member-add -q --client acme --project web ana >/dev/null
task-add -q --project web --assign bruno "Hero" >/dev/null			# 1
task-add -q --project web --assign eli --urgent "Hotfix" >/dev/null		# 2
task-add -q --project web --as ana --kind idea "Dark mode?" >/dev/null	# 3
package-add -q --project web --hours 4 >/dev/null
package-set -q --invoiced 1 >/dev/null
package-set -q --paid 1 >/dev/null
timers() { hours-log --timer --no-header; }

# ---- start, show, stop -----------------------------------------------------
expect_exit 0 hours-log --as bruno --start 1 --note "hero, first pass"
expect_out "the start prints the timer" <<'OUT'
person,task,started,elapsed_minutes,note
bruno,1,2026-11-23T08:00:00Z,0,"hero, first pass"
OUT
expect_eq "nothing logged yet" 0 "$(sql "SELECT count(*) FROM entry")"
at 2026-11-23T08:47:40Z
expect_exit 0 hours-log --as bruno --timer
expect_out "--timer shows it, with the minutes so far" <<'OUT'
person,task,started,elapsed_minutes,note
bruno,1,2026-11-23T08:00:00Z,47,"hero, first pass"
OUT
expect_exit 1 hours-log --as bruno --start 1
expect_err "a second start names the running one" "a timer runs already for bruno: task 1, since 2026-11-23 09:00"
expect_eq "still one timer" 1 "$(sql "SELECT count(*) FROM timer")"
expect_exit 0 hours-log --as bruno --stop
expect_out "the stop logs one entry of the whole minutes" <<'OUT'
entry,task,person,date,minutes,billable_minutes,package,available_after,overage_minutes,reverses
1,1,bruno,2026-11-23,47,47,1,193,0,
OUT
expect_eq "the entry keeps the note, the timer is gone" "hero, first pass|0" "$(sql "SELECT note || '|' || (SELECT count(*) FROM timer) FROM entry WHERE id = 1")"
expect_eq "a freelancer's time earns" 2350 "$(sql "SELECT earned FROM entry WHERE id = 1")"
expect_eq "the first time starts the task" in-progress "$(sql "SELECT status FROM task WHERE id = 1")"
expect_eq "start and stop in the event log" "start||task 1 from 2026-11-23T08:00:00Z bruno
stop|task 1 from 2026-11-23T08:00:00Z|entry 1 bruno" "$(sql "SELECT what || '|' || coalesce(old, '') || '|' || coalesce(new, '') || ' ' || actor FROM event WHERE entity = 'timer' AND key = 'bruno' ORDER BY id")"
expect_exit 1 hours-log --as bruno --stop
expect_err "no timer to stop" "no timer runs for bruno"
expect_exit 0 hours-log --as bruno --timer
expect_out "nothing runs" <<'OUT'
person,task,started,elapsed_minutes,note
OUT

# ---- hours.round -------------------------------------------------------------
expect_eq "no rounding by default" none "$(book-config hours.round)"
for good in "5m up:5m up" "15 nearest:15m nearest" "6m down:6m down" "1h up:60m up" "none:none"; do
	expect_exit 0 book-config hours.round "${good%%:*}"
	expect_eq "hours.round ${good%%:*} stored as ${good#*:}" "${good#*:}" "$(book-config hours.round)"
done
for bad in "5m" "5m sideways" "up" "0m up" "25h up" "5m Up" "yesterday"; do
	expect_exit 65 book-config hours.round "$bad"
done
expect_err "the forms named" 'is not a rounding: give none, or a step and up, down or nearest (5m up, 15m nearest, 6m down)'
expect_eq "a bad value changed nothing" none "$(book-config hours.round)"

book-config -q hours.round "15m up" >/dev/null
at 2026-11-23T09:00:00Z
expect_exit 0 hours-log --as bruno --start 1
at 2026-11-23T09:31:59Z
expect_exit 0 hours-log --as bruno --stop
expect_eq "31 minutes, 15m up: 45" 45 "$(csv_col minutes <"$T/out")"
expect_err "the rounding is said" "the timer of bruno ran 31 minutes: logged 45 (hours.round 15m up)"
book-config -q hours.round "15m nearest" >/dev/null
expect_exit 0 hours-log --as bruno --start 1
at 2026-11-23T09:39:00Z
expect_exit 1 hours-log --as bruno --stop
expect_err "7 minutes to the nearest 15 is nothing" "ran 7 minutes, 0 after hours.round (15m nearest): nothing to log, and the timer runs on"
expect_eq "the timer runs on" 1 "$(sql "SELECT count(*) FROM timer")"
at 2026-11-23T09:40:00Z
expect_exit 0 hours-log --as bruno --stop
expect_eq "8 minutes to the nearest 15 is 15" 15 "$(csv_col minutes <"$T/out")"
book-config -q hours.round "6m down" >/dev/null
expect_exit 0 hours-log --as bruno --start 1 --at 10:00
at 2026-11-23T09:59:00Z
expect_exit 0 hours-log --as bruno --stop
expect_eq "59 minutes, 6m down: 54" 54 "$(csv_col minutes <"$T/out")"
book-config -q hours.round none >/dev/null

# ---- the rules of hours-log at the stop ------------------------------------
# Urgent time counts three times; the package (240 min) has 240 - 47 - 45
# - 15 - 54 = 79 minutes left.
at 2026-11-23T10:00:00Z
expect_exit 0 hours-log --as eli --start 2
at 2026-11-23T10:30:00Z
expect_exit 1 hours-log --as eli --stop
expect_err "a refused stop says why and that the timer runs on" "hours-log: stop refused, the timer of eli runs on: task 2: the packages of its project have 79 minutes left for time dated 2026-11-23: 11 minutes missing (--overdraft bills them at the standard rate)"
expect_eq "nothing logged" 4 "$(sql "SELECT count(*) FROM entry")"
expect_exit 0 hours-log --as eli --timer
expect_eq "eli's timer runs on" "eli,2,2026-11-23T10:00:00Z,30," "$(sed -n 2p "$T/out")"
expect_exit 0 hours-log --as eli --stop --overdraft
expect_out "with --overdraft it stops, urgent time at three times" <<'OUT'
entry,task,person,date,minutes,billable_minutes,package,available_after,overage_minutes,reverses
5,2,eli,2026-11-23,30,90,1,0,11,
OUT
expect_exit 1 hours-log --as bruno --start 3
expect_err "an idea takes no time, so no timer" "task 3 is idea: time is logged on agreed work only"
expect_exit 1 hours-log --as ana --start 1
expect_err "a client's person has no timer" "ana is a client's person"
expect_eq "no timer from the refusals" 0 "$(sql "SELECT count(*) FROM timer")"

# ---- two persons at once, and who may touch whose ---------------------------
at 2026-11-24T08:00:00Z
expect_exit 0 hours-log --as bruno --start 1
at 2026-11-24T08:10:00Z
expect_exit 0 hours-log --as eli --start 2 --note "logs"
expect_exit 0 hours-log --timer
expect_out "staff see every timer" <<'OUT'
person,task,started,elapsed_minutes,note
bruno,1,2026-11-24T08:00:00Z,10,
eli,2,2026-11-24T08:10:00Z,0,logs
OUT
expect_exit 0 hours-log --as eli --timer
expect_eq "a freelancer sees their own" "eli,2,2026-11-24T08:10:00Z,0,logs" "$(sed -n 2p "$T/out")"
expect_exit 1 hours-log --as eli --timer --person bruno
expect_exit 1 hours-log --as eli --stop --person bruno
expect_err "only one's own timer" "eli may only log their own time"
expect_exit 1 hours-log --as eli --cancel --person bruno
at 2026-11-24T08:30:00Z
expect_exit 0 hours-log --stop --person bruno --overdraft
expect_eq "staff stop bruno's timer" "bruno 2026-11-24 30" "$(csv_col person <"$T/out") $(csv_col date <"$T/out") $(csv_col minutes <"$T/out")"
expect_eq "eli's runs on" "eli" "$(timers | cut -d, -f1)"

# ---- cancel ------------------------------------------------------------------
expect_exit 0 hours-log --as eli --dry-run --cancel
expect_eq "a dry-run cancel keeps it" 1 "$(sql "SELECT count(*) FROM timer")"
expect_exit 0 hours-log --as eli --cancel --reason "wrong task"
expect_out "the cancel prints what it dropped" <<'OUT'
person,task,started,elapsed_minutes,note
eli,2,2026-11-24T08:10:00Z,20,logs
OUT
expect_eq "gone, nothing logged" "0 6" "$(sql "SELECT count(*) FROM timer") $(sql "SELECT count(*) FROM entry")"
expect_eq "the cancel in the event log" "cancel|task 2 from 2026-11-24T08:10:00Z||wrong task" "$(sql "SELECT what || '|' || old || '|' || coalesce(new, '') || '|' || reason FROM event WHERE entity = 'timer' AND key = 'eli' AND what = 'cancel'")"
expect_exit 1 hours-log --as eli --cancel

# ---- past midnight and --at --------------------------------------------------
# 22:30 UTC is 23:30 in Rome; 23:10 UTC the same UTC day, but 00:10 of the
# 25th in Rome: the timer ran past its midnight, whatever the caller's TZ.
at 2026-11-24T22:30:00Z
expect_exit 0 hours-log --as bruno --start 1
at 2026-11-24T23:10:00Z
TZ=UTC expect_exit 1 hours-log --as bruno --stop --overdraft
expect_err "refused past midnight, with the ways out" "the timer of bruno on task 1, started 2026-11-24 23:30 (Europe/Rome), ran past the midnight that ended its day: an entry is one day's time, so nothing was logged and the timer runs on; give its end with --stop --at HH:MM (on 2026-11-24), or drop it with --cancel"
expect_eq "the timer runs on" 1 "$(sql "SELECT count(*) FROM timer")"
expect_exit 1 hours-log --as bruno --stop --at 23:00 --overdraft
expect_err "an end before the start" "--at: 23:00 is before the timer's start, 2026-11-24 23:30"
expect_exit 65 hours-log --as bruno --stop --at 25:00
expect_err "a malformed time" "--at: \"25:00\" is not a time: give HH:MM"
expect_exit 1 hours-log --as bruno --stop --at 2026-11-25T23:00:00Z
expect_err "an end in the future" "2026-11-25T23:00:00Z is in the future"
expect_exit 0 hours-log --as bruno --stop --at 23:59 --overdraft
expect_eq "stopped at 23:59 of its day" "2026-11-24 29" "$(csv_col date <"$T/out") $(csv_col minutes <"$T/out")"
at 2026-11-26T12:00:00Z
expect_exit 0 hours-log --as bruno --start 1 --at 2026-11-25T09:00:00Z
expect_exit 1 hours-log --as bruno --stop
expect_err "over 24 hours" "ran 27:00, more than 24 hours"
expect_exit 0 hours-log --as bruno --stop --at 2026-11-25T10:15:00+01:00 --overdraft
expect_eq "a timestamp ends it" "2026-11-25 15" "$(csv_col date <"$T/out") $(csv_col minutes <"$T/out")"
expect_exit 1 hours-log --as bruno --start 1 --at 14:00
expect_err "no start in the future" "14:00 is in the future"

# ---- --dry-run and --key -------------------------------------------------------
before=$(book_state)
expect_exit 0 hours-log --as bruno --dry-run --start 1
expect_eq "a dry-run start writes nothing" "$before" "$(book_state)"
expect_exit 0 hours-log --as bruno --start 1
at 2026-11-26T12:20:00Z
expect_exit 0 hours-log --as bruno --dry-run --stop --overdraft
expect_eq "a dry-run stop shows the entry" "20" "$(csv_col minutes <"$T/out")"
expect_eq "and keeps the timer" 1 "$(sql "SELECT count(*) FROM timer")"
expect_exit 0 hours-log --as bruno --key stop-1 --stop --overdraft
cp "$T/out" "$T/first"
expect_exit 0 hours-log --as bruno --key stop-1 --stop --overdraft
expect_eq "the same stop with its key prints the first" "$(cat "$T/first")" "$(cat "$T/out")"
expect_eq "one entry made" 1 "$(sql "SELECT count(*) FROM entry WHERE day = '2026-11-26'")"

# ---- usage -------------------------------------------------------------------
expect_exit 64 hours-log --start 1 --stop
expect_exit 64 hours-log --stop 1 30m
expect_exit 64 hours-log --timer --note x
expect_exit 64 hours-log --cancel --at 10:00
expect_exit 64 hours-log --start 1 --date yesterday
expect_exit 64 hours-log --start 1 --csv "$T/first"
expect_exit 64 hours-log --at 10:00 1 30m
expect_exit 65 hours-log --start x

expect_exit 0 book-check
finish
