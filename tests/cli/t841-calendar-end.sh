# The last days of the calendar: a date computed from another (a payout
# date, an SLA deadline, the next month, today in the book's zone) that
# would fall after 9999-12-31 is refused with exit 65 and named, never
# written with a wrapped year (10000-01-07 was "0000-01-07", read back as
# 1970-01-01).
. "$(dirname "$0")/lib.sh"
export HOURBOOK_NOW=9999-12-20T10:00:00Z

client-add -q acme >/dev/null
member-add -q --role staff maria >/dev/null
export HOURBOOK_USER=maria
project-add -q --client acme --model self-service blog >/dev/null
member-add -q --project blog --rate 50 bruno >/dev/null
task-add -q --project blog --assign bruno "Work" >/dev/null
hours-log -q --person bruno 1 8h >/dev/null
hours-log -q --person bruno 1 8h >/dev/null

# Monday 20 December: the payout date, five business days on, is Monday 27.
expect_exit 0 withdraw --person bruno 100
expect_eq "a payout date inside the calendar" 9999-12-27 "$(csv_col due <"$T/out")"
expect_exit 0 withdraw --list
expect_eq "and read back as it is" 9999-12-27 "$(csv_col due <"$T/out")"

# Friday 31 December: five business days on is 10000-01-07.
export HOURBOOK_NOW=9999-12-31
expect_exit 65 withdraw --person bruno 100
expect_err "the payout date is refused" "withdraw: the payout date (5 business days after 9999-12-31) would be 10000-01-07, after 9999-12-31, the last date hourbook handles"
expect_empty_out "nothing printed"
expect_eq "nothing written" 1 "$(sql 'SELECT count(*) FROM withdrawal')"
expect_eq "no wrapped date in the book" 0 "$(sql "SELECT count(*) FROM withdrawal WHERE due NOT LIKE '9999-%'")"
expect_exit 0 withdraw --status --person bruno
book-config -q withdraw.per_month 1 >/dev/null
expect_exit 65 withdraw --status --person bruno
expect_err "the next month is refused" "withdraw: the first day of next month, when the next withdrawal request is possible, would be 10000-01-01, after 9999-12-31"

# Due dates: the last day is a date, the day after is not.
expect_exit 0 task-add --project blog --due 9999-12-31 --rigid "Last"
expect_eq "due on the last day" 9999-12-31 "$(csv_col due <"$T/out")"
expect_exit 65 task-add --project blog --due 10000-01-01 "After"
expect_err "the day after is not a date" "\"10000-01-01\" is not a date (YYYY-MM-DD)"
expect_exit 0 task-list --overdue
expect_exit 0 sla-check --rule due-rigid
# The first day hourbook takes is 1900-01-01 (hourbook(7)): a date before
# it is a real date, and the message says which rule it breaks.
expect_exit 65 task-add --project blog --due 1899-12-31 "Before"
expect_err "a date before 1900 is named as such" '--due: "1899-12-31" is before 1900-01-01, the first date hourbook takes'
HOURBOOK_NOW=1899-12-31T10:00:00Z expect_exit 64 task-list
expect_err "and a clock before 1900" 'HOURBOOK_NOW: "1899-12-31T10:00:00Z" is before 1900-01-01, the first date hourbook takes'
expect_exit 65 report-export entries --month 1899-12
expect_err "and a month" '--month: "1899-12" is before 1900-01, the first month hourbook takes'

# sla-check: a request made on Tuesday 28 December is due for its
# estimate 5 business days on, in 10000.  HOURBOOK_NOW is a date here,
# read in the book's time zone (sla-check read it before opening the
# book, and ended with exit 70).
HOURBOOK_NOW=9999-12-28T10:00:00Z task-add -q --project blog --kind request "Late request" >/dev/null
expect_exit 65 sla-check
expect_err "the deadline is refused" "sla-check: the intake deadline of task 3 would be 10000-01-04, after 9999-12-31, the last date hourbook handles"
expect_exit 0 sla-check --rule due-rigid
expect_exit 65 sla-check --as-of 9999-12-30 --rule intake
HOURBOOK_NOW=2026-11-23 expect_exit 0 sla-check --rule due-rigid --as-of 2026-11-23

# Today itself: late on 31 December (UTC) it is 10000 in Rome.
HOURBOOK_NOW=9999-12-31T23:30:00Z expect_exit 65 task-list --overdue
expect_err "today is refused" "task-list: today (in the book's time zone, Europe/Rome) would be 10000-01-01, after 9999-12-31"
HOURBOOK_NOW=9999-12-31T22:30:00Z expect_exit 0 task-list --overdue

# billing-run: the month after 9999-12 is not a month.  A monthly plan
# from 9999-11 invoices month 2 (9999-12) with November; month 3 would
# be 10000-01.
project-add -q --client acme --rate 60 web >/dev/null
HOURBOOK_NOW=9999-11-02T10:00:00Z package-add -q --project web --hours 10 --plan monthly --months 3 >/dev/null
HOURBOOK_NOW=9999-11-02T10:00:00Z package-set -q --invoiced 1 >/dev/null
HOURBOOK_NOW=9999-11-02T10:00:00Z package-set -q --paid 1 >/dev/null
HOURBOOK_NOW=9999-12-01T10:00:00Z expect_exit 0 billing-run --month 9999-11
expect_eq "months 1 and 2 billed" "month 1 of 3 (9999-11) month 2 of 3 (9999-12)" "$(grep -o 'month [0-9] of 3 ([0-9-]*)' "$T/out" | tr '\n' ' ' | sed 's/ $//')"
expect_exit 1 billing-run --month 9999-12
expect_err "9999-12 never ends" "9999-12 has not ended yet (its last day is 9999-12-31)"
HOURBOOK_NOW=9999-12-05T10:00:00Z package-set -q --paid 1 >/dev/null
expect_exit 65 billing-run --month 9999-12 --force
expect_err "month 3 is refused" "billing-run: 9999-12: month 3 of package 1 would be 10000-01-01, after 9999-12-31, the last date hourbook handles"
expect_eq "and not invoiced" 2 "$(sql 'SELECT count(*) FROM package_invoice')"
expect_exit 0 report-export invoices --month 9999-12

finish
