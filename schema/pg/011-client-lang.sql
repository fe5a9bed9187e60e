-- 10 -> 11: the language a client reads its activity sheet in (see
-- schema/sqlite/011-client-lang.sql).
ALTER TABLE client ADD COLUMN lang text COLLATE "C"
  CHECK (lang IN ('en', 'it', 'pt', 'es'));
