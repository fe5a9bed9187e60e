# Migrations: a book of an older schema is brought up to date in one
# transaction, keeping what it holds, by the next writing command; a
# reading command never changes the book, and says what will upgrade it.
# The books of the older schemas are SQLite files (their version is PRAGMA
# user_version): a PostgreSQL book starts at the current schema.
. "$(dirname "$0")/lib.sh"
engine_only sqlite "the migration of old SQLite books (PRAGMA user_version, sqlite_master)"

V20='CREATE TABLE il (invoice_id INTEGER NOT NULL REFERENCES invoice (id),
  line INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('"'fee'"', '"'overage'"', '"'penalty'"',
  '"'minimum'"', '"'share'"', '"'deemed'"')),
  description TEXT NOT NULL, quantity_minutes INTEGER,
  unit_price INTEGER NOT NULL, amount INTEGER NOT NULL,
  task_id INTEGER REFERENCES task (id),
  package_invoice_id INTEGER REFERENCES package_invoice (id),
  sales_id INTEGER REFERENCES sales (id),
  CHECK (sales_id IS NULL OR kind IN ('"'minimum'"', '"'share'"')),
  PRIMARY KEY (invoice_id, line)) STRICT;
INSERT INTO il SELECT invoice_id, line, kind, description, quantity_minutes,
  unit_price, amount, task_id, package_invoice_id, sales_id FROM invoice_line;
DROP TABLE invoice_line; ALTER TABLE il RENAME TO invoice_line;
CREATE UNIQUE INDEX invoice_line_fee ON invoice_line (package_invoice_id)
  WHERE package_invoice_id IS NOT NULL;
CREATE UNIQUE INDEX invoice_line_penalty ON invoice_line (task_id)
  WHERE kind = '"'penalty'"';
CREATE UNIQUE INDEX invoice_line_minimum ON invoice_line (invoice_id)
  WHERE kind = '"'minimum'"';
CREATE UNIQUE INDEX invoice_line_share ON invoice_line (sales_id)
  WHERE kind = '"'share'"';
CREATE UNIQUE INDEX invoice_line_deemed ON invoice_line (task_id)
  WHERE kind = '"'deemed'"';
DROP TABLE complaint;'
V19='ALTER TABLE project DROP COLUMN deemed_delivery;
CREATE TABLE il (invoice_id INTEGER NOT NULL REFERENCES invoice (id),
  line INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('"'fee'"', '"'overage'"', '"'penalty'"',
  '"'minimum'"', '"'share'"')),
  description TEXT NOT NULL, quantity_minutes INTEGER,
  unit_price INTEGER NOT NULL, amount INTEGER NOT NULL,
  task_id INTEGER REFERENCES task (id),
  package_invoice_id INTEGER REFERENCES package_invoice (id),
  sales_id INTEGER REFERENCES sales (id),
  CHECK (sales_id IS NULL OR kind IN ('"'minimum'"', '"'share'"')),
  PRIMARY KEY (invoice_id, line)) STRICT;
INSERT INTO il SELECT * FROM invoice_line; DROP TABLE invoice_line;
ALTER TABLE il RENAME TO invoice_line;
CREATE UNIQUE INDEX invoice_line_fee ON invoice_line (package_invoice_id)
  WHERE package_invoice_id IS NOT NULL;
CREATE UNIQUE INDEX invoice_line_penalty ON invoice_line (task_id)
  WHERE kind = '"'penalty'"';
CREATE UNIQUE INDEX invoice_line_minimum ON invoice_line (invoice_id)
  WHERE kind = '"'minimum'"';
CREATE UNIQUE INDEX invoice_line_share ON invoice_line (sales_id)
  WHERE kind = '"'share'"';'
V18='ALTER TABLE project DROP COLUMN support_hours;
ALTER TABLE project DROP COLUMN priority;'
V17='CREATE TABLE il (invoice_id INTEGER NOT NULL REFERENCES invoice (id),
  line INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('"'fee'"', '"'overage'"', '"'penalty'"')),
  description TEXT NOT NULL, quantity_minutes INTEGER,
  unit_price INTEGER NOT NULL, amount INTEGER NOT NULL,
  task_id INTEGER REFERENCES task (id),
  package_invoice_id INTEGER REFERENCES package_invoice (id),
  PRIMARY KEY (invoice_id, line)) STRICT;
INSERT INTO il SELECT invoice_id, line, kind, description, quantity_minutes,
  unit_price, amount, task_id, package_invoice_id FROM invoice_line; DROP TABLE invoice_line;
