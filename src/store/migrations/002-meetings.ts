import { GROUPS, MILESTONES } from '../../domain/vocabulary';
import { sqlList } from '../sql';
import type { Migration } from './migration';

export const migration002: Migration = {
  version: 2,
  name: 'meetings, agenda items, notices (versions sent) and the messages that carried them',
  sql: `
CREATE TABLE meetings (
id INTEGER PRIMARY KEY,
exercise_id INTEGER NOT NULL REFERENCES exercises(id),
grp TEXT NOT NULL CHECK (grp IN (${sqlList(GROUPS)})),
title TEXT NOT NULL,
starts_at TEXT NOT NULL,
duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
place TEXT,
milestone TEXT CHECK (milestone IN (${sqlList(MILESTONES)})),
status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'noticed', 'notice-missed', 'cancelled', 'held')),
notice_deadline TEXT NOT NULL,
urgent_reason TEXT,
sequence INTEGER NOT NULL DEFAULT 0,
agenda_version INTEGER NOT NULL DEFAULT 0,
sent_agenda_version INTEGER,
organizer_person_id INTEGER NOT NULL REFERENCES people(id),
cancel_reason TEXT,
created_at TEXT NOT NULL,
updated_at TEXT NOT NULL
);
CREATE INDEX meetings_exercise ON meetings(exercise_id, starts_at);
CREATE INDEX meetings_status ON meetings(status, starts_at);

CREATE TABLE agenda_items (
id INTEGER PRIMARY KEY,
meeting_id INTEGER NOT NULL REFERENCES meetings(id),
position INTEGER NOT NULL,
text TEXT NOT NULL,
added_at TEXT NOT NULL
);
CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);

CREATE TABLE meeting_notices (
id INTEGER PRIMARY KEY,
meeting_id INTEGER NOT NULL REFERENCES meetings(id),
version INTEGER NOT NULL,
kind TEXT NOT NULL CHECK (kind IN ('invitation', 'amendment', 'postponement', 'cancellation')),
sequence INTEGER NOT NULL,
starts_at TEXT NOT NULL,
notice_deadline TEXT NOT NULL,
agenda TEXT NOT NULL,
reason TEXT,
sent_at TEXT NOT NULL,
sent_by_person_id INTEGER REFERENCES people(id),
late INTEGER NOT NULL CHECK (late IN (0, 1)),
UNIQUE (meeting_id, version)
);

CREATE TABLE meeting_notice_messages (
outbox_id INTEGER PRIMARY KEY REFERENCES outbox(id),
notice_id INTEGER NOT NULL REFERENCES meeting_notices(id),
person_id INTEGER NOT NULL REFERENCES people(id),
catch_up INTEGER NOT NULL DEFAULT 0 CHECK (catch_up IN (0, 1))
);
CREATE INDEX meeting_notice_messages_notice ON meeting_notice_messages(notice_id, person_id);
`,
};
