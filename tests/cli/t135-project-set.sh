# project-set: correct a project's name, its rate from a day on, its
# late-delivery penalty and SLA overrides.  Staff only, with a reason,
# every change in the event log.  The rate is a history: a package is
# priced at the rate of the day it is quoted, overage at the rate of each
# entry's day, a late-delivery penalty at the rate of the task's due
# date; invoices made before stay as they are.
. "$(dirname "$0")/lib.sh"
export HOURBOOK_NOW=2026-10-01T10:00:00Z

client-add acme >/dev/null
project-add --client acme --rate 60 --penalty 10,2 --name "ACME web site" web >/dev/null
member-add --role staff --project web maria >/dev/null
export HOURBOOK_USER=maria
member-add --rate 20 --project web bruno >/dev/null
member-add --client acme --project web ana >/dev/null
package-add -q --project web --hours 2 >/dev/null
package-set -q --invoiced 1 >/dev/null
package-set -q --paid 1 >/dev/null
task-add --project web --assign bruno --estimate 10h "Site" >/dev/null	# 1
task-add --project web --assign bruno --estimate 1h --due 2026-11-10 --rigid "Early" >/dev/null	# 2
task-add --project web --assign bruno --estimate 1h --due 2026-11-20 --rigid "Late" >/dev/null	# 3
HOURBOOK_NOW=2026-10-20T10:00:00Z hours-log -q --person bruno --date 2026-10-15 --overdraft 1 3h >/dev/null
HOURBOOK_NOW=2026-11-02T10:00:00Z billing-run -q --month 2026-10 >/dev/null
report-export invoices >"$T/invoices-october"

# ---- who, what, why -------------------------------------------------------
export HOURBOOK_NOW=2026-11-05T10:00:00Z
expect_exit 1 project-set --as bruno --name "Web" --reason "shorter" web
expect_err "staff only" "bruno (freelancer) may not change projects: only staff"
expect_exit 1 project-set --as ana --rate 50 --from 2026-11-01 --reason "discount" web
expect_err "not the client" "ana (client, the client's contact) may not change projects: only staff"
expect_exit 66 project-set --name "Web" --reason "shorter" wbe
expect_err "a typo: the nearest code" "did you mean web?"
expect_exit 64 project-set --reason "nothing" web
expect_err "nothing to change is a usage error" "nothing to change: give --name, --rate with --from, --penalty, --no-penalty, --sla, sales-share terms or --no-share with --share-from, --support-hours, --no-support-hours, --priority or --[no-]deemed-delivery"
expect_exit 64 project-set --name "Web" web
expect_err "the reason is required, and said so" "--reason TEXT is required: every correction goes to the event log with its reason"
expect_exit 64 project-set --rate 70 --reason "raise" web
expect_err "a rate holds from a day" "--rate and --from go together"
expect_exit 64 project-set --penalty 5,1 --no-penalty --reason "r" web
expect_err "a penalty or none" "give --penalty or --no-penalty, not both"
expect_exit 65 project-set --penalty 5 --reason "r" web
expect_exit 65 project-set --sla speed=3 --reason "r" web
expect_err "an SLA key" "\"speed\" is not an SLA setting"
expect_eq "refusals write nothing" "0" "$(sql "SELECT count(*) FROM event WHERE entity = 'project' AND what IN ('name', 'rate', 'penalty')")"

# ---- name, penalty, SLA overrides ------------------------------------------
expect_exit 0 project-set --name "ACME site" --penalty 15,3 --sla intake_days=3 --sla reply_hours=4 --reason "the new contract" web
expect_out "the changed project, as project-add prints one" <<'OUT'
project,client,name,rate,currency,model,penalty_base,penalty_daily,sla,created,minimum_fee,kpi_units,kpi_revenue,share,share_cap,share_from,support_hours,priority,deemed_delivery
web,acme,ACME site,60.00,EUR,package,15,3,sla.intake_days=3;sla.reply_hours=4,2026-10-01T10:00:00Z,,,,,,,,plan,no
OUT
expect_eq "each change in the event log: old, new, reason" "name|ACME web site|ACME site|the new contract
penalty|10,2|15,3|the new contract
sla.intake_days||3|the new contract
sla.reply_hours||4|the new contract" "$(sql "SELECT what || '|' || coalesce(old, '') || '|' || new || '|' || reason FROM event WHERE entity = 'project' AND key = 'web' AND reason IS NOT NULL ORDER BY id")"
expect_exit 0 project-set --sla intake_days= --sla reply_hours=4 --reason "intake as the book's" web
expect_eq "KEY= takes an override away; the same value is no change" "sla.reply_hours=4" "$(csv_col sla <"$T/out")"
expect_eq "logged: old value, no new one" "3||intake as the book's" "$(sql "SELECT old || '|' || coalesce(new, '') || '|' || reason FROM event WHERE entity = 'project' AND what = 'sla.intake_days' ORDER BY id DESC LIMIT 1")"
expect_exit 0 project-set --no-penalty --reason "waived" web
expect_eq "no penalty" "," "$(cut -d, -f7,8 <"$T/out" | tail -1)"
expect_exit 0 project-set --penalty 10,2 --reason "back as agreed" web
expect_eq "penalty history" "10,2>15,3 15,3> >10,2" "$(sql "SELECT coalesce(old, '') || '>' || coalesce(new, '') FROM event WHERE entity = 'project' AND what = 'penalty' ORDER BY id" | paste -sd' ' -)"

