-- 19 -> 20: complaints and the vouchers that settle them (see
-- schema/sqlite/020-vouchers.sql).
CREATE TABLE complaint (
  id bigint PRIMARY KEY,
  task_id bigint NOT NULL REFERENCES task (id),
  reason text COLLATE "C" NOT NULL,
  status text COLLATE "C" NOT NULL
    CHECK (status IN ('open', 'accepted', 'rejected')),
  actor text COLLATE "C" NOT NULL,
  created text COLLATE "C" NOT NULL,
  decision text COLLATE "C",
  decided_by text COLLATE "C",
  decided text COLLATE "C",
  minutes bigint CHECK (minutes > 0),
  amount bigint CHECK (amount > 0),
  expires text COLLATE "C",
  package_id bigint REFERENCES package (id),
  period bigint,
  CHECK ((status = 'open') = (decided IS NULL) AND
    (decided IS NULL) = (decided_by IS NULL)),
  CHECK ((status = 'accepted') = (minutes IS NOT NULL OR amount IS NOT NULL)
    AND (minutes IS NULL OR amount IS NULL)),
  CHECK (expires IS NULL OR status = 'accepted'),
  CHECK ((package_id IS NULL) = (period IS NULL) AND
    (package_id IS NULL OR minutes IS NOT NULL)));
CREATE INDEX complaint_task ON complaint (task_id);
ALTER TABLE invoice_line
  ADD COLUMN complaint_id bigint REFERENCES complaint (id),
  DROP CONSTRAINT invoice_line_kind_check,
  ADD CONSTRAINT invoice_line_kind_check
    CHECK (kind IN ('fee', 'overage', 'penalty', 'minimum', 'share',
    'deemed', 'voucher')),
  ADD CONSTRAINT invoice_line_voucher_check
    CHECK ((kind = 'voucher') = (complaint_id IS NOT NULL));
CREATE UNIQUE INDEX invoice_line_voucher ON invoice_line (invoice_id,
  complaint_id) WHERE complaint_id IS NOT NULL;
