-- 6 -> 7: one balance.  A package's lapses are computed from the
-- clock (expiry, a lapsing month's end, closing), not recorded by
-- billing-run: the lapse rows billing-run wrote stay as history and
-- are no longer read.  A monthly package knows the month of its
-- first period; a closed one the day it closed.  What the entries
-- drew from each package per day, and what each task has worked and
-- billed, are kept beside the ledger (derived rows, written with
-- every entry and checked by book-check), so balances read them
-- instead of every entry.
-- Money is per currency: a fee in its project's, a withdrawal in
-- the one requested (for the old ones: the one currency the person
-- earned in, else the book's).
ALTER TABLE package ADD COLUMN start_month TEXT
  CHECK (start_month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]');
ALTER TABLE package ADD COLUMN closed_on TEXT;
UPDATE package SET start_month = (SELECT substr(min(paid), 1, 7)
  FROM package_payment WHERE package_id = package.id)
  WHERE plan = 'monthly';
UPDATE package SET closed_on = coalesce((SELECT max(day) FROM hours_ledger
  WHERE package_id = package.id AND kind = 'lapse' AND period IS NULL),
  (SELECT substr(max(at), 1, 10) FROM event WHERE entity = 'package'
  AND key = CAST(package.id AS TEXT) AND what = 'status'
  AND new = 'closed'), substr(created, 1, 10))
  WHERE status = 'closed';
ALTER TABLE task ADD COLUMN worked INTEGER NOT NULL DEFAULT 0;
ALTER TABLE task ADD COLUMN billed INTEGER NOT NULL DEFAULT 0;
UPDATE task SET worked = (SELECT coalesce(sum(minutes), 0) FROM entry
  WHERE task_id = task.id), billed = (SELECT coalesce(sum(billable), 0)
  FROM entry WHERE task_id = task.id);
CREATE TABLE package_use (
  package_id INTEGER NOT NULL REFERENCES package (id),
  day TEXT NOT NULL,
  minutes INTEGER NOT NULL,
  PRIMARY KEY (package_id, day)) STRICT;
INSERT INTO package_use (package_id, day, minutes)
  SELECT package_id, day, sum(minutes) FROM (
  SELECT package_id, day, package_minutes AS minutes FROM entry
  WHERE package_id IS NOT NULL UNION ALL
  SELECT s.package_id, e.day, s.minutes FROM entry_split s
  JOIN entry e ON e.id = s.entry_id) GROUP BY package_id, day;
ALTER TABLE money_ledger ADD COLUMN currency TEXT NOT NULL
  DEFAULT 'EUR' CHECK (currency GLOB '[A-Z][A-Z][A-Z]');
UPDATE money_ledger SET currency = coalesce((SELECT c.currency
  FROM task t JOIN project j ON j.id = t.project_id
  JOIN client c ON c.id = j.client_id WHERE t.id = money_ledger.task_id),
  (SELECT value FROM setting WHERE key = 'currency'), 'EUR');
ALTER TABLE withdrawal ADD COLUMN currency TEXT NOT NULL
  DEFAULT 'EUR' CHECK (currency GLOB '[A-Z][A-Z][A-Z]');
UPDATE withdrawal SET currency = coalesce((SELECT min(c.currency)
  FROM entry e JOIN task t ON t.id = e.task_id
  JOIN project j ON j.id = t.project_id
  JOIN client c ON c.id = j.client_id
  WHERE e.person_id = withdrawal.person_id AND e.earned <> 0
  HAVING count(DISTINCT c.currency) = 1),
  (SELECT value FROM setting WHERE key = 'currency'), 'EUR');
