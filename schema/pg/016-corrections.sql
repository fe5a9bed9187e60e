-- 15 -> 16: corrections: the rate histories of people and projects, and
-- a withdrawal's third outcome, cancelled (see
-- schema/sqlite/016-corrections.sql).
CREATE TABLE person_rate (
  person_id bigint NOT NULL REFERENCES person (id),
  from_day text COLLATE "C" NOT NULL
    CHECK (from_day ~ '^[0-9]{4}-[01][0-9]-[0-3][0-9]$'),
  rate bigint NOT NULL CHECK (rate >= 0),
  PRIMARY KEY (person_id, from_day));
INSERT INTO person_rate (person_id, from_day, rate)
  SELECT id, '0001-01-01', rate FROM person WHERE role = 'freelancer';
CREATE TABLE project_rate (
  project_id bigint NOT NULL REFERENCES project (id),
  from_day text COLLATE "C" NOT NULL
    CHECK (from_day ~ '^[0-9]{4}-[01][0-9]-[0-3][0-9]$'),
  rate bigint NOT NULL CHECK (rate >= 0),
  PRIMARY KEY (project_id, from_day));
INSERT INTO project_rate (project_id, from_day, rate)
  SELECT id, '0001-01-01', rate FROM project;
ALTER TABLE withdrawal_outcome
  DROP CONSTRAINT withdrawal_outcome_outcome_check,
  DROP CONSTRAINT withdrawal_outcome_check,
  ADD CONSTRAINT withdrawal_outcome_outcome_check
    CHECK (outcome IN ('paid', 'rejected', 'cancelled')),
  ADD CONSTRAINT withdrawal_outcome_check
    CHECK ((outcome = 'rejected' AND reason IS NOT NULL) OR
    (outcome = 'paid' AND reason IS NULL) OR outcome = 'cancelled');
