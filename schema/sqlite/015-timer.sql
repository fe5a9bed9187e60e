-- 14 -> 15: a running timer (hours-log --start), at most one per person,
-- kept in the book so that it outlives the terminal that started it.
-- A stop turns it into an entry and deletes it; a cancel deletes it; both
-- are in the event log.  It is no ledger: nothing is billed until the stop.
CREATE TABLE timer (
  person_id INTEGER PRIMARY KEY REFERENCES person (id),
  task_id INTEGER NOT NULL REFERENCES task (id),
  started TEXT NOT NULL,
  note TEXT,
  actor TEXT NOT NULL,
  created TEXT NOT NULL) STRICT;
