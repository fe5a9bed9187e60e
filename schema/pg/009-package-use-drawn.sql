-- 8 -> 9: what each package drew, read from an index (see
-- schema/sqlite/009-package-use-drawn.sql).
CREATE INDEX package_use_drawn ON package_use (package_id, day, minutes);
