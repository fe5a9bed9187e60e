#!/bin/sh
# completion/generate.sh SRCDIR OUTDIR COMMAND...: write the shell
# completion of the commands, OUTDIR/hourbook.bash (bash) and
# OUTDIR/_hourbook (zsh), from what each COMMAND (a path to a built
# command) says of its options and operands when run with --options-spec
# as its only argument (include/hourbook/cli.h).  The build runs it
# whenever a command is rebuilt (CMakeLists.txt), so the scripts follow the
# option tables: nothing in them is listed by hand.  POSIX sh and awk.
set -eu
src=$1 out=$2
shift 2
mkdir -p "$out"
spec=$out/options.spec
: >"$spec.tmp"
for cmd in "$@"; do
	if ! "$cmd" --options-spec >>"$spec.tmp"; then
		echo "generate.sh: $cmd --options-spec failed" >&2
		exit 1
	fi
done
awk -v bash_in="$src/hourbook.bash.in" -v zsh_in="$src/_hourbook.in" \
    -v bash_out="$out/hourbook.bash.tmp" -v zsh_out="$out/_hourbook.tmp" \
    -f "$src/completion.awk" "$spec.tmp"
mv "$spec.tmp" "$spec"
mv "$out/hourbook.bash.tmp" "$out/hourbook.bash"
mv "$out/_hourbook.tmp" "$out/_hourbook"
