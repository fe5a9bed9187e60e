# A small book for the tests of the output formats (t047, t048, t049),
# sourced after lib.sh: two clients in two currencies, a package each
# (and one only quoted), hours that leave verde "52:10 of 78:00 used, 7:45
# committed, 18:05 left", a note over two lines, a title with quotes and
# commas, a comment, a withdrawal and November's invoices.
client-add -q --email ops@acme.example acme "ACME S.p.A." >/dev/null
client-add -q --currency BRL verde "Verde Jardins" >/dev/null
member-add -q --role staff --name "Maria Bianchi" maria >/dev/null
export HOURBOOK_USER=maria
member-add -q --rate 25.50 --name "Bruno Rossi" bruno >/dev/null
member-add -q --rate 30 --name "Eli Costa" eli >/dev/null
project-add -q --client acme --rate 60 --penalty 10,2 acme-web >/dev/null
project-add -q --client verde --rate 50 verde-site >/dev/null
member-add -q --project acme-web bruno >/dev/null
member-add -q --project verde-site bruno >/dev/null
member-add -q --project verde-site eli >/dev/null
package-add -q --project acme-web --hours 40 >/dev/null
package-add -q --project verde-site --hours 78 >/dev/null
package-add -q --project acme-web --hours 20 --plan monthly --months 3 >/dev/null
for p in 1 2; do
	package-set -q --invoiced --date 2026-11-01 $p >/dev/null
	package-set -q --paid --date 2026-11-01 $p >/dev/null
done
task-add -q --project verde-site --assign bruno "Redesign the home page" >/dev/null
task-add -q --project verde-site --assign eli --estimate 9:55 \
    "Photos for the gallery" >/dev/null
task-add -q --project acme-web --assign bruno --estimate 2h \
    --description "Ask Ana first" \
    'A long title with "quotes", commas, and more words than fit' >/dev/null
for d in 02 03 04 05 06 09; do
	hours-log -q --as bruno --date 2026-11-$d 1 8h >/dev/null
done
hours-log -q --as bruno --date 2026-11-10 --note "line one
line two" 1 2h >/dev/null
hours-log -q --as eli --date 2026-11-12 2 2:10 >/dev/null
hours-log -q --as bruno --date 2026-11-16 3 1:30 >/dev/null
comment -q -m "Is the \"blue\" one fine?
	Tell me" 3 >/dev/null
withdraw -q --as bruno --currency BRL 200 >/dev/null
billing-run -q --force --month 2026-11 >/dev/null
