# Helpers for the whole-binary tests.  Each test script sources this file,
# gets a fresh temporary folder ($T) with its own book, a fixed clock, a
# fixed time zone and a home that is not the user's, and ends with `finish`.
#
# The engine: HB_ENGINE=sqlite (the default) gives each test a SQLite file,
# $T/book.db.  HB_ENGINE=pg gives it a database of its own in the
# PostgreSQL cluster that PGHOST (its socket folder), PGPORT and PGUSER (a
# superuser role) name, as scripts/test and scripts/pg-cluster set them:
# HOURBOOK_DB is then
#     postgresql://ROLE@/hb_NAME?host=SOCKET-FOLDER
# (and &port=PORT when the port is not 5432), the database is dropped
# when the test ends, and the PG* variables are unset, so the commands
# reach the server through HOURBOOK_DB alone.  A test reads the book with
# `sql` in SQL that both engines accept, and marks what is about one
# engine with engine_only / on_engine (below).
set -u
: "${HB_BIN:?HB_BIN must name the build folder}"
: "${HB_SRC:?HB_SRC must name the source folder}"
PATH=$HB_BIN:$PATH
HB_ENGINE=${HB_ENGINE:-sqlite}
case $HB_ENGINE in
sqlite|pg) ;;
*) echo "lib.sh: HB_ENGINE=$HB_ENGINE: want sqlite or pg" >&2; exit 1 ;;
esac
hb_test=$(basename "$0" .sh)
T=$(mktemp -d "${TMPDIR:-/tmp}/hourbook-test.XXXXXX")
# The EXIT trap drops the test's databases (pg) and removes $T, also when
# the test is interrupted.
trap 'hb_cleanup' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
# A write of the script's own into a closed pipe ends it through the trap
# too (the commands it runs still get SIGPIPE as usual).
trap 'exit 141' PIPE
hb_cleanup() {
	if [ "$HB_ENGINE" = pg ] && [ -f "$T/databases" ]; then
		while IFS= read -r db; do
			hb_pg dropdb --if-exists --force "$db" >/dev/null 2>&1 || true
		done <"$T/databases"
	fi
	rm -rf "$T"
}
export HOME="$T/home" TZ=Europe/Rome LC_ALL=C.UTF-8
# A book made while HOURBOOK_NOW is set takes it from every actor (its
# clock.override is on): so every test's book, made by its first setup
# command, does.  A book made without it takes it only from staff
# (t018-clock.sh).
export HOURBOOK_NOW=2026-11-23T10:00:00Z HOURBOOK_USER=tester
unset XDG_DATA_HOME HOURBOOK_BUSY_MS
mkdir -p "$HOME"
# Results go to a file, not to variables: a check on the right of a pipe
# (printf ... | expect_exit ...) runs in a subshell, and its count must
# still reach finish.
: >"$T/results"

if [ "$HB_ENGINE" = pg ]; then
	: "${PGHOST:?HB_ENGINE=pg needs PGHOST, the cluster's socket folder (scripts/test starts one)}"
	hb_pg_host=$PGHOST hb_pg_port=${PGPORT:-5432} hb_pg_user=${PGUSER:-hourbook}
	hb_pg_bin=${HB_PG_BINDIR:-/usr/lib/postgresql/15/bin}
	[ -x "$hb_pg_bin/psql" ] || hb_pg_bin=$(dirname "$(command -v psql)")
	# The commands must reach the server through HOURBOOK_DB alone.
	unset PGHOST PGPORT PGUSER PGDATABASE PGSERVICE PGHOSTADDR PGOPTIONS \
	    PGPASSWORD PGPASSFILE PGSERVICEFILE PGTZ PGDATESTYLE PGCLIENTENCODING
	# The test's database: named after its folder, unique in the cluster.
	hb_db=hb_$(printf '%s' "${T##*.}" | tr 'A-Z' 'a-z' | tr -c 'a-z0-9' '_')_$$
fi

# hb_pg TOOL ARGS...: a PostgreSQL client tool, on the tests' cluster.
hb_pg() {
	tool=$1
	shift
	"$hb_pg_bin/$tool" -h "$hb_pg_host" -p "$hb_pg_port" -U "$hb_pg_user" "$@"
}

