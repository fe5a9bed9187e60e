-- 10 -> 11: the language a client reads its activity sheet in
-- (client-add --lang; report-export --lang overrides it).  NULL: the
-- book's sheet.lang setting.
ALTER TABLE client ADD COLUMN lang TEXT
  CHECK (lang IN ('en', 'it', 'pt', 'es'));
