# Totals at the largest values the parsers take (an amount of
# 99,999,999,999.99, a duration of 1,000,000 h): a sum or a product that
# does not fit in 64 bits is refused with exit 65 and a message naming
# it, never printed wrong, in C as in the book's SQL.
. "$(dirname "$0")/lib.sh"

MAX=99999999999.99
client-add -q acme >/dev/null
member-add -q --role staff maria >/dev/null
export HOURBOOK_USER=maria

# billing-run: a late task's contract value is its estimate at the
# project's rate; 1,000,000 h at the largest rate is 10^19 cents.
project-add -q --client acme --rate $MAX --penalty 10,2 web >/dev/null
member-add -q --project web bruno >/dev/null
HOURBOOK_NOW=2026-08-03T10:00:00Z task-add -q --project web --assign bruno --estimate 1000000h --due 2026-08-10 --rigid "Launch" >/dev/null
HOURBOOK_NOW=2026-08-20T10:00:00Z task-set -q --start 1 >/dev/null
HOURBOOK_NOW=2026-08-21T10:00:00Z task-set -q --deliver 1 >/dev/null
expect_exit 65 billing-run --month 2026-08
expect_err "the contract value is named" "billing-run: 2026-08: the contract value of task 1, 1000000:00 h at 99999999999.99 an hour, is too large"
expect_empty_out "no invoice line printed"
expect_eq "no invoice written" 0 "$(sql 'SELECT count(*) FROM invoice')"

# A freelancer at the largest rate earns 2,399,999,999,999.76 a day of
# 24 h.  The book keeps what each person earned (person_earned): 38,430
# such days fit in 64 bits of cents, 38,431 do not, and the run that
# would pass it is refused whole, naming the person.
project-add -q --client acme --model self-service blog >/dev/null
member-add -q --project blog --rate $MAX ana >/dev/null
member-add -q --project blog --rate $MAX bea >/dev/null
task-add -q --project blog --assign ana "Work" >/dev/null
work=$(sql "SELECT id FROM task WHERE title = 'Work'")
awk -v task="$work" 'BEGIN { print "task,minutes,date,person"
	for (i = 1; i <= 38431; i++) printf "%d,24h,2026-10-%02d,ana\n", task, 1 + i % 28 }' >"$T/days.csv"
expect_exit 65 hours-log -q --csv "$T/days.csv"
expect_err "the person's total is named" "hours-log: $T/days.csv:38432: duration: the earnings of ana in this run pass the largest amount the book holds"
expect_eq "nothing logged" 0 "$(sql 'SELECT count(*) FROM entry')"
sed '$d' "$T/days.csv" >"$T/fit.csv"
expect_exit 0 hours-log -q --csv "$T/fit.csv"
expect_eq "38,430 days logged" 38430 "$(sql 'SELECT count(*) FROM entry')"
expect_exit 65 hours-log --person ana "$work" 24h
expect_err "one more day is refused" "hours-log: the earnings of ana in EUR would pass the largest amount the book holds (92233720368547758.07): nothing was logged"
expect_eq "still 38,430" 38430 "$(sql 'SELECT count(*) FROM entry')"
expect_exit 0 withdraw --status --person ana
awk -v task="$work" 'BEGIN { print "task,minutes,date,person"
	for (i = 1; i <= 2000; i++) printf "%d,24h,2026-10-%02d,bea\n", task, 1 + i % 28 }' >"$T/bea.csv"
expect_exit 0 hours-log -q --csv "$T/bea.csv"

# Each row is right, and each person's total; only the totals of the
# two together do not fit.
expect_exit 0 report-export entries --person ana
expect_eq "an entry earns what it should" 2399999999999.76 "$(head -2 "$T/out" | csv_col earned)"
expect_exit 0 report-export earnings --person ana
expect_exit 0 report-export entries -f xlsx -o "$T/half.xlsx" --to 2026-10-14
[ -s "$T/half.xlsx" ] && ok "half the days fit in a workbook's totals" || not_ok "half the days fit in a workbook's totals"

