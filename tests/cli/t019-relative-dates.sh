# Relative dates: wherever a DATE is taken (an option, a --csv date cell)
# today, yesterday, -N and the weekdays name a day counted back from the
# clock's day in the book's time zone, whatever the caller's TZ; what is
# stored and printed is always YYYY-MM-DD.
. "$(dirname "$0")/lib.sh"

# The book's zone is Europe/Rome (lib.sh makes it under that TZ).
client-add -q acme >/dev/null
project-add -q --client acme --rate 60 --model self-service web >/dev/null
member-add -q --role staff --project web maria >/dev/null
export HOURBOOK_USER=maria
member-add -q --rate 30 --project web bruno >/dev/null
task-add -q --project web --assign bruno "Hero" >/dev/null
expect_eq "the book's zone" Europe/Rome "$(book-config timezone)"

# ---- across a month end: the 1st of March 2026, a Sunday ------------------
export HOURBOOK_NOW=2026-03-01T10:00:00Z
expect_exit 0 hours-log --as bruno --date yesterday 1 30m
expect_eq "yesterday is February's last day" 2026-02-28 "$(csv_col date <"$T/out")"
expect_exit 0 hours-log --as bruno --date -0 1 10m
expect_eq "-0 is today" 2026-03-01 "$(csv_col date <"$T/out")"
expect_exit 0 hours-log --as bruno --date TODAY 1 10m
expect_eq "words in any case" 2026-03-01 "$(csv_col date <"$T/out")"
expect_exit 0 hours-log --as bruno --date -1 1 10m
expect_eq "-1 is yesterday" 2026-02-28 "$(csv_col date <"$T/out")"
expect_exit 0 hours-log --as bruno --date -400 1 10m
expect_eq "-400 days" 2025-01-25 "$(csv_col date <"$T/out")"
# A Sunday: "sunday" is the last one before today, a week ago.
expect_exit 0 hours-log --as bruno --date sunday 1 10m
expect_eq "sunday on a Sunday is a week ago" 2026-02-22 "$(csv_col date <"$T/out")"
expect_exit 0 hours-log --as bruno --date sat 1 10m
expect_eq "sat is yesterday" 2026-02-28 "$(csv_col date <"$T/out")"
expect_exit 0 hours-log --as bruno --date Monday 1 10m
expect_eq "the last monday" 2026-02-23 "$(csv_col date <"$T/out")"
expect_eq "the book holds the dates" "2025-01-25 2026-02-22 2026-02-23 2026-02-28 2026-02-28 2026-02-28 2026-03-01 2026-03-01" \
    "$(sql "SELECT day FROM entry ORDER BY day, id" | paste -sd' ' -)"
expect_eq "every day stored as YYYY-MM-DD" 0 "$(sql "SELECT count(*) FROM entry WHERE day NOT LIKE '____-__-__'")"

# A typo is bad data, with the forms that are taken.
expect_exit 65 hours-log --as bruno --date yesterdy 1 10m
expect_err "the forms listed" '--date: "yesterdy" is not a date: give YYYY-MM-DD, today, yesterday, -N for N days ago, or a weekday, monday to sunday or mon to sun, for the last one before today (did you mean yesterday?)'
expect_exit 65 hours-log --as bruno --date tomorrow 1 10m
expect_err "no tomorrow" '"tomorrow" is not a date: give YYYY-MM-DD'
expect_exit 65 hours-log --as bruno --date +1 1 10m
expect_exit 65 hours-log --as bruno --date -1d 1 10m
expect_exit 65 hours-log --as bruno --date 2026-02-30 1 10m
expect_err "a wrong YYYY-MM-DD keeps its reason" '"2026-02-30" is not a real date'
expect_exit 65 hours-log --as bruno --date -99999 1 10m
expect_err "before the first date" '--date: "-99999" is before 1900-01-01'
expect_eq "nothing logged by the refusals" 8 "$(sql "SELECT count(*) FROM entry")"

# Due dates, added and changed.
expect_exit 0 task-add --project web --due yesterday "Late already"
expect_eq "task-add --due yesterday" 2026-02-28 "$(csv_col due <"$T/out")"
expect_exit 0 task-set --due fri --reason "moved" 2
expect_eq "task-set --due fri" 2026-02-27 "$(csv_col due <"$T/out")"
expect_eq "the event log keeps the date" "2026-02-28 2026-02-27" "$(sql "SELECT old || ' ' || new FROM event WHERE entity = 'task' AND key = '2' AND what = 'due'")"
expect_exit 65 task-set --due yesterdy --reason "x" 2
expect_exit 0 task-list --due-before today
expect_eq "task-list --due-before today" 2 "$(csv_col task <"$T/out")"

