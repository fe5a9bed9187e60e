# billing-run bills each sales-share agreement's month once: the minimum
# fee, plus the share of the sales above the threshold with its
# arithmetic; a month without figures at the minimum, which sla-check
# warns about, and its figures when they come late: their share on the
# next month's invoice, once.  Every amount below is worked out by hand.
. "$(dirname "$0")/lib.sh"
export HOURBOOK_NOW=2026-10-05T10:00:00Z HOURBOOK_USER=maria

client-add -q acme >/dev/null
member-add -q --role staff maria >/dev/null
# shop: 500.00 a month + 10% of the revenue of the units beyond 10.
project-add -q --client acme --minimum-fee 500 --kpi-units 10 --share 10 \
    --share-from 2026-06 shop >/dev/null
# store: 300.00 + 15% beyond 5 units, at most 100.00 a month.
project-add -q --client acme --minimum-fee 300 --kpi-units 5 --share 15 \
    --share-cap 100 --share-from 2026-08 store >/dev/null
# club: 100.00 + 50% beyond 1 unit: the roundings.
project-add -q --client acme --minimum-fee 100 --kpi-units 1 --share 50 \
    --share-from 2026-08 club >/dev/null
# mag: 200.00 + 5% of the revenue above 5000.00.
project-add -q --client acme --minimum-fee 200 --kpi-revenue 5000 --share 5 \
    --share-from 2026-07 mag >/dev/null

log() { sales-log -q --project "$1" --month "$2" --units "$3" --revenue "$4" >/dev/null; }
log shop 2026-06 8 800		# below the threshold
log shop 2026-07 10 1000	# at it
log shop 2026-08 24 4800	# above it
log store 2026-08 25 2000	# above it, past the cap
log club 2026-08 2 100.01	# above it, two halves to round
log mag 2026-07 3 5000		# at a revenue threshold
log mag 2026-08 12 8000		# above it
# September: shop's figures are missing.

bill() { billing-run --month "$1"; }

# Before billing: mag's months from July, their figures and what they
# will bill (July: 5000.00 is not above 5000.00; August: 200.00 + 5% of
# 3000.00 = 350.00); September has none yet, its total unknown.
expect_exit 0 report-export sales --project mag
expect_out "recorded and missing months" <<'OUT'
project,client,month,minimum_fee,kpi_units,kpi_revenue,share,share_cap,units,revenue,revenue_above,share_amount,total,currency,status,invoice,share_invoice
mag,acme,2026-07,200.00,,5000.00,5,,3,5000.00,0.00,0.00,200.00,EUR,recorded,,
mag,acme,2026-08,200.00,,5000.00,5,,12,8000.00,3000.00,150.00,350.00,EUR,recorded,,
mag,acme,2026-09,200.00,,5000.00,5,,,,,,,EUR,missing,,
OUT

# June: 8 units are below 10: the minimum alone.
expect_exit 0 bill 2026-06
expect_out "below the threshold: the minimum fee alone" <<'OUT'
invoice,client,project,package,period,line,kind,description,quantity_minutes,unit_price,amount,currency
1,acme,shop,,2026-06,1,minimum,"sales-share minimum fee for 2026-06: sales 8 units, 800.00 (the share starts above 10 units)",,500.00,500.00,EUR
OUT

# July: 10 units are not above 10: the minimum alone; mag's 5000.00 are
# not above 5000.00 either.
expect_exit 0 bill 2026-07
expect_out "at the threshold: the minimum fee alone" <<'OUT'
invoice,client,project,package,period,line,kind,description,quantity_minutes,unit_price,amount,currency
2,acme,shop,,2026-07,1,minimum,"sales-share minimum fee for 2026-07: sales 10 units, 1000.00 (the share starts above 10 units)",,500.00,500.00,EUR
3,acme,mag,,2026-07,1,minimum,"sales-share minimum fee for 2026-07: sales 3 units, 5000.00 (the share starts above 5000.00)",,200.00,200.00,EUR
OUT

