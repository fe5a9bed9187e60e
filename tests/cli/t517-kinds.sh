# The other kinds as xlsx and excel-csv (report-export(1), TOTALS, KEYS,
# DURATIONS): no total over unit prices, over money of two currencies or
# over the price of monthly and one-off plans together; ids as numbers,
# an entry split over packages as text; excel-csv durations as decimal
# hours that LibreOffice opens as numbers it can sum, and that come back.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3

at() { HOURBOOK_NOW=$1; shift; "$@"; }
at 2026-10-01T09:00:00Z client-add -q verde "Verde" >/dev/null
at 2026-10-01T09:00:00Z client-add -q --currency USD blue "Blue Inc." >/dev/null
at 2026-10-01T09:00:00Z project-add -q --client verde --rate 60 vs >/dev/null
at 2026-10-01T09:00:00Z project-add -q --client verde --rate 60 vx >/dev/null
at 2026-10-01T09:00:00Z project-add -q --client blue --rate 80 bs >/dev/null
at 2026-10-01T09:00:00Z member-add -q --rate 25 --project vs bruno >/dev/null
at 2026-10-01T09:00:00Z member-add -q --project bs bruno >/dev/null
at 2026-10-01T09:00:00Z package-add -q --project vs --hours 2 >/dev/null
at 2026-10-01T09:00:00Z package-add -q --project vs --hours 3 --plan upfront >/dev/null
at 2026-10-01T09:00:00Z package-add -q --project vx --hours 10 --plan monthly --months 3 >/dev/null
at 2026-10-01T09:00:00Z package-add -q --project bs --hours 5 --plan upfront >/dev/null
for p in 1 2 3 4; do
	at 2026-10-01T09:00:00Z package-set -q --invoiced --date 2026-10-01 $p >/dev/null
	at 2026-10-02T09:00:00Z package-set -q --paid --date 2026-10-02 $p >/dev/null
done
at 2026-10-02T09:00:00Z task-add -q --project vs --assign bruno --estimate 4h "Home" >/dev/null
at 2026-10-02T09:00:00Z task-add -q --project bs --assign bruno --estimate 1h "Blue" >/dev/null
# 1:30 from package 1, then 1:25 over packages 1 and 2 (30 + 55 minutes).
at 2026-10-05T09:00:00Z hours-log -q --person bruno --date 2026-10-05 1 1h30 >/dev/null
at 2026-10-06T09:00:00Z hours-log -q --person bruno --date 2026-10-06 1 1h25 >/dev/null
at 2026-10-06T09:00:00Z hours-log -q --person bruno --date 2026-10-06 2 20m >/dev/null
at 2026-11-01T06:00:00Z billing-run -q --month 2026-10 >/dev/null
export HOURBOOK_NOW=2026-11-02T09:00:00Z
expect_eq "an entry split over two packages" "1 1;2 4" "$(report-export entries --no-header | cut -d, -f10 | paste -sd' ' -)"

# Which columns have a total: read the totals row (the row after the
# data, "Total" in A) and name the columns that carry a formula.
cat >"$T/totals.py" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
head = [c.value for c in ws[1]]
last = ws.max_row
if ws.cell(last, 1).value != "Total":
    print("-")
else:
    print(" ".join(h for c, h in zip(ws[last], head)
                   if isinstance(c.value, str) and c.value.startswith("=")))
PY
totals() { report-export "$@" -o "$T/t.xlsx" && $PY "$T/totals.py" "$T/t.xlsx"; }
expect_eq "invoices of one currency: amount, never unit_price" \
    "quantity_minutes amount" "$(totals invoices --client verde)"
expect_eq "invoices in EUR and USD: no money total" \
    "quantity_minutes" "$(totals invoices)"
expect_eq "balances of one-off plans in one currency: the price too" \
    "loaded_minutes used_minutes lapsed_minutes committed_minutes available_minutes price" \
    "$(totals balances --project vs)"
expect_eq "balances of monthly and one-off plans: no price total" \
    "loaded_minutes used_minutes lapsed_minutes committed_minutes available_minutes" \
    "$(totals balances --client verde)"
expect_eq "balances in EUR and USD: no price total" \
    "loaded_minutes used_minutes lapsed_minutes committed_minutes available_minutes" \
    "$(totals balances)"
expect_eq "entries: earned in EUR and USD has no total" \
    "minutes billable_minutes overage_minutes" "$(totals entries)"