ALTER TABLE il RENAME TO invoice_line;
CREATE UNIQUE INDEX invoice_line_fee ON invoice_line (package_invoice_id)
  WHERE package_invoice_id IS NOT NULL;
CREATE UNIQUE INDEX invoice_line_penalty ON invoice_line (task_id)
  WHERE kind = '"'penalty'"';
DROP TABLE sales; DROP TABLE sales_share;'
V15='DROP TABLE timer;'
V16='DROP TABLE person_rate; DROP TABLE project_rate;
CREATE TABLE wo (withdrawal_id INTEGER PRIMARY KEY REFERENCES withdrawal (id),
  outcome TEXT NOT NULL CHECK (outcome IN ('"'paid'"', '"'rejected'"')),
  reason TEXT, day TEXT NOT NULL, actor TEXT NOT NULL, created TEXT NOT NULL,
  CHECK ((outcome = '"'rejected'"') = (reason IS NOT NULL))) STRICT;
INSERT INTO wo SELECT * FROM withdrawal_outcome; DROP TABLE withdrawal_outcome;
ALTER TABLE wo RENAME TO withdrawal_outcome;'
V14='ALTER TABLE task DROP COLUMN overage;'
V13='DELETE FROM setting WHERE key = '"'book.id'"';'
V12='CREATE INDEX entry_package ON entry (package_id);'
V11='ALTER TABLE client DROP COLUMN lang;'
V10='DROP TABLE package_month; DROP TABLE person_earned;'
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
sql "$V20 $V19 $V18 $V17 $V16 $V15 $V14 $V13 $V12 $V11 $V10 $V9 $V8 $V7 $V6 $V5 $V4 $V3 $V2 PRAGMA user_version = 1" >/dev/null
expect_eq "a version-1 book" "1" "$(sql 'PRAGMA user_version')"
expect_exit 74 task-list
expect_err "a reader says who upgrades" "the next writing command"
expect_eq "a read changes nothing" "1" "$(sql 'PRAGMA user_version')"
TZ=America/Sao_Paulo expect_exit 0 task-add --project p "After the migration"
expect_eq "migrated by a write" "$now" "$(sql 'PRAGMA user_version')"
expect_eq "tables added" "batch comment entry package request_key task timer" "$(sql "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('task', 'comment', 'package', 'entry', 'batch', 'request_key', 'timer') ORDER BY name)")"
expect_eq "data kept" "acme p" "$(sql "SELECT c.name || ' ' || j.code FROM client c JOIN project j ON j.client_id = c.id")"
expect_eq "the upgrader's zone became the book's" "America/Sao_Paulo" "$(sql "SELECT value FROM setting WHERE key = 'timezone'")"
expect_eq "an upgraded book gets its identity (book.id)" 32 "$(sql "SELECT length(value) FROM setting WHERE key = 'book.id' AND value GLOB '[0-9a-f]*'")"
expect_eq "integrity" ok "$(book_integrity)"
expect_exit 0 task-list

# Schema 2 (tasks, no packages) forward, keeping the tasks.
sqlite3 "$T/fresh.db" "INSERT INTO task (project_id, kind, title, status, created, updated) VALUES (1, 'activity', 'Old task', 'open', 'x', 'x'); $V20 $V19 $V18 $V17 $V16 $V15 $V14 $V13 $V12 $V11 $V10 $V9 $V8 $V7 $V6 $V5 $V4 $V3 PRAGMA user_version = 2"
expect_exit 0 holiday-add --db "$T/fresh.db" 2026-12-25 Christmas
expect_exit 0 task-list --db "$T/fresh.db"
expect_eq "2 -> now" "$now" "$(sqlite3 "$T/fresh.db" 'PRAGMA user_version')"
grep -q ',Old task,open,' "$T/out" && ok "tasks kept" || not_ok "tasks kept"

# A migration that cannot finish leaves the book as it was: here the
# version-1 book already holds a table the migration would create.
cp "$HOURBOOK_DB" "$T/v1.db"
sqlite3 "$T/v1.db" "$V20 $V19 $V18 $V17 $V16 $V15 $V14 $V13 $V12 $V11 $V10 $V9 $V8 $V7 $V6 $V5 $V4 $V3 $V2 PRAGMA user_version = 1; CREATE TABLE comment (x)"
expect_exit 74 client-add --db "$T/v1.db" other
expect_eq "failed migration rolled back" "1" "$(sqlite3 "$T/v1.db" 'PRAGMA user_version')"
expect_eq "nothing half-made" "0" "$(sqlite3 "$T/v1.db" "SELECT count(*) FROM sqlite_master WHERE name IN ('task', 'package')")"

