# billing-run: invoices once per project, month and package; golden values.
. "$(dirname "$0")/lib.sh"
export HOURBOOK_NOW=2026-09-01T10:00:00Z

client-add acme >/dev/null
project-add --client acme --rate 60 --penalty 10,2 web >/dev/null
member-add --project web bruno >/dev/null
package-add -q --project web --hours 10 --plan monthly --months 3 >/dev/null
package-set -q --invoiced --date 2026-09-01 1 >/dev/null
HOURBOOK_NOW=2026-09-02T10:00:00Z package-set -q --paid 1 >/dev/null
task-add -q --project web --assign bruno --estimate 1000m --due 2026-09-25 --rigid "Launch" >/dev/null
HOURBOOK_NOW=2026-09-20T10:00:00Z hours-log -q --person bruno --overdraft 1 11h >/dev/null
HOURBOOK_NOW=2026-09-30T10:00:00Z task-set -q --deliver 1 >/dev/null

bill() { HOURBOOK_NOW=$1 billing-run --month "$2"; }

# September: the fee of month 1 (invoiced by hand on 1 September), the fee
# of month 2 (October: a monthly plan's next month is invoiced with the
# month before it, so it can be paid before it starts), the overage (11 h
# logged, 10 h loaded: 1 h), the penalty (10% + 2% x 3 days on 1,000.00).
HOURBOOK_NOW=2026-10-01T06:00:00Z expect_exit 0 billing-run --month 2026-09
expect_out "september invoice" <<'OUT'
invoice,client,project,package,period,line,kind,description,quantity_minutes,unit_price,amount,currency
1,acme,web,1,2026-09,1,fee,"package 1, monthly plan: month 1 of 3 (2026-09), 10:00 h",600,360.00,360.00,EUR
1,acme,web,1,2026-09,2,fee,"package 1, monthly plan: month 2 of 3 (2026-10), 10:00 h",600,360.00,360.00,EUR
1,acme,web,1,2026-09,3,overage,overage at the standard rate: 1:00 h,60,60.00,60.00,EUR
1,acme,web,1,2026-09,4,penalty,"late delivery of task 1 ""Launch"": 16% of 1000.00 (3 business days late)",,1000.00,-160.00,EUR
OUT
cp "$T/out" "$T/first"
rows=$(sql 'SELECT count(*) FROM invoice_line')
HOURBOOK_NOW=2026-10-02T06:00:00Z expect_exit 0 billing-run --month 2026-09
cmp -s "$T/first" "$T/out" && ok "a second run prints the same lines" || not_ok "a second run prints the same lines"
expect_eq "and writes nothing" "$rows" "$(sql 'SELECT count(*) FROM invoice_line')"
# Work logged late for a billed month does not change its invoice.
HOURBOOK_NOW=2026-10-02T10:00:00Z hours-log -q --person bruno --date 2026-09-30 --overdraft 1 1h >/dev/null
HOURBOOK_NOW=2026-10-02T11:00:00Z expect_exit 0 billing-run --month 2026-09
cmp -s "$T/first" "$T/out" && ok "a billed month stays as billed" || not_ok "a billed month stays as billed"

expect_eq "the run invoiced month 2" "2" "$(sql 'SELECT count(*) FROM package_invoice')"
expect_eq "month 2 awaits its payment" "yes" "$(HOURBOOK_NOW=2026-10-01T07:00:00Z report-export balances | csv_col awaiting_payment)"

