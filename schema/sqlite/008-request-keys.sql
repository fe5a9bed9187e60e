-- 7 -> 8: changes made once.  A single-record writer given --key
-- records the actor's key with a digest of the request and the rows it
-- printed, in the transaction of the change: the same key again prints
-- those rows and writes nothing, and with another request it is refused
-- (batch.c).
CREATE TABLE request_key (
  id INTEGER PRIMARY KEY,
  command TEXT NOT NULL,
  actor TEXT NOT NULL,
  key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  digest TEXT NOT NULL,
  output TEXT NOT NULL,
  at TEXT NOT NULL,
  UNIQUE (command, actor, key)
) STRICT;
