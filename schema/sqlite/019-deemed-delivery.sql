-- 18 -> 19: deemed delivery (seed 001: "if we have not received the
-- information before the end of the contract term, the service is
-- considered rendered in full and accepted in full").
--
-- A project opts in (project-add/project-set --deemed-delivery): at the
-- end of its contract term billing-run makes each of its tasks still
-- blocked done, as deemed delivered.  Pausing a blocked task (task-set
-- --pause) is an event, not a column.  The invoice of the month says so
-- in a line 'deemed' of amount 0, one per task.  SQLite cannot change a
-- CHECK in place: the table is made again, rows kept.
ALTER TABLE project ADD COLUMN deemed_delivery INTEGER NOT NULL DEFAULT 0
  CHECK (deemed_delivery IN (0, 1));
CREATE TABLE invoice_line_19 (
  invoice_id INTEGER NOT NULL REFERENCES invoice (id),
  line INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('fee', 'overage', 'penalty',
  'minimum', 'share', 'deemed')),
  description TEXT NOT NULL,
  quantity_minutes INTEGER,
  unit_price INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  task_id INTEGER REFERENCES task (id),
  package_invoice_id INTEGER REFERENCES package_invoice (id),
  sales_id INTEGER REFERENCES sales (id),
  CHECK (sales_id IS NULL OR kind IN ('minimum', 'share')),
  PRIMARY KEY (invoice_id, line)) STRICT;
INSERT INTO invoice_line_19 (invoice_id, line, kind, description,
  quantity_minutes, unit_price, amount, task_id, package_invoice_id,
  sales_id) SELECT invoice_id, line, kind, description, quantity_minutes,
  unit_price, amount, task_id, package_invoice_id, sales_id
  FROM invoice_line;
DROP TABLE invoice_line;
ALTER TABLE invoice_line_19 RENAME TO invoice_line;
CREATE UNIQUE INDEX invoice_line_fee ON invoice_line (package_invoice_id)
  WHERE package_invoice_id IS NOT NULL;
CREATE UNIQUE INDEX invoice_line_penalty ON invoice_line (task_id)
  WHERE kind = 'penalty';
CREATE UNIQUE INDEX invoice_line_minimum ON invoice_line (invoice_id)
  WHERE kind = 'minimum';
CREATE UNIQUE INDEX invoice_line_share ON invoice_line (sales_id)
  WHERE kind = 'share';
-- A task is deemed delivered once.
CREATE UNIQUE INDEX invoice_line_deemed ON invoice_line (task_id)
  WHERE kind = 'deemed';
