-- 7 -> 8: changes made once (see schema/sqlite/008-request-keys.sql).
CREATE TABLE request_key (
  id bigint PRIMARY KEY,
  command text COLLATE "C" NOT NULL,
  actor text COLLATE "C" NOT NULL,
  key text COLLATE "C" NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  digest text COLLATE "C" NOT NULL,
  output text COLLATE "C" NOT NULL,
  at text COLLATE "C" NOT NULL,
  UNIQUE (command, actor, key));
