# The approvals round-trip: the client's decisions and notes, filled in
# the sheet (openpyxl, then re-saved by LibreOffice as a client's
# spreadsheet would), applied by task-set --sheet as the client's contact:
# all or nothing, a stale row naming itself, the same sheet twice
# changing nothing; a workbook not ours, another book's, a changed hidden
# row, a truncated file and garbage refused.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3

client-add -q acme "Acme S.p.A." >/dev/null
project-add -q --client acme --name "Acme web" --rate 60 web >/dev/null
member-add -q --client acme --name "Carla Rossi" --project web carla >/dev/null
member-add -q --client acme --name "Dario Neri" --project web dario >/dev/null
member-add -q --rate 25 --name "Bruno Costa" --project web bruno >/dev/null
HOURBOOK_NOW=2026-11-02T09:00:00Z package-add -q --project web --hours 40 >/dev/null
HOURBOOK_NOW=2026-11-02T09:00:00Z package-set -q --invoiced 1 >/dev/null
HOURBOOK_NOW=2026-11-02T09:00:00Z package-set -q --paid 1 >/dev/null
HOURBOOK_NOW=2026-11-03T09:00:00Z task-add -q --project web --kind request "Logo" >/dev/null
HOURBOOK_NOW=2026-11-03T09:00:00Z task-add -q --project web --kind request "Banner" >/dev/null
HOURBOOK_NOW=2026-11-03T09:00:00Z task-add -q --project web --assign bruno --estimate 3h "Home page" >/dev/null
HOURBOOK_NOW=2026-11-03T09:00:00Z task-add -q --project web --kind request "Newsletter" >/dev/null
HOURBOOK_NOW=2026-11-03T09:00:00Z task-add -q --project web --assign bruno "Footer" >/dev/null
HOURBOOK_NOW=2026-11-04T09:00:00Z task-set -q --estimate 2h 1 2 >/dev/null
HOURBOOK_NOW=2026-11-04T09:00:00Z task-set -q --estimate 5h 4 >/dev/null
HOURBOOK_NOW=2026-11-05T09:00:00Z task-set -q --as bruno --start 3 >/dev/null
HOURBOOK_NOW=2026-11-06T09:00:00Z task-set -q --as bruno --deliver 3 >/dev/null
export HOURBOOK_NOW=2026-11-10T09:00:00Z
expect_exit 0 report-export activities --client acme -o "$T/sheet.xlsx"

# fill IN OUT TASK=DECISION[=NOTE]...: the client's hand, cell by cell.
cat >"$T/fill.py" <<'PY'
import sys, openpyxl
src, dst = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(src)
hb = wb["hourbook"]
approval, note = hb["B4"].value + 1, hb["C4"].value + 1
row = {hb.cell(x, 2).value: hb.cell(x, 1).value for x in range(6, hb.max_row + 1)}
ws = wb.worksheets[0]
for arg in sys.argv[3:]:
    parts = arg.split("=")
    task = int(parts[0])
    ws.cell(row[task], approval).value = parts[1] or None
    if len(parts) > 2:
        ws.cell(row[task], note).value = parts[2]
wb.save(dst)
PY
fill() {
	$PY "$T/fill.py" "$@" || not_ok "openpyxl fills the sheet"
}
state() {	# by task number (task-list lists the open work first)
	task-list --no-header | sort -t, -k1,1n | awk -F, '{ printf "%s%s=%s", sep, $1, $5; sep = " " }'
}
fill "$T/sheet.xlsx" "$T/filled.xlsx" 1=approve 2=approve "3=revise=The logo must be bigger, please" 4=approve

# The stale row: task 4 moved after the sheet was made.
HOURBOOK_NOW=2026-11-11T09:00:00Z task-set -q --cancel 4 >/dev/null
before=$(state)
events_before=$(report-export events | wc -l)
HOURBOOK_NOW=2026-11-12T09:00:00Z expect_exit 1 task-set --sheet "$T/filled.xlsx" --as carla
row4=$($PY -c 'import sys, openpyxl; hb = openpyxl.load_workbook(sys.argv[1])["hourbook"]; print([hb.cell(x, 1).value for x in range(6, hb.max_row + 1) if hb.cell(x, 2).value == 4][0])' "$T/filled.xlsx")
expect_err "the stale row is named" "row $row4: task 4 was estimated and is cancelled now"
expect_err "nothing was applied" "nothing was applied"
expect_eq "no task moved" "$before" "$(state)"
expect_eq "no event written" "$events_before" "$(report-export events | wc -l)"
expect_eq "no comment written" 1 "$(comment --list 3 | wc -l)"

# Without the stale row it applies, as carla would on the command line.
fill "$T/filled.xlsx" "$T/fresh.xlsx" 4=
HOURBOOK_NOW=2026-11-12T09:00:00Z expect_exit 0 task-set --sheet "$T/fresh.xlsx" --as carla
expect_eq "the moved tasks printed" "1,approved 2,approved 3,revision" "$(awk -F, 'NR > 1 { printf "%s%s,%s", sep, $1, $5; sep = " " }' "$T/out")"
expect_eq "the decisions applied" "1=approved 2=approved 3=revision 4=cancelled 5=open" "$(state)"
expect_eq "the events, by carla" "1,carla,approved 2,carla,approved 3,carla,revision" "$(report-export events | awk -F, '$2 == "2026-11-12T09:00:00Z" && $4 == "task" { printf "%s%s,%s,%s", sep, $5, $3, $8; sep = " " }')"
expect_eq "the note is carla's comment" "carla: The logo must be bigger, please" "$(comment --list 3 | $PY -c 'import csv, sys; print("\n".join(r["author"] + ": " + r["body"] for r in csv.DictReader(sys.stdin)))')"

