# complaint and its vouchers: a complaint decided once, an hours voucher
# loaded on the client's next package (and drawn before the paid hours),
# a money voucher credited once on the next invoices (the rest carrying
# over), an expired voucher never redeemed.  The figures are worked out
# by hand in the comments.
. "$(dirname "$0")/lib.sh"
export HOURBOOK_NOW=2026-10-05T10:00:00Z HOURBOOK_USER=maria

client-add -q acme >/dev/null
client-add -q beta >/dev/null
member-add -q --role staff maria >/dev/null
# giulia is acme's contact (its first person), paolo is not.
member-add -q --client acme giulia >/dev/null
member-add -q --client acme paolo >/dev/null
member-add -q --client beta bea >/dev/null
project-add -q --client acme --rate 50 web >/dev/null
project-add -q --client acme --rate 50 app >/dev/null
member-add -q --rate 20 --project web bruno >/dev/null
# Package 1: 1 h at 50.00 = 50.00, paid: loads 60 minutes.
package-add -q --project web --hours 1 >/dev/null
package-set -q --invoiced 1 >/dev/null
package-set -q --paid 1 >/dev/null
task-add -q --project web --assign bruno "Landing page" >/dev/null	# 1
task-add -q --project web "Newsletter" >/dev/null			# 2

field() { csv_col "$1" <"$T/out" | head -1; }

# ---- recording ---------------------------------------------------------------
expect_exit 0 complaint --as giulia --task 1 --reason "the page broke the checkout"
expect_eq "a complaint is open" "1 open giulia" "$(field complaint) $(field status) $(field complained_by)"
expect_exit 1 complaint --as paolo --task 1 --reason "me too"
expect_err "only the client's contact" "only staff and the contact of its client"
expect_exit 1 complaint --as bea --task 1 --reason "not mine"
expect_exit 1 complaint --as bruno --task 1 --reason "not mine"
expect_exit 66 complaint --task 99 --reason "no such task"
expect_err "an unknown task" "task 99 does not exist"
expect_exit 64 complaint --task 1
expect_err "a complaint has a reason" "needs its reason"
expect_exit 0 complaint --dry-run --task 2 --reason "rehearsal"
expect_eq "a dry run writes nothing" "1" "$(sql "SELECT count(*) FROM complaint")"
expect_exit 0 complaint --key c-2 --task 2 --reason "the newsletter went out late"
expect_exit 0 complaint --key c-2 --task 2 --reason "the newsletter went out late"
expect_eq "a key makes it once" "2" "$(sql "SELECT count(*) FROM complaint")"

# ---- deciding ------------------------------------------------------------------
expect_exit 1 complaint --as giulia --accept 1 --hours 2
expect_err "only staff decide" "only staff decide complaints"
expect_exit 1 complaint --as bruno --reject 1 --reason "no"
expect_exit 65 complaint --accept 1 --hours 0
expect_exit 65 complaint --accept 1 --hours 2x
expect_exit 65 complaint --accept 1 --money -5
expect_exit 65 complaint --accept 1 --money 0
expect_exit 64 complaint --accept 1 --hours 2 --money 5
expect_err "hours or money, not both" "--accept takes --hours H or --money M, not both"
expect_exit 64 complaint --accept 1
expect_err "a voucher is needed" "--accept needs --hours H or --money M"
expect_exit 64 complaint --reject 1
expect_exit 66 complaint --accept 9 --hours 1
expect_err "an unknown complaint" "complaint 9 does not exist"
expect_eq "refusals decided nothing" "open open" "$(sql "SELECT status FROM complaint ORDER BY id" | paste -sd' ' -)"
# Accepted on 2026-10-05 with voucher.days 365: good until 2027-10-05.
expect_exit 0 complaint --accept 1 --hours 2 --reason "our deploy broke it"
expect_eq "an hours voucher" "accepted 120 2027-10-05 open" "$(field status) $(field voucher_minutes) $(field expires) $(field voucher)"
expect_exit 1 complaint --reject 1 --reason "changed our mind"
expect_err "decided once" "complaint 1 was accepted already, by maria"
expect_exit 1 complaint --accept 1 --money 5
# Complaint 2: 80.00 for acme's next invoices.
expect_exit 0 complaint --accept 2 --money 80
expect_eq "a money voucher" "80.00 EUR open" "$(field voucher_amount) $(field currency) $(field voucher)"
expect_exit 0 complaint --task 2 --reason "the font"
expect_exit 0 complaint --reject 3 --reason "the font of the brief"
expect_eq "rejected with its reason" "rejected the font of the brief" "$(field status) $(field decision)"
expect_exit 1 complaint --accept 3 --hours 1
expect_err "rejected once" "complaint 3 was rejected already"