# August:
# shop: 24 units, 14 beyond 10: base 4800.00 x 14 / 24 = 2800.00; 10% of
#   it is 280.00; no cap.
# store: 25 units, 20 beyond 5: base 2000.00 x 20 / 25 = 1600.00; 15% is
#   240.00, held to the cap, 100.00.
# club: 2 units, 1 beyond 1: base 100.01 x 1 / 2 = 50.005, half-up 50.01;
#   50% of 50.01 is 25.005, half-up 25.01.
# mag: 8000.00 - 5000.00 = 3000.00 above; 5% is 150.00.
expect_exit 0 bill 2026-08
expect_out "above the threshold: the minimum and the share" <<'OUT'
invoice,client,project,package,period,line,kind,description,quantity_minutes,unit_price,amount,currency
4,acme,shop,,2026-08,1,minimum,"sales-share minimum fee for 2026-08: sales 24 units, 4800.00",,500.00,500.00,EUR
4,acme,shop,,2026-08,2,share,"sales share for 2026-08: 10% of 2800.00, the revenue of the 14 units above 10 (4800.00 x 14 / 24)",,2800.00,280.00,EUR
5,acme,store,,2026-08,1,minimum,"sales-share minimum fee for 2026-08: sales 25 units, 2000.00",,300.00,300.00,EUR
5,acme,store,,2026-08,2,share,"sales share for 2026-08: 15% of 1600.00, the revenue of the 20 units above 5 (2000.00 x 20 / 25) = 240.00, capped at 100.00",,1600.00,100.00,EUR
6,acme,club,,2026-08,1,minimum,"sales-share minimum fee for 2026-08: sales 2 units, 100.01",,100.00,100.00,EUR
6,acme,club,,2026-08,2,share,"sales share for 2026-08: 50% of 50.01, the revenue of the 1 unit above 1 (100.01 x 1 / 2)",,50.01,25.01,EUR
7,acme,mag,,2026-08,1,minimum,"sales-share minimum fee for 2026-08: sales 12 units, 8000.00",,200.00,200.00,EUR
7,acme,mag,,2026-08,2,share,"sales share for 2026-08: 5% of 3000.00, the revenue above 5000.00 (8000.00 - 5000.00)",,3000.00,150.00,EUR
OUT
cp "$T/out" "$T/august"

# Billing twice: nothing new, the same lines.
rows=$(sql 'SELECT count(*) FROM invoice_line')
HOURBOOK_NOW=2026-10-06T10:00:00Z expect_exit 0 bill 2026-08
cmp -s "$T/august" "$T/out" && ok "a second run prints the same lines" || not_ok "a second run prints the same lines" "$(diff "$T/august" "$T/out")"
expect_eq "and writes nothing" "$rows" "$(sql 'SELECT count(*) FROM invoice_line')"
expect_empty_out_err() { [ ! -s "$T/err" ] && ok "$1" || not_ok "$1" "$(cat "$T/err")"; }
expect_empty_out_err "and warns of nothing"

# A billed month keeps its figures and its terms.
expect_exit 1 sales-log --project shop --month 2026-08 --units 30 --revenue 6000
expect_err "no figures for a billed month" "2026-08 of shop is billed already (invoice 4 billed its figures): they no longer change"
expect_exit 1 sales-log --reverse 3
expect_err "nor a reversal" "billed already"
expect_exit 1 project-set --share 20 --share-from 2026-08 --reason x shop
expect_err "nor new terms" "shop: 2026-08 is billed already: its terms stay as billed; new terms can hold from 2026-09 on"

# September: shop has no figures.  sla-check warns from 1 October until
# the month is billed; the other agreements' months pass when they have
# figures.
log store 2026-09 1 10
expect_exit 0 sla-check --rule sales-missing --project shop
expect_out "a month without figures: a warning" <<'OUT'
rule,severity,entity,key,project,since,due,message
sales-missing,warning,sales,2026-09,shop,2026-10-01,2026-10-01,"shop has no sales figures for 2026-09: ask the client (sales-log --project shop --month 2026-09), or billing-run bills the month at the minimum fee"
OUT
expect_exit 0 sla-check --rule sales-missing --project store --format tap
expect_out "a month with figures passes" <<'OUT'
TAP version 13
1..1
ok 1 - sales-missing sales 2026-09 (store)
OUT
HOURBOOK_NOW=2026-09-30T10:00:00Z expect_exit 0 sla-check --rule sales-missing --project shop
expect_eq "not before the month has ended" "1" "$(wc -l <"$T/out" | tr -d ' ')"