# October: month 3 (November) is invoiced by the run itself.
HOURBOOK_NOW=2026-10-05T10:00:00Z package-set -q --paid 1 >/dev/null
HOURBOOK_NOW=2026-10-15T10:00:00Z expect_exit 1 billing-run --month 2026-10
expect_err "an open month needs --force" "2026-10 has not ended yet (its last day is 2026-10-31): give --force"
HOURBOOK_NOW=2026-10-15T10:00:00Z expect_exit 0 billing-run --month 2026-10 --dry-run --force
expect_eq "dry run shows month 3" "month 3 of 3" "$(grep -o 'month 3 of 3' "$T/out")"
expect_eq "dry run writes nothing" 1 "$(sql 'SELECT count(*) FROM invoice')"
HOURBOOK_NOW=2026-11-01T06:00:00Z expect_exit 0 billing-run --month 2026-10
expect_eq "october: month 3's fee" "2,acme,web,1,2026-10,1,fee,\"package 1, monthly plan: month 3 of 3 (2026-11)" "$(sed -n 2p "$T/out" | cut -d, -f1-9)"
expect_eq "the run invoiced the period" "3" "$(sql 'SELECT count(*) FROM package_invoice')"
HOURBOOK_NOW=2026-11-05T10:00:00Z package-set -q --paid 1 >/dev/null
HOURBOOK_NOW=2026-12-01T06:00:00Z expect_exit 0 billing-run --month 2026-11
expect_eq "no fourth month on a three-month plan" "1" "$(wc -l <"$T/out" | tr -d ' ')"
HOURBOOK_NOW=2027-01-01T06:00:00Z expect_exit 0 billing-run --month 2026-12
expect_eq "nor later" "1" "$(wc -l <"$T/out" | tr -d ' ')"
expect_eq "three months billed" "360.00 360.00 360.00" "$(sql "SELECT amount FROM invoice_line WHERE kind = 'fee' ORDER BY invoice_id, line" | awk '{ printf "%d.%02d\n", $1 / 100, $1 % 100 }' | paste -sd' ' -)"

# Two runs at once make one set of invoices.
project-add -q --client acme --rate 50 shop >/dev/null
package-add -q --project shop --hours 5 >/dev/null
HOURBOOK_NOW=2026-12-10T10:00:00Z package-set -q --invoiced 2 >/dev/null
HOURBOOK_NOW=2027-01-02T06:00:00Z billing-run --month 2026-12 >"$T/a" 2>&1 &
HOURBOOK_NOW=2027-01-02T06:00:00Z billing-run --month 2026-12 >"$T/b" 2>&1 &
wait
cmp -s "$T/a" "$T/b" && ok "both runs print the same" || not_ok "both runs print the same" "$(diff "$T/a" "$T/b")"
expect_eq "one invoice for december" 1 "$(sql "SELECT count(*) FROM invoice WHERE period = '2026-12'")"

# A lapsing monthly package loses the month's unused hours when the month
# ends, whether billing-run ran or not; billing-run records no lapse.
project-add -q --client acme --rate 40 care >/dev/null
package-add -q --project care --hours 10 --plan monthly --months 3 --lapse >/dev/null
HOURBOOK_NOW=2026-12-01T10:00:00Z package-set -q --invoiced 3 >/dev/null
HOURBOOK_NOW=2026-12-01T10:00:00Z package-set -q --paid 3 >/dev/null
expect_eq "on 31 December nothing has lapsed" "600 0" "$(HOURBOOK_NOW=2026-12-31T10:00:00Z report-export balances --package 3 | csv_col loaded_minutes) $(HOURBOOK_NOW=2026-12-31T10:00:00Z report-export balances --package 3 | csv_col lapsed_minutes)"
expect_eq "on 1 January the unused 10 h have lapsed, before any billing" "600 0" "$(HOURBOOK_NOW=2027-01-01T10:00:00Z report-export balances --package 3 | csv_col lapsed_minutes) $(HOURBOOK_NOW=2027-01-01T10:00:00Z report-export balances --package 3 | csv_col available_minutes)"
HOURBOOK_NOW=2027-01-03T06:00:00Z expect_exit 0 billing-run --month 2026-12
expect_eq "billing-run writes no lapse" 0 "$(sql "SELECT count(*) FROM hours_ledger WHERE kind = 'lapse' AND package_id = 3")"
expect_eq "and the figures are the same after it" "600 0 yes" "$(HOURBOOK_NOW=2027-01-03T07:00:00Z report-export balances --package 3 | csv_col lapsed_minutes) $(HOURBOOK_NOW=2027-01-03T07:00:00Z report-export balances --package 3 | csv_col available_minutes) $(HOURBOOK_NOW=2027-01-03T07:00:00Z report-export balances --package 3 | csv_col awaiting_payment)"

# The invoices as an export.
expect_exit 0 report-export invoices --month 2026-09
expect_eq "invoices export" "$(sed 1d "$T/first")" "$(sed 1d "$T/out")"
expect_exit 64 billing-run
expect_exit 65 billing-run --month 2026-13

finish