# ---- the hours voucher: on the next package paid ----------------------------------
# Package 2: 10 h upfront at 50.00 less 45% = 275.00, its bonus 10% = 60
# minutes: loaded 600 + 60 + the voucher's 120 = 780.
package-add -q --project web --hours 10 --plan upfront >/dev/null
package-set -q --invoiced 2 >/dev/null
expect_exit 0 package-set --paid 2
expect_eq "loaded = paid + plan bonus + voucher" "780" "$(field loaded_minutes)"
report-export balances --project web >"$T/out"
expect_eq "the balances agree" "60 780" "$(csv_col loaded_minutes <"$T/out" | paste -sd' ' -)"
expect_eq "the complaint is the origin" "2:00 h from complaint 1" "$(sql "SELECT new FROM event WHERE entity = 'package' AND key = '2' AND what = 'voucher'")"
expect_eq "loaded once: package 1 did not take it" "1" "$(sql "SELECT count(*) FROM complaint WHERE package_id = 2")"
# Time: 2 h on task 1 draw package 1's 60 minutes, then 60 of package 2,
# which come from the voucher first: the voucher's used = min(120, 60).
hours-log -q --person bruno 1 2h >/dev/null
report-export vouchers >"$T/out"
expect_eq "the voucher loaded, 60 of it used" "loaded 2 60" "$(field voucher) $(field package) $(field used_minutes)"
# 2 h more: package 2 has used 180, the voucher all its 120.
hours-log -q --person bruno 1 2h >/dev/null
report-export vouchers >"$T/out"
expect_eq "the voucher used up" "120" "$(field used_minutes)"
report-export balances --project web >"$T/out"
# Package 2: 780 loaded - 180 used = 600 available.
expect_eq "package 2 available" "600" "$(csv_col available_minutes <"$T/out" | sed -n 2p)"

# ---- an expired voucher ---------------------------------------------------------
# voucher.days 30: complaint 4, accepted 2026-10-05, is good until
# 2026-11-04.
book-config -q voucher.days 30 >/dev/null
complaint -q --task 1 --reason "the header again" >/dev/null
expect_exit 0 complaint --accept 4 --hours 1
expect_eq "30 days of it" "2026-11-04 open" "$(field expires) $(field voucher)"
# Package 3 of the app project (acme's too), paid on 2026-11-10: the
# voucher expired, the package loads its own 5 h alone.
HOURBOOK_NOW=2026-11-10T10:00:00Z package-add -q --project app --hours 5 >/dev/null
HOURBOOK_NOW=2026-11-10T10:00:00Z package-set -q --invoiced 3 >/dev/null
HOURBOOK_NOW=2026-11-10T10:00:00Z expect_exit 0 package-set --paid 3
expect_eq "an expired voucher is not loaded" "300" "$(field loaded_minutes)"
HOURBOOK_NOW=2026-11-10T10:00:00Z report-export vouchers >"$T/out"
expect_eq "the expired voucher" "expired" "$(csv_col voucher <"$T/out" | sed -n 4p)"
# voucher.days 0: never expires.
book-config -q voucher.days 0 >/dev/null
complaint -q --task 2 --reason "a typo" >/dev/null
expect_exit 0 complaint --accept 5 --money 10
expect_eq "a voucher for good" " open" "$(field expires) $(field voucher)"
book-config -q voucher.days 365 >/dev/null

