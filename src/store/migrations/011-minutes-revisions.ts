import type { Migration } from './migration';

/**
 * Notes, decisions and action items stay as captured (migration 4's triggers); an edit or a
 * removal is a new row here that supersedes what was captured, so the record keeps both. Before
 * publication the coordinator revises the draft; after it, only a correction does, in the same
 * transaction as the new version it publishes.
 */
export const migration011: Migration = {
  version: 11,
  name: 'minutes revisions: edits and removals of captured notes, decisions and action items, kept beside what was captured',
  sql: `
CREATE TABLE minutes_revisions (
id INTEGER PRIMARY KEY,
meeting_id INTEGER NOT NULL REFERENCES meetings(id),
entry_id INTEGER REFERENCES minutes_entries(id),
action_item_id INTEGER REFERENCES action_items(id),
change TEXT NOT NULL CHECK (change IN ('edit', 'remove')),
text TEXT,
revised_at TEXT NOT NULL,
revised_by_person_id INTEGER REFERENCES people(id),
CHECK ((entry_id IS NULL) <> (action_item_id IS NULL)),
CHECK ((change = 'edit') = (text IS NOT NULL))
);
CREATE INDEX minutes_revisions_entry ON minutes_revisions(entry_id, id);
CREATE INDEX minutes_revisions_action ON minutes_revisions(action_item_id, id);
CREATE INDEX minutes_revisions_meeting ON minutes_revisions(meeting_id, id);
CREATE TRIGGER minutes_revisions_kept BEFORE UPDATE ON minutes_revisions
BEGIN SELECT RAISE(ABORT, 'a revision of the minutes is kept as it was; a later one supersedes it'); END;
CREATE TRIGGER minutes_revisions_no_delete BEFORE DELETE ON minutes_revisions
BEGIN SELECT RAISE(ABORT, 'a revision of the minutes is kept as it was; a later one supersedes it'); END;
`,
};
