# -f jsonl: one JSON object per row, the CSV header's names as keys,
# numbers as numbers (minutes and cents as integers), empty fields null,
# text escaped per RFC 8259.  Every export kind and the writers go through
# jq and are compared field by field with their CSV; a --key repeat prints
# what the first run printed; a comment with control characters and
# quotes comes back from jq byte for byte.
. "$(dirname "$0")/lib.sh"
. "$HB_SRC/tests/cli/format-book.sh"
cd "$T"

if ! command -v jq >/dev/null 2>&1; then
	not_ok "jq is installed (scripts/setup installs it)"
	finish
fi

# A JSON object back as the CSV line it stands for: money from cents to
# "12.50", null as an empty field, numbers as they are, text quoted as
# RFC 4180 wants.  Which keys are money is the test's own knowledge.
to_csv='
def money: (if . < 0 then "-" else "" end) +
    ((if . < 0 then -. else . end) as $m |
     (($m / 100 | floor) | tostring) + "." +
     (($m % 100) | tostring | if length < 2 then "0" + . else . end));
def field: if . == null then ""
    elif type == "string" then
        (if test("[,\"\r\n]") then "\"" + gsub("\""; "\"\"") + "\"" else . end)
    else tostring end;
[to_entries[] |
 if (.key | IN("amount", "balance", "earned", "fee", "minimum",
     "paid_this_month", "pending", "price", "rate", "unit_price",
     "minimum_fee", "kpi_revenue", "share_cap", "revenue", "revenue_above",
     "share_amount", "total", "voucher_amount", "credited"))
    and (.value | type) == "number"
 then (.value | money) else (.value | field) end] | join(",")'

# Every key that holds a number holds one (or null); an id that may be a
# list of ids or a name is a number or a string; the rest are strings.
typed='
to_entries | all(
  if (.key | IN("package", "key")) then (.value | type) != "object"
  elif (.key | test("_minutes$")) or (.key | IN("minutes", "available_after",
      "task", "entry", "comment", "event", "invoice", "withdrawal",
      "reverses", "reply_to", "line", "months", "invoiced_periods",
      "paid_periods", "requests_this_month", "requests_left", "rows",
      "amount", "balance", "earned", "fee", "minimum", "paid_this_month",
      "pending", "price", "rate", "unit_price", "discount", "bonus",
      "penalty_base", "penalty_daily", "sales", "units", "kpi_units",
      "minimum_fee", "kpi_revenue", "share", "share_cap", "revenue",
      "revenue_above", "share_amount", "total", "complaint",
      "voucher_amount", "credited"))
  then .value == null or (.value | type) == "number"
  else .value == null or (.value | type) == "string" end)'

# compare NAME CMD...: CMD's CSV and CMD -f jsonl say the same.
compare() {
	name=$1
	shift
	"$@" >"$T/csv" 2>/dev/null
	st_csv=$?
	"$@" -f jsonl >"$T/jsonl" 2>/dev/null
	st_json=$?
	if [ "$st_csv" != "$st_json" ]; then
		not_ok "$name: the same exit status" "csv $st_csv, jsonl $st_json"
		return
	fi
	if ! jq -c . <"$T/jsonl" >/dev/null 2>"$T/jq.err"; then
		not_ok "$name: jq reads every line" "$(head -3 "$T/jq.err")"
		return
	fi
	if [ -s "$T/jsonl" ]; then
		head -1 "$T/jsonl" | jq -r 'keys_unsorted | join(",")' >"$T/keys"
		head -1 "$T/csv" >"$T/header"
		cmp -s "$T/keys" "$T/header" ||
		    { not_ok "$name: the keys are the CSV header" "$(cat "$T/keys")" "$(cat "$T/header")"; return; }
	fi
	tail -n +2 "$T/csv" >"$T/rows"
	jq -r "$to_csv" <"$T/jsonl" >"$T/back"
	if ! cmp -s "$T/rows" "$T/back"; then
		not_ok "$name: field by field as the CSV" "$(diff "$T/rows" "$T/back" | head -6)"
		return
	fi
	if [ "$(jq -s "map($typed) | all" <"$T/jsonl")" != true ]; then
		not_ok "$name: numbers are numbers" "$(head -2 "$T/jsonl")"
		return
	fi
	ok "$name: $(wc -l <"$T/jsonl") rows as the CSV says"
}

