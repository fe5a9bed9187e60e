# report-export: every kind, the filters, the three formats, atomic -o.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3

client-add --email ops@acme.example acme "ACME, S.p.A." >/dev/null
client-add beta >/dev/null
project-add --client acme --rate 50 web >/dev/null
project-add --client beta --model self-service other >/dev/null
member-add --client acme --project web ana >/dev/null
member-add --rate 30 --project web --project web bruno >/dev/null
member-add --project other bruno >/dev/null
task-add --project web --assign bruno --estimate 2h --due 2026-11-30 --rigid "Hero, big" >/dev/null
task-add --project web --assign bruno --urgent "=HYPERLINK(\"http://evil\")" >/dev/null
task-add --project other --assign bruno "Other client" >/dev/null
package-add -q --project web --hours 10 >/dev/null
package-set -q --invoiced 1 >/dev/null; package-set -q --paid 1 >/dev/null
hours-log -q --person bruno --date 2026-10-30 1 1h >/dev/null
hours-log -q --person bruno --date 2026-11-02 --note "-5 is not a formula; @neither" 1 30m >/dev/null
hours-log -q --person bruno --date 2026-11-03 2 20m >/dev/null
hours-log -q --person bruno 3 1h >/dev/null
task-set -q --deliver 1 >/dev/null
comment -m "+1 from me" 1 >/dev/null
comment --as ana -m "$(printf '\tindented\nsecond line')" 1 >/dev/null

# Every kind answers in CSV with its header.
for kind in activities balances clients comments earnings entries events people projects tasks withdrawals; do
	expect_exit 0 report-export "$kind"
	[ -s "$T/out" ] && ok "$kind has a header" || not_ok "$kind has a header"
done
expect_exit 64 report-export nothing
expect_err "kinds listed" "activities, balances, clients, comments"
expect_exit 64 report-export balancs
expect_err "a kind one letter off" "(did you mean balances?)"

# The activity sheet.
expect_exit 0 report-export activities --project web
expect_out "activities" <<'OUT'
task,project,title,kind,assignee,status,client_approval,estimate_minutes,actual_minutes,billable_minutes,due,due_kind,extra,urgent,delivered,done
1,web,"Hero, big",activity,bruno,delivered,approved,120,90,90,2026-11-30,rigid,no,no,2026-11-23,
2,web,"=HYPERLINK(""http://evil"")",activity,bruno,in-progress,approved,,20,60,,flexible,no,yes,,
OUT
expect_exit 0 report-export activities --month 2026-10
expect_eq "--month counts that month's time" "1,web,60" "$(sed -n 2p "$T/out" | cut -d, -f1,2,10)"
expect_exit 0 report-export entries --from 2026-11-01 --to 2026-11-03 --person bruno
expect_eq "entries in a period" "2 3" "$(sed 1d "$T/out" | cut -d, -f1 | tr '\n' ' ' | sed 's/ $//')"
expect_exit 0 report-export entries --package 1
expect_eq "entries of a package" "3" "$(sed 1d "$T/out" | wc -l | tr -d ' ')"
expect_exit 0 report-export entries --client beta
expect_eq "entries of a client" "4" "$(sed 1d "$T/out" | cut -d, -f1)"
expect_exit 0 report-export tasks --client beta
expect_eq "tasks of a client" "3,other" "$(sed 1d "$T/out" | cut -d, -f1,2)"
expect_exit 0 report-export tasks --client acme --person bruno
expect_eq "tasks of a client and an assignee" "1 2" "$(sed 1d "$T/out" | cut -d, -f1 | tr '\n' ' ' | sed 's/ $//')"
expect_exit 0 report-export people --project other
expect_eq "people of a team" "bruno" "$(sed 1d "$T/out" | cut -d, -f1)"

# Invalid combinations are usage errors that say why.
expect_exit 64 report-export clients --person bruno
expect_err "misfit filter named" "--person does not apply to clients"
expect_exit 64 report-export balances --month 2026-11
expect_exit 64 report-export entries --month 2026-11 --from 2026-11-01
expect_err "month or range" "--month or --from/--to, not both"
expect_exit 64 report-export entries --from 2026-11-05 --to 2026-11-01
expect_exit 65 report-export entries --from 2026-02-30
expect_exit 65 report-export entries --month 2026-13
expect_exit 65 report-export entries --package x
# A format is how the command is used: a usage error that lists them.
expect_exit 64 report-export -f ods entries
expect_err "formats listed" '--format: "ods" is not a format: csv, table, jsonl, excel-csv or xlsx'

