# A password in the book's location is never shown: with a URL that
# holds one (postgresql://user:PASSWORD@/db, or ?password=), every message
# a command can give about the book, every note, every --help, and every
# export (CSV and xlsx) leaves it out.  The tests' cluster trusts its
# users, so the password is taken and ignored, and the commands with it
# work as without it.
# So does libpq's keyword form, "host=... dbname=... password=...",
# quoted or not.
. "$(dirname "$0")/lib.sh"
engine_only pg "a password belongs to a PostgreSQL location (a SQLite book is a file)"

secret=s3cretpw
# with_password URL: URL with the password in its user part.
with_password() {
	printf '%s\n' "$1" | sed "s|^\(postgres[a-z]*://[^@/:]*\)@|\1:$secret@|"
}
plain=$HOURBOOK_DB
HOURBOOK_DB=$(with_password "$plain")
case $HOURBOOK_DB in
*":$secret@"*) ok "the location holds the password" ;;
*) not_ok "the location holds the password" "$HOURBOOK_DB" ;;
esac
all=$T/all
: >"$all"

# hidden WHAT: neither stdout nor stderr of the last run shows the
# password (both are kept in $all, for the look at everything at the end).
hidden() {
	cat "$T/out" "$T/err" >>"$all"
	if grep -q "$secret" "$T/out" "$T/err"; then
		not_ok "no password: $1" "$(grep -h "$secret" "$T/out" "$T/err" | head -3)"
	else
		ok "no password: $1"
	fi
}

# said WHAT TEXT: stderr of the last run holds TEXT (the message looked
# at is the one meant), and no password.
said() {
	expect_err "$1 says so" "$2"
	hidden "$1"
}

# ---- the book made, and used, through the URL with the password ---------
expect_exit 0 client-add acme Acme
said "the note of a new book" "created a new book at postgresql://hourbook:***@/"
expect_exit 0 client-add --currency USD beta
hidden "client-add"
expect_exit 0 project-add --client acme --rate 50 web
hidden "project-add"
expect_exit 0 member-add --role staff maria
hidden "member-add"
export HOURBOOK_USER=maria
expect_exit 0 member-add --rate 30 --project web bruno
hidden "member-add to a team"
expect_exit 0 task-add --project web --assign bruno --estimate 2h "First task"
hidden "task-add"
expect_exit 0 package-add --project web --hours 10
hidden "package-add"
expect_exit 0 package-set --invoiced 1
expect_exit 0 package-set --paid 1
hidden "package-set"
expect_exit 0 hours-log --person bruno --date 2026-11-02 1 1h
hidden "hours-log"
expect_exit 0 comment -m "looks good" 1
hidden "comment"
expect_exit 0 holiday-add 2026-12-25 Christmas
hidden "holiday-add"
expect_exit 0 task-set --deliver 1
hidden "task-set"
expect_exit 0 book-config withdraw.minimum 5
hidden "book-config"
expect_exit 0 withdraw --as bruno 10
hidden "withdraw"
expect_exit 0 billing-run --force --month 2026-11
hidden "billing-run"
expect_exit 0 sla-check
hidden "sla-check"
expect_exit 0 task-list
hidden "task-list"
expect_eq "the URL with the password reaches the same book" \
    "acme beta" "$(sql "SELECT name FROM client ORDER BY name" | paste -sd' ' -)"

expect_exit 0 book-config --list
hidden "book-config --list"
expect_exit 0 book-check
hidden "book-check"

