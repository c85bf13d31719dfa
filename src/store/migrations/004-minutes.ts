import type { Migration } from './migration';

export const migration004: Migration = {
  version: 4,
  name: 'minutes: notes and decisions, attendance, action items, published versions and the messages that carried them',
  sql: `
CREATE TABLE minutes_entries (
id INTEGER PRIMARY KEY,
meeting_id INTEGER NOT NULL REFERENCES meetings(id),
kind TEXT NOT NULL CHECK (kind IN ('note', 'decision')),
text TEXT NOT NULL,
captured_at TEXT NOT NULL,
captured_by_person_id INTEGER REFERENCES people(id)
);
CREATE INDEX minutes_entries_meeting ON minutes_entries(meeting_id, id);
CREATE TRIGGER minutes_entries_kept BEFORE UPDATE ON minutes_entries
BEGIN SELECT RAISE(ABORT, 'a captured minutes entry is kept as it was; a correction is a new version'); END;
CREATE TRIGGER minutes_entries_no_delete BEFORE DELETE ON minutes_entries
BEGIN SELECT RAISE(ABORT, 'a captured minutes entry is kept as it was; a correction is a new version'); END;

CREATE TABLE minutes_attendance (
id INTEGER PRIMARY KEY,
meeting_id INTEGER NOT NULL REFERENCES meetings(id),
organisation_ids TEXT NOT NULL,
recorded_at TEXT NOT NULL,
recorded_by_person_id INTEGER REFERENCES people(id)
);
CREATE INDEX minutes_attendance_meeting ON minutes_attendance(meeting_id, id);

CREATE TABLE action_items (
id INTEGER PRIMARY KEY,
exercise_id INTEGER NOT NULL REFERENCES exercises(id),
meeting_id INTEGER NOT NULL REFERENCES meetings(id),
organisation_id INTEGER NOT NULL REFERENCES organisations(id),
due_date TEXT NOT NULL,
text TEXT NOT NULL,
captured_at TEXT NOT NULL,
captured_by_person_id INTEGER REFERENCES people(id),
status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
done_at TEXT,
done_by_person_id INTEGER REFERENCES people(id),
CHECK ((status = 'done') = (done_at IS NOT NULL))
);
CREATE INDEX action_items_exercise ON action_items(exercise_id, status, due_date);
CREATE INDEX action_items_meeting ON action_items(meeting_id, id);
CREATE TRIGGER action_items_kept BEFORE UPDATE OF exercise_id, meeting_id, organisation_id, due_date, text, captured_at, captured_by_person_id ON action_items
BEGIN SELECT RAISE(ABORT, 'a captured action item is kept as it was; only its completion is recorded'); END;
CREATE TRIGGER action_items_no_delete BEFORE DELETE ON action_items
BEGIN SELECT RAISE(ABORT, 'a captured action item is kept as it was; only its completion is recorded'); END;

CREATE TABLE minutes_versions (
id INTEGER PRIMARY KEY,
meeting_id INTEGER NOT NULL REFERENCES meetings(id),
version INTEGER NOT NULL CHECK (version >= 1),
correction TEXT,
content TEXT NOT NULL,
published_at TEXT NOT NULL,
published_by_person_id INTEGER REFERENCES people(id),
due_date TEXT NOT NULL,
late INTEGER NOT NULL CHECK (late IN (0, 1)),
UNIQUE (meeting_id, version),
CHECK ((version = 1) = (correction IS NULL))
);
CREATE TRIGGER minutes_versions_kept BEFORE UPDATE ON minutes_versions
BEGIN SELECT RAISE(ABORT, 'published minutes are never edited; a correction is a new version'); END;
CREATE TRIGGER minutes_versions_no_delete BEFORE DELETE ON minutes_versions
BEGIN SELECT RAISE(ABORT, 'published minutes are never edited; a correction is a new version'); END;

CREATE TABLE minutes_messages (
outbox_id INTEGER PRIMARY KEY REFERENCES outbox(id),
version_id INTEGER NOT NULL REFERENCES minutes_versions(id),
person_id INTEGER REFERENCES people(id)
);
CREATE INDEX minutes_messages_version ON minutes_messages(version_id);
`,
};
