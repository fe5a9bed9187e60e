# book-config
. "$(dirname "$0")/lib.sh"

client-add acme >/dev/null
expect_exit 0 book-config --list
expect_out "defaults listed" <<'OUT'
key,value,default,description
agency.name,,,"the agency's name, on the head of the clients' activity sheets"
clock.override,on,off,on: HOURBOOK_NOW replaces the clock for everyone (off: for staff only); on in a book made while HOURBOOK_NOW was set
currency,EUR,EUR,currency of new clients (ISO 4217 code)
hours.round,none,none,"how a timer's minutes are rounded when it stops (hours-log --stop): none, or a step and up, down or nearest, as 5m up, 15m nearest, 6m down"
package.low_percent,10,10,a package below this share of its loaded hours is low
sheet.lang,en,en,"the language of an activity sheet whose client has none (en, it, pt or es)"
sla.client_info_days,3,3,business days a question to the client may wait
sla.client_info_days.priority,,,sla.client_info_days for top-priority projects (unset: the same)
sla.intake_days,5,5,"business days to estimate a request, and for the client to approve"
sla.intake_days.priority,,,sla.intake_days for top-priority projects (unset: the same)
sla.reply_hours,2,2,business hours to answer a client's comment
sla.reply_hours.priority,,,sla.reply_hours for top-priority projects (unset: the same)
sla.revision_days,2,2,business days a task may stay in revision
sla.revision_days.priority,,,sla.revision_days for top-priority projects (unset: the same)
support.hours,"Mon-Fri 09:00-13:00,14:00-18:00","Mon-Fri 09:00-13:00,14:00-18:00","support hours on business days in the book's time zone: the standard plan's, and of projects without a package"
support.hours.monthly,Mon-Fri 09:00-19:00,Mon-Fri 09:00-19:00,the support hours of projects on a monthly plan
support.hours.upfront,24/7,24/7,the support hours of projects on an upfront plan
task.minor_minutes,30,30,extra requests up to this estimate are approved at once
task.urgent_factor,3,3,logged time on urgent tasks counts this many times
timezone,Europe/Rome,UTC,"the book's time zone (an IANA name): days, months and business hours are counted in it"
voucher.days,365,365,days an accepted complaint's voucher can be redeemed (0: it never expires)
withdraw.minimum,100.00,100.00,the smallest withdrawal
withdraw.payout_days,5,5,business days from a withdrawal request to its payout
withdraw.per_month,2,2,withdrawal requests a person may make in a calendar month
OUT
expect_exit 0 book-config withdraw.minimum 150
expect_out "set prints the canonical value" <<'OUT'
key,value
withdraw.minimum,150.00
OUT
expect_exit 0 book-config withdraw.minimum
expect_out "get prints the bare value" <<'OUT'
150.00
OUT
expect_eq "change logged with old and new" "100.00 150.00 tester" "$(sql "SELECT old || ' ' || new || ' ' || actor FROM event WHERE entity = 'setting'")"
expect_exit 0 book-config task.minor_minutes 1h
expect_eq "durations stored in minutes" 60 "$(book-config task.minor_minutes)"
expect_exit 0 book-config support.hours "Mon-Thu 09:00-17:00;Fri 09:00-13:00"
expect_exit 65 book-config support.hours "whenever"
expect_exit 65 book-config withdraw.per_month 0
expect_exit 65 book-config withdraw.minimum 1e2
expect_exit 64 book-config nope 1
expect_err "unknown key" "nope: no such setting"
expect_exit 64 book-config nope
expect_exit 64 book-config withdraw.minmum 50
expect_err "a key one letter off" "withdraw.minmum: no such setting (did you mean withdraw.minimum?)"
expect_exit 64 book-config timezon
expect_err "the same when reading" "(did you mean timezone?)"
expect_exit 64 book-config
expect_exit 64 book-config --list currency
printf 'key,value\ncurrency,BRL\nsla.intake_days,3\n' | expect_exit 0 book-config --csv -
expect_eq "batch set" "BRL 3" "$(book-config currency) $(book-config sla.intake_days)"
printf 'key,value\ncurrency,USD\nsla.intake_days,x\n' | expect_exit 65 book-config --csv -
expect_err "bad row named" "stdin:3: sla.intake_days: \"x\" is not a whole number"
expect_eq "bad batch changed nothing" BRL "$(book-config currency)"

# The activity sheet's settings: the agency's name, a line of text; the
# language of a client that has none, one of four.
expect_eq "no agency name by default" "" "$(book-config agency.name)"
expect_exit 0 book-config agency.name "Verde & Rossi Studio"
expect_eq "agency name kept as given" "Verde & Rossi Studio" "$(book-config agency.name)"
expect_exit 65 book-config agency.name "$(printf 'two\nlines')"
expect_err "one line" "holds a control character"
expect_eq "sheet.lang defaults to en" en "$(book-config sheet.lang)"
expect_exit 0 book-config sheet.lang pt
expect_eq "sheet.lang set" pt "$(book-config sheet.lang)"
expect_exit 65 book-config sheet.lang fr
expect_err "four languages" "is not a language of the sheet (en, it, pt or es)"

finish
