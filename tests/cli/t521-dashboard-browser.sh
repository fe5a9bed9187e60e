# A real browser renders the client's dashboard (report-export dashboard):
# headless Chromium takes a screenshot of a realistic client's page, which
# must be a picture of a page (many colours, not one background, the
# chart's bars and the meter drawn in their colours), and dumps the DOM it
# built from the file, which must hold the package's figures as
# `report-export balances` gives them (in H:MM), the client's display name,
# the late mark on the late tasks only, the paid invoice, and the titles
# and comments that look like HTML as text, with no element made of them
# and no script at all.  It runs wherever the suite runs: scripts/setup
# installs chromium and python3-pil.  A failure or a hang of Chromium fails
# the test.  HB_SCREENSHOT=FILE keeps a copy of the screenshot.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
export HOURBOOK_NOW=2026-11-02T09:00:00Z

# ACME, as in scripts/demo: an upfront package invoiced and paid, a plan of
# tasks, time logged, a comment, a request estimated and waiting for the
# client's approval, tasks past their due date, November billed.
book-config -q agency.name "Studio Rossi & Figli" >/dev/null
client-add -q acme "ACME S.p.A." >/dev/null
project-add -q --client acme --name "ACME website" --rate 60 acme-web >/dev/null
member-add -q --role staff --name "Maria Bianchi" maria >/dev/null
export HOURBOOK_USER=maria
member-add -q --role client --client acme --name "Ana Lima" --project acme-web ana >/dev/null
member-add -q --rate 25 --name "Bruno Rossi" --project acme-web bruno >/dev/null
package-add -q --project acme-web --hours 20 --plan upfront >/dev/null
package-set -q --invoiced --date 2026-11-02 1 >/dev/null
HOURBOOK_NOW=2026-11-05T09:00:00Z package-set -q --paid --date 2026-11-05 1 >/dev/null
task-add -q --project acme-web --csv - >/dev/null <<'CSV'
title,assign,estimate,due,rigid
Home page hero,bruno,3h,2026-11-20,yes
Contact form,bruno,1h30,2026-11-30,no
"Newsletter sign-up, footer",bruno,45m,2026-12-04,no
CSV
HOURBOOK_NOW=2026-11-16T09:00:00Z task-set -q --start 1 >/dev/null
HOURBOOK_NOW=2026-11-19T09:00:00Z hours-log -q --csv - >/dev/null <<'CSV'
task,minutes,date,person,note
1,2h,2026-11-16,bruno,"hero, first pass"
1,1h30,2026-11-17,bruno,"hero, final pass"
2,45m,2026-11-18,bruno,contact form
CSV
HOURBOOK_NOW=2026-11-20T09:00:00Z comment -q --as ana \
    -m "Looks good; one typo in the hero, \"envio\"." 1 >/dev/null
# Text that a browser would take for markup if it were not escaped.
HOURBOOK_NOW=2026-11-21T09:00:00Z comment -q --as ana \
    -m "Please use <b>bold</b> & <script>document.title='pwned'</script> nowhere." 2 >/dev/null
HOURBOOK_NOW=2026-11-27T10:00:00Z task-add -q --as ana --project acme-web "Search box" >/dev/null
HOURBOOK_NOW=2026-11-27T11:00:00Z task-set -q --estimate 2h30 4 >/dev/null
HOURBOOK_NOW=2026-11-27T12:00:00Z task-add -q --project acme-web --assign bruno \
    --due 2026-12-10 "Footer <img src=x> links" >/dev/null
HOURBOOK_NOW=2026-12-01T05:00:00Z billing-run -q --month 2026-11 >/dev/null
export HOURBOOK_NOW=2026-12-02T09:10:00Z

expect_exit 0 report-export dashboard --client acme -o "$T/dash"
# The figures the page must show: the package's as balances gives them.
report-export balances --client acme >"$T/balances.csv"
figures=$(for c in loaded_minutes used_minutes committed_minutes available_minutes; do
	csv_col $c <"$T/balances.csv"
done | awk '{ printf "%s%d:%02d", (NR > 1 ? " " : ""), $1 / 60, $1 % 60 }')
expect_eq "the book's figures (balances, as H:MM)" "22:00 4:15 1:30 16:15" "$figures"

# Chromium, headless, as root too (CI): no sandbox, no GPU, its profile and
# home in $T.  Its stderr (D-Bus complaints in a container) is not judged;
# its exit status and its files are.
chromium_run() {
	timeout -k 10 120 chromium --headless --no-sandbox --disable-gpu \
	    --disable-dev-shm-usage --no-first-run --hide-scrollbars \
	    --user-data-dir="$T/chromium" "$@"
}
url=file://$T/dash/index.html

