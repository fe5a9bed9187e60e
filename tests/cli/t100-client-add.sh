# client-add
. "$(dirname "$0")/lib.sh"

expect_exit 0 client-add --email ops@acme.example --currency BRL acme "ACME Ltda."
expect_out "client row" <<'OUT'
client,display_name,email,currency,contact,created,lang
acme,ACME Ltda.,ops@acme.example,BRL,,2026-11-23T10:00:00Z,
OUT
expect_exit 1 client-add acme
expect_err "duplicate refused" "client-add: client: \"acme\" already exists"
expect_exit 0 client-add plain
expect_out "defaults: display name and the book's currency" <<'OUT'
client,display_name,email,currency,contact,created,lang
plain,plain,,EUR,,2026-11-23T10:00:00Z,
OUT
expect_exit 0 book-config currency USD
expect_exit 0 client-add --no-header later
expect_out "currency setting is the default" <<'OUT'
later,later,,USD,,2026-11-23T10:00:00Z,
OUT
expect_exit 65 client-add "has space"
expect_err "bad name" "may only hold ASCII letters"
expect_exit 65 client-add --email nope x1
expect_exit 65 client-add --currency euro x2
expect_exit 65 client-add x3 "$(printf 'bad\001name')"
expect_exit 64 client-add
expect_exit 64 client-add a b c
expect_exit 64 client-add --email
expect_err "missing argument" "option --email needs an argument"
expect_exit 65 client-add "$(printf 'caf\303\251')"

expect_err "keys are ASCII" "may only hold ASCII letters, digits"
expect_exit 0 client-add cafe "Café do Zé"
expect_eq "UTF-8 display names kept" "Café do Zé" "$(sql "SELECT display_name FROM client WHERE name = 'cafe'")"
expect_exit 0 client-add sql1 "'); DROP TABLE client; --"
expect_eq "SQL-looking text stored verbatim" "'); DROP TABLE client; --" "$(sql "SELECT display_name FROM client WHERE name = 'sql1'")"

# The language of the client's activity sheet: one of four, or none.
expect_exit 0 client-add --lang it --no-header rossi "Rossi S.r.l."
expect_out "--lang kept" <<'OUT'
rossi,Rossi S.r.l.,,USD,,2026-11-23T10:00:00Z,it
OUT
expect_exit 65 client-add --lang fr dupont
expect_err "a language it does not speak" '"fr" is not one of en, it, pt, es'
printf 'client,lang\nsilva,pt\nramos,\n' | expect_exit 0 client-add --no-header --csv -
expect_out "lang from CSV, empty is none" <<'OUT'
silva,silva,,USD,,2026-11-23T10:00:00Z,pt
ramos,ramos,,USD,,2026-11-23T10:00:00Z,
OUT
printf 'client,lang\nmoreau,fr\n' | expect_exit 65 client-add --csv -
expect_err "a bad lang in CSV names the line" "stdin:2: lang:"

finish