# hb_pg_url DATABASE: the URL that names DATABASE in the tests' cluster.
hb_pg_url() {
	if [ "$hb_pg_port" = 5432 ]; then
		printf 'postgresql://%s@/%s?host=%s\n' "$hb_pg_user" "$1" "$hb_pg_host"
	else
		printf 'postgresql://%s@/%s?host=%s&port=%s\n' "$hb_pg_user" "$1" "$hb_pg_host" "$hb_pg_port"
	fi
}

# hb_pg_db BOOK: the database that the URL BOOK names.
hb_pg_db() {
	printf '%s\n' "$1" | sed 's|^postgres[a-z]*://[^/]*/\([^?]*\).*|\1|'
}

# hb_pg_createdb NAME [TEMPLATE]: a new database, dropped when the test
# ends.
hb_pg_createdb() {
	echo "$1" >>"$T/databases"
	if ! hb_pg createdb ${2:+-T "$2"} "$1" 2>"$T/createdb.err"; then
		echo "lib.sh: createdb $1 failed: $(cat "$T/createdb.err")" >&2
		return 1
	fi
}

if [ "$HB_ENGINE" = pg ]; then
	if ! hb_pg_createdb "$hb_db"; then
		echo "not ok - the test's database in the cluster at $hb_pg_host"
		exit 1
	fi
	HOURBOOK_DB=$(hb_pg_url "$hb_db")
else
	HOURBOOK_DB=$T/book.db
fi
export HOURBOOK_DB

ok() {
	echo pass >>"$T/results"
	printf 'ok - %s\n' "$1"
}

not_ok() {
	echo fail >>"$T/results"
	printf 'not ok - %s\n' "$1"
	shift
	for line in "$@"; do printf '#   %s\n' "$line"; done
}

# run CMD...: run it, keeping stdout in $T/out, stderr in $T/err, the exit
# status in $status.
run() {
	"$@" >"$T/out" 2>"$T/err"
	status=$?
}

# expect_exit WANT CMD...: run CMD and check its exit status.
expect_exit() {
	want=$1
	shift
	run "$@"
	if [ "$status" -eq "$want" ]; then
		ok "exit $want: $*"
	else
		not_ok "exit $want: $*" "got $status" "stderr: $(head -c 600 "$T/err")"
	fi
}

# expect_out NAME: compare $T/out with standard input.
expect_out() {
	cat >"$T/want"
	if cmp -s "$T/want" "$T/out"; then
		ok "$1"
	else
		not_ok "$1" "$(diff "$T/want" "$T/out" | head -20)"
	fi
}

# expect_err NAME TEXT: stderr holds TEXT.
expect_err() {
	if grep -qF -- "$2" "$T/err"; then
		ok "$1"
	else
		not_ok "$1" "stderr lacks: $2" "stderr: $(head -c 600 "$T/err")"
	fi
}

# expect_empty_out NAME: nothing on stdout.
expect_empty_out() {
	if [ ! -s "$T/out" ]; then
		ok "$1"
	else
		not_ok "$1" "stdout: $(head -c 300 "$T/out")"
	fi
}

# expect_eq NAME WANT GOT
expect_eq() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1" "want: $2" "got:  $3"
	fi
}

# ---- the book, whatever the engine -------------------------------------
# sql QUERY: run QUERY on the book (sqlite3 or psql), rows on stdout as
# '|'-separated fields, no header, NULL as empty.  Write SQL that both
# engines accept: no group_concat, printf, hex, ifnull, GLOB, PRAGMA,
# sqlite_master, double-quoted strings or booleans as numbers (compare with
# CASE WHEN ... THEN 1 ELSE 0 END), and a subquery in FROM has an alias;
# order rows by a key and join them in the shell (paste -sd' '), and do
# arithmetic on a sum in the shell (PostgreSQL's sum of a bigint is a
# numeric).  sql_on BOOK QUERY reads another book.
sql() {
	sql_on "$HOURBOOK_DB" "$1"
}

sql_on() {
	case $1 in
	postgresql://*|postgres://*)
		"$hb_pg_bin/psql" -X -q -At -F'|' -v ON_ERROR_STOP=1 -d "$1" -c "$2" ;;
	*)
		sqlite3 -batch -noheader "$1" "$2" ;;
	esac
}

# sql_per_engine SQLITE-QUERY PG-QUERY: the same question asked of each
# engine's own catalogue, where no SQL works on both.
sql_per_engine() {
	case $HB_ENGINE in
	pg) sql "$2" ;;
	*) sql "$1" ;;
	esac
}

