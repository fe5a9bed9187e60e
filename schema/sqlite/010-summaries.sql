-- 9 -> 10: two summaries kept beside the ledgers, in the transaction of
-- the rows that change them (hours.c writes both at its flush), so the
-- daily reads do not grow with the ledger.  book-check recomputes them.
--
-- What each package drew each month: the sum of its package_use days.
-- A balance reads a package's months before the one it is taken in, and
-- the days of that one, instead of every day of the package's life.
CREATE TABLE package_month (
  package_id INTEGER NOT NULL REFERENCES package (id),
  month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-01'),
  minutes INTEGER NOT NULL,
  PRIMARY KEY (package_id, month)
) STRICT, WITHOUT ROWID;
INSERT INTO package_month (package_id, month, minutes)
  SELECT package_id, substr(day, 1, 8) || '01', sum(minutes)
  FROM package_use GROUP BY package_id, substr(day, 1, 8);
-- What each person earned by the entries of their time, per currency
-- (the client's of the task's project): a withdrawal checks what is left
-- without reading the person's every entry.
CREATE TABLE person_earned (
  person_id INTEGER NOT NULL REFERENCES person (id),
  currency TEXT NOT NULL CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
  earned INTEGER NOT NULL,
  PRIMARY KEY (person_id, currency)
) STRICT, WITHOUT ROWID;
INSERT INTO person_earned (person_id, currency, earned)
  SELECT e.person_id, c.currency, sum(e.earned) FROM entry e
  JOIN task t ON t.id = e.task_id JOIN project j ON j.id = t.project_id
  JOIN client c ON c.id = j.client_id WHERE e.earned <> 0
  GROUP BY e.person_id, c.currency;
