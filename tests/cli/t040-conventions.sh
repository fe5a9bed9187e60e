# Conventions every command shares: --help, --version, a bad option, the
# usage that matches the man page SYNOPSIS, and man pages that lint clean.
. "$(dirname "$0")/lib.sh"

# The SYNOPSIS of a man page, one line per synopsis, spaces folded.
man_synopsis() {
	mandoc -Tascii -O width=400 "$1" | sed 's/.\x08//g' |
	    sed -n '/^SYNOPSIS/,/^[A-Z]/p' | sed '1d;$d' |
	    sed 's/^ *//; s/  */ /g; /^$/d'
}

# The usage lines of --help, the same way.
help_synopsis() {
	"$1" --help | sed -n '/^usage:/,/^$/p' | sed '/^$/d' |
	    sed 's/^usage: *//; s/^ *//; s/  */ /g'
}

for src in "$HB_SRC"/cmd/*.c; do
	cmd=$(basename "$src" .c)
	page="$HB_SRC/man/man1/$cmd.1"
	expect_exit 0 "$cmd" --help
	grep -q "^usage: $cmd " "$T/out" && ok "$cmd --help on stdout" || not_ok "$cmd --help on stdout"
	expect_exit 0 "$cmd" -h
	expect_exit 0 "$cmd" --version
	grep -q "^$cmd (hourbook) " "$T/out" && ok "$cmd --version" || not_ok "$cmd --version"
	expect_exit 64 "$cmd" --no-such-option
	expect_err "$cmd: bad option named" "unknown option --no-such-option"
	grep -q "^usage: $cmd " "$T/err" && ok "$cmd: usage on stderr" || not_ok "$cmd: usage on stderr"
	expect_exit 64 "$cmd" -Z
	if [ ! -f "$page" ]; then
		not_ok "$cmd has a man page"
		continue
	fi
	man_synopsis "$page" >"$T/man"
	help_synopsis "$cmd" >"$T/help"
	if [ -s "$T/man" ] && cmp -s "$T/man" "$T/help"; then
		ok "$cmd --help matches its man page SYNOPSIS"
	else
		not_ok "$cmd --help matches its man page SYNOPSIS" "$(diff "$T/man" "$T/help")"
	fi
	grep -q '^\.Sh EXIT STATUS' "$page" && ok "$cmd.1 lists the exit status" || not_ok "$cmd.1 lists the exit status"
	# A writing command (it takes --dry-run) may exit 3 after its commit,
	# and one that takes --key documents it.
	sed -n '/^\.Sh EXIT STATUS/,/^\.Sh /p' "$page" >"$T/status"
	if "$cmd" --help | grep -q -- '--dry-run'; then
		grep -q '^\.It 3$' "$T/status" && ok "$cmd.1 lists exit 3" || not_ok "$cmd.1 lists exit 3"
	else
		grep -q '^\.It 3$' "$T/status" && not_ok "$cmd.1: a reader does not exit 3" || ok "$cmd.1: a reader does not exit 3"
	fi
	if "$cmd" --help | grep -q -- '--key TOKEN'; then
		grep -q '^\.It Fl -key Ar TOKEN' "$page" && ok "$cmd.1 documents --key" || not_ok "$cmd.1 documents --key"
	fi
	grep -q '^\.Sh EXAMPLES' "$page" && ok "$cmd.1 has examples" || not_ok "$cmd.1 has examples"
done

for page in "$HB_SRC"/man/man*/*.[157]; do
	if mandoc -Tlint -W warning "$page" >"$T/lint" 2>&1; then
		ok "mandoc -Tlint $(basename "$page")"
	else
		not_ok "mandoc -Tlint $(basename "$page")" "$(head -5 "$T/lint")"
	fi
done
[ -f "$HB_SRC/man/man7/hourbook.7" ] && [ -f "$HB_SRC/man/man5/hourbook.5" ] &&
    ok "hourbook(5) and hourbook(7) exist" || not_ok "hourbook(5) and hourbook(7) exist"

finish