# Schema 9 -> 10 builds the summaries from the ledger: what each package
# drew each month, what each freelancer earned per currency.  The
# balances and the withdrawal status read them, and read the same after.
export HOURBOOK_DB="$T/v9.db" HOURBOOK_USER=maria
client-add -q acme >/dev/null
member-add -q --role staff maria >/dev/null
project-add -q --client acme p >/dev/null
client-add -q --currency USD bigco >/dev/null
project-add -q --client bigco --model self-service app >/dev/null
member-add -q --rate 20 bruno >/dev/null
member-add -q --project p bruno >/dev/null
member-add -q --project app bruno >/dev/null
HOURBOOK_NOW=2026-09-01T09:00:00Z package-add -q --project p --hours 100 >/dev/null
package-set -q --invoiced --date 2026-09-01 1 >/dev/null
package-set -q --paid --date 2026-09-01 1 >/dev/null
task-add -q --project p --assign bruno "Site" >/dev/null
task-add -q --project app --assign bruno "App" >/dev/null
printf 'task,minutes,date,person\n1,2h,2026-09-10,bruno\n1,90m,2026-10-05,bruno\n2,1h,2026-10-06,bruno\n1,1h,2026-11-02,bruno\n' >"$T/sheet.csv"
HOURBOOK_NOW=2026-11-03T09:00:00Z hours-log -q --csv "$T/sheet.csv" >/dev/null
HOURBOOK_NOW=2026-11-03T10:00:00Z report-export balances >"$T/balances-10"
HOURBOOK_NOW=2026-11-03T10:00:00Z withdraw --as bruno --status >"$T/status-10"
sql "SELECT * FROM package_month ORDER BY 1, 2; SELECT * FROM person_earned ORDER BY 1, 2" >"$T/summaries-10"
sql "$V20 $V19 $V18 $V17 $V16 $V15 $V14 $V13 $V12 $V11 $V10 PRAGMA user_version = 9" >/dev/null
HOURBOOK_NOW=2026-11-03T10:00:00Z expect_exit 74 report-export balances
HOURBOOK_NOW=2026-11-03T10:00:00Z expect_exit 0 holiday-add 2026-12-08 Immacolata
expect_eq "9 -> now" "$now" "$(sql 'PRAGMA user_version')"
sql "SELECT * FROM package_month ORDER BY 1, 2; SELECT * FROM person_earned ORDER BY 1, 2" >"$T/summaries"
expect_eq "the summaries built as the commands wrote them" "$(cat "$T/summaries-10")" "$(cat "$T/summaries")"
expect_eq "three months drawn, two currencies earned" "1|2026-09-01|120
1|2026-10-01|90
1|2026-11-01|60
2|EUR|9000
2|USD|2000" "$(sql "SELECT package_id, month, minutes FROM package_month ORDER BY 1, 2; SELECT p.id, e.currency, e.earned FROM person_earned e JOIN person p ON p.id = e.person_id ORDER BY 1, 2")"
HOURBOOK_NOW=2026-11-03T10:00:00Z report-export balances >"$T/balances"
expect_eq "the same balances" "$(cat "$T/balances-10")" "$(cat "$T/balances")"
HOURBOOK_NOW=2026-11-03T10:00:00Z withdraw --as bruno --status >"$T/status"
expect_eq "the same withdrawal status" "$(cat "$T/status-10")" "$(cat "$T/status")"
HOURBOOK_NOW=2026-11-03T10:00:00Z expect_exit 0 book-check

