-- 17 -> 18: support windows and priority per project (issue 20, part 2).
--
-- support_hours is the project's own support window (the syntax of the
-- support.hours setting, "24/7" included); NULL: the window of the plan
-- of its active package, else the book's support.hours.  priority is
-- 'top' or 'normal' as set by staff; NULL: from the plan (an active
-- package on the upfront plan is top priority).
ALTER TABLE project ADD COLUMN support_hours TEXT
  CHECK (support_hours IS NULL OR length(support_hours) BETWEEN 1 AND 200);
ALTER TABLE project ADD COLUMN priority TEXT
  CHECK (priority IS NULL OR priority IN ('top', 'normal'));
