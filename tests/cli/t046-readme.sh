# The README's session (the block that starts with "export HOURBOOK_DB")
# runs line by line on a fresh book, as a new user would type it: no line
# may be a usage error or worse, and a figure given in a comment is the one
# the command prints.
. "$(dirname "$0")/lib.sh"
cd "$T"
printf 'task,duration,date,person,note\n1,1h30,2026-11-20,bruno,"FAQ draft"\n' >timesheet.csv

sed -n '/^    export HOURBOOK_DB=/,/^$/p' "$HB_SRC/README.md" | sed '1d;/^$/d;s/^    //' >"$T/session"
expect_eq "the README has its session" yes "$([ "$(wc -l <"$T/session")" -ge 10 ] && echo yes)"
while IFS= read -r line; do
	bash -o pipefail -c "$line" >"$T/out" 2>"$T/err" </dev/null
	st=$?
	if grep -q '^usage: ' "$T/err"; then
		not_ok "README: $line" "a usage error" "$(head -c 300 "$T/err")"
		continue
	fi
	case $st in
	0|1) ok "README: $line" ;;
	*) not_ok "README: $line" "exit $st" "$(head -c 300 "$T/err")" ;;
	esac
	# "# 660.00 for 22 h": the price and the hours of what was printed.
	case $line in
	package-add*'#'*)
		said=$(printf '%s\n' "$line" | sed 's/.*# \([0-9.]*\) for \([0-9]*\) h.*/\1 \2/')
		got=$(awk -F, 'NR == 2 { printf "%s %d", $12, ($6 + $7) / 60 }' "$T/out")
		expect_eq "README: the package's price and hours" "$said" "$got"
		;;
	# "# 500.00 minimum + 280.00: ...": the sales-share month's lines.
	billing-run*'# '*minimum*)
		said=$(printf '%s\n' "$line" | sed 's/.*# \([0-9.]*\) minimum + \([0-9.]*\):.*/\1 \2/')
		got=$(awk -F, '$7 == "minimum" || $7 == "share" { printf "%s%s", sep, $NF == "EUR" ? $(NF - 1) : $NF; sep = " " }' "$T/out")
		expect_eq "README: the sales-share month's minimum and share" "$said" "$got"
		;;
	sales-log*)
		expect_eq "README: sales-log logs the figures ($(head -c 200 "$T/err"))" 0 "$st"
		;;
	esac
done <"$T/session"
expect_exit 0 report-export balances --no-header
expect_eq "the session left one active package" active "$(cut -d, -f5 "$T/out")"

finish
