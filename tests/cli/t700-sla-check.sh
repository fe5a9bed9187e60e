# sla-check: every rule at its boundary, the formats, the exit status.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Rome HOURBOOK_NOW=2026-10-19T08:00:00Z	# a Monday

client-add acme >/dev/null
project-add --client acme --rate 50 web >/dev/null
project-add --client acme --rate 50 --sla reply_hours=4 slow >/dev/null
member-add --client acme --project web --project web ana >/dev/null
member-add --project slow ana >/dev/null
member-add --role staff --project web --project web maria >/dev/null
export HOURBOOK_USER=maria
member-add --project slow maria >/dev/null

check() {	# check AS-OF RULE: the findings' keys
	sla-check --no-header --as-of "$1" --rule "$2" | cut -d, -f4 | tr '\n' ' ' | sed 's/ $//'
}

# Due dates: rigid is an error, flexible a warning, the day after the due date.
task-add -q --project web --due 2026-11-20 --rigid "Rigid" >/dev/null		# 1
task-add -q --project web --due 2026-11-20 "Flexible" >/dev/null		# 2
expect_eq "rigid: due day passes" "" "$(check 2026-11-20T22:59:00Z due-rigid)"
expect_eq "rigid: the next day fails" "1" "$(check 2026-11-21 due-rigid)"
expect_eq "flexible the next day" "2" "$(check 2026-11-21 due-flexible)"
expect_exit 1 sla-check --as-of 2026-11-21 --rule due-rigid -q
expect_empty_out "-q prints nothing"
expect_exit 0 sla-check --as-of 2026-11-21 --rule due-flexible
expect_eq "a warning does not fail" "warning" "$(sed -n 2p "$T/out" | cut -d, -f2)"
# A date (--as-of, HOURBOOK_NOW) is a day of the book's time zone, not
# the caller's: 21 November in Tokyo begins on the 20th in Rome.  (With a
# date in HOURBOOK_NOW, sla-check read the clock before the book and
# ended with exit 70.)
expect_eq "--as-of: the book's day" "1" "$(export TZ=Asia/Tokyo; check 2026-11-21 due-rigid)"
HOURBOOK_NOW=2026-11-21 expect_exit 1 sla-check --rule due-rigid -q

# Intake: 5 business days from the request (Monday 19 Oct -> Monday 26).
task-add -q --project web --kind request "Request" >/dev/null			# 3
expect_eq "intake: last day passes" "" "$(check 2026-10-26 intake)"
expect_eq "intake: the next business day fails" "3" "$(check 2026-10-27 intake)"
holiday-add -q 2026-10-21 "A holiday" >/dev/null
expect_eq "intake: a holiday moves the deadline" "" "$(check 2026-10-27 intake)"
expect_eq "intake: ...by one business day" "3" "$(check 2026-10-28 intake)"

# Approval waits count from the estimate (a warning).
HOURBOOK_NOW=2026-10-20T08:00:00Z task-set -q --estimate 1h 3 >/dev/null
expect_eq "approval: within" "" "$(check 2026-10-27 approval)"
expect_eq "approval: late" "3" "$(check 2026-10-29 approval)"

# Reply: a client contact's comment, 2 business hours, support hours only.
task-add -q --project web "Thread" >/dev/null					# 4
# Friday 2026-11-27 17:30 in Rome: one half-hour on Friday, 90 minutes on
# Monday: due Monday 10:30 (09:30Z).
HOURBOOK_NOW=2026-11-27T16:30:00Z comment -q --as ana -m "Is it ready?" 4 >/dev/null
expect_eq "reply: a minute before" "" "$(check 2026-11-30T09:29:00Z reply)"
expect_eq "reply: a minute after" "1" "$(check 2026-11-30T09:31:00Z reply)"
expect_exit 1 sla-check --as-of 2026-11-30T09:31:00Z --rule reply
expect_eq "reply: the due time" "2026-11-30T09:30:00Z" "$(sed -n 2p "$T/out" | cut -d, -f7)"
holiday-add -q 2026-11-30 "Monday off" >/dev/null
expect_eq "reply: a holiday carries it to Tuesday" "" "$(check 2026-11-30T15:00:00Z reply)"
expect_eq "reply: ...10:30 on Tuesday" "1" "$(check 2026-12-01T09:31:00Z reply)"
HOURBOOK_NOW=2026-12-01T09:00:00Z comment -q --as maria -m "Yes, today" 4 >/dev/null
expect_eq "reply: answered by someone else" "" "$(check 2026-12-10 reply)"
# Across the end of DST (Sunday 2026-10-25): Friday 17:30 CEST (15:30Z)
# is due Monday 10:30 CET (09:30Z).
task-add -q --project web "DST" >/dev/null					# 5
HOURBOOK_NOW=2026-10-23T15:30:00Z comment -q --as ana -m "Before the clocks change" 5 >/dev/null
expect_eq "reply across DST: a minute before" "" "$(check 2026-10-26T09:29:00Z reply)"
expect_eq "reply across DST: a minute after" "3" "$(check 2026-10-26T09:31:00Z reply)"
# A project's override: 4 business hours.
task-add -q --project slow "Slow" >/dev/null					# 6
HOURBOOK_NOW=2026-10-26T08:00:00Z comment -q --as ana -m "Slow lane" 6 >/dev/null
expect_eq "override: 2 h is not late" "" "$(check 2026-10-26T11:30:00Z reply | tr ' ' '\n' | grep -x 4)"
expect_eq "override: past 4 h is" "4" "$(check 2026-10-26T13:01:00Z reply | tr ' ' '\n' | grep -x 4)"

