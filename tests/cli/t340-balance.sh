# One balance (issue 13): each case that found two commands computing the
# same figure differently, with the figures worked out by hand.
. "$(dirname "$0")/lib.sh"
export HOURBOOK_NOW=2027-03-01T09:00:00Z

client-add -q acme >/dev/null
member-add -q --role staff maria >/dev/null
export HOURBOOK_USER=maria
member-add -q --rate 30 bruno >/dev/null
newtask() {	# newtask ARGS...: add a task, print its number
	task-add -q --no-header "$@" | cut -d, -f1
}
bal() {	# bal PACKAGE COLUMN [WHEN]: one figure of report-export balances
	HOURBOOK_NOW=${3:-$HOURBOOK_NOW} report-export balances --package "$1" | csv_col "$2"
}

# ---- 1. Expired hours are not available ---------------------------------
# A: 2 h expiring 2027-03-10; B: 4 h.  30 min on 03-09 come from A, 45 min
# on 03-11 from B (A has expired).  On 03-15: A loaded 120, used 30,
# lapsed 90, available 0; B 240 - 45 = 195.
project-add -q --client acme --rate 50 site >/dev/null
member-add -q --project site bruno >/dev/null
package-add -q --project site --hours 2 --expires 2027-03-10 >/dev/null	# 1
package-add -q --project site --hours 4 >/dev/null				# 2
for k in 1 2; do package-set -q --invoiced "$k" >/dev/null; package-set -q --paid "$k" >/dev/null; done
work=$(newtask --project site --assign bruno "Work")
HOURBOOK_NOW=2027-03-09T17:00:00Z hours-log -q --person bruno "$work" 30m >/dev/null
HOURBOOK_NOW=2027-03-11T17:00:00Z hours-log -q --person bruno "$work" 45m >/dev/null
at=2027-03-15T09:00:00Z
expect_eq "A on 03-15: loaded, used, lapsed, available" "120 30 90 0" \
    "$(bal 1 loaded_minutes $at) $(bal 1 used_minutes $at) $(bal 1 lapsed_minutes $at) $(bal 1 available_minutes $at)"
expect_eq "A on 03-10, its last day: nothing lapsed yet" "0 90" \
    "$(bal 1 lapsed_minutes 2027-03-10T22:00:00Z) $(bal 1 available_minutes 2027-03-10T22:00:00Z)"
# The book is in Rome: 23:30 UTC on 03-10 is 00:30 on 03-11 there, and A
# has lapsed, for a caller in UTC (still 03-10) as for one in Rome.
expect_eq "A lapses at midnight in the book's zone, whatever the caller's" "90 0 90 0" \
    "$(TZ=UTC bal 1 lapsed_minutes 2027-03-10T23:30:00Z) $(TZ=UTC bal 1 available_minutes 2027-03-10T23:30:00Z) $(bal 1 lapsed_minutes 2027-03-10T23:30:00Z) $(bal 1 available_minutes 2027-03-10T23:30:00Z)"
expect_eq "B: 195 available" 195 "$(bal 2 available_minutes $at)"
# An urgent extra request of 70 min counts 3 x 70 = 210 > 195: refused.
HOURBOOK_NOW=$at expect_exit 1 task-add --project site --kind request --extra --urgent --estimate 70m "Urgent extra"
expect_err "the extra request sees 195" "needs 210 minutes and the packages of site have 195 available"
HOURBOOK_NOW=$at expect_exit 1 hours-log --person bruno "$work" 3h16m
expect_err "hours-log sees 195 too" "have 195 minutes left"
HOURBOOK_NOW=$at expect_exit 0 task-add --project site --kind request --extra --urgent --estimate 65m "Smaller"
smaller=$(csv_col task <"$T/out")
expect_eq "65 x 3 = 195 fits; it waits for the client" "estimated 195" "$(csv_col status <"$T/out") $(bal 2 available_minutes $at)"
HOURBOOK_NOW=$at task-set -q --approve "$smaller" >/dev/null
expect_eq "approved, it commits the 195" "0" "$(bal 2 available_minutes $at)"

