-- 2 -> 3: packages, their invoices and payments, the hours ledger,
-- time entries.
-- An entry is reversed at most once; only reversals are indexed.
CREATE TABLE package (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES project (id),
  plan TEXT NOT NULL CHECK (plan IN ('standard', 'monthly', 'upfront')),
  minutes INTEGER NOT NULL CHECK (minutes > 0),
  bonus_minutes INTEGER NOT NULL CHECK (bonus_minutes >= 0),
  discount INTEGER NOT NULL CHECK (discount BETWEEN 0 AND 10000),
  bonus INTEGER NOT NULL CHECK (bonus >= 0),
  months INTEGER CHECK (months >= 3),
  rate INTEGER NOT NULL CHECK (rate >= 0),
  price INTEGER NOT NULL CHECK (price >= 0),
  expires TEXT,
  lapse INTEGER NOT NULL DEFAULT 0 CHECK (lapse IN (0, 1)),
  status TEXT NOT NULL CHECK (status IN ('quoted', 'invoiced',
  'active', 'closed')),
  created TEXT NOT NULL,
  CHECK ((plan = 'monthly') = (months IS NOT NULL)),
  CHECK (plan = 'monthly' OR lapse = 0)) STRICT;
CREATE INDEX package_project ON package (project_id, status);
CREATE TABLE package_invoice (
  id INTEGER PRIMARY KEY,
  package_id INTEGER NOT NULL REFERENCES package (id),
  period INTEGER NOT NULL CHECK (period >= 1),
  amount INTEGER NOT NULL CHECK (amount >= 0),
  issued TEXT NOT NULL,
  UNIQUE (package_id, period)) STRICT;
CREATE TABLE package_payment (
  id INTEGER PRIMARY KEY,
  package_id INTEGER NOT NULL REFERENCES package (id),
  period INTEGER NOT NULL,
  paid TEXT NOT NULL,
  UNIQUE (package_id, period),
  FOREIGN KEY (package_id, period)
  REFERENCES package_invoice (package_id, period)) STRICT;
CREATE TABLE hours_ledger (
  id INTEGER PRIMARY KEY,
  package_id INTEGER NOT NULL REFERENCES package (id),
  kind TEXT NOT NULL CHECK (kind IN ('load', 'lapse')),
  minutes INTEGER NOT NULL CHECK ((kind = 'load') = (minutes > 0)),
  period INTEGER,
  day TEXT NOT NULL) STRICT;
CREATE INDEX hours_ledger_package ON hours_ledger (package_id);
CREATE TABLE entry (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES task (id),
  person_id INTEGER NOT NULL REFERENCES person (id),
  day TEXT NOT NULL,
  minutes INTEGER NOT NULL CHECK (minutes <> 0),
  billable INTEGER NOT NULL,
  overage INTEGER NOT NULL DEFAULT 0,
  package_id INTEGER REFERENCES package (id),
  package_minutes INTEGER NOT NULL DEFAULT 0,
  earned INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  reverses INTEGER REFERENCES entry (id),
  reason TEXT,
  actor TEXT NOT NULL,
  created TEXT NOT NULL,
  CHECK ((reverses IS NULL) = (minutes > 0))) STRICT;
CREATE INDEX entry_task ON entry (task_id);
CREATE INDEX entry_person ON entry (person_id, day);
CREATE INDEX entry_package ON entry (package_id);
CREATE UNIQUE INDEX entry_reverses ON entry (reverses)
  WHERE reverses IS NOT NULL;
CREATE TABLE entry_split (
  entry_id INTEGER NOT NULL REFERENCES entry (id),
  package_id INTEGER NOT NULL REFERENCES package (id),
  minutes INTEGER NOT NULL) STRICT;
CREATE INDEX entry_split_package ON entry_split (package_id);
CREATE INDEX entry_split_entry ON entry_split (entry_id);
