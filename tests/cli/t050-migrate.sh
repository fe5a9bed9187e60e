# Migrations: a book of an older schema is brought up to date in one
# transaction, keeping what it holds, by the next writing command; a
# reading command never changes the book, and says what will upgrade it.
# The books of the older schemas are SQLite files (their version is PRAGMA
# user_version): a PostgreSQL book starts at the current schema.
. "$(dirname "$0")/lib.sh"
engine_only sqlite "the migration of old SQLite books (PRAGMA user_version, sqlite_master)"

V9='DROP INDEX package_use_drawn;'
V8='DROP TABLE request_key;'
V7='DROP TABLE package_use; ALTER TABLE task DROP COLUMN worked;
ALTER TABLE task DROP COLUMN billed; ALTER TABLE package DROP COLUMN start_month;
ALTER TABLE package DROP COLUMN closed_on;'
V6='DROP TABLE batch; DROP INDEX entry_ref; ALTER TABLE entry DROP COLUMN ref;
DELETE FROM setting WHERE key = '"'timezone'"';'
V5='DROP TABLE invoice_line; DROP TABLE invoice; DROP INDEX IF EXISTS hours_ledger_lapse;'
V4='DROP TABLE withdrawal_outcome; DROP TABLE withdrawal; DROP TABLE money_ledger;'
V3='DROP TABLE entry_split; DROP TABLE entry; DROP TABLE hours_ledger;
DROP TABLE package_payment; DROP TABLE package_invoice; DROP TABLE package;'
V2='DROP TABLE comment; DROP TABLE task;'
now=$(sql 'PRAGMA user_version' 2>/dev/null || true)

client-add acme >/dev/null
project-add --client acme p >/dev/null
now=$(sql 'PRAGMA user_version')
cp "$HOURBOOK_DB" "$T/fresh.db"

# Back to schema 1, as the first release wrote it, then forward.
sql "$V9 $V8 $V7 $V6 $V5 $V4 $V3 $V2 PRAGMA user_version = 1" >/dev/null
expect_eq "a version-1 book" "1" "$(sql 'PRAGMA user_version')"
expect_exit 74 task-list
expect_err "a reader says who upgrades" "the next writing command"
expect_eq "a read changes nothing" "1" "$(sql 'PRAGMA user_version')"
TZ=America/Sao_Paulo expect_exit 0 task-add --project p "After the migration"
expect_eq "migrated by a write" "$now" "$(sql 'PRAGMA user_version')"
expect_eq "tables added" "batch comment entry package request_key task" "$(sql "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('task', 'comment', 'package', 'entry', 'batch', 'request_key') ORDER BY name)")"
expect_eq "data kept" "acme p" "$(sql "SELECT c.name || ' ' || j.code FROM client c JOIN project j ON j.client_id = c.id")"
expect_eq "the upgrader's zone became the book's" "America/Sao_Paulo" "$(sql "SELECT value FROM setting WHERE key = 'timezone'")"
expect_eq "integrity" ok "$(book_integrity)"
expect_exit 0 task-list

# Schema 2 (tasks, no packages) forward, keeping the tasks.
sqlite3 "$T/fresh.db" "INSERT INTO task (project_id, kind, title, status, created, updated) VALUES (1, 'activity', 'Old task', 'open', 'x', 'x'); $V9 $V8 $V7 $V6 $V5 $V4 $V3 PRAGMA user_version = 2"
expect_exit 0 holiday-add --db "$T/fresh.db" 2026-12-25 Christmas
expect_exit 0 task-list --db "$T/fresh.db"
expect_eq "2 -> now" "$now" "$(sqlite3 "$T/fresh.db" 'PRAGMA user_version')"
grep -q ',Old task,open,' "$T/out" && ok "tasks kept" || not_ok "tasks kept"

# A migration that cannot finish leaves the book as it was: here the
# version-1 book already holds a table the migration would create.
cp "$HOURBOOK_DB" "$T/v1.db"
sqlite3 "$T/v1.db" "$V9 $V8 $V7 $V6 $V5 $V4 $V3 $V2 PRAGMA user_version = 1; CREATE TABLE comment (x)"
expect_exit 74 client-add --db "$T/v1.db" other
expect_eq "failed migration rolled back" "1" "$(sqlite3 "$T/v1.db" 'PRAGMA user_version')"
expect_eq "nothing half-made" "0" "$(sqlite3 "$T/v1.db" "SELECT count(*) FROM sqlite_master WHERE name IN ('task', 'package')")"

# A book newer than this hourbook is refused, not touched.
sql "PRAGMA user_version = 999" >/dev/null
expect_exit 74 task-list
expect_err "newer book refused" "newer than this hourbook understands"
expect_exit 74 task-add --project p "x"
expect_eq "still 999" 999 "$(sql 'PRAGMA user_version')"

finish
