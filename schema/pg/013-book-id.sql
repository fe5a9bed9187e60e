-- 12 -> 13: the book's identity, book.id (see
-- schema/sqlite/013-book-id.sql); no table changes.
SELECT 1;
