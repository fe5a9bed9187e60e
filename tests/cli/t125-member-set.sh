# member-set: correct a person's name or e-mail, or a freelancer's pay
# rate from a day on.  Staff only, with a reason, every change in the
# event log with its old and new value.  A rate is a history: entries keep
# the earnings they were logged with, and an entry earns at the rate of
# its own day, whenever it is logged.
. "$(dirname "$0")/lib.sh"

client-add acme >/dev/null
project-add --client acme --model self-service blog >/dev/null
member-add --role staff maria >/dev/null
export HOURBOOK_USER=maria
member-add --rate 20 --project blog --name "Bruno Costa" bruno >/dev/null
member-add --client acme --name "Ana Lima" ana >/dev/null
task-add --project blog --assign bruno "Posts" >/dev/null
hours-log --person bruno --date 2026-11-10 1 1h >/dev/null

earned() { report-export earnings --person bruno --no-header | cut -d, -f7; }
balance() { withdraw --status --person bruno --no-header | cut -d, -f3; }

# ---- who, what, why -------------------------------------------------------
expect_exit 1 member-set --as bruno --name "B. Costa" --reason "typo" bruno
expect_err "staff only" "bruno (freelancer) may not change people: only staff"
expect_exit 1 member-set --as ana --email ana@acme.example --reason "new address" ana
expect_err "a client's person neither" "ana (client, the client's contact) may not change people: only staff"
expect_exit 66 member-set --name "B. Costa" --reason "typo" brunno
expect_err "a typo: the nearest handle" "did you mean bruno?"
expect_exit 64 member-set --reason "typo" bruno
expect_err "nothing to change is a usage error" "nothing to change: give --name, --email or --rate with --from"
expect_exit 64 member-set --name "B. Costa" bruno
expect_err "the reason is required, and said so" "--reason TEXT is required: every correction goes to the event log with its reason"
expect_exit 64 member-set --rate 30 --reason "raise" bruno
expect_err "a rate holds from a day" "--rate and --from go together"
expect_exit 64 member-set --from 2026-12-01 --reason "raise" bruno
expect_exit 65 member-set --email "not-an-address" --reason "typo" bruno
expect_err "a bad e-mail" "\"not-an-address\" is not an e-mail address"
expect_exit 65 member-set --rate 3O --from 2026-12-01 --reason "raise" bruno
expect_exit 65 member-set --rate 30 --from 2026-13-01 --reason "raise" bruno
expect_exit 1 member-set --rate 30 --from 2026-12-01 --reason "raise" maria
expect_err "only freelancers have a rate" "maria is staff: only freelancers have a pay rate"
expect_exit 1 member-set --rate 30 --from 2026-12-01 --reason "raise" ana
expect_err "not a client's person" "ana is a client's person: only freelancers have a pay rate"
expect_eq "refusals write nothing" "0" "$(sql "SELECT count(*) FROM event WHERE actor <> 'hourbook' AND what IN ('name', 'email', 'rate')")"

# ---- name and e-mail ------------------------------------------------------
expect_exit 0 member-set --name "Bruno Costa Silva" --email bruno@example.org --reason "as on his contract" bruno
expect_out "the changed person, as member-add prints one" <<'OUT'
person,name,email,role,client,rate,project,created
bruno,Bruno Costa Silva,bruno@example.org,freelancer,,20.00,,2026-11-23T10:00:00Z
OUT
expect_eq "each change in the event log: actor, old, new, reason" "name|maria|Bruno Costa|Bruno Costa Silva|as on his contract
email|maria||bruno@example.org|as on his contract" "$(sql "SELECT what || '|' || actor || '|' || coalesce(old, '') || '|' || new || '|' || reason FROM event WHERE entity = 'person' AND key = 'bruno' AND what IN ('name', 'email') ORDER BY id")"
expect_exit 0 member-set --name "Bruno Costa Silva" --reason "again" bruno
expect_err "the same value again changes nothing" "bruno: nothing changed"
expect_eq "and logs nothing" "1" "$(sql "SELECT count(*) FROM event WHERE entity = 'person' AND key = 'bruno' AND what = 'name'")"