# ---- 2. A lapsing monthly plan lapses when the month ends ---------------
# 5 h a month, lapsing, paid for March; nothing logged in March.  April's
# hours are not March's: on 04-05 an hour is refused until April is
# invoiced (billing-run for March) and paid; balances never go negative.
project-add -q --client acme --rate 40 care >/dev/null
member-add -q --project care bruno >/dev/null
care=$(newtask --project care --assign bruno "Care")
package-add -q --project care --hours 5 --plan monthly --months 3 --lapse >/dev/null	# 3
package-set -q --invoiced 3 >/dev/null; package-set -q --paid 3 >/dev/null
expect_eq "March: 300 available" 300 "$(bal 3 available_minutes 2027-03-31T20:00:00Z)"
expect_eq "1 April: March's 300 have lapsed, without billing-run" "300 0" \
    "$(bal 3 lapsed_minutes 2027-04-01T08:00:00Z) $(bal 3 available_minutes 2027-04-01T08:00:00Z)"
HOURBOOK_NOW=2027-04-05T09:00:00Z expect_exit 1 hours-log --person bruno "$care" 1h
expect_err "April's hour is not March's" "have 0 minutes left for time dated 2027-04-05"
HOURBOOK_NOW=2027-04-05T09:00:00Z expect_exit 0 billing-run --month 2027-03
expect_eq "billing-run invoiced April (month 2)" "2 1 yes" \
    "$(HOURBOOK_NOW=2027-04-05T10:00:00Z report-export balances --package 3 >/dev/null; sql 'SELECT count(*) FROM package_invoice WHERE package_id = 3') $(sql 'SELECT count(*) FROM package_payment WHERE package_id = 3') $(bal 3 awaiting_payment 2027-04-05T10:00:00Z)"
expect_eq "and nothing went below zero" "300 0" \
    "$(bal 3 lapsed_minutes 2027-04-05T10:00:00Z) $(bal 3 available_minutes 2027-04-05T10:00:00Z)"
HOURBOOK_NOW=2027-04-05T11:00:00Z expect_exit 1 hours-log --person bruno "$care" 1h
expect_err "refused until paid, saying which payment would do" "have 0 minutes left for time dated 2027-04-05: 60 minutes missing (--overdraft bills them at the standard rate); package 3 awaits the payment of its month 2 (package-set --paid 3)"
HOURBOOK_NOW=2027-04-06T09:00:00Z package-set -q --paid 3 >/dev/null
HOURBOOK_NOW=2027-04-06T10:00:00Z expect_exit 0 hours-log --person bruno "$care" 1h
expect_eq "paid: April's hour comes from April's 300" "600 60 300 240" \
    "$(bal 3 loaded_minutes 2027-04-06T11:00:00Z) $(bal 3 used_minutes 2027-04-06T11:00:00Z) $(bal 3 lapsed_minutes 2027-04-06T11:00:00Z) $(bal 3 available_minutes 2027-04-06T11:00:00Z)"

# ---- 3. The minimum term of a monthly plan ----------------------------
project-add -q --client acme --rate 40 blog >/dev/null
package-add -q --project blog --hours 10 --plan monthly --months 12 >/dev/null	# 4
package-set -q --invoiced 4 >/dev/null; package-set -q --paid 4 >/dev/null
expect_exit 1 package-set --closed 4
expect_err "closing after one month is refused, saying how" "a monthly plan runs at least 3 months: closing now needs the 2 months left of the minimum billed (--bill-minimum)"
expect_eq "still active" active "$(bal 4 status)"
expect_exit 0 package-set --closed --bill-minimum 4
expect_eq "closed, months 2 and 3 invoiced" "closed 3" "$(bal 4 status) $(sql 'SELECT count(*) FROM package_invoice WHERE package_id = 4')"
HOURBOOK_NOW=2027-04-01T06:00:00Z expect_exit 0 billing-run --month 2027-03
grep -c 'package 4, monthly plan: month [23] of 12 (2027-0[45]), 10:00 h, billed at closing' "$T/out" >"$T/n" || true
expect_eq "the March invoice bills them, saying why" 2 "$(cat "$T/n")"

