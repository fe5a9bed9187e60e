# Changes made once, and the truth after the commit.  Every single-record
# writer takes --key: the same request again prints the same and writes
# nothing; another request under the key is refused (1).  A change whose
# printing fails after the commit (a full device, a reader that went away)
# exits 3, saying it is in, and a retry with its key writes nothing.
. "$(dirname "$0")/lib.sh"

client-add -q acme >/dev/null
member-add -q --role staff maria >/dev/null
export HOURBOOK_USER=maria
project-add -q --client acme --rate 50 web >/dev/null
project-add -q --client acme --model self-service blog >/dev/null
member-add -q --rate 20 --project web --project web bruno >/dev/null
member-add -q --project blog bruno >/dev/null
for n in 1 2 3 4; do member-add -q --project web "lv$n" >/dev/null; done
task-add -q --project web --assign bruno "Work" >/dev/null		# 1
task-set -q --as bruno --start 1 >/dev/null
task-add -q --project blog --assign bruno --fee 5000 "Fee" >/dev/null	# 2
task-set -q --as bruno --start 2 >/dev/null
task-set -q --as bruno --deliver 2 >/dev/null
task-set -q --accept 2 >/dev/null
for n in 1 2 3 4; do task-add -q --project web "Set $n" >/dev/null; done	# 3-6
package-add -q --project web --hours 100 >/dev/null			# 1
package-set -q --invoiced 1 >/dev/null; package-set -q --paid 1 >/dev/null
for n in 1 2 3 4; do package-add -q --project web --hours 1 >/dev/null; done	# 2-5
for n in 1 2 3 4; do hours-log -q --person bruno 1 1h >/dev/null; done	# 1-4
book-config -q withdraw.per_month 100 >/dev/null

# One function per writer: fn N [OPTION...] makes the Nth change, each N
# another one.
f_client_add() { n=$1; shift; client-add "$@" "cl$n"; }
f_project_add() { n=$1; shift; project-add --client acme "$@" "pr$n"; }
f_member_add() { n=$1; shift; member-add "$@" "mb$n"; }
f_member_leave() { n=$1; shift; member-leave --project web "$@" "lv$n"; }
f_holiday_add() { n=$1; shift; holiday-add "$@" "2027-01-0$n" "Day $n"; }
f_package_add() { n=$1; shift; package-add --project web --hours "$n" "$@"; }
f_package_set() { n=$1; shift; package-set --invoiced "$@" $((n + 1)); }
f_task_add() { n=$1; shift; task-add --project web "$@" "Task $n"; }
f_task_set() { n=$1; shift; task-set --estimate "${n}h" "$@" $((n + 2)); }
f_comment() { n=$1; shift; comment -m "Note $n" "$@" 1; }
f_hours_log() { n=$1; shift; hours-log --person bruno --note "n$n" "$@" 1 "${n}0m"; }
f_hours_reverse() { n=$1; shift; hours-log --reverse "$n" "$@"; }
f_withdraw() { n=$1; shift; withdraw --as bruno "$@" "10$n"; }

for w in client_add project_add member_add member_leave holiday_add \
    package_add package_set task_add task_set comment hours_log \
    hours_reverse withdraw; do
	fn=f_$w
	before=$(book_state)
	run $fn 1 --key "$w-1"
	expect_eq "$w: a change with --key" 0 "$status"
	cp "$T/out" "$T/first"
	made=$(book_state)
	[ "$made" != "$before" ] && ok "$w: it wrote" || not_ok "$w: it wrote"

	run $fn 1 --key "$w-1"
	expect_eq "$w: the same again exits 0" 0 "$status"
	cmp -s "$T/out" "$T/first" && ok "$w: the same again prints the same" ||
	    not_ok "$w: the same again prints the same" "$(diff "$T/first" "$T/out")"
	expect_eq "$w: the same again writes nothing" "$made" "$(book_state)"
	grep -q 'nothing was written\|nothing new was made' "$T/err" &&
	    ok "$w: and says so" || not_ok "$w: and says so" "$(cat "$T/err")"

	run $fn 2 --key "$w-1"
	expect_eq "$w: the key with another request is refused" 1 "$status"
	grep -q 'was used' "$T/err" && ok "$w: naming the first use" ||
	    not_ok "$w: naming the first use" "$(cat "$T/err")"
	expect_eq "$w: and writes nothing" "$made" "$(book_state)"

	if [ -w /dev/full ]; then
		$fn 3 --key "$w-3" >/dev/full 2>"$T/err"
		expect_eq "$w: a full device after the commit: exit 3" 3 "$?"
		expect_err "$w: the message says the change is in" "the change was committed:"
		in=$(book_state)
		[ "$in" != "$made" ] && ok "$w: the change is in" || not_ok "$w: the change is in"
		run $fn 3 --key "$w-3"
		expect_eq "$w: the retry with the key exits 0" 0 "$status"
		[ -s "$T/out" ] && ok "$w: and prints the change" || not_ok "$w: and prints the change"
		expect_eq "$w: and writes nothing" "$in" "$(book_state)"
		made=$in
	fi

	run_closed $fn 4 --key "$w-4"
	expect_eq "$w: a reader that went away after the commit: exit 3" 3 "$status"
	expect_err "$w: not SIGPIPE's death, the commit named" "the change was committed:"
	in=$(book_state)
	[ "$in" != "$made" ] && ok "$w: the change is in" || not_ok "$w: the change is in"
	run $fn 4 --key "$w-4"
	expect_eq "$w: the retry with the key exits 0" 0 "$status"
	expect_eq "$w: and writes nothing" "$in" "$(book_state)"
