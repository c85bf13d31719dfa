/**
 * Versioned schema. Each entry runs once, in order, inside one transaction, and bumps
 * `PRAGMA user_version`. Never edit a released migration: add a new one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'exercises, members, chat identities, group channels, outbox, audit log, jobs, inbound de-duplication',
    sql: `
CREATE TABLE exercises (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  notice_days INTEGER NOT NULL CHECK (notice_days >= 0),
  minutes_days INTEGER NOT NULL CHECK (minutes_days >= 0),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dissolved')),
  created_at TEXT NOT NULL,
  dissolved_at TEXT
);

CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  exercise_id INTEGER NOT NULL REFERENCES exercises(id),
  acronym TEXT NOT NULL COLLATE NOCASE,
  name TEXT NOT NULL,
  in_pmg INTEGER NOT NULL DEFAULT 0 CHECK (in_pmg IN (0, 1)),
  added_at TEXT NOT NULL,
  UNIQUE (exercise_id, acronym)
);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  time_zone TEXT,
  email_status TEXT NOT NULL DEFAULT 'unknown' CHECK (email_status IN ('unknown', 'working', 'bounced')),
  email_status_detail TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE memberships (
  id INTEGER PRIMARY KEY,
  exercise_id INTEGER NOT NULL REFERENCES exercises(id),
  person_id INTEGER NOT NULL REFERENCES people(id),
  role TEXT NOT NULL CHECK (role IN ('coordinator', 'focal', 'observer')),
  organisation_id INTEGER REFERENCES organisations(id),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  added_at TEXT NOT NULL,
  removed_at TEXT,
  UNIQUE (exercise_id, person_id),
  CHECK (role <> 'focal' OR organisation_id IS NOT NULL)
);
CREATE INDEX memberships_org ON memberships(organisation_id, active);

CREATE TABLE chat_identities (
  medium TEXT NOT NULL,
  user_id TEXT NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people(id),
  linked_at TEXT NOT NULL,
  linked_by TEXT NOT NULL,
  PRIMARY KEY (medium, user_id)
);
CREATE INDEX chat_identities_person ON chat_identities(person_id);

CREATE TABLE link_codes (
  id INTEGER PRIMARY KEY,
  medium TEXT NOT NULL,
  user_id TEXT NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people(id),
  code_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'used', 'expired', 'exhausted', 'replaced'))
);
CREATE INDEX link_codes_user ON link_codes(medium, user_id, status);

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  exercise_id INTEGER REFERENCES exercises(id),
  kind TEXT NOT NULL,
  ref TEXT,
  medium TEXT NOT NULL,
  address TEXT NOT NULL,
  person_id INTEGER REFERENCES people(id),
  organisation_id INTEGER REFERENCES organisations(id),
  payload TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  lease_until TEXT,
  created_at TEXT NOT NULL,
  handed_over_at TEXT,
  provider_id TEXT,
  last_error TEXT,
  failed_at TEXT,
  failure_reported INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
CREATE INDEX outbox_ref ON outbox(ref);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  exercise_id INTEGER REFERENCES exercises(id),
  at TEXT NOT NULL,
  actor_person_id INTEGER REFERENCES people(id),
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  command TEXT,
  outcome TEXT NOT NULL,
  detail TEXT
);
CREATE INDEX audit_exercise ON audit_log(exercise_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

CREATE TABLE jobs (
  id INTEGER PRIMARY KEY,
  exercise_id INTEGER NOT NULL REFERENCES exercises(id),
  kind TEXT NOT NULL,
  ref TEXT NOT NULL,
  due_at TEXT NOT NULL,
  payload TEXT,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'cancelled')),
  done_at TEXT,
  late INTEGER NOT NULL DEFAULT 0,
  note TEXT,
  UNIQUE (kind, ref, due_at)
);
CREATE INDEX jobs_due ON jobs(status, due_at);

CREATE TABLE exercise_channels (
  exercise_id INTEGER NOT NULL REFERENCES exercises(id),
  grp TEXT NOT NULL CHECK (grp IN ('PWG', 'PMG')),
  medium TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  bound_at TEXT NOT NULL,
  PRIMARY KEY (exercise_id, grp, medium)
);
CREATE INDEX exercise_channels_channel ON exercise_channels(medium, channel_id);

CREATE TABLE inbound_requests (
  key TEXT PRIMARY KEY,
  received_at TEXT NOT NULL,
  outcome TEXT NOT NULL
);
CREATE INDEX inbound_requests_age ON inbound_requests(received_at);
`,
  },
  {
    version: 2,
    name: 'meetings, agenda items, notices (versions sent) and the messages that carried them',
    sql: `
CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  exercise_id INTEGER NOT NULL REFERENCES exercises(id),
  grp TEXT NOT NULL CHECK (grp IN ('PWG', 'PMG')),
  title TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
  place TEXT,
  milestone TEXT CHECK (milestone IN ('tor', 'methodology', 'findings', 'report')),
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
  },
  {
    version: 3,
    name: 'endorsement requests and the votes of member organisations (every vote kept, one current per organisation)',
    sql: `
CREATE TABLE endorsements (
  id INTEGER PRIMARY KEY,
  exercise_id INTEGER NOT NULL REFERENCES exercises(id),
  grp TEXT NOT NULL CHECK (grp IN ('PWG', 'PMG')),
  title TEXT NOT NULL,
  document TEXT CHECK (document IN ('tor', 'methodology', 'tools', 'findings', 'report', 'dissemination')),
  version TEXT,
  link TEXT,
  rule TEXT NOT NULL CHECK (rule IN ('consensus', 'majority')),
  quorum INTEGER NOT NULL CHECK (quorum >= 1),
  meeting_id INTEGER,
  deadline_at TEXT NOT NULL,
  urgent_reason TEXT,
  opened_at TEXT NOT NULL,
  opened_by_person_id INTEGER REFERENCES people(id),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  outcome TEXT CHECK (outcome IN ('endorsed', 'not-endorsed', 'no-quorum', 'superseded', 'withdrawn')),
  closed_at TEXT,
  closed_how TEXT CHECK (closed_how IN ('deadline', 'coordinator', 'all-voted', 'new-version')),
  superseded_by INTEGER REFERENCES endorsements(id),
  CHECK ((status = 'open') = (outcome IS NULL))
);
CREATE INDEX endorsements_exercise ON endorsements(exercise_id, status, grp);

CREATE TABLE endorsement_votes (
  id INTEGER PRIMARY KEY,
  endorsement_id INTEGER NOT NULL REFERENCES endorsements(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  choice TEXT NOT NULL CHECK (choice IN ('endorse', 'object', 'abstain')),
  comment TEXT,
  cast_by_person_id INTEGER NOT NULL REFERENCES people(id),
  proxy INTEGER NOT NULL DEFAULT 0 CHECK (proxy IN (0, 1)),
  cast_at TEXT NOT NULL,
  current INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)),
  replaced_at TEXT
);
CREATE UNIQUE INDEX endorsement_votes_one_current ON endorsement_votes(endorsement_id, organisation_id) WHERE current = 1;
CREATE INDEX endorsement_votes_history ON endorsement_votes(endorsement_id, organisation_id, id);
CREATE TRIGGER endorsement_votes_kept BEFORE UPDATE OF endorsement_id, organisation_id, choice, comment, cast_by_person_id, proxy, cast_at ON endorsement_votes
  BEGIN SELECT RAISE(ABORT, 'a cast vote is kept as it was; a new vote replaces it'); END;
CREATE TRIGGER endorsement_votes_no_delete BEFORE DELETE ON endorsement_votes
  BEGIN SELECT RAISE(ABORT, 'a cast vote is kept as it was; a new vote replaces it'); END;
`,
  },
  {
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
  },
];