# ---- 4. The 1st of the month is not an overdraft -------------------------
project-add -q --client acme --rate 40 shop >/dev/null
member-add -q --project shop bruno >/dev/null
package-add -q --project shop --hours 5 --plan monthly --months 6 --lapse >/dev/null	# 5
package-set -q --invoiced 5 >/dev/null; package-set -q --paid 5 >/dev/null
task-add -q --project shop --assign bruno --estimate 6h "Big job" >/dev/null
sla=$(HOURBOOK_NOW=2027-04-01T06:00:00Z sla-check --no-header --project shop)
case $sla in *package-overdrawn*) not_ok "no overdraft on the 1st" "$sla" ;; *) ok "no overdraft on the 1st" ;; esac
case $sla in *package-committed,warning*) ok "commitments beyond the hours are a warning" ;; *) not_ok "commitments beyond the hours are a warning" "$sla" ;; esac
HOURBOOK_NOW=2027-04-01T06:00:00Z expect_exit 0 billing-run --month 2027-03
HOURBOOK_NOW=2027-04-01T06:10:00Z expect_exit 0 sla-check --project shop
grep -q 'package-awaiting-payment,warning,package,5,shop,.*month 2 is invoiced and not paid' "$T/out" && ok "awaiting payment, not overdrawn" || not_ok "awaiting payment, not overdrawn" "$(cat "$T/out")"

# ---- 5. Overage only on an accepted package -------------------------------
project-add -q --client acme --rate 60 app >/dev/null
member-add -q --project app bruno >/dev/null
app=$(newtask --project app --assign bruno "App")
package-add -q --project app --hours 5 >/dev/null			# 6: quoted only
HOURBOOK_NOW=2027-03-10T10:00:00Z hours-log -q --person bruno --overdraft "$app" 2h >/dev/null
HOURBOOK_NOW=2027-04-02T06:00:00Z expect_exit 0 billing-run --month 2027-03
expect_err "the overage is not billed, and billing-run says what to do" "2027-03: 120 minutes of overage of project app are not billed: no package of the project is accepted (invoiced or active); invoice one (package-set --invoiced) and run billing-run --month 2027-03 again"
grep -q ',overage,' "$T/out" && not_ok "no overage line on a quoted package" || ok "no overage line on a quoted package"
HOURBOOK_NOW=2027-04-02T07:00:00Z package-set -q --invoiced 6 >/dev/null
HOURBOOK_NOW=2027-04-02T08:00:00Z expect_exit 0 billing-run --month 2027-03
grep -q '^[0-9]*,acme,app,6,2027-03,[0-9]*,overage,overage at the standard rate: 2:00 h,120,60.00,120.00,EUR$' "$T/out" && ok "accepted: billed on it" || not_ok "accepted: billed on it" "$(cat "$T/out")"

# ---- 6. Currencies are not mixed ------------------------------------------
client-add -q --currency BRL lusa >/dev/null
project-add -q --client lusa --model self-service lusa-web >/dev/null
member-add -q --project lusa-web bruno >/dev/null
landing=$(newtask --project lusa-web --assign bruno --fee 500 "Landing")
for m in start deliver accept; do task-set -q --"$m" "$landing" >/dev/null; done
# bruno: EUR 30/h x (30 + 45 + 60 + 120) min = 127.50; BRL: a fee of 500.
expect_exit 0 withdraw --as bruno --status
expect_out "a row per currency" <<'OUT'
person,currency,balance,pending,paid_this_month,requests_this_month,requests_left,minimum,possible,reason,next_possible
bruno,BRL,500.00,0.00,0.00,0,2,100.00,yes,,
bruno,EUR,127.50,0.00,0.00,0,2,100.00,yes,,
OUT
expect_exit 64 withdraw --as bruno 100
expect_err "which currency?" "bruno has money in BRL, EUR: say which with --currency"
book-config -q withdraw.minimum.BRL 300 >/dev/null
expect_exit 1 withdraw --as bruno --currency BRL 200
expect_err "BRL's own minimum" "below the minimum: 200.00 BRL is less than withdraw.minimum 300.00 BRL"
expect_exit 0 withdraw --as bruno --currency BRL 300
expect_eq "the withdrawal is in BRL" "BRL" "$(csv_col currency <"$T/out")"
expect_exit 0 report-export earnings --person bruno
expect_eq "every earning names its currency" "BRL EUR" "$(csv_col currency <"$T/out" | sort -u | tr '\n' ' ' | sed 's/ $//')"

