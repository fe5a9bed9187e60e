# -f table: aligned columns for people, sized to COLUMNS, h:mm, money with
# its currency, headings in words, long text cut with an ellipsis so that
# a row never wraps; the balances view with bars and a total per client;
# bold headings only on a terminal without NO_COLOR.
. "$(dirname "$0")/lib.sh"
. "$HB_SRC/tests/cli/format-book.sh"
cd "$T"
unset NO_COLOR

# The morning answer.
COLUMNS=100 expect_exit 0 report-export balances -f table
expect_out "balances at 100 columns: a line per package, a bar, a total per client" <<'TABLE'
Package  Client  Project     Plan      Status  Loaded   Used  Committed  Available  Share used
      1  acme    acme-web    standard  active   40:00   1:30       0:30      38:00  ░░░░░░░░░░    4%
      3  acme    acme-web    monthly   quoted    0:00   0:00       0:00       0:00
acme: 1:30 of 40:00 used, 0:30 committed, 38:00 left

      2  verde   verde-site  standard  active   78:00  52:10       7:45      18:05  ███████░░░   67%
verde: 52:10 of 78:00 used, 7:45 committed, 18:05 left
TABLE
COLUMNS=60 expect_exit 0 report-export balances -f table
expect_out "balances at 60 columns: the least needed columns left out, named" <<'TABLE'
Package  Project  Loaded   Used  Available  Share used
      1  acme-w…   40:00   1:30      38:00  ░░░░░░░░░░    4%
      3  acme-w…    0:00   0:00       0:00
acme: 1:30 of 40:00 used, 0:30 committed, 38:00 left

      2  verde-…   78:00  52:10      18:05  ███████░░░   67%
verde: 52:10 of 78:00 used, 7:45 committed, 18:05 left
(left out to fit the width: Client, Plan, Status, Committed)
TABLE
COLUMNS=100 expect_exit 0 report-export balances --client verde -f table --no-header
expect_out "balances of one client, without headings" <<'TABLE'
2  verde  verde-site  standard  active  78:00  52:10  7:45  18:05  ███████░░░   67%
verde: 52:10 of 78:00 used, 7:45 committed, 18:05 left
TABLE

# Any command's rows: text cut with an ellipsis, estimates as h:mm.
COLUMNS=100 expect_exit 0 task-list -f table
expect_out "tasks at 100 columns" <<'TABLE'
Task  Project     Kind      Title                          Status       Assignee  Estimate  Due  Fee
   1  verde-site  activity  Redesign the home page         in-progress  bruno
   2  verde-site  activity  Photos for the gallery         in-progress  eli           9:55
   3  acme-web    activity  A long title with "quotes", …  in-progress  bruno         2:00