done

# The message names the rows and the key that prints them again.
run_closed comment -m "Named" --key named 1
id=$(sql "SELECT id FROM comment WHERE body = 'Named'")
expect_err "the key to print it again" "the change was committed: comment $id is in the book; only printing it failed; the same command with --key \"named\" prints it again"

# A key is per actor and command; options in another order, and -F's file
# under another name, are the same request.
expect_exit 0 hours-log --person bruno --key k 1 5m
expect_exit 0 hours-log --key k --person bruno 1 5m
expect_err "options in another order: the same request" "made already"
expect_exit 0 client-add --key k kk1
expect_eq "another command has its own keys" 1 "$(sql "SELECT count(*) FROM client WHERE name = 'kk1'")"
expect_exit 0 comment --as bruno --key k -m "bruno's" 1
expect_eq "another actor has its own keys" 1 "$(sql "SELECT count(*) FROM comment WHERE body = 'bruno''s'")"
printf 'From a file\n' >"$T/a.txt"
printf 'From a file\n' >"$T/b.txt"
expect_exit 0 comment --key file -F "$T/a.txt" 1
before=$(book_state)
expect_exit 0 comment --key file -F "$T/b.txt" 1
expect_eq "the same text from another file: the same request" "$before" "$(book_state)"
printf 'Other text\n' >"$T/b.txt"
expect_exit 1 comment --key file -F "$T/b.txt" 1
expect_err "other text: another request" '--key: "file" was used at 2026-11-23T10:00:00Z by maria for another comment (comment'

# --key is for one record; a --dry-run writes no key; --no-header reprints
# without the header.
printf 'client\nz1\n' >"$T/c.csv"
expect_exit 64 client-add --key x --csv "$T/c.csv"
expect_err "not with --csv" "--key makes one change once: it does not go with --csv"
expect_exit 64 client-add --key "" x
before=$(book_state)
expect_exit 0 client-add --dry-run --key dry dry1
expect_eq "a dry run writes no key" "$before" "$(book_state)"
expect_exit 0 client-add --key nh nh1
expect_exit 0 client-add --key nh --no-header nh1
expect_out "a repeat honours --no-header" <<'OUT'
nh1,nh1,,EUR,,2026-11-23T10:00:00Z,
OUT
expect_exit 64 billing-run --month 2026-10 --key x
expect_exit 64 book-config --key x currency EUR

# A large batch whose reader stops after a line: exit 3 with every row in,
# not 141.
awk 'BEGIN { print "task,minutes,date,person,note"
	for (i = 1; i <= 20000; i++) printf "1,1,2026-11-%02d,bruno,row %d\n", 1 + i % 20, i }' >"$T/big.csv"
before=$(sql 'SELECT count(*) FROM entry')
{ hours-log --overdraft --csv "$T/big.csv" 2>"$T/err"; echo $? >"$T/status"; } | head -1 >/dev/null
expect_eq "hours-log --csv big.csv | head -1: exit 3" 3 "$(cat "$T/status")"
expect_eq "with all 20000 rows written" $((before + 20000)) "$(sql 'SELECT count(*) FROM entry')"
expect_err "the rows named" "(20000 rows) are in the book; only printing them failed"

# Readers keep SIGPIPE's default (where the shell did not inherit it
# ignored): they end quietly, 141.
run_closed yes
if [ "$status" -eq 141 ]; then
	run_closed report-export entries
	expect_eq "a reader dies of SIGPIPE as usual" 141 "$status"
fi

finish