expect_exit 65 report-export entries -f xlsx -o "$T/entries.xlsx"
expect_err "the entries' total is named" "report-export: $T/entries.xlsx: the total of the earned column is too large"
[ ! -e "$T/entries.xlsx" ] && ok "no workbook left" || not_ok "no workbook left"
ls -a "$T" | grep -q '^\.hourbook-tmp-' && not_ok "no temporary left" || ok "no temporary left"
report-export earnings -f xlsx 2>"$T/err" >"$T/earnings.xlsx"
expect_eq "an earnings workbook: exit 65" 65 "$?"
expect_err "its total is named" "report-export: standard output: the total of the amount column is too large"

# Overage at the largest rate: a month's overage that does not fit, and
# one that fits but not with the package fee on the same invoice.
project-add -q --client acme --rate $MAX shop >/dev/null
member-add -q --project shop carl >/dev/null
task-add -q --project shop --assign carl "Shop" >/dev/null
shop=$(sql "SELECT id FROM task WHERE title = 'Shop'")
HOURBOOK_NOW=2026-09-01T10:00:00Z package-add -q --project shop --hours 1 >/dev/null
HOURBOOK_NOW=2026-10-01T10:00:00Z package-set -q --invoiced 1 >/dev/null
awk -v task="$shop" 'BEGIN { print "task,minutes,date,person,overdraft"
	for (i = 1; i <= 40000; i++) printf "%d,24h,2026-09-%02d,carl,yes\n", task, 1 + i % 28 }' >"$T/sep.csv"
hours-log -q --csv "$T/sep.csv" >/dev/null
expect_exit 65 billing-run --month 2026-09
expect_err "the overage is named" "billing-run: 2026-09: the overage of project shop, 960000:00 h at 99999999999.99 an hour, is too large"
# 55,340,232 minutes at the largest rate is 9,223,371,999,999,077,663
# cents, and the fee of 1 h (9,999,999,999,999) is too much on top.
awk -v task="$shop" 'BEGIN { print "task,minutes,date,person,overdraft"
	for (i = 1; i <= 38430; i++) printf "%d,24h,2026-10-%02d,carl,yes\n", task, 1 + i % 28
	printf "%d,1032,2026-10-30,carl,yes\n", task }' >"$T/oct.csv"
hours-log -q --csv "$T/oct.csv" >/dev/null
expect_exit 65 billing-run --month 2026-10
expect_err "the invoice's total is named" "billing-run: 2026-10: the total of the invoice of project shop is too large"
expect_eq "still no invoice" 0 "$(sql 'SELECT count(*) FROM invoice')"

# A project's commitments: estimates times task.urgent_factor over many
# tasks.  160,000 urgent tasks of 1,000,000 h at a factor of 1,000,000
# are 9.6 x 10^18 minutes.  (task-add --csv makes them in 20 s; written
# here straight into the book, as task-add would write them.)
book-config task.urgent_factor 1000000 >/dev/null
project-add -q --client acme big >/dev/null
HOURBOOK_NOW=2026-11-02T10:00:00Z package-add -q --project big --hours 10 >/dev/null
HOURBOOK_NOW=2026-11-02T10:00:00Z package-set -q --invoiced 2 >/dev/null
HOURBOOK_NOW=2026-11-02T10:00:00Z package-set -q --paid 2 >/dev/null
task-add -q --project big --estimate 1000000h --urgent "Big" >/dev/null
expect_exit 0 report-export balances --project big
sql "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 159999),
	big AS MATERIALIZED (SELECT * FROM task WHERE title = 'Big')
	INSERT INTO task (id, project_id, kind, title, status, estimate, urgent, created, updated)
	SELECT t.id + n.i, t.project_id, t.kind, t.title || ' ' || n.i, t.status, t.estimate, t.urgent, t.created, t.updated
	FROM big t, n"
expect_eq "160,000 urgent tasks" 160000 "$(sql "SELECT count(*) FROM task WHERE title LIKE 'Big%'")"
expect_exit 65 report-export balances --project big
expect_err "the commitments are named" "report-export: the total of the estimates of project big's agreed tasks is too large"
expect_exit 65 sla-check --project big --rule package-low
expect_err "sla-check says the same" "sla-check: the total of the estimates of project big's agreed tasks is too large"
expect_exit 0 report-export balances --project shop

finish
