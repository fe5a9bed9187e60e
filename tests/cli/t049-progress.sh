# Progress: a long --csv batch or export shows how far it has got on
# stderr when stderr is a terminal (here a pseudo-terminal made by
# script(1)), never in a pipe, never with -q; and the line is cleared
# before the output and before any message.  HOURBOOK_PROGRESS_MS=0 stands
# in for "has run for more than a second", so that no check waits on the
# clock.
. "$(dirname "$0")/lib.sh"
. "$HB_SRC/tests/cli/format-book.sh"
cd "$T"

if ! command -v script >/dev/null 2>&1; then
	not_ok "script(1) from bsdutils is installed"
	finish
fi

rows=2000
{
	echo "task,minutes,date,note"
	i=0
	while [ $i -lt $rows ]; do
		echo "2,1,2026-11-2$((i % 3)),a note long enough to make the file a few blocks big: entry number $i"
		i=$((i + 1))
	done
} >"$T/big.csv"
# Reading it takes a few blocks: a share can be told.
[ "$(wc -c <"$T/big.csv")" -gt 150000 ] && ok "a batch of several blocks" ||
    not_ok "a batch of several blocks"

# on_tty CMD: run the shell command line CMD with a pseudo-terminal for
# stdin, stdout and stderr; what the terminal showed is in $T/tty.
on_tty() {
	script -qec "$1" /dev/null >"$T/tty" 2>&1 </dev/null
}
esc=$(printf '\033')

on_tty "HOURBOOK_PROGRESS_MS=0 hours-log --dry-run --as eli --overdraft --csv big.csv >out.csv 2>&1 </dev/null; echo status \$?"
grep -q 'status 0' "$T/tty" && ok "the batch ran under a terminal" ||
    not_ok "the batch ran under a terminal" "$(head -c 300 "$T/tty")"
# stderr was a file there: nothing.
if grep -q 'rows/s' "$T/out.csv"; then
	not_ok "stderr to a file: no progress"
else
	ok "stderr to a file: no progress"
fi
on_tty "HOURBOOK_PROGRESS_MS=0 hours-log --dry-run --as eli --overdraft --csv big.csv >out.csv; echo status \$?"
tr '\r' '\n' <"$T/tty" >"$T/lines"
grep -q "^hours-log: [0-9]* rows, [0-9]* rows/s, [0-9]*%${esc}\\[K\$" "$T/lines" &&
    ok "rows, rate and share read on the terminal" ||
    not_ok "rows, rate and share read on the terminal" "$(od -c "$T/tty" | head -5)"
grep -q "^hours-log: 256 rows" "$T/lines" && ok "first shown at 256 rows" ||
    not_ok "first shown at 256 rows"
grep -q "${esc}\\[Khours-log: dry run: nothing was written" "$T/lines" &&
    ok "cleared before the note" || not_ok "cleared before the note" "$(od -c "$T/tty" | tail -5)"
expect_eq "the rows on stdout are whole" "$((rows + 1))" "$(wc -l <"$T/out.csv")"
if grep -q 'rows/s' "$T/out.csv"; then
	not_ok "stdout holds no progress"
else
	ok "stdout holds no progress"
fi

# A failing row: the progress is cleared before the message.
sed '1500s/^2,1,/2,1x,/' "$T/big.csv" >"$T/bad.csv"
on_tty "HOURBOOK_PROGRESS_MS=0 hours-log --as eli --overdraft --csv bad.csv >/dev/null; echo status \$?"
tr '\r' '\n' <"$T/tty" >"$T/lines"
grep -q "${esc}\\[Khours-log: bad.csv:1500: " "$T/lines" &&
    ok "cleared before the error" || not_ok "cleared before the error" "$(od -c "$T/tty" | tail -6)"
grep -q 'status 65' "$T/tty" && ok "the batch is refused as ever" || not_ok "the batch is refused as ever"

# -q: nothing.  Not yet a second (the default): nothing.
on_tty "HOURBOOK_PROGRESS_MS=0 hours-log -q --dry-run --as eli --overdraft --csv big.csv >/dev/null"
if grep -q 'rows/s' "$T/tty"; then not_ok "-q: no progress"; else ok "-q: no progress"; fi
on_tty "HOURBOOK_PROGRESS_MS=600000 hours-log --dry-run --as eli --overdraft --csv big.csv >/dev/null"
if grep -q 'rows/s' "$T/tty"; then
	not_ok "a batch shorter than the delay: no progress"
else
	ok "a batch shorter than the delay: no progress"
fi
# Not a terminal (a pipe, cron, CI): nothing, even at once.
HOURBOOK_PROGRESS_MS=0 hours-log --dry-run --as eli --overdraft --csv big.csv >/dev/null 2>"$T/err"
if grep -q 'rows' "$T/err"; then not_ok "in a pipe: no progress" "$(head -c 200 "$T/err")"; else ok "in a pipe: no progress"; fi
# From a pipe, no share can be told: rows and rate only.
on_tty "cat big.csv | HOURBOOK_PROGRESS_MS=0 hours-log --dry-run --as eli --overdraft --csv - >/dev/null"
tr '\r' '\n' <"$T/tty" >"$T/lines"
grep -q "^hours-log: [0-9]* rows, [0-9]* rows/s${esc}\\[K\$" "$T/lines" &&
    ok "a pipe: rows and rate, no share" || not_ok "a pipe: rows and rate, no share" "$(od -c "$T/tty" | head -4)"

# An export: into a file it shows progress; straight onto the terminal the
# rows are the progress; a table waits for its rows and shows it.
hours-log -q --as eli --overdraft --csv big.csv >/dev/null
report-export entries >"$T/entries.want"
on_tty "HOURBOOK_PROGRESS_MS=0 report-export entries >entries.csv"
tr '\r' '\n' <"$T/tty" >"$T/lines"
grep -q "^report-export: [0-9]* rows, [0-9]* rows/s${esc}\\[K\$" "$T/lines" &&
    ok "an export into a file: progress" || not_ok "an export into a file: progress" "$(od -c "$T/tty" | head -4)"
grep -q "${esc}\\[K\$" "$T/tty" && ok "cleared at the end" || not_ok "cleared at the end"
cmp -s "$T/entries.want" "$T/entries.csv" && ok "the export is the same" ||
    not_ok "the export is the same"
on_tty "HOURBOOK_PROGRESS_MS=0 report-export entries"
if grep -q 'rows/s' "$T/tty"; then
	not_ok "CSV onto the terminal: no progress"
else
	ok "CSV onto the terminal: no progress"
fi
on_tty "HOURBOOK_PROGRESS_MS=0 COLUMNS=80 report-export entries -f table"
grep -q 'report-export: 256 rows' "$T/tty" && ok "a table on the terminal: progress first" ||
    not_ok "a table on the terminal: progress first"
tr '\r' '\n' <"$T/tty" | grep -q "^${esc}\\[K${esc}\\[1mEntry" &&
    ok "cleared before the table" || not_ok "cleared before the table" "$(od -c "$T/tty" | head -8)"
on_tty "HOURBOOK_PROGRESS_MS=0 report-export -q entries >/dev/null"
if grep -q 'rows/s' "$T/tty"; then not_ok "export -q: no progress"; else ok "export -q: no progress"; fi
HOURBOOK_PROGRESS_MS=0 report-export entries -o "$T/e.csv" 2>"$T/err"
if [ -s "$T/err" ]; then not_ok "export in a pipe: nothing on stderr" "$(head -c 200 "$T/err")"; else ok "export in a pipe: nothing on stderr"; fi

finish
