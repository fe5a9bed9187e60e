-- A PostgreSQL book at schema 7: the same tables, columns and
-- constraints as a SQLite book migrated to 7 (a test compares them).
-- Text is COLLATE "C", so it sorts as SQLite sorts it, byte by byte;
-- every integer is a bigint, as SQLite's are; an id is the next after the
-- largest, given by the statement that inserts the row.
CREATE TABLE hourbook_schema (
  version bigint NOT NULL,
  application text COLLATE "C" NOT NULL);
CREATE TABLE setting (
  key text COLLATE "C" PRIMARY KEY,
  value text COLLATE "C" NOT NULL);
CREATE TABLE holiday (
  day text COLLATE "C" PRIMARY KEY
    CHECK (day ~ '^[0-9]{4}-[01][0-9]-[0-3][0-9]$'),
  name text COLLATE "C" NOT NULL DEFAULT '');
CREATE TABLE client (
  id bigint PRIMARY KEY,
  name text COLLATE "C" NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
  display_name text COLLATE "C" NOT NULL,
  email text COLLATE "C" NOT NULL DEFAULT '',
  currency text COLLATE "C" NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  contact_id bigint,
  created text COLLATE "C" NOT NULL);
CREATE TABLE person (
  id bigint PRIMARY KEY,
  handle text COLLATE "C" NOT NULL UNIQUE CHECK (length(handle) BETWEEN 1 AND 64),
  name text COLLATE "C" NOT NULL DEFAULT '',
  email text COLLATE "C" NOT NULL DEFAULT '',
  role text COLLATE "C" NOT NULL CHECK (role IN ('client', 'freelancer', 'staff')),
  rate bigint NOT NULL DEFAULT 0 CHECK (rate >= 0),
  client_id bigint REFERENCES client (id),
  created text COLLATE "C" NOT NULL,
  CHECK ((role = 'client') = (client_id IS NOT NULL)));
ALTER TABLE client ADD FOREIGN KEY (contact_id) REFERENCES person (id);
CREATE TABLE project (
  id bigint PRIMARY KEY,
  code text COLLATE "C" NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
  client_id bigint NOT NULL REFERENCES client (id),
  name text COLLATE "C" NOT NULL DEFAULT '',
  rate bigint NOT NULL DEFAULT 0 CHECK (rate >= 0),
  model text COLLATE "C" NOT NULL CHECK (model IN ('package', 'self-service')),
  penalty_base bigint CHECK (penalty_base BETWEEN 0 AND 10000),
  penalty_daily bigint CHECK (penalty_daily BETWEEN 0 AND 10000),
  created text COLLATE "C" NOT NULL,
  CHECK ((penalty_base IS NULL) = (penalty_daily IS NULL)));
CREATE TABLE project_setting (
  project_id bigint NOT NULL REFERENCES project (id),
  key text COLLATE "C" NOT NULL,
  value text COLLATE "C" NOT NULL,
  PRIMARY KEY (project_id, key));
CREATE TABLE member (
  project_id bigint NOT NULL REFERENCES project (id),
  person_id bigint NOT NULL REFERENCES person (id),
  joined text COLLATE "C" NOT NULL,
  left_at text COLLATE "C",
  PRIMARY KEY (project_id, person_id));
CREATE INDEX member_person ON member (person_id);
CREATE TABLE event (
  id bigint PRIMARY KEY,
  at text COLLATE "C" NOT NULL,
  actor text COLLATE "C" NOT NULL,
  entity text COLLATE "C" NOT NULL,
  key text COLLATE "C" NOT NULL,
  what text COLLATE "C" NOT NULL,
  old text COLLATE "C",
  new text COLLATE "C",
  reason text COLLATE "C");
CREATE INDEX event_entity ON event (entity, key);
CREATE TABLE task (
  id bigint PRIMARY KEY,
  project_id bigint NOT NULL REFERENCES project (id),
  kind text COLLATE "C" NOT NULL CHECK (kind IN ('idea', 'request', 'activity')),
  title text COLLATE "C" NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
  description text COLLATE "C" NOT NULL DEFAULT '',
  status text COLLATE "C" NOT NULL CHECK (status IN ('idea', 'requested',
    'estimated', 'open', 'approved', 'in-progress', 'blocked',
    'delivered', 'revision', 'done', 'rejected', 'cancelled')),
  blocked_from text COLLATE "C" CHECK ((status = 'blocked') =
    (blocked_from IS NOT NULL)),
  assignee_id bigint REFERENCES person (id),
  estimate bigint CHECK (estimate >= 0),
  due text COLLATE "C" CHECK (due ~ '^[0-9]{4}-[01][0-9]-[0-3][0-9]$'),
  due_kind text COLLATE "C" NOT NULL DEFAULT 'flexible'
    CHECK (due_kind IN ('rigid', 'flexible')),
  urgent bigint NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
  extra bigint NOT NULL DEFAULT 0 CHECK (extra IN (0, 1)),
  fee bigint CHECK (fee >= 0),
  created text COLLATE "C" NOT NULL,
  updated text COLLATE "C" NOT NULL,
  worked bigint NOT NULL DEFAULT 0,
  billed bigint NOT NULL DEFAULT 0);
