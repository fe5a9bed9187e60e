-- 4 -> 5: invoices from billing-run, at most one per project, month
-- and package; a package invoice and a task's penalty are billed once;
-- a month's lapse is recorded once.
CREATE TABLE invoice (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES project (id),
  package_id INTEGER REFERENCES package (id),
  period TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
  currency TEXT NOT NULL,
  created TEXT NOT NULL) STRICT;
CREATE UNIQUE INDEX invoice_once ON invoice
  (project_id, period, ifnull(package_id, 0));
CREATE TABLE invoice_line (
  invoice_id INTEGER NOT NULL REFERENCES invoice (id),
  line INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('fee', 'overage', 'penalty')),
  description TEXT NOT NULL,
  quantity_minutes INTEGER,
  unit_price INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  task_id INTEGER REFERENCES task (id),
  package_invoice_id INTEGER REFERENCES package_invoice (id),
  PRIMARY KEY (invoice_id, line)) STRICT;
CREATE UNIQUE INDEX invoice_line_fee ON invoice_line (package_invoice_id)
  WHERE package_invoice_id IS NOT NULL;
CREATE UNIQUE INDEX invoice_line_penalty ON invoice_line (task_id)
  WHERE kind = 'penalty';
CREATE UNIQUE INDEX hours_ledger_lapse ON hours_ledger (package_id, period)
  WHERE kind = 'lapse' AND period IS NOT NULL;
