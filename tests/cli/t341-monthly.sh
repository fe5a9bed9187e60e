# A monthly plan over its three months, rolling over and lapsing, checked
# day by day around both month ends, from two callers' time zones.  The
# book is in Rome; 23:30 on the last day is 22:30 UTC, 00:30 on the 1st is
# 23:30 UTC the day before.  Every figure is worked out by hand below.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Rome HOURBOOK_NOW=2027-01-01T09:00:00Z

client-add -q acme >/dev/null
member-add -q --role staff maria >/dev/null
export HOURBOOK_USER=maria
member-add -q bruno >/dev/null
for p in roll lapse; do
	project-add -q --client acme --rate 40 "$p" >/dev/null
	member-add -q --project "$p" bruno >/dev/null
	task-add -q --project "$p" --assign bruno "Monthly work" >/dev/null
done
package-add -q --project roll --hours 10 --plan monthly --months 3 --start 2027-01 >/dev/null	# 1
package-add -q --project lapse --hours 10 --plan monthly --months 3 --start 2027-01 --lapse >/dev/null	# 2
for k in 1 2; do package-set -q --invoiced "$k" >/dev/null; package-set -q --paid "$k" >/dev/null; done

# The life: 4 h in January, 2 h in February, 1 h in March on each; the
# next month invoiced by billing-run on the 1st at 07:00 Rome, paid the
# 2nd (February) and the 1st at 11:00 (March).
HOURBOOK_NOW=2027-01-15T10:00:00Z hours-log -q --person bruno 1 4h >/dev/null
HOURBOOK_NOW=2027-01-15T10:00:00Z hours-log -q --person bruno 2 4h >/dev/null
HOURBOOK_NOW=2027-02-01T06:00:00Z billing-run -q --month 2027-01 >/dev/null
HOURBOOK_NOW=2027-02-02T09:00:00Z package-set -q --paid 1 >/dev/null
HOURBOOK_NOW=2027-02-02T09:00:00Z package-set -q --paid 2 >/dev/null
HOURBOOK_NOW=2027-02-10T10:00:00Z hours-log -q --person bruno 1 2h >/dev/null
HOURBOOK_NOW=2027-02-10T10:00:00Z hours-log -q --person bruno 2 2h >/dev/null
HOURBOOK_NOW=2027-03-01T06:00:00Z billing-run -q --month 2027-02 >/dev/null
HOURBOOK_NOW=2027-03-01T10:00:00Z package-set -q --paid 1 >/dev/null
HOURBOOK_NOW=2027-03-01T10:00:00Z package-set -q --paid 2 >/dev/null
HOURBOOK_NOW=2027-03-05T10:00:00Z hours-log -q --person bruno 1 1h >/dev/null
HOURBOOK_NOW=2027-03-05T10:00:00Z hours-log -q --person bruno 2 1h >/dev/null
# The term ends with March: billing-run for March has no month 4 to invoice.
HOURBOOK_NOW=2027-04-01T06:00:00Z billing-run -q --month 2027-03 >/dev/null

# The figures at each moment: package, loaded, used, lapsed, available,
# awaiting payment.
figures() {
	for at in 2027-01-30T11:00:00Z 2027-01-31T22:30:00Z 2027-01-31T23:30:00Z \
	    2027-02-01T07:00:00Z 2027-02-02T10:00:00Z 2027-02-27T11:00:00Z \
	    2027-02-28T22:30:00Z 2027-02-28T23:30:00Z 2027-03-01T07:00:00Z \
	    2027-03-01T11:00:00Z 2027-03-05T11:00:00Z 2027-03-31T21:30:00Z \
	    2027-03-31T22:30:00Z 2027-04-01T07:00:00Z; do
		HOURBOOK_NOW=$at report-export balances --no-header |
		    cut -d, -f1,6,7,8,10,14 | sed "s/^/$at /"
	done
}
TZ=UTC figures >"$T/utc"
TZ=Pacific/Kiritimati figures >"$T/kiritimati"
cmp -s "$T/utc" "$T/kiritimati" && ok "the same figures from UTC and Kiritimati" || not_ok "the same figures from UTC and Kiritimati" "$(diff "$T/utc" "$T/kiritimati" | head)"