CREATE INDEX task_project ON task (project_id, status);
CREATE INDEX task_assignee ON task (assignee_id, status);
CREATE TABLE comment (
  id bigint PRIMARY KEY,
  task_id bigint NOT NULL REFERENCES task (id),
  author text COLLATE "C" NOT NULL,
  body text COLLATE "C" NOT NULL CHECK (length(body) > 0),
  reply_to bigint REFERENCES comment (id),
  created text COLLATE "C" NOT NULL);
CREATE INDEX comment_task ON comment (task_id, id);
CREATE TABLE package (
  id bigint PRIMARY KEY,
  project_id bigint NOT NULL REFERENCES project (id),
  plan text COLLATE "C" NOT NULL CHECK (plan IN ('standard', 'monthly', 'upfront')),
  minutes bigint NOT NULL CHECK (minutes > 0),
  bonus_minutes bigint NOT NULL CHECK (bonus_minutes >= 0),
  discount bigint NOT NULL CHECK (discount BETWEEN 0 AND 10000),
  bonus bigint NOT NULL CHECK (bonus >= 0),
  months bigint CHECK (months >= 3),
  rate bigint NOT NULL CHECK (rate >= 0),
  price bigint NOT NULL CHECK (price >= 0),
  expires text COLLATE "C",
  lapse bigint NOT NULL DEFAULT 0 CHECK (lapse IN (0, 1)),
  status text COLLATE "C" NOT NULL CHECK (status IN ('quoted', 'invoiced',
    'active', 'closed')),
  created text COLLATE "C" NOT NULL,
  start_month text COLLATE "C" CHECK (start_month ~ '^[0-9]{4}-[01][0-9]$'),
  closed_on text COLLATE "C",
  CHECK ((plan = 'monthly') = (months IS NOT NULL)),
  CHECK (plan = 'monthly' OR lapse = 0));
CREATE INDEX package_project ON package (project_id, status);
CREATE TABLE package_invoice (
  id bigint PRIMARY KEY,
  package_id bigint NOT NULL REFERENCES package (id),
  period bigint NOT NULL CHECK (period >= 1),
  amount bigint NOT NULL CHECK (amount >= 0),
  issued text COLLATE "C" NOT NULL,
  UNIQUE (package_id, period));
CREATE TABLE package_payment (
  id bigint PRIMARY KEY,
  package_id bigint NOT NULL REFERENCES package (id),
  period bigint NOT NULL,
  paid text COLLATE "C" NOT NULL,
  UNIQUE (package_id, period),
  FOREIGN KEY (package_id, period)
    REFERENCES package_invoice (package_id, period));
CREATE TABLE hours_ledger (
  id bigint PRIMARY KEY,
  package_id bigint NOT NULL REFERENCES package (id),
  kind text COLLATE "C" NOT NULL CHECK (kind IN ('load', 'lapse')),
  minutes bigint NOT NULL CHECK ((kind = 'load') = (minutes > 0)),
  period bigint,
  day text COLLATE "C" NOT NULL);
CREATE INDEX hours_ledger_package ON hours_ledger (package_id);
CREATE UNIQUE INDEX hours_ledger_lapse ON hours_ledger (package_id, period)
  WHERE kind = 'lapse' AND period IS NOT NULL;
CREATE TABLE entry (
  id bigint PRIMARY KEY,
  task_id bigint NOT NULL REFERENCES task (id),
  person_id bigint NOT NULL REFERENCES person (id),
  day text COLLATE "C" NOT NULL,
  minutes bigint NOT NULL CHECK (minutes <> 0),
  billable bigint NOT NULL,
  overage bigint NOT NULL DEFAULT 0,
  package_id bigint REFERENCES package (id),
  package_minutes bigint NOT NULL DEFAULT 0,
  earned bigint NOT NULL DEFAULT 0,
  note text COLLATE "C" NOT NULL DEFAULT '',
  reverses bigint REFERENCES entry (id),
  reason text COLLATE "C",
  actor text COLLATE "C" NOT NULL,
  created text COLLATE "C" NOT NULL,
  ref text COLLATE "C",
  CHECK ((reverses IS NULL) = (minutes > 0)));
