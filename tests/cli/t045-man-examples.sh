# Every line of every man page's EXAMPLES runs against a realistic book:
# none may be a usage error (exit 64, or the usage printed by any command
# of a pipeline) or worse (70 and up).  A refused action
# (1), bad data (65) or a missing record (66) still shows the command line
# itself is right, since the examples name records of their own.
. "$(dirname "$0")/lib.sh"
cd "$T"

# The book the examples talk about.
client-add -q --email ops@acme.example acme "ACME S.p.A." >/dev/null
project-add -q --client acme --rate 60 --penalty 10,2 acme-web >/dev/null
project-add -q --client acme --rate 60 acme-shop >/dev/null
project-add -q --client acme --rate 60 acme-social >/dev/null
member-add -q --client acme --name "Ana Lima" --project acme-web ana >/dev/null
member-add -q --rate 25.50 --project acme-web --project acme-web bruno >/dev/null
member-add -q --role staff --project acme-web maria >/dev/null
export HOURBOOK_USER=maria
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do task-add -q --project acme-web --assign bruno "Task $i" >/dev/null; done
package-add -q --project acme-web --hours 100 >/dev/null
printf 'task,minutes,date,person,note\n1,30,2026-11-02,bruno,example\n' >week.csv
printf 'client,display_name\nzeta,Zeta\n' >clients.csv
printf 'The blue one.\n' >answer.txt
# The examples' stand-in for a team's own alerting.
mkdir -p "$T/bin"
printf '#!/bin/sh\nexit 0\n' >"$T/bin/notify-team"
chmod +x "$T/bin/notify-team"
PATH=$T/bin:$PATH

# The literal lines of a page's EXAMPLES, continuation lines joined.
examples() {
	mandoc -Tascii -O width=300 "$1" | col -bx |
	    sed -n '/^EXAMPLES/,/^SEE ALSO/p' | sed '1d;$d' |
	    awk '/^           / { sub(/^ +/, ""); line = line (line == "" ? "" : " ") $0
		    if ($0 ~ /(\\|\||&&)$/) { sub(/\\$/, "", line); next }
		    print line; line = "" }'
}

for page in "$HB_SRC"/man/man1/*.1 "$HB_SRC"/man/man7/hourbook.7; do
	name=$(basename "$page")
	examples "$page" >"$T/examples"
	[ -s "$T/examples" ] || { not_ok "$name has runnable examples"; continue; }
	while IFS= read -r line; do
		bash -o pipefail -c "$line" >/dev/null 2>"$T/err" </dev/null
		st=$?
		# A usage error anywhere in a pipeline prints the usage.
		if grep -q '^usage: ' "$T/err"; then
			not_ok "$name: $line" "a usage error" "$(head -c 300 "$T/err")"
			continue
		fi
		case $st in
		0|1|65|66) ok "$name: $line" ;;
		*) not_ok "$name: $line" "exit $st" "$(head -c 300 "$T/err")" ;;
		esac
	done <"$T/examples"
done

finish
