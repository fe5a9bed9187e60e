# Earnings and withdrawals: the rules, with golden values.
. "$(dirname "$0")/lib.sh"
export HOURBOOK_NOW=2026-11-27T10:00:00Z	# a Friday

client-add acme >/dev/null
project-add --client acme --model self-service blog >/dev/null
member-add --role staff maria >/dev/null
export HOURBOOK_USER=maria
member-add --rate 30 --project blog eli >/dev/null
member-add --rate 20 --project blog fabio >/dev/null
task-add --project blog --assign eli --fee 400 "Post" >/dev/null
task-set --start 1 >/dev/null; task-set --deliver 1 >/dev/null

status_of() { withdraw --status --no-header --person "$1" | cut -d, -f"$2"; }

# Earnings: a fee when the task is done, logged minutes at the rate.
expect_eq "no earnings before done" "0.00" "$(status_of eli 3)"
task-set --accept 1 >/dev/null
expect_eq "the fee is earned when done" "400.00" "$(status_of eli 3)"
hours-log --person eli --date 2026-11-26 1 1h30 >/dev/null
expect_eq "time at the rate: 1h30 x 30.00" "445.00" "$(status_of eli 3)"
hours-log --reverse 1 >/dev/null
expect_eq "a reversal debits it" "400.00" "$(status_of eli 3)"
hours-log --person eli --date 2026-11-26 1 1h30 >/dev/null
expect_exit 0 report-export earnings --person eli
expect_out "the earnings ledger" <<'OUT'
person,date,kind,task,entry,minutes,amount,currency
eli,2026-11-26,time,1,1,90,45.00,EUR
eli,2026-11-26,reversal,1,2,-90,-45.00,EUR
eli,2026-11-26,time,1,3,90,45.00,EUR
eli,2026-11-27,fee,1,,,400.00,EUR
OUT

# The minimum: 99.99 refused, exactly 100.00 accepted.
expect_exit 1 withdraw --as eli 99.99
expect_err "below the minimum, with the figures" "below the minimum: 99.99 EUR is less than withdraw.minimum 100.00 EUR"
expect_exit 0 withdraw --as eli 100.00
expect_out "a request on Friday 2026-11-27 is due Friday 2026-12-04" <<'OUT'
withdrawal,person,amount,currency,status,requested,due,decided,reason,key
1,eli,100.00,EUR,requested,2026-11-27T10:00:00Z,2026-12-04,,,
OUT
# A holiday on 2026-12-01 moves the payout one business day.
holiday-add 2026-12-01 "Holiday" >/dev/null
expect_exit 0 withdraw --as eli 100
expect_eq "with the holiday: Monday 2026-12-07" "2026-12-07" "$(csv_col due <"$T/out")"
# The third request of the month is refused; the status says why and when.
expect_exit 1 withdraw --as eli 100
expect_err "limit named" "limit reached: eli made 2 requests in 2026-11 (withdraw.per_month is 2); the next is possible from 2026-12-01"
expect_exit 1 withdraw --status --person eli
expect_out "status explains" <<'OUT'
person,currency,balance,pending,paid_this_month,requests_this_month,requests_left,minimum,possible,reason,next_possible
eli,EUR,245.00,200.00,0.00,2,0,100.00,no,limit reached: 2 requests in 2026-11,2026-12-01
OUT
# Rejected requests do not count, and their money returns.
expect_exit 0 withdraw --reject 2 --reason "bank details missing"
expect_exit 0 withdraw --status --person eli
expect_eq "rejected: the limit and balance recover" "345.00 1 yes" "$(status_of eli 3) $(status_of eli 7) $(status_of eli 9)"
expect_exit 0 withdraw --as eli 100
# Next month, requests are possible again.
expect_exit 0 env HOURBOOK_NOW=2026-12-01T10:00:00Z withdraw --as eli 100

# Paying and rejecting: staff only, once.
expect_exit 1 withdraw --as eli --pay 1
expect_err "staff only" "eli (freelancer) may not pay withdrawals: only staff"
expect_exit 0 withdraw --pay 1
expect_exit 1 withdraw --pay 1
expect_err "paying twice" "withdrawal 1 is already paid"
expect_exit 1 withdraw --pay 2
expect_err "paying a rejected one" "withdrawal 2 is already rejected"
expect_exit 1 withdraw --reject 1 --reason late
expect_exit 64 withdraw --reject 3
expect_err "rejecting needs a reason" "--reject needs --reason TEXT"
expect_exit 66 withdraw --pay 99

# More than the balance.
expect_exit 1 withdraw --as fabio 100
expect_err "more than the balance" "more than the balance: 100.00 EUR requested, 0.00 EUR available"

