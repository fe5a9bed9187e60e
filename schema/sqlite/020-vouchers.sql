-- 19 -> 20: complaints and the vouchers that settle them (seed 003:
-- "all disputes supported by valid reasons are refunded in vouchers").
--
-- A complaint is on a task (its project's client is the one it is
-- for); staff decide it once: rejected, or accepted with a voucher of
-- hours (minutes) or money (amount, in cents, the client's currency).
-- expires is the last day the voucher can be redeemed (voucher.days
-- after the acceptance; NULL: never).  An hours voucher is loaded on
-- one package payment: package_id and period say which (the load is a
-- row of hours_ledger of that period); a money voucher is credited by
-- invoice lines of kind 'voucher' that name it (complaint_id), until
-- the credits add up to its amount.
CREATE TABLE complaint (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES task (id),
  reason TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'rejected')),
  actor TEXT NOT NULL,
  created TEXT NOT NULL,
  decision TEXT,
  decided_by TEXT,
  decided TEXT,
  minutes INTEGER CHECK (minutes > 0),
  amount INTEGER CHECK (amount > 0),
  expires TEXT,
  package_id INTEGER REFERENCES package (id),
  period INTEGER,
  CHECK ((status = 'open') = (decided IS NULL) AND
  (decided IS NULL) = (decided_by IS NULL)),
  CHECK ((status = 'accepted') = (minutes IS NOT NULL OR amount IS NOT NULL)
  AND (minutes IS NULL OR amount IS NULL)),
  CHECK (expires IS NULL OR status = 'accepted'),
  CHECK ((package_id IS NULL) = (period IS NULL) AND
  (package_id IS NULL OR minutes IS NOT NULL))) STRICT;
CREATE INDEX complaint_task ON complaint (task_id);
-- invoice_line takes the kind 'voucher' (a credit, negative) and the
-- complaint whose voucher it redeems: made again, rows kept.
CREATE TABLE invoice_line_20 (
  invoice_id INTEGER NOT NULL REFERENCES invoice (id),
  line INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('fee', 'overage', 'penalty',
  'minimum', 'share', 'deemed', 'voucher')),
  description TEXT NOT NULL,
  quantity_minutes INTEGER,
  unit_price INTEGER NOT NULL,
  amount INTEGER NOT NULL,
  task_id INTEGER REFERENCES task (id),
  package_invoice_id INTEGER REFERENCES package_invoice (id),
  sales_id INTEGER REFERENCES sales (id),
  complaint_id INTEGER REFERENCES complaint (id),
  CHECK (sales_id IS NULL OR kind IN ('minimum', 'share')),
  CHECK ((kind = 'voucher') = (complaint_id IS NOT NULL)),
  PRIMARY KEY (invoice_id, line)) STRICT;
INSERT INTO invoice_line_20 (invoice_id, line, kind, description,
  quantity_minutes, unit_price, amount, task_id, package_invoice_id,
  sales_id) SELECT invoice_id, line, kind, description, quantity_minutes,
  unit_price, amount, task_id, package_invoice_id, sales_id
  FROM invoice_line;
DROP TABLE invoice_line;
ALTER TABLE invoice_line_20 RENAME TO invoice_line;
CREATE UNIQUE INDEX invoice_line_fee ON invoice_line (package_invoice_id)
  WHERE package_invoice_id IS NOT NULL;
CREATE UNIQUE INDEX invoice_line_penalty ON invoice_line (task_id)
  WHERE kind = 'penalty';
CREATE UNIQUE INDEX invoice_line_minimum ON invoice_line (invoice_id)
  WHERE kind = 'minimum';
CREATE UNIQUE INDEX invoice_line_share ON invoice_line (sales_id)
  WHERE kind = 'share';
CREATE UNIQUE INDEX invoice_line_deemed ON invoice_line (task_id)
  WHERE kind = 'deemed';
-- A voucher is credited at most once on an invoice.
CREATE UNIQUE INDEX invoice_line_voucher ON invoice_line (invoice_id,
  complaint_id) WHERE complaint_id IS NOT NULL;
