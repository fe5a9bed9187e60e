# cmake --install puts every command and every man page in place, and the
# installed commands work.
. "$(dirname "$0")/lib.sh"

# Under scripts/test --valgrind, HB_BIN holds wrappers, not a build folder.
if [ ! -f "$HB_BIN/CMakeCache.txt" ]; then
	ok "install: skipped, $HB_BIN is not a build folder # SKIP"
	finish
fi

cmake --install "$HB_BIN" --prefix "$T/inst" >/dev/null 2>&1
expect_eq "install succeeds" 0 "$?"
for src in "$HB_SRC"/cmd/*.c; do
	cmd=$(basename "$src" .c)
	[ -x "$T/inst/bin/$cmd" ] && ok "$cmd installed" || not_ok "$cmd installed"
	[ -f "$T/inst/share/man/man1/$cmd.1" ] && ok "$cmd.1 installed" || not_ok "$cmd.1 installed"
done
[ -f "$T/inst/share/man/man5/hourbook.5" ] && [ -f "$T/inst/share/man/man7/hourbook.7" ] &&
    ok "hourbook.5 and hourbook.7 installed" || not_ok "hourbook.5 and hourbook.7 installed"
expect_exit 0 "$T/inst/bin/client-add" acme
expect_exit 0 "$T/inst/bin/report-export" clients

# Shell completion where bash-completion looks for a command's (a file
# named after it) and where Debian's zsh looks (vendor-completions).
completions=$T/inst/share/bash-completion/completions
for src in "$HB_SRC"/cmd/*.c; do
	cmd=$(basename "$src" .c)
	sed -n 's/^complete -F _hourbook //p' "$completions/$cmd" 2>/dev/null |
	    tr ' ' '\n' | grep -qx -- "$cmd" &&
	    ok "$cmd: its bash completion is installed" ||
	    not_ok "$cmd: its bash completion is installed" "in $completions/$cmd"
done
cmp -s "$HB_BIN/completion/_hourbook" "$T/inst/share/zsh/vendor-completions/_hourbook" &&
    ok "_hourbook installed for zsh" || not_ok "_hourbook installed for zsh"
# The installed script, with the installed commands named by their
# path and no build on PATH: they read the book.
run env PATH=/usr/bin:/bin bash --norc --noprofile -c '
	. "$1/task-set"
	COMP_WORDS=("$2/report-export" --client ""); COMP_CWORD=2
	_hourbook; printf "%s\n" "${COMPREPLY[@]}"' x "$completions" "$T/inst/bin"
expect_eq "the installed completion reads the book with the installed commands" \
    "acme" "$(cat "$T/out")"
expect_eq "the installed completion: nothing on stderr" "" "$(cat "$T/err")"

finish
