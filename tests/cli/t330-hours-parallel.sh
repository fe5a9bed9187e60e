# Four hours-log processes at once against a package with room for exactly
# 10 of their 20 entries: never below zero, nothing lost, none locked out.
. "$(dirname "$0")/lib.sh"

client-add acme >/dev/null
project-add --client acme --rate 50 web >/dev/null
member-add --project web bruno >/dev/null
task-add --project web --assign bruno "Work" >/dev/null
package-add -q --project web --hours 10 >/dev/null
package-set -q --invoiced 1 >/dev/null
package-set -q --paid 1 >/dev/null

worker() {
	n=1
	while [ $n -le 5 ]; do
		hours-log --person bruno --note "worker $1 entry $n" 1 1h >/dev/null 2>>"$T/err$1"
		echo $? >>"$T/status$1"
		n=$((n + 1))
	done
}
pids=
for w in 1 2 3 4; do
	worker $w &
	pids="$pids $!"
done
for pid in $pids; do wait "$pid"; done

cat "$T"/status* | sort | uniq -c | awk '{ printf "%s:%s ", $2, $1 }' >"$T/counts"
expect_eq "10 logged (exit 0), 10 refused (exit 1), none locked (75)" "0:10 1:10 " "$(cat "$T/counts")"
expect_eq "10 entries in the book" 10 "$(sql 'SELECT count(*) FROM entry')"
expect_eq "the package exactly used up" "600 600 0" "$(report-export balances --no-header | cut -d, -f6,7,9 | tr , ' ')"
expect_eq "ledger agrees with entries" "600" "$(sql 'SELECT sum(package_minutes) FROM entry')"
expect_eq "refusals name the rule" 10 "$(cat "$T"/err* | grep -c 'minutes missing')"
expect_eq "integrity" ok "$(book_integrity)"

finish