# Client information: the team's question on a blocked task, 3 business days.
task-add -q --project web "Blocked" >/dev/null					# 7
HOURBOOK_NOW=2026-11-02T09:00:00Z task-set -q --block "logo" 7 >/dev/null
HOURBOOK_NOW=2026-11-02T09:00:00Z comment -q --as maria -m "Which logo?" 7 >/dev/null
expect_eq "client-info: within" "" "$(check 2026-11-05 client-info)"
expect_eq "client-info: late" "5" "$(check 2026-11-06 client-info)"
HOURBOOK_NOW=2026-11-06T09:00:00Z comment -q --as ana -m "The blue one" 7 >/dev/null
expect_eq "client-info: answered by the client" "" "$(check 2026-11-09 client-info)"

# Revision: 2 business days from the request for changes.
task-add -q --project web "Revised" >/dev/null					# 8
for m in start deliver; do task-set -q --"$m" 8 >/dev/null; done
HOURBOOK_NOW=2026-11-06T09:00:00Z task-set -q --revise 8 >/dev/null		# a Friday
expect_eq "revision: within (weekend skipped)" "" "$(check 2026-11-10 revision)"
expect_eq "revision: late" "8" "$(check 2026-11-11 revision)"

# Packages: below package.low_percent (warning); commitments beyond the
# hours (warning: the client should buy hours); overdrawn, time logged
# beyond the loaded hours (error); awaiting payment (warning).
member-add -q --project web bruno >/dev/null
package-add -q --project web --hours 10 >/dev/null
package-set -q --invoiced 1 >/dev/null
expect_eq "an invoiced package awaits its payment" "1" "$(check 2026-11-01 package-awaiting-payment)"
package-set -q --paid 1 >/dev/null
expect_eq "paid: no longer" "" "$(check 2026-11-01 package-awaiting-payment)"
task-add -q --project web --assign bruno --estimate 8h "Big" >/dev/null	# 9
expect_eq "not low: 120 of 600 minutes left" "" "$(check 2026-11-01 package-low)"
task-add -q --project web --assign bruno --estimate 90m "Bigger" >/dev/null	# 10
expect_eq "low: 30 of 600 minutes left, below 10%" "1" "$(check 2026-11-01 package-low)"
expect_eq "not committed beyond" "" "$(check 2026-11-01 package-committed)"
task-add -q --project web --assign bruno --estimate 1h "Biggest" >/dev/null	# 11
expect_eq "600 usable, 630 committed: beyond" "1" "$(check 2026-11-01 package-committed)"
sla-check --no-header --as-of 2026-11-01 --rule package-committed >"$T/c"
grep -q ',warning,package,1,web,.*needs 630 minutes and 600 are usable: 30 minutes more' "$T/c" && ok "a warning, with the figures" || not_ok "a warning, with the figures" "$(cat "$T/c")"
expect_eq "commitments are not an overdraft" "" "$(check 2026-11-01 package-overdrawn)"
expect_eq "nor low" "" "$(check 2026-11-01 package-low)"
# Time beyond the loaded hours only comes from a damaged ledger: here a
# use row written behind the book's back (a day, and its month).
damaged=$(book_copy damaged)
sql_on "$damaged" "INSERT INTO package_use VALUES (1, '2026-10-20', 700); INSERT INTO package_month VALUES (1, '2026-10-01', 700) ON CONFLICT (package_id, month) DO UPDATE SET minutes = package_month.minutes + 700"
expect_eq "overdrawn" "1" "$(HOURBOOK_DB=$damaged check 2026-11-01 package-overdrawn)"
book_drop "$damaged"

