# Sales-share agreements (project-add, project-set) and the client's
# monthly sales figures (sales-log): terms as a history by month, figures
# as a ledger with reversals, and the refusals of issue 20.
. "$(dirname "$0")/lib.sh"
export HOURBOOK_NOW=2026-10-05T10:00:00Z HOURBOOK_USER=maria

client-add -q acme >/dev/null
member-add -q --role staff maria >/dev/null
member-add -q --client acme ana >/dev/null
member-add -q --rate 20 bruno >/dev/null
client-add -q beta >/dev/null
member-add -q --client beta bea >/dev/null

# ---- terms ------------------------------------------------------------------
expect_exit 0 project-add --client acme --minimum-fee 500 --kpi-units 10 \
    --share 10 --share-from 2026-06 shop
expect_eq "the terms on the project's row" "500.00,10,,10,,2026-06" \
    "$(sed -n 2p "$T/out" | cut -d, -f11-16)"
expect_exit 0 project-add --client acme --minimum-fee 200 --kpi-revenue 5000 \
    --share 5% --share-cap 300 mag
expect_eq "by revenue, capped, from this month (October)" "200.00,,5000.00,5,300.00,2026-10" \
    "$(sed -n 2p "$T/out" | cut -d, -f11-16)"
expect_exit 0 project-add --client acme web
expect_eq "no agreement: empty" ",,,,," "$(sed -n 2p "$T/out" | cut -d, -f11-16)"
expect_exit 64 project-add --client acme --minimum-fee 1 --kpi-units 1 --kpi-revenue 1 --share 1 x
expect_exit 64 project-add --client acme --minimum-fee 100 --kpi-units 1 y
expect_err "an agreement needs its three terms" "an agreement needs a minimum_fee, a threshold (kpi_units or kpi_revenue) and a share"
expect_exit 65 project-add --client acme --minimum-fee 100 --kpi-units 1 --share 101 y
expect_err "a share is at most 100%" "a share is at most 100%"
expect_exit 65 project-add --client acme --minimum-fee 100 --kpi-units 1 --share 10 --share-from 2026-13 y
expect_eq "nothing half-made" "0" "$(sql "SELECT count(*) FROM project WHERE code IN ('x', 'y')")"

# A change from a month on; the terms not given are those in force then.
expect_exit 0 project-set --share 12 --share-from 2026-09 --reason "renewal" shop
expect_eq "12% from September" "500.00,10,,12,,2026-09" "$(sed -n 2p "$T/out" | cut -d, -f11-16)"
expect_eq "the history" "2026-06|50000|units|10|1000|
2026-09|50000|units|10|1200|" \
    "$(sql "SELECT from_month, minimum, kpi, threshold, percent, cap FROM sales_share s JOIN project j ON j.id = s.project_id WHERE j.code = 'shop' ORDER BY from_month")"
expect_eq "in the event log, with the old terms" "500.00 a month + 10% of the revenue of the units above 10|500.00 a month + 12% of the revenue of the units above 10 from 2026-09|renewal" \
    "$(sql "SELECT old, new, reason FROM event WHERE entity = 'project' AND key = 'shop' AND what = 'sales_share' AND reason IS NOT NULL")"
expect_exit 64 project-set --share 11 --reason x shop
expect_err "a change needs its month" "need the month they hold from"
expect_exit 64 project-set --share 11 --share-from 2026-11 shop
expect_err "and a reason" "--reason TEXT is required"
expect_exit 64 project-set --share-from 2026-11 --reason x shop
expect_exit 64 project-set --no-share --share 3 --share-from 2026-11 --reason x shop
# A month back to the terms before it leaves no step behind.
expect_exit 0 project-set --share 10 --share-from 2026-09 --reason "back" shop
expect_eq "the September step went" "2026-06" \
    "$(sql "SELECT from_month FROM sales_share s JOIN project j ON j.id = s.project_id WHERE j.code = 'shop' ORDER BY from_month")"
