# --dry-run on every writing command: everything is checked and the rows
# it would write are printed, with the keys they would get, and the book
# is left as it was (the same dump before and after; on PostgreSQL the dump
# holds the sequences' positions too, so a key a dry run took shows).
. "$(dirname "$0")/lib.sh"

client-add -q acme >/dev/null
project-add -q --client acme --rate 50 --penalty 10,2 web >/dev/null
project-add -q --client acme --model self-service blog >/dev/null
member-add -q --role staff --project web --project blog maria >/dev/null
export HOURBOOK_USER=maria
member-add -q --client acme --project web ana >/dev/null
member-add -q --rate 20 --project web bruno >/dev/null
member-add -q --project blog bruno >/dev/null
package-add -q --project web --hours 10 >/dev/null
package-set -q --invoiced 1 >/dev/null; package-set -q --paid 1 >/dev/null
package-add -q --project web --hours 5 >/dev/null
package-add -q --project web --hours 5 >/dev/null
package-set -q --invoiced 3 >/dev/null
book-config -q withdraw.minimum 10 >/dev/null
task-add -q --project web --assign bruno --estimate 2h "Hero" >/dev/null
task-add -q --project blog --assign bruno --fee 200 "Post" >/dev/null
for m in start deliver accept; do task-set -q --"$m" 2 >/dev/null; done
hours-log -q --person bruno --date 2026-11-20 1 1h >/dev/null
withdraw -q --as bruno 150 >/dev/null

dump() { book_dump; }

# dry CMD...: the command succeeds, prints a row, and changes nothing.
dry() {
	dump >"$T/before"
	run "$@" --dry-run
	dump >"$T/after"
	if [ "$status" -eq 0 ] && [ "$(wc -l <"$T/out")" -ge 2 ] &&
	    cmp -s "$T/before" "$T/after" &&
	    grep -q "dry run: nothing was written" "$T/err"; then
		ok "dry run: $*"
	else
		not_ok "dry run: $*" "exit $status" "$(head -c 300 "$T/err")" \
		    "$(diff "$T/before" "$T/after" | head -5)"
	fi
}

dry client-add beta
dry project-add --client acme app
dry member-add --project blog eli
dry member-leave --project web bruno
dry holiday-add 2026-12-25 Christmas
dry book-config withdraw.minimum 50
dry package-add --project web --hours 20 --plan upfront
dry package-set --invoiced 2
dry package-set --closed 1
dry task-add --project web "Footer"
dry task-set --estimate 3h 1
dry comment -m "A note" 1
dry hours-log --person bruno 1 30m
dry hours-log --reverse 1
dry withdraw --pay 1
dry withdraw --as bruno 20
dry package-set --paid 3
dry task-set --as bruno --deliver 1
dry member-add --contact ana
printf 'project,title\nweb,A\nblog,B\n' >"$T/t.csv"
dry task-add --csv "$T/t.csv"
printf 'task,body\n1,one\n2,two\n' >"$T/c.csv"
dry comment --csv "$T/c.csv"
dry withdraw --reject 1 --reason "wrong account"
printf 'task,duration,person\n1,10m,bruno\n1,20m,bruno\n' >"$T/w.csv"
dry hours-log --csv "$T/w.csv"
# November has not ended on the tests' clock: --force bills it, so that
# the dry run has an invoice to print.
dry billing-run --month 2026-11 --force

# The keys a dry run prints are the ones the real run gets.
run task-add --project web "Footer" --dry-run
dry_key=$(sed -n 2p "$T/out" | cut -d, -f1)
run task-add --project web "Footer"
expect_eq "the key it would get" "$dry_key" "$(sed -n 2p "$T/out" | cut -d, -f1)"

# A dry run that would fail fails the same way, and writes nothing.
dump >"$T/before"
expect_exit 1 hours-log --dry-run --person bruno 1 20h
dump >"$T/after"
cmp -s "$T/before" "$T/after" && ok "a failed dry run writes nothing" || not_ok "a failed dry run writes nothing"

finish