# look_at_picture: what the screenshot holds: its size, its colours, how
# much of it is not the page's background, the pixels of the meter's and
# the chart's colours, and the tallest run of the bars' colour in a column
# (the meter is 14 pixels high: a taller run is a bar of the chart).
look_at_picture() {
	$PY - "$T/page.png" >"$T/pixels" 2>&1 <<'PY'
import re, sys
from PIL import Image
im = Image.open(sys.argv[1]).convert("RGB")
w, h = im.size
colours = sorted(im.getcolors(w * h), reverse=True)
count = {c: n for n, c in colours}
rgb = lambda s: tuple(int(s[i:i + 2], 16) for i in (1, 3, 5))
used, committed, late = rgb("#3b6fc4"), rgb("#f0a33a"), rgb("#b42318")
# The columns are the rows of the transposed picture: a run of the bars'
# colour down a column is a run of its three bytes there.
columns = im.transpose(Image.Transpose.TRANSPOSE).tobytes()
tallest = 0
for m in re.finditer(b"(?:" + re.escape(bytes(used)) + b")+", columns):
    start, end = m.start(), m.end()
    start += -start % 3
    if start < end and start // (3 * h) == (end - 1) // (3 * h):
        tallest = max(tallest, (end - start) // 3)
print("size %dx%d" % (w, h))
print("colours %d" % len(colours))
print("background #%02x%02x%02x" % colours[0][1])
print("other %d" % (100 * (w * h - colours[0][0]) // (w * h)))
print("used %d" % count.get(used, 0))
print("committed %d" % count.get(committed, 0))
print("late %d" % count.get(late, 0))
print("tallest %d" % tallest)
PY
	pixel() { sed -n "s/^$1 //p" "$T/pixels"; }
	echo "# the picture: $(tr '\n' ' ' <"$T/pixels")"
	expect_eq "the screenshot is 1100x1800" 1100x1800 "$(pixel size)"
	expect_eq "its background is the page's (#f6f7f9)" "#f6f7f9" "$(pixel background)"
	expect_eq "it is no blank page: over 200 colours" yes \
	    "$([ "$(pixel colours)" -gt 200 ] 2>/dev/null && echo yes)"
	expect_eq "a fifth of it or more is not the background (cards, tables, text)" yes \
	    "$([ "$(pixel other)" -ge 20 ] 2>/dev/null && echo yes)"
	expect_eq "the bars' colour (--used, #3b6fc4) is drawn" yes \
	    "$([ "$(pixel used)" -ge 2000 ] 2>/dev/null && echo yes)"
	expect_eq "a bar of the chart is drawn, taller than the meter" yes \
	    "$([ "$(pixel tallest)" -ge 25 ] 2>/dev/null && echo yes)"
	expect_eq "the meter's committed share (#f0a33a) is drawn" yes \
	    "$([ "$(pixel committed)" -ge 200 ] 2>/dev/null && echo yes)"
	expect_eq "the late colour (#b42318) is drawn" yes \
	    "$([ "$(pixel late)" -ge 100 ] 2>/dev/null && echo yes)"
}

chromium_run --window-size=1100,1800 --screenshot="$T/page.png" "$url" \
    >"$T/shot.out" 2>"$T/shot.err"
status=$?
echo "# screenshot: $T/page.png"
if [ $status -ne 0 ] || [ ! -s "$T/page.png" ]; then
	not_ok "Chromium takes a screenshot of the page" "exit status $status" \
	    "$(tail -5 "$T/shot.err")"
else
	ok "Chromium takes a screenshot of the page"
	[ -z "${HB_SCREENSHOT:-}" ] || cp "$T/page.png" "$HB_SCREENSHOT"
	look_at_picture
fi

# The DOM that Chromium built from the file.
chromium_run --dump-dom "$url" >"$T/dom.html" 2>"$T/dom.err"
status=$?
if [ $status -ne 0 ] || ! grep -q '</html>' "$T/dom.html"; then
	not_ok "Chromium dumps the page's DOM" "exit status $status" \
	    "$(tail -5 "$T/dom.err")"
	finish
fi
ok "Chromium dumps the page's DOM"
# Read back: the document's title and heading, the package card's
# figures, each row of the tables (cells between |, by section), the cells
# marked late, the elements that no page of this client should hold, and
# the text of the body (its styles aside), a line per text node.
$PY - "$T/dom.html" "$T/text" >"$T/dom" 2>&1 <<'PY'
import sys
from html.parser import HTMLParser

VOID = ("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr")

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.text, self.out, self.tags = [], [], [], {}
        self.section, self.row, self.cell, self.late = None, None, None, False
        self.title = self.h1 = ""
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag in VOID:
            return
        self.stack.append(tag)
        if tag == "section" and a.get("id"):
            self.section = a["id"]
        if tag == "table" and "figures" in classes:
            self.section = "figures"
        if tag == "tr" and "tbody" in self.stack:
            self.row = []
        if tag == "td" and self.row is not None:
            self.cell, self.late = "", "late" in classes
    def handle_endtag(self, tag):
        if tag not in self.stack:
            return
        while self.stack.pop() != tag:
            pass
        if tag == "td" and self.cell is not None:
            cell = " ".join(self.cell.replace("\u00a0", " ").split())
            self.row.append(cell)
            if self.late:
                self.out.append("late " + cell)
            self.cell = None
        if tag == "tr" and self.row is not None:
            self.out.append("row %s %s" % (self.section, "|".join(self.row)))
            self.row = None
    def handle_data(self, data):
        if "style" in self.stack:
            return
        if self.stack[-1:] == ["title"] and "svg" not in self.stack:
            self.title += data
        if "h1" in self.stack:
            self.h1 += data
        if self.cell is not None:
            self.cell += data
        if "body" in self.stack and data.strip():
            self.text.append(" ".join(data.replace("\u00a0", " ").split()))

p = Page()
p.feed(open(sys.argv[1], encoding="utf-8").read())
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(p.text) + "\n")
print("title " + p.title)
print("h1 " + p.h1)
print("\n".join(p.out))
for tag in ("script", "b", "img", "iframe", "object", "embed", "link", "style"):
    print("elements %s %d" % (tag, p.tags.get(tag, 0)))
PY
field() { sed -n "s/^$1 //p" "$T/dom"; }
expect_eq "the document's title names the client by its display name" \
    "Hours dashboard – ACME S.p.A." "$(field title)"
expect_eq "so does its heading" "Hours dashboard – ACME S.p.A." "$(field h1)"
expect_eq "the package's loaded, used, committed and available, as balances gives them" \
    "$(echo "$figures" | tr ' ' '|')" "$(field 'row figures')"
expect_eq "waiting for the client: the estimate to approve, since when, business days" \
    "4|ACME website|Search box|estimate to approve: 2:30|2026-11-27|3" "$(field 'row waiting')"
expect_eq "the work in progress by due date, the two past it marked late" \
    "1|ACME website|Home page hero|in progress|Bruno Rossi|2026-11-20 · late
2|ACME website|Contact form|in progress|Bruno Rossi|2026-11-30 · late
3|ACME website|Newsletter sign-up, footer|planned|Bruno Rossi|2026-12-04
5|ACME website|Footer <img src=x> links|planned|Bruno Rossi|2026-12-10" "$(field 'row open')"
expect_eq "the cells marked late are those two" \
    "2026-11-20 · late
2026-11-30 · late" "$(field late)"
expect_eq "the comments, newest first, shown as written" \
    "2026-11-21|2 · Contact form|Ana Lima|Please use <b>bold</b> & <script>document.title='pwned'</script> nowhere.
2026-11-20|1 · Home page hero|Ana Lima|Looks good; one typo in the hero, \"envio\"." "$(field 'row comments')"
expect_eq "November's invoice, paid" "Nov 2026|1|ACME website|660.00 EUR|paid" "$(field 'row invoices')"
for text in "Studio Rossi & Figli" "ACME website · Package 1" \
    "Plan: paid upfront · Status: active · no expiry" \
    "Used 19%, Committed 7%, Available 74% of the loaded hours" "Loaded 22:00" \
    "Period: Jan 2026 – Dec 2026 · Updated 2026-12-02 10:10 (Europe/Rome)"; do
	if grep -qxF -- "$text" "$T/text"; then
		ok "the page shows \"$text\""
	else
		not_ok "the page shows \"$text\"" "$(head -c 1500 "$T/text")"
	fi
done
for tag in script b img iframe object embed link; do
	expect_eq "no <$tag> element in the page" 0 "$(field "elements $tag")"
done
expect_eq "its styles are inside it: one <style>" 1 "$(field "elements style")"

finish