# excel-csv: BOM, CRLF, ';', decimal comma, formulas neutralised.
expect_exit 0 report-export -f excel-csv entries --person bruno --package 1
head -c 3 "$T/out" | od -An -tx1 | grep -q 'ef bb bf' && ok "BOM" || not_ok "BOM"
grep -q ';30,00;' "$T/out" && ok "decimal comma" || not_ok "decimal comma" "$(cat "$T/out")"
grep -q "$(printf '\r')$" "$T/out" && ok "CRLF line ends" || not_ok "CRLF"
grep -q ";'-5 is not a formula; @neither;" "$T/out" || grep -q ";\"'-5 is not a formula; @neither\";" "$T/out" && ok "leading minus neutralised" || not_ok "leading minus neutralised" "$(cat "$T/out")"
expect_exit 0 report-export -f excel-csv comments
grep -q "'+1 from me" "$T/out" && ok "leading plus neutralised" || not_ok "leading plus"
grep -q "\"'	indented" "$T/out" && ok "leading tab neutralised" || not_ok "leading tab" "$(cat -A "$T/out" | head)"
expect_exit 0 report-export -f excel-csv tasks --project web
grep -q "'=HYPERLINK" "$T/out" && ok "leading = neutralised" || not_ok "leading ="

# xlsx, read back with openpyxl.
expect_exit 0 report-export activities --project web -o "$T/sheet.xlsx"
expect_empty_out "-o FILE.xlsx: nothing on stdout"
expect_eq "-o .xlsx picks xlsx" "PK" "$(head -c 2 "$T/sheet.xlsx")"
report-export clients -o "$T/UPPER.XLSX"
expect_eq "-o .XLSX too" "PK" "$(head -c 2 "$T/UPPER.XLSX")"
cat >"$T/check.py" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Activities", "Summary", "hourbook"], wb.sheetnames
s = wb["Summary"]
assert [c.value for c in s[1]][:5] == ["Project", "Package", "Plan", "Status", "Opening"]
loaded = [c.value for c in s[1]].index("Loaded")
assert s.cell(2, loaded + 1).number_format == "[h]:mm" and s.cell(2, loaded + 1).value.total_seconds() == 600 * 60
ws = wb["Activities"]
head = [r for r in range(1, 20) if ws.cell(r, 1).value == "Task"][0]
assert ws.freeze_panes == "A%d" % (head + 1), ws.freeze_panes
assert all(c.font.b for c in ws[head] if c.value), "bold headings"
col = {c.value: c.column for c in ws[head] if c.value}
r = head + 1
assert ws.cell(r, 1).data_type == "n" and ws.cell(r, 1).value == 1
assert ws.cell(r + 1, col["Title"]).data_type == "s" and ws.cell(r + 1, col["Title"]).value == '=HYPERLINK("http://evil")'
assert ws.cell(r, col["Assignee"]).value == "bruno"  # no name given: the handle
assert ws.cell(r, col["Estimate"]).number_format == "[h]:mm" and ws.cell(r, col["Estimate"]).value.total_seconds() == 7200
assert ws.cell(r, col["Due"]).is_date and ws.cell(r, col["Due"]).value.date().isoformat() == "2026-11-30"
assert ws.cell(r + 2, 1).value == "Total of agreed work", ws.cell(r + 2, 1).value
assert ws.cell(r + 2, col["Worked"]).value.total_seconds() == 110 * 60
print("ok")
PY
expect_eq "xlsx: the client's sheet: headings, types, names, agreed total, text never a formula" ok "$($PY "$T/check.py" "$T/sheet.xlsx" 2>&1 | tail -1)"
report-export entries -f xlsx >"$T/piped.xlsx"
cat >"$T/money.py" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Entries"]
col = {c.value: c.column_letter for c in ws[1]}
c = ws[col["earned"] + "2"]
assert c.number_format == "#,##0.00" and abs(c.value - 30.0) < 1e-9, (c.number_format, c.value)
assert ws[col["date"] + "2"].is_date
last = ws.max_row
assert ws["A%d" % last].value == "Total"
assert ws[col["earned"] + str(last)].value.startswith("=SUBTOTAL(109,")
print("ok")
PY
expect_eq "xlsx into a pipe; money as numbers, dates as dates" ok "$($PY "$T/money.py" "$T/piped.xlsx" 2>&1 | tail -1)"

# xlsx to a terminal is refused; into a pipe it is fine (above).
if command -v script >/dev/null 2>&1; then
	script -qec "report-export balances -f xlsx" /dev/null >"$T/tty" 2>&1
	grep -q "xlsx is binary" "$T/tty" && ok "xlsx on a terminal refused" || not_ok "xlsx on a terminal refused" "$(cat "$T/tty")"
fi

