-- 11 -> 12: the book's identity, book.id (see
-- schema/sqlite/012-book-id.sql); no table changes.
SELECT 1;
