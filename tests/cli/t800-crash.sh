# SIGKILL at random moments, of every writing command (a large --csv batch
# of each, and single records) and of exports (CSV and xlsx, through -o).
# After every kill the book is intact, a batch is wholly in or wholly out,
# the ledger sums agree with the entries, every invoice has its lines, a
# closed package has its sheet, no half-written export or sheet exists and
# at most the killed command's temporary file is left (the next command
# that writes into the folder sweeps it).  HB_KILLS sets how many kills
# (scripts/stress runs many more); they go round the kinds below.
. "$(dirname "$0")/lib.sh"
kills=${HB_KILLS:-38}
export HOURBOOK_NOW=2026-11-23T10:00:00Z

client-add -q acme >/dev/null
project-add -q --client acme --rate 50 --penalty 10,2 web >/dev/null
project-add -q --client acme --model self-service blog >/dev/null
project-add -q --client acme --rate 50 tasks >/dev/null
member-add -q --rate 20 --project web bruno >/dev/null
member-add -q --project blog bruno >/dev/null
member-add -q --project tasks bruno >/dev/null
member-add -q --project tasks ana >/dev/null
task-add -q --project web --assign bruno --estimate 10h --due 2026-10-01 --rigid "Work" >/dev/null
task-add -q --project blog --assign bruno --fee 100000 "Fee" >/dev/null
for m in start deliver accept; do task-set -q --"$m" 2 >/dev/null; done
book-config -q withdraw.per_month 100000 >/dev/null
 package-add -q --project web --hours 1000000 >/dev/null
package-set -q --invoiced --date 2026-10-01 1 >/dev/null
package-set -q --paid --date 2026-10-01 1 >/dev/null
rows=20000
awk -v n=$rows 'BEGIN { print "task,minutes,date,person,note"
	for (i = 1; i <= n; i++) printf "1,%d,2026-10-%02d,bruno,\"row %d, \"\"quoted\"\"\"\n", 1 + i % 50, 1 + i % 28, i }' >"$T/batch.csv"
hours-log -q --csv "$T/batch.csv" >/dev/null
ntasks=3000
awk -v n=$ntasks 'BEGIN { print "project,title"; for (i = 1; i <= n; i++) printf "tasks,Task %d\n", i }' |
    task-add -q --csv - >/dev/null

# The kinds, in turn: the figure a kill may leave only as it was or moved
# by the whole batch (figure KIND), the size of that move, and the command.
kinds="hours-csv withdraw billing export-csv export-xlsx client-csv
project-csv member-csv holiday-csv config-csv package-add-csv
package-set-csv task-add-csv task-set-csv comment-csv member-leave-csv
hours-reverse withdraw-pay package-sheet"
nkinds=$(echo $kinds | wc -w)
kind_at() { echo $kinds | tr ' ' '\n' | sed -n "$1p"; }

figure() {
	case $1 in
	hours-csv|hours-reverse) sql 'SELECT count(*) FROM entry' ;;
	withdraw) sql 'SELECT count(*) FROM withdrawal' ;;
	withdraw-pay) sql 'SELECT count(*) FROM withdrawal_outcome' ;;
	client-csv) sql 'SELECT count(*) FROM client' ;;
	project-csv) sql 'SELECT count(*) FROM project' ;;
	member-csv) sql 'SELECT count(*) FROM person' ;;
	holiday-csv) sql 'SELECT count(*) FROM holiday' ;;
	config-csv) sql "SELECT count(DISTINCT value) FROM setting WHERE key IN ('sla.intake_days', 'sla.reply_hours', 'sla.revision_days', 'sla.client_info_days')" ;;
	package-add-csv) sql 'SELECT count(*) FROM package' ;;
	package-set-csv) sql "SELECT count(*) FROM package WHERE status = 'invoiced'" ;;
	task-add-csv) sql 'SELECT count(*) FROM task' ;;
	task-set-csv) sql "SELECT count(*) FROM task t JOIN project j ON j.id = t.project_id WHERE j.code = 'tasks' AND t.assignee_id = (SELECT id FROM person WHERE handle = '$target')" ;;
	comment-csv) sql 'SELECT count(*) FROM comment' ;;
	member-leave-csv) sql "SELECT count(*) FROM member m JOIN project j ON j.id = m.project_id WHERE j.code = 'ml$round' AND m.left_at IS NOT NULL" ;;
	*) echo "${2:-0}" ;;	# no figure: checked below
	esac
}

