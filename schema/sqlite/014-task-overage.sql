-- 13 -> 14: a task keeps the minutes of its entries that no package
-- carried (their overage), beside its worked and billed minutes: the
-- client's sheet shows them per project without reading every entry.
ALTER TABLE task ADD COLUMN overage INTEGER NOT NULL DEFAULT 0;
UPDATE task SET overage = (SELECT coalesce(sum(overage), 0) FROM entry
  WHERE task_id = task.id);
