# Every (from, to) pair of the task state table, allowed or refused, made
# as staff: allowed moves exit 0 and reach the state, refused ones exit 1
# and leave the task as it was.
. "$(dirname "$0")/lib.sh"

client-add acme >/dev/null
project-add --client acme p >/dev/null
member-add --project p bruno >/dev/null

new_task() {
	task-add --no-header --project p --assign bruno --kind "$1" t | cut -d, -f1
}

# A task in state $1, made by the moves of the table; prints its id.
in_state() {
	case $1 in
	idea) id=$(new_task idea) ;;
	requested) id=$(new_task request) ;;
	estimated) id=$(in_state requested); task-set --estimate 1h "$id" >/dev/null ;;
	open) id=$(new_task activity) ;;
	approved) id=$(in_state estimated); task-set --approve "$id" >/dev/null ;;
	in-progress) id=$(in_state open); task-set --start "$id" >/dev/null ;;
	blocked) id=$(in_state open); task-set --block "no logo" "$id" >/dev/null ;;
	delivered) id=$(in_state in-progress); task-set --deliver "$id" >/dev/null ;;
	revision) id=$(in_state delivered); task-set --revise "$id" >/dev/null ;;
	done) id=$(in_state delivered); task-set --accept "$id" >/dev/null ;;
	rejected) id=$(in_state idea); task-set --reject "$id" >/dev/null ;;
	cancelled) id=$(in_state open); task-set --cancel "$id" >/dev/null ;;
	esac
	echo "$id"
}

state_of() {
	task-list --no-header --status "$2" --project p | cut -d, -f1 | grep -qx "$1" && echo "$2"
}

# The table (SPEC §3), as "from:to" pairs that are allowed.  A task blocked
# from open goes back to open.
allowed=" idea:open idea:rejected idea:blocked idea:cancelled
requested:estimated requested:blocked requested:cancelled
estimated:approved estimated:rejected estimated:blocked estimated:cancelled
open:in-progress open:blocked open:cancelled
approved:in-progress approved:blocked approved:cancelled
in-progress:blocked in-progress:delivered in-progress:cancelled
blocked:open blocked:cancelled
delivered:done delivered:revision delivered:blocked delivered:cancelled
revision:delivered revision:blocked revision:cancelled "

states="idea requested estimated open approved in-progress blocked delivered revision done rejected cancelled"
for from in $states; do
	for to in $states; do
		[ "$from" = "$to" ] && continue
		id=$(in_state "$from")
		case $to in
		blocked) set -- --block "waiting" ;;
		estimated) if [ "$from" = requested ]; then set -- --estimate 2h; else set -- --status estimated; fi ;;
		*) set -- --status "$to" ;;
		esac
		run task-set "$@" "$id"
		case $allowed in
		*" $from:$to "*|*"
$from:$to "*|*" $from:$to
"*)
			if [ "$status" -eq 0 ] && [ "$(state_of "$id" "$to")" = "$to" ]; then
				ok "$from -> $to allowed"
			else
				not_ok "$from -> $to allowed" "exit $status" "$(cat "$T/err")"
			fi ;;
		*)
			if [ "$status" -eq 1 ] && [ "$(state_of "$id" "$from")" = "$from" ]; then
				ok "$from -> $to refused"
			else
				not_ok "$from -> $to refused" "exit $status" "$(cat "$T/err")"
			fi ;;
		esac
	done
done

# A refused move names the current state and the moves allowed from it.
id=$(in_state in-progress)
expect_exit 1 task-set --accept "$id"
expect_err "refusal names state and moves" "task $id is in-progress: it cannot accept; moves from in-progress: block (to blocked), deliver (to delivered), cancel (to cancelled)"
id=$(in_state rejected)
expect_exit 1 task-set --cancel "$id"
expect_err "final state says so" "moves from rejected: none: rejected is final"
id=$(in_state done)
expect_exit 1 task-set --cancel "$id"
expect_err "done: only staff's reopen leaves it" "moves from done: reopen (to its state before, by staff)"
# Reaching the state a task is in is nothing to do (task-list output fed
# back), but an explicit move is still checked.
expect_exit 0 task-set --status done "$id"
expect_exit 64 task-set --status estimated "$(in_state requested)"
expect_err "estimated needs an estimate" "estimating needs an estimate"
expect_exit 1 task-set --status blocked "$(in_state open)"
expect_err "--status blocked points to --block" "use --block REASON"
# Blocking remembers where it came from; the reason is in the history.
id=$(in_state approved)
task-set --block "waiting for the logo" "$id" >/dev/null
expect_exit 0 task-set --unblock "$id"
expect_eq "unblock returns to approved" approved "$(state_of "$id" approved)"
expect_exit 0 task-list --history "$id"
grep -q ',status,approved,blocked,waiting for the logo$' "$T/out" && ok "block reason logged" || not_ok "block reason logged" "$(cat "$T/out")"
# One move per command.
expect_exit 64 task-set --start --deliver "$id"

finish
