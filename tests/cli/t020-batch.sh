# Batches: all or nothing, FILE:LINE in messages, stdin, options as
# defaults for every row, strict CSV.
. "$(dirname "$0")/lib.sh"

printf 'client,display_name,email,currency\r\nacme,"ACME, S.p.A.",ops@acme.example,\r\nbeta,Beta,,BRL\r\n' >"$T/ok.csv"
expect_exit 0 client-add --csv "$T/ok.csv"
expect_out "batch prints what it wrote" <<'OUT'
client,display_name,email,currency,contact,created,lang
acme,"ACME, S.p.A.",ops@acme.example,EUR,,2026-11-23T10:00:00Z,
beta,Beta,,BRL,,2026-11-23T10:00:00Z,
OUT

# One bad row: nothing written, file and line named, nothing printed.
{
	echo "client,email"
	i=1
	while [ $i -le 300 ]; do echo "c$i,"; i=$((i + 1)); done
	echo "bad,not-an-address"
	echo "c999,"
} >"$T/bad.csv"
expect_exit 65 client-add --csv "$T/bad.csv"
expect_err "bad row named by file and line" "client-add: $T/bad.csv:302: email: \"not-an-address\" is not an e-mail address"
expect_empty_out "bad batch prints nothing"
expect_eq "bad batch writes nothing" 2 "$(sql 'SELECT count(*) FROM client')"

# A duplicate inside the batch is refused the same way (exit 1).
printf 'client\nnew1\nacme\n' | expect_exit 1 client-add --csv -
expect_err "stdin is named" "client-add: stdin:3: client: \"acme\" already exists"
expect_eq "duplicate batch writes nothing" 0 "$(sql "SELECT count(*) FROM client WHERE name = 'new1'")"

# Malformed CSV: exit 65 with the line.
printf 'client\n"open\n' | expect_exit 65 client-add --csv -
expect_err "unterminated quote" "stdin:2: unterminated quoted field"
printf 'client,email\nx,"a"b\n' | expect_exit 65 client-add --csv -
expect_err "stray quote" "stdin:2: stray or unbalanced quote"
printf 'client,email\nx\n' | expect_exit 65 client-add --csv -
expect_err "ragged row" "stdin:2: 1 fields where the header has 2"
printf 'email\nx@y.z\n' | expect_exit 65 client-add --csv -
expect_err "missing column" "stdin:1: client: required column is missing"
printf 'client\nx\0y\n' | expect_exit 65 client-add --csv -
expect_err "NUL byte" "stdin:2: NUL byte"
printf 'client\ncaf\351\n' | expect_exit 65 client-add --csv -
expect_err "invalid UTF-8" "stdin:2: invalid UTF-8"
printf '' | expect_exit 65 client-add --csv -
expect_err "empty input" "empty input"
printf 'client\n' | expect_exit 0 client-add --csv -
expect_out "header only: nothing to do" <<'OUT'
client,display_name,email,currency,contact,created,lang
OUT
printf 'client,extra\n,x\n' | expect_exit 65 client-add --csv -
expect_err "empty required field" "stdin:2: client: is empty"
expect_exit 66 client-add --csv "$T/nope.csv"
expect_err "missing file" "nope.csv: No such file"

# Options are every row's default; a column in the file wins.
printf 'client,currency\ngbp1,GBP\nusd1,\n' | expect_exit 0 client-add --currency USD --csv -
expect_eq "option as default" "GBP USD" "$(sql "SELECT currency FROM client WHERE name IN ('gbp1', 'usd1') ORDER BY name" | paste -sd' ' -)"

# --csv and operands do not mix; --no-header and -o work.
expect_exit 64 client-add --csv - extra
printf 'client\nout1\n' | expect_exit 0 client-add --no-header -o "$T/written.csv" --csv -
expect_empty_out "-o leaves stdout empty"
expect_eq "-o FILE written, no header" "out1,out1,,EUR,,2026-11-23T10:00:00Z," "$(cat "$T/written.csv")"
ls -a "$T" | grep -q '^\.written' && not_ok "no temporary file left" || ok "no temporary file left"

# Output written into a full device fails the command after the commit:
# exit 3 says the change is in (see t021-unprinted.sh).
if [ -w /dev/full ]; then
	client-add full1 >/dev/full 2>"$T/err"
	expect_eq "write error to /dev/full after the commit exits 3" 3 "$?"
	expect_err "write error named" "stdout: write error"
	expect_err "the commit named" "the change was committed: client full1 is in the book"
	run client-add full1
	expect_eq "the book kept the commit" 1 "$status"
fi

# Every change is in the event log with the actor.
expect_eq "events carry the actor" "tester" "$(sql "SELECT DISTINCT actor FROM event")"
expect_exit 0 client-add --as maria eventful
expect_eq "--as is the actor" "maria" "$(sql "SELECT actor FROM event WHERE key = 'eventful'")"

finish
