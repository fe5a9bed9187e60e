# An invoice holds any number of lines: a month with 1,000 late deliveries
# on one project bills 1,000 penalty credits on one invoice, once.
. "$(dirname "$0")/lib.sh"
export HOURBOOK_NOW=2026-09-01T08:00:00Z

client-add -q acme >/dev/null
project-add -q --client acme --rate 60 --penalty 10,2 web >/dev/null
member-add -q --role staff --project web maria >/dev/null
export HOURBOOK_USER=maria
awk 'BEGIN { print "project,title,estimate,due,rigid"
	for (i = 1; i <= 1000; i++) printf "web,Task %d,1h,2026-09-10,yes\n", i }' >"$T/tasks.csv"
task-add -q --csv "$T/tasks.csv" >/dev/null
awk 'BEGIN { print "task"; for (i = 1; i <= 1000; i++) print i }' >"$T/ids.csv"
task-set -q --start --csv "$T/ids.csv" >/dev/null
# Delivered on Monday 2026-09-14: 2 business days after the due date;
# 10% + 2 x 2% = 14% of 60.00 (1 h at the rate) = 8.40 each.
HOURBOOK_NOW=2026-09-14T10:00:00Z task-set -q --deliver --csv "$T/ids.csv" >/dev/null
HOURBOOK_NOW=2026-10-01T06:00:00Z expect_exit 0 billing-run --month 2026-09
expect_eq "1,000 lines" 1000 "$(grep -c ',penalty,' "$T/out")"
expect_eq "one invoice" 1 "$(cut -d, -f1 <"$T/out" | sed 1d | sort -u | wc -l | tr -d ' ')"
expect_eq "each 14% of 60.00" "-8.40" "$(grep ',penalty,' "$T/out" | awk -F, '{ print $(NF - 1) }' | sort -u)"
expect_eq "numbered 1 to 1000" "1 1000" "$(sed 1d "$T/out" | cut -d, -f6 | sort -n | sed -n '1p;$p' | tr '\n' ' ' | sed 's/ $//')"
cp "$T/out" "$T/first"
HOURBOOK_NOW=2026-10-02T06:00:00Z expect_exit 0 billing-run --month 2026-09
cmp -s "$T/first" "$T/out" && ok "a second run prints the same 1,000 lines" || not_ok "a second run prints the same 1,000 lines"
expect_eq "and writes none" 1000 "$(sql 'SELECT count(*) FROM invoice_line')"

finish
