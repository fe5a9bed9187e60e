-- 3 -> 4: fees earned, withdrawals and their outcomes.
CREATE TABLE money_ledger (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (id),
  kind TEXT NOT NULL CHECK (kind IN ('fee')),
  amount INTEGER NOT NULL,
  task_id INTEGER REFERENCES task (id),
  day TEXT NOT NULL,
  created TEXT NOT NULL) STRICT;
CREATE INDEX money_ledger_person ON money_ledger (person_id);
CREATE TABLE withdrawal (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (id),
  amount INTEGER NOT NULL CHECK (amount > 0),
  requested TEXT NOT NULL,
  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
  due TEXT NOT NULL,
  key TEXT,
  actor TEXT NOT NULL,
  UNIQUE (person_id, key)) STRICT;
CREATE INDEX withdrawal_person ON withdrawal (person_id, month);
CREATE TABLE withdrawal_outcome (
  withdrawal_id INTEGER PRIMARY KEY REFERENCES withdrawal (id),
  outcome TEXT NOT NULL CHECK (outcome IN ('paid', 'rejected')),
  reason TEXT,
  day TEXT NOT NULL,
  actor TEXT NOT NULL,
  created TEXT NOT NULL,
  CHECK ((outcome = 'rejected') = (reason IS NOT NULL))) STRICT;
