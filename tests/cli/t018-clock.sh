# HOURBOOK_NOW replaces the clock only where the book allows it: a book
# made under it (clock.override on), or staff.  Anyone else is refused
# before anything is read or written, and every change made under a clock
# from outside is in the event log.
. "$(dirname "$0")/lib.sh"

# A book made under HOURBOOK_NOW takes it from everyone.
expect_exit 0 client-add acme
expect_err "the creator is told" "its clock comes from HOURBOOK_NOW: clock.override is on"
expect_eq "clock.override on" on "$(book-config clock.override)"

# A book made without it (a production book) takes it only from staff.
export HOURBOOK_DB="$T/prod.db"
(
	unset HOURBOOK_NOW
	client-add -q acme >/dev/null
	project-add -q --client acme --model self-service blog >/dev/null
	member-add -q --role staff --project blog maria >/dev/null
	member-add -q --project blog --as maria bruno >/dev/null
	task-add -q --project blog --as maria --assign bruno "Work" >/dev/null
	task-set -q --as bruno --start 1 >/dev/null
)
unset HOURBOOK_USER
expect_eq "a book made without it: off" off "$(env -u HOURBOOK_NOW book-config --as maria clock.override)"
before=$(book_state)
HOURBOOK_NOW=2026-01-05 expect_exit 64 hours-log --as bruno 1 1h
expect_err "a freelancer may not backdate" 'HOURBOOK_NOW: the book takes its clock from outside only from staff (its clock.override is off), and bruno is not staff'
expect_eq "nothing written" "$before" "$(book_state)"
HOURBOOK_NOW=2026-01-05 expect_exit 64 task-list --as bruno
HOURBOOK_NOW=2026-01-05 expect_exit 64 hours-log --as nobody 1 1h
expect_eq "still nothing written" "$before" "$(book_state)"

# Staff may: a replay of a cron run, say.
HOURBOOK_NOW=2026-01-05 expect_exit 0 hours-log --as maria --person bruno 1 1h
expect_eq "the entry is dated by the clock given" 2026-01-05 "$(sql 'SELECT day FROM entry')"
expect_eq "and the event log says so" "maria hours-log override 2026-01-04T23:00:00Z HOURBOOK_NOW, set by staff" \
    "$(sql "SELECT actor || ' ' || key || ' ' || what || ' ' || new || ' ' || reason FROM event WHERE entity = 'clock'")"
real=$(sql "SELECT old FROM event WHERE entity = 'clock'")
case $real in
2026-01-04T23:00:00Z|'') not_ok "the real time is recorded beside it" "$real" ;;
*) ok "the real time is recorded beside it" ;;
esac

# A command that changes nothing logs no clock event.
HOURBOOK_NOW=2026-01-05 expect_exit 0 hours-log --as maria --person bruno --key k 1 1h
HOURBOOK_NOW=2026-01-05 expect_exit 0 hours-log --as maria --person bruno --key k 1 1h
expect_eq "a repeat writes no event" 2 "$(sql "SELECT count(*) FROM event WHERE entity = 'clock'")"

# Only staff turn it on, and then it is everyone's.
(
	unset HOURBOOK_NOW
	expect_exit 1 book-config --as bruno clock.override on
	expect_err "only staff" "clock.override: only staff may change it"
	expect_exit 65 book-config --as maria clock.override yes
	expect_exit 0 book-config --as maria clock.override on
)
HOURBOOK_NOW=2026-01-06 expect_exit 0 hours-log --as bruno 1 1h
expect_eq "allowed by the book" "bruno HOURBOOK_NOW, allowed by the book's clock.override" \
    "$(sql "SELECT actor || ' ' || reason FROM event WHERE entity = 'clock' ORDER BY id DESC LIMIT 1")"
HOURBOOK_NOW=2026-01-06 expect_exit 0 book-config --as maria clock.override off
HOURBOOK_NOW=2026-01-06 expect_exit 64 hours-log --as bruno 1 1h

# A malformed clock is still a usage error, whoever gives it.
HOURBOOK_NOW=yesterday expect_exit 64 hours-log --as maria --person bruno 1 1h
expect_err "named" 'HOURBOOK_NOW: "yesterday"'

finish
