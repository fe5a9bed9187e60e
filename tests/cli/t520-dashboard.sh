# report-export dashboard: each client's static page.  A book of two
# clients (verde, Italian, on a monthly plan; rosa on an upfront package
# and a standard one closed in October) with three months of time,
# invoices, tasks waiting for the client, late work and comments; then:
# the page's figures are balances' figures; nothing of the other client
# is on a client's page; hostile text is shown as text; the page is valid
# HTML that fetches nothing; its language; the usage errors and the
# files it writes; --all and its index; the period (invoices, chart
# bars); and the tables' limit of 50 rows.
# Pages are read with Python's html.parser ($T/page.py): what a browser
# would show is what is checked, not the markup's spelling.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
umask 022

hostile="<script>alert(1)</script> \"quotes\" 'apostrophes' &amp; ampersands"
# A comment over 600 bytes is cut at 600, never inside a character: "x"
# and 400 two-byte "è" cut to "x" and 299 of them, then an ellipsis.
long="x$(printf 'è%.0s' $(seq 400))"
long_cut="x$(printf 'è%.0s' $(seq 299))…"

# ---- the book ----------------------------------------------------------
# at WHEN CMD...: CMD run at WHEN, quietly.
at() { when=$1; shift; HOURBOOK_NOW=$when "$@" >/dev/null; }
at 2026-09-01T08:00:00Z book-config -q agency.name "Studio Rossi & Figli"
at 2026-09-01T08:00:00Z client-add -q --lang it verde "Verde Costruzioni S.r.l."
at 2026-09-01T08:00:00Z client-add -q rosa "Rosa Fiori Ltd"
at 2026-09-01T08:00:00Z member-add -q --role staff --name "Maria Rossi" maria
export HOURBOOK_USER=maria
at 2026-09-01T08:00:00Z project-add -q --client verde --name "Verde website" --rate 60 verde-site
at 2026-09-01T08:00:00Z project-add -q --client rosa --name "Rosa shop" --rate 50 rosa-shop
at 2026-09-01T08:00:00Z project-add -q --client rosa --name "Rosa journal" --rate 40 rosa-blog
# Each client its own people: a contact and a freelancer.
at 2026-09-01T08:00:00Z member-add -q --client verde --name "Giulia Verdi" --project verde-site giulia
at 2026-09-01T08:00:00Z member-add -q --client rosa --name "Rita Fiorini" --project rosa-shop rita
at 2026-09-01T08:00:00Z member-add -q --rate 25 --name "Bruno Costa" --project verde-site bruno
at 2026-09-01T08:00:00Z member-add -q --rate 30 --name "Carla Neri" --project rosa-shop carla
at 2026-09-01T08:00:00Z member-add -q --project rosa-blog carla
# Package 1: verde's monthly plan from September, 10 h a month; 2: rosa's
# 20 h upfront (22 h loaded); 3: rosa's 5 h standard, closed 15 October.
at 2026-09-01T08:00:00Z package-add -q --project verde-site --hours 10 --plan monthly --months 6 --start 2026-09
at 2026-09-01T08:00:00Z package-set -q --invoiced 1
at 2026-09-01T08:00:00Z package-set -q --paid 1
at 2026-09-01T08:00:00Z package-add -q --project rosa-shop --hours 20 --plan upfront
at 2026-09-01T08:00:00Z package-set -q --invoiced 2
at 2026-09-01T08:00:00Z package-set -q --paid 2
at 2026-09-01T08:00:00Z package-add -q --project rosa-blog --hours 5
at 2026-09-01T08:00:00Z package-set -q --invoiced 3
at 2026-09-02T08:00:00Z package-set -q --paid 3
# Tasks 1-4 verde's, 5-7 rosa's.
at 2026-09-01T08:00:00Z task-add -q --project verde-site --assign bruno --estimate 4h --due 2026-11-10 "Home page"
at 2026-09-01T08:00:00Z task-add -q --project verde-site --assign bruno --estimate 6h --due 2026-12-15 "Contact form"
at 2026-09-01T08:00:00Z task-add -q --project verde-site --assign bruno --estimate 2h "Logo refresh"
at 2026-09-01T08:00:00Z task-add -q --project verde-site --assign bruno --estimate 1h "Privacy page"
at 2026-09-01T08:00:00Z task-add -q --project rosa-shop --assign carla --estimate 8h --due 2026-10-30 "Checkout flow"
at 2026-09-01T08:00:00Z task-add -q --project rosa-shop --assign carla --estimate 3h "Product photos"
at 2026-09-01T08:00:00Z task-add -q --project rosa-blog --assign carla --estimate 2h --due 2026-12-20 "Journal layout"
# Three months of time.  Verde: 5:00 in September, 4:30 in October, 2:15
# in November; rosa's shop 5:00, 6:30, 1:00; its journal 2:00 in September.
at 2026-09-10T09:00:00Z hours-log -q --person bruno --date 2026-09-10 1 3h
at 2026-09-11T09:00:00Z hours-log -q --person bruno --date 2026-09-11 3 2h
at 2026-09-15T09:00:00Z hours-log -q --person carla --date 2026-09-15 5 5h
at 2026-09-20T09:00:00Z hours-log -q --person carla --date 2026-09-20 7 2h
at 2026-10-01T06:00:00Z billing-run -q --month 2026-09
at 2026-10-02T09:00:00Z package-set -q --paid 1
at 2026-10-12T09:00:00Z hours-log -q --person bruno --date 2026-10-12 1 4h
at 2026-10-13T09:00:00Z hours-log -q --person bruno --date 2026-10-13 4 30m
at 2026-10-15T09:00:00Z package-set -q --closed 3
at 2026-10-20T09:00:00Z hours-log -q --person carla --date 2026-10-20 6 2h30m
at 2026-10-21T09:00:00Z hours-log -q --person carla --date 2026-10-21 5 4h
# October's run invoices verde's November, left unpaid: awaiting payment.
at 2026-11-01T06:00:00Z billing-run -q --month 2026-10
at 2026-11-05T09:00:00Z hours-log -q --person bruno --date 2026-11-05 1 2h15m
at 2026-11-06T09:00:00Z hours-log -q --person carla --date 2026-11-06 6 1h
# Waiting for the client: a delivery (3, 6), a task blocked on the
# client's information (4), estimates of the client's requests (8, 9).
at 2026-11-09T09:00:00Z task-set -q --as bruno --deliver 3
at 2026-11-10T09:00:00Z task-set -q --as bruno --block "waiting for the texts" 4
at 2026-11-12T09:00:00Z task-add -q --as giulia --project verde-site "Gallery"
at 2026-11-13T09:00:00Z task-set -q --as bruno --estimate 3h 8
at 2026-11-14T09:00:00Z task-set -q --as carla --deliver 6
at 2026-11-15T09:00:00Z task-add -q --as rita --project rosa-shop "Newsletter signup"
at 2026-11-16T09:00:00Z task-set -q --as carla --estimate 2h 9
# Task 10: verde's, due next week, its title hostile.
at 2026-11-17T09:00:00Z task-add -q --project verde-site --assign bruno --due 2026-11-30 "$hostile"
at 2026-11-18T09:00:00Z comment -q --as giulia -m "Please use the new logo" 1
at 2026-11-18T10:00:00Z comment -q --as bruno -m "$hostile" 10
at 2026-11-18T11:00:00Z comment -q --as giulia -m "$long" 2
at 2026-11-19T09:00:00Z comment -q --as rita -m "Shipping rates for Ticino, please" 5
at 2026-11-19T10:00:00Z comment -q --as carla -m "Photos uploaded to the shared drive" 6
export HOURBOOK_NOW=2026-11-23T10:00:00Z

