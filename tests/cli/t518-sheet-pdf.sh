# A real spreadsheet prints the client's sheet: LibreOffice (headless)
# turns a sheet of 20 tasks into a PDF whose first page, landscape, holds
# the header block and every task row, and whose second is the Summary.
# It runs wherever the suite runs: scripts/setup installs LibreOffice and
# poppler-utils.
. "$(dirname "$0")/lib.sh"
export HOURBOOK_NOW=2026-11-02T09:00:00Z

client-add -q verde "Verde Costruzioni S.r.l." >/dev/null
book-config -q agency.name "Studio Rossi & Figli" >/dev/null
project-add -q --client verde --name "Verde website" --rate 60 site >/dev/null
member-add -q --role staff --name "Maria Rossi" maria >/dev/null
export HOURBOOK_USER=maria
member-add -q --rate 25 --name "Bruno Costa" --project site bruno >/dev/null
package-add -q --project site --hours 100 >/dev/null
package-set -q --invoiced --date 2026-11-02 1 >/dev/null
package-set -q --paid --date 2026-11-02 1 >/dev/null
awk 'BEGIN { print "title,assign,estimate"
	for (i = 1; i <= 20; i++) printf "\"Page %d of the site, with its texts and pictures\",bruno,%dh\n", i, 1 + i % 4 }' |
    task-add -q --project site --csv - >/dev/null
awk 'BEGIN { print "task,minutes,date,person"
	for (i = 1; i <= 20; i++) printf "%d,%dm,2026-11-%02d,bruno\n", i, 30 + 5 * i, 2 + i % 20 }' >"$T/week.csv"
HOURBOOK_NOW=2026-11-23T09:00:00Z hours-log -q --csv "$T/week.csv" >/dev/null
export HOURBOOK_NOW=2026-12-01T09:00:00Z
expect_exit 0 report-export activities --client verde --month 2026-11 -o "$T/sheet.xlsx"

mkdir "$T/pdf"
if ! (cd "$T" && timeout 300 soffice --headless --norestore --convert-to pdf \
    --outdir "$T/pdf" "$T/sheet.xlsx" >"$T/soffice.log" 2>&1) ||
    [ ! -s "$T/pdf/sheet.pdf" ]; then
	not_ok "LibreOffice prints the sheet" "$(cat "$T/soffice.log")"
	finish
fi
ok "LibreOffice prints the sheet"
pdfinfo "$T/pdf/sheet.pdf" >"$T/info"
expect_eq "two pages: the activities, then the Summary" 2 "$(sed -n 's/^Pages: *//p' "$T/info")"
size=$(sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\) pts.*/\1 \2/p' "$T/info")
expect_eq "landscape" yes "$(echo "$size" | awk '{ print ($1 > $2) ? "yes" : "no" }')"
pdftotext -layout -f 1 -l 1 "$T/pdf/sheet.pdf" "$T/page1.txt"
for text in "Activity sheet" "Studio Rossi & Figli" "Verde Costruzioni S.r.l." "Verde website" \
    "Bruno Costa" "Page 1 of the site" "Page 20 of the site" "Total of agreed work" "How to read this sheet" \
    "Page 1 of 2"; do
	grep -qF "$text" "$T/page1.txt" && ok "page 1 shows \"$text\"" ||
	    not_ok "page 1 shows \"$text\"" "$(cat "$T/page1.txt")"
done
grep -q "bruno" "$T/page1.txt" && not_ok "no handles on the client's page" || ok "no handles on the client's page"
pdftotext -layout -f 2 -l 2 "$T/pdf/sheet.pdf" "$T/page2.txt"
grep -q "Opening.*Available" "$T/page2.txt" && ok "page 2 is the Summary" || not_ok "page 2 is the Summary" "$(cat "$T/page2.txt")"

finish