# Schema 15 -> 16 makes the rate histories of the rates the book holds,
# each from the beginning, and keeps every withdrawal's outcome.
book-config withdraw.minimum 10 >/dev/null
HOURBOOK_NOW=2026-11-03T10:00:00Z withdraw -q --as bruno --currency EUR 50 >/dev/null
HOURBOOK_NOW=2026-11-03T10:00:00Z withdraw -q --reject --reason "wrong account" 1 >/dev/null
HOURBOOK_NOW=2026-11-03T10:00:00Z report-export earnings >"$T/earnings-16"
sql "$V20 $V19 $V18 $V17 $V16 $V15 PRAGMA user_version = 14" >/dev/null
expect_eq "at 14: no rate history" "0" "$(sql "SELECT count(*) FROM sqlite_master WHERE name IN ('person_rate', 'project_rate')")"
HOURBOOK_NOW=2026-11-03T10:00:00Z expect_exit 0 holiday-add 2026-12-26 "Santo Stefano"
expect_eq "14 -> now" "$now" "$(sql 'PRAGMA user_version')"
expect_eq "a freelancer's rate and each project's, from the beginning" "person bruno 0001-01-01 2000
project app 0001-01-01 0
project p 0001-01-01 0" "$(sql "SELECT 'person', p.handle, r.from_day, r.rate FROM person_rate r JOIN person p ON p.id = r.person_id UNION ALL SELECT 'project', j.code, r.from_day, r.rate FROM project_rate r JOIN project j ON j.id = r.project_id ORDER BY 1, 2" | tr '|' ' ')"
expect_eq "the outcomes kept" "1|rejected|wrong account" "$(sql "SELECT withdrawal_id, outcome, reason FROM withdrawal_outcome")"
HOURBOOK_NOW=2026-11-03T10:00:00Z withdraw -q --as bruno --currency EUR 50 >/dev/null
HOURBOOK_NOW=2026-11-03T10:00:00Z expect_exit 0 withdraw --as bruno --cancel 2
expect_eq "a request of the migrated book is cancelled" "cancelled" "$(csv_col status <"$T/out")"
HOURBOOK_NOW=2026-11-03T10:00:00Z report-export earnings >"$T/earnings"
expect_eq "the same earnings" "$(cat "$T/earnings-16")" "$(cat "$T/earnings")"
HOURBOOK_NOW=2026-11-03T10:00:00Z expect_exit 0 book-check

# Schema 16 -> 17 adds the sales-share tables and makes invoice_line
# again (its kinds take minimum and share), keeping every line and its
# unique indexes.
HOURBOOK_NOW=2026-11-10T10:00:00Z package-add -q --project p --hours 1 >"$T/out"
HOURBOOK_NOW=2026-11-10T10:00:00Z package-set -q --invoiced "$(csv_col package <"$T/out")" >/dev/null
HOURBOOK_NOW=2026-12-02T10:00:00Z billing-run -q --month 2026-11 >/dev/null
HOURBOOK_NOW=2026-12-02T10:00:00Z report-export invoices >"$T/invoices-17"
sql "$V20 $V19 $V18 $V17 PRAGMA user_version = 16" >/dev/null
expect_eq "at 16: no sales tables" "0" "$(sql "SELECT count(*) FROM sqlite_master WHERE name IN ('sales', 'sales_share', 'invoice_line_minimum')")"
HOURBOOK_NOW=2026-12-02T10:00:00Z expect_exit 0 holiday-add 2027-01-06 Epifania
expect_eq "16 -> now" "$now" "$(sql 'PRAGMA user_version')"
HOURBOOK_NOW=2026-12-02T10:00:00Z report-export invoices >"$T/invoices"
expect_eq "the same invoice lines" "$(cat "$T/invoices-17")" "$(cat "$T/invoices")"
[ "$(wc -l <"$T/invoices")" -gt 1 ] && ok "there were lines to keep" || not_ok "there were lines to keep"
expect_eq "the indexes of invoice_line" "invoice_line_deemed invoice_line_fee invoice_line_minimum invoice_line_penalty invoice_line_share invoice_line_voucher" "$(sql "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'invoice_line' AND sql IS NOT NULL ORDER BY name" | paste -sd' ' -)"
HOURBOOK_NOW=2026-12-02T10:00:00Z expect_exit 0 project-set --minimum-fee 100 --kpi-units 1 --share 10 --share-from 2026-11 --reason "a shop" p
HOURBOOK_NOW=2026-12-02T10:00:00Z expect_exit 0 sales-log --project p --month 2026-11 --units 3 --revenue 30
HOURBOOK_NOW=2026-12-02T10:00:00Z expect_exit 0 billing-run --month 2026-11
grep -q ',share,' "$T/out" && ok "the migrated book bills a share" || not_ok "the migrated book bills a share"
HOURBOOK_NOW=2026-12-02T10:00:00Z expect_exit 0 book-check

# Schema 17 -> 18 adds the project's support window and priority: none
# set (its plan's) for the projects there were.
sql "$V20 $V19 $V18 PRAGMA user_version = 17" >/dev/null
expect_eq "at 17: no support_hours" "0" "$(sql "SELECT count(*) FROM pragma_table_info('project') WHERE name IN ('support_hours', 'priority')")"
HOURBOOK_NOW=2026-12-02T10:00:00Z expect_exit 0 project-set --support-hours "Mon-Sat 08:00-20:00" --priority top --reason "migrated" p
expect_eq "17 -> now" "$now" "$(sql 'PRAGMA user_version')"
expect_eq "the window and priority stored" "Mon-Sat 08:00-20:00|top" "$(sql "SELECT support_hours || '|' || priority FROM project WHERE code = 'p'")"
HOURBOOK_NOW=2026-12-02T10:00:00Z expect_exit 0 book-check

