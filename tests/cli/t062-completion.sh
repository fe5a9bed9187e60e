# Shell completion: the bash script the build writes from the option
# tables (build/completion/hourbook.bash) completes options, the values of
# a set, and the book's names read by the commands themselves, in plain
# bash (no bash-completion package); the zsh one parses and compinit
# takes it.
. "$(dirname "$0")/lib.sh"

script=$HB_BIN/completion/hourbook.bash
zsh_script=$HB_BIN/completion/_hourbook
# Under scripts/test --valgrind, HB_BIN holds wrappers, not a build folder.
if [ ! -f "$script" ] && [ ! -f "$HB_BIN/CMakeCache.txt" ]; then
	ok "completion: skipped, $HB_BIN is not a build folder # SKIP"
	finish
fi
[ -f "$script" ] && ok "the build wrote hourbook.bash" ||
    not_ok "the build wrote hourbook.bash" "no $script"
[ -f "$zsh_script" ] && ok "the build wrote _hourbook" ||
    not_ok "the build wrote _hourbook" "no $zsh_script"

# complete WORD...: what bash's completion function of the commands offers
# for the command line WORD... with the cursor on its last word, one a
# line, sorted; its stderr in $T/complete.err.  A plain bash: no rc file,
# no bash-completion.
complete_words() {
	bash --norc --noprofile -c '
		. "$1" || exit 1
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"
		COMP_POINT=${#COMP_LINE}
		COMPREPLY=()
		_hourbook
		[ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}"
	' complete "$script" "$@" 2>"$T/complete.err" | sort
}
# The same, as one line: "a b c".
complete_line() {
	complete_words "$@" | paste -sd' ' -
}
# The values a command accepts for an option, by its own message for a
# value it refuses ("is not one of a, b, c"): sorted, on one line.
choices_of() {
	"$@" zzzzzzzz 2>&1 >/dev/null |
	    sed -n 's/.* is not one of \([^(]*\).*/\1/p; s/.* is not a kind (\([^)]*\)).*/\1/p; s/.* is not a format: \([^(]*\).*/\1/p' |
	    tr -d ',' | tr ' ' '\n' | sed '/^$/d; /^or$/d' | sort | paste -sd' ' -
}

run bash --norc --noprofile -c '. "$1" && complete -p task-set report-export' x "$script"
expect_eq "complete -p: the function is registered for the commands" \
    "complete -F _hourbook task-set
complete -F _hourbook report-export" "$(cat "$T/out")"
expect_eq "sourcing it says nothing" "" "$(cat "$T/err")"

# Options, from the tables.
expect_eq "task-set --st: its options" "--start --status" \
    "$(complete_line task-set --st)"
expect_eq "common options too: --db" "--db --due-before" \
    "$(complete_line task-list --d)"
expect_eq "a command not of the toolkit: nothing" "" \
    "$(complete_line ls --st)"
for src in "$HB_SRC"/cmd/*.c; do
	cmd=$(basename "$src" .c)
	"$cmd" --help | grep -o -- '--[a-z][a-z-]*' | sort -u >"$T/help"
	complete_words "$cmd" -- | sort -u >"$T/offered"
	missing=$(comm -23 "$T/help" "$T/offered" | paste -sd' ' -)
	expect_eq "$cmd: every option of --help is offered" "" "$missing"
done
expect_eq "--options-spec is not listed in --help" "" \
    "$(task-set --help | grep -e --options-spec)"

# Values of a set.
states=$(choices_of task-list --status)
expect_eq "the states are known to the test" 12 "$(echo "$states" | wc -w)"
expect_eq "task-list --status: the states" "$states" \
    "$(complete_line task-list --status '')"
expect_eq "task-list --status in-: in-progress" "in-progress" \
    "$(complete_line task-list --status in-)"
expect_eq "task-list --status open,bl: the next of a list" "open,blocked" \
    "$(complete_line task-list --status open,bl)"
expect_eq "task-set --status=, split at '=' as bash does" "$states" \
    "$(complete_line task-set --status = '')"
expect_eq "task-add --kind=r, kept whole" "--kind=request" \
    "$(complete_line task-add --kind=r)"
kinds=$(choices_of report-export)
expect_eq "report-export: the kinds" "$kinds" "$(complete_line report-export '')"
expect_eq "report-export's kinds hold dashboard" "dashboard" \
    "$(complete_line report-export das)"
expect_eq "report-export -f: its formats" "$(choices_of report-export -f)" \
    "$(complete_line report-export -f '')"
expect_eq "report-export projects -f x: its formats" "xlsx" \
    "$(complete_line report-export projects -f x)"
expect_eq "after the kind: no other operand" "" \
    "$(complete_line report-export projects '')"
expect_eq "package-add --plan: the plans" "$(choices_of package-add --project p --hours 1 --plan)" \
    "$(complete_line package-add --plan '')"
expect_eq "book-config: its settings" "sla.client_info_days sla.client_info_days.priority sla.intake_days sla.intake_days.priority sla.reply_hours sla.reply_hours.priority sla.revision_days sla.revision_days.priority" \
    "$(complete_line book-config sla.)"
mkdir "$T/sheets" && : >"$T/sheets/returned.xlsx"
expect_eq "task-set --sheet: file names" "$T/sheets/returned.xlsx" \
    "$(complete_line task-set --sheet "$T/sheets/r")"

# No book yet: nothing, and nothing on stderr; the book is not made.
expect_eq "no book: no projects" "" "$(complete_line task-add --project '')"
expect_eq "no book: nothing on stderr" "" "$(cat "$T/complete.err")"
expect_eq "no book: no tasks" "" "$(complete_line task-set '')"
book_exists && not_ok "completing made no book" || ok "completing made no book"

# Names of the book: the commands read them.
client-add acme >/dev/null
project-add --client acme verde >/dev/null
project-add --client acme rosso >/dev/null
member-add --project verde bruno >/dev/null
member-add --project verde --role staff ana >/dev/null
export HOURBOOK_USER=ana
task-add --project verde "One" >/dev/null
task-add --project rosso "Two" >/dev/null
other=$(book_new other)
client-add -d "$other" beta >/dev/null
project-add -d "$other" --client beta blu >/dev/null

expect_eq "task-add --project: the book's projects" "rosso verde" \
    "$(complete_line task-add --project '')"
expect_eq "task-add --project v" "verde" "$(complete_line task-add --project v)"
expect_eq "report-export --client: the clients" "acme" \
    "$(complete_line report-export --client '')"
expect_eq "task-add --assign: the people" "ana bruno" \
    "$(complete_line task-add --assign '')"
expect_eq "task-set: the tasks" "1 2" "$(complete_line task-set '')"
expect_eq "task-set 1: more tasks (TASK ...)" "1 2" "$(complete_line task-set 1 '')"
expect_eq "hours-log: a task first" "1 2" \
    "$(complete_line hours-log --date 2026-11-20 '')"
expect_eq "hours-log TASK: then a duration, not a name" "" \
    "$(complete_line hours-log 1 '')"
expect_eq "member-add HANDLE names a new person: no names" "" \
    "$(complete_line member-add '')"
expect_eq "-d BOOK on the line: its projects" "blu" \
    "$(complete_line task-add -d "$other" --project '')"
expect_eq "--db=BOOK, split at '=' as bash does" "blu" \
    "$(complete_line task-add --db = "$other" --project '')"
expect_eq "-qdBOOK" "blu" "$(complete_line task-add -qd"$other" --project '')"
expect_eq "names after --: operands" "1 2" "$(complete_line task-set -- '')"
expect_eq "-d naming no book: nothing" "" \
    "$(complete_line task-add -d "$T/none.db" --project '')"
expect_eq "-d naming no book: nothing on stderr" "" "$(cat "$T/complete.err")"
[ -e "$T/none.db" ] && not_ok "-d naming no book: none made" ||
    ok "-d naming no book: none made"
expect_eq "HOURBOOK_DB naming no book: nothing" "" \
    "$(HOURBOOK_DB=$T/none.db complete_line task-add --project '')"

# A command named by its path: the commands beside it read the book.
expect_eq "by path, PATH without the toolkit" "rosso verde" \
    "$(PATH=/usr/bin:/bin complete_line "$HB_BIN/task-add" --project '')"
# A book that does not answer: given up after a short while, quietly.
mkdir "$T/slow"
for c in report-export task-list task-add; do
	printf '#!/bin/sh\nexec sleep 30\n' >"$T/slow/$c"
	chmod +x "$T/slow/$c"
done
if command -v timeout >/dev/null 2>&1; then
	timeout 20 bash --norc --noprofile -c '
		. "$1"; COMP_WORDS=("$2/task-add" --project ""); COMP_CWORD=2
		_hourbook; echo "${#COMPREPLY[@]}"' x "$script" "$T/slow" >"$T/out" 2>"$T/err"
	expect_eq "a command that hangs is given up: no names, no wait of 20 s" \
	    "0" "$(cat "$T/out")"
fi

# zsh: the script parses, compinit takes it for every command, and an
# interactive zsh (under zpty) completes with it: the matches it would
# offer, caught by a compadd that writes them down.
if command -v zsh >/dev/null 2>&1; then
	run zsh -n "$zsh_script"
	expect_eq "zsh -n: _hourbook parses" "0 " "$status $(cat "$T/err")"
	mkdir "$T/zfunc"
	cp "$zsh_script" "$T/zfunc/"
	run zsh -f -c 'fpath=("$1" $fpath); autoload -Uz compinit
		compinit -u -d "$2"; print -r -- $_comps[task-set] $_comps[report-export]' \
	    x "$T/zfunc" "$T/zcompdump"
	expect_eq "zsh compinit: _hourbook completes the commands" \
	    "_hourbook _hourbook" "$(cat "$T/out")"
	cat >"$T/zcomplete.zsh" <<'EOF'
# zsh -f zcomplete.zsh FPATH-DIR HITS LINE...: for each LINE, "== LINE"
# and the matches zsh's completion finds for it (TAB at its end), sorted.
zmodload zsh/zpty || exit 1
fdir=$1 hits=$2
shift 2
zpty z zsh -f -i
zpty -w z "PS1='> '; fpath=(${(q)fdir} \$fpath); autoload -Uz compinit; compinit -u -d ${(q)hits}.dump"
zpty -w z "compadd() { local -a h; builtin compadd -O h \"\$@\"; (( \$#h )) && print -rl -- \$h >>${(q)hits}; builtin compadd \"\$@\"; }"
# Keys typed while compinit runs would go to the terminal, not to zle.
zpty -w z "print -r -- ready >${(q)hits}.ready"
for (( i = 0; i < 200; i++ )); do [[ -f $hits.ready ]] && break; sleep 0.05; done
sleep 0.2
for line; do
	rm -f $hits $hits.done
	# The line and TAB; then, once completion is done, the line killed
	# (^A^K: the terminal's own ^U would act on keys typed ahead) and a
	# command.
	zpty -w -n z "$line"$'\t'
	zpty -w -n z $'\C-a\C-k'
	zpty -w z "print -r -- done >${(q)hits}.done"
	for (( i = 0; i < 200; i++ )); do [[ -f $hits.done ]] && break; sleep 0.05; done
	print -r -- "== $line"
	[[ -f $hits ]] && sort -u $hits
done
zpty -d z
EOF
	other_quoted="'$other'"
	timeout 60 zsh -f "$T/zcomplete.zsh" "$T/zfunc" "$T/zhits" \
	    'task-set --st' 'task-list --status in' 'report-export das' \
	    'task-add --project ' "task-add -d $other_quoted --project " \
	    'task-set ' 'task-add -d /nonexistent/book.db --project r' \
	    >"$T/out" 2>"$T/err"
	expect_out "zsh completes options, values of a set, and the book's names" <<EOF
== task-set --st
--start
--status
== task-list --status in
in-progress
== report-export das
dashboard
== task-add --project 
rosso
verde
== task-add -d $other_quoted --project 
blu
== task-set 
1
2
== task-add -d /nonexistent/book.db --project r
EOF
else
	ok "zsh is not installed: its script is not checked # SKIP"
fi

finish
