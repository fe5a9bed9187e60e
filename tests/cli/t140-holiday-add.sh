# holiday-add
. "$(dirname "$0")/lib.sh"

expect_exit 0 holiday-add 2026-12-25 Christmas
expect_out "holiday row" <<'OUT'
holiday,name
2026-12-25,Christmas
OUT
expect_exit 0 holiday-add 2026-12-25 Christmas
expect_eq "the same holiday again changes nothing" 1 "$(sql "SELECT count(*) FROM event WHERE entity = 'holiday'")"
expect_exit 1 holiday-add 2026-12-25 Xmas
expect_err "another name refused" "2026-12-25 is already a holiday (\"Christmas\")"
expect_exit 65 holiday-add 2026-02-30
expect_err "impossible date" "holiday: \"2026-02-30\" is not a real date"
expect_exit 65 holiday-add 26-1-1
expect_exit 64 holiday-add
printf 'date,name\n2026-12-08,Immacolata\n2027-01-01,Capodanno\n2026-12-26\n' | expect_exit 65 holiday-add --csv -
expect_err "ragged row in holidays" "stdin:4:"
printf 'date,name\n2026-12-08,Immacolata\n2027-01-01,Capodanno\n' | expect_exit 0 holiday-add --csv -
expect_eq "holidays from CSV" "2026-12-08 2026-12-25 2027-01-01" "$(sql 'SELECT day FROM holiday ORDER BY day' | paste -sd' ' -)"

finish
