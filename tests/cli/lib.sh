# Helpers for the whole-binary tests.  Each test script sources this file,
# gets a fresh temporary folder ($T) with its own book, a fixed clock, a
# fixed time zone and a home that is not the user's, and ends with `finish`.
set -u
: "${HB_BIN:?HB_BIN must name the build folder}"
: "${HB_SRC:?HB_SRC must name the source folder}"
PATH=$HB_BIN:$PATH
T=$(mktemp -d "${TMPDIR:-/tmp}/hourbook-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" TZ=Europe/Rome LC_ALL=C.UTF-8
# A book made while HOURBOOK_NOW is set takes it from every actor (its
# clock.override is on): so every test's book, made by its first setup
# command, does.  A book made without it takes it only from staff
# (t018-clock.sh).
export HOURBOOK_NOW=2026-11-23T10:00:00Z HOURBOOK_USER=tester
export HOURBOOK_DB="$T/book.db"
unset XDG_DATA_HOME HOURBOOK_BUSY_MS
mkdir -p "$HOME"
# Results go to a file, not to variables: a check on the right of a pipe
# (printf ... | expect_exit ...) runs in a subshell, and its count must
# still reach finish.
: >"$T/results"

ok() {
	echo pass >>"$T/results"
	printf 'ok - %s\n' "$1"
}

not_ok() {
	echo fail >>"$T/results"
	printf 'not ok - %s\n' "$1"
	shift
	for line in "$@"; do printf '#   %s\n' "$line"; done
}

# run CMD...: run it, keeping stdout in $T/out, stderr in $T/err, the exit
# status in $status.
run() {
	"$@" >"$T/out" 2>"$T/err"
	status=$?
}

# expect_exit WANT CMD...: run CMD and check its exit status.
expect_exit() {
	want=$1
	shift
	run "$@"
	if [ "$status" -eq "$want" ]; then
		ok "exit $want: $*"
	else
		not_ok "exit $want: $*" "got $status" "stderr: $(head -c 600 "$T/err")"
	fi
}

# expect_out NAME: compare $T/out with standard input.
expect_out() {
	cat >"$T/want"
	if cmp -s "$T/want" "$T/out"; then
		ok "$1"
	else
		not_ok "$1" "$(diff "$T/want" "$T/out" | head -20)"
	fi
}

# expect_err NAME TEXT: stderr holds TEXT.
expect_err() {
	if grep -qF -- "$2" "$T/err"; then
		ok "$1"
	else
		not_ok "$1" "stderr lacks: $2" "stderr: $(head -c 600 "$T/err")"
	fi
}

# expect_empty_out NAME: nothing on stdout.
expect_empty_out() {
	if [ ! -s "$T/out" ]; then
		ok "$1"
	else
		not_ok "$1" "stdout: $(head -c 300 "$T/out")"
	fi
}

# expect_eq NAME WANT GOT
expect_eq() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1" "want: $2" "got:  $3"
	fi
}

# sql QUERY: read the book with the sqlite3 shell (tests only).
sql() {
	sqlite3 -batch -noheader "$HOURBOOK_DB" "$1"
}

finish() {
	passed=$(grep -c '^pass$' "$T/results" || true)
	failed=$(grep -c '^fail$' "$T/results" || true)
	printf '%d passed, %d failed\n' "$passed" "$failed"
	[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
	exit $?
}

# csv_col NAME: the values of column NAME of the CSV on standard input, one
# per line (for CSV without quoted commas, as the figures are).
csv_col() {
	awk -F, -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next }
		c { print $c }'
}

# run_closed CMD...: run CMD with its stdout a pipe whose reader has gone,
# as the reader of `| head -1` goes once it has its line (made from a FIFO,
# so that the reader is gone before CMD writes): the exit status in
# $status, stderr in $T/err.
run_closed() {
	rm -f "$T/closed.fifo"
	mkfifo "$T/closed.fifo"
	exec 8<>"$T/closed.fifo"
	exec 9>"$T/closed.fifo"
	exec 8<&-
	"$@" >&9 2>"$T/err"
	status=$?
	exec 9>&-
	rm -f "$T/closed.fifo"
}

# book_state: a digest of everything the book holds, to tell whether a
# command wrote anything.
book_state() {
	sqlite3 -batch "$HOURBOOK_DB" .dump | cksum
}
