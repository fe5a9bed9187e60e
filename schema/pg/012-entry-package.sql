-- 11 -> 12: the index of entries by package goes (see
-- schema/sqlite/012-entry-package.sql).
DROP INDEX entry_package;