# Start the command of kind $kind for this round in the background ($pid);
# set $size, the move of its figure when it lands.
start() {
	size=1
	case $kind in
	hours-csv) size=$rows
		hours-log --csv "$T/batch.csv" --again >/dev/null 2>&1 & ;;
	withdraw) withdraw --as bruno --key "k$i" 100 >/dev/null 2>&1 & ;;
	billing) HOURBOOK_NOW=2026-11-0${i#${i%?}}T10:00:00Z billing-run --month 2026-10 --force >/dev/null 2>&1 & ;;
	export-csv) report-export entries -o "$T/export.csv" >/dev/null 2>&1 & ;;
	export-xlsx) report-export entries -o "$T/export.xlsx" >/dev/null 2>&1 & ;;
	client-csv) size=10000
		awk -v r=$i -v n=$size 'BEGIN { print "client,display_name"; for (k = 1; k <= n; k++) printf "c%d-%d,Client %d\n", r, k, k }' >"$T/in.csv"
		client-add --csv "$T/in.csv" >/dev/null 2>&1 & ;;
	project-csv) size=3000
		awk -v r=$i -v n=$size 'BEGIN { print "project,client,rate"; for (k = 1; k <= n; k++) printf "p%d-%d,acme,40\n", r, k }' >"$T/in.csv"
		project-add --csv "$T/in.csv" >/dev/null 2>&1 & ;;
	member-csv) size=3000
		awk -v r=$i -v n=$size 'BEGIN { print "person,role,rate"; for (k = 1; k <= n; k++) printf "m%d-%d,freelancer,10\n", r, k }' >"$T/in.csv"
		member-add --project blog --csv "$T/in.csv" >/dev/null 2>&1 & ;;
	holiday-csv) size=3000
		# Nine years of days a round, from year 3000 on.
		awk -v y=$((3000 + round * 9)) -v n=$size 'BEGIN { print "date,name"; for (k = 0; k < n; k++) printf "%d-%02d-%02d,Day %d\n", y + int(k / 336), 1 + int(k % 336 / 28), 1 + k % 28, k }' >"$T/in.csv"
		holiday-add --csv "$T/in.csv" >/dev/null 2>&1 & ;;
	config-csv) size=0	# all four keys one value, before and after
		awk -v v=$((i % 7 + 1)) 'BEGIN { print "key,value"; for (k = 0; k < 2000; k++) { print "sla.intake_days," v; print "sla.reply_hours," v; print "sla.revision_days," v; print "sla.client_info_days," v } }' >"$T/in.csv"
		book-config --csv "$T/in.csv" >/dev/null 2>&1 & ;;
	package-add-csv) size=300
		project-add -q --client acme --rate 30 "pa$i" >/dev/null
		awk -v r=$i -v n=$size 'BEGIN { print "project,hours"; for (k = 1; k <= n; k++) printf "pa%d,%d\n", r, k }' >"$T/in.csv"
		package-add --csv "$T/in.csv" >/dev/null 2>&1 & ;;
	package-set-csv) size=100
		project-add -q --client acme --rate 30 "ps$i" >/dev/null
		awk -v r=$i -v n=$size 'BEGIN { print "project,hours"; for (k = 1; k <= n; k++) printf "ps%d,%d\n", r, k }' |
		    package-add -q --csv - | cut -d, -f1 >"$T/in.csv"
		package-set --invoiced --csv "$T/in.csv" >/dev/null 2>&1 & ;;
	task-add-csv) size=5000
		awk -v r=$i -v n=$size 'BEGIN { print "project,title,kind"; for (k = 1; k <= n; k++) printf "tasks,Round %d task %d,activity\n", r, k }' >"$T/in.csv"
		task-add --csv "$T/in.csv" >/dev/null 2>&1 & ;;
	task-set-csv)
		# Every task of the project to $target, from whoever had them.
		sql "SELECT t.id FROM task t JOIN project j ON j.id = t.project_id WHERE j.code = 'tasks' AND t.status = 'open' AND coalesce(t.assignee_id, 0) <> (SELECT id FROM person WHERE handle = '$target')" |
		    sed '1i task' >"$T/in.csv"
		size=$(($(wc -l <"$T/in.csv") - 1))
		task-set --assign "$target" --csv "$T/in.csv" >/dev/null 2>&1 & ;;
	comment-csv) size=20000
		awk -v r=$i -v n=$size 'BEGIN { print "task,body"; for (k = 1; k <= n; k++) printf "1,\"Round %d, comment %d\"\n", r, k }' >"$T/in.csv"
		comment --csv "$T/in.csv" >/dev/null 2>&1 & ;;
	member-leave-csv) size=2000
		project-add -q --client acme --model self-service "ml$round" >/dev/null
		awk -v r=$i -v n=$size 'BEGIN { print "person"; for (k = 1; k <= n; k++) printf "l%d-%d\n", r, k }' >"$T/in.csv"
		member-add -q --project "ml$round" --csv "$T/in.csv" >/dev/null
		member-leave --project "ml$round" --csv "$T/in.csv" >/dev/null 2>&1 & ;;
	hours-reverse)
		entry=$(sql 'SELECT min(id) FROM entry e WHERE reverses IS NULL AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses = e.id)')
		hours-log --reverse "$entry" >/dev/null 2>&1 & ;;
	withdraw-pay)
		w=$(sql 'SELECT min(id) FROM withdrawal w WHERE NOT EXISTS (SELECT 1 FROM withdrawal_outcome o WHERE o.withdrawal_id = w.id)')
		withdraw --pay "${w:-1}" >/dev/null 2>&1 & ;;
	package-sheet)
		project-add -q --client acme --rate 30 "sh$i" >/dev/null
		p=$(package-add -q --project "sh$i" --hours 10 --no-header | cut -d, -f1)
		package-set -q --invoiced "$p" >/dev/null
		package-set -q --paid "$p" >/dev/null
		package-set --closed --sheet "$T/sheet.xlsx" "$p" >/dev/null 2>&1 & ;;
	esac
	pid=$!
}