# A day (in Rome) is the resolution: a payment counts from the day it is
# dated, and billing-run dates the next month's invoice on the last day of
# the month it bills, so from 31 January (and 28 February) the package is
# awaiting payment until the payment's day.
# Rolling over (1): nothing lapses; February's hours load when paid.
# Lapsing (2): what a month leaves lapses as the month ends in Rome:
# January 600 - 240 = 360 at 00:00 on 1 February; February 600 - 120 = 480
# at 00:00 on 1 March; March 600 - 60 = 540 at 00:00 on 1 April, the end
# of the term (Rome is on summer time from 28 March: 22:00 UTC).  After
# the term nothing more is invoiced; a rolling-over plan's hours stay
# usable until it is closed, a lapsing plan has none left.
cat >"$T/want" <<'OUT'
2027-01-30T11:00:00Z 1,600,240,0,360,no
2027-01-30T11:00:00Z 2,600,240,0,360,no
2027-01-31T22:30:00Z 1,600,240,0,360,yes
2027-01-31T22:30:00Z 2,600,240,0,360,yes
2027-01-31T23:30:00Z 1,600,240,0,360,yes
2027-01-31T23:30:00Z 2,600,240,360,0,yes
2027-02-01T07:00:00Z 1,600,240,0,360,yes
2027-02-01T07:00:00Z 2,600,240,360,0,yes
2027-02-02T10:00:00Z 1,1200,240,0,960,no
2027-02-02T10:00:00Z 2,1200,240,360,600,no
2027-02-27T11:00:00Z 1,1200,360,0,840,no
2027-02-27T11:00:00Z 2,1200,360,360,480,no
2027-02-28T22:30:00Z 1,1200,360,0,840,yes
2027-02-28T22:30:00Z 2,1200,360,360,480,yes
2027-02-28T23:30:00Z 1,1800,360,0,1440,no
2027-02-28T23:30:00Z 2,1800,360,840,600,no
2027-03-01T07:00:00Z 1,1800,360,0,1440,no
2027-03-01T07:00:00Z 2,1800,360,840,600,no
2027-03-01T11:00:00Z 1,1800,360,0,1440,no
2027-03-01T11:00:00Z 2,1800,360,840,600,no
2027-03-05T11:00:00Z 1,1800,420,0,1380,no
2027-03-05T11:00:00Z 2,1800,420,840,540,no
2027-03-31T21:30:00Z 1,1800,420,0,1380,no
2027-03-31T21:30:00Z 2,1800,420,840,540,no
2027-03-31T22:30:00Z 1,1800,420,0,1380,no
2027-03-31T22:30:00Z 2,1800,420,1380,0,no
2027-04-01T07:00:00Z 1,1800,420,0,1380,no
2027-04-01T07:00:00Z 2,1800,420,1380,0,no
OUT
cmp -s "$T/want" "$T/utc" && ok "the figures day by day" || not_ok "the figures day by day" "$(diff "$T/want" "$T/utc")"

# At each moment the extra-request check and hours-log see the available
# minutes balances print (one package a project: the project's figure).
bad=0
while read -r at row; do
	k=${row%%,*} b=$(echo "$row" | cut -d, -f5)
	p=roll; [ "$k" = 2 ] && p=lapse
	e=$(HOURBOOK_NOW=$at task-add --dry-run --project $p --kind request --extra --estimate 5000h probe 2>&1 >/dev/null |
	    sed -n 's/.* have \(-*[0-9]*\) available.*/\1/p')
	h=$(HOURBOOK_NOW=$at hours-log --dry-run --overdraft --person bruno "$k" 1m 2>/dev/null |
	    awk -F, 'NR == 2 { print $8 + ($7 != "" ? 1 : 0) }')
	if [ "$b" != "$e" ] || [ "$b" != "$h" ]; then
		bad=$((bad + 1))
		not_ok "package $k at $at: balances $b, extra request $e, hours-log $h"
	fi
done <"$T/utc"
expect_eq "balances, the extra-request check and hours-log agree at every moment" 0 "$bad"

# The lapsing plan's hours are its month's only: on 1 February at 00:30
# Rome January's are gone and February's not paid.
HOURBOOK_NOW=2027-01-31T23:30:00Z expect_exit 1 hours-log --person bruno 2 10m
expect_err "a minute after midnight in Rome" "have 0 minutes left for time dated 2027-02-01"
HOURBOOK_NOW=2027-01-31T22:30:00Z expect_exit 0 hours-log --dry-run --person bruno 2 10m
expect_eq "a minute before, dated January" 2027-01-31 "$(csv_col date <"$T/out")"
expect_eq "three months invoiced, no fourth" "3 3" "$(sql 'SELECT count(*) FROM package_invoice WHERE package_id = 1') $(sql 'SELECT count(*) FROM package_invoice WHERE package_id = 2')"
HOURBOOK_NOW=2027-04-01T07:00:00Z expect_exit 1 hours-log --dry-run --person bruno 2 10m
expect_err "after the term a lapsing plan has nothing" "have 0 minutes left for time dated 2027-04-01"
HOURBOOK_NOW=2027-04-01T07:00:00Z expect_exit 0 hours-log --dry-run --person bruno 1 10m
expect_eq "a rolling-over plan's hours outlive its term" "1 1370" "$(csv_col package <"$T/out") $(csv_col available_after <"$T/out")"

finish
