# project-add
. "$(dirname "$0")/lib.sh"

client-add --currency BRL acme >/dev/null
expect_exit 0 project-add --client acme --name "ACME website" --rate 60 --penalty 10,2 --sla intake_days=3 --sla sla.reply_hours=4 acme-web
expect_out "project row" <<'OUT'
project,client,name,rate,currency,model,penalty_base,penalty_daily,sla,created,minimum_fee,kpi_units,kpi_revenue,share,share_cap,share_from,support_hours,priority,deemed_delivery
acme-web,acme,ACME website,60.00,BRL,package,10,2,sla.intake_days=3;sla.reply_hours=4,2026-11-23T10:00:00Z,,,,,,,,plan,no
OUT
expect_exit 0 project-add --client acme --model self-service --penalty 12.5%,0.5 blog
expect_out "self-service, fractional penalty" <<'OUT'
project,client,name,rate,currency,model,penalty_base,penalty_daily,sla,created,minimum_fee,kpi_units,kpi_revenue,share,share_cap,share_from,support_hours,priority,deemed_delivery
blog,acme,blog,0.00,BRL,self-service,12.5,0.5,,2026-11-23T10:00:00Z,,,,,,,,plan,no
OUT
expect_exit 1 project-add --client acme acme-web
expect_err "duplicate code" "\"acme-web\" already exists"
expect_exit 66 project-add --client nope x
expect_exit 64 project-add x
expect_exit 65 project-add --client acme --model hourly x
expect_exit 65 project-add --client acme --penalty 10 x
expect_err "penalty needs two parts" "is not PCT,PCT-PER-DAY"
expect_exit 65 project-add --client acme --penalty 120,2 x
expect_exit 65 project-add --client acme --sla currency=USD x
expect_err "only SLA keys" "is not an SLA setting"
expect_exit 65 project-add --client acme --sla intake_days=0 x
expect_exit 65 project-add --client acme --sla intake_days x
expect_exit 65 project-add --client acme --rate -5 x
expect_eq "refusals wrote nothing" 2 "$(sql 'SELECT count(*) FROM project')"

printf 'project,client,rate,sla\np1,acme,50,"intake_days=2 revision_days=1"\np2,acme,70.5,\n' | expect_exit 0 project-add --csv -
expect_out "projects from CSV" <<'OUT'
project,client,name,rate,currency,model,penalty_base,penalty_daily,sla,created,minimum_fee,kpi_units,kpi_revenue,share,share_cap,share_from,support_hours,priority,deemed_delivery
p1,acme,p1,50.00,BRL,package,,,sla.intake_days=2;sla.revision_days=1,2026-11-23T10:00:00Z,,,,,,,,plan,no
p2,acme,p2,70.50,BRL,package,,,,2026-11-23T10:00:00Z,,,,,,,,plan,no
OUT

finish
