-- 9 -> 10: the summaries kept beside the ledgers (see
-- schema/sqlite/010-summaries.sql).
CREATE TABLE package_month (
  package_id bigint NOT NULL REFERENCES package (id),
  month text COLLATE "C" NOT NULL
    CHECK (month ~ '^[0-9]{4}-[01][0-9]-01$'),
  minutes bigint NOT NULL,
  PRIMARY KEY (package_id, month));
INSERT INTO package_month (package_id, month, minutes)
  SELECT package_id, substr(day, 1, 8) || '01', sum(minutes)
  FROM package_use GROUP BY package_id, substr(day, 1, 8);
CREATE TABLE person_earned (
  person_id bigint NOT NULL REFERENCES person (id),
  currency text COLLATE "C" NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  earned bigint NOT NULL,
  PRIMARY KEY (person_id, currency));
INSERT INTO person_earned (person_id, currency, earned)
  SELECT e.person_id, c.currency, sum(e.earned) FROM entry e
  JOIN task t ON t.id = e.task_id JOIN project j ON j.id = t.project_id
  JOIN client c ON c.id = j.client_id WHERE e.earned <> 0
  GROUP BY e.person_id, c.currency;