CREATE INDEX entry_task ON entry (task_id);
CREATE INDEX entry_person ON entry (person_id, day);
CREATE INDEX entry_package ON entry (package_id);
CREATE UNIQUE INDEX entry_reverses ON entry (reverses)
  WHERE reverses IS NOT NULL;
CREATE UNIQUE INDEX entry_ref ON entry (person_id, ref)
  WHERE ref IS NOT NULL;
CREATE TABLE entry_split (
  entry_id bigint NOT NULL REFERENCES entry (id),
  package_id bigint NOT NULL REFERENCES package (id),
  minutes bigint NOT NULL);
CREATE INDEX entry_split_package ON entry_split (package_id);
CREATE INDEX entry_split_entry ON entry_split (entry_id);
CREATE TABLE money_ledger (
  id bigint PRIMARY KEY,
  person_id bigint NOT NULL REFERENCES person (id),
  kind text COLLATE "C" NOT NULL CHECK (kind IN ('fee')),
  amount bigint NOT NULL,
  task_id bigint REFERENCES task (id),
  day text COLLATE "C" NOT NULL,
  created text COLLATE "C" NOT NULL,
  currency text COLLATE "C" NOT NULL DEFAULT 'EUR'
    CHECK (currency ~ '^[A-Z]{3}$'));
CREATE INDEX money_ledger_person ON money_ledger (person_id);
CREATE TABLE withdrawal (
  id bigint PRIMARY KEY,
  person_id bigint NOT NULL REFERENCES person (id),
  amount bigint NOT NULL CHECK (amount > 0),
  requested text COLLATE "C" NOT NULL,
  month text COLLATE "C" NOT NULL CHECK (month ~ '^[0-9]{4}-[01][0-9]$'),
  due text COLLATE "C" NOT NULL,
  key text COLLATE "C",
  actor text COLLATE "C" NOT NULL,
  currency text COLLATE "C" NOT NULL DEFAULT 'EUR'
    CHECK (currency ~ '^[A-Z]{3}$'),
  UNIQUE (person_id, key));
CREATE INDEX withdrawal_person ON withdrawal (person_id, month);
CREATE TABLE withdrawal_outcome (
  withdrawal_id bigint PRIMARY KEY REFERENCES withdrawal (id),
  outcome text COLLATE "C" NOT NULL CHECK (outcome IN ('paid', 'rejected')),
  reason text COLLATE "C",
  day text COLLATE "C" NOT NULL,
  actor text COLLATE "C" NOT NULL,
  created text COLLATE "C" NOT NULL,
  CHECK ((outcome = 'rejected') = (reason IS NOT NULL)));
CREATE TABLE invoice (
  id bigint PRIMARY KEY,
  project_id bigint NOT NULL REFERENCES project (id),
  package_id bigint REFERENCES package (id),
  period text COLLATE "C" NOT NULL CHECK (period ~ '^[0-9]{4}-[01][0-9]$'),
  currency text COLLATE "C" NOT NULL,
  created text COLLATE "C" NOT NULL);
CREATE UNIQUE INDEX invoice_once ON invoice
  (project_id, period, coalesce(package_id, 0));
CREATE TABLE invoice_line (
  invoice_id bigint NOT NULL REFERENCES invoice (id),
  line bigint NOT NULL,
  kind text COLLATE "C" NOT NULL CHECK (kind IN ('fee', 'overage', 'penalty')),
  description text COLLATE "C" NOT NULL,
  quantity_minutes bigint,
  unit_price bigint NOT NULL,
  amount bigint NOT NULL,
  task_id bigint REFERENCES task (id),
  package_invoice_id bigint REFERENCES package_invoice (id),
  PRIMARY KEY (invoice_id, line));
CREATE UNIQUE INDEX invoice_line_fee ON invoice_line (package_invoice_id)
  WHERE package_invoice_id IS NOT NULL;
CREATE UNIQUE INDEX invoice_line_penalty ON invoice_line (task_id)
  WHERE kind = 'penalty';
CREATE TABLE batch (
  id bigint PRIMARY KEY,
  command text COLLATE "C" NOT NULL,
  digest text COLLATE "C" NOT NULL,
  name text COLLATE "C" NOT NULL,
  records bigint NOT NULL,
  actor text COLLATE "C" NOT NULL,
  at text COLLATE "C" NOT NULL);
CREATE INDEX batch_digest ON batch (command, digest);
CREATE TABLE package_use (
  package_id bigint NOT NULL REFERENCES package (id),
  day text COLLATE "C" NOT NULL,
  minutes bigint NOT NULL,
  PRIMARY KEY (package_id, day));
INSERT INTO hourbook_schema (version, application) VALUES (7, 'hourbook');
