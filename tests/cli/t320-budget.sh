# Budget rules on tasks of package projects: extra requests, approvals.
. "$(dirname "$0")/lib.sh"

client-add acme >/dev/null
project-add --client acme --rate 50 web >/dev/null
member-add --project web bruno >/dev/null
package-add -q --project web --hours 5 >/dev/null
package-set -q --invoiced 1 >/dev/null
package-set -q --paid 1 >/dev/null
task-add --project web --assign bruno --estimate 2h "Planned" >/dev/null	# 1: commits 120

state() { task-list --no-header | grep "^$1," | cut -d, -f5; }
available() { report-export balances | csv_col available_minutes; }
expect_eq "committed counts in available" "180" "$(available)"

# A minor extra request (up to task.minor_minutes) is approved at once.
expect_exit 0 task-add --project web --kind request --extra --estimate 30m "Typo"
expect_eq "minor extra approved at once" "approved" "$(state 2)"
expect_eq "and logged as such" "minor extra request: approved at once" "$(sql "SELECT reason FROM event WHERE key = '2' AND new = 'approved'")"
expect_eq "it commits its hours" "150" "$(available)"
# A larger one waits for the client.
expect_exit 0 task-add --project web --kind request --extra --estimate 1h "Banner"
expect_eq "larger extra waits" "estimated" "$(state 3)"
# One that cannot fit is refused, urgent counting three times.
expect_exit 1 task-add --project web --kind request --extra --urgent --estimate 1h "Urgent banner"
expect_err "refused with the figures" "the extra request needs 180 minutes and the packages of web have 150 available"
expect_eq "nothing written" "" "$(state 4)"
# The same through task-set --estimate.
task-add --project web --kind request --extra "Big" >/dev/null	# 4
expect_exit 1 task-set --estimate 3h 4
expect_eq "refused estimate changes nothing" "requested" "$(state 4)"
expect_exit 0 task-set --estimate 20m 4
expect_eq "minor through task-set" "approved" "$(state 4)"
# Approving re-checks the packages: a warning, not a refusal.
task-add --project web --kind request --estimate 3h "Not extra" >/dev/null	# 5
expect_exit 0 task-set --approve 3
expect_empty_err() { [ ! -s "$T/err" ] && ok "$1" || not_ok "$1" "$(cat "$T/err")"; }
expect_empty_err "approval within the budget is silent"
expect_eq "approved estimates commit hours" "70" "$(available)"
expect_exit 0 task-set --approve 5
expect_err "approval past the budget warns" "task 5 needs 180 minutes; the packages of web have 70 available, which may not cover it"
expect_eq "and is approved" "approved" "$(state 5)"
# Logged time moves minutes from committed to used: available stays.
expect_exit 0 hours-log --person bruno 1 1h
expect_eq "logging on a committed task" "-110" "$(available)"
expect_eq "used" "60" "$(report-export balances | csv_col used_minutes)"
# No budget rules on self-service projects.
project-add --client acme --model self-service blog >/dev/null
expect_exit 0 task-add --project blog --kind request --extra --estimate 100h "Anything"
expect_eq "self-service extra stays estimated" "estimated" "$(state 6)"

finish