cat >"$T/page.py" <<'PY'
# page.py MODE FILE [ARGS]: what a page holds, read with html.parser.
import csv, re, sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}

class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.kids = []
    def text(self):
        return "".join(k if isinstance(k, str) else k.text() for k in self.kids)
    def walk(self):
        yield self
        for k in self.kids:
            if isinstance(k, Node):
                yield from k.walk()
    def all(self, tag, cls=None):
        return [n for n in self.walk() if n.tag == tag and
                (cls is None or cls in n.attrs.get("class", "").split())]
    def inside(self, tag):
        p = self.parent
        while p is not None:
            if p.tag == tag:
                return True
            p = p.parent
        return False

class Strict(HTMLParser):
    """A tree, and every liberty a browser would forgive, as a problem."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.stack, self.problems, self.decls = [self.root], [], []
    def handle_decl(self, decl):
        self.decls.append(decl)
    def add(self, tag, attrs):
        names = [a for a, _ in attrs]
        if len(names) != len(set(names)):
            self.problems.append("<%s> repeats an attribute" % tag)
        n = Node(tag, attrs, self.stack[-1])
        self.stack[-1].kids.append(n)
        return n
    def handle_starttag(self, tag, attrs):
        n = self.add(tag, attrs)
        if tag not in VOID:
            self.stack.append(n)
    def handle_startendtag(self, tag, attrs):
        n = self.add(tag, attrs)
        if tag not in VOID and not (tag == "svg" or n.inside("svg")):
            self.problems.append("<%s/> outside svg" % tag)
    def handle_endtag(self, tag):
        if tag in VOID:
            self.problems.append("</%s> closes a void element" % tag)
        elif self.stack[-1].tag != tag:
            self.problems.append("</%s> closes <%s>" % (tag, self.stack[-1].tag))
            if tag in [n.tag for n in self.stack]:
                while self.stack.pop().tag != tag:
                    pass
        else:
            self.stack.pop()
    def handle_data(self, data):
        self.stack[-1].kids.append(data)
    def handle_comment(self, data):
        self.problems.append("a comment")

def parse(path):
    p = Strict()
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    p.feed(raw)
    p.close()
    if len(p.stack) > 1:
        p.problems.append("not closed: " + " ".join(n.tag for n in p.stack[1:]))
    return p, raw

def hm(m):
    m = int(m)
    return "%s%d:%02d" % ("-" if m < 0 else "", abs(m) // 60, abs(m) % 60)

def section(root, sid):
    s = [n for n in root.walk() if n.attrs.get("id") == sid]
    return s[0] if s else Node("#none", [], None)

def rows(sec):
    return [[td.text() for td in tr.all("td")] for tr in sec.all("tr")
            if tr.all("td") and not tr.all("td", "more")]

mode, path, args = sys.argv[1], sys.argv[2], sys.argv[3:]
if mode == "balances":          # the CSV's figures as the cards show them
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            print(r["package"], *(hm(r[k + "_minutes"]) for k in
                  ("loaded", "used", "committed", "available")))
    sys.exit()
if mode == "column":            # the values of CSV columns, one a line
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            for c in args:
                if r[c]:
                    print(r[c])
    sys.exit()
p, raw = parse(path)
root = p.root
if mode == "valid":
    bad = list(p.problems)
    if p.decls != ["DOCTYPE html"]:
        bad.append("doctype: %r" % p.decls)
    for tag in ("html", "head", "body"):
        if len(root.all(tag)) != 1:
            bad.append("%d <%s>" % (len(root.all(tag)), tag))
    titles = [n for n in root.all("title") if not n.inside("svg")]
    if len(titles) != 1 or not titles[0].inside("head"):
        bad.append("%d <title> in the document" % len(titles))
    top = [k for k in root.kids if isinstance(k, Node)]
    if [n.tag for n in top] != ["html"]:
        bad.append("the top: %s" % [n.tag for n in top])
    elif [k.tag for k in top[0].kids if isinstance(k, Node)] != ["head", "body"]:
        bad.append("html holds %s" % [k.tag for k in top[0].kids if isinstance(k, Node)])
    ids = [n.attrs["id"] for n in root.walk() if "id" in n.attrs]
    if len(ids) != len(set(ids)):
        bad.append("duplicate ids: %s" % sorted({i for i in ids if ids.count(i) > 1}))
    for n in root.walk():
        if n.tag in ("script", "link", "img", "iframe", "frame", "object",
                     "embed", "base", "audio", "video", "source", "picture",
                     "form", "use", "image", "foreignobject"):
            bad.append("<%s>" % n.tag)
        if n.tag == "meta" and "http-equiv" in n.attrs:
            bad.append("<meta http-equiv>")
        for a, v in n.attrs.items():
            v = v or ""
            if a.startswith("on"):
                bad.append("<%s %s>" % (n.tag, a))
            if re.search(r"https?:|^\s*//|javascript:|data:", v, re.I) and not (
                    n.tag == "svg" and a == "xmlns" and v == "http://www.w3.org/2000/svg"):
                bad.append("<%s %s=%r>" % (n.tag, a, v))
            if a == "style" and re.search(r"url\(|@import", v, re.I):
                bad.append("<%s style=%r>" % (n.tag, v))
    for s in root.all("style"):
        if re.search(r"url\(|@import|https?:|//", s.text(), re.I):
            bad.append("the styles fetch something")
    # In the bytes: every "http" is the SVG namespace of an svg element.
    if raw.count("http") != raw.count('<svg class="chart" xmlns="http://www.w3.org/2000/svg"') + \
            raw.count('<svg class="meter" xmlns="http://www.w3.org/2000/svg"'):
        bad.append("an http other than the SVG namespace")
    print("\n".join(bad) if bad else "ok")
elif mode == "cards":           # package, loaded, used, committed, available
    for c in root.all("section", "card"):
        fig = c.all("table", "figures")[0]
        print(c.attrs["id"].replace("package-", ""), *[td.text() for td in fig.all("td")])
elif mode == "badges":          # package:badge, for the cards with one
    print(" ".join("%s:%s" % (c.attrs["id"].replace("package-", ""), b.text())
          for c in root.all("section", "card") for b in c.all("span", "badge")))
elif mode == "bars":            # package:bars of its chart
    print(" ".join("%s:%d" % (c.attrs["id"].replace("package-", ""),
          sum(len(s.all("rect", "bar")) for s in c.all("svg", "chart")))
          for c in root.all("section", "card")))
elif mode == "tips":            # the bars' titles of package ARG
    c = section(root, "package-" + args[0])
    print("|".join(r.all("title")[0].text() for r in c.all("rect", "bar")))
elif mode == "names":           # which of ARG's lines the page shows
    # Each piece of text and each attribute apart: cells are not words.
    shown = "\n".join([k for n in root.walk() for k in n.kids if isinstance(k, str)] +
                      [v or "" for n in root.walk() for v in n.attrs.values()])
    with open(args[0], encoding="utf-8") as f:
        for s in sorted({l.rstrip("\n") for l in f if l.strip()}):
            if re.search(r"(?<![\w])" + re.escape(s) + r"(?![\w])", shown):
                print(s)
elif mode == "hostile":         # ARG as text: the title cell, the comment
    want = args[0]
    bad = []
    if root.all("script"):
        bad.append("a script element")
    if want not in [r[2] for r in rows(section(root, "open")) if len(r) > 2]:
        bad.append("no work-in-progress title reads %r" % want)
    if want not in [r[3] for r in rows(section(root, "comments")) if len(r) > 3]:
        bad.append("no comment reads %r" % want)
    if want not in root.text():
        bad.append("not in the text")
    print("\n".join(bad) if bad else "ok")
elif mode == "comments":        # the comments' bodies, one a line
    for r in rows(section(root, "comments")):
        print(r[3])
elif mode == "invoices":        # number and month, one a line, as listed
    for r in rows(section(root, "invoices")):
        print(r[1], r[0])
elif mode == "invoice-rows":    # how many rows, and the "more" row
    sec = section(root, "invoices")
    print(len(rows(sec)), "|".join(td.text() for td in sec.all("td", "more")))
elif mode == "open":            # task, due and late, by due date
    for r in section(root, "open").all("tr"):
        tds = r.all("td")
        if len(tds) == 6:
            print(tds[0].text(), tds[5].text(), "late" if "late" in tds[5].attrs.get("class", "") else "-")
elif mode == "waiting":         # task: what is asked
    print(" ".join("%s:%s" % (r[0], r[3]) for r in rows(section(root, "waiting"))))
elif mode == "lang":            # html's lang, and the headings
    print(root.all("html")[0].attrs.get("lang"), "|".join(h.text() for h in root.all("h2")))
elif mode == "links":           # the index's links
    print(" ".join(sorted(a.attrs.get("href", "") for a in root.all("a"))))
elif mode == "index":           # the index's row of the client linked at ARG
    for tr in root.all("tr"):
        a = tr.all("a")
        if a and a[0].attrs.get("href") == args[0]:
            print(" ".join(td.text() for td in tr.all("td")[1:]))
else:
    sys.exit("page.py: no mode " + mode)
PY
page() { $PY "$T/page.py" "$@" 2>&1; }
sum_hm() { awk '{ s += $1 } END { printf "%s%d:%02d\n", s < 0 ? "-" : "", (s < 0 ? -s : s) / 60, (s < 0 ? -s : s) % 60 }'; }

# ---- each client's page -----------------------------------------------------
for c in verde rosa; do
	expect_exit 0 report-export dashboard --client $c -o "$T/$c"
	expect_eq "$c: one file in its folder, no temporary file left" index.html "$(ls -A "$T/$c")"
	report-export balances --client $c >"$T/$c-balances.csv"
	report-export invoices --client $c >"$T/$c-invoices.csv"
done

# The figures are balances', as H:MM: loaded, used, committed, available.
for c in verde rosa; do
	expect_eq "$c: every package's card has balances' figures" \
	    "$(page balances "$T/$c-balances.csv")" "$(page cards "$T/$c/index.html")"
done
expect_eq "verde's monthly plan: 20:00 loaded, 11:45 used (by hand)" "1 20:00 11:45" \
    "$(page cards "$T/verde/index.html" | cut -d' ' -f1-3)"
# November's fee of the monthly plan is invoiced and not paid.
expect_eq "verde's card says it awaits a payment, rosa's do not" "1:in attesa di pagamento|" \
    "$(page badges "$T/verde/index.html")|$(page badges "$T/rosa/index.html")"

# Two clients, one page each: nothing of the other is read into it.
for c in verde rosa; do
	o=$([ $c = verde ] && echo rosa || echo verde)
	report-export clients --client $o >"$T/o.clients"
	report-export projects --client $o >"$T/o.projects"
	report-export tasks --client $o >"$T/o.tasks"
	report-export comments --client $o >"$T/o.comments"
	report-export people --client $o >"$T/o.people"
	{
		page column "$T/o.clients" client display_name
		page column "$T/o.projects" project name
		page column "$T/o.tasks" title assignee
		page column "$T/o.comments" body author
		page column "$T/o.people" person name
		for p in $(page column "$T/o.projects" project); do
			report-export people --client $o --project "$p" >"$T/o.team"
			page column "$T/o.team" person name
		done
	} >"$T/$o-names"
	expect_eq "the strings of $o's book are many" yes "$([ "$(sort -u "$T/$o-names" | wc -l)" -ge 14 ] && echo yes)"
	expect_eq "$c's page shows none of $o's names, titles, comments, people" "" \
	    "$(page names "$T/$c/index.html" "$T/$o-names")"
	own=$(page column "$T/$c-invoices.csv" invoice | sort -un | paste -sd' ' -)
	theirs=$(page column "$T/$o-invoices.csv" invoice | sort -un | paste -sd' ' -)
	got=$(page invoices "$T/$c/index.html" | cut -d' ' -f1 | sort -un | paste -sd' ' -)
	expect_eq "$c's invoices are its own ($own), none of $o's ($theirs)" "$own" "$got"
	expect_eq "$c's cards are its packages, none of $o's" \
	    "$(page column "$T/$c-balances.csv" package | paste -sd' ' -)" \
	    "$(page cards "$T/$c/index.html" | cut -d' ' -f1 | paste -sd' ' -)"
done
# The check itself sees what is there: strings of verde's on verde's page.
printf '%s\n' "Verde Costruzioni S.r.l." "Verde website" "Home page" "Gallery" \
    "Please use the new logo" "Giulia Verdi" "Bruno Costa" "$hostile" >"$T/verde-shown"
expect_eq "the check finds verde's own strings on its page" "$(sort "$T/verde-shown")" \
    "$(page names "$T/verde/index.html" "$T/verde-shown")"

# Hostile text is shown as written, never as markup.
if grep -qi '<script' "$T/verde/index.html"; then
	not_ok "no <script in the bytes" "$(grep -i '<script' "$T/verde/index.html" | head -3)"
else
	ok "no <script in the bytes"
fi
expect_eq "the hostile title and comment read as written, no script element" ok \
    "$(page hostile "$T/verde/index.html" "$hostile")"
expect_eq "a long comment is cut at 600 bytes on a character's edge" yes \
    "$(page comments "$T/verde/index.html" | grep -qxF "$long_cut" && echo yes)"
expect_eq "the latest comments first" "$hostile|Please use the new logo" \
    "$(page comments "$T/verde/index.html" | sed -n '2,3p' | paste -sd'|' -)"

# What waits for the client, and the work in progress by due date, the
# past one late.
expect_eq "verde waits: a delivery, information, an estimate of 3:00" \
    "3:consegna da accettare 4:informazioni richieste 8:stima da approvare: 3:00" \
    "$(page waiting "$T/verde/index.html")"
expect_eq "verde's work by due date, 2026-11-10 late" \
    "1 2026-11-10 · in ritardo late|10 2026-11-30 -|2 2026-12-15 -" \
    "$(page open "$T/verde/index.html" | paste -sd'|' -)"

# Valid HTML that fetches nothing: our strict reading, then tidy.
for c in verde rosa; do
	expect_eq "$c's page: strict HTML, one html/head/body/title, unique ids, nothing fetched" ok \
	    "$(page valid "$T/$c/index.html")"
	tidy -q -e "$T/$c/index.html" >"$T/tidy" 2>&1
	st=$?
	[ $st -le 1 ] && ! grep -q 'Error:' "$T/tidy" && ok "$c's page: tidy finds no error" ||
	    not_ok "$c's page: tidy finds no error" "exit $st" "$(head -5 "$T/tidy")"
done

# The language: the client's, unless --lang says otherwise.
expect_eq "verde's page is Italian" "it Pacchetti|In attesa di una vostra risposta|Lavori in corso|Ultimi commenti|Fatture" \
    "$(page lang "$T/verde/index.html")"
expect_eq "rosa's page is the book's default, English" "en Packages|Waiting for you|Work in progress|Latest comments|Invoices" \
    "$(page lang "$T/rosa/index.html")"
expect_exit 0 report-export dashboard --client verde --lang en
expect_eq "--lang en overrides the client's" "en Packages" "$(page lang "$T/out" | cut -d'|' -f1)"

# ---- options and errors ------------------------------------------------------
expect_exit 64 report-export dashboard
expect_err "neither --client nor --all: says so" "give --client C or --all"
expect_exit 64 report-export dashboard --client verde --all -o "$T/x"
expect_exit 64 report-export dashboard --all
expect_err "--all without -o: says so" "give -o DIR"
expect_exit 64 report-export dashboard -f xlsx --client verde
expect_exit 64 report-export dashboard --project verde-site --client verde
expect_exit 66 report-export dashboard --client verdee
expect_err "a typo'd client: did you mean" "did you mean verde"
[ ! -e "$T/x" ] && ok "no folder made by a refused command" || not_ok "no folder made by a refused command"
printf 'not a folder\n' >"$T/file"
cp "$T/file" "$T/file.orig"
expect_exit 74 report-export dashboard --client verde -o "$T/file"
cmp -s "$T/file" "$T/file.orig" && ok "-o FILE: the file is untouched" || not_ok "-o FILE: the file is untouched"
# The same clock, the same bytes; standard output is the file's bytes.
expect_exit 0 report-export dashboard --client verde -o "$T/again"
cmp -s "$T/again/index.html" "$T/verde/index.html" && ok "twice the same bytes" || not_ok "twice the same bytes"
expect_exit 0 report-export dashboard --client verde -o "$T/verde"
cmp -s "$T/again/index.html" "$T/verde/index.html" && ok "rewritten in place, the same bytes" ||
    not_ok "rewritten in place, the same bytes"
expect_exit 0 report-export dashboard --client verde
cmp -s "$T/out" "$T/verde/index.html" && ok "without -o: standard output, the same bytes" ||
    not_ok "without -o: standard output, the same bytes"

# ---- --all -----------------------------------------------------------
(umask 022 && report-export dashboard --all -o "$T/all") >"$T/out" 2>"$T/err"
expect_eq "--all -o DIR: exit 0" 0 $?
expect_eq "the index links to each client's page" "rosa/index.html verde/index.html" "$(page links "$T/all/index.html")"
for c in verde rosa; do
	cmp -s "$T/all/$c/index.html" "$T/$c/index.html" && ok "--all: $c's page is its single page" ||
	    not_ok "--all: $c's page is its single page" "$(diff "$T/all/$c/index.html" "$T/$c/index.html" | head -5)"
	expect_eq "--all: $c's page is 0644 under umask 022" 644 "$(stat -c %a "$T/all/$c/index.html")"
	loaded=$(page column "$T/$c-balances.csv" loaded_minutes | sum_hm)
	used=$(page column "$T/$c-balances.csv" used_minutes | sum_hm)
	avail=$(page column "$T/$c-balances.csv" available_minutes | sum_hm)
	n=$(page column "$T/$c-balances.csv" package | wc -l | tr -d ' ')
	expect_eq "the index's $c row: packages and balances' totals" "$n $loaded $used $avail" \
	    "$(page index "$T/all/index.html" "$c/index.html" | cut -d' ' -f1-4)"
done
expect_eq "the index is 0644 under umask 022" 644 "$(stat -c %a "$T/all/index.html")"
expect_eq "the index: strict HTML, nothing fetched" ok "$(page valid "$T/all/index.html")"
tidy -q -e "$T/all/index.html" >"$T/tidy" 2>&1
[ $? -le 1 ] && ok "the index: tidy finds no error" || not_ok "the index: tidy finds no error" "$(head -5 "$T/tidy")"
(umask 002 && report-export dashboard --client rosa -o "$T/mode") >/dev/null 2>&1
expect_eq "a new page is 0666 less the umask (002: 0664)" 664 "$(stat -c %a "$T/mode/index.html")"

# ---- the period ------------------------------------------------------
# The invoices of the period's months only, newest first.
all_verde=$(page column "$T/verde-invoices.csv" invoice | sort -urn | paste -sd' ' -)
expect_eq "the twelve months: all verde's invoices, newest first ($all_verde)" "$all_verde" \
    "$(page invoices "$T/verde/index.html" | cut -d' ' -f1 | paste -sd' ' -)"
sep=$(awk -F, 'NR > 1 && $5 == "2026-09" { print $1 }' "$T/verde-invoices.csv" | sort -u | paste -sd' ' -)
expect_exit 0 report-export dashboard --client verde --month 2026-09 -o "$T/sep"
expect_eq "--month 2026-09: only September's invoices ($sep)" "$sep set 2026" "$(page invoices "$T/sep/index.html" | paste -sd'|' -)"
expect_exit 0 report-export dashboard --client verde --from 2026-10-01 --to 2026-10-31 -o "$T/oct"
oct=$(awk -F, 'NR > 1 && $5 == "2026-10" { print $1 }' "$T/verde-invoices.csv" | sort -u | paste -sd' ' -)
expect_eq "--from/--to October: only October's invoices ($oct)" "$oct ott 2026" "$(page invoices "$T/oct/index.html" | paste -sd'|' -)"
# A bar per month the package lived in the period: 1 and 2 from September
# (3 months to November), 3 from September to its closing in October.
expect_eq "verde: three bars, September to November" "1:3" "$(page bars "$T/verde/index.html")"
expect_eq "rosa: 3 bars for 2, 2 for 3 (closed in October)" "2:3 3:2" "$(page bars "$T/rosa/index.html")"
expect_eq "the monthly plan's bars: each month's hours" \
    "usate in set 2026: 5:00|usate in ott 2026: 4:30|usate in nov 2026: 2:15" "$(page tips "$T/verde/index.html" 1)"
for spec in "--month 2026-10|2:1 3:1" "--from 2026-10-01|2:2 3:1" "--month 2026-09|2:1 3:1"; do
	expect_exit 0 report-export dashboard --client rosa ${spec%|*}
	expect_eq "rosa ${spec%|*}: bars ${spec#*|}" "${spec#*|}" "$(page bars "$T/out")"
done
# A package closed before the period is not shown.
expect_exit 0 report-export dashboard --client rosa --month 2026-11
expect_eq "rosa in November: package 3, closed in October, is gone" "2:1" "$(page bars "$T/out")"
# The others' bars are the hours used to each month's end, also from
# before the period.
expect_exit 0 report-export dashboard --client rosa --month 2026-10 --lang en
expect_eq "package 2 to the end of October: 5:00 + 6:30" "used to the end of Oct 2026: 11:30" "$(page tips "$T/out" 2)"

# ---- over 50 rows ------------------------------------------------------
# A third client with 52 invoices in October and 51 planned tasks, the
# last of them overdue.  Each table shows its first 50 rows and counts the
# rest; the work in progress is by due date, so the overdue task is first,
# and the index counts it as late.
at 2026-10-05T08:00:00Z client-add -q gialla "Gialla Srl"
awk 'BEGIN { print "code,client,rate"; for (i = 1; i <= 52; i++) printf "g%02d,gialla,10\n", i }' >"$T/g-projects.csv"
at 2026-10-05T08:00:00Z project-add -q --csv "$T/g-projects.csv"
awk 'BEGIN { print "project,hours"; for (i = 1; i <= 52; i++) printf "g%02d,1\n", i }' >"$T/g-packages.csv"
at 2026-10-05T08:00:00Z package-add -q --csv "$T/g-packages.csv"
awk 'BEGIN { print "package"; for (i = 4; i <= 55; i++) print i }' >"$T/g-invoiced.csv"
at 2026-10-05T08:00:00Z package-set -q --invoiced --csv "$T/g-invoiced.csv"
at 2026-11-01T06:00:00Z billing-run -q --month 2026-10
awk 'BEGIN { print "title,due"; for (i = 1; i <= 50; i++) printf "Page %d,2026-12-%02d\n", i, 1 + i % 28
	print "Overdue page,2026-11-02" }' >"$T/g-tasks.csv"
at 2026-10-05T08:00:00Z task-add -q --project g01 --csv "$T/g-tasks.csv"
expect_exit 0 report-export dashboard --client gialla -o "$T/gialla"
expect_eq "52 invoices: 50 rows and 2 more" "50 … +2 more" "$(page invoice-rows "$T/gialla/index.html")"
expect_eq "51 tasks: the overdue one first, late" "$(sql "SELECT id FROM task WHERE title = 'Overdue page'") 2026-11-02 · late late" \
    "$(page open "$T/gialla/index.html" | head -1)"
expect_exit 0 report-export dashboard --all -o "$T/all"
expect_eq "the index counts gialla's late task" 1 "$(page index "$T/all/index.html" gialla/index.html | awk '{ print $NF }')"

# A client named index.html would put its folder where the agency's index
# goes: refused before anything is written; its page alone is fine.
at 2026-11-23T08:00:00Z client-add -q index.html "Index S.p.A."
expect_exit 65 report-export dashboard --all -o "$T/all2"
expect_err "it says why and what to do" "write its page alone"
expect_eq "nothing was written" no "$([ -e "$T/all2" ] && echo yes || echo no)"
expect_exit 0 report-export dashboard --client index.html -o "$T/alone"
expect_eq "its page alone" yes "$([ -s "$T/alone/index.html" ] && echo yes)"

finish