# Billed without its figures: the minimum, and a warning.
expect_exit 0 billing-run --month 2026-09
expect_eq "the minimum alone, saying why" '8,acme,shop,,2026-09,1,minimum,"sales-share minimum fee for 2026-09: no sales figures, billed at the minimum",,500.00,500.00,EUR' \
    "$(grep ',shop,' "$T/out")"
expect_err "a warning names the project" "2026-09: project shop has no sales figures for the month: its sales share is billed at the minimum fee"
expect_exit 0 sla-check --rule sales-missing --project shop
expect_out "billed at the minimum: still missing, to ask for" <<'OUT'
rule,severity,entity,key,project,since,due,message
sales-missing,warning,sales,2026-09,shop,2026-10-01,2026-10-01,"shop has no sales figures for 2026-09, billed at the minimum fee (invoice 8): ask the client (sales-log --project shop --month 2026-09); the next billing-run bills its share"
OUT

# The export: each month's terms, figures, share and invoice.  shop's
# August: 500.00 + 280.00 = 780.00; its September billed at the minimum.
# store's August: 300.00 + 100.00 (capped) = 400.00; its September: 1
# unit is not above 5, 300.00 alone.
expect_exit 0 report-export sales --project shop
expect_out "the sales export" <<'OUT'
project,client,month,minimum_fee,kpi_units,kpi_revenue,share,share_cap,units,revenue,revenue_above,share_amount,total,currency,status,invoice,share_invoice
shop,acme,2026-06,500.00,10,,10,,8,800.00,0.00,0.00,500.00,EUR,billed,1,
shop,acme,2026-07,500.00,10,,10,,10,1000.00,0.00,0.00,500.00,EUR,billed,2,
shop,acme,2026-08,500.00,10,,10,,24,4800.00,2800.00,280.00,780.00,EUR,billed,4,
shop,acme,2026-09,500.00,10,,10,,,,,0.00,500.00,EUR,billed-at-minimum,8,
OUT
expect_exit 0 report-export sales --client acme --month 2026-09
expect_eq "a month of every agreement" "club billed-at-minimum
mag billed-at-minimum
shop billed-at-minimum
store billed" "$(awk -F, 'NR > 1 { print $1, $15 }' "$T/out")"
expect_eq "store's September: the minimum alone" "1,10.00,0.00,0.00,300.00" \
    "$(grep '^store,' "$T/out" | cut -d, -f9,10,11,12,13)"

# A month not ended is not billed under an agreement, even forced.
expect_exit 0 billing-run --month 2026-10 --force
expect_err "not ended: not billed" "2026-10: the sales share of project shop is not billed: the month has not ended"
expect_eq "nothing billed for October" "0" "$(sql "SELECT count(*) FROM invoice WHERE period = '2026-10'")"

