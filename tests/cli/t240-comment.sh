# comment: one, many from CSV, replies, and the thread.
. "$(dirname "$0")/lib.sh"

client-add acme >/dev/null
project-add --client acme p >/dev/null
member-add --client acme --project p ana >/dev/null
task-add --project p "One" >/dev/null
task-add --project p "Two" >/dev/null

body='Olá, "Zé": é assim,
com vírgulas; e aspas "duplas"
	e tab'
expect_exit 0 comment -m "$body" 1
expect_exit 0 comment --as ana --reply-to 1 -m "Risposta: perché no?" 1
printf '%s' "=HYPERLINK(\"http://x\")" >"$T/body.txt"
expect_exit 0 comment -F "$T/body.txt" 1
printf 'from stdin\r\nwith CRLF\r\n' | expect_exit 0 comment -F - 1
expect_exit 0 comment --list 1
cat >"$T/want.csv" <<'OUT'
comment,task,author,reply_to,created,body
1,1,tester,,2026-11-23T10:00:00Z,"Olá, ""Zé"": é assim,
com vírgulas; e aspas ""duplas""
	e tab"
2,1,ana,1,2026-11-23T10:00:00Z,Risposta: perché no?
3,1,tester,,2026-11-23T10:00:00Z,"=HYPERLINK(""http://x"")"
OUT
printf '4,1,tester,,2026-11-23T10:00:00Z,"from stdin\r\nwith CRLF\r\n"\n' >>"$T/want.csv"
cmp -s "$T/want.csv" "$T/out" && ok "thread round-trips commas, quotes, newlines, accents" || not_ok "thread round-trips" "$(diff "$T/want.csv" "$T/out" | head)"
expect_eq "stored verbatim" "$body" "$(sql 'SELECT body FROM comment WHERE id = 1')"

expect_exit 66 comment --reply-to 99 -m x 1
expect_exit 1 comment --reply-to 1 -m x 2
expect_err "reply on another task" "comment 1 is on task 1, not on task 2"
expect_exit 66 comment -m x 99
expect_exit 64 comment 1
expect_exit 64 comment -m x -F "$T/body.txt" 1
expect_exit 64 comment --list 1 -m x
expect_exit 66 comment -F "$T/none.txt" 1
printf 'caf\351' >"$T/latin1.txt"
expect_exit 65 comment -F "$T/latin1.txt" 1
expect_exit 66 comment --list 99
expect_exit 64 sh -c 'echo task | comment --csv - -F -'

# Many from CSV: the same message, or each row's own body.
printf 'task,title\n1,One\n2,Two\n' | expect_exit 0 comment --csv - -m "Same for all"
expect_eq "same message on each task" "2" "$(sql "SELECT count(*) FROM comment WHERE body = 'Same for all'")"
printf 'task,body\n1,"first, own"\n2,\n' | expect_exit 0 comment --csv - -m "default"
expect_eq "own body, else the default" "1:first, own 2:default" "$(sql "SELECT task_id || ':' || body FROM comment ORDER BY id DESC LIMIT 2" | sort | tr '\n' ' ' | sed 's/ $//')"
printf 'task,body\n1,ok\n2,\n' | expect_exit 65 comment --csv -
expect_err "empty body without a default" "stdin:3: body: is empty"
printf 'task\n1\n' | expect_exit 65 comment --csv -
expect_err "body column required without -m" "stdin:1: body: required column is missing"
expect_eq "failed batches wrote nothing" 8 "$(sql 'SELECT count(*) FROM comment')"

finish
