import type { Migration } from './migration';

export const migration006: Migration = {
  version: 6,
  name: 'web: the installation secret that signs personal links, and per-person revocations',
  sql: `
CREATE TABLE web_secret (
id INTEGER PRIMARY KEY CHECK (id = 1),
secret TEXT NOT NULL,
created_at TEXT NOT NULL
);
CREATE TRIGGER web_secret_kept BEFORE UPDATE ON web_secret
BEGIN SELECT RAISE(ABORT, 'the link secret is generated once and kept'); END;

CREATE TABLE link_revocations (
id INTEGER PRIMARY KEY,
exercise_id INTEGER NOT NULL REFERENCES exercises(id),
person_id INTEGER NOT NULL REFERENCES people(id),
revoked_at TEXT NOT NULL,
reason TEXT NOT NULL
);
CREATE INDEX link_revocations_person ON link_revocations(exercise_id, person_id, revoked_at);
`,
};
