# The bad-input catalogue: each case with its exit status, its message and
# proof that nothing was written (or, for the inputs that are fine, that
# exactly the rows were).
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3

client-add -q acme >/dev/null
project-add -q --client acme --model self-service blog >/dev/null
member-add -q --project blog bruno >/dev/null
task-add -q --project blog --assign bruno "Work" >/dev/null
entries() { sql 'SELECT count(*) FROM entry'; }
H='task,minutes,date,person,note'

# csv WANT-EXIT MESSAGE ROWS-WRITTEN NAME: hours-log --csv of stdin.
csv() {
	want=$1 message=$2 rows=$3 name=$4
	cat >"$T/in.csv"
	before=$(entries)
	run hours-log --csv "$T/in.csv"
	if [ "$status" -eq "$want" ] && { [ -z "$message" ] || grep -qF -- "$message" "$T/err"; } &&
	    [ "$(entries)" -eq $((before + rows)) ]; then
		ok "$name"
	else
		not_ok "$name" "exit $status (want $want), rows $(( $(entries) - before )) (want $rows)" "$(head -c 300 "$T/err")"
	fi
}

# Line ends and encodings.
printf '\357\273\277%s\n1,30,2026-11-02,bruno,bom\n' "$H" | csv 0 "" 1 "UTF-8 BOM skipped"
printf '%s\r\n1,30,2026-11-02,bruno,crlf\r\n' "$H" | csv 0 "" 1 "CRLF"
printf '%s\n1,30,2026-11-02,bruno,a\r\n1,30,2026-11-02,bruno,b\n' "$H" | csv 0 "" 2 "mixed LF and CRLF"
printf '%s\n1,30,2026-11-02,bruno,last' "$H" | csv 0 "" 1 "no final newline"
printf '%s\r1,30,2026-11-02,bruno,cr\r' "$H" | csv 65 "carriage return without line feed" 0 "CR-only line ends"
printf '%s\n' "$H" | csv 0 "" 0 "header only: nothing to do"
printf '' | csv 65 "empty input" 0 "empty file"
printf '%s\n1,30,2026-11-02,bruno,"open\n' "$H" | csv 65 ":2: unterminated quoted field" 0 "unterminated quote at EOF"
printf '%s\n1,30,2026-11-02,bruno,a"b\n' "$H" | csv 65 ":2: stray or unbalanced quote" 0 "stray quote"
printf '%s\n1,30,2026-11-02,bruno,a\0b\n' "$H" | csv 65 ":2: NUL byte" 0 "NUL byte"
printf '%s\n1,30,2026-11-02,bruno,caf\351\n' "$H" | csv 65 ":2: invalid UTF-8" 0 "invalid UTF-8"
printf '\377\376t\000a\000s\000k\000\n\000' | csv 65 ":1: UTF-16 input" 0 "UTF-16 file"
{ printf '%s\n1,30,2026-11-02,bruno,' "$H"; head -c 10485760 /dev/zero | tr '\0' x; printf '\n'; } | csv 65 "longer than 1 MiB" 0 "a 10 MB field"
{ printf '%s\n' "$H"; head -c 2000000 /dev/zero | tr '\0' ,; printf '\n'; } | csv 65 "more than 1024 columns" 0 "a 2 million-column row"
printf '%s\n1,30,2026-11-02,bruno\n' "$H" | csv 65 ":2: 4 fields where the header has 5" 0 "ragged row"
printf 'minutes,date\n30,2026-11-02\n' | csv 65 ":1: task: required column is missing" 0 "missing column"
printf 'task,task,minutes\n1,1,30\n' | csv 65 ":1: task: duplicate column" 0 "duplicate column"
printf 'task,minutes,person,colour\n1,30,bruno,blue\n' | csv 0 "" 1 "unknown columns are ignored"
printf 'task,duration,minutes,person\n1,30,30,bruno\n' | csv 65 "given twice" 0 "duration and minutes both"

# Durations.
for d in 0:60 -0:30 99999999999h 1e3 1h6o; do
	printf '%s\n1,%s,2026-11-02,bruno,\n' "$H" "$d" | csv 65 "duration: \"$d\"" 0 "duration $d"
done
printf '%s\n1,,2026-11-02,bruno,\n' "$H" | csv 65 "duration: is empty" 0 "empty duration"
printf '%s\n1,25:00,2026-11-02,bruno,\n' "$H" | csv 65 "more than 24 hours in one entry" 0 "duration 25:00 in one entry"
printf '%s\n1,0,2026-11-02,bruno,\n' "$H" | csv 65 "must be more than 0" 0 "duration 0"

