# Who may move a task: the client's contact, other client people, the
# assignee, other freelancers, staff, a client of another client, and an
# actor who is not in the book (acts as staff).
. "$(dirname "$0")/lib.sh"

client-add acme >/dev/null
client-add beta >/dev/null
project-add --client acme p >/dev/null
project-add --client beta q >/dev/null
member-add --role staff --project p maria >/dev/null
export HOURBOOK_USER=maria
member-add --client acme --project p ana >/dev/null	# the contact
member-add --client acme --project p carla >/dev/null	# not the contact
member-add --client beta --project q zoe >/dev/null
member-add --project p bruno >/dev/null
member-add --project p eli >/dev/null
member-add --project q outsider >/dev/null

# as WANT ACTOR ARGS...: run task-set as ACTOR, expecting exit WANT.
as() {
	want=$1 actor=$2
	shift 2
	run task-set --as "$actor" "$@"
	if [ "$status" -eq "$want" ]; then
		ok "$actor: task-set $* -> $want"
	else
		not_ok "$actor: task-set $* -> $want" "got $status: $(cat "$T/err")"
	fi
}

new() {	# new KIND [ASSIGNEE]: a task made by staff
	task-add --as maria --no-header --project p --kind "$1" ${2:+--assign "$2"} t | cut -d, -f1
}
moved() {	# moved ID MOVE...: as staff
	id=$1
	shift
	task-set --as maria "$@" "$id" >/dev/null
	echo "$id"
}

# Approving an idea: the contact or staff.
for who in carla bruno eli zoe outsider; do as 1 "$who" --approve "$(new idea)"; done
as 0 ana --approve "$(new idea)"
as 0 maria --approve "$(new idea)"
# An actor who is not a person of a book that has staff is refused,
# whatever the move (a typo must not act as staff).
as 66 ghost --approve "$(new idea)"
as 66 giula --approve "$(new idea)"
expect_exit 1 task-set --as carla --approve "$(new idea)"
expect_err "message names actor and rule" "carla (client) may not approve it: only the client's contact or staff"
expect_exit 1 task-set --as zoe --approve "$(new idea)"
expect_err "another client's person" "zoe speaks for client beta, and p is not that client's project"
expect_exit 1 task-set --as outsider --approve "$(new idea)"
expect_err "freelancer off the team" "outsider is not on the team of p"

# Estimating a request: staff or a freelancer on the team (unassigned, or
# their own); never the client.
as 0 bruno --estimate 1h "$(new request)"
as 1 eli --estimate 1h "$(new request bruno)"
as 1 ana --estimate 1h "$(new request)"
as 0 maria --estimate 1h "$(new request)"

# Start and deliver: the assignee or staff.
as 0 bruno --start "$(new activity bruno)"
as 1 eli --start "$(new activity bruno)"
as 1 ana --start "$(new activity bruno)"
as 0 maria --start "$(new activity bruno)"
as 0 bruno --deliver "$(moved "$(new activity bruno)" --start)"
as 1 eli --deliver "$(moved "$(new activity bruno)" --start)"
as 1 ana --deliver "$(moved "$(new activity bruno)" --start)"

# Accept and revise: the contact or staff.
delivered() { moved "$(moved "$(new activity bruno)" --start)" --deliver; }
as 0 ana --accept "$(delivered)"
as 1 carla --accept "$(delivered)"
as 1 bruno --accept "$(delivered)"
as 0 ana --revise "$(delivered)"
as 1 bruno --revise "$(delivered)"
as 0 maria --accept "$(delivered)"

# Cancel: the contact or staff.
as 0 ana --cancel "$(new activity bruno)"
as 1 bruno --cancel "$(new activity bruno)"
as 1 carla --cancel "$(new activity bruno)"

# Block and unblock: anyone, a freelancer only on their own tasks.
as 0 bruno --block "need the logo" "$(new activity bruno)"
as 1 eli --block "need the logo" "$(new activity bruno)"
as 0 ana --block "need the logo" "$(new activity bruno)"
as 0 carla --block "need the logo" "$(new activity bruno)"
as 0 bruno --unblock "$(moved "$(new activity bruno)" --block x)"

# Assigning: staff, the contact, or a freelancer taking an unassigned task.
as 0 maria --assign eli "$(new activity bruno)"
as 0 ana --assign eli "$(new activity)"
as 0 eli --assign eli "$(new activity)"
as 1 eli --assign bruno "$(new activity)"
as 1 bruno --assign bruno "$(new activity eli)"
as 1 maria --assign ana "$(new activity)"
expect_err "clients are not assignees" "ana is a client's person"
as 1 maria --assign outsider "$(new activity)"
expect_err "assignee must be on the team" "outsider is not on the team of p"

# The due date: the contact or staff, always with a reason.
as 0 ana --due 2026-12-10 --reason "launch moved" "$(new activity bruno)"
as 1 bruno --due 2026-12-10 --reason "more time" "$(new activity bruno)"
as 64 maria --due 2026-12-10 "$(new activity bruno)"
expect_err "due change needs a reason" "needs a reason (--reason)"

# Adding tasks and commenting: anyone on the project.
expect_exit 0 task-add --as carla --project p "A request from the client"
grep -q ',request,A request from the client,requested,' "$T/out" && ok "a client's task is a request" || not_ok "a client's task is a request"
expect_exit 0 task-add --as bruno --project p "Planned work"
grep -q ',activity,Planned work,open,' "$T/out" && ok "a freelancer's task is an activity" || not_ok "a freelancer's task is an activity"
expect_exit 1 task-add --as zoe --project p "Not my client"
expect_exit 1 task-add --as outsider --project p "Not my team"
expect_exit 1 task-add --as carla --project p --kind request --estimate 1h "Self-estimated"
expect_exit 0 comment --as carla -m "hello" "$(new activity)"
expect_exit 1 comment --as zoe -m "hello" "$(new activity)"
expect_exit 1 comment --as outsider -m "hello" "$(new activity)"

# The actor is recorded on every event.
id=$(new activity bruno)
task-set --as bruno --start "$id" >/dev/null
expect_eq "actor in the history" "maria bruno" "$(task-list --history "$id" --no-header | cut -d, -f4 | tr '\n' ' ' | sed 's/ $//')"

finish