# Withdrawals past their payout date.
project-add -q --client acme --model self-service blog >/dev/null
member-add -q --project blog eli >/dev/null
task-add -q --project blog --assign eli --fee 200 "Post" >/dev/null	# 12
for m in start deliver accept; do task-set -q --"$m" 12 >/dev/null; done
HOURBOOK_NOW=2026-11-02T09:00:00Z withdraw -q --as eli 100 >/dev/null	# due Monday 9 Nov
expect_eq "withdrawal: on its payout day" "" "$(check 2026-11-09 withdrawal-late)"
expect_eq "withdrawal: late" "1" "$(check 2026-11-10 withdrawal-late)"

# The formats.
expect_exit 1 sla-check --as-of 2026-11-21 --format junit -o "$T/sla.xml"
xmllint --noout "$T/sla.xml" && ok "JUnit is well-formed XML" || not_ok "JUnit is well-formed XML"
errors=$(sla-check --no-header --as-of 2026-11-21 | grep -c ',error,')
tests=$(sla-check --as-of 2026-11-21 --format tap | sed -n 's/^1\.\.//p')
expect_eq "JUnit counts" "tests=\"$tests\" failures=\"$errors\"" "$(grep -o 'tests="[0-9]*" failures="[0-9]*"' "$T/sla.xml" | head -1)"
grep -q '<system-out>warning: ' "$T/sla.xml" && ok "warnings visible" || not_ok "warnings visible"
sla-check --as-of 2026-11-21 --format tap >"$T/sla.tap"
expect_eq "one testsuite per rule with something to check" "$(sed -n 's/^[a-z ]*ok [0-9]* - \([a-z-]*\) .*/\1/p' "$T/sla.tap" | sort -u | wc -l | tr -d ' ')" "$(grep -c '<testsuite ' "$T/sla.xml")"
prove --exec cat "$T/sla.tap" >"$T/prove" 2>&1
grep -q "Parse errors" "$T/prove" && not_ok "prove parses the TAP" "$(cat "$T/prove")" || ok "prove parses the TAP"
expect_eq "prove counts the errors as failures" "Failed $errors/$tests subtests" "$(grep -o "Failed [0-9]*/[0-9]* subtests" "$T/prove")"
expect_eq "warnings are TODO" "$(sla-check --no-header --as-of 2026-11-21 | grep -c ',warning,')" "$(grep -c '# TODO warning' "$T/sla.tap")"
expect_exit 0 sla-check --as-of 2026-10-01 --project slow
expect_exit 65 sla-check --rule nope
expect_err "rules listed" "due-rigid, due-flexible, intake"
expect_exit 64 sla-check --format xml
expect_err "formats listed" '"xml" is not a format: csv, table, jsonl, tap or junit'
expect_exit 65 sla-check --as-of soon
HOURBOOK_DB="$(book_new none)" expect_exit 66 sla-check
# A typo in --project must not pass a CI gate with zero tests.
expect_exit 66 sla-check --project slw --format junit -o "$T/typo.xml"
expect_err "the project typo is named, with the near name" '"slw" does not exist (did you mean slow?)'
[ ! -e "$T/typo.xml" ] && ok "no green JUnit for a typo" || not_ok "no green JUnit for a typo" "$(cat "$T/typo.xml")"

# A package that expired has nothing left, not little: no longer low.
project-add -q --client acme exp >/dev/null
member-add -q --project exp bruno >/dev/null
package-add -q --project exp --hours 10 --expires 2026-12-31 >/dev/null	# 2
package-set -q --invoiced 2 >/dev/null
package-set -q --paid 2 >/dev/null
task-add -q --project exp --assign bruno --estimate 570m "Nearly all" >/dev/null
expect_eq "low on its last day" "2" "$(check 2026-12-31 package-low | tr ' ' '\n' | grep -x 2)"
expect_eq "expired: not low" "" "$(check 2027-01-01 package-low | tr ' ' '\n' | grep -x 2)"

finish
