-- 0 -> 1: the setup of a book.
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL) STRICT;
CREATE TABLE holiday (
  day TEXT PRIMARY KEY
  CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  name TEXT NOT NULL DEFAULT '') STRICT;
CREATE TABLE client (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 64),
  display_name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  currency TEXT NOT NULL CHECK (currency GLOB '[A-Z][A-Z][A-Z]'),
  contact_id INTEGER REFERENCES person (id),
  created TEXT NOT NULL) STRICT;
CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  handle TEXT NOT NULL UNIQUE CHECK (length(handle) BETWEEN 1 AND 64),
  name TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('client', 'freelancer', 'staff')),
  rate INTEGER NOT NULL DEFAULT 0 CHECK (rate >= 0),
  client_id INTEGER REFERENCES client (id),
  created TEXT NOT NULL,
  CHECK ((role = 'client') = (client_id IS NOT NULL))) STRICT;
CREATE TABLE project (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
  client_id INTEGER NOT NULL REFERENCES client (id),
  name TEXT NOT NULL DEFAULT '',
  rate INTEGER NOT NULL DEFAULT 0 CHECK (rate >= 0),
  model TEXT NOT NULL CHECK (model IN ('package', 'self-service')),
  penalty_base INTEGER CHECK (penalty_base BETWEEN 0 AND 10000),
  penalty_daily INTEGER CHECK (penalty_daily BETWEEN 0 AND 10000),
  created TEXT NOT NULL,
  CHECK ((penalty_base IS NULL) = (penalty_daily IS NULL))) STRICT;
CREATE TABLE project_setting (
  project_id INTEGER NOT NULL REFERENCES project (id),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (project_id, key)) STRICT;
CREATE TABLE member (
  project_id INTEGER NOT NULL REFERENCES project (id),
  person_id INTEGER NOT NULL REFERENCES person (id),
  joined TEXT NOT NULL,
  left_at TEXT,
  PRIMARY KEY (project_id, person_id)) STRICT;
CREATE INDEX member_person ON member (person_id);
CREATE TABLE event (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  entity TEXT NOT NULL,
  key TEXT NOT NULL,
  what TEXT NOT NULL,
  old TEXT,
  new TEXT,
  reason TEXT) STRICT;
CREATE INDEX event_entity ON event (entity, key);
