-- 14 -> 15: a running timer, one per person (see
-- schema/sqlite/015-timer.sql).
CREATE TABLE timer (
  person_id bigint PRIMARY KEY REFERENCES person (id),
  task_id bigint NOT NULL REFERENCES task (id),
  started text COLLATE "C" NOT NULL,
  note text COLLATE "C",
  actor text COLLATE "C" NOT NULL,
  created text COLLATE "C" NOT NULL);
