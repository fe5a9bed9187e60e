-- 13 -> 14: a task's overage minutes (see
-- schema/sqlite/014-task-overage.sql).
ALTER TABLE task ADD COLUMN overage bigint NOT NULL DEFAULT 0;
UPDATE task SET overage = (SELECT coalesce(sum(overage), 0) FROM entry
  WHERE task_id = task.id);
