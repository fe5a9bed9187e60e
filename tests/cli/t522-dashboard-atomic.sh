# report-export dashboard --all -o DIR replaces each page atomically: a
# reader (the web server) never sees a part of a page, and kill -9 at any
# moment of a regeneration leaves each page either the old complete one
# or the new complete one, the agency's index new only once every
# client's page is, and at most its temporary file, which the next
# regeneration removes (and nothing else).  Two regenerations at once
# (cron and a hand) do not take each other's temporary files.  A page
# keeps the permissions it had.  HB_KILLS sets how many kills (30).
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
kills=${HB_KILLS:-30}
umask 022
export HOURBOOK_NOW=2026-01-05T09:00:00Z

# An agency of 20 clients, each with a project, packages and a plan of
# tasks worked on over ten months (a chart per package); c01, the biggest,
# has 64 packages, so its page is some 250 KB.
member-add -q --role staff --name "Maria Bianchi" maria >/dev/null
export HOURBOOK_USER=maria
awk 'BEGIN { print "client,display_name"
	for (i = 1; i <= 20; i++) printf "c%02d,Client %02d S.r.l.\n", i, i }' >"$T/clients.csv"
client-add -q --csv "$T/clients.csv" >/dev/null
awk 'BEGIN { print "project,client,name,rate"
	for (i = 1; i <= 20; i++) printf "p%02d,c%02d,Website %02d,60\n", i, i, i }' >"$T/projects.csv"
project-add -q --csv "$T/projects.csv" >/dev/null
member-add -q --rate 25 --name "Bruno Rossi" --project p01 bruno >/dev/null
awk 'BEGIN { print "person,project"; for (i = 2; i <= 20; i++) printf "bruno,p%02d\n", i }' |
    member-add -q --csv - >/dev/null
awk 'BEGIN { print "project,hours,plan"
	for (i = 1; i <= 20; i++) for (k = 1; k <= (i == 1 ? 64 : 4); k++) printf "p%02d,40,upfront\n", i }' |
    package-add -q --csv - >/dev/null
sql "SELECT id FROM package ORDER BY id" | sed '1i package' >"$T/packages.csv"
package-set -q --invoiced --csv "$T/packages.csv" >/dev/null
package-set -q --paid --csv "$T/packages.csv" >/dev/null
awk 'BEGIN { print "project,title,assign,estimate,due"
	for (i = 1; i <= 20; i++) for (k = 1; k <= 10; k++)
		printf "p%02d,Task %d of client %02d,bruno,%dh,2026-%02d-15\n", i, k, i, 1 + k % 5, 1 + k }' |
    task-add -q --csv - >/dev/null
awk 'BEGIN { print "task,minutes,date,person"
	for (t = 1; t <= 200; t++) for (m = 1; m <= 10; m++)
		printf "%d,%d,2026-%02d-%02d,bruno\n", t, 20 + t % 10 + m, m, 1 + (t + m) % 28 }' >"$T/entries.csv"
HOURBOOK_NOW=2026-11-20T09:00:00Z hours-log -q --csv "$T/entries.csv" >/dev/null
expect_eq "the agency's book: 20 clients, 140 packages, 2000 entries" "20 140 2000" \
    "$(sql "SELECT (SELECT count(*) FROM client), (SELECT count(*) FROM package), (SELECT count(*) FROM entry)" | tr '|' ' ')"

regen() {
	HOURBOOK_NOW=$1 report-export -q dashboard --all -o "$2" >/dev/null 2>>"$T/regen.err"
}
# The temporary files in the pages' folders, as hb_temp_beside names them
# (but the one put there by hand, below).
temps() {
	find "$T/dash" -type f -name '.hourbook-tmp-*.??????' \
	    ! -name '.hourbook-tmp-index.html.AbC123' | wc -l
}
# snap DEST: a copy of every page of $T/dash.
snap() {
	rm -rf "$1"
	mkdir "$1"
	(cd "$T/dash" && find . -type f -name index.html -exec cp --parents -t "$1" {} +)
}

# Two versions of every page, told apart by when they were made.
nowA=2026-11-23T10:00:00Z nowB=2026-11-23T10:01:00Z
expect_exit 0 regen "$nowA" "$T/refA"
expect_exit 0 regen "$nowB" "$T/refB"
pages=$(cd "$T/refA" && find . -type f -name index.html | sort)
expect_eq "a page per client and the agency's index" 21 "$(echo "$pages" | wc -l)"
expect_eq "c01's page is big (over 200 KB)" yes \
    "$([ "$(wc -c <"$T/refA/c01/index.html")" -gt 200000 ] && echo yes)"
