import { GROUPS, ROLES } from '../../domain/vocabulary';
import { sqlList } from '../sql';
import type { Migration } from './migration';

export const migration001: Migration = {
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
role TEXT NOT NULL CHECK (role IN (${sqlList(ROLES)})),
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
grp TEXT NOT NULL CHECK (grp IN (${sqlList(GROUPS)})),
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
};
