-- 16 -> 17: sales-share agreements and the monthly sales figures (see
-- schema/sqlite/017-sales.sql).
CREATE TABLE sales_share (
  project_id bigint NOT NULL REFERENCES project (id),
  from_month text COLLATE "C" NOT NULL
    CHECK (from_month ~ '^[0-9]{4}-[01][0-9]$'),
  minimum bigint CHECK (minimum >= 0),
  kpi text COLLATE "C" CHECK (kpi IN ('units', 'revenue')),
  threshold bigint CHECK (threshold >= 0),
  percent bigint CHECK (percent BETWEEN 0 AND 10000),
  cap bigint CHECK (cap >= 0),
  CHECK ((minimum IS NULL) = (kpi IS NULL) AND
    (threshold IS NULL) = (kpi IS NULL) AND (percent IS NULL) = (kpi IS NULL)
    AND (cap IS NULL OR kpi IS NOT NULL)),
  PRIMARY KEY (project_id, from_month));
CREATE TABLE sales (
  id bigint PRIMARY KEY,
  project_id bigint NOT NULL REFERENCES project (id),
  month text COLLATE "C" NOT NULL CHECK (month ~ '^[0-9]{4}-[01][0-9]$'),
  units bigint NOT NULL,
  revenue bigint NOT NULL,
  note text COLLATE "C",
  reverses bigint UNIQUE REFERENCES sales (id),
  reason text COLLATE "C",
  actor text COLLATE "C" NOT NULL,
  created text COLLATE "C" NOT NULL,
  CHECK ((reverses IS NULL AND units >= 0 AND revenue >= 0) OR
    (reverses IS NOT NULL AND units <= 0 AND revenue <= 0)));
CREATE INDEX sales_month ON sales (project_id, month);
ALTER TABLE invoice_line
  DROP CONSTRAINT invoice_line_kind_check,
  ADD CONSTRAINT invoice_line_kind_check
    CHECK (kind IN ('fee', 'overage', 'penalty', 'minimum', 'share')),
  ADD COLUMN sales_id bigint REFERENCES sales (id),
  ADD CONSTRAINT invoice_line_sales_check
    CHECK (sales_id IS NULL OR kind IN ('minimum', 'share'));
CREATE UNIQUE INDEX invoice_line_minimum ON invoice_line (invoice_id)
  WHERE kind = 'minimum';
CREATE UNIQUE INDEX invoice_line_share ON invoice_line (sales_id)
  WHERE kind = 'share';
