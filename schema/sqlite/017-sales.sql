-- 16 -> 17: sales-share agreements (seed 001) and the monthly sales
-- figures they are billed on.
--
-- An agreement's terms are a history, like a rate (schema 16): each row
-- holds from its month on, until the next row's month.  A row with no
-- terms (every term NULL) ends the agreement from its month.  minimum is
-- the monthly minimum fee in cents; kpi says what the threshold counts:
-- units sold, or revenue in cents; percent is in basis points (at most
-- 100%); cap, optional, is the most the share may be in a month.
CREATE TABLE sales_share (
  project_id INTEGER NOT NULL REFERENCES project (id),
  from_month TEXT NOT NULL
  CHECK (from_month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
  minimum INTEGER CHECK (minimum >= 0),
  kpi TEXT CHECK (kpi IN ('units', 'revenue')),
  threshold INTEGER CHECK (threshold >= 0),
  percent INTEGER CHECK (percent BETWEEN 0 AND 10000),
  cap INTEGER CHECK (cap >= 0),
  CHECK ((minimum IS NULL) = (kpi IS NULL) AND
  (threshold IS NULL) = (kpi IS NULL) AND (percent IS NULL) = (kpi IS NULL)
  AND (cap IS NULL OR kpi IS NOT NULL)),
  PRIMARY KEY (project_id, from_month)) STRICT;
-- The client's figures for a month (sales-log): a ledger, never updated;
-- a correction is a reversing row (negated figures) that points at the
-- row it reverses, and the month's figures are the sum of its rows.
-- sales.c keeps at most one standing (unreversed) row per project and
-- month, and refuses a month not ended or billed already.
CREATE TABLE sales (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES project (id),
  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
  units INTEGER NOT NULL,
  revenue INTEGER NOT NULL,
  note TEXT,
  reverses INTEGER UNIQUE REFERENCES sales (id),
  reason TEXT,
  actor TEXT NOT NULL,
  created TEXT NOT NULL,
  CHECK ((reverses IS NULL AND units >= 0 AND revenue >= 0) OR
  (reverses IS NOT NULL AND units <= 0 AND revenue <= 0))) STRICT;
CREATE INDEX sales_month ON sales (project_id, month);
-- billing-run bills an agreement's month on the project's invoice of the
-- month without a package: a line 'minimum' (the minimum fee, with the
-- figures) and, above the threshold, a line 'share'.  sales_id is the
-- row of figures a line billed: on 'minimum' the figures it was billed
-- with (NULL: none had come, billed at the minimum), on 'share' the
-- figures its share comes from -- on a later invoice when they came
-- after the month was billed at the minimum.  A month's figures are
-- final once a line names them.  SQLite cannot change a CHECK in place:
-- the table is made again, rows kept.
CREATE TABLE invoice_line_17 (
  invoice_id INTEGER NOT NULL REFERENCES invoice (id),
  line INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('fee', 'overage', 'penalty',
  'minimum', 'share')),
  description TEXT NOT NULL,
  quantity_minutes INTEGER,
  unit_price INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  task_id INTEGER REFERENCES task (id),
  package_invoice_id INTEGER REFERENCES package_invoice (id),
  sales_id INTEGER REFERENCES sales (id),
  CHECK (sales_id IS NULL OR kind IN ('minimum', 'share')),
  PRIMARY KEY (invoice_id, line)) STRICT;
INSERT INTO invoice_line_17 (invoice_id, line, kind, description,
  quantity_minutes, unit_price, amount, task_id, package_invoice_id)
  SELECT invoice_id, line, kind, description, quantity_minutes,
  unit_price, amount, task_id, package_invoice_id FROM invoice_line;
DROP TABLE invoice_line;
ALTER TABLE invoice_line_17 RENAME TO invoice_line;
CREATE UNIQUE INDEX invoice_line_fee ON invoice_line (package_invoice_id)
  WHERE package_invoice_id IS NOT NULL;
CREATE UNIQUE INDEX invoice_line_penalty ON invoice_line (task_id)
  WHERE kind = 'penalty';
-- One minimum fee per invoice, and so (invoice_once) per project and
-- month.
CREATE UNIQUE INDEX invoice_line_minimum ON invoice_line (invoice_id)
  WHERE kind = 'minimum';
-- A row of figures is billed once: its share on one line.
CREATE UNIQUE INDEX invoice_line_share ON invoice_line (sales_id)
  WHERE kind = 'share';
