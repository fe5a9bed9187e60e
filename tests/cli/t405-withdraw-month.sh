# The calendar month of a request is the book's (its time zone, taken
# from TZ when the book was made), not UTC's nor the caller's.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Rome

client-add acme >/dev/null
project-add --client acme --model self-service blog >/dev/null
member-add --project blog eli >/dev/null
task-add --project blog --assign eli --fee 1000 "Post" >/dev/null
for m in start deliver accept; do task-set --"$m" 1 >/dev/null; done

# 22:59 UTC on 30 November is 23:59 in Rome: still November.
HOURBOOK_NOW=2026-11-30T22:59:00Z withdraw --as eli 100 >/dev/null
HOURBOOK_NOW=2026-11-30T22:59:30Z withdraw --as eli 100 >/dev/null
HOURBOOK_NOW=2026-11-30T22:59:59Z expect_exit 1 withdraw --as eli 100
expect_err "23:59 local is still November" "requests in 2026-11"
# 23:00 UTC is 00:00 on 1 December in Rome: a new month.
HOURBOOK_NOW=2026-11-30T23:00:00Z expect_exit 0 withdraw --as eli 100
expect_eq "the month recorded" "2026-11 2026-11 2026-12" "$(sql 'SELECT month FROM withdrawal ORDER BY id' | paste -sd' ' -)"
# The caller's TZ changes nothing: 23:30 UTC is December in the book.
TZ=UTC HOURBOOK_NOW=2026-11-30T23:30:00Z expect_exit 0 withdraw --as eli 100
TZ=Pacific/Kiritimati HOURBOOK_NOW=2026-11-30T23:40:00Z expect_exit 1 withdraw --as eli 100
expect_err "the limit holds whatever the caller's zone" "requests in 2026-12"
expect_eq "the months recorded" "2026-11 2026-11 2026-12 2026-12" "$(sql 'SELECT month FROM withdrawal ORDER BY id' | paste -sd' ' -)"

finish