# Schema 18 -> 19 adds the projects' deemed-delivery opt-in (off) and
# makes invoice_line again (its kinds take deemed), keeping every line.
HOURBOOK_NOW=2026-12-02T10:00:00Z report-export invoices >"$T/invoices-18"
sql "$V20 $V19 PRAGMA user_version = 18" >/dev/null
expect_eq "at 18: no opt-in column" "0" "$(sql "SELECT count(*) FROM pragma_table_info('project') WHERE name = 'deemed_delivery'")"
HOURBOOK_NOW=2026-12-02T10:00:00Z expect_exit 0 holiday-add 2027-01-07 "a day off"
expect_eq "18 -> now" "$now" "$(sql 'PRAGMA user_version')"
HOURBOOK_NOW=2026-12-02T10:00:00Z report-export invoices >"$T/invoices"
expect_eq "the same invoice lines at 19" "$(cat "$T/invoices-18")" "$(cat "$T/invoices")"
expect_eq "every project opted out" "0" "$(sql "SELECT count(*) FROM project WHERE deemed_delivery <> 0")"
expect_eq "the indexes of invoice_line at 19" "invoice_line_deemed invoice_line_fee invoice_line_minimum invoice_line_penalty invoice_line_share invoice_line_voucher" "$(sql "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'invoice_line' AND sql IS NOT NULL ORDER BY name" | paste -sd' ' -)"
expect_eq "the figures each line billed kept" "$(sql "SELECT count(*) FROM invoice_line WHERE sales_id IS NOT NULL")" "$(sql "SELECT count(*) FROM invoice_line WHERE kind IN ('minimum', 'share') AND description NOT LIKE '%no sales figures%'")"
HOURBOOK_NOW=2026-12-02T10:00:00Z expect_exit 0 project-set --deemed-delivery --reason "the contract says so" p
expect_eq "the opt-in on a migrated book" "yes" "$(csv_col deemed_delivery <"$T/out")"
HOURBOOK_NOW=2026-12-02T10:00:00Z expect_exit 0 book-check

# Schema 19 -> 20 adds the complaints and makes invoice_line again (the
# kind voucher, the complaint a credit redeems), keeping every line and
# its unique indexes.
HOURBOOK_NOW=2026-12-02T10:00:00Z report-export invoices >"$T/invoices-19"
sql "$V20 PRAGMA user_version = 19" >/dev/null
expect_eq "at 19: no complaints" "0" "$(sql "SELECT count(*) FROM sqlite_master WHERE name IN ('complaint', 'invoice_line_voucher')")"
HOURBOOK_NOW=2026-12-02T10:00:00Z expect_exit 0 holiday-add 2027-04-25 Liberazione
expect_eq "19 -> now" "$now" "$(sql 'PRAGMA user_version')"
HOURBOOK_NOW=2026-12-02T10:00:00Z report-export invoices >"$T/invoices"
expect_eq "the same invoice lines at 20" "$(cat "$T/invoices-19")" "$(cat "$T/invoices")"
expect_eq "the indexes of invoice_line at 20" "invoice_line_deemed invoice_line_fee invoice_line_minimum invoice_line_penalty invoice_line_share invoice_line_voucher" "$(sql "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'invoice_line' AND sql IS NOT NULL ORDER BY name" | paste -sd' ' -)"
expect_eq "the figures each line billed kept at 20" "$(sql "SELECT count(*) FROM invoice_line WHERE kind IN ('minimum', 'share') AND description NOT LIKE '%no sales figures%'")" "$(sql "SELECT count(*) FROM invoice_line WHERE sales_id IS NOT NULL")"
HOURBOOK_NOW=2026-12-02T10:00:00Z expect_exit 0 task-add --project p "Logo"
HOURBOOK_NOW=2026-12-02T10:00:00Z expect_exit 0 complaint --task "$(csv_col task <"$T/out")" --reason "wrong colours"
HOURBOOK_NOW=2026-12-02T10:00:00Z expect_exit 0 complaint --accept 1 --money 5
HOURBOOK_NOW=2026-12-02T10:00:00Z expect_exit 0 book-check
export HOURBOOK_DB="$T/book.db" HOURBOOK_USER=tester

# A book newer than this hourbook is refused, not touched.
sql "PRAGMA user_version = 999" >/dev/null
expect_exit 74 task-list
expect_err "newer book refused" "newer than this hourbook understands"
expect_exit 74 task-add --project p "x"
expect_eq "still 999" 999 "$(sql 'PRAGMA user_version')"

finish