# book_new NAME: prints where a new book NAME goes: $T/NAME.db, or on
# PostgreSQL the URL of a new empty database (which, holding no table, is
# no book yet: the setup commands make one in it).
book_new() {
	case $HB_ENGINE in
	pg) hb_pg_createdb "${hb_db}_$1" && hb_pg_url "${hb_db}_$1" ;;
	*) printf '%s\n' "$T/$1.db" ;;
	esac
}

# book_copy NAME [BOOK]: copies BOOK (the test's book by default) into a
# new book NAME and prints where it is: an online backup of the SQLite
# file, or a database made with BOOK's as its template.
book_copy() {
	from=${2:-$HOURBOOK_DB}
	case $HB_ENGINE in
	pg)
		hb_pg_createdb "${hb_db}_$1" "$(hb_pg_db "$from")" && hb_pg_url "${hb_db}_$1" ;;
	*)
		sqlite3 -batch "$from" ".backup '$T/$1.db'" && printf '%s\n' "$T/$1.db" ;;
	esac
}

# book_drop BOOK: removes a book that book_new or book_copy made.
book_drop() {
	case $1 in
	postgresql://*|postgres://*) hb_pg dropdb --if-exists --force "$(hb_pg_db "$1")" ;;
	*) rm -f "$1" "$1-wal" "$1-shm" "$1-journal" ;;
	esac
}

# book_exists [BOOK]: true when BOOK (the test's by default) has been
# made: the file exists, or the database holds tables.
book_exists() {
	b=${1:-$HOURBOOK_DB}
	case $b in
	postgresql://*|postgres://*)
		[ "$(sql_on "$b" "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')" 2>/dev/null)" -gt 0 ] 2>/dev/null ;;
	*) [ -e "$b" ] ;;
	esac
}

# book_tables [BOOK]: the names of BOOK's tables, sorted, one a line.
book_tables() {
	b=${1:-$HOURBOOK_DB}
	case $b in
	postgresql://*|postgres://*)
		sql_on "$b" "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY tablename" ;;
	*)
		sql_on "$b" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name" ;;
	esac
}

# book_dump: the whole book as text (schema and rows), the same text
# while the book is unchanged.
# (pg_dump's \restrict lines carry a random key: left out.)
book_dump() {
	case $HB_ENGINE in
	pg)
		"$hb_pg_bin/pg_dump" --no-owner --no-privileges -d "$HOURBOOK_DB" |
		    sed '/^\\restrict /d; /^\\unrestrict /d' ;;
	*) sqlite3 -batch "$HOURBOOK_DB" .dump ;;
	esac
}

# book_integrity: prints "ok" when the book's storage is sound, else what
# is wrong.  SQLite: PRAGMA integrity_check.  PostgreSQL: amcheck over the
# book's tables (verify_heapam) and B-tree indexes (bt_index_check, with
# every heap tuple looked up in each index), in a transaction rolled back,
# so the extension never stays in the book.
book_integrity() {
	case $HB_ENGINE in
	pg)
		"$hb_pg_bin/psql" -X -q -At -v ON_ERROR_STOP=1 -d "$HOURBOOK_DB" 2>&1 <<'SQL'
BEGIN;
CREATE EXTENSION amcheck;
SELECT coalesce(string_agg(problem, E'\n' ORDER BY problem), 'ok') FROM (
	SELECT c.oid::regclass || ': ' || v.msg AS problem
	FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
	    LATERAL verify_heapam(c.oid) v
	WHERE c.relkind IN ('r', 'm')
	  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
	  AND n.nspname NOT LIKE 'pg_toast%'
	UNION ALL
	SELECT NULL FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
	    LATERAL bt_index_check(c.oid, true) b
	WHERE c.relkind = 'i' AND c.relam = (SELECT oid FROM pg_am WHERE amname = 'btree')
	  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
	  AND n.nspname NOT LIKE 'pg_toast%'
) p;
ROLLBACK;
SQL
		;;
	*) sqlite3 -batch "$HOURBOOK_DB" 'PRAGMA integrity_check' ;;
	esac
}

