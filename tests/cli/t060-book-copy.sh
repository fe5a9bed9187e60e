# book-copy: a varied book copied from one engine to the other and back,
# every row and every export the same byte for byte, book-check silent on
# each copy; what it refuses before writing anything; what a failed, an
# interrupted and a killed copy leave.  On HB_ENGINE=sqlite the copies are
# SQLite to SQLite and the PostgreSQL parts are skipped; on HB_ENGINE=pg
# the book goes PostgreSQL -> SQLite -> PostgreSQL -> SQLite.
. "$(dirname "$0")/lib.sh"
cd "$T"

# must CMD...: a step of the book's making, which must work.
must() {
	run "$@"
	[ "$status" -eq 0 ] || not_ok "making the book: $*" "exit $status" "$(head -c 400 "$T/err")"
}
at() { HOURBOOK_NOW=$1; export HOURBOOK_NOW; }

# ---- a book with something in every table ----------------------------------
at 2026-09-01T08:00:00Z
must book-config withdraw.minimum 50
must book-config sla.reply_hours 4
must client-add --email ops@acme.example acme "ACME, S.p.A."
must client-add --currency USD --email ap@beta.example beta "Beta Inc."
must member-add --role staff --name "Maria Rossi" maria
export HOURBOOK_USER=maria
must holiday-add 2026-12-08 "Immacolata"
must project-add --client acme --rate 60 --penalty 10,2 --sla intake_days=3 web
must project-add --client beta --rate 80 --model self-service --support-hours "Mon-Sat 08:00-20:00" --priority top blog
must project-add --client acme --minimum-fee 500 --kpi-units 10 --share 10 --share-cap 250 --share-from 2026-08 store
must member-add --client acme --name "Ana Lima" --project web ana
must member-add --client acme --project web carla
must member-add --client beta --project blog bea
must member-add --rate 25.50 --project web bruno
must member-add --project blog bruno
must member-add --rate 30 --project blog eli
must member-add --rate 20 --project web dario
must member-leave --project web dario
must package-add --project web --hours 2					# 1
must package-set --invoiced 1
must package-set --paid 1
must package-add --project web --hours 10 --plan monthly --months 3		# 2
must package-set --invoiced --date 2026-09-01 2
must package-set --paid 2
must task-add --project web --assign bruno --estimate 2h --due 2026-09-20 --rigid "Hero, big"	# 1
must task-add --project web --assign bruno --urgent --description "$(printf 'line one\nline two')" "Hotfix"	# 2
must task-add --project web --as ana --kind request "A new page"		# 3
must task-add --project web --as ana --kind idea "Dark mode?"			# 4
must task-add --project web --assign bruno "Blocked one"			# 5
must task-add --project web "To cancel"						# 6
must task-add --project blog --assign eli --fee 400 "Post"			# 7
must task-add --project blog --assign eli --fee 120 "Second post"		# 8
must task-add --project web --key ticket-77 "From the ticket"			# 9
at 2026-09-02T09:00:00Z
must task-set --estimate 90m 3
must task-set --as ana --approve 3
must task-set --as ana --reject 4
must member-add --contact carla
must task-set --block "waiting for the logo" 5
must task-set --cancel 6
must comment -m "+1 from me" 1
must comment --as ana -m "$(printf 'Is this on time?\nThanks')" 1
must comment --as bruno --reply-to 2 --key c-1 -m "Yes, \"on time\"; déjà vu" 1
at 2026-09-10T10:00:00Z
must hours-log --person bruno --note "hero, first pass" --date 2026-09-09 1 1h30
must hours-log --person bruno 2 20m
must hours-log --person bruno --ref ext-1 1 1h
must hours-log --reverse 3 --reason "logged twice"
printf 'task,minutes,date,person,note\n1,30,2026-09-08,bruno,"batch, one"\n3,15,2026-09-08,bruno,batch two\n' >"$T/week.csv"
must hours-log --csv "$T/week.csv"
must task-set --start 7
must task-set --start 8
at 2026-09-15T10:00:00Z
must hours-log --person eli 7 2h
must task-set --as eli --deliver 7
must task-set --as bea --accept 7
must task-set --as bruno --deliver 1
at 2026-09-24T10:00:00Z
must task-set --as carla --accept 1
must withdraw --as eli --key sept-1 100
must withdraw --as eli 60
must withdraw --pay 1
must withdraw --reject 2 --reason "bank details missing"
must sales-log --project store --month 2026-08 --units 24 --revenue 4800 --note "the shop's report"
must sales-log --reverse 1 --reason "returns counted"
must sales-log --project store --month 2026-08 --units 22 --revenue 4400
must complaint --task 1 --reason "the header broke on phones"
must complaint --accept 1 --money 30 --reason "our bug"
must complaint --task 2 --reason "late"
must complaint --accept 2 --hours 1
must complaint --task 7 --reason "the wrong font"
must complaint --reject 3 --reason "the font of the brief"
must billing-run --month 2026-08
at 2026-10-01T06:00:00Z
must billing-run --month 2026-09
must project-set --share 12 --share-from 2026-10 --reason "renewal" store
at 2026-10-02T09:00:00Z
must package-set --paid 2
must member-set --rate 28 --from 2026-10-01 --reason "raise" bruno
must project-set --rate 65 --from 2026-10-01 --sla intake_days=4 --reason "price list" web
must withdraw --as eli 50
must withdraw --as eli --cancel 3 --reason "changed my mind"
at 2026-10-05T10:00:00Z
must hours-log --start 1 --person bruno --at 09:15 --note "a timer, running"

