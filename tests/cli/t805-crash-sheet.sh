# package-set --closed --sheet under SIGKILL at random moments: a closed
# package always has its sheet (written before the closing is committed),
# and the same command run again after any kill ends with the package
# closed, its sheet complete and no temporary file left.  HB_KILLS sets
# how many kills (scripts/stress runs many more).
. "$(dirname "$0")/lib.sh"
kills=${HB_KILLS:-30}

client-add -q acme >/dev/null
project-add -q --client acme --rate 50 web >/dev/null
member-add -q --rate 20 --project web bruno >/dev/null
# Enough tasks that a sheet takes a moment to make.
awk 'BEGIN { print "project,title,assign"; for (i = 1; i <= 1500; i++) printf "web,Task %d,bruno\n", i }' >"$T/tasks.csv"
task-add -q --csv "$T/tasks.csv" >/dev/null
awk 'BEGIN { print "package,hours"; for (i = 1; i <= '"$kills"'; i++) print ",1000" }' |
    package-add -q --project web --csv - >/dev/null
sql "SELECT id FROM package" | sed 's/^/package\n/' | awk 'NR == 1 || $0 != "package"' >"$T/packages.csv"
package-set -q --invoiced --csv "$T/packages.csv" >/dev/null
package-set -q --paid --csv "$T/packages.csv" >/dev/null
awk 'BEGIN { print "task,minutes,date,person"; for (i = 1; i <= 1500; i++) printf "%d,30,2026-11-%02d,bruno\n", i, 1 + i % 20 }' >"$T/entries.csv"
hours-log -q --csv "$T/entries.csv" >/dev/null

status_of() { sql "SELECT status FROM package WHERE id = $1"; }
complete() { /usr/bin/python3 -c 'import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)' "$1" 2>/dev/null; }
temps() { ls -A "$T" | grep -c '^\.hourbook-tmp-' || true; }

failures=0 before=0 between=0 after=0
i=1
while [ $i -le "$kills" ]; do
	sheet="$T/sheet$i.xlsx"
	delay=$(awk -v s=$i 'BEGIN { srand(s); printf "%.3f", rand() * 0.15 }')
	package-set -q --closed --sheet "$sheet" "$i" >/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	problem=
	[ "$(book_integrity)" = ok ] || problem="integrity"
	st=$(status_of $i)
	if [ "$st" = closed ]; then
		after=$((after + 1))
		[ -e "$sheet" ] || problem="$problem closed-without-sheet"
	elif [ -e "$sheet" ]; then
		between=$((between + 1))
	else
		before=$((before + 1))
	fi
	[ ! -e "$sheet" ] || complete "$sheet" || problem="$problem incomplete-sheet"
	[ "$(temps)" -le 1 ] || problem="$problem temps"
	# The retry the documentation promises.
	package-set -q --closed --sheet "$sheet" "$i" >/dev/null 2>"$T/err" || problem="$problem retry:$(cat "$T/err")"
	[ "$(status_of $i)" = closed ] || problem="$problem retry-not-closed"
	complete "$sheet" || problem="$problem retry-sheet"
	[ "$(temps)" -eq 0 ] || problem="$problem retry-left-temps"
	if [ -n "$problem" ]; then
		failures=$((failures + 1))
		echo "# kill $i (after ${delay}s): $problem"
	fi
	i=$((i + 1))
done
echo "# $kills kills: $before before the sheet, $between with the sheet and the package open, $after closed"
expect_eq "$kills kills of package-set --closed --sheet: both or neither, and the retry works" 0 "$failures"
expect_eq "some kills landed before the sheet was in place" yes "$([ $before -gt 0 ] && echo yes)"

finish
