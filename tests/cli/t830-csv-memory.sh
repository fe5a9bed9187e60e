# The CSV reader's memory stays bounded whatever the input: a 200 MB line
# is refused once its field passes 1 MiB, before the rest of it is read,
# and 200 MB of short lines are read as they come, not held.  The input is
# streamed through a pipe, so the test needs no disk for it.
. "$(dirname "$0")/lib.sh"

client-add -q acme >/dev/null
MB=200000000
LIMIT_KB=32768

# peak NAME: check the peak resident set of the last command that ran under
# /usr/bin/time -o "$T/time", and show the line it was read from.
peak() {
	line=$(grep 'Maximum resident set size' "$T/time")
	kb=${line##*: }
	printf '# %s:%s\n' "$1" "$line"
	if [ -n "$kb" ] && [ "$kb" -lt "$LIMIT_KB" ]; then
		ok "$1: peak $kb kB, under $LIMIT_KB kB"
	else
		not_ok "$1: peak ${kb:-?} kB, want under $LIMIT_KB kB" "$line"
	fi
}

if [ ! -x /usr/bin/time ]; then
	ok "csv memory: skipped, /usr/bin/time is missing (Debian package time) # SKIP"
	finish
fi

# One line of 200 MB: a field far over the limit.
{ printf 'task,minutes\n'; head -c "$MB" /dev/zero | tr '\0' x; printf '\n'; } |
    expect_exit 65 /usr/bin/time -v -o "$T/time" hours-log --csv -
expect_err "a 200 MB field is refused on its line" "stdin:2: field longer than 1 MiB"
peak "a 200 MB line"

# The same field quoted, with the line's end far away.
{ printf 'task,minutes\n1,"'; head -c "$MB" /dev/zero | tr '\0' x; printf '"\n'; } |
    expect_exit 65 /usr/bin/time -v -o "$T/time" hours-log --csv -
expect_err "a 200 MB quoted field is refused on its line" "stdin:2: field longer than 1 MiB"
peak "a 200 MB quoted field"

# 200 MB of short lines (blank, so that nothing is written before the end)
# and a bad row at the end: every line is read, none is kept.
{ printf 'task,minutes\n'; head -c "$MB" /dev/zero | tr '\0' '\n'; printf '1,30,x\n'; } |
    expect_exit 65 /usr/bin/time -v -o "$T/time" hours-log --csv -
expect_err "the bad row after 200 MB of lines is named by its line" \
    "stdin:$((MB + 2)): 3 fields where the header has 2"
peak "200 MB of short lines"
expect_eq "nothing was written" 0 "$(sql 'SELECT count(*) FROM entry')"

finish