# book_lock: another process takes the book's write lock and holds it
# until book_unlock: on SQLite a sqlite3 shell in BEGIN IMMEDIATE, on
# PostgreSQL a psql holding every table of the book in EXCLUSIVE mode
# (reads go on, every write waits), as a writer that decides would.
book_lock() {
	rm -f "$T/lock.fifo"
	mkfifo "$T/lock.fifo"
	case $HB_ENGINE in
	pg)
		tables=$(book_tables | paste -sd, -)
		"$hb_pg_bin/psql" -X -q -At -v ON_ERROR_STOP=1 -d "$HOURBOOK_DB" \
		    <"$T/lock.fifo" >"$T/lock.out" 2>&1 &
		hb_lock_pid=$!
		exec 8>"$T/lock.fifo"
		echo "BEGIN; LOCK TABLE $tables IN EXCLUSIVE MODE; SELECT 'held';" >&8
		;;
	*)
		sqlite3 "$HOURBOOK_DB" <"$T/lock.fifo" >"$T/lock.out" 2>&1 &
		hb_lock_pid=$!
		exec 8>"$T/lock.fifo"
		echo "BEGIN IMMEDIATE; INSERT INTO setting VALUES ('lock', 'held'); SELECT 'held';" >&8
		;;
	esac
	i=0
	while ! grep -q '^held$' "$T/lock.out" 2>/dev/null && [ $i -lt 100 ]; do
		kill -0 "$hb_lock_pid" 2>/dev/null || break
		sleep 0.1
		i=$((i + 1))
	done
	grep -q '^held$' "$T/lock.out" ||
	    not_ok "book_lock: the lock is held" "$(head -c 300 "$T/lock.out")"
}

book_unlock() {
	# A holder that failed has gone: writing to its pipe would end us.
	if kill -0 "$hb_lock_pid" 2>/dev/null; then
		echo "ROLLBACK;" >&8
	fi
	exec 8>&-
	wait "$hb_lock_pid"
	rm -f "$T/lock.fifo"
}

# ---- what only one engine has ---------------------------------------
# A test, or a part of one, about one engine (files and their modes, WAL,
# PRAGMAs, old SQLite books) is skipped on the other, visibly: an
# "ok - skipped on ENGINE: REASON # SKIP" line, and a line in $HB_SKIP_LOG
# (when scripts/test names one) that it counts.
#
# engine_only ENGINE REASON: the rest of the test is about ENGINE: on the
# other engine it ends here, as finish ends it (successfully when it
# began here).
engine_only() {
	[ "$HB_ENGINE" = "$1" ] && return 0
	if grep -q '^pass$\|^fail$' "$T/results" 2>/dev/null; then
		hb_skipped part "$2"
		finish
	fi
	hb_skipped whole "$2"
	printf '0 passed, 0 failed, 1 skipped\n'
	exit 0
}

# on_engine ENGINE REASON: true on ENGINE; elsewhere says the part is
# skipped, and why.  Use: if on_engine sqlite "..."; then ...; fi
on_engine() {
	[ "$HB_ENGINE" = "$1" ] && return 0
	hb_skipped part "$2"
	return 1
}

hb_skipped() {
	echo skip >>"$T/results"
	printf 'ok - skipped on %s: %s # SKIP\n' "$HB_ENGINE" "$2"
	if [ -n "${HB_SKIP_LOG:-}" ]; then
		printf '%s %s %s: %s\n' "$HB_ENGINE" "$1" "$hb_test" "$2" >>"$HB_SKIP_LOG"
	fi
}

finish() {
	passed=$(grep -c '^pass$' "$T/results" || true)
	failed=$(grep -c '^fail$' "$T/results" || true)
	skipped=$(grep -c '^skip$' "$T/results" || true)
	if [ "$skipped" -gt 0 ]; then
		printf '%d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
	else
		printf '%d passed, %d failed\n' "$passed" "$failed"
	fi
	[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
	exit $?
}

# csv_col NAME: the values of column NAME of the CSV on standard input, one
# per line (for CSV without quoted commas, as the figures are).
csv_col() {
	awk -F, -v name="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; next }
		c { print $c }'
}

# run_closed CMD...: run CMD with its stdout a pipe whose reader has gone,
# as the reader of `| head -1` goes once it has its line (made from a FIFO,
# so that the reader is gone before CMD writes): the exit status in
# $status, stderr in $T/err.
run_closed() {
	rm -f "$T/closed.fifo"
	mkfifo "$T/closed.fifo"
	exec 8<>"$T/closed.fifo"
	exec 9>"$T/closed.fifo"
	exec 8<&-
	"$@" >&9 2>"$T/err"
	status=$?
	exec 9>&-
	rm -f "$T/closed.fifo"
}

# book_state: a digest of everything the book holds, to tell whether a
# command wrote anything.
book_state() {
	book_dump | cksum
}