entries() { sql 'SELECT count(*) FROM entry'; }
agree() {
	[ "$(sql "SELECT coalesce(sum(e.billable - e.overage), 0) FROM entry e JOIN task t ON t.id = e.task_id JOIN project j ON j.id = t.project_id WHERE j.model = 'package'")" = \
	  "$(sql 'SELECT coalesce(sum(package_minutes), 0) + (SELECT coalesce(sum(minutes), 0) FROM entry_split) FROM entry')" ]
}
complete_xlsx() { /usr/bin/python3 -c 'import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)' "$1" 2>/dev/null; }

failures=0 whole=0 none=0
: >"$T/tally"
i=1
while [ $i -le "$kills" ]; do
	kind=$(kind_at $(( (i - 1) % nkinds + 1 )))
	round=$(( (i - 1) / nkinds + 1 ))
	if [ $((round % 2)) -eq 1 ]; then target=ana; else target=bruno; fi
	before=$(figure "$kind")
	delay=$(awk -v s=$i 'BEGIN { srand(s); printf "%.3f", rand() * 0.4 }')
	start
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	after=$(figure "$kind")
	problem=
	[ "$(book_integrity)" = ok ] || problem="integrity"
	if [ "$kind" = config-csv ]; then
		[ "$after" -le 1 ] || problem="$problem settings-mixed"
		echo "$kind killed" >>"$T/tally"
	elif [ "$(figure "$kind" none)" = none ]; then
		echo "$kind killed" >>"$T/tally"
	elif [ "$after" -eq "$before" ]; then
		none=$((none + 1))
		echo "$kind out" >>"$T/tally"
	elif [ "$after" -eq $((before + size)) ]; then
		whole=$((whole + 1))
		echo "$kind in" >>"$T/tally"
	else
		problem="$problem $kind:$before->$after(+$size)"
	fi
	agree || problem="$problem ledger"
	[ "$(sql 'SELECT count(*) FROM invoice i WHERE NOT EXISTS (SELECT 1 FROM invoice_line l WHERE l.invoice_id = i.id)')" = 0 ] || problem="$problem invoice"
	if [ -e "$T/export.csv" ]; then
		lines=$(($(wc -l <"$T/export.csv") - 1))
		[ "$(tail -c 1 "$T/export.csv" | od -An -c | tr -d ' ')" = '\n' ] || problem="$problem export-tail"
		[ "$lines" -eq "$(entries)" ] || problem="$problem export-rows:$lines/$(entries)"
		rm -f "$T/export.csv"
	fi
	if [ -e "$T/export.xlsx" ]; then
		complete_xlsx "$T/export.xlsx" || problem="$problem export-xlsx"
		rm -f "$T/export.xlsx"
	fi
	if [ "$kind" = package-sheet ]; then
		closed=$(sql "SELECT status FROM package WHERE id = (SELECT max(id) FROM package)")
		[ "$closed" != closed ] || [ -e "$T/sheet.xlsx" ] || problem="$problem closed-without-sheet"
		[ ! -e "$T/sheet.xlsx" ] || complete_xlsx "$T/sheet.xlsx" || problem="$problem sheet"
		rm -f "$T/sheet.xlsx"
	fi
	# SIGKILL leaves the killed command's temporary file; the next one
	# that writes into the folder sweeps it, so there is never more than
	# one.
	[ "$(ls -A "$T" | grep -c '^\.hourbook-tmp-')" -le 1 ] || problem="$problem temps-left"
	if [ -n "$problem" ]; then
		failures=$((failures + 1))
		echo "# kill $i ($kind after ${delay}s): $problem"
	fi
	i=$((i + 1))
done
echo "# $kills kills: $none left the figure as it was, $whole moved it by a whole batch"
sort "$T/tally" | uniq -c | awk '{ printf "#   %s %s: %d\n", $2, $3, $1 }'

expect_eq "$kills kills, book intact and consistent after each" 0 "$failures"
expect_eq "the book still works" 0 "$(hours-log -q --person bruno 1 10m >/dev/null 2>&1; echo $?)"
report-export entries -o "$T/export.csv"
expect_eq "an export run to the end sweeps what the kills left" "" "$(ls -A "$T" | grep '^\.hourbook-tmp-')"

finish
