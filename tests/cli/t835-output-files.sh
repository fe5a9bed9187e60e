# -o FILE: what it writes over and what it leaves behind.
. "$(dirname "$0")/lib.sh"

client-add -q acme >/dev/null
client-add -q beta >/dev/null
clients() { sql 'SELECT count(*) FROM client'; }

# -o '' names no file.
expect_exit 64 report-export clients -o ''
expect_err "says why" "-o: give a file name"
expect_exit 64 client-add -o '' omega
expect_eq "-o '': nothing written" 2 "$(clients)"

finish