expect_eq "entries in one currency: earned too" \
    "minutes billable_minutes overage_minutes earned" "$(totals entries --client verde)"
expect_eq "projects: a rate is never summed" "-" "$(totals projects)"

# Ids and keys are numbers; a split and a setting's name stay text.
report-export entries -o "$T/entries.xlsx"
report-export events -o "$T/events.xlsx"
cat >"$T/keys.py" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
col = {c.value: c.column for c in ws[1]}
pk = [ws.cell(r, col["package"]).value for r in range(2, ws.max_row)]
assert pk == [1, "1;2", 4], pk
for name in ("entry", "task"):
    assert all(isinstance(ws.cell(r, col[name]).value, int) for r in range(2, ws.max_row)), name
ev = openpyxl.load_workbook(sys.argv[2]).worksheets[0]
col = {c.value: c.column for c in ev[1]}
kinds = {}
for r in range(2, ev.max_row + 1):
    entity, key = ev.cell(r, col["entity"]).value, ev.cell(r, col["key"]).value
    kinds.setdefault(entity, set()).add(type(key).__name__)
assert kinds["task"] == {"int"} and kinds["package"] == {"int"}, kinds
assert kinds["clock"] == {"str"}, kinds
print("ok")
PY
expect_eq "ids as numbers, a split and a name as text" ok "$($PY "$T/keys.py" "$T/entries.xlsx" "$T/events.xlsx" 2>&1)"
report-export entries --no-header | cut -d, -f10 >"$T/plain"
expect_eq "plain CSV keeps the same keys" "1 1;2 4" "$(paste -sd' ' - <"$T/plain")"

# excel-csv: durations as decimal hours with a decimal comma; the plain
# CSV keeps whole minutes.
report-export entries -f excel-csv -o "$T/entries.csv"
expect_eq "excel-csv minutes as decimal hours" "1,50;1,50 1,42;1,42 0,33;0,33" \
    "$(tr -d '\r' <"$T/entries.csv" | sed 1d | cut -d';' -f7,8 | paste -sd' ' -)"
expect_eq "csv minutes stay minutes" "90,90 85,85 20,20" \
    "$(report-export entries --no-header | cut -d, -f7,8 | paste -sd' ' -)"
report-export balances -f excel-csv -o "$T/balances.csv"
# Package 2 loads 3:30 (its bonus) and gave 0:55 (0,92); task 1's
# estimate has 1:05 left to commit (1,08).
expect_eq "balances in decimal hours" "2,00;2,00;0,00;0,00;0,00 3,30;0,92;0,00;1,08;1,30" \
    "$(tr -d '\r' <"$T/balances.csv" | sed -n 2,3p | cut -d';' -f6-10 | paste -sd' ' -)"

# LibreOffice opens it, in an Italian locale with its default options
# (no "Detect special numbers"), as numbers: the hours sum to the
# entries' 3:15 (3.25 hours, each row within half a hundredth).
cp "$T/entries.csv" "$T/lo.csv"
(cd "$T" && timeout 300 soffice --headless \
    "-env:UserInstallation=file://$T/lo-profile" --convert-to xlsx \
    '--infilter=CSV:59,34,76,1,,1040' lo.csv >/dev/null 2>"$T/lo.err")
cat >"$T/lo.py" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
col = {c.value: c.column for c in ws[1]}
hours = [ws.cell(r, col["minutes"]).value for r in range(2, ws.max_row + 1)]
assert all(isinstance(h, (int, float)) for h in hours), hours
assert abs(sum(hours) - 3.25) <= 0.005 * len(hours), hours
print("ok")
PY
expect_eq "LibreOffice reads the hours as numbers that sum" ok "$($PY "$T/lo.py" "$T/lo.xlsx" 2>&1 || cat "$T/lo.err")"

# And they come back: the excel-csv export of entries into an empty book
# gives the same minutes (t015 does it for a whole book).
empty=$(book_copy before)
sql_on "$empty" "DELETE FROM entry_split; DELETE FROM package_use; UPDATE task SET worked = 0, billed = 0; DELETE FROM entry; DELETE FROM batch"
expect_exit 0 hours-log --db "$empty" --overdraft --csv "$T/entries.csv"
expect_eq "excel-csv hours back to the minute" "90 85 20" \
    "$(report-export --db "$empty" entries --no-header | cut -d, -f7 | paste -sd' ' -)"

finish
