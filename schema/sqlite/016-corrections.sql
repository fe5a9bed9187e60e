-- 15 -> 16: corrections (member-set, project-set, withdraw --cancel).
--
-- A freelancer's pay rate and a project's rate become histories: each
-- row is a rate from its day on, until the next row's day; the rate of a
-- day is the one of the newest row dated on or before it.  The first row
-- of each is dated 0001-01-01 (the rate since the person or project was
-- added), and the rate column of person and project stays as the newest
-- row's rate.  Entries keep the earnings they were logged with; what a
-- change reaches is the entries logged after it (hours.c reads the rate
-- of the entry's day), the overage of months not billed yet and the
-- packages quoted after it.
CREATE TABLE person_rate (
  person_id INTEGER NOT NULL REFERENCES person (id),
  from_day TEXT NOT NULL
  CHECK (from_day GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  rate INTEGER NOT NULL CHECK (rate >= 0),
  PRIMARY KEY (person_id, from_day)) STRICT;
INSERT INTO person_rate (person_id, from_day, rate)
  SELECT id, '0001-01-01', rate FROM person WHERE role = 'freelancer';
CREATE TABLE project_rate (
  project_id INTEGER NOT NULL REFERENCES project (id),
  from_day TEXT NOT NULL
  CHECK (from_day GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  rate INTEGER NOT NULL CHECK (rate >= 0),
  PRIMARY KEY (project_id, from_day)) STRICT;
INSERT INTO project_rate (project_id, from_day, rate)
  SELECT id, '0001-01-01', rate FROM project;
-- A withdrawal request may be cancelled by its person (or staff) while
-- it is requested: a third outcome, with an optional reason.  SQLite
-- cannot change a CHECK in place: the table is made again, rows kept.
CREATE TABLE withdrawal_outcome_16 (
  withdrawal_id INTEGER PRIMARY KEY REFERENCES withdrawal (id),
  outcome TEXT NOT NULL CHECK (outcome IN ('paid', 'rejected', 'cancelled')),
  reason TEXT,
  day TEXT NOT NULL,
  actor TEXT NOT NULL,
  created TEXT NOT NULL,
  CHECK ((outcome = 'rejected' AND reason IS NOT NULL) OR
  (outcome = 'paid' AND reason IS NULL) OR outcome = 'cancelled')) STRICT;
INSERT INTO withdrawal_outcome_16 (withdrawal_id, outcome, reason, day,
  actor, created) SELECT withdrawal_id, outcome, reason, day, actor, created
  FROM withdrawal_outcome;
DROP TABLE withdrawal_outcome;
ALTER TABLE withdrawal_outcome_16 RENAME TO withdrawal_outcome;
