# Figures that reconcile, on random books (issue 17): books made from a
# fixed awk seed (packages of the three plans quoted, invoiced, paid,
# expiring, lapsing, closed; tasks in every state, urgent ones, time
# logged, reversed and beyond the packages), and for several periods
# (months, and ranges across month ends) the client's sheet read back:
# on every Summary package row opening + loaded - used - lapsed -
# committed = available, the Summary's total row is the sum of its rows,
# its used plus its beyond-the-packages lines equal the Activities
# sheet's billed (agreed plus listed), and the two totals rows of the
# Activities sum its task rows.  HB_SHEET_BREAK=1 checks that the check
# can fail: it adds a minute to one Summary figure before checking.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
SEEDS=${HB_SHEET_SEEDS:-"17 4242 90210 31337"}

# A book's commands, one a line: "NOW command args...", NOW increasing
# from 2026-09-01 to 2026-12-15.  Some are refused (a package that is
# not paid, a move the task's state does not allow): the book stays as a
# refused command leaves it, which is part of the test.
gen() {
	awk -v seed="$1" '
	function pick(n) { return int(rand() * n) }
	function now() {
		t += 1 + pick(40000)
		if (t > 9000000) t = 9000000
		return sprintf("@%d", 1788220800 + t)	# 2026-09-01 + t s
	}
	# Day d (0 = 2026-09-01, d < 150) as YYYY-MM-DD: mawk has no strftime.
	function day(d,   m) {
		split("30 31 30 31 31", len, " ")
		for (m = 1; d >= len[m]; m++) d -= len[m]
		return sprintf("%04d-%02d-%02d", m > 4 ? 2027 : 2026, m > 4 ? 1 : m + 8, d + 1)
	}
	BEGIN {
		srand(seed); t = 0
		split("standard monthly upfront", plans, " ")
		print now(), "client-add -q --lang en verde Verde"
		print now(), "project-add -q --client verde --name Site --rate 60 site"
		print now(), "project-add -q --client verde --name App --rate 60 app"
		print now(), "project-add -q --client verde --name Blog --model self-service blog"
		print now(), "member-add -q --client verde --name Giulia --project site giulia"
		print now(), "member-add -q --rate 25 --name Bruno --project site bruno"
		print now(), "member-add -q --project app giulia"
		print now(), "member-add -q --project app bruno"
		print now(), "member-add -q --project blog giulia"
		print now(), "member-add -q --project blog bruno"
		# Each project starts with a package paid, so time has somewhere
		# to go; the random steps add, invoice, pay and close more.
		print now(), "package-add -q --project site --hours " (4 + pick(8)) " --plan " plans[1 + pick(3)]
		print now(), "package-add -q --project app --hours " (4 + pick(8)) " --plan upfront"
		for (p = 1; p <= 2; p++) {
			print now(), "package-set -q --invoiced " p
			print now(), "package-set -q --paid " p
		}
		npk = 2; ntask = 0; nentry = 0
		for (step = 0; step < 100; step++) {
			r = pick(100)
			proj = pick(3) == 0 ? "app" : "site"
			if (r < 10 && npk < 6) {
				plan = plans[1 + pick(3)]
				extra = ""
				if (plan == "monthly") extra = " --months " (2 + pick(3)) (pick(2) ? " --lapse" : "")
				else if (pick(3) == 0) extra = " --expires " day(30 + pick(70))
				print now(), "package-add -q --project " proj " --hours " (2 + pick(8)) " --plan " plan extra
				npk++
				pk[npk] = 1
			} else if (r < 22 && npk > 0) {
				p = 1 + pick(npk)
				what = pick(10)
				if (what < 4) print now(), "package-set -q --invoiced " p
				else if (what < 9) print now(), "package-set -q --paid " p
				else print now(), "package-set -q --closed " p
			} else if (r < 34) {
				ntask++
				if (pick(3) == 0) {
					print now(), "task-add -q --as giulia --project " proj " Request" ntask
					# Requested, estimated (waiting), approved or rejected.
					a = pick(4)
					if (a > 0) print now(), "task-set -q --as bruno --estimate " (1 + pick(5)) "h " ntask
					if (a == 2) print now(), "task-set -q --as giulia --approve " ntask
					if (a == 3) print now(), "task-set -q --as giulia --" (pick(2) ? "approve " : "reject ") ntask
				} else {
					u = pick(5) == 0 ? " --urgent" : ""
					x = pick(6) == 0 ? " --extra" : ""
					print now(), "task-add -q --project " (pick(6) == 0 ? "blog" : proj) " --assign bruno --estimate " (1 + pick(6)) "h" u x " Task" ntask
				}
			} else if (r < 50 && ntask > 0) {
				k = 1 + pick(ntask)
				m = pick(12)
				if (m < 3) print now(), "task-set -q --as bruno --estimate " (1 + pick(5)) "h " k
				else if (m < 5) print now(), "task-set -q --as giulia --approve " k
				else if (m < 6) print now(), "task-set -q --as giulia --reject " k
				else if (m < 7) print now(), "task-set -q --cancel " k
				else if (m < 8) print now(), "task-set -q --as bruno --start " k
				else if (m < 10) {
					print now(), "task-set -q --as bruno --deliver " k
					if (pick(2)) print now(), "task-set -q --as giulia --accept " k
				}
				else if (m < 11) print now(), "task-set -q --as giulia --accept " k
				else print now(), "task-set -q --as giulia --revise " k
			} else if (r < 92 && ntask > 0) {
				nentry++
				o = pick(4) == 0 ? " --overdraft" : ""
				print now(), "hours-log -q --person bruno" o " " (1 + pick(ntask)) " " (10 + pick(170)) "m"
			} else if (nentry > 0) {
				print now(), "hours-log -q --reverse " (1 + pick(int(nentry / 2) + 1)) " --reason again"
			}
		}
	}'
}

