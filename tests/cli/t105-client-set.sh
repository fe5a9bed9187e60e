# client-set: correct a client's display name, e-mail or contact.  Staff
# only, with a reason; every change in the event log with its old and new
# value; the invoices and balances made before are as they were.
. "$(dirname "$0")/lib.sh"
export HOURBOOK_NOW=2026-11-02T10:00:00Z

client-add --email ops@acme.example acme "ACME" >/dev/null
client-add beta "Beta" >/dev/null
project-add --client acme --rate 60 web >/dev/null
member-add --role staff --project web maria >/dev/null
export HOURBOOK_USER=maria
member-add --client acme --project web ana >/dev/null
member-add --client acme --project web carlo >/dev/null
member-add --client beta bea >/dev/null
member-add --rate 20 --project web bruno >/dev/null
package-add -q --project web --hours 1 >/dev/null
package-set -q --invoiced 1 >/dev/null
package-set -q --paid 1 >/dev/null
task-add --project web --assign bruno --estimate 1h "Home page" >/dev/null
hours-log -q --person bruno --date 2026-10-20 --overdraft 1 2h >/dev/null
billing-run -q --month 2026-10 >/dev/null
report-export invoices >"$T/invoices-before"
report-export balances >"$T/balances-before"

# ---- who, what, why -------------------------------------------------------
expect_exit 1 client-set --as ana --display-name "ACME Spa" --reason "legal name" acme
expect_err "staff only" "ana (client, the client's contact) may not change clients: only staff"
expect_exit 1 client-set --as bruno --email x@acme.example --reason "r" acme
expect_err "not a freelancer" "bruno (freelancer) may not change clients: only staff"
expect_exit 66 client-set --display-name "ACME Spa" --reason "legal name" acmee
expect_err "a typo: the nearest name" "did you mean acme?"
expect_exit 64 client-set --reason "nothing" acme
expect_err "nothing to change is a usage error" "nothing to change: give --display-name, --email or --contact"
expect_exit 64 client-set --display-name "ACME Spa" acme
expect_err "the reason is required, and said so" "--reason TEXT is required: every correction goes to the event log with its reason"
expect_exit 65 client-set --email "ops at acme" --reason "typo" acme
expect_exit 64 client-set --display-name "ACME Spa" --reason "r" acme beta
expect_eq "refusals write nothing" "0" "$(sql "SELECT count(*) FROM event WHERE entity = 'client' AND what IN ('display_name', 'email')")"

# ---- display name and e-mail ----------------------------------------------
expect_exit 0 client-set --display-name "ACME S.p.A." --email billing@acme.example --reason "as on their invoices" acme
expect_out "the changed client, as client-add prints one" <<'OUT'
client,display_name,email,currency,contact,created,lang
acme,ACME S.p.A.,billing@acme.example,EUR,ana,2026-11-02T10:00:00Z,
OUT
expect_eq "each change in the event log: actor, old, new, reason" "display_name|maria|ACME|ACME S.p.A.|as on their invoices
email|maria|ops@acme.example|billing@acme.example|as on their invoices" "$(sql "SELECT what || '|' || actor || '|' || old || '|' || new || '|' || reason FROM event WHERE entity = 'client' AND key = 'acme' AND what IN ('display_name', 'email') ORDER BY id")"
expect_exit 0 client-set --email billing@acme.example --reason "again" acme
expect_err "the same value is no change" "acme: nothing changed"

# ---- the contact: one of the client's own people --------------------------
task-add --as ana --project web "Banner" >/dev/null	# 2
task-set --estimate 2h 2 >/dev/null
expect_exit 1 client-set --contact bea --reason "r" acme
expect_err "another client's person" "bea is not a person of client acme"
expect_exit 1 client-set --contact bruno --reason "r" acme
expect_err "not a freelancer" "bruno is not a person of client acme"
expect_exit 66 client-set --contact carla --reason "r" acme
expect_err "a typo'd contact: the nearest handle" "did you mean carlo?"
expect_exit 0 client-set --contact carlo --reason "ana left the company" acme
expect_eq "the contact" "carlo" "$(csv_col contact <"$T/out")"
expect_eq "logged" "ana|carlo|ana left the company" "$(sql "SELECT old || '|' || new || '|' || reason FROM event WHERE entity = 'client' AND key = 'acme' AND what = 'contact' AND reason IS NOT NULL")"
expect_exit 1 task-set --as ana --approve 2
expect_err "the old contact no longer decides" "only the client's contact or staff"
expect_exit 0 task-set --as carlo --approve 2

# ---- many at once, the export fed back, --dry-run -------------------------
report-export clients | expect_exit 0 client-set --csv -
expect_eq "the export fed back changes nothing" "0" "$(sql "SELECT count(*) FROM event WHERE entity = 'client' AND key = 'beta' AND what <> 'created' AND what <> 'contact'")"
printf 'client,display_name\nbeta,Beta Ltd\n' | expect_exit 65 client-set --csv -
expect_err "a change in a row needs a reason" "stdin:2: reason: changing the display name of beta needs a reason (--reason TEXT)"
printf 'client,display_name,reason\nbeta,Beta Ltd,registered name\nzeta,Zeta,new\n' | expect_exit 66 client-set --csv -
expect_eq "all or nothing" "Beta" "$(sql "SELECT display_name FROM client WHERE name = 'beta'")"
printf 'client,display_name,reason\nbeta,Beta Ltd,registered name\n' | expect_exit 0 client-set --csv -
expect_eq "its row's reason" "registered name" "$(sql "SELECT reason FROM event WHERE entity = 'client' AND key = 'beta' AND what = 'display_name'")"
expect_exit 0 client-set --dry-run --display-name "Beta Limited" --reason "r" beta
expect_eq "dry run prints the change" "Beta Limited" "$(csv_col display_name <"$T/out")"
expect_eq "and writes nothing" "Beta Ltd" "$(sql "SELECT display_name FROM client WHERE name = 'beta'")"
expect_exit 0 report-export events
grep -q ',maria,client,acme,contact,ana,carlo,ana left the company$' "$T/out" && ok "report-export events shows the change" || not_ok "report-export events shows the change"

# Earlier figures unchanged.
report-export invoices >"$T/invoices-after"
cmp -s "$T/invoices-before" "$T/invoices-after" && ok "invoices unchanged" || not_ok "invoices unchanged" "$(diff "$T/invoices-before" "$T/invoices-after")"
expect_exit 0 billing-run --month 2026-10
cmp -s "$T/invoices-before" "$T/out" && ok "billing the month again prints the same" || not_ok "billing the month again prints the same"
task-set --as carlo --cancel 2 >/dev/null	# its commitment would change the balance
report-export balances >"$T/balances-after"
cmp -s "$T/balances-before" "$T/balances-after" && ok "balances unchanged" || not_ok "balances unchanged" "$(diff "$T/balances-before" "$T/balances-after")"
expect_exit 0 book-check

finish
