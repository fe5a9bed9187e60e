-- 17 -> 18: support windows and priority per project (see
-- schema/sqlite/018-support.sql).
ALTER TABLE project ADD COLUMN support_hours text COLLATE "C"
  CHECK (support_hours IS NULL OR length(support_hours) BETWEEN 1 AND 200);
ALTER TABLE project ADD COLUMN priority text COLLATE "C"
  CHECK (priority IS NULL OR priority IN ('top', 'normal'));
