-- 5 -> 6: every --csv batch that adds time or money is recorded, so
-- the same batch is not applied twice by mistake; a time entry may
-- carry the id it has in the tool it came from (ref), once per
-- person.  (The book's time zone is set in C: see migrate().)
CREATE TABLE batch (
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  digest TEXT NOT NULL,
  name TEXT NOT NULL,
  records INTEGER NOT NULL,
  actor TEXT NOT NULL,
  at TEXT NOT NULL) STRICT;
CREATE INDEX batch_digest ON batch (command, digest);
ALTER TABLE entry ADD COLUMN ref TEXT;
CREATE UNIQUE INDEX entry_ref ON entry (person_id, ref)
  WHERE ref IS NOT NULL;