# ---- the money vouchers: credits on the next invoices -------------------------------
# October's invoices, by package: 1 (50.00) and 2 (275.00; its line
# counts the plan's bonus hours, 10 h + 10%).  The 80.00
# of complaint 2 credit 50.00 on invoice 1, which goes to zero, and the
# 30.00 left on invoice 2; complaint 5's 10.00 on invoice 2 too:
# 275.00 - 30.00 - 10.00 = 235.00.
export HOURBOOK_NOW=2026-11-02T10:00:00Z
expect_exit 0 billing-run --month 2026-10
expect_out "the vouchers credited, the rest carried" <<'OUT'
invoice,client,project,package,period,line,kind,description,quantity_minutes,unit_price,amount,currency
1,acme,web,1,2026-10,1,fee,"package 1, standard plan: 1:00 h",60,50.00,50.00,EUR
1,acme,web,1,2026-10,2,voucher,voucher of complaint 2: 30.00 left for the next invoice,,80.00,-50.00,EUR
2,acme,web,2,2026-10,1,fee,"package 2, upfront plan: 11:00 h",660,275.00,275.00,EUR
2,acme,web,2,2026-10,2,voucher,voucher of complaint 2,,80.00,-30.00,EUR
2,acme,web,2,2026-10,3,voucher,voucher of complaint 5,,10.00,-10.00,EUR
OUT
cp "$T/out" "$T/first"
expect_exit 0 billing-run --month 2026-10
expect_eq "billing twice: the same lines" "$(cat "$T/first")" "$(cat "$T/out")"
expect_eq "credited once" "3" "$(sql "SELECT count(*) FROM invoice_line WHERE kind = 'voucher'")"
report-export vouchers >"$T/out"
expect_eq "complaint 2 spent over two invoices" "credited 80.00 1;2" "$(csv_col voucher <"$T/out" | sed -n 2p) $(csv_col credited <"$T/out" | sed -n 2p) $(csv_col invoices <"$T/out" | sed -n 2p)"
# November: package 3's invoice (5 h at 50.00 = 250.00) has no credit:
# the vouchers are spent.
export HOURBOOK_NOW=2026-12-01T10:00:00Z
expect_exit 0 billing-run --month 2026-11
expect_out "the next month: no second credit" <<'OUT'
invoice,client,project,package,period,line,kind,description,quantity_minutes,unit_price,amount,currency
3,acme,app,3,2026-11,1,fee,"package 3, standard plan: 5:00 h",300,250.00,250.00,EUR
OUT

# ---- the activity sheet: the vouchers used in the period --------------------------
# October: complaint 1's 2 h on package 2, all used there (package 2
# used 180 minutes in October, the voucher's 120 first); complaint 2's
# credits of 50.00 on invoice 1 and 30.00 on invoice 2, complaint 5's
# 10.00 on invoice 2.  November used none: no block.
cat >"$T/vouchers.py" <<'PY'
import sys, openpyxl
path, lang, want = sys.argv[1], sys.argv[2], sys.argv[3]
title, where_hours, where_money = {
    "en": ("Vouchers used", "hours on package", "credit on invoice"),
    "it": ("Voucher utilizzati", "ore sul pacchetto", "sconto in fattura"),
    "pt": ("Vouchers utilizados", "horas no pacote", "crédito na fatura"),
    "es": ("Vales utilizados", "horas en el paquete", "abono en la factura"),
}[lang]
ws = openpyxl.load_workbook(path).worksheets[1]
rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == title]
if want == "none":
    assert rows == [], rows
    sys.exit(0)