# September's figures come late, after its invoice (8) billed it at the
# minimum: taken, with a note, and corrected as any unbilled month.
expect_exit 0 sales-log --project shop --month 2026-09 --units 3 --revenue 600
expect_err "late figures: a note says how they are billed" "2026-09 of shop was billed at the minimum (invoice 8): the next billing-run bills its share, on that month's invoice"
late=$(sql "SELECT max(id) FROM sales")
expect_exit 0 sla-check --rule sales-missing --project shop --format tap
expect_out "the late figures answer the warning" <<'OUT'
TAP version 13
1..1
ok 1 - sales-missing sales 2026-09 (shop)
OUT
expect_exit 0 report-export sales --project shop --month 2026-09
expect_eq "late, until billed" "late,8," "$(tail -n 1 "$T/out" | cut -d, -f15-)"
sales-log -q --reverse "$late" >/dev/null
log shop 2026-09 30 6000
# club's September, at its threshold of 1 unit: no share, a 0.00 line.
log club 2026-09 1 50
# October billed in November: shop's own month at the minimum (no
# figures), and September's share late: 30 units are 20 above 10, whose
# revenue is 6000.00 x 20 / 30 = 4000.00; 10% of it is 400.00.
HOURBOOK_NOW=2026-11-02T10:00:00Z expect_exit 0 bill 2026-10
grep -E ',(shop|club),' "$T/out" >"$T/october"
expect_out_file() { cmp -s "$2" "$T/october" && ok "$1" || not_ok "$1" "$(diff "$2" "$T/october")"; }
cat >"$T/want" <<'OUT'
12,acme,shop,,2026-10,1,minimum,"sales-share minimum fee for 2026-10: no sales figures, billed at the minimum",,500.00,500.00,EUR
12,acme,shop,,2026-10,2,share,"sales share for 2026-09: 10% of 4000.00, the revenue of the 20 units above 10 (6000.00 x 20 / 30); its figures came after invoice 8 billed the month at the minimum",,4000.00,400.00,EUR
14,acme,club,,2026-10,1,minimum,"sales-share minimum fee for 2026-10: no sales figures, billed at the minimum",,100.00,100.00,EUR
14,acme,club,,2026-10,2,share,"sales share for 2026-09: none, sales 1 unit, 50.00 (the share starts above 1 unit); its figures came after invoice 10 billed the month at the minimum",,0.00,0.00,EUR
OUT
expect_out_file "the late share on the next invoice, with its arithmetic" "$T/want"
rows=$(sql 'SELECT count(*) FROM invoice_line')
HOURBOOK_NOW=2026-11-02T10:00:00Z expect_exit 0 bill 2026-10
grep -E ',(shop|club),' "$T/out" >"$T/october"
expect_out_file "billed once: the same lines again" "$T/want"
expect_eq "and nothing written" "$rows" "$(sql 'SELECT count(*) FROM invoice_line')"
HOURBOOK_NOW=2026-12-02T10:00:00Z billing-run -q --month 2026-11 >/dev/null 2>&1
expect_eq "nor a second time on the next invoice" "0" \
    "$(sql "SELECT count(*) FROM invoice_line l JOIN invoice i ON i.id = l.invoice_id WHERE i.period = '2026-11' AND l.kind = 'share'")"
# Billed now, the figures are final.
expect_exit 1 sales-log --reverse "$(sql "SELECT max(id) FROM sales WHERE month = '2026-09' AND units = 30")"
expect_err "late figures billed: final" "2026-09 of shop is billed already (invoice 12 billed its figures): they no longer change"
expect_exit 0 report-export sales --project shop --month 2026-09
expect_eq "billed, its share on a later invoice" "shop,acme,2026-09,500.00,10,,10,,30,6000.00,4000.00,400.00,900.00,EUR,billed,8,12" "$(tail -n 1 "$T/out")"

# An ended agreement bills nothing from its end on (November was
# billed above, before club's agreement ended: a new book for it).
HOURBOOK_NOW=2026-12-02T10:00:00Z project-set -q --no-share --share-from 2026-12 --reason "over" club >/dev/null
HOURBOOK_NOW=2027-01-04T10:00:00Z billing-run -q --month 2026-12 >/dev/null 2>&1
expect_eq "December: the others, not club" "mag shop store" \
    "$(sql "SELECT j.code FROM invoice i JOIN project j ON j.id = i.project_id WHERE i.period = '2026-12' ORDER BY j.code" | paste -sd' ' -)"

expect_exit 0 book-check

# book-check: a reversal that does not negate its row, and two rows of a
# month standing, made by hand.
HOURBOOK_NOW=2026-11-02T10:00:00Z log mag 2026-10 5 500
HOURBOOK_NOW=2026-11-02T10:00:00Z sales-log -q --reverse "$(sql "SELECT max(id) FROM sales")" >/dev/null
sql "UPDATE sales SET units = -4 WHERE id = (SELECT max(id) FROM sales)"
expect_exit 1 book-check
expect_eq "the reversal that is not one" "sales,$(sql "SELECT max(id) FROM sales")" \
    "$(grep '^sales,sales,' "$T/out" | cut -d, -f2,3)"
sql "INSERT INTO sales (id, project_id, month, units, revenue, actor, created) SELECT max(id) + 1, (SELECT id FROM project WHERE code = 'shop'), '2026-06', 1, 100, 'x', 'x' FROM sales"
expect_exit 1 book-check
expect_err_out() { grep -qF -- "$2" "$T/out" && ok "$1" || not_ok "$1" "$(cat "$T/out")"; }
expect_err_out "two rows standing" "sales,project,shop,2026-06 has 2 rows of sales figures standing"
finish