cat >"$T/check.py" <<'PY'
import os, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
where = sys.argv[2]
ws, s = wb["Activities"], wb["Summary"]
mins = lambda c: round(c.value.total_seconds() / 60) if c.value is not None else 0
bad = []
# The Activities: task rows, then the agreed and the listed totals.
head = [r for r in range(1, 30) if ws.cell(r, 1).value == "Task"][0]
col = {c.value: c.column for c in ws[head] if c.value}
r, billed = head + 1, 0
while isinstance(ws.cell(r, 1).value, int):
    billed += mins(ws.cell(r, col["Billed"]))
    r += 1
assert ws.cell(r, 1).value == "Total of agreed work", ws.cell(r, 1).value
totals = mins(ws.cell(r, col["Billed"])) + mins(ws.cell(r + 1, col["Billed"]))
if totals != billed:
    bad.append("activities: totals rows %d, task rows %d" % (totals, billed))
# The Summary: package rows, beyond lines, the total row.
h = [c.value for c in s[1]]
ix = {k: h.index(k) + 1 for k in h}
names = ["Opening", "Loaded", "Used", "Lapsed", "Committed", "Available", "Beyond the packages"]
for k in names:
    assert k in ix, (k, h)
used = beyond = 0
sums = dict.fromkeys(names, 0)
x = 2
while s.cell(x, 1).value not in (None, "Total"):
    v = {k: mins(s.cell(x, ix[k])) for k in names}
    if os.environ.get("HB_SHEET_BREAK") and x == 2:
        v["Used"] += 1
    if isinstance(s.cell(x, 2).value, int):
        o, l, u, la, c, a = (v[k] for k in names[:6])
        if o + l - u - la - c != a:
            bad.append("summary row %d (package %d): %d + %d - %d - %d - %d != %d"
                       % (x, s.cell(x, 2).value, o, l, u, la, c, a))
    used += v["Used"]
    beyond += v["Beyond the packages"]
    for k in names:
        sums[k] += v[k]
    x += 1