# A sales-share agreement with a month of figures, one billed and one
# missing, for the sales export.
project-add -q --client acme --minimum-fee 500 --kpi-units 10 --share 10 \
    --share-cap 250 --share-from 2026-09 acme-store >/dev/null
sales-log -q --project acme-store --month 2026-09 --units 24 --revenue 4800.5 >/dev/null
sales-log -q --project acme-store --month 2026-10 --units 3 --revenue 300 >/dev/null
billing-run -q --month 2026-09 >/dev/null
# A complaint settled with a voucher and one still open, for the vouchers
# export.
complaint -q --task 1 --reason "the logo was wrong" >/dev/null
complaint -q --accept 1 --money 20 --reason "redone for free" >/dev/null
complaint -q --task 1 --reason "late" >/dev/null
# Every kind of export.
kinds=0
for kind in activities balances clients comments earnings entries events \
    invoices people projects sales tasks vouchers withdrawals; do
	compare "report-export $kind" report-export "$kind"
	kinds=$((kinds + 1))
done
# ...which is every kind but the dashboard.
listed=$(report-export --help | sed -n 's/^Export the book: \(.*\); or.*/\1/p' |
    tr -d ' ' | tr ',' '\n' | grep -c .)
expect_eq "every kind compared" "$listed" "$kinds"
compare "report-export entries, filtered" report-export entries --person bruno --month 2026-11

# Numbers as numbers: minutes and cents as integers, the currency beside.
report-export entries --project acme-web -f jsonl >"$T/e.jsonl"
expect_eq "an entry: minutes, cents and currency" '90 3825 "EUR" 1' \
    "$(jq -r '"\(.minutes) \(.earned) \(.currency | tojson) \(.package)"' "$T/e.jsonl")"
report-export projects -f jsonl >"$T/p.jsonl"
expect_eq "a project: its rate in cents, its penalty a number" '6000 10 2' \
    "$(jq -r 'select(.project == "acme-web") | "\(.rate) \(.penalty_base) \(.penalty_daily)"' "$T/p.jsonl")"
expect_eq "null for an empty field" 'null' \
    "$(jq -c 'select(.project == "verde-site") | .penalty_base' "$T/p.jsonl")"
# The pipeline the man page shows: hours per person.
expect_eq "jq sums the minutes" '{"bruno":51.5,"eli":2.1666666666666665}' \
    "$(report-export entries -f jsonl | jq -sc 'group_by(.person) | map({(.[0].person): (map(.minutes) | add / 60)}) | add')"

# Readers of other commands.
compare "task-list" task-list
compare "task-list --history" task-list --history 3
compare "comment --list" comment --list 3
compare "withdraw --list" withdraw --list
compare "withdraw --status" withdraw --status --person bruno
compare "book-config --list" book-config --list
compare "sla-check" sla-check --as-of 2026-12-20
compare "book-check" book-check

# Writers: the rows they would write (a dry run writes nothing, so both
# runs make the same rows).
compare "task-add" task-add --dry-run --project acme-web --estimate 1h30 --due 2026-12-01 "New page"
compare "task-set" task-set --dry-run --estimate 3h 3
compare "hours-log" hours-log --dry-run --as bruno --date 2026-11-18 --note "a, \"b\"" 3 0:20
compare "comment" comment --dry-run -m "a \"quoted\" word" 3
compare "package-add" package-add --dry-run --project acme-web --hours 10 --plan upfront
compare "package-set" package-set --dry-run --closed 1
compare "withdraw" withdraw --dry-run --as bruno --currency BRL 150
compare "client-add" client-add --dry-run --currency BRL zeta "Zeta, Ltda."
compare "member-add" member-add --dry-run --rate 12.50 --name "Zed" zed
compare "member-leave" member-leave --dry-run --project verde-site eli
compare "project-add" project-add --dry-run --client acme --rate 70 --penalty 5,1 p9
compare "holiday-add" holiday-add --dry-run 2026-12-08 Immacolata
compare "book-config" book-config --dry-run withdraw.minimum 50
compare "billing-run" billing-run --dry-run --force --month 2026-11
copy=$(book_new copy)
compare "book-copy" book-copy --dry-run "$HOURBOOK_DB" "$copy"
printf 'task,minutes,date,note\n3,10,2026-11-19,one\n3,15,2026-11-20,"two\nlines"\n' >"$T/week.csv"
compare "hours-log --csv" hours-log --dry-run --as bruno --csv "$T/week.csv"

