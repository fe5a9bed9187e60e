# The book's own time zone: set from TZ when the book is made, changed
# with book-config; every day, month and business-hour decision uses it,
# whatever TZ the caller (a cron job, a colleague abroad) has.
. "$(dirname "$0")/lib.sh"

TZ=Europe/Rome client-add -q acme >/dev/null
expect_eq "the creator's zone" Europe/Rome "$(book-config timezone)"
project-add -q --client acme --rate 60 --model self-service blog >/dev/null
member-add -q --role staff --project blog maria >/dev/null
export HOURBOOK_USER=maria
member-add -q --rate 30 --project blog bruno >/dev/null
task-add -q --project blog --assign bruno --fee 500 --due 2026-11-30 --rigid "Post" >/dev/null
for m in start deliver accept; do task-set -q --"$m" 1 >/dev/null; done

# The same scenario at 23:30 UTC on 30 November (00:30 on 1 December in
# Rome) under three caller zones gives the same bytes.
scenario() {
	export HOURBOOK_NOW=2026-11-30T23:30:00Z
	copy=$(book_copy copy)
	{
		hours-log --db "$copy" --as bruno 1 1h
		billing-run --db "$copy" --month 2026-11
		withdraw --db "$copy" --as bruno --status
		withdraw --db "$copy" --as bruno 100
		withdraw --db "$copy" --as bruno 100
		withdraw --db "$copy" --as bruno 100 || echo "refused: $?"
		sla-check --db "$copy" || echo "sla-check: $?"
		report-export --db "$copy" entries
	} 2>&1
	book_drop "$copy"
}
TZ=UTC scenario >"$T/utc"
TZ=Pacific/Kiritimati scenario >"$T/kiritimati"
unset TZ
scenario >"$T/unset"
cmp -s "$T/utc" "$T/kiritimati" && ok "UTC and Kiritimati callers see the same" || not_ok "UTC and Kiritimati callers see the same" "$(diff "$T/utc" "$T/kiritimati" | head)"
cmp -s "$T/utc" "$T/unset" && ok "a caller without TZ sees the same" || not_ok "a caller without TZ sees the same" "$(diff "$T/utc" "$T/unset" | head)"
grep -q '^1,1,bruno,2026-12-01,60,' "$T/utc" && ok "the entry is dated in the book's zone" || not_ok "the entry is dated in the book's zone" "$(grep bruno "$T/utc")"
grep -q 'has not ended' "$T/utc" && not_ok "November has ended in Rome" "$(cat "$T/utc")" || ok "November has ended in Rome"
grep -q 'refused: 1' "$T/utc" && ok "the third request of December is over the limit" || not_ok "the third request of December is over the limit"
export TZ=Europe/Rome

# An export's days are the book's days too: a task added and commented at
# 00:30 on 1 December in Rome (23:30 UTC on 30 November) is December's in
# --month, --from and --to, whatever the caller's TZ.
HOURBOOK_NOW=2026-11-30T23:30:00Z task-add -q --project blog "Late" >/dev/null	# 2
HOURBOOK_NOW=2026-11-30T23:30:00Z comment -q -m "Past midnight" 2 >/dev/null
exports() {
	echo "december comments: $(report-export comments --month 2026-12 --no-header | cut -d, -f1,2 | paste -sd' ' -)"
	echo "november comments: $(report-export comments --month 2026-11 --no-header | cut -d, -f1,2 | paste -sd' ' -)"
	echo "december events: $(report-export events --from 2026-12-01 --to 2026-12-31 --no-header | cut -d, -f4,5 | grep "^task," | sort -u | paste -sd' ' -)"
	echo "december activities: $(report-export activities --month 2026-12 --no-header | cut -d, -f1 | paste -sd' ' -)"
	echo "november activities: $(report-export activities --month 2026-11 --no-header | cut -d, -f1 | paste -sd' ' -)"
}
TZ=UTC exports >"$T/exports-utc"
TZ=Pacific/Kiritimati exports >"$T/exports-kiritimati"
cmp -s "$T/exports-utc" "$T/exports-kiritimati" && ok "exports by day: the caller's TZ does not matter" || not_ok "exports by day: the caller's TZ does not matter" "$(diff "$T/exports-utc" "$T/exports-kiritimati")"
expect_eq "exports by day: the days of the book's zone" "december comments: 1,2
november comments: 
december events: task,2
december activities: 2
november activities: 1" "$(cat "$T/exports-utc")"

# Business hours are the book's: a client's comment at 18:30 on a Friday
# in Rome (17:30 UTC, inside the support hours of a UTC clock) is due for
# a reply two business hours later, at 11:00 on Monday in Rome.
member-add -q --client acme --project blog ana >/dev/null
task-add -q --project blog "Question" >/dev/null	# 3
HOURBOOK_NOW=2026-11-27T17:30:00Z comment -q --as ana -m "A question" 3 >/dev/null
for tz in UTC Pacific/Kiritimati; do
	expect_eq "the reply is due in the book's business hours (caller in $tz)" "2026-11-30T10:00:00Z" \
	    "$(TZ=$tz sla-check --rule reply --as-of 2026-11-30T10:30:00Z --no-header | cut -d, -f7)"
done

# Changing the zone changes the decisions, and only through the book.
expect_exit 65 book-config timezone Europe/Roma
expect_err "a bad zone is refused" '"Europe/Roma" is not a known time zone'
expect_exit 65 book-config timezone CET-1CEST
expect_exit 0 book-config timezone UTC
HOURBOOK_NOW=2026-11-30T23:30:00Z expect_exit 0 hours-log --as bruno 1 1h
expect_eq "in UTC it is still 30 November" 2026-11-30 "$(sed -n 2p "$T/out" | cut -d, -f4)"
expect_eq "the change is in the event log" "Europe/Rome UTC" "$(sql "SELECT old || ' ' || new FROM event WHERE entity = 'setting' AND key = 'timezone'")"

# A bad TZ when a book is made is refused before anything is made.
mars=$(book_new mars)
TZ=Mars/Olympus HOURBOOK_DB="$mars" expect_exit 64 client-add x
expect_err "the creator's TZ must be a zone name" 'TZ: "Mars/Olympus" is not a known time zone'
book_exists "$mars" && not_ok "no book made" || ok "no book made"
utc=$(book_new utc)
env -u TZ HOURBOOK_DB="$utc" client-add -q x >/dev/null
expect_eq "no TZ: UTC" UTC "$(book-config --db "$utc" timezone)"
# The last date a filter takes is the end of time, not a day past it.
for kind in comments events withdrawals activities; do
	expect_exit 0 report-export --db "$utc" "$kind" --to 9999-12-31
done

finish