assert s.cell(x, 1).value == "Total", (x, s.cell(x, 1).value)
for k in names:
    if mins(s.cell(x, ix[k])) != sums[k]:
        bad.append("summary total %s: %d, rows %d" % (k, mins(s.cell(x, ix[k])), sums[k]))
if used + beyond != billed:
    bad.append("used %d + beyond %d != billed %d" % (used, beyond, billed))
for b in bad:
    print("%s: %s" % (where, b))
print("rows %d, packages %d" % (r - head - 1, x - 2))
hb = wb["hourbook"]
# The task rows of the hidden sheet start on row 6, after its head.
print("states " + " ".join(sorted({hb.cell(y, 3).value for y in range(6, hb.max_row + 1)})))
print("figures %d %d %d %d" % (sums["Used"], sums["Beyond the packages"], sums["Lapsed"], sums["Committed"]))
PY

periods="--month=2026-09 --month=2026-10 --month=2026-11 --month=2026-12
--from=2026-09-15,--to=2026-10-14 --from=2026-10-20,--to=2026-11-10
--from=2026-09-01,--to=2026-12-15 --from=2026-11-30,--to=2026-12-01"
checked=0 rows=0
for seed in $SEEDS; do
	HOURBOOK_DB=$(book_new seed-$seed)
	export HOURBOOK_DB
	gen "$seed" >"$T/cmds-$seed"
	refused=0
	while read -r when cmd; do
		# shellcheck disable=SC2086
		HOURBOOK_NOW=$(date -u -d "$when" +%Y-%m-%dT%H:%M:%SZ) $cmd \
		    >/dev/null 2>>"$T/refused-$seed" || refused=$((refused + 1))
	done <"$T/cmds-$seed"
	lines=$(wc -l <"$T/cmds-$seed")
	[ $((lines - refused)) -ge 35 ] && ok "seed $seed: a book of $((lines - refused)) commands ($refused refused)" ||
	    not_ok "seed $seed: most commands went through" "$(tail -5 "$T/refused-$seed")"
	for period in $periods; do
		args=$(printf '%s' "$period" | tr ',' ' ')
		# shellcheck disable=SC2086
		HOURBOOK_NOW=2026-12-20T12:00:00Z report-export activities --client verde --lang en $args \
		    -o "$T/s.xlsx" 2>"$T/err" || { not_ok "seed $seed $args: the sheet" "$(cat "$T/err")"; continue; }
		$PY "$T/check.py" "$T/s.xlsx" "seed $seed $args" >"$T/got" 2>&1
		grep '^figures ' "$T/got" >>"$T/figures"
		grep '^states ' "$T/got" | tr ' ' '\n' >>"$T/states"
		if [ "$(grep -vc '^rows \|^figures \|^states ' "$T/got")" = 0 ]; then
			checked=$((checked + 1))
			rows=$((rows + $(sed -n 's/^rows \([0-9]*\).*/\1/p' "$T/got")))
		else
			not_ok "seed $seed $args: the figures reconcile" "$(cat "$T/got")"
		fi
	done
done
expect_eq "every sheet reconciles" "$(($(echo $SEEDS | wc -w) * 8))" "$checked"
# The books are not trivial: some sheets have time used, beyond the
# packages, lapsed and committed.
for i in 2 3 4 5; do
	n=$(awk -v i=$i '$i > 0' "$T/figures" | wc -l)
	[ "$n" -gt 0 ] && ok "figure $i is not zero on $n sheets" || not_ok "figure $i is not zero on some sheet" "$(cat "$T/figures")"
done
expect_eq "tasks in every state" "cancelled delivered done estimated in-progress open rejected requested" \
    "$(grep -v '^states$\|^$' "$T/states" | sort -u | grep -v '^approved$\|^blocked$\|^revision$\|^idea$' | paste -sd' ' -)"
[ "$rows" -gt 50 ] && ok "the sheets list tasks ($rows rows in all)" || not_ok "the sheets list tasks" "$rows rows"

finish