# Dates.
for d in 2026-02-30 2026-13-01 26-1-1; do
	printf '%s\n1,30,%s,bruno,\n' "$H" "$d" | csv 65 "date: \"$d\"" 0 "date $d"
done

# Money, through project-add --csv (all or nothing too).
for m in 1e2 100,00 -100 0.001 12345678901234567890; do
	printf 'project,client,rate\nok-%s,acme,10\nbad,acme,"%s"\n' "$(printf '%s' "$m" | tr -c 'a-z0-9' x)" "$m" >"$T/p.csv"
	before=$(sql 'SELECT count(*) FROM project')
	run project-add --csv "$T/p.csv"
	if [ "$status" -eq 65 ] && grep -qF "rate: \"$m\"" "$T/err" && [ "$(sql 'SELECT count(*) FROM project')" -eq "$before" ]; then
		ok "money $m"
	else
		not_ok "money $m" "exit $status" "$(cat "$T/err")"
	fi
done

# Text: SQL-looking text verbatim, long titles and notes, formula-looking
# text safe in every export format.
sqlish="'); DROP TABLE entry; --"
expect_exit 0 hours-log --person bruno --note "$sqlish" 1 10m
expect_eq "SQL-looking text stored verbatim" "$sqlish" "$(sql "SELECT note FROM entry ORDER BY id DESC LIMIT 1")"
expect_eq "and the table is there" 1 "$(book_tables | grep -cx entry)"
long=$(head -c 1001 /dev/zero | tr '\0' t)
expect_exit 65 task-add --project blog "$long"
expect_err "a title over 1000 bytes" "title: is longer than 1000 bytes"
expect_exit 0 task-add --project blog "$(head -c 1000 /dev/zero | tr '\0' t)"
expect_exit 65 hours-log --person bruno --note "$(head -c 4097 /dev/zero | tr '\0' n)" 1 10m
expect_exit 0 hours-log --person bruno --note "$(head -c 4096 /dev/zero | tr '\0' n)" 1 10m
for lead in '=' '+' '-' '@'; do
	hours-log -q --person bruno --note "${lead}SUM(A1:A9)" 1 1m >/dev/null
done
hours-log -q --person bruno --note "$(printf '\tTAB')" 1 1m >/dev/null
hours-log -q --person bruno --note "$(printf '\rCR')" 1 1m >/dev/null
expect_exit 0 report-export entries
for lead in '=' '+' '-' '@'; do
	grep -qF ",${lead}SUM(A1:A9)," "$T/out" && ok "csv keeps $lead text as it is" || not_ok "csv keeps $lead text"
done
expect_exit 0 report-export -f excel-csv entries
for lead in '=' '+' '-' '@'; do
	grep -qF ";'${lead}SUM(A1:A9);" "$T/out" && ok "excel-csv neutralises $lead" || not_ok "excel-csv neutralises $lead"
done
grep -q "\"'	TAB\"\|;'	TAB;" "$T/out" && ok "excel-csv neutralises a leading tab" || not_ok "excel-csv tab" "$(grep TAB "$T/out" | cat -A)"
grep -q "\"'$(printf '\r')CR\"" "$T/out" && ok "excel-csv neutralises a leading CR" || not_ok "excel-csv CR" "$(grep CR "$T/out" | cat -A)"
expect_exit 0 report-export entries -o "$T/e.xlsx"
cat >"$T/formulas.py" <<'PYEOF'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Entries"]
col = {c.value: c.column for c in ws[1]}
notes = [r[col["note"] - 1] for r in ws.iter_rows(min_row=2, values_only=False)]
# A leading CR is written as the standard escape _x000D_ (Excel reads it
# back as CR; openpyxl leaves it escaped).
texts = [c for c in notes if c.value and any(x in c.value for x in ("SUM(A1:A9)", "TAB", "CR"))]
assert len(texts) >= 6, [c.value for c in texts]
assert all(c.data_type == "s" for c in texts), [(c.value, c.data_type) for c in texts]
print("ok")
PYEOF
expect_eq "xlsx writes formula-looking text as strings" ok "$($PY "$T/formulas.py" "$T/e.xlsx" 2>&1 | tail -1)"

finish