# The same sheet again changes nothing, and says so.
after=$(state)
events_after=$(report-export events | wc -l)
HOURBOOK_NOW=2026-11-13T09:00:00Z expect_exit 0 task-set --sheet "$T/fresh.xlsx" --as carla
expect_err "the second application says so" "every decision in it was applied already"
expect_eq "the second application prints no task" 1 "$(wc -l <"$T/out")"
expect_eq "no task moved the second time" "$after" "$(state)"
expect_eq "no event the second time" "$events_after" "$(report-export events | wc -l)"
expect_eq "no second comment" 2 "$(comment --list 3 | wc -l)"

# Only the client's contact speaks for the client.
expect_exit 1 task-set --sheet "$T/fresh.xlsx" --as dario
expect_err "another client person is refused" "act as the client's contact"
expect_exit 1 task-set --sheet "$T/fresh.xlsx" --as bruno

# LibreOffice re-saves the filled workbook as a client's spreadsheet
# would (its own styles, shared strings, its order of the parts), and
# that file applies.
HOURBOOK_NOW=2026-11-14T09:00:00Z task-set -q --as bruno --deliver 3 >/dev/null
HOURBOOK_NOW=2026-11-14T09:00:00Z task-add -q --project web --kind request "Icons" >/dev/null
HOURBOOK_NOW=2026-11-14T09:00:00Z task-set -q --estimate 1h 6 >/dev/null
HOURBOOK_NOW=2026-11-15T09:00:00Z expect_exit 0 report-export activities --client acme --lang it -o "$T/sheet2.xlsx"
fill "$T/sheet2.xlsx" "$T/filled2.xlsx" 3=accetta "6=rifiuta=Non serve più, grazie"
mkdir -p "$T/lo"
if soffice --headless --norestore --convert-to xlsx --outdir "$T/lo" "$T/filled2.xlsx" >"$T/soffice.log" 2>&1 &&
    [ -s "$T/lo/filled2.xlsx" ]; then
	ok "LibreOffice re-saves the sheet"
else
	not_ok "LibreOffice re-saves the sheet" "$(cat "$T/soffice.log")"
fi
$PY - "$T/lo/filled2.xlsx" >"$T/lo.txt" 2>&1 <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
print("sharedStrings" if "xl/sharedStrings.xml" in names else "no-sharedStrings")
print("LibreOffice" if b"LibreOffice" in z.read("docProps/app.xml") else "other")
PY
expect_eq "the re-saved file is LibreOffice's, with shared strings" "sharedStrings LibreOffice" "$(tr '\n' ' ' <"$T/lo.txt" | sed 's/ $//')"
HOURBOOK_NOW=2026-11-16T09:00:00Z expect_exit 0 task-set --sheet "$T/lo/filled2.xlsx" --as carla
expect_eq "LibreOffice's file applied" "3=done 6=rejected" "$(state | tr ' ' '\n' | grep -E '^(3|6)=' | tr '\n' ' ' | sed 's/ $//')"
expect_eq "its note is carla's comment" "carla: Non serve più, grazie" "$(comment --list 6 | $PY -c 'import csv, sys; print("\n".join(r["author"] + ": " + r["body"] for r in csv.DictReader(sys.stdin)))')"
HOURBOOK_NOW=2026-11-17T09:00:00Z expect_exit 0 task-set --sheet "$T/lo/filled2.xlsx" --as carla
expect_err "LibreOffice's file twice changes nothing" "applied already"

# Workbooks that are not ours.
$PY -c 'import sys, openpyxl; wb = openpyxl.Workbook(); wb.active["A1"] = "hello"; wb.save(sys.argv[1])' "$T/plain.xlsx"
expect_exit 65 task-set --sheet "$T/plain.xlsx" --as carla
expect_err "a workbook without our sheet" "not an activity sheet made by hourbook: it has no hidden sheet \"hourbook\""
HOURBOOK_DB=$T/other.db client-add -q acme >/dev/null 2>&1
HOURBOOK_DB=$T/other.db project-add -q --client acme web >/dev/null
HOURBOOK_DB=$T/other.db expect_exit 0 report-export activities -o "$T/other.xlsx"
expect_exit 65 task-set --sheet "$T/other.xlsx" --as carla
expect_err "another book's sheet" "the sheet was made from another book"
$PY - "$T/fresh.xlsx" "$T/tampered.xlsx" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb["hourbook"]["C6"] = "estimated" if wb["hourbook"]["C6"].value != "estimated" else "open"
wb.save(sys.argv[2])
PY
expect_exit 65 task-set --sheet "$T/tampered.xlsx" --as carla
expect_err "a changed hidden row" "hidden record of the row was changed"
fill "$T/sheet2.xlsx" "$T/word.xlsx" 3=maybe
expect_exit 65 task-set --sheet "$T/word.xlsx" --as carla
expect_err "a word not of the list" "\"maybe\" is not one of the decisions"
head -c 3000 "$T/sheet.xlsx" >"$T/short.xlsx"
expect_exit 65 task-set --sheet "$T/short.xlsx" --as carla
expect_err "a truncated file" "not an activity sheet made by hourbook"
head -c 20000 /dev/urandom >"$T/garbage.xlsx" 2>/dev/null || printf 'garbage' >"$T/garbage.xlsx"
expect_exit 65 task-set --sheet "$T/garbage.xlsx" --as carla
expect_exit 66 task-set --sheet "$T/missing.xlsx" --as carla
expect_exit 64 task-set --sheet "$T/fresh.xlsx" --approve 1
finish
