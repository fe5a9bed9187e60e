-- 1 -> 2: tasks and their comments.
CREATE TABLE task (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES project (id),
  kind TEXT NOT NULL CHECK (kind IN ('idea', 'request', 'activity')),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 1000),
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('idea', 'requested',
  'estimated', 'open', 'approved', 'in-progress', 'blocked',
  'delivered', 'revision', 'done', 'rejected', 'cancelled')),
  blocked_from TEXT CHECK ((status = 'blocked') =
  (blocked_from IS NOT NULL)),
  assignee_id INTEGER REFERENCES person (id),
  estimate INTEGER CHECK (estimate >= 0),
  due TEXT CHECK (due GLOB
  '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  due_kind TEXT NOT NULL DEFAULT 'flexible'
  CHECK (due_kind IN ('rigid', 'flexible')),
  urgent INTEGER NOT NULL DEFAULT 0 CHECK (urgent IN (0, 1)),
  extra INTEGER NOT NULL DEFAULT 0 CHECK (extra IN (0, 1)),
  fee INTEGER CHECK (fee >= 0),
  created TEXT NOT NULL,
  updated TEXT NOT NULL) STRICT;
CREATE INDEX task_project ON task (project_id, status);
CREATE INDEX task_assignee ON task (assignee_id, status);
CREATE TABLE comment (
  id INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES task (id),
  author TEXT NOT NULL,
  body TEXT NOT NULL CHECK (length(body) > 0),
  reply_to INTEGER REFERENCES comment (id),
  created TEXT NOT NULL) STRICT;
CREATE INDEX comment_task ON comment (task_id, id);
