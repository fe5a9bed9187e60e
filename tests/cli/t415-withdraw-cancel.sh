# withdraw --cancel: a request still requested is cancelled by its person
# (or staff): its money returns to the balance and it does not count
# against withdraw.per_month; a paid, rejected or cancelled one is refused;
# the event log holds the change with its actor and reason.
. "$(dirname "$0")/lib.sh"
export HOURBOOK_NOW=2026-11-27T10:00:00Z	# a Friday

client-add acme >/dev/null
project-add --client acme --model self-service blog >/dev/null
member-add --role staff maria >/dev/null
export HOURBOOK_USER=maria
member-add --rate 30 --project blog eli >/dev/null
member-add --rate 20 --project blog fabio >/dev/null
task-add --project blog --assign eli --fee 600 "Post" >/dev/null
task-set --start 1 >/dev/null; task-set --deliver 1 >/dev/null; task-set --accept 1 >/dev/null

status_of() { withdraw --status --no-header --person "$1" | cut -d, -f"$2"; }

expect_exit 0 withdraw --as eli 200
expect_exit 0 withdraw --as eli 100
expect_eq "two requests: 300.00 left, none left this month" "300.00 0" "$(status_of eli 3) $(status_of eli 7)"
withdraw --status --person eli >"$T/status-before" 2>/dev/null

# Its person cancels it: the money returns and a request is possible again.
expect_exit 0 withdraw --as eli --cancel 2 --reason "asked the wrong amount"
expect_out "the cancelled request, as withdraw prints it" <<'OUT'
withdrawal,person,amount,currency,status,requested,due,decided,reason,key
2,eli,100.00,EUR,cancelled,2026-11-27T10:00:00Z,2026-12-04,2026-11-27,asked the wrong amount,
OUT
expect_eq "the money is back, and the request does not count" "400.00 200.00 1 yes" "$(status_of eli 3) $(status_of eli 4) $(status_of eli 7) $(status_of eli 9)"
expect_eq "in the event log: actor, old, new, reason" "eli|requested|cancelled|asked the wrong amount" "$(sql "SELECT actor, old, new, reason FROM event WHERE entity = 'withdrawal' AND key = '2' AND new = 'cancelled'")"
expect_exit 0 report-export events
grep -q ',eli,withdrawal,2,status,requested,cancelled,asked the wrong amount$' "$T/out" && ok "report-export events shows the cancel" || not_ok "report-export events shows the cancel" "$(tail -3 "$T/out")"

# Twice, or once it is decided: refused, exit 1.
expect_exit 1 withdraw --as eli --cancel 2
expect_err "cancelling twice" "withdrawal 2 is already cancelled"
expect_exit 0 withdraw --pay 1
expect_exit 1 withdraw --as eli --cancel 1
expect_err "a paid one stays paid" "withdrawal 1 is already paid"
expect_exit 0 withdraw --as eli 100
expect_exit 0 withdraw --reject 3 --reason "bank details missing"
expect_exit 1 withdraw --cancel 3
expect_err "a rejected one stays rejected" "withdrawal 3 is already rejected"
expect_exit 1 withdraw --pay 2
expect_err "a cancelled one is not paid" "withdrawal 2 is already cancelled"
expect_exit 1 withdraw --reject 2 --reason late
expect_exit 66 withdraw --cancel 99
expect_err "a missing one" "withdrawal 99 does not exist"

# Only its person or staff.
hours-log --person fabio --date 2026-11-26 1 10h >/dev/null
expect_exit 0 withdraw --as fabio 150
expect_exit 1 withdraw --as eli --cancel 4
expect_err "someone else's request" "eli (freelancer) may not cancel withdrawal 4 of fabio: only its person or staff"
expect_eq "still requested" "requested" "$(withdraw --list --person fabio --no-header | cut -d, -f5)"
# Staff may, and without a reason.
expect_exit 0 withdraw --cancel 4
expect_eq "cancelled by staff, no reason" "maria|cancelled|" "$(sql "SELECT actor, new, reason FROM event WHERE entity = 'withdrawal' AND key = '4' AND new = 'cancelled'")"
expect_eq "fabio's balance whole again" "200.00" "$(status_of fabio 3)"

# Usage: --reason goes with --reject or --cancel; one mode at a time.
expect_exit 64 withdraw --cancel --pay 1
expect_exit 64 withdraw --reason x 100
expect_err "reason's modes" "--reason goes with --reject or --cancel"
expect_exit 64 withdraw --cancel --person eli 4
expect_exit 64 withdraw --cancel

# --dry-run writes nothing; a batch cancels all or nothing.
expect_exit 0 withdraw --as fabio 100
expect_exit 0 withdraw --as fabio --dry-run --cancel 5
expect_eq "dry run: still requested" "requested" "$(sql "SELECT coalesce(o.outcome, 'requested') FROM withdrawal w LEFT JOIN withdrawal_outcome o ON o.withdrawal_id = w.id WHERE w.id = 5")"
printf 'withdrawal,reason\n5,changed my mind\n2,again\n' | expect_exit 1 withdraw --as fabio --cancel --csv -
expect_err "the bad row is named" "stdin:3"
expect_eq "batch all or nothing" "requested" "$(sql "SELECT coalesce(o.outcome, 'requested') FROM withdrawal w LEFT JOIN withdrawal_outcome o ON o.withdrawal_id = w.id WHERE w.id = 5")"
printf 'withdrawal,reason\n5,changed my mind\n' | expect_exit 0 withdraw --as fabio --cancel --csv -
expect_eq "cancelled from CSV" "cancelled|changed my mind" "$(sql "SELECT o.outcome, o.reason FROM withdrawal_outcome o WHERE o.withdrawal_id = 5")"

# Earlier figures: the paid one and its day unchanged; the SLA sees no
# payout due for cancelled requests; the ledgers agree.
expect_exit 0 withdraw --list --person eli
expect_out "eli's withdrawals" <<'OUT'
withdrawal,person,amount,currency,status,requested,due,decided,reason,key
1,eli,200.00,EUR,paid,2026-11-27T10:00:00Z,2026-12-04,2026-11-27,,
2,eli,100.00,EUR,cancelled,2026-11-27T10:00:00Z,2026-12-04,2026-11-27,asked the wrong amount,
3,eli,100.00,EUR,rejected,2026-11-27T10:00:00Z,2026-12-04,2026-11-27,bank details missing,
OUT
HOURBOOK_NOW=2026-12-10T10:00:00Z expect_exit 0 sla-check --rule withdrawal-late --no-header
expect_empty_out "no late payout for cancelled requests"
expect_exit 0 book-check

finish
