# 20 withdrawals of 100.00 at once against a balance of 250.00: exactly two
# succeed, the rest are refused naming the rule, none is locked out, and
# the money adds up.
. "$(dirname "$0")/lib.sh"

client-add acme >/dev/null
project-add --client acme --model self-service blog >/dev/null
member-add --project blog eli >/dev/null
book-config withdraw.per_month 50 >/dev/null
task-add --project blog --assign eli --fee 250 "Post" >/dev/null
for m in start deliver accept; do task-set --"$m" 1 >/dev/null; done

pids=
i=1
while [ $i -le 20 ]; do
	( withdraw --as eli 100 >"$T/out$i" 2>"$T/err$i"; echo $? >"$T/status$i" ) &
	pids="$pids $!"
	i=$((i + 1))
done
for pid in $pids; do wait "$pid"; done
# What a request that was neither done nor refused said, for the log.
for f in "$T"/status*; do
	case $(cat "$f") in 0|1) ;; *) echo "# exit $(cat "$f"): $(cat "$T/err${f##*status}")" ;; esac
done | sort | uniq -c | head -5
expect_eq "2 succeed, 18 refused, none locked" "0:2 1:18 " "$(cat "$T"/status* | sort | uniq -c | awk '{ printf "%s:%s ", $2, $1 }')"
expect_eq "the refusals name the rule" 18 "$(cat "$T"/err* | grep -c 'more than the balance')"
expect_eq "two requests in the book" "2 200" "$(sql 'SELECT count(*), sum(amount) FROM withdrawal' | awk -F'|' '{ print $1, $2 / 100 }')"
expect_eq "the balance is exact" "50.00" "$(withdraw --status --no-header --person eli | cut -d, -f3)"

finish
