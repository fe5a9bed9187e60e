# task-add: kinds, fields, validation, batches.
. "$(dirname "$0")/lib.sh"

client-add acme >/dev/null
project-add --client acme p >/dev/null
project-add --client acme --model self-service blog >/dev/null
member-add --project p --project p bruno >/dev/null
member-add --project blog eli >/dev/null

expect_exit 0 task-add --project p --kind activity --assign bruno --estimate 1h30 --due 2026-12-01 --rigid --urgent --extra --description "Two
lines, with a comma" "Home page"
expect_out "every field" <<'OUT'
task,project,kind,title,status,assignee,estimate_minutes,due,due_kind,urgent,extra,fee,currency,created,updated,description,paused
1,p,activity,Home page,open,bruno,90,2026-12-01,rigid,yes,yes,,EUR,2026-11-23T10:00:00Z,2026-11-23T10:00:00Z,"Two
lines, with a comma",no
OUT
expect_exit 0 task-add --project p --kind idea "An idea"
grep -q '^2,p,idea,An idea,idea,' "$T/out" && ok "an idea starts as idea" || not_ok "an idea starts as idea"
expect_exit 0 task-add --project p --kind request "A request"
grep -q '^3,p,request,A request,requested,' "$T/out" && ok "a request starts requested" || not_ok "a request starts requested"
expect_exit 0 task-add --project p --kind request --estimate 45m "Estimated request"
grep -q '^4,p,request,Estimated request,estimated,,45,' "$T/out" && ok "a request with an estimate is estimated" || not_ok "a request with an estimate is estimated" "$(cat "$T/out")"
expect_exit 0 task-add --project blog --assign eli --fee 120.5 "Blog post"
grep -q ',120.50,' "$T/out" && ok "fee on self-service" || not_ok "fee on self-service"

expect_exit 65 task-add --project p --fee 10 "Fee on a package project"
expect_err "fees only on self-service" "fees are paid on self-service projects"
expect_exit 64 task-add --project p --rigid "Rigid without a date"
expect_exit 65 task-add --project p --estimate 1h60 "Bad estimate"
expect_err "bad duration" "estimate: \"1h60\" has 60 or more minutes after the hours"
expect_exit 65 task-add --project p --due 2026-02-30 "Bad date"
expect_exit 65 task-add --project p --kind chore "Bad kind"
expect_exit 66 task-add --project nope "No project"
expect_exit 66 task-add --project p --assign nobody "No person"
expect_exit 1 task-add --project p --assign eli "Not on the team"
expect_exit 64 task-add --project p
expect_exit 64 task-add "No project"
expect_exit 65 task-add --project p "$(printf 'tab\there')"
expect_eq "refusals wrote nothing" 5 "$(sql 'SELECT count(*) FROM task')"
expect_eq "creation events" 5 "$(sql "SELECT count(*) FROM event WHERE entity = 'task' AND what = 'created'")"

# A batch: all or nothing, with the line of the bad row.
cat >"$T/tasks.csv" <<'CSV'
title,kind,estimate,due,urgent
"Banner, big",activity,2h,2026-12-02,yes
FAQ,request,,,
Broken,activity,2h,2026-13-01,
CSV
expect_exit 65 task-add --project p --csv "$T/tasks.csv"
expect_err "bad row named" "tasks.csv:4: due: \"2026-13-01\" is not a real date"
expect_eq "bad batch wrote nothing" 5 "$(sql 'SELECT count(*) FROM task')"
sed -i '$d' "$T/tasks.csv"
expect_exit 0 task-add --project p --csv "$T/tasks.csv"
expect_eq "good batch" "Banner, big|activity|120|1 FAQ|request||0" "$(sql 'SELECT title, kind, estimate, urgent FROM task WHERE id > 5 ORDER BY id' | paste -sd' ' -)"

# task-list's output is task-add's input: a copy of a project's tasks.
project-add --client acme copy >/dev/null
member-add --project copy bruno >/dev/null
task-list --project p --kind activity | sed 's/^\([0-9]*\),p,/\1,copy,/' >"$T/list.csv"
expect_exit 0 task-add --csv "$T/list.csv"
expect_eq "copied activities" "$(task-list --project p --kind activity --no-header | cut -d, -f3- | cut -d, -f1-10)" "$(task-list --project copy --kind activity --no-header | cut -d, -f3- | cut -d, -f1-10)"

finish