# ---- the rate from a day on ------------------------------------------------
hours-log -q --person bruno --date 2026-11-05 --overdraft 1 1h >/dev/null
HOURBOOK_NOW=2026-11-12T10:00:00Z task-set --start 2 >/dev/null
HOURBOOK_NOW=2026-11-12T10:00:00Z task-set --deliver 2 >/dev/null
export HOURBOOK_NOW=2026-11-25T10:00:00Z
expect_exit 0 project-set --rate 70 --from 2026-11-16 --reason "new price list" web
expect_eq "the newest rate" "70.00" "$(csv_col rate <"$T/out")"
expect_eq "logged with the rate of that day before" "60.00|70.00 from 2026-11-16|new price list" "$(sql "SELECT old || '|' || new || '|' || reason FROM event WHERE entity = 'project' AND what = 'rate'")"
report-export invoices >"$T/invoices-after"
cmp -s "$T/invoices-october" "$T/invoices-after" && ok "October's invoice unchanged" || not_ok "October's invoice unchanged" "$(diff "$T/invoices-october" "$T/invoices-after")"
expect_exit 0 billing-run --month 2026-10
cmp -s "$T/invoices-october" "$T/out" && ok "billing October again prints the same" || not_ok "billing October again prints the same"
hours-log -q --person bruno --date 2026-11-20 --overdraft 1 2h >/dev/null
HOURBOOK_NOW=2026-11-24T10:00:00Z task-set --start 3 >/dev/null
HOURBOOK_NOW=2026-11-24T10:00:00Z task-set --deliver 3 >/dev/null
# A package is priced at the rate of the day it is quoted.
expect_exit 0 package-add -q --project web --hours 10
expect_eq "quoted after the change: 10 h at 70.00" "700.00" "$(csv_col price <"$T/out")"
expect_exit 0 project-set --rate 90 --from 2027-01-01 --reason "next year" web
expect_exit 0 package-add -q --project web --hours 10
expect_eq "a later step does not price today's quote" "700.00" "$(csv_col price <"$T/out")"
expect_eq "each package keeps its rate" "6000 7000 7000" "$(sql "SELECT rate FROM package ORDER BY id" | paste -sd' ' -)"
expect_exit 0 project-set --rate 75 --from 2026-11-20 --reason "corrected" web
expect_err "a step before a later one holds until it" "web: 75.00 from 2026-11-20 until 2027-01-01, when the rate set from that day (90.00) applies"
expect_exit 0 project-set --rate 70 --from 2026-11-20 --reason "back" web
# November: the overage at the rate of each entry's day, a line per rate;
# a penalty at the rate of the task's due date.
export HOURBOOK_NOW=2026-12-02T10:00:00Z
expect_exit 0 billing-run --month 2026-11
expect_out "November's invoice" <<'OUT'
invoice,client,project,package,period,line,kind,description,quantity_minutes,unit_price,amount,currency
2,acme,web,1,2026-11,1,overage,overage at the standard rate: 1:00 h,60,60.00,60.00,EUR
2,acme,web,1,2026-11,2,overage,overage at the standard rate from 2026-11-16: 2:00 h,120,70.00,140.00,EUR
2,acme,web,1,2026-11,3,penalty,"late delivery of task 2 ""Early"": 14% of 60.00 (2 business days late)",,60.00,-8.40,EUR
2,acme,web,1,2026-11,4,penalty,"late delivery of task 3 ""Late"": 14% of 70.00 (2 business days late)",,70.00,-9.80,EUR
OUT
expect_eq "the history: a step a change (the rate put back is no step)" "0001-01-01 6000
2026-11-16 7000
2027-01-01 9000" "$(sql "SELECT r.from_day || ' ' || r.rate FROM project_rate r JOIN project j ON j.id = r.project_id WHERE j.code = 'web' ORDER BY r.from_day")"

# ---- many at once, the export fed back, --dry-run -------------------------
project-add --client acme --rate 50 app >/dev/null
report-export projects | expect_exit 0 project-set --csv -
expect_eq "the export fed back changes nothing" "0" "$(sql "SELECT count(*) FROM event WHERE entity = 'project' AND key = 'app' AND what <> 'created'")"
printf 'project,penalty_base,penalty_daily\napp,5,1\n' | expect_exit 65 project-set --csv -
expect_err "a change in a row needs a reason" "stdin:2: reason: changing the penalty of app needs a reason (--reason TEXT)"
printf 'project,rate,from,reason\napp,55,2026-12-01,raise\nweb,,,\nnope,1,2026-12-01,x\n' | expect_exit 66 project-set --csv -
expect_eq "all or nothing" "5000" "$(sql "SELECT rate FROM project WHERE code = 'app'")"
printf 'project,rate,from,reason\napp,55,2026-12-01,raise\n' | expect_exit 0 project-set --csv -
expect_eq "from CSV" "55.00" "$(csv_col rate <"$T/out")"
expect_exit 0 project-set --dry-run --name "App" --reason "r" app
expect_eq "dry run prints the change" "App" "$(csv_col name <"$T/out")"
expect_eq "and writes nothing" "app" "$(sql "SELECT name FROM project WHERE code = 'app'")"
expect_exit 0 report-export events
grep -q ',maria,project,web,rate,60.00,70.00 from 2026-11-16,new price list$' "$T/out" && ok "report-export events shows the change" || not_ok "report-export events shows the change"
expect_exit 0 book-check

finish
