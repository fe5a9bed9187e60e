# member-leave: leaving a team.
. "$(dirname "$0")/lib.sh"

client-add acme >/dev/null
project-add --client acme acme-web >/dev/null
member-add --project acme-web bruno >/dev/null
member-add --project acme-web --role staff maria >/dev/null
export HOURBOOK_USER=maria
member-add --role staff outsider >/dev/null

task-add --project acme-web --assign bruno "Open one" >/dev/null
task-add --project acme-web --assign bruno "Started one" >/dev/null
task-set --start 2 >/dev/null
task-add --project acme-web --assign bruno "Finished one" >/dev/null
task-set --start 3 >/dev/null; task-set --deliver 3 >/dev/null; task-set --accept 3 >/dev/null
task-add --project acme-web --assign maria "Maria's" >/dev/null
expect_exit 0 member-leave --project acme-web --reassign-to maria bruno
expect_out "prints the open tasks handed over" <<'OUT'
task,project,title,status,assignee
1,acme-web,Open one,open,maria
2,acme-web,Started one,in-progress,maria
OUT
expect_eq "done tasks keep their assignee" bruno "$(task-list --status done --no-header | cut -d, -f6)"
expect_eq "hand-over logged" "bruno maria left the team" "$(sql "SELECT old || ' ' || new || ' ' || reason FROM event WHERE entity = 'task' AND key = '1' AND what = 'assignee'")"
expect_err "says who left" "bruno left acme-web"
expect_eq "membership ended" "1" "$(sql "SELECT CASE WHEN left_at IS NOT NULL THEN 1 ELSE 0 END FROM member m JOIN person p ON p.id = m.person_id WHERE p.handle = 'bruno'")"
expect_eq "leaving logged" "bruno" "$(sql "SELECT old FROM event WHERE what = 'member left'")"
expect_exit 1 member-leave --project acme-web bruno
expect_err "leaving twice refused" "bruno is not on the team of acme-web"
expect_exit 1 member-leave --project acme-web --reassign-to outsider maria
expect_err "heir must be on the team" "outsider is not on the team of acme-web"
expect_exit 1 member-leave --project acme-web --reassign-to maria maria
expect_exit 66 member-leave --project nope maria
expect_exit 66 member-leave --project acme-web nobody
expect_exit 64 member-leave maria
expect_err "--project is required" "member-leave: --project is required"
expect_exit 0 member-add --project acme-web bruno
expect_eq "rejoining works" "0" "$(sql "SELECT CASE WHEN left_at IS NOT NULL THEN 1 ELSE 0 END FROM member m JOIN person p ON p.id = m.person_id WHERE p.handle = 'bruno'")"
printf 'person,project\nbruno,acme-web\nmaria,acme-web\n' | expect_exit 0 member-leave -q --csv -
expect_out "unassigned when nobody takes over" <<'OUT'
task,project,title,status,assignee
1,acme-web,Open one,open,
2,acme-web,Started one,in-progress,
4,acme-web,Maria's,open,
OUT
[ ! -s "$T/err" ] && ok "-q silences notes" || not_ok "-q silences notes"
expect_eq "batch leave" 0 "$(sql "SELECT count(*) FROM member WHERE left_at IS NULL")"

finish