# ---- the rate from a day on -----------------------------------------------
report-export earnings --person bruno >"$T/earnings-before"
before=$(balance)
expect_exit 0 member-set --rate 30 --from 2026-11-15 --reason "raise" bruno
expect_eq "the newest rate" "30.00" "$(csv_col rate <"$T/out")"
expect_eq "logged: the rate it replaces on that day, the new one from it" "rate|20.00|30.00 from 2026-11-15|raise" "$(sql "SELECT what || '|' || old || '|' || new || '|' || reason FROM event WHERE entity = 'person' AND key = 'bruno' AND what = 'rate'")"
report-export earnings --person bruno >"$T/earnings-after"
cmp -s "$T/earnings-before" "$T/earnings-after" && ok "entries keep the earnings they were logged with" || not_ok "entries keep the earnings they were logged with" "$(diff "$T/earnings-before" "$T/earnings-after")"
expect_eq "the balance too" "$before" "$(balance)"
# Logged after the change: by the entry's day.
expect_exit 0 hours-log --person bruno --date 2026-11-14 1 1h
expect_exit 0 hours-log --person bruno --date 2026-11-15 1 1h
expect_eq "the day before the change: the old rate; from it: the new" "20.00 20.00 30.00" "$(earned | paste -sd' ' -)"
# A change dated before an earlier one holds until it.
expect_exit 0 member-set --rate 25 --from 2026-11-01 --reason "backdated raise" bruno
expect_err "says until when" "bruno: 25.00 from 2026-11-01 until 2026-11-15, when the rate set from that day (30.00) applies"
expect_eq "the newest rate stays" "30.00" "$(csv_col rate <"$T/out")"
# One timesheet across the changes: each row at its day's rate.
printf 'task,minutes,date,person\n1,1h,2026-10-31,bruno\n1,1h,2026-11-01,bruno\n1,1h,2026-11-14,bruno\n1,1h,2026-11-16,bruno\n' >"$T/week.csv"
expect_exit 0 hours-log --csv "$T/week.csv"
expect_exit 0 report-export earnings --person bruno
expect_out "every entry at the rate of its day when it was logged" <<'OUT'
person,date,kind,task,entry,minutes,amount,currency
bruno,2026-10-31,time,1,4,60,20.00,EUR
bruno,2026-11-01,time,1,5,60,25.00,EUR
bruno,2026-11-10,time,1,1,60,20.00,EUR
bruno,2026-11-14,time,1,2,60,20.00,EUR
bruno,2026-11-14,time,1,6,60,25.00,EUR
bruno,2026-11-15,time,1,3,60,30.00,EUR
bruno,2026-11-16,time,1,7,60,30.00,EUR
OUT
# A reversal gives back what its entry earned, whatever the rate now.
expect_exit 0 hours-log --reverse 1
expect_eq "the reversal debits the entry's own earnings" "-20.00" "$(report-export earnings --person bruno --no-header | grep ',reversal,' | cut -d, -f7)"
# A change from a later day; the same day again replaces it.
expect_exit 0 member-set --rate 40 --from 2026-12-01 --reason "from December" bruno
expect_exit 0 member-set --rate 45 --from 2026-12-01 --reason "from December, agreed" bruno
expect_eq "the history: a step a day" "0001-01-01 2000
2026-11-01 2500
2026-11-15 3000
2026-12-01 4500" "$(sql "SELECT r.from_day || ' ' || r.rate FROM person_rate r JOIN person p ON p.id = r.person_id WHERE p.handle = 'bruno' ORDER BY r.from_day")"
expect_eq "the second logged against the first" "40.00|45.00 from 2026-12-01" "$(sql "SELECT old || '|' || new FROM event WHERE entity = 'person' AND key = 'bruno' AND reason = 'from December, agreed'")"
expect_exit 0 hours-log --person bruno --date 2026-11-23 1 1h
expect_eq "today is before December" "30.00" "$(report-export earnings --person bruno --from 2026-11-23 --no-header | cut -d, -f7)"
expect_exit 0 member-set --rate 30 --from 2026-11-20 --reason "no change" bruno
expect_err "the rate the day has already is no change" "nothing changed"
expect_exit 0 member-set --rate 45 --from 2026-11-25 --reason "earlier, as agreed" bruno
expect_eq "a later step that repeats the rate goes: each step is a change" "2026-11-15 3000
2026-11-25 4500" "$(sql "SELECT r.from_day || ' ' || r.rate FROM person_rate r JOIN person p ON p.id = r.person_id WHERE p.handle = 'bruno' AND r.from_day > '2026-11-01' ORDER BY r.from_day")"

# ---- many at once, the export fed back, --dry-run -------------------------
member-add --rate 18 --project blog --name "Carla" carla >/dev/null
report-export people >"$T/people.csv"
expect_exit 0 member-set --csv "$T/people.csv"
expect_eq "the export fed back changes nothing" "0" "$(sql "SELECT count(*) FROM event WHERE entity = 'person' AND key = 'carla' AND what <> 'created'")"
printf 'person,email,rate,from\ncarla,carla@example.org,,\nbruno,,31,2026-11-20\n' >"$T/fix.csv"
expect_exit 65 member-set --csv "$T/fix.csv"
expect_err "a change in a row without a reason: its line" "fix.csv:2: reason: changing the e-mail of carla needs a reason (--reason TEXT)"
printf 'person,rate\nbruno,31\n' | expect_exit 65 member-set --reason "raise" --csv -
expect_err "a new rate in a row needs its day" "stdin:2: from: bruno: a new rate needs the day it applies from (--from DATE)"
printf 'person,name\ncarla,Carla Neri\nnobody,X\n' | expect_exit 66 member-set --reason "full names" --csv -
expect_eq "all or nothing" "Carla" "$(sql "SELECT name FROM person WHERE handle = 'carla'")"
expect_exit 0 member-set --csv "$T/fix.csv" --reason "as agreed"
expect_out "every row printed" <<'OUT'
person,name,email,role,client,rate,project,created
carla,Carla,carla@example.org,freelancer,,18.00,,2026-11-23T10:00:00Z
bruno,Bruno Costa Silva,bruno@example.org,freelancer,,45.00,,2026-11-23T10:00:00Z
OUT
expect_eq "bruno's step of 2026-11-20" "3100" "$(sql "SELECT r.rate FROM person_rate r JOIN person p ON p.id = r.person_id WHERE p.handle = 'bruno' AND r.from_day = '2026-11-20'")"
expect_exit 0 member-set --dry-run --name "Carla Neri" --reason "full name" carla
expect_eq "dry run prints the change" "Carla Neri" "$(csv_col name <"$T/out")"
expect_eq "and writes nothing" "Carla" "$(sql "SELECT name FROM person WHERE handle = 'carla'")"
expect_exit 0 report-export events --person maria
grep -q ',maria,person,carla,email,,carla@example.org,as agreed$' "$T/out" && ok "report-export events shows the change" || not_ok "report-export events shows the change"
expect_exit 0 book-check

finish
