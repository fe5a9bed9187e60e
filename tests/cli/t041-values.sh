# Every command, every option that takes a value: a malformed value is
# exit 65 with a message that names the option.  The options and their
# argument names come from each command's --help, so a new option is
# walked without editing this test.
. "$(dirname "$0")/lib.sh"

client-add acme >/dev/null

# A malformed value for an argument name; empty when there is none (a
# file name is any name; an empty one is a usage error, tested below).
bad_value() {
	case $1 in
	DATE) echo 2026-02-30 ;;
	YYYY-MM) echo 2026-13 ;;
	DURATION) echo 1h6o ;;
	MONEY) echo 1e2 ;;
	PCT) echo 12x ;;
	N|TASK|ENTRY|COMMENT|WITHDRAWAL) echo x1 ;;
	HANDLE|P|C) echo 'no such!' ;;
	STATE|KIND|K|PLAN|ROLE|MODEL|FORMAT|R) echo nonesuch ;;
	WHEN) echo soon ;;
	FILE|FILE.xlsx|BOOK) ;;	# a path, a URL, libpq keywords
	*) printf 'bad\001text' ;;	# TEXT, NAME, E, CUR, TOKEN, REF ...
	esac
}

walked=0
for src in "$HB_SRC"/cmd/*.c; do
	cmd=$(basename "$src" .c)
	"$cmd" --help | sed -n 's/^ *\(-., \)*--\([a-z-]*\) \([A-Z][^ ]*\) .*/\2 \3/p' >"$T/opts"
	while read -r name arg; do
		value=$(bad_value "$arg")
		[ -n "$value" ] || continue
		# --as names a person: any text may; a control character not.
		[ "$name" = as ] && value=$(printf 'x\001y')
		# A format is how the command is used, not data: 64 (below).
		[ "$name" = format ] && continue
		walked=$((walked + 1))
		run "$cmd" "--$name" "$value"
		if [ "$status" -eq 65 ] && grep -qF -- "--$name" "$T/err"; then
			ok "$cmd --$name $arg: 65, named"
		else
			not_ok "$cmd --$name $arg: 65, named" "exit $status" "$(cat "$T/err")"
		fi
	done <"$T/opts"
done
[ "$walked" -gt 60 ] && ok "walked $walked options" || not_ok "walked $walked options"

# -f/--format, which every command that prints rows takes: a format the
# command does not take is a usage error that lists those it does.
for src in "$HB_SRC"/cmd/*.c; do
	cmd=$(basename "$src" .c)
	run "$cmd" -f nonesuch
	if [ "$status" -eq 64 ] &&
	    grep -qF -- '--format: "nonesuch" is not a format: csv, table' "$T/err" &&
	    grep -q '^usage: ' "$T/err"; then
		ok "$cmd -f nonesuch: 64, the formats listed"
	else
		not_ok "$cmd -f nonesuch: 64, the formats listed" "exit $status" "$(cat "$T/err")"
	fi
done
expect_exit 64 task-list -f xlsx
expect_err "task-list: no xlsx" '"xlsx" is not a format: csv, table or jsonl'
expect_exit 64 report-export entries -f tap
expect_exit 64 sla-check -f excel-csv
expect_exit 64 report-export entries --format=tabel
expect_err "a near format" "(did you mean table?)"

# Values that pass as text or as a number but that the command itself
# refuses: the message names the option too, not only its column.
project-add -q --client acme p >/dev/null
member-add -q --rate 10 fab >/dev/null
while IFS='|' read -r option cmd; do
	# shellcheck disable=SC2086
	run $cmd
	if [ "$status" -eq 65 ] && grep -qF -- "$option: " "$T/err"; then
		ok "$cmd: 65, names $option"
	else
		not_ok "$cmd: 65, names $option" "exit $status" "$(cat "$T/err")"
	fi
done <<'CASES'
--currency|client-add --currency EURO c2
--email|client-add --email not-an-address c2
--email|member-add --email x zed
--currency|withdraw --person fab --currency EURO 100
--penalty|project-add --client acme --penalty 10 p2
--sla|project-add --client acme --sla intake_days=x p2
--hours|package-add --project p --hours 0
--discount|package-add --project p --hours 10 --discount 140
--months|package-add --project p --hours 10 --plan monthly --months 2
CASES

# The other side of the rule: a missing or conflicting option, or a wrong
# number of operands, is 64; a business rule's refusal is 1.
expect_exit 64 report-export entries -o ''
expect_exit 64 billing-run
expect_exit 64 withdraw --reject 3
expect_exit 64 task-set --status open --start 1
expect_exit 64 hours-log 1
expect_exit 64 report-export entries --month 2026-11 --from 2026-11-01
expect_exit 1 billing-run --month 2099-01

# The messages say what would be right.
expect_exit 65 task-add --project p --estimate 1,5h x
expect_err "durations list their forms" "is not a duration (90, 90m, 1h30m, 1h30, 1:30 or 1.5h)"
expect_exit 65 member-add --rate 12,50 x
expect_err "amounts list their forms" "is not an amount (100, 100.5 or 100.50"
expect_exit 65 package-add --project p --hours 10 --plan montly
expect_err "a near plan" "(did you mean monthly?)"
expect_exit 64 task-list --stauts open
expect_err "a near option" "unknown option --stauts (did you mean --status?)"
expect_exit 64 task-list --overdue=yes
expect_err "a flag given a value" "takes no value"

finish