# --key: a retry returns the first request and makes nothing new.
hours-log --person fabio 1 10h >/dev/null
expect_exit 0 withdraw --as fabio --key pay-nov-1 150
first=$(cat "$T/out")
expect_exit 0 withdraw --as fabio --key pay-nov-1 150
expect_eq "a retry prints the first request" "$first" "$(cat "$T/out")"
expect_err "and says so" "already requested with key \"pay-nov-1\""
expect_eq "nothing new" 1 "$(sql "SELECT count(*) FROM withdrawal WHERE key = 'pay-nov-1'")"
expect_exit 1 withdraw --as fabio --key pay-nov-1 160
expect_err "a key names one request" "\"pay-nov-1\" was used for withdrawal"

# Who may ask: one's own, or staff for anyone; clients have nothing.
expect_exit 1 withdraw --as fabio --person eli --status
expect_exit 1 withdraw --person fabio --status
expect_eq "staff see anyone's status" "fabio,no" "$(sed -n 2p "$T/out" | cut -d, -f1,9)"
HOURBOOK_USER=tester expect_exit 66 withdraw 100
expect_err "the actor must be a person" 'the actor "tester" ($HOURBOOK_USER) is not a person of the book' 
expect_exit 65 withdraw --as eli 1e2
expect_exit 65 withdraw --as eli -- -100
expect_exit 64 withdraw --status --pay 1
expect_exit 64 withdraw --reason x 100
expect_exit 66 withdraw --status --person nobody

# Every change is an event.
expect_eq "withdrawal events" "requested requested paid" "$(sql "SELECT new FROM event WHERE entity = 'withdrawal' AND key IN ('1', '3') ORDER BY id" | paste -sd' ' -)"
expect_exit 0 report-export withdrawals --person eli
expect_eq "the list" "4" "$(sed 1d "$T/out" | wc -l | tr -d ' ')"
expect_exit 0 report-export withdrawals --person eli --month 2026-12
expect_eq "withdrawals of a month" "4" "$(sed 1d "$T/out" | cut -d, -f1)"
expect_exit 0 report-export withdrawals --to 2026-11-30
expect_eq "withdrawals up to a day" "1 2 3 5" "$(sed 1d "$T/out" | cut -d, -f1 | tr '\n' ' ' | sed 's/ $//')"
expect_exit 0 report-export earnings --person eli --from 2026-11-27 --to 2026-11-27
expect_eq "earnings of a period" "eli,2026-11-27,fee,1,,,400.00,EUR" "$(sed 1d "$T/out")"


# A fee and time of one person on one day come in one order on both
# engines: the fee (it has no entry) first.  SQLite sorts a NULL first
# and PostgreSQL last unless the query says which.
task-add -q --project blog --assign fabio --fee 150 "Photo" >/dev/null	# 2
for m in start deliver accept; do task-set -q --"$m" 2 >/dev/null; done
hours-log -q --person fabio 2 30m >/dev/null	# entry 5: 30 min x 20.00
expect_exit 0 report-export earnings --person fabio --from 2026-11-27
expect_out "the fee, then the time" <<'OUT'
person,date,kind,task,entry,minutes,amount,currency
fabio,2026-11-27,fee,2,,,150.00,EUR
fabio,2026-11-27,time,1,4,600,200.00,EUR
fabio,2026-11-27,time,2,5,30,10.00,EUR
OUT


# With withdraw.minimum 0 a zero balance still allows no request: --status
# says so, and a request of 0 is bad input, not a failed constraint.
book-config -q withdraw.minimum 0 >/dev/null
member-add -q --project blog gia >/dev/null
expect_exit 1 withdraw --as gia --status
expect_eq "nothing to withdraw, and no date" "gia,EUR,0.00,0.00,0.00,0,2,0.00,no,nothing to withdraw: the balance is 0.00 (no date makes a request possible without more earnings)," "$(sed 1d "$T/out")"
expect_exit 65 withdraw --as gia 0
expect_err "a request of nothing" "withdraw: amount: must be more than 0"

# A batch of withdrawals moves money: the same batch again is refused,
# naming the first, unless --again (issue 12).  In a book of its own.
(
	HOURBOOK_DB=$(book_new repeat)
	export HOURBOOK_DB
	client-add -q acme >/dev/null
	project-add -q --client acme --model self-service blog >/dev/null
	member-add -q --role staff maria >/dev/null
	member-add -q --rate 30 --project blog eli >/dev/null
	task-add -q --project blog --assign eli --fee 400 "Post" >/dev/null
	for m in start deliver accept; do task-set -q --"$m" 1 >/dev/null; done
	printf 'amount,person\n100,eli\n' >"$T/w.csv"
	expect_exit 0 withdraw --csv "$T/w.csv"
	expect_exit 1 withdraw --csv "$T/w.csv"
	expect_err "a repeated batch of withdrawals" "w.csv: this record was applied already, on 2026-11-27 by maria (batch 1, from $T/w.csv)"
	expect_eq "one withdrawal" 1 "$(sql 'SELECT count(*) FROM withdrawal')"
	expect_exit 0 withdraw --again --csv "$T/w.csv"
	expect_eq "--again lands" 2 "$(sql 'SELECT count(*) FROM withdrawal')"
)

finish