orig=$HOURBOOK_DB
# Every table holds rows, so that a table the copy left out would show.
for t in setting holiday client person person_rate project project_rate project_setting member event task \
    comment package package_invoice package_payment hours_ledger entry entry_split \
    package_use money_ledger withdrawal withdrawal_outcome invoice invoice_line \
    batch request_key timer sales_share sales complaint; do
	[ "$(sql "SELECT count(*) FROM $t")" -gt 0 ] || not_ok "the book has rows in $t"
done
# ...and a voucher's credit and load, whose columns the copy must keep.
[ "$(sql "SELECT count(*) FROM invoice_line WHERE complaint_id IS NOT NULL")" -gt 0 ] || not_ok "the book has a voucher's credit"
[ "$(sql "SELECT count(*) FROM complaint WHERE package_id IS NOT NULL")" -gt 0 ] || not_ok "the book has a voucher loaded"

# ---- what two books are compared by -----------------------------------------
# Every kind report-export has (from its own list), in csv and excel-csv.
kinds=$(report-export nothing 2>&1 | sed -n 's/.*is not a kind (\(.*\))$/\1/p' | tr -d ,)
expect_eq "report-export lists its kinds" yes "$([ "$(echo $kinds | wc -w)" -ge 12 ] && echo yes)"
# The dashboard is an HTML page per client (no -f): every client's page,
# and the agency's index.
exports() {
	for kind in $kinds; do
		if [ "$kind" = dashboard ]; then
			rm -rf "$T/pages"
			report-export --db "$1" dashboard --all -o "$T/pages" 2>&1 || echo "exit $?"
			for page in "$T/pages/index.html" "$T"/pages/*/index.html; do
				printf '== dashboard %s\n' "${page#"$T"/pages/}"
				cat "$page"
			done
			continue
		fi
		for f in csv excel-csv; do
			printf '== %s -f %s\n' "$kind" "$f"
			report-export --db "$1" -f "$f" "$kind" 2>&1 || echo "exit $?"
		done
	done
}
# Every row of every table, as the engine's own client prints it.
rows() {
	for t in $(book_tables "$1" | grep -v '^hourbook_schema$' | sort); do
		echo "== $t"
		sql_on "$1" "SELECT * FROM $t ORDER BY 1, 2"
	done
}
exports "$orig" >"$T/orig.exports"
rows "$orig" >"$T/orig.rows"
grep -q '^exit' "$T/orig.exports" && not_ok "every export of the book works" "$(grep -B3 '^exit' "$T/orig.exports" | head)"

# same BOOK NAME: BOOK is a copy of the original.
same() {
	exports "$1" >"$T/$2.exports"
	cmp -s "$T/orig.exports" "$T/$2.exports" && ok "$2: every export the same, byte for byte" ||
	    not_ok "$2: every export the same, byte for byte" "$(diff "$T/orig.exports" "$T/$2.exports" | head -20)"
	rows "$1" >"$T/$2.rows"
	cmp -s "$T/orig.rows" "$T/$2.rows" && ok "$2: every row of every table the same" ||
	    not_ok "$2: every row of every table the same" "$(diff "$T/orig.rows" "$T/$2.rows" | head -20)"
	expect_exit 0 book-check --db "$1"
	expect_empty_out "$2: book-check is silent"
}

# summary FROM: the CSV printed names every table of FROM once, with its
# number of rows.
summary() {
	expect_eq "the summary's header" "table,rows" "$(sed -n 1p "$T/out")"
	expect_eq "a row for each table" "$(book_tables "$1" | grep -v '^hourbook_schema$' | sort | paste -sd' ' -)" \
	    "$(sed 1d "$T/out" | cut -d, -f1 | sort | paste -sd' ' -)"
	bad=
	sed 1d "$T/out" >"$T/summary"
	while IFS=, read -r t n; do
		[ "$n" = "$(sql_on "$1" "SELECT count(*) FROM $t")" ] || bad="$bad $t:$n"
	done <"$T/summary"
	expect_eq "each table's rows counted" "" "$bad"
}

# state BOOK: a digest of what BOOK holds (or "none").
state() {
	case $1 in
	postgresql://*) "$hb_pg_bin/pg_dump" --no-owner --no-privileges -d "$1" 2>&1 |
	    sed '/^\\restrict /d; /^\\unrestrict /d' | cksum ;;
	*) if [ -e "$1" ]; then sqlite3 -batch "$1" .dump 2>&1 | cksum; else echo none; fi ;;
	esac
}

# ---- the copies ----------------------------------------------------------------
# The copying process's TZ and clock are not the copy's: the book's own
# settings are (timezone, clock.override, the rest), and no event is added.
expect_exit 0 env TZ=America/Sao_Paulo HOURBOOK_NOW=2027-01-01T00:00:00Z book-copy --as maria "$orig" "$T/copy.db"
summary "$orig"
expect_err "a note says what was copied" "book-copy: copied "
same "$T/copy.db" copy
expect_eq "the book's time zone, not the copier's" "Europe/Rome" "$(sql_on "$T/copy.db" "SELECT value FROM setting WHERE key = 'timezone'")"
expect_eq "a new file is private" "600" "$(stat -c %a "$T/copy.db")"
expect_exit 0 book-copy -q "$T/copy.db" "$T/copy2.db"
expect_eq "-q: no notes" "" "$(cat "$T/err")"
same "$T/copy2.db" copy2
# An empty file is an empty place.
: >"$T/empty.db"
expect_exit 0 book-copy "$orig" "$T/empty.db"
same "$T/empty.db" empty-file

if on_engine pg "copies to PostgreSQL and back (HB_ENGINE=pg runs them)"; then
	pg2=$(book_new again)
	expect_exit 0 book-copy "$T/copy.db" "$pg2"
	summary "$T/copy.db"
	same "$pg2" sqlite-to-pg
	expect_exit 0 book-copy "$pg2" "$T/back.db"
	same "$T/back.db" pg-to-sqlite
	expect_eq "the book's time zone" "Europe/Rome" "$(sql_on "$pg2" "SELECT value FROM setting WHERE key = 'timezone'")"
	# libpq's keyword form, as HOURBOOK_DB takes it, on both sides.
	pg3=$(book_new keywords)
	words="host=$hb_pg_host port=$hb_pg_port user=$hb_pg_user dbname=$(hb_pg_db "$pg3")"
	expect_exit 0 book-copy "$T/copy.db" "$words"
	same "$pg3" sqlite-to-keywords
	expect_exit 0 book-copy "$words" "$T/back-keywords.db"
	same "$T/back-keywords.db" keywords-to-sqlite
fi

# ---- refused before anything is written -------------------------------------------
# A book at TO, a copy or the book itself: exit 1, TO untouched.
before=$(state "$T/copy.db")
expect_exit 1 book-copy "$orig" "$T/copy.db"
expect_err "a book there is named" "holds a book already (schema version"
expect_eq "the book there is untouched" "$before" "$(state "$T/copy.db")"
before=$(state "$orig")
expect_exit 1 book-copy "$orig" "$orig"
expect_err "the same book" "FROM and TO are the same book"
expect_eq "and it is untouched" "$before" "$(state "$orig")"
ln -s "$T/copy.db" "$T/link.db"
expect_exit 1 book-copy "$T/copy.db" "$T/link.db"
expect_err "the same file by another name" "FROM and TO are the same book"
# A book without a row is a book.
bare=$(book_new bare)
HOURBOOK_DB=$bare book-config -q currency EUR >/dev/null
sql_on "$bare" "DELETE FROM setting; DELETE FROM event"
before=$(state "$bare")
expect_exit 1 book-copy "$orig" "$bare"
expect_err "a book without rows" "holds a book already"
expect_eq "untouched" "$before" "$(state "$bare")"
# Another application's database: exit 74, as for every command.
foreign=$(book_new foreign)
sql_on "$foreign" "CREATE TABLE notes (body TEXT)"
before=$(state "$foreign")
expect_exit 74 book-copy "$orig" "$foreign"
expect_err "a foreign database" "not a hourbook book"
expect_eq "untouched" "$before" "$(state "$foreign")"
printf 'my notes\n' >"$T/notes.txt"
expect_exit 74 book-copy "$orig" "$T/notes.txt"
expect_err "a file that is no database" "notes.txt: not a hourbook book (not an SQLite file): nothing was changed"
expect_eq "untouched" "my notes" "$(cat "$T/notes.txt")"
mkdir "$T/folder"
expect_exit 74 book-copy "$orig" "$T/folder"

# FROM must be a book at the current schema.
expect_exit 66 book-copy "$T/nope.db" "$T/new.db"
expect_err "a missing FROM" "nope.db: no such book"
expect_exit 66 book-copy "$T/copy.bd" "$T/new.db"
expect_err "a typo: the names near it" "(did you mean copy.db"
: >"$T/empty-source.db"
expect_exit 74 book-copy "$T/empty-source.db" "$T/new.db"
expect_err "an empty FROM" "is an empty file, not a book"
cp "$T/copy.db" "$T/old.db"
sqlite3 "$T/old.db" "DROP TABLE request_key; PRAGMA user_version = 7"
expect_exit 74 book-copy "$T/old.db" "$T/new.db"
expect_err "an older FROM is not upgraded by a reader" "the next writing command"
expect_eq "nor changed" "7" "$(sqlite3 "$T/old.db" 'PRAGMA user_version')"
expect_eq "no TO was made for any of them" "none" "$(state "$T/new.db")"
if on_engine pg "a missing or empty PostgreSQL FROM, and an older one"; then
	expect_exit 66 book-copy "$(hb_pg_url "${hb_db}_nope")" "$T/new.db"
	expect_err "a missing database" "no such book"
	expect_exit 66 book-copy "$(book_new hollow)" "$T/new.db"
	expect_err "an empty database" "no such book"
	old=$(book_copy old)
	sql_on "$old" "DROP TABLE request_key; UPDATE hourbook_schema SET version = 7"
	expect_exit 74 book-copy "$old" "$T/new.db"
	expect_err "an older PostgreSQL book" "the next writing command"
	expect_exit 66 book-copy "$orig" "$(hb_pg_url "${hb_db}_missing")"
	expect_err "a TO database that is not there" "does not exist"
	expect_eq "no TO was made" "none" "$(state "$T/new.db")"
fi

# The operands and the actor.
expect_exit 64 book-copy "$orig"
expect_exit 64 book-copy "$orig" "$T/new.db" "$T/third.db"
expect_exit 64 book-copy --db "$orig" "$T/new.db"
expect_err "--db names no book here" "-d/--db is not taken"
expect_exit 64 book-copy "$orig" ""
expect_exit 64 book-copy "$orig" "postgresq://maria:hb-s3cret@/x?host=$T"
expect_err "a scheme with a typo" "\"postgresq://\" is not a kind of location"
expect_eq "no file or folder named like the URL" "" "$(ls -d "$T"/postgresq* 2>/dev/null)"
expect_exit 1 book-copy --as bruno "$orig" "$T/new.db"
expect_err "only staff copy a book" "only staff copy a book (bruno (freelancer))"
expect_exit 66 book-copy --as nobody "$orig" "$T/new.db"
expect_eq "no TO was made" "none" "$(state "$T/new.db")"

# A password in a URL shows nowhere: not when the server is not there,
# and not in what a copy prints.
expect_exit 74 book-copy "$orig" "postgresql://maria:hb-s3cret@/nodb?host=$T/no-server"
grep -q 'hb-s3cret' "$T/out" "$T/err" && not_ok "the password is hidden" "$(cat "$T/err")" || ok "the password is hidden"
expect_err "as ***" "maria:***@"
if on_engine pg "a copy to a URL with a password"; then
	pw=$(book_new secret | sed 's|://\([^@/]*\)@|://\1:hb-s3cret@|')
	expect_exit 0 book-copy "$orig" "$pw"
	grep -q 'hb-s3cret' "$T/out" "$T/err" && not_ok "the password is hidden" "$(cat "$T/err")" || ok "the password is hidden"
	expect_exit 1 book-copy "$orig" "$pw"
	grep -q 'hb-s3cret' "$T/out" "$T/err" && not_ok "the password is hidden" "$(cat "$T/err")" || ok "the password is hidden"
fi

# --dry-run copies everything and keeps nothing.
dry=$(book_new dry)
expect_exit 0 book-copy --dry-run "$orig" "$dry"
summary "$orig"
expect_err "a dry run says so" "dry run: "
case $dry in
postgresql://*) expect_eq "the database stays empty" "" "$(book_tables "$dry")" ;;
*) expect_eq "no file is left" "none" "$(state "$dry")"
   expect_eq "nor its side files" "" "$(ls "$dry"-* 2>/dev/null)" ;;
esac

# ---- the list of tables is checked -------------------------------------------------
# A column or a table that book-copy does not know is a bug, exit 70,
# named, before TO is made.
cp "$T/copy.db" "$T/newer.db"
sqlite3 "$T/newer.db" "ALTER TABLE entry ADD COLUMN surprise TEXT"
expect_exit 70 book-copy "$T/newer.db" "$T/new.db"
expect_err "the unknown column named" "a column entry.surprise that book-copy does not know"
cp "$T/copy.db" "$T/newer.db"
sqlite3 "$T/newer.db" "CREATE TABLE surprise (x TEXT)"
expect_exit 70 book-copy "$T/newer.db" "$T/new.db"
expect_err "the unknown table named" "a table surprise that book-copy does not know"
cp "$T/copy.db" "$T/newer.db"
sqlite3 "$T/newer.db" "DROP INDEX entry_ref; ALTER TABLE entry DROP COLUMN ref"
expect_exit 70 book-copy "$T/newer.db" "$T/new.db"
expect_err "a listed column the book lacks" "has no column entry.ref"
expect_eq "no TO was made" "none" "$(state "$T/new.db")"

# ---- a copy that fails leaves no book ------------------------------------------------
# A row the target's constraints refuse (a split into a package that does
# not exist: the sqlite3 shell does not enforce references): exit 65, and
# the file made for the copy is gone; a database stays empty.
cp "$T/copy.db" "$T/dangling.db"
sqlite3 "$T/dangling.db" "INSERT INTO entry_split (entry_id, package_id, minutes) VALUES (1, 99, 5)"
expect_exit 65 book-copy "$T/dangling.db" "$T/new.db"
expect_eq "the file made for it is removed" "none" "$(state "$T/new.db")"
expect_eq "and its side files" "" "$(ls "$T"/new.db-* 2>/dev/null)"
if on_engine pg "a failed copy into PostgreSQL"; then
	failed=$(book_new failed)
	expect_exit 65 book-copy "$T/dangling.db" "$failed"
	expect_eq "the database stays empty" "" "$(book_tables "$failed")"
	expect_exit 0 book-copy "$T/copy.db" "$failed"
fi

# ---- interrupted and killed ---------------------------------------------------------------
# A book big enough that a copy into a new SQLite file outgrows SQLite's
# page cache (16 MiB) and writes to the WAL before it commits: that
# write is the sign that the copy is under way.
big=$(book_new big)
(
	export HOURBOOK_DB=$big
	client-add -q acme && project-add -q --client acme web &&
	member-add -q --role staff maria && member-add -q --project web bruno &&
	task-add -q --project web --assign bruno "Work"
) >/dev/null || not_ok "making the big book"
sql_on "$big" "INSERT INTO entry (id, task_id, person_id, day, minutes, billable, note, actor, created) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) SELECT i, 1, 2, '2026-10-01', 30, 30, 'a note of some length, to make the book big: ' || i || ', and a few words more', 'maria', '2026-10-01T10:00:00Z' FROM n"
sql_on "$big" "UPDATE task SET worked = 6000000, billed = 6000000"
expect_exit 0 book-check --db "$big"

# under_way FILE PID: wait until the copy writes FILE's WAL; false if it
# ended first.
under_way() {
	i=0
	while [ ! -s "$1-wal" ] && kill -0 "$2" 2>/dev/null && [ $i -lt 3000 ]; do
		sleep 0.02
		i=$((i + 1))
	done
	kill -0 "$2" 2>/dev/null
}

# SIGTERM (and HUP, INT): the file made for the copy is removed.
book-copy "$big" "$T/term.db" >/dev/null 2>&1 &
pid=$!
if under_way "$T/term.db" $pid; then
	kill -TERM $pid
	wait $pid
	expect_eq "SIGTERM ends the copy" 143 $?
	expect_eq "and removes the file made for it" "" "$(ls "$T"/term.db* 2>/dev/null)"
else
	wait $pid
	not_ok "the copy was under way when SIGTERM came"
fi

# SIGKILL: no book is left, only an empty file, which the next copy takes.
book-copy "$big" "$T/killed.db" >"$T/killed.out" 2>&1 &
pid=$!
if under_way "$T/killed.db" $pid; then
	kill -KILL $pid
	wait $pid
	expect_eq "SIGKILL ends the copy" 137 $?
	expect_eq "nothing was printed" "" "$(cat "$T/killed.out")"
	expect_eq "no book is left, no table" "0" "$(sqlite3 "$T/killed.db" 'SELECT count(*) FROM sqlite_master')"
	expect_exit 74 report-export --db "$T/killed.db" clients
	expect_err "a reader sees no book" "is an empty file, not a book"
	expect_exit 0 book-copy "$big" "$T/killed.db"
	expect_eq "the next copy takes the place" "200000" "$(sql_on "$T/killed.db" 'SELECT count(*) FROM entry')"
	expect_exit 0 book-check --db "$T/killed.db"
else
	wait $pid
	not_ok "the copy was under way when SIGKILL came"
fi

# Into PostgreSQL: the server drops what a killed copy wrote.
if on_engine pg "a copy into PostgreSQL killed"; then
	cp "$T/killed.db" "$T/mid.db"
	target=$(book_new killed)
	book-copy "$T/mid.db" "$target" >/dev/null 2>&1 &
	pid=$!
	i=0
	while [ "$(sql_on "$target" "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'hourbook' AND query LIKE 'COPY entry %'")" = 0 ] &&
	    kill -0 $pid 2>/dev/null && [ $i -lt 3000 ]; do
		sleep 0.02
		i=$((i + 1))
	done
	kill -KILL $pid
	wait $pid
	expect_eq "SIGKILL ends the copy into PostgreSQL" 137 $?
	expect_eq "the database holds no table" "" "$(book_tables "$target")"
	expect_exit 0 book-copy "$T/mid.db" "$target"
	expect_eq "the next copy takes it" "200000" "$(sql_on "$target" 'SELECT count(*) FROM entry')"
fi

finish