# xlsx limits are errors, never silent loss; no file is left behind.
long=$(head -c 40000 /dev/zero | tr '\0' x)
comment -m "$long" 1 >/dev/null
expect_exit 65 report-export comments -o "$T/long.xlsx"
expect_err "cell limit" "longer than an xlsx cell holds"
[ ! -e "$T/long.xlsx" ] && ok "no partial xlsx" || not_ok "no partial xlsx"
ls -a "$T" | grep -q '^\.long' && not_ok "no temporary left" || ok "no temporary left"
expect_exit 0 report-export comments -o "$T/long.csv"
expect_eq "CSV keeps the long text" 40000 "$(grep -o 'xxxx*' "$T/long.csv" | awk '{ print length }' | sort -n | tail -1)"
expect_exit 74 report-export clients -o "$T/no/such/dir/x.csv"

# -o files get the mode any new file gets: 0666 less the umask.
for mask in 022 077; do
	for ext in csv xlsx; do
		(umask $mask && report-export clients -o "$T/mode-$mask.$ext")
		expect_eq "-o .$ext under umask $mask" \
		    "$(printf '%o' $((0666 & ~0$mask)))" "$(stat -c %a "$T/mode-$mask.$ext")"
	done
done

# The same book at the same HOURBOOK_NOW gives the same bytes, date of
# creation included.
report-export activities --project web -o "$T/again.xlsx"
cmp -s "$T/sheet.xlsx" "$T/again.xlsx" && ok "xlsx is reproducible" || not_ok "xlsx is reproducible"
/usr/bin/python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("docProps/core.xml").decode())' "$T/sheet.xlsx" >"$T/core.xml"
grep -q '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-23T10:00:00Z<' "$T/core.xml" && ok "created at HOURBOOK_NOW" || not_ok "created at HOURBOOK_NOW" "$(cat "$T/core.xml")"

# Every part of the zip is deflated at zlib's fastest level: minizip marks
# it in the general-purpose flags (bits 1 and 2 set), which shows the
# level reached libxlsxwriter's minizip.
cat >"$T/level.py" <<'PY'
import sys, zipfile
flags = {i.filename: i.flag_bits & 6 for i in zipfile.ZipFile(sys.argv[1]).infolist()}
assert flags and all(f == 6 for f in flags.values()), flags
print("ok")
PY
expect_eq "xlsx deflated at the fastest level" ok "$($PY "$T/level.py" "$T/sheet.xlsx" 2>&1 | tail -1)"

# CSV out, read back by the library's reader, is the book.
report-export clients >"$T/clients.csv"
copy=$(book_new copy)
HOURBOOK_DB="$copy" client-add --csv "$T/clients.csv" >/dev/null
expect_eq "clients round-trip" "$(cut -d, -f1-4 "$T/clients.csv")" "$(HOURBOOK_DB="$copy" report-export clients | cut -d, -f1-4)"

# The final activity sheet as the package closes: both or neither.
status_of_1() { report-export balances --package 1 --no-header | cut -d, -f5; }
expect_exit 74 package-set --closed --sheet "$T/no/such/dir/final.xlsx" 1
expect_eq "a sheet that cannot be written leaves the package open" active "$(status_of_1)"
expect_eq "and nothing recorded" "" "$(sql "SELECT closed_on FROM package WHERE id = 1")"
mkdir "$T/final.xlsx"
expect_exit 74 package-set --closed --sheet "$T/final.xlsx" 1
expect_err "a folder where the sheet goes is named" "final.xlsx: is a folder, not a file"
expect_eq "and the package stays open" active "$(status_of_1)"
rmdir "$T/final.xlsx"
expect_exit 0 package-set --closed --sheet "$T/final.xlsx" 1
expect_eq "then it closes" closed "$(status_of_1)"
[ -s "$T/final.xlsx" ] && ok "with its sheet" || not_ok "with its sheet"
# A closing whose sheet went missing (a kill, a lost disk) is finished by
# the same command: the sheet, and nothing else.
rm "$T/final.xlsx"
before=$(book_state)
expect_exit 0 package-set --closed --sheet "$T/final.xlsx" 1
expect_err "a closed package: it says so" "package 1 was closed already, on 2026-11-23: nothing changed; its activity sheet was written to $T/final.xlsx"
[ -s "$T/final.xlsx" ] && ok "the sheet is written again" || not_ok "the sheet is written again"
expect_eq "and the book is as it was" "$before" "$(book_state)"
expect_exit 1 package-set --closed 1
expect_err "closing twice without a sheet is refused" "nothing changes after closing"
ls -A "$T" | grep -q '^\.hourbook-tmp-' && not_ok "no temporary left" || ok "no temporary left"
expect_eq "and its hours lapse" "0" "$(report-export balances --package 1 | csv_col available_minutes)"
cat >"$T/final.py" <<'PY'
import sys, openpyxl
s = openpyxl.load_workbook(sys.argv[1])["Summary"]
assert s["D1"].value == "Status" and s["D2"].value == "closed", (s["D1"].value, s["D2"].value)
print("ok")
PY
expect_eq "the sheet hands over a closed package" ok "$($PY "$T/final.py" "$T/final.xlsx" 2>&1 | tail -1)"
expect_exit 64 package-set --paid --sheet "$T/x.xlsx" 1
expect_exit 64 package-set --closed --sheet "$T/final.csv" 1
expect_err "the sheet is xlsx" "the sheet is an xlsx workbook; give a FILE.xlsx"