HOURBOOK_NOW=$nowA report-export dashboard --client c01 >"$T/c01.html"
if cmp -s "$T/c01.html" "$T/refA/c01/index.html"; then
	ok "-o writes the page that standard output gets"
else
	not_ok "-o writes the page that standard output gets"
fi

# check.py OLD NEW CUR: is every page of CUR (a folder of pages) complete
# and either OLD's or NEW's, and is the index NEW's only when every
# client's page is?  Prints "old N new M" and a line per problem.
cat >"$T/check.py" <<'PY'
import os, sys
old, new, cur = sys.argv[1:4]
pages = sorted(os.path.relpath(os.path.join(d, f), new)
               for d, _, fs in os.walk(new) for f in fs if f == "index.html")
seen, problems = {"old": 0, "new": 0}, []
def read(top, page):
    try:
        with open(os.path.join(top, page), "rb") as f:
            return f.read()
    except OSError as e:
        return str(e).encode()
which = {}
for page in pages:
    o, n, c = read(old, page), read(new, page), read(cur, page)
    if not n.startswith(b"<!DOCTYPE html>\n") or not n.endswith(b"</html>\n"):
        problems.append("%s: the new page is not complete" % page)
    if o == n:
        problems.append("%s: old and new are the same" % page)
    if c == o:
        which[page] = "old"
    elif c == n:
        which[page] = "new"
    else:
        which[page] = "bad"
        problems.append("%s: %d bytes, neither old (%d) nor new (%d): starts %r, ends %r"
                        % (page, len(c), len(o), len(n), c[:40], c[-40:]))
    seen[which[page]] = seen.get(which[page], 0) + 1
if which.get("index.html") == "new":
    for page, w in which.items():
        if w != "new":
            problems.append("the index is new, %s is %s" % (page, w))
print("old %d new %d" % (seen["old"], seen["new"]))
for p in problems:
    print(p)
PY
expect_eq "the two versions differ in every page, each complete" "old 0 new 21" \
    "$($PY "$T/check.py" "$T/refA" "$T/refB" "$T/refB")"

# 1. A reader reads every page over and over while two loops regenerate
# them at once, one with each clock: every read must be one of the two
# versions of the page, whole, and every regeneration must succeed.
cat >"$T/reader.py" <<'PY'
import os, sys
cur, a, b, stop = sys.argv[1:5]
pages = sorted(os.path.relpath(os.path.join(d, f), a)
               for d, _, fs in os.walk(a) for f in fs if f == "index.html")
ref = {p: (open(os.path.join(a, p), "rb").read(), open(os.path.join(b, p), "rb").read())
       for p in pages}
reads = bad = incomplete = saw_a = saw_b = 0
first = ""
while not os.path.exists(stop) or reads < len(pages):
    for p in pages:
        try:
            with open(os.path.join(cur, p), "rb") as f:
                data = f.read()
        except OSError as e:
            data = str(e).encode()
        reads += 1
        if not data.startswith(b"<!DOCTYPE html>\n") or not data.endswith(b"</html>\n"):
            incomplete += 1
        if data == ref[p][0]:
            saw_a += 1
        elif data == ref[p][1]:
            saw_b += 1
        else:
            bad += 1
            first = first or "%s: %d bytes, ends %r" % (p, len(data), data[-40:])
print("reads %d bad %d incomplete %d a %d b %d" % (reads, bad, incomplete, saw_a, saw_b))
if first:
    print("first bad read: " + first)
PY
regen "$nowA" "$T/dash"
rounds=8
: >"$T/statuses"
$PY "$T/reader.py" "$T/dash" "$T/refA" "$T/refB" "$T/stop" >"$T/reader.out" 2>&1 &
reader=$!
writers=
for now in "$nowA" "$nowB"; do
	(
		i=0
		while [ $i -lt $rounds ]; do
			regen "$now" "$T/dash"
			echo $? >>"$T/statuses"
			i=$((i + 1))
		done
	) &
	writers="$writers $!"
done
wait $writers
touch "$T/stop"
wait $reader
echo "# the reader: $(head -1 "$T/reader.out")"
expect_eq "$((2 * rounds)) regenerations at once, two by two: all succeed" \
    "$((2 * rounds)) 0" "$(wc -l <"$T/statuses" | tr -d ' ') $(grep -vc '^0$' "$T/statuses")"
