# The four places that show or use a project's available minutes agree at
# 50 random moments of a scripted year: report-export balances, the
# extra-request check of task-add, hours-log's available_after, and
# sla-check (whose package-low finding, with package.low_percent at 100%,
# names every package's available minutes).  The year is generated here
# from a fixed seed: packages bought (some expiring), tasks estimated,
# time logged, tasks done, entries reversed.
. "$(dirname "$0")/lib.sh"
export HOURBOOK_NOW=2027-01-01T08:00:00Z

client-add -q acme >/dev/null
project-add -q --client acme --rate 50 p >/dev/null
member-add -q --role staff --project p maria >/dev/null
export HOURBOOK_USER=maria
member-add -q --rate 20 --project p bruno >/dev/null
book-config -q package.low_percent 100 >/dev/null
task-add -q --project p --assign bruno "Ongoing, no estimate" >/dev/null	# 1

# check DAY: the four figures at 17:00 UTC of DAY.
checks=0 bad=0 negative=0
check() {
	export HOURBOOK_NOW="$1T17:00:00Z"
	b=$(report-export balances --project p | awk -F, 'NR > 1 && $5 == "active" { s += $10 } END { print s + 0 }')
	task-add --dry-run --project p --kind request --extra --estimate 5000h probe >/dev/null 2>"$T/e"
	e=$(sed -n 's/.*the packages of p have \(-*[0-9]*\) available.*/\1/p' "$T/e")
	hours-log --dry-run --overdraft --person bruno 1 1m >"$T/h" 2>/dev/null
	h=$(awk -F, 'NR == 2 { print $8 + ($7 != "" ? 1 : 0) }' "$T/h")
	# Without a finding a package has all its hours, or none once it
	# expired (package-low is not said of an expired package).
	report-export balances --project p | awk -F, -v today="$1" 'NR > 1 && $5 == "active" { print $1 "," ($13 != "" && $13 < today ? 0 : $6 - $8) }' >"$T/floors"
	sla-check --no-header --project p >"$T/s" || true
	s=$(awk -F, 'FNR == NR { m[$1] = $2; next }
		$1 == "package-low" { n = split($8, w, " "); a[$4] = w[4] }
		$1 == "package-committed" { match($8, /: [0-9]+ minutes more/); x = substr($8, RSTART + 2); a[$4] = -(x + 0) }
		END { for (k in m) s += (k in a) ? a[k] : m[k]; print s + 0 }' "$T/floors" "$T/s")
	checks=$((checks + 1))
	[ "$b" -lt 0 ] && negative=$((negative + 1))
	if [ "$b" != "$e" ] || [ "$b" != "$h" ] || [ "$b" != "$s" ]; then
		bad=$((bad + 1))
		not_ok "on $1: balances $b, extra request $e, hours-log $h, sla-check $s"
	fi
}

# The year, from a fixed seed: one line per day, with what happens.
awk '
# The civil date of day z since 1970-01-01 (Howard Hinnant'"'"'s algorithm).
function civil(z,   era, doe, yoe, y, doy, mp, d, m) {
	z += 719468; era = int((z >= 0 ? z : z - 146096) / 146097)
	doe = z - era * 146097; yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
	y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
	mp = int((5 * doy + 2) / 153); d = doy - int((153 * mp + 2) / 5) + 1
	m = mp + (mp < 10 ? 3 : -9)
	return sprintf("%04d-%02d-%02d", y + (m <= 2), m, d)
}
BEGIN { srand(20270101); task = 1; entry = 0; first = 20819	# 2027-01-01
	for (d = 0; d < 365; d++) {
		day = civil(first + d)
		line = day
		if (d == 0 || rand() < 0.04) {
			hours = 5 + int(rand() * 16)
			until = rand() < 0.5 ? civil(first + d + 20 + int(rand() * 40)) : "-"
			line = line " package " hours " " until
		}
		if (rand() < 0.2) { task++; open[task] = 1; line = line " task " (1 + int(rand() * 6)) }
		if (rand() < 0.6) {
			n = 0; for (k in open) ids[++n] = k
			pick = n > 0 && rand() < 0.8 ? ids[1 + int(rand() * n)] : 1
			line = line " log " pick " " (30 + int(rand() * 211)); entry++; logged[entry] = 1
		}
		if (rand() < 0.12) {
			n = 0; for (k in open) ids[++n] = k
			if (n > 0) { k = ids[1 + int(rand() * n)]; delete open[k]; line = line " done " k }
		}
		if (entry > 0 && rand() < 0.05) {
			k = 1 + int(rand() * entry)
			if (k in logged) { delete logged[k]; entry++; line = line " reverse " k }
		}
		if (rand() < 0.16) line = line " check"
		print line
	}
}' >"$T/year"

while read -r day rest; do
	export HOURBOOK_NOW="${day}T09:00:00Z"
	set -- $rest
	while [ $# -gt 0 ]; do
		case $1 in
		package)
			if [ "$3" = - ]; then package-add -q --project p --hours "$2" >/dev/null
			else package-add -q --project p --hours "$2" --expires "$3" >/dev/null; fi
			k=$(sql 'SELECT max(id) FROM package')
			package-set -q --invoiced "$k" >/dev/null; package-set -q --paid "$k" >/dev/null
			shift 3 ;;
		task) task-add -q --project p --assign bruno --estimate "$2h" t >/dev/null; shift 2 ;;
		log) hours-log -q --overdraft --person bruno "$2" "$3" >/dev/null; shift 3 ;;
		done) task-set -q --deliver "$2" >/dev/null 2>&1; task-set -q --accept "$2" >/dev/null 2>&1; shift 2 ;;
		reverse) hours-log -q --reverse "$2" >/dev/null 2>&1; shift 2 ;;
		check) check "$day"; shift ;;
		*) shift ;;
		esac
	done
done <"$T/year"
[ "$checks" -ge 50 ] && ok "$checks moments checked" || not_ok "only $checks moments checked"
expect_eq "the four figures agree every time" 0 "$bad"
[ "$negative" -gt 0 ] && ok "some moments had commitments beyond the hours ($negative)" || not_ok "some moments had commitments beyond the hours"
lapsed=$(report-export balances --project p | awk -F, 'NR > 1 && $8 > 0' | wc -l)
[ "$lapsed" -gt 0 ] && ok "packages lapsed during the year ($lapsed)" || not_ok "packages lapsed during the year"
expect_eq "the book agrees with itself" ok "$(book_integrity)"

finish