r = rows[0] + 2
got = []
while ws.cell(r, 1).value is not None:
    used = ws.cell(r, 4).value
    if isinstance(used, float):
        used = "%d min" % round(used * 1440)
    elif hasattr(used, "total_seconds"):	# a duration cell
        used = "%d min" % round(used.total_seconds() / 60)
    got.append("%d %d %s %s" % (ws.cell(r, 1).value, ws.cell(r, 2).value,
        ws.cell(r, 3).value, used))
    r += 1
assert got == [
    "1 1 %s 2 120 min" % where_hours,
    "2 2 %s 1 (2026-10) 50.00 EUR" % where_money,
    "2 2 %s 2 (2026-10) 30.00 EUR" % where_money,
    "5 2 %s 2 (2026-10) 10.00 EUR" % where_money,
], got
PY
for lang in en it pt es; do
	expect_exit 0 report-export activities -f xlsx --lang $lang --client acme \
	    --from 2026-10-01 --to 2026-10-31 -o "$T/oct-$lang.xlsx"
	if /usr/bin/python3 "$T/vouchers.py" "$T/oct-$lang.xlsx" $lang all 2>"$T/py.err"; then
		ok "sheet ($lang): the vouchers used in October"
	else
		not_ok "sheet ($lang): the vouchers used in October" "$(tail -3 "$T/py.err")"
	fi
done
expect_exit 0 report-export activities -f xlsx --client acme \
    --from 2026-11-01 --to 2026-11-30 -o "$T/nov.xlsx"
if /usr/bin/python3 "$T/vouchers.py" "$T/nov.xlsx" en none 2>"$T/py.err"; then
	ok "sheet: no vouchers used in November"
else
	not_ok "sheet: no vouchers used in November" "$(tail -3 "$T/py.err")"
fi

# ---- many complaints from CSV: all or nothing, once ------------------------------------
printf 'task,reason\n1,"slow, again"\n2,the footer\n' >"$T/c.csv"
expect_exit 0 complaint --csv "$T/c.csv"
expect_eq "two complaints from CSV" "6 7" "$(csv_col complaint <"$T/out" | paste -sd' ' -)"
expect_exit 1 complaint --csv "$T/c.csv"
expect_exit 0 complaint --again --csv "$T/c.csv"
printf 'task,reason\n1,fine\n99,no such task\n' >"$T/bad.csv"
expect_exit 66 complaint --csv "$T/bad.csv"
expect_eq "a bad row writes nothing" "9" "$(sql "SELECT count(*) FROM complaint")"

# ---- the export, the event log, the book ------------------------------------------
expect_exit 0 report-export vouchers --client acme -f table
expect_exit 66 report-export vouchers --client acmee
expect_err "did you mean" "did you mean acme"
expect_exit 0 report-export vouchers --project app
expect_eq "no complaint on app" "1" "$(wc -l <"$T/out" | tr -d ' ')"
expect_exit 0 report-export vouchers --as giulia
expect_eq "every step in the event log" "created created accepted accepted created rejected redeemed created accepted redeemed redeemed" \
    "$(sql "SELECT what FROM event WHERE entity = 'complaint' AND key IN ('1', '2', '3', '4') ORDER BY id" | paste -sd' ' -)"