# The whole terms given: a cap not given is none.
expect_exit 0 project-set --share-cap 250 --share-from 2026-11 --reason "cap" mag
expect_exit 0 project-set --minimum-fee 200 --kpi-revenue 5000 --share 5 --share-from 2026-12 --reason "no cap" mag
expect_eq "the cap taken away" "200.00,,5000.00,5,,2026-12" "$(sed -n 2p "$T/out" | cut -d, -f11-16)"
expect_exit 0 project-set --no-share --share-from 2027-03 --reason "contract over" mag
expect_eq "ended: no terms on the row" ",,,,," "$(sed -n 2p "$T/out" | cut -d, -f11-16)"
# The projects export fed back changes nothing.
report-export projects >"$T/projects.csv"
state=$(book_state)
expect_exit 0 project-set --reason "fed back" --csv "$T/projects.csv"
expect_eq "the export fed back writes nothing" "$state" "$(book_state)"
expect_exit 1 project-set --as bruno --share 3 --share-from 2027-01 --reason x shop
expect_err "only staff" "only staff"

# ---- figures ----------------------------------------------------------------
expect_exit 0 sales-log --project shop --month 2026-06 --units 9 --revenue 900 --note "first report"
expect_out "a row of figures" <<'OUT'
sales,project,month,units,revenue,currency,note,reverses,reason,actor,created
1,shop,2026-06,9,900.00,EUR,first report,,,maria,2026-10-05T10:00:00Z
OUT
expect_exit 1 sales-log --project shop --month 2026-06 --units 8 --revenue 800
expect_err "one standing row a month" "shop has figures for 2026-06 already (sales 1): a correction reverses them first (sales-log --reverse 1)"
expect_exit 0 sales-log --reverse 1 --reason "counted a return"
expect_out "the reversal: the figures negated" <<'OUT'
sales,project,month,units,revenue,currency,note,reverses,reason,actor,created
2,shop,2026-06,-9,-900.00,EUR,,1,counted a return,maria,2026-10-05T10:00:00Z
OUT
expect_exit 1 sales-log --reverse 1
expect_err "reversed once" "sales 1 is reversed already (by sales 2)"
expect_exit 1 sales-log --reverse 2
expect_err "a reversal is not reversed" "sales 2 reverses sales 1"
expect_exit 66 sales-log --reverse 99
expect_exit 0 sales-log --as ana --project shop --month 2026-06 --units 8 --revenue 800
expect_eq "the client's person records its figures" "3,shop,2026-06,8,800.00" "$(sed -n 2p "$T/out" | cut -d, -f1-5)"
expect_eq "the month's figures: the sum of its rows" "8|80000" \
    "$(sql "SELECT sum(units), sum(revenue) FROM sales WHERE month = '2026-06'")"
expect_exit 1 sales-log --as bruno --project shop --month 2026-07 --units 1 --revenue 1
expect_err "a freelancer may not" "may not record the sales of shop"
expect_exit 1 sales-log --as bea --project shop --month 2026-07 --units 1 --revenue 1
expect_err "nor another client's person" "may not record the sales of shop"
expect_exit 1 sales-log --project shop --month 2026-10 --units 1 --revenue 1
expect_err "a month not ended" "2026-10 has not ended yet (its last day is 2026-10-31)"
expect_exit 1 sales-log --project shop --month 2026-05 --units 1 --revenue 1
expect_err "a month before the agreement" "shop has no sales-share agreement in force in 2026-05"
expect_exit 1 sales-log --project web --month 2026-09 --units 1 --revenue 1
expect_exit 66 sales-log --project nope --month 2026-09 --units 1 --revenue 1
expect_exit 65 sales-log --project shop --month 2026-07 --units -1 --revenue 1
expect_exit 65 sales-log --project shop --month 2026-07 --units 1 --revenue 1.234
expect_exit 64 sales-log --project shop --month 2026-07 --units 1
expect_exit 64 sales-log --reverse 3 --units 1

# Many months from CSV: all or nothing, and once.
printf 'month,units,revenue,note\n2026-07,10,1000,\n2026-08,24,4800,july and august\n' >"$T/months.csv"
expect_exit 0 sales-log --project shop --csv "$T/months.csv"
expect_eq "two rows" "4 5" "$(csv_col sales <"$T/out" | paste -sd' ' -)"
expect_exit 1 sales-log --project shop --csv "$T/months.csv"
printf 'project,month,units,revenue\nshop,2026-09,3,300\nshop,2026-09,4,400\n' >"$T/twice.csv"
state=$(book_state)
expect_exit 1 sales-log --csv "$T/twice.csv"
expect_err "the second row of a month" "twice.csv:3"
expect_eq "the batch wrote nothing" "$state" "$(book_state)"

finish
