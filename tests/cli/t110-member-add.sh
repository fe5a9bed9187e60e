# member-add: people, roles, the client's contact, teams.
. "$(dirname "$0")/lib.sh"

client-add acme >/dev/null
client-add beta >/dev/null
project-add --client acme acme-web >/dev/null
project-add --client beta beta-app >/dev/null

expect_exit 0 member-add --client acme --name "Ana Lima" --email ana@acme.example --project acme-web ana
expect_out "client-role person, joined" <<'OUT'
person,name,email,role,client,rate,project,created
ana,Ana Lima,ana@acme.example,client,acme,,acme-web,2026-11-23T10:00:00Z
OUT
expect_eq "first client person is the contact" ana "$(sql "SELECT p.handle FROM client c JOIN person p ON p.id = c.contact_id WHERE c.name = 'acme'")"
expect_exit 0 member-add --client acme carla
expect_eq "second one is not" ana "$(sql "SELECT p.handle FROM client c JOIN person p ON p.id = c.contact_id WHERE c.name = 'acme'")"
expect_exit 0 member-add --contact carla
expect_eq "--contact moves the contact" carla "$(sql "SELECT p.handle FROM client c JOIN person p ON p.id = c.contact_id WHERE c.name = 'acme'")"
expect_eq "contact change logged" "ana carla" "$(sql "SELECT old || ' ' || new FROM event WHERE entity = 'client' AND what = 'contact' ORDER BY id DESC LIMIT 1")"

expect_exit 0 member-add --rate 25.5 --project acme-web bruno
expect_out "freelancer by default, with a rate" <<'OUT'
person,name,email,role,client,rate,project,created
bruno,,,freelancer,,25.50,acme-web,2026-11-23T10:00:00Z
OUT
expect_exit 0 member-add --role staff maria
export HOURBOOK_USER=maria	# from now on the actor must be a person
expect_exit 0 member-add --project beta-app maria
expect_eq "existing handle only joins" 1 "$(sql "SELECT count(*) FROM member m JOIN project j ON j.id = m.project_id WHERE j.code = 'beta-app'")"
expect_exit 0 member-add --project beta-app maria
expect_eq "joining twice changes nothing" 1 "$(sql "SELECT count(*) FROM event WHERE what = 'member joined' AND new = 'maria'")"

# Refusals.
expect_exit 1 member-add maria
expect_err "existing person without --project" "already exists"
expect_exit 1 member-add --name Other --project acme-web maria
expect_exit 1 member-add --project beta-app ana
expect_err "client person on another client's project" "beta-app belongs to client beta, and ana speaks for client acme"
expect_exit 1 member-add --contact bruno
expect_err "only client people are contacts" "bruno is not a client-role person"
expect_exit 65 member-add --role client nobody
expect_err "client role needs a client" "needs --client"
expect_exit 65 member-add --role staff --rate 10 sam
expect_err "rate only for freelancers" "only freelancers have a pay rate"
expect_exit 65 member-add --role staff --client acme sam
expect_exit 65 member-add --role boss sam
expect_err "bad role" "\"boss\" is not one of client, freelancer, staff"
expect_exit 65 member-add --rate 1e2 sam
expect_exit 66 member-add --client nope sam
expect_err "missing client" "client: \"nope\" does not exist"
expect_exit 66 member-add --project nope sam
expect_eq "refusals wrote nothing" 0 "$(sql "SELECT count(*) FROM person WHERE handle = 'sam'")"
expect_exit 64 member-add

# A team from CSV, with the contact column as a flag.
cat >"$T/team.csv" <<'CSV'
person,name,role,client,rate,project,contact
dora,Dora,client,beta,,beta-app,yes
eli,Eli,freelancer,,30,beta-app,
fabio,Fabio,staff,,,beta-app,no
CSV
expect_exit 0 member-add --csv "$T/team.csv"
expect_out "team from CSV" <<'OUT'
person,name,email,role,client,rate,project,created
dora,Dora,,client,beta,,beta-app,2026-11-23T10:00:00Z
eli,Eli,,freelancer,,30.00,beta-app,2026-11-23T10:00:00Z
fabio,Fabio,,staff,,,beta-app,2026-11-23T10:00:00Z
OUT
expect_eq "team size" 4 "$(sql "SELECT count(*) FROM member m JOIN project j ON j.id = m.project_id WHERE j.code = 'beta-app' AND m.left_at IS NULL")"

finish