expect_exit 0 book-check
# A credit beyond its voucher is a finding: 50.00 + 60.00 > 80.00 (the
# book holds cents).
sql "UPDATE invoice_line SET amount = -6000 WHERE complaint_id = 2 AND invoice_id = 2" >/dev/null
expect_exit 1 book-check
expect_eq "a voucher credited beyond itself" "voucher,complaint,2,its voucher's credits on invoices add up to more than the voucher" "$(grep "^voucher" "$T/out")"
# ---- an hours voucher is used from its load on, whatever is exported ----------------
# A book of its own: gamma's monthly plan on app (10 h a month) used 3 h
# in November; two vouchers, A (2 h, a complaint on shop's task) and B
# (1 h, on app's), load on December's payment, after that use: none of
# those 3 h is theirs.  Then 2:30 in December: A's 2 h first, then 0:30
# of B, in complaint order; the same in every export, filtered or not.
export HOURBOOK_DB="$T/v2.db" HOURBOOK_NOW=2026-11-02T10:00:00Z
client-add -q gamma >/dev/null
member-add -q --role staff maria >/dev/null
project-add -q --client gamma --rate 40 shop >/dev/null
project-add -q --client gamma --rate 40 app >/dev/null
member-add -q --rate 20 --project shop ana >/dev/null
member-add -q --project app ana >/dev/null
task-add -q --project shop --assign ana "Cart" >/dev/null		# 1
task-add -q --project app --assign ana "Login" >/dev/null		# 2
package-add -q --project app --hours 10 --plan monthly --months 3 >/dev/null
package-set -q --invoiced 1 >/dev/null
package-set -q --paid 1 >/dev/null
HOURBOOK_NOW=2026-11-20T17:00:00Z hours-log -q --person ana --date 2026-11-20 2 3h >/dev/null
expect_eq "November used 3 h of the plan" "180" "$(sql "SELECT coalesce(sum(minutes), 0) FROM package_use")"
HOURBOOK_NOW=2026-11-21T10:00:00Z complaint -q --task 1 --reason "cart lost items" >/dev/null
HOURBOOK_NOW=2026-11-21T10:00:00Z complaint -q --accept 1 --hours 2 >/dev/null
HOURBOOK_NOW=2026-11-21T10:00:00Z complaint -q --task 2 --reason "login loops" >/dev/null
HOURBOOK_NOW=2026-11-21T10:00:00Z complaint -q --accept 2 --hours 1 >/dev/null
export HOURBOOK_NOW=2026-12-01T10:00:00Z
billing-run -q --month 2026-11 >/dev/null
package-set -q --paid 1 >/dev/null
expect_exit 0 report-export vouchers
expect_eq "loaded after 3 h of use: none of it theirs" "1 loaded 0
2 loaded 0" "$(awk -F, 'NR > 1 { print $1, $17, $19 }' "$T/out")"
HOURBOOK_NOW=2026-12-05T10:00:00Z hours-log -q --person ana --date 2026-12-05 2 2h30m >/dev/null
HOURBOOK_NOW=2026-12-05T10:00:00Z expect_exit 0 report-export vouchers
expect_eq "2:30 since the load: A's 120, then 30 of B" "1 120
2 30" "$(awk -F, 'NR > 1 { print $1, $19 }' "$T/out")"
HOURBOOK_NOW=2026-12-05T10:00:00Z expect_exit 0 report-export vouchers --project app
expect_eq "B alone: still 30, after A" "2 30" "$(awk -F, 'NR > 1 { print $1, $19 }' "$T/out")"
HOURBOOK_NOW=2026-12-05T10:00:00Z expect_exit 0 report-export vouchers --project shop
expect_eq "A alone: 120" "1 120" "$(awk -F, 'NR > 1 { print $1, $19 }' "$T/out")"
cat >"$T/vrows.py" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[1]
rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "Vouchers used"]
for r0 in rows:
    r = r0 + 2
    while ws.cell(r, 1).value is not None:
        used = ws.cell(r, 4).value
        if isinstance(used, float):
            used = round(used * 1440)
        elif hasattr(used, "total_seconds"):
            used = round(used.total_seconds() / 60)
        print(ws.cell(r, 1).value, used)
        r += 1
PY
for m in 11 12; do
	HOURBOOK_NOW=2026-12-05T10:00:00Z expect_exit 0 report-export activities -f xlsx --client gamma \
	    --month 2026-$m -o "$T/g$m.xlsx"
done
expect_eq "the November sheet: no voucher had been loaded" "" "$(/usr/bin/python3 "$T/vrows.py" "$T/g11.xlsx" 2>&1)"
expect_eq "the December sheet: A's 2 h and 0:30 of B" "1 120
2 30" "$(/usr/bin/python3 "$T/vrows.py" "$T/g12.xlsx" 2>&1)"
finish