# ---- 7. withdraw --status: every reason, a real date ---------------------
# Paid in another month than requested: paid_this_month follows the
# payment.  Both the limit and the minimum block: both are named, and no
# date will do.
HOURBOOK_NOW=2027-03-20T10:00:00Z withdraw -q --as bruno --currency EUR 100 >/dev/null	# 2
HOURBOOK_NOW=2027-04-02T10:00:00Z withdraw -q --pay 2 >/dev/null
expect_eq "paid in April: not March's" "0.00" "$(HOURBOOK_NOW=2027-03-31T10:00:00Z withdraw --as bruno --status | grep '^bruno,EUR' | cut -d, -f5)"
expect_eq "April's" "100.00" "$(HOURBOOK_NOW=2027-04-03T10:00:00Z withdraw --as bruno --status | grep '^bruno,EUR' | cut -d, -f5)"
# EUR balance now 27.50 and two requests made in March (BRL and EUR).
HOURBOOK_NOW=2027-03-31T10:00:00Z expect_exit 1 withdraw --as bruno --status
grep '^bruno,EUR' "$T/out" >"$T/eur"
expect_eq "both reasons, no date" 'bruno,EUR,27.50,0.00,0.00,2,0,100.00,no,limit reached: 2 requests in 2027-03; below the minimum: the balance 27.50 is less than 100.00 (no date makes a request possible without more earnings),' "$(cat "$T/eur")"
book-config -q withdraw.minimum.BRL 150 >/dev/null	# BRL balance 200
HOURBOOK_NOW=2027-03-31T10:00:00Z withdraw --as bruno --status | grep '^bruno,BRL' >"$T/brl"
expect_eq "only the limit: the first day of April" "2027-04-01" "$(cut -d, -f11 <"$T/brl")"

# ---- 8. One name, one meaning --------------------------------------------
# package-set --paid prints the figures balances prints for the package,
# and hours-log's available_after is balances' available of the project.
project-add -q --client acme --rate 50 ads >/dev/null
member-add -q --project ads bruno >/dev/null
package-add -q --project ads --hours 20 --plan upfront >/dev/null	# 7: 20 h + 10% = 1320
package-set -q --invoiced 7 >/dev/null
expect_exit 0 package-set --paid 7
for c in loaded_minutes used_minutes lapsed_minutes committed_minutes available_minutes; do
	expect_eq "package-set and balances agree on $c" "$(bal 7 $c)" "$(csv_col $c <"$T/out")"
done
ad=$(newtask --project ads --assign bruno --estimate 2h "Ad")
expect_exit 0 hours-log --person bruno "$ad" 30m
expect_eq "available_after is balances' available" "$(bal 7 available_minutes)" "$(csv_col available_after <"$T/out")"
expect_eq "1320 - 30 used - 90 still committed" 1200 "$(csv_col available_after <"$T/out")"
expect_exit 1 package-set --invoiced 7
expect_err "invoicing a paid upfront package says its state" "package 7 (upfront, active, paid): its invoice is issued already"
expect_exit 1 package-set --paid 7
expect_err "and what is (not) awaiting" "package 7 (upfront, active, paid): no invoice is awaiting payment"

# ---- 6, continued: money names its currency -----------------------------
# Hours on a BRL project are earned in BRL, at the person's rate (a rate
# has no currency of its own): carla, 40 an hour, 1h30 on lusa-app is
# 60.00 BRL.  The fee and the earned money of every row name their
# currency where they are printed: task-list, report-export entries.
project-add -q --client lusa --rate 90 lusa-app >/dev/null
member-add -q --rate 40 --project lusa-app carla >/dev/null
package-add -q --project lusa-app --hours 4 >/dev/null	# 8
package-set -q --invoiced 8 >/dev/null; package-set -q --paid 8 >/dev/null
sprint=$(newtask --project lusa-app --assign carla "Sprint")
hours-log -q --person carla "$sprint" 1h30 >/dev/null
expect_exit 0 report-export earnings --person carla
expect_eq "hours on a BRL project earn BRL" "time,60.00,BRL" "$(sed 1d "$T/out" | cut -d, -f3,7,8)"
expect_exit 0 report-export entries --person carla
expect_eq "an entry's earned money has its currency" "60.00 BRL" "$(csv_col earned <"$T/out") $(csv_col currency <"$T/out")"
expect_exit 0 task-list --project lusa-web
expect_eq "a task's fee has its currency" "500.00 BRL" "$(csv_col fee <"$T/out") $(csv_col currency <"$T/out")"

finish
