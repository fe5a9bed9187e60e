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

finish