# A --key repeat prints from the book what the first run printed, in the
# format asked for now, typed as the first run typed it.
expect_exit 0 hours-log --key k1 -f jsonl --as bruno --date 2026-11-18 3 0:10
cp "$T/out" "$T/first"
expect_exit 0 hours-log --key k1 -f jsonl --as bruno --date 2026-11-18 3 0:10
expect_err "a repeat writes nothing" "nothing was written"
cmp -s "$T/first" "$T/out" && ok "--key repeat: the same JSON" ||
    not_ok "--key repeat: the same JSON" "$(cat "$T/first")" "$(cat "$T/out")"
expect_exit 0 hours-log --key k1 --as bruno --date 2026-11-18 3 0:10
tail -n +2 "$T/out" >"$T/rows"
jq -r "$to_csv" <"$T/first" >"$T/back"
cmp -s "$T/rows" "$T/back" && ok "--key repeat as CSV: the same row" ||
    not_ok "--key repeat as CSV: the same row" "$(diff "$T/rows" "$T/back")"
COLUMNS=100 expect_exit 0 task-add --key t1 -f table --project acme-web --estimate 45 "Keyed"
cp "$T/out" "$T/first"
COLUMNS=100 expect_exit 0 task-add --key t1 -f table --project acme-web --estimate 45 "Keyed"
cmp -s "$T/first" "$T/out" && ok "--key repeat: the same table" ||
    not_ok "--key repeat: the same table" "$(diff "$T/first" "$T/out")"
expect_exit 0 task-add --key t1 -f jsonl --project acme-web --estimate 45 "Keyed"
expect_eq "--key repeat in jsonl: the estimate a number" "45 number" \
    "$(jq -r '"\(.estimate_minutes) \(.task | type)"' "$T/out")"

# Control characters and quotes: escaped in the JSON, and back byte for
# byte through jq.
printf 'ctl \001 esc \033[31m red\ttab "quoted" back\\slash caf\303\251\r\nnext' >"$T/body"
expect_exit 0 comment -f jsonl -F "$T/body" 3
expect_eq "one line of JSON" 1 "$(wc -l <"$T/out")"
grep -qF '\u0001 esc \u001b[31m red\ttab \"quoted\" back\\slash café\r\nnext' "$T/out" &&
    ok "control characters escaped" || not_ok "control characters escaped" "$(cat "$T/out")"
jq -j .body <"$T/out" >"$T/body.back"
cmp -s "$T/body" "$T/body.back" && ok "jq gives the body back" ||
    not_ok "jq gives the body back" "$(od -c "$T/body.back" | head -4)"
id=$(jq .comment "$T/out")
comment --list 3 -f jsonl | jq -j "select(.comment == $id) | .body" >"$T/body.listed"
cmp -s "$T/body" "$T/body.listed" && ok "and comment --list -f jsonl too" ||
    not_ok "and comment --list -f jsonl too"

# Streamed: a big export's memory does not grow with its rows.
{
	echo "task,minutes,date,note"
	i=0
	while [ $i -lt 3000 ]; do
		echo "2,1,2026-11-2$((i % 3)),entry $i"
		i=$((i + 1))
	done
} >"$T/many.csv"
expect_exit 0 hours-log -q --as eli --overdraft --csv "$T/many.csv" -f jsonl
expect_eq "3000 entries as 3000 objects" 3000 "$(jq -s length "$T/out")"
expect_eq "a number each" 3000 "$(jq 'select(.minutes == 1 and (.entry | type) == "number")' "$T/out" | grep -c '^{')"
if on_engine sqlite "peak memory is measured on one process"; then
	peak() {
		/usr/bin/time -f %M report-export entries "$@" 2>"$T/time" >/dev/null
		tail -1 "$T/time"
	}
	# A table holds its rows (so the measure sees rows held); JSON
	# Lines holds none.
	grows=$(( $(peak -f table) - $(peak -f table --to 2026-11-10) ))
	small=$(peak -f jsonl --to 2026-11-10)
	big=$(peak -f jsonl)
	[ "$grows" -gt 800 ] && [ $((big - small)) -lt $((grows / 4)) ] &&
	    ok "jsonl streams: ${small} KiB for 7 rows, ${big} KiB for 3010 (a table: +${grows} KiB)" ||
	    not_ok "jsonl streams" "${small} KiB for 7 rows, ${big} KiB for 3010 (a table: +${grows} KiB)"
fi

finish
