# The book: where it is, how it is created, what refuses to open it.
. "$(dirname "$0")/lib.sh"

# A read-only command on a missing book: exit 66, nothing created.  (On
# PostgreSQL the test's database is there but empty: no book yet.)
expect_exit 66 book-config --list
expect_err "missing book named" "no such book"
book_exists && not_ok "missing book not created" || ok "missing book not created"

schema=$(sed -n 's/^#define HB_SCHEMA_VERSION \([0-9]*\)$/\1/p' "$HB_SRC/include/hourbook/book.h")

# Created on first write with mode 0600, in new folders of mode 0700, in
# WAL mode, STRICT, with the schema's version.
if on_engine sqlite "file and folder modes, WAL, PRAGMA user_version, STRICT tables"; then
	HOURBOOK_DB="$T/deep/er/book.db" expect_exit 0 client-add acme
	expect_eq "book mode 0600" 600 "$(stat -c %a "$T/deep/er/book.db")"
	expect_eq "folder mode 0700" 700 "$(stat -c %a "$T/deep/er")"
	expect_eq "WAL journal" wal "$(sqlite3 "$T/deep/er/book.db" 'PRAGMA journal_mode')"
	expect_eq "schema version" "$schema" "$(sqlite3 "$T/deep/er/book.db" 'PRAGMA user_version')"
	expect_eq "STRICT tables" 0 "$(sqlite3 "$T/deep/er/book.db" "SELECT count(*) FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' AND strict = 0")"
fi

# --db wins over HOURBOOK_DB; HOURBOOK_DB over the default path.
other=$(book_new other)
expect_exit 0 client-add --db "$other" beta
expect_eq "--db honoured" beta "$(sql_on "$other" 'SELECT name FROM client')"
book_exists && not_ok "--db wins over HOURBOOK_DB" || ok "--db wins over HOURBOOK_DB"
expect_exit 0 client-add gamma
expect_eq "HOURBOOK_DB honoured" gamma "$(sql 'SELECT name FROM client')"

# The default path: $XDG_DATA_HOME, else ~/.local/share.
if on_engine sqlite "the default book is a SQLite file"; then
	(unset HOURBOOK_DB; XDG_DATA_HOME="$T/xdg" client-add delta >/dev/null 2>&1)
	[ -f "$T/xdg/hourbook/book.db" ] && ok "XDG_DATA_HOME book" || not_ok "XDG_DATA_HOME book"
	(unset HOURBOOK_DB; client-add epsilon >/dev/null 2>&1)
	[ -f "$HOME/.local/share/hourbook/book.db" ] && ok "home book" || not_ok "home book"
fi

# A book newer than the binary is refused.
if on_engine sqlite "the schema version is the file's PRAGMA user_version"; then
	cp "$HOURBOOK_DB" "$T/newer.db"
	sqlite3 "$T/newer.db" 'PRAGMA user_version = 99'
	expect_exit 74 book-config --db "$T/newer.db" --list
	expect_err "newer book refused" "newer than this hourbook"
fi

# So is a stranger's database, and it is left as it was.
stranger=$(book_new stranger)
sql_on "$stranger" 'CREATE TABLE t (x INTEGER)'
expect_exit 74 client-add --db "$stranger" zeta
expect_err "foreign database refused" "not a hourbook book"
expect_eq "stranger untouched" t "$(book_tables "$stranger")"

