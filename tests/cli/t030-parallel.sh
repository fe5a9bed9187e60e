# Concurrency: many writers at once on a fresh book; none lost.
. "$(dirname "$0")/lib.sh"

pids=
i=1
while [ $i -le 8 ]; do
	client-add "client$i" >"$T/out$i" 2>"$T/err$i" &
	pids="$pids $!"
	i=$((i + 1))
done
fails=0
for pid in $pids; do wait "$pid" || fails=$((fails + 1)); done
expect_eq "8 parallel client-add all succeed" 0 "$fails"
cat "$T"/err* >"$T/err"
expect_eq "one of them says it created the book" 1 "$(grep -c 'created a new book' "$T/err")"
grep -v 'created a new book' "$T/err" >"$T/err2" || true
[ ! -s "$T/err2" ] && ok "no errors" || not_ok "no errors" "$(head -5 "$T/err2")"
expect_eq "8 clients in the book" 8 "$(sql 'SELECT count(*) FROM client')"
expect_eq "8 creation events" 8 "$(sql "SELECT count(*) FROM event WHERE what = 'created'")"

# Batches in parallel: each is wholly in.
i=1
while [ $i -le 4 ]; do
	{ echo client; j=1; while [ $j -le 250 ]; do echo "b$i-$j"; j=$((j + 1)); done; } >"$T/batch$i.csv"
	client-add --csv "$T/batch$i.csv" >/dev/null 2>>"$T/berr" &
	i=$((i + 1))
done
wait
expect_eq "4 parallel batches of 250" 1008 "$(sql 'SELECT count(*) FROM client')"
expect_eq "integrity" ok "$(book_integrity)"

finish
