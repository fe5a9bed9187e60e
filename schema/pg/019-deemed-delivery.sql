-- 18 -> 19: deemed delivery (see schema/sqlite/019-deemed-delivery.sql).
ALTER TABLE project ADD COLUMN deemed_delivery bigint NOT NULL DEFAULT 0
  CHECK (deemed_delivery IN (0, 1));
ALTER TABLE invoice_line
  DROP CONSTRAINT invoice_line_kind_check,
  ADD CONSTRAINT invoice_line_kind_check
    CHECK (kind IN ('fee', 'overage', 'penalty', 'minimum', 'share',
      'deemed'));
CREATE UNIQUE INDEX invoice_line_deemed ON invoice_line (task_id)
  WHERE kind = 'deemed';