# Files that are no book at all, and an empty file, which is a book of
# version 0 and is migrated.
if on_engine sqlite "files that are not SQLite books; an empty file"; then
	expect_eq "stranger's version untouched" 0 "$(sqlite3 "$stranger" 'PRAGMA user_version')"
	printf 'not a database at all, just text that is long enough to fill a page header' >"$T/text.db"
	expect_exit 74 client-add --db "$T/text.db" zeta
	expect_err "a text file is not called damaged" "client-add: $T/text.db: not a hourbook book (not an SQLite file): nothing was changed"
	mkdir "$T/dir.db"
	expect_exit 74 client-add --db "$T/dir.db" zeta
	: >"$T/empty.db"
	expect_exit 0 client-add --db "$T/empty.db" eta
	expect_eq "empty file migrated" "$schema" "$(sqlite3 "$T/empty.db" 'PRAGMA user_version')"

	# A file refused is not touched before it is refused: not even by
	# the pragma that switches a book to WAL (another application's file
	# was left in WAL mode once), whatever command is given.
	sqlite3 "$T/foreign.db" 'CREATE TABLE x (a); INSERT INTO x VALUES (1)'
	sqlite3 "$T/appid.db" 'PRAGMA application_id = 1234; CREATE TABLE y (b)'
	cp "$T/foreign.db" "$T/foreign.orig"
	cp "$T/appid.db" "$T/appid.orig"
	cp "$T/text.db" "$T/text.orig"
	for f in foreign appid text; do
		for cmd in "client-add zeta" "task-list" "book-check"; do
			run $cmd --db "$T/$f.db"
			[ "$status" -ne 0 ] && cmp -s "$T/$f.db" "$T/$f.orig" && [ ! -e "$T/$f.db-wal" ] &&
			    [ ! -e "$T/$f.db-shm" ] && [ ! -e "$T/$f.db-journal" ] &&
			    ok "$f.db after $cmd: byte for byte as it was, no side file" ||
			    not_ok "$f.db after $cmd: byte for byte as it was, no side file" "exit $status" "$(ls -l "$T/$f.db"*)"
		done
	done
	expect_eq "and still in its own journal mode" delete "$(sqlite3 "$T/foreign.db" 'PRAGMA journal_mode')"

	# A FIFO, /dev/null or /dev/zero named as the book: refused for what
	# it is (once "disk I/O error (is the disk full...)"), before it is
	# opened, so a FIFO does not leave the command waiting for a writer.
	mkfifo "$T/fifo.db"
	for b in "$T/fifo.db" /dev/null /dev/zero; do
		case $b in
		*fifo.db) what="is a FIFO, not a book (a book is a regular file)" ;;
		*) what="is a character device, not a book (a book is a regular file)" ;;
		esac
		for cmd in "task-list" "client-add zeta"; do
			expect_exit 74 timeout 10 $cmd --db "$b"
			expect_err "$cmd --db $b: says what it is" "$b: $what"
		done
	done
	[ -p "$T/fifo.db" ] && ok "the FIFO is left a FIFO" || not_ok "the FIFO is left a FIFO" "$(ls -l "$T/fifo.db")"
	[ -c /dev/null ] && [ -c /dev/zero ] && ok "/dev/null and /dev/zero are left devices" ||
	    not_ok "/dev/null and /dev/zero are left devices" "$(ls -l /dev/null /dev/zero)"

	# Only a setup command makes a book of an empty file: a reader, or
	# another writer, leaves it empty and says what would.
	: >"$T/zero.db"
	for cmd in "task-list" "report-export clients" "withdraw --status" "hours-log 1 1h"; do
		expect_exit 74 $cmd --db "$T/zero.db"
		expect_err "$cmd: says who makes a book of it" "zero.db: is an empty file, not a book (a setup command such as client-add makes a book of it)"
		[ ! -s "$T/zero.db" ] && [ ! -e "$T/zero.db-wal" ] && [ ! -e "$T/zero.db-shm" ] &&
		    ok "$cmd: the empty file stays empty" || not_ok "$cmd: the empty file stays empty" "$(ls -l "$T/zero.db"*)"
	done
fi

# A locked book: exit 75 after the busy timeout, nothing on stdout.
# Another process holds the write lock until we tell it to let go.
book_lock
HOURBOOK_BUSY_MS=200 expect_exit 75 client-add theta
expect_empty_out "locked: nothing on stdout"
expect_err "locked: says so" "locked by another process"
book_unlock
expect_exit 0 client-add theta

# A malformed HOURBOOK_BUSY_MS or HOURBOOK_NOW is a usage error.
HOURBOOK_BUSY_MS=soon expect_exit 64 client-add iota
HOURBOOK_NOW=yesterday expect_exit 64 client-add iota

# A server that is not there: exit 74 naming the location, its password
# hidden, in seconds (connect_timeout), never a hang.
expect_exit 74 client-add --db 'postgresql://ann:s3cret@nohost.invalid/hourbook' iota
expect_err "unreachable server says so" "cannot connect"
expect_err "the location is named" "postgresql://ann:***@nohost.invalid/hourbook"
grep -q s3cret "$T/err" && not_ok "password hidden" || ok "password hidden"

# Foreign keys are on for every connection the commands make: the book
# refuses a person pointing at no client even through the library's own
# connection (checked by the CHECK/FOREIGN KEY in the schema).
expect_eq "schema declares foreign keys" 1 "$(sql_per_engine \
    "SELECT count(*) FROM pragma_foreign_key_list('project')" \
    "SELECT count(*) FROM pg_catalog.pg_constraint WHERE contype = 'f' AND conrelid = 'project'::regclass")"

finish
