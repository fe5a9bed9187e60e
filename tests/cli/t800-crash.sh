# SIGKILL at random moments: hours-log --csv of a large batch, withdraw,
# billing-run and report-export -o.  After every kill the book is intact,
# a batch is wholly in or wholly out, the ledger sums agree with the
# entries, every invoice has its lines, and no half-written export exists.
# HB_KILLS sets how many kills (scripts/stress runs many more).
. "$(dirname "$0")/lib.sh"
kills=${HB_KILLS:-40}
export HOURBOOK_NOW=2026-11-23T10:00:00Z

client-add -q acme >/dev/null
project-add -q --client acme --rate 50 --penalty 10,2 web >/dev/null
project-add -q --client acme --model self-service blog >/dev/null
member-add -q --rate 20 --project web --project web bruno >/dev/null
member-add -q --project blog bruno >/dev/null
task-add -q --project web --assign bruno --estimate 10h --due 2026-10-01 --rigid "Work" >/dev/null
task-add -q --project blog --assign bruno --fee 100000 "Fee" >/dev/null
for m in start deliver accept; do task-set -q --"$m" 2 >/dev/null; done
book-config -q withdraw.per_month 100000 >/dev/null
package-add -q --project web --hours 100000 >/dev/null
package-set -q --invoiced --date 2026-10-01 1 >/dev/null
package-set -q --paid --date 2026-10-01 1 >/dev/null
rows=20000
awk -v n=$rows 'BEGIN { print "task,minutes,date,person,note"
	for (i = 1; i <= n; i++) printf "1,%d,2026-10-%02d,bruno,\"row %d, \"\"quoted\"\"\"\n", 1 + i % 50, 1 + i % 28, i }' >"$T/batch.csv"

entries() { sql 'SELECT count(*) FROM entry'; }
agree() {
	[ "$(sql "SELECT coalesce(sum(e.billable - e.overage), 0) FROM entry e JOIN task t ON t.id = e.task_id JOIN project j ON j.id = t.project_id WHERE j.model = 'package'")" = \
	  "$(sql 'SELECT coalesce(sum(package_minutes), 0) + (SELECT coalesce(sum(minutes), 0) FROM entry_split) FROM entry')" ]
}

failures=0 whole=0 none=0
i=1
while [ $i -le "$kills" ]; do
	before=$(entries)
	delay=$(awk -v s=$i 'BEGIN { srand(s); printf "%.3f", rand() * 0.4 }')
	case $((i % 4)) in
	0) hours-log --csv "$T/batch.csv" >/dev/null 2>&1 & ;;
	1) withdraw --as bruno --key "k$i" 100 >/dev/null 2>&1 & ;;
	2) HOURBOOK_NOW=2026-11-0${i#${i%?}}T10:00:00Z billing-run --month 2026-10 --force >/dev/null 2>&1 & ;;
	3) report-export entries -o "$T/export.csv" >/dev/null 2>&1 & ;;
	esac
	pid=$!
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	after=$(entries)
	if [ $((i % 4)) -eq 0 ]; then
		if [ "$after" -eq "$before" ]; then none=$((none + 1)); else whole=$((whole + 1)); fi
	fi
	problem=
	[ "$(book_integrity)" = ok ] || problem="integrity"
	[ "$after" -eq "$before" ] || [ "$after" -eq $((before + rows)) ] || problem="$problem batch:$before->$after"
	agree || problem="$problem ledger"
	[ "$(sql 'SELECT count(*) FROM invoice i WHERE NOT EXISTS (SELECT 1 FROM invoice_line l WHERE l.invoice_id = i.id)')" = 0 ] || problem="$problem invoice"
	if [ -e "$T/export.csv" ]; then
		lines=$(($(wc -l <"$T/export.csv") - 1))
		[ "$(tail -c 1 "$T/export.csv" | od -An -c | tr -d ' ')" = '\n' ] || problem="$problem export-tail"
		[ "$lines" -eq "$after" ] || problem="$problem export-rows:$lines/$after"
		rm -f "$T/export.csv"
	fi
	# SIGKILL leaves the killed export's temporary file; the next export
	# sweeps it before it makes its own, so there is never more than one.
	[ "$(ls -A "$T" | grep -c '^\.hourbook-tmp-')" -le 1 ] || problem="$problem temps-left"
	if [ -n "$problem" ]; then
		failures=$((failures + 1))
		echo "# kill $i (after ${delay}s): $problem"
	fi
	i=$((i + 1))
done
echo "# batches killed: $none left wholly out, $whole wholly in"
expect_eq "$kills kills, book intact and consistent after each" 0 "$failures"
expect_eq "the book still works" 0 "$(hours-log -q --person bruno 1 10m >/dev/null 2>&1; echo $?)"
report-export entries -o "$T/export.csv"
expect_eq "an export run to the end sweeps what the kills left" "" "$(ls -A "$T" | grep '^\.hourbook-tmp-')"

finish