# Delivered and done are days of the book's zone: 23:30 UTC on the 23rd is
# half past midnight on the 24th in Rome.
HOURBOOK_NOW=2026-11-23T23:30:00Z task-set -q --deliver 2 >/dev/null
HOURBOOK_NOW=2026-11-24T23:10:00Z task-set -q --accept 2 >/dev/null
expect_exit 0 report-export activities --project web
expect_eq "delivered and done in local days" "2,2026-11-24,2026-11-25" \
    "$(sed -n 3p "$T/out" | awk -F, '{ print $1 "," $(NF - 1) "," $NF }')"

# A limit met while the writer thread is busy with earlier rows: exit 65
# all the same, no file and no temporary left.
book=$HOURBOOK_DB
HOURBOOK_DB=$(book_new many)
client-add -q acme >/dev/null; project-add -q --client acme p >/dev/null
task-add -q --project p "Chatty" >/dev/null
awk 'BEGIN { print "task,body"; for (i = 0; i < 20000; i++) printf "1,comment %d\n", i }' |
    comment -q --csv - >/dev/null
comment -q -m "$long" 1 >/dev/null
expect_exit 65 report-export comments -o "$T/many.xlsx"
expect_err "the row named" "row 20002: a text longer than an xlsx cell holds"
[ ! -e "$T/many.xlsx" ] && ok "no partial xlsx" || not_ok "no partial xlsx"
ls -a "$T" | grep -q '^\.many' && not_ok "no temporary left" || ok "no temporary left"
HOURBOOK_DB=$book

# CSV out, read back by the library's reader, is the book: entries whose
# notes hold every awkward thing go out with report-export, come back in
# through hours-log --csv, and the new rows equal the old ones.
HOURBOOK_DB=$(book_new round)
client-add -q acme >/dev/null
project-add -q --client acme --model self-service p >/dev/null
member-add -q --rate 30 --project p bruno >/dev/null
task-add -q --project p "One" >/dev/null; task-add -q --project p "Two" >/dev/null
printf '%s\n' 'task,minutes,date,person,note' \
    '1,30,2026-11-02,bruno,"comma, ""quotes"" and a' 'second line"' \
    '2,45,2026-11-03,bruno,=SUM(A1) +1 -1 @x' \
    '1,60,2026-11-04,bruno,"Revisão café — ünïcødé ✓"' \
    '2,15,2026-11-05,bruno,' \
    '1,5,2026-11-06,bruno,"	tab, and a trailing space "' >"$T/awkward.csv"
hours-log -q --csv "$T/awkward.csv" >/dev/null
report-export entries -o "$T/entries.csv"
# The same entries again are the same batch: refused unless --again.
expect_exit 1 hours-log -q --csv "$T/entries.csv"
expect_err "the export is recognised as the batch applied before" "were applied already"
expect_exit 0 hours-log -q --again --csv "$T/entries.csv"
expect_eq "as many rows back as out" "5 5" "$(sql 'SELECT count(*) FROM entry WHERE id <= 5') $(sql 'SELECT count(*) FROM entry WHERE id > 5')"
expect_eq "the rows that came back are the book's" "" "$(sql 'SELECT task_id, person_id, day, minutes, note FROM entry WHERE id <= 5 EXCEPT SELECT task_id, person_id, day, minutes, note FROM entry WHERE id > 5')"
expect_eq "notes byte for byte" "$(sql 'SELECT note FROM entry WHERE id <= 5 ORDER BY id' | od -An -tx1 | tr -d ' \n')" \
    "$(sql 'SELECT note FROM entry WHERE id > 5 ORDER BY id' | od -An -tx1 | tr -d ' \n')"
HOURBOOK_DB=$book

# Timestamps: UTC with a Z in CSV; in xlsx, which has no zones, local time.
expect_exit 0 report-export events --no-header
expect_eq "CSV timestamps in UTC" "2026-11-23T10:00:00Z" "$(head -1 "$T/out" | cut -d, -f2)"
report-export events -o "$T/events.xlsx"
cat >"$T/events.py" <<'PY'
import sys, datetime, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Events"]
assert ws["B1"].value == "at", ws["B1"].value
assert ws["B2"].value == datetime.datetime(2026, 11, 23, 11, 0), ws["B2"].value
assert ws["B2"].number_format == "yyyy-mm-dd hh:mm:ss", ws["B2"].number_format
print("ok")
PY
expect_eq "xlsx timestamps in the local time of TZ" ok "$($PY "$T/events.py" "$T/events.xlsx" 2>&1 | tail -1)"

finish
