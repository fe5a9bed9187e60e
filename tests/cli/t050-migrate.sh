# Migrations: a book of an older schema is brought up to date in one
# transaction, keeping what it holds.
. "$(dirname "$0")/lib.sh"

client-add acme >/dev/null
project-add --client acme p >/dev/null
# Take the book back to schema 1, as the first release wrote it.
sql 'DROP TABLE comment; DROP TABLE task; PRAGMA user_version = 1' >/dev/null
expect_eq "a version-1 book" "1" "$(sql 'PRAGMA user_version')"
expect_exit 0 task-list
expect_eq "migrated to 2 by a read" "2" "$(sql 'PRAGMA user_version')"
expect_eq "tables added" "comment task" "$(sql "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('task', 'comment') ORDER BY name)")"
expect_eq "data kept" "acme p" "$(sql "SELECT c.name || ' ' || j.code FROM client c JOIN project j ON j.client_id = c.id")"
expect_exit 0 task-add --project p "After the migration"
expect_eq "integrity" ok "$(sql 'PRAGMA integrity_check')"

# A migration that cannot finish leaves the book as it was: here the
# version-1 book already holds a table the migration would create.
cp "$HOURBOOK_DB" "$T/v1.db"
sqlite3 "$T/v1.db" 'DROP TABLE comment; DROP TABLE task; PRAGMA user_version = 1; CREATE TABLE comment (x)'
expect_exit 74 task-list --db "$T/v1.db"
expect_eq "failed migration rolled back" "1" "$(sqlite3 "$T/v1.db" 'PRAGMA user_version')"
expect_eq "nothing half-made" "0" "$(sqlite3 "$T/v1.db" "SELECT count(*) FROM sqlite_master WHERE name = 'task'")"

finish
