-- 12 -> 13: every book carries an identity, the setting book.id (32
-- random hex digits), which the client's activity sheet records and
-- task-set --sheet checks, so a sheet is applied only to the book it was
-- made from.  The migration's writer puts it (lib/book.c, migrate), as it
-- puts the time zone; no table changes.  book-copy copies it with the
-- other settings: a book moved to PostgreSQL keeps its sheets.
SELECT 1;