(left out to fit the width: Due kind, Urgent, Extra, Created, Updated, Description, Paused, Priorit…
TABLE
COLUMNS=60 expect_exit 0 task-list -f table
expect_out "tasks at 60 columns" <<'TABLE'
Task  Proje…  Kind    Title   Status  Assign…  Estimate  Due
   1  verde…  activ…  Redes…  in-pr…  bruno
   2  verde…  activ…  Photo…  in-pr…  eli          9:55
   3  acme-…  activ…  A lon…  in-pr…  bruno        2:00
(left out to fit the width: Due kind, Urgent, Extra, Fee, C…
TABLE
# Money with the row's currency (its own column goes), minutes as h:mm.
COLUMNS=100 expect_exit 0 report-export entries --project verde-site --to 2026-11-10 -f table
expect_out "entries: earnings in BRL, hours as h:mm" <<'TABLE'
Entry  Task  Project     Client  Person  Date        Hours  Billable  Overage  Package      Earned
    1     1  verde-site  verde   bruno   2026-11-02   8:00      8:00     0:00  2        204.00 BRL
    2     1  verde-site  verde   bruno   2026-11-03   8:00      8:00     0:00  2        204.00 BRL
    3     1  verde-site  verde   bruno   2026-11-04   8:00      8:00     0:00  2        204.00 BRL
    4     1  verde-site  verde   bruno   2026-11-05   8:00      8:00     0:00  2        204.00 BRL
    5     1  verde-site  verde   bruno   2026-11-06   8:00      8:00     0:00  2        204.00 BRL
    6     1  verde-site  verde   bruno   2026-11-09   8:00      8:00     0:00  2        204.00 BRL
    7     1  verde-site  verde   bruno   2026-11-10   2:00      2:00     0:00  2         51.00 BRL
(left out to fit the width: Note, Reverses, Ref)
TABLE
COLUMNS=100 expect_exit 0 report-export invoices -f table
expect_out "invoices: quantities as h:mm, each in its currency" <<'TABLE'
Invoice  Client  Project     Package  Period   Line  Kind  Quantity   Unit price       Amount
      1  acme    acme-web    1        2026-11     1  fee      40:00  2400.00 EUR  2400.00 EUR
      2  verde   verde-site  2        2026-11     1  fee      78:00  3900.00 BRL  3900.00 BRL
(left out to fit the width: Description)
TABLE
COLUMNS=100 expect_exit 0 report-export projects -f table
expect_out "projects: rates with currency, penalties as percentages, local times" <<'TABLE'
Project     Client  Name             Rate  Model    Penalty  Penalty per day  SLA  Created
acme-web    acme    acme-web    60.00 EUR  package      10%               2%       2026-11-23 11:00
verde-site  verde   verde-site  50.00 BRL  package                                 2026-11-23 11:00
(left out to fit the width: Minimum fee, KPI units, KPI revenue, Share %, Share cap, Share from, Su…
TABLE
# A line feed in a value is shown, never sent.
COLUMNS=100 expect_exit 0 comment --list 3 -f table
expect_out "a comment over two lines stays on one" <<'TABLE'
Comment  Task  Author  Reply to  Created           Body
      1     3  maria             2026-11-23 11:00  Is the "blue" one fine?↵ Tell me
TABLE

# A writing command's rows, printed after its commit.
COLUMNS=100 expect_exit 0 hours-log -q --dry-run --as bruno --date 2026-11-17 3 0:20 -f table
expect_out "hours-log -f table" <<'TABLE'
Entry  Task  Person  Date        Hours  Billable  Package  Available after  Overage  Reverses
   10     3  bruno   2026-11-17   0:20      0:20  1                  38:00     0:00
TABLE
COLUMNS=100 expect_exit 0 hours-log -q --dry-run --as bruno --date 2026-11-17 3 0:20 -f table --no-header
expect_out "hours-log -f table --no-header" <<'TABLE'
10  3  bruno  2026-11-17  0:20  0:20  1  38:00  0:00
TABLE

# No line is wider than COLUMNS, whatever the command.
for c in 40 60 80; do
	wide=0 lines=0
	for cmd in "report-export balances" "report-export entries" \
	    "report-export tasks" "report-export events" "report-export people" \
	    "withdraw --status --person bruno" "book-config --list" \
	    "package-add --dry-run --project acme-web --hours 10"; do
		# shellcheck disable=SC2086
		COLUMNS=$c $cmd -q -f table >"$T/table" 2>/dev/null
		while IFS= read -r line; do
			lines=$((lines + 1))
			n=$(printf '%s' "$line" | wc -m)
			[ "$n" -le "$c" ] || { wide=$((wide + 1)); echo "# $c: $cmd: $line"; }
		done <"$T/table"
	done
	expect_eq "no line wider than $c columns" 0 "$wide"
	[ "$lines" -gt 60 ] && ok "$lines lines at $c columns" ||
	    not_ok "$lines lines at $c columns"
done

# Not a terminal: no colour, whatever NO_COLOR says.
COLUMNS=100 report-export balances -f table >"$T/plain"
if grep -q "$(printf '\033')" "$T/plain"; then
	not_ok "no escape sequences in a pipe"
else
	ok "no escape sequences in a pipe"
fi
# On a terminal the headings are bold, unless NO_COLOR.
if command -v script >/dev/null 2>&1; then
	COLUMNS=100 script -qec "report-export balances -f table" /dev/null >"$T/tty"
	grep -q "$(printf '\033\\[1mPackage')" "$T/tty" &&
	    ok "bold headings on a terminal" ||
	    not_ok "bold headings on a terminal" "$(od -c "$T/tty" | head -3)"
	tr -d '\r' <"$T/tty" | sed "s/$(printf '\033')\\[[01]m//g" >"$T/tty.text"
	cmp -s "$T/tty.text" "$T/plain" && ok "the same table on a terminal" ||
	    not_ok "the same table on a terminal" "$(diff "$T/plain" "$T/tty.text" | head)"
	NO_COLOR=1 COLUMNS=100 script -qec "report-export balances -f table" /dev/null >"$T/tty"
	if grep -q "$(printf '\033')" "$T/tty"; then
		not_ok "NO_COLOR: no bold"
	else
		ok "NO_COLOR: no bold"
	fi
else
	not_ok "script(1) from bsdutils is installed"
fi

# -f is for rows: reading one setting prints its bare value.
expect_exit 64 book-config -f table currency
expect_err "book-config KEY -f" "-f is for rows"
expect_exit 0 book-config currency
expect_out "book-config KEY still prints the bare value" <<'EOT'
EUR
EOT

finish