[ ! -s "$T/regen.err" ] || printf '# %s\n' "$(head -3 "$T/regen.err")"
set -- $(head -1 "$T/reader.out")
expect_eq "every read is a whole page, one of the two versions" "bad 0 incomplete 0" "$3 $4 $5 $6"
[ "$4" -eq 0 ] || printf '# %s\n' "$(sed -n 2p "$T/reader.out")"
expect_eq "the reader read the pages many times, and saw both versions" yes \
    "$([ "$2" -ge 200 ] && [ "$8" -gt 0 ] && [ "${10}" -gt 0 ] && echo yes)"
expect_eq "no temporary file is left" 0 "$(temps)"

# 2. kill -9 at random moments of a regeneration (spread over how long one
# takes), each with a new clock: every page is then the old one or the
# new one, whole, the index new only after every client's page; and the
# next regeneration, run to its end, leaves no temporary file.  A left
# temporary file (c01), and what is not one, are there from the start.
t0=$(date +%s%N)
regen 2026-11-23T11:00:00Z "$T/dash"
regen 2026-11-23T11:00:00Z "$T/dash"
ms=$((($(date +%s%N) - t0) / 2000000))
echo "# a regeneration takes about $ms ms"
snap "$T/old"
chmod 640 "$T/dash/c02/index.html"
printf 'half a page' >"$T/dash/c01/.hourbook-tmp-index.html.AbC123"
printf 'notes' >"$T/dash/c01/.hourbook-tmp-notes.txt"
printf 'PNG' >"$T/dash/c01/logo.png"
mkdir "$T/dash/.hourbook-tmp-dir.Zz9Zz9"
ln -s logo.png "$T/dash/c01/.hourbook-tmp-link.Qq1Qq1"

failures=0 untouched=0 cut=0 finished=0 left=0
i=1
while [ $i -le "$kills" ]; do
	now=$(printf '2026-11-23T11:%02d:00Z' $((i % 60)))
	[ $((i % 60)) -ne 0 ] || now=2026-11-23T12:00:00Z
	delay=$(awk -v s=$i -v ms=$ms 'BEGIN { srand(s); printf "%.3f", (1 + rand() * ms * 1.2) / 1000 }')
	HOURBOOK_NOW=$now report-export -q dashboard --all -o "$T/dash" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	snap "$T/state"
	n=$(temps)
	problem=
	[ "$n" -le 1 ] || problem="$problem $n-temporary-files"
	regen "$now" "$T/dash" || problem="$problem the-next-regeneration-failed: $(tail -1 "$T/regen.err")"
	[ "$(temps)" -eq 0 ] || problem="$problem temporary-files-after-the-next"
	snap "$T/new"
	$PY "$T/check.py" "$T/old" "$T/new" "$T/state" >"$T/check.out" 2>&1
	[ "$(wc -l <"$T/check.out")" -eq 1 ] || problem="$problem $(sed 1d "$T/check.out" | head -3 | tr '\n' ';')"
	set -- $(head -1 "$T/check.out")
	if [ "$n" -gt 0 ]; then
		left=$((left + 1))
	fi
	if [ "${4:-0}" -eq 21 ]; then
		finished=$((finished + 1))
	elif [ "${2:-0}" -eq 21 ] && [ "$n" -eq 0 ]; then
		untouched=$((untouched + 1))
	else
		cut=$((cut + 1))
	fi
	if [ -n "$problem" ]; then
		failures=$((failures + 1))
		printf '# kill %d (after %ss):%s\n' $i "$delay" "$problem"
	fi
	rm -rf "$T/old"
	mv "$T/new" "$T/old"
	i=$((i + 1))
done
echo "# $kills kills: $untouched before any page, $cut in the middle ($left leaving a temporary file), $finished after the last"
expect_eq "$kills kills of a regeneration: every page old or new, whole; the next one sweeps" 0 "$failures"
expect_eq "some kills landed in the middle of a regeneration, with a temporary file" yes \
    "$([ $left -gt 0 ] && echo yes)"
expect_eq "the left temporary file was removed, and nothing else" \
    "./.hourbook-tmp-dir.Zz9Zz9 ./c01/.hourbook-tmp-link.Qq1Qq1 ./c01/.hourbook-tmp-notes.txt ./c01/logo.png" \
    "$(cd "$T/dash" && find . -name '.hourbook-tmp-*' -o -name logo.png | sort | paste -sd' ' -)"
expect_eq "the pages keep their permissions (c02's 640), the others 644" \
    "640 ./c02/index.html 644 20" \
    "$(cd "$T/dash" && find . -name index.html -exec stat -c '%a %n' {} + | sort |
	awk '$1 != 644 { printf "%s %s ", $1, $2 } $1 == 644 { n++ } END { print 644, n }')"

finish