# A --csv date cell, and a date option as every row's default.
printf 'task,minutes,date,note\n1,15,yesterday,cell\n1,20,-2,cell\n1,25,,default\n' >"$T/week.csv"
expect_exit 0 hours-log --as bruno --date wed --csv "$T/week.csv"
expect_eq "cells and the default resolved" "2026-02-28 2026-02-27 2026-02-25" "$(csv_col date <"$T/out" | paste -sd' ' -)"
printf 'task,minutes,date\n1,15,yesterdy\n' >"$T/bad.csv"
expect_exit 65 hours-log --as bruno --csv "$T/bad.csv"
expect_err "a bad cell named with its line" 'bad.csv:2: date: "yesterdy" is not a date: give YYYY-MM-DD'
printf 'project,title,due\nweb,From CSV,-0\n' | expect_exit 0 task-add --csv -
expect_eq "task-add --csv due -0" 2026-03-01 "$(csv_col due <"$T/out")"

# report-export --from and --to: compared once they are dates.
expect_exit 0 report-export entries --from mon --to yesterday
expect_eq "entries from monday to yesterday" "2026-02-23 2026-02-25 2026-02-27 2026-02-28 2026-02-28 2026-02-28 2026-02-28" \
    "$(csv_col date <"$T/out" | sort | paste -sd' ' -)"
expect_exit 64 report-export entries --from today --to -1
expect_err "--from after --to, as dates" "--from 2026-03-01 is after --to 2026-02-28"
expect_exit 0 sla-check --as-of yesterday

# The same timesheet read on another day is another batch: its cells name
# other days.  Read again on the same day, it is the same batch.
printf 'task,minutes,date\n1,5,yesterday\n' >"$T/again.csv"
expect_exit 0 hours-log --as bruno --csv "$T/again.csv"
expect_exit 1 hours-log --as bruno --csv "$T/again.csv"
expect_err "the same day: applied already" "applied already"
HOURBOOK_NOW=2026-03-02T10:00:00Z expect_exit 0 hours-log --as bruno --csv "$T/again.csv"
expect_eq "the next day: another batch, another date" 2026-03-01 "$(csv_col date <"$T/out")"

# ---- a DST change in the book's zone --------------------------------------
# Rome moves to summer time at 01:00 UTC on 29 March 2026.  Today is Rome's
# day whatever the caller's TZ: at 23:30 UTC on the 28th it is already the
# 29th in Rome, at 22:30 UTC on the 29th already the 30th (UTC+2 now), and
# at 12:00 UTC on the 29th still the 29th (Auckland is on the 30th).
days() {
	for now in 2026-03-28T23:30:00Z 2026-03-29T00:30:00Z 2026-03-29T12:00:00Z 2026-03-29T22:30:00Z; do
		copy=$(book_copy dst)
		printf '%s ' "$now"
		HOURBOOK_NOW=$now hours-log --db "$copy" --as bruno --no-header --date today 1 5m | cut -d, -f4 | tr '\n' ' '
		HOURBOOK_NOW=$now hours-log --db "$copy" --as bruno --no-header --date yesterday 1 5m | cut -d, -f4 | tr '\n' ' '
		HOURBOOK_NOW=$now hours-log --db "$copy" --as bruno --no-header --date sunday 1 5m | cut -d, -f4
		book_drop "$copy"
	done
}
TZ=Europe/Rome days >"$T/rome"
TZ=UTC days >"$T/utc"
TZ=Pacific/Auckland days >"$T/auckland"
expect_eq "the book's days, in Rome" "2026-03-28T23:30:00Z 2026-03-29 2026-03-28 2026-03-22
2026-03-29T00:30:00Z 2026-03-29 2026-03-28 2026-03-22
2026-03-29T12:00:00Z 2026-03-29 2026-03-28 2026-03-22
2026-03-29T22:30:00Z 2026-03-30 2026-03-29 2026-03-29" "$(cat "$T/rome")"
cmp -s "$T/rome" "$T/utc" && ok "a caller in UTC sees the same days" || not_ok "a caller in UTC sees the same days" "$(diff "$T/rome" "$T/utc")"
cmp -s "$T/rome" "$T/auckland" && ok "a caller in Auckland sees the same days" || not_ok "a caller in Auckland sees the same days" "$(diff "$T/rome" "$T/auckland")"

finish
