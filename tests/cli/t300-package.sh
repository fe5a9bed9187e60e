# package-add and package-set: plans, prices, the life of a package.
. "$(dirname "$0")/lib.sh"

client-add acme >/dev/null
project-add --client acme --rate 50 web >/dev/null
project-add --client acme --rate 60 mkt >/dev/null
project-add --client acme --model self-service blog >/dev/null

field() { csv_col "$1" <"$T/out" | head -1; }

# Golden values: 20 h upfront at 50.00/h costs 550.00 and loads 22 h;
# 10 h monthly at 60.00/h costs 360.00 a month.
expect_exit 0 package-add --project web --hours 20 --plan upfront
expect_eq "upfront price" "550.00" "$(field price)"
expect_eq "upfront bonus minutes" "120" "$(field bonus_minutes)"
expect_eq "upfront quoted" "quoted" "$(field status)"
expect_exit 0 package-add --project mkt --hours 10 --plan monthly --months 3
expect_eq "monthly price a month" "360.00" "$(field price)"
expect_exit 0 package-add --project web --hours 1h30m
expect_eq "standard: 1h30 at 50.00" "75.00" "$(field price)"
expect_exit 0 package-add --project web --hours 10 --discount 12.5% --bonus 5
expect_eq "overrides: 10h at 50.00 less 12.5%" "437.50" "$(field price)"
expect_eq "overrides: 5% bonus" "30" "$(field bonus_minutes)"
expect_exit 0 package-add --project web --hours 1m --discount 99.4
expect_eq "half-up: 1 min at 50.00 less 99.4% = 0.005 -> 0.01" "0.01" "$(field price)"
expect_exit 0 package-add --project web --hours 7m --discount 33
expect_eq "7 min at 50.00 less 33% = 3.9083 -> 3.91" "3.91" "$(field price)"

# Refusals.
expect_exit 1 package-add --project blog --hours 10
expect_err "no packages on self-service" "blog is a self-service project"
expect_exit 65 package-add --project web --hours 10 --plan monthly --months 2
expect_err "monthly: at least 3 months" "at least 3 months"
expect_exit 65 package-add --project web --hours 10 --months 6
expect_exit 65 package-add --project web --hours 10 --lapse
expect_exit 65 package-add --project web --hours 0
expect_exit 65 package-add --project web --hours 10 --discount 101
expect_exit 65 package-add --project web --hours 10 --plan yearly
expect_exit 66 package-add --project nope --hours 10
expect_exit 64 package-add --project web
expect_exit 64 package-add --project web --hours 10 extra

# The life: quoted -> invoiced -> active -> closed.
expect_exit 1 package-set --paid 1
expect_err "paying a quoted package" "package 1 (upfront, quoted): no invoice is awaiting payment (issue it first with --invoiced)"
expect_exit 0 package-set --invoiced --date 2026-11-20 1
expect_eq "invoiced" "invoiced" "$(field status)"
expect_exit 1 package-set --invoiced 1
expect_err "invoicing twice" "package 1 (upfront, invoiced, invoice not paid): its invoice is issued already; record its payment with --paid"
expect_exit 0 package-set --paid --date 2026-11-21 1
expect_eq "active" "active" "$(field status)"
expect_eq "loaded 22 h" "1320" "$(field loaded_minutes)"
expect_eq "invoice record" "1|1|55000|2026-11-20" "$(sql 'SELECT package_id, period, amount, issued FROM package_invoice')"
expect_eq "payment record" "2026-11-21" "$(sql 'SELECT paid FROM package_payment')"
# Every refusal names the state and the next valid step.
expect_exit 1 package-set --paid 1
expect_err "paying twice: what is next" "package 1 (upfront, active, paid): no invoice is awaiting payment (its invoice is paid; --closed closes it)"
expect_exit 1 package-set --invoiced 1
expect_err "invoicing a paid package: what is next" "package 1 (upfront, active, paid): its invoice is issued already and paid: a package is invoiced once (package-add quotes more hours; --closed closes this one)"
expect_exit 0 package-set --closed 1
expect_eq "closed" "closed" "$(field status)"
expect_eq "the rest lapsed at closing" "1320 0" "$(field lapsed_minutes) $(field available_minutes)"
expect_eq "the day it closed" "2026-11-23" "$(sql "SELECT closed_on FROM package WHERE id = 1")"
expect_exit 1 package-set --closed 1
expect_err "closing twice" "package 1 (upfront, closed, paid): nothing changes after closing (package-add quotes a new package)"
expect_exit 1 package-set --invoiced 1
expect_exit 66 package-set --paid 99
expect_err "a missing package" "package 99 does not exist (report-export balances shows the packages)"
expect_exit 1 package-set --paid --date 2026-11-30 3
expect_err "no payment in the future" "2026-11-30 is in the future"
expect_exit 64 package-set 2
expect_exit 64 package-set --paid --closed 2

# Monthly: each period invoiced, then paid, loads that period's hours.
for month in 1 2 3; do
	expect_exit 0 package-set --invoiced 2
	expect_exit 0 package-set --paid 2
done
expect_eq "three months loaded" "1800" "$(field loaded_minutes)"
expect_eq "three periods" "3 3" "$(field invoiced_periods) $(field paid_periods)"
expect_exit 1 package-set --invoiced 2
expect_err "all months invoiced" "package 2 (monthly, active: 3 of 3 months invoiced, 3 paid): all 3 months of its term are invoiced and paid (--closed closes the plan; package-add quotes a new one)"
expect_exit 1 package-set --paid 2
expect_err "no month left to pay: not billing-run's next month" "package 2 (monthly, active: 3 of 3 months invoiced, 3 paid): no invoice is awaiting payment (all the months of its term are paid; --closed closes the plan)"
expect_eq "loads per period" "1:600 2:600 3:600" "$(sql "SELECT period || ':' || minutes FROM hours_ledger WHERE package_id = 2 ORDER BY id" | paste -sd' ' -)"

# Every change is an event; balances report the figures.
expect_eq "package events" "created invoiced status paid status status" "$(sql "SELECT what FROM event WHERE entity = 'package' AND key = '1' ORDER BY id" | paste -sd' ' -)"
expect_exit 0 report-export balances --project mkt
expect_out "balances" <<'OUT'
package,project,client,plan,status,loaded_minutes,used_minutes,lapsed_minutes,committed_minutes,available_minutes,price,currency,expires,awaiting_payment
2,mkt,acme,monthly,active,1800,0,0,0,1800,360.00,EUR,,no
OUT
expect_exit 0 report-export -f excel-csv balances --package 2
printf '\357\273\277package;project;client;plan;status;loaded_minutes;used_minutes;lapsed_minutes;committed_minutes;available_minutes;price;currency;expires;awaiting_payment\r\n2;mkt;acme;monthly;active;30,00;0,00;0,00;0,00;30,00;360,00;EUR;;no\r\n' >"$T/want"
cmp -s "$T/want" "$T/out" && ok "balances as excel-csv" || not_ok "balances as excel-csv" "$(od -c "$T/out" | head)"
expect_exit 64 report-export nothing
expect_exit 64 report-export -f xml balances

finish
