import { CHOICES, DOCUMENT_KINDS, GROUPS, RULES } from '../../domain/vocabulary';
import { sqlList } from '../sql';
import type { Migration } from './migration';

export const migration003: Migration = {
  version: 3,
  name: 'endorsement requests and the votes of member organisations (every vote kept, one current per organisation)',
  sql: `
CREATE TABLE endorsements (
id INTEGER PRIMARY KEY,
exercise_id INTEGER NOT NULL REFERENCES exercises(id),
grp TEXT NOT NULL CHECK (grp IN (${sqlList(GROUPS)})),
title TEXT NOT NULL,
document TEXT CHECK (document IN (${sqlList(DOCUMENT_KINDS)})),
version TEXT,
link TEXT,
rule TEXT NOT NULL CHECK (rule IN (${sqlList(RULES)})),
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
choice TEXT NOT NULL CHECK (choice IN (${sqlList(CHOICES)})),
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
};