# Every command's --help, given the location both ways.
for src in "$HB_SRC"/cmd/*.c; do
	cmd=$(basename "$src" .c)
	expect_exit 0 "$cmd" --help
	hidden "$cmd --help"
	# book-copy names its books as operands, and refuses --db.
	[ "$cmd" = book-copy ] && status=64 || status=0
	expect_exit $status "$cmd" --db "$HOURBOOK_DB" --help
	hidden "$cmd --db URL --help"
done
# A copy from the book and back says where from and where to.
expect_exit 0 book-copy "$HOURBOOK_DB" "$T/copy.db"
hidden "book-copy URL FILE"

# Every export, as CSV and as xlsx (whose parts are looked at unzipped).
for kind in activities balances clients comments earnings entries events \
    invoices people projects tasks withdrawals; do
	expect_exit 0 report-export "$kind"
	hidden "report-export $kind"
	expect_exit 0 report-export "$kind" -o "$T/$kind.xlsx"
	hidden "report-export $kind -o xlsx"
	if unzip -p "$T/$kind.xlsx" >"$T/xlsx.txt" 2>"$T/unzip.err" &&
	    [ -s "$T/xlsx.txt" ]; then
		if grep -q "$secret" "$T/xlsx.txt"; then
			not_ok "no password in $kind.xlsx"
		else
			ok "no password in $kind.xlsx"
		fi
	else
		not_ok "$kind.xlsx unzips" "$(head -3 "$T/unzip.err")"
	fi
done
# The event log records each change with its actor: no location.
expect_exit 0 report-export events
grep -q ',client,acme,' "$T/out" && ok "the event log holds the changes" ||
    not_ok "the event log holds the changes" "$(head -3 "$T/out")"
hidden "the event log"

# ---- each failure that names the book ----------------------------------
# A business rule, and bad input.
expect_exit 1 task-set --deliver 1
hidden "a refused change"
printf 'name,display_name\n,Nobody\n' >"$T/bad.csv"
expect_exit 65 client-add --csv "$T/bad.csv"
hidden "bad CSV input"
expect_exit 64 task-list --no-such-option
hidden "a bad option"

# A database that does not exist (66), an empty one for a reader (66),
# someone else's (74).
HOURBOOK_DB=$(with_password "$(hb_pg_url "${hb_db}_none")") expect_exit 66 task-list
said "a missing database" "postgresql://hourbook:***@/"
empty=$(book_new empty)
HOURBOOK_DB=$(with_password "$empty") expect_exit 66 task-list
said "an empty database" "no such book"
foreign=$(book_new foreign)
sql_on "$foreign" "CREATE TABLE stranger (x bigint)" >/dev/null
HOURBOOK_DB=$(with_password "$foreign") expect_exit 74 client-add acme
said "someone else's database" "not a hourbook book"

# A book newer than this hourbook (74).
newer=$(book_copy newer)
sql_on "$newer" "UPDATE hourbook_schema SET version = 999" >/dev/null
HOURBOOK_DB=$(with_password "$newer") expect_exit 74 task-list
said "a newer book" "newer than this hourbook understands"

# The password as a parameter, in both URL schemes.
HOURBOOK_DB="$plain&password=$secret" expect_exit 0 task-list
hidden "?password= that works"
HOURBOOK_DB="$(hb_pg_url "${hb_db}_none")&password=$secret" expect_exit 66 task-list
said "?password= of a missing database" "password=***"
postgres=$(printf '%s\n' "$HOURBOOK_DB" | sed 's|^postgresql:|postgres:|')
HOURBOOK_DB=$postgres expect_exit 0 task-list
hidden "postgres:// that works"

# libpq's keyword form: a book there, a missing database, a quoted
# password with a space and an escaped quote in it.
keywords="host=$hb_pg_host port=$hb_pg_port user=$hb_pg_user dbname=$(hb_pg_db "$plain")"
HOURBOOK_DB="$keywords password=$secret" expect_exit 0 task-list
hidden "the keyword form that works"
HOURBOOK_DB="$keywords password = '$secret x\\'y'" expect_exit 0 task-list
hidden "a quoted password that works"
HOURBOOK_DB="host=$hb_pg_host port=$hb_pg_port user=$hb_pg_user dbname=${hb_db}_none password='$secret two'" \
    expect_exit 66 task-list
said "the keyword form of a missing database" "password='***'"

# A server that does not answer (74): nothing listens on port 1, or in a
# folder without a server.
HOURBOOK_DB="postgresql://hourbook:$secret@127.0.0.1:1/x?connect_timeout=2" \
    expect_exit 74 task-list
said "a server that does not answer" "cannot connect"
HOURBOOK_DB="postgresql://hourbook:$secret@/x?host=$T" expect_exit 74 task-list
said "a socket folder without a server" "cannot connect"
# A location libpq cannot parse, which it quotes whole in its message.
HOURBOOK_DB="postgresql://hourbook:$secret@[::1/x" expect_exit 74 task-list
said "a URL libpq cannot parse" "cannot connect"
HOURBOOK_DB="postgresql://hourbook:$secret%zz@/x?host=$hb_pg_host" \
    expect_exit 74 task-list
said "a password libpq cannot decode" "invalid percent-encoded"

# The book locked by another writer (75), and the connection lost while
# waiting for it (74).
book_lock
HOURBOOK_BUSY_MS=200 expect_exit 75 client-add gamma
said "a locked book" "the book is locked by another process"
HOURBOOK_BUSY_MS=60000 client-add delta >"$T/out" 2>"$T/err" &
writer=$!
i=0
while [ "$(sql_on "$plain" "SELECT count(*) FROM pg_stat_activity WHERE
    application_name = 'hourbook' AND wait_event_type = 'Lock'")" != 1 ] &&
    [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
sql_on "$plain" "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
    WHERE application_name = 'hourbook' AND wait_event_type = 'Lock'" >/dev/null
wait "$writer"
status=$?
expect_eq "a lost connection: exit 74" 74 "$status"
said "a lost connection" "the connection to the server is lost"
book_unlock

# Everything the commands printed, once more, in one look.
expect_eq "no password anywhere in what the commands printed" 0 \
    "$(grep -c "$secret" "$all")"
expect_eq "the hidden password shows as ***" yes \
    "$(grep -q ':\*\*\*@' "$all" && echo yes || echo no)"
finish
