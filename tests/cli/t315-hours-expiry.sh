# Expired packages give no hours; a package project without active
# packages takes time only with --overdraft.
. "$(dirname "$0")/lib.sh"

client-add acme >/dev/null
project-add --client acme --rate 50 web >/dev/null
member-add --project web bruno >/dev/null
task-add --project web --assign bruno "Work" >/dev/null

expect_exit 1 hours-log --person bruno 1 1h
expect_err "no active package, and how to get one" "has no active package (package-add, then package-set --invoiced and --paid"
expect_exit 0 hours-log --person bruno --overdraft 1 1h
expect_eq "all overage" "60" "$(sed -n 2p "$T/out" | cut -d, -f9)"

package-add -q --project web --hours 2 --expires 2026-11-20 >/dev/null	# 1
package-add -q --project web --hours 1 >/dev/null			# 2
for p in 1 2; do package-set -q --invoiced "$p" >/dev/null; package-set -q --paid "$p" >/dev/null; done
expect_exit 0 hours-log --person bruno --date 2026-11-20 1 30m
expect_eq "the last day of a package counts" "1" "$(sed -n 2p "$T/out" | cut -d, -f7)"
expect_exit 0 hours-log --person bruno --date 2026-11-21 1 30m
expect_eq "after its expiry the next package pays" "2" "$(sed -n 2p "$T/out" | cut -d, -f7)"
expect_exit 1 hours-log --person bruno --date 2026-11-21 1 1h
expect_err "expired hours are not offered" "have 30 minutes left for time dated 2026-11-21: 30 minutes missing"
expect_exit 0 hours-log --person bruno --date 2026-11-19 1 1h
expect_eq "before its expiry it still pays" "1" "$(sed -n 2p "$T/out" | cut -d, -f7)"

finish
