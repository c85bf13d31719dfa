import type { Migration } from './migration';

/**
 * Jobs by ref (every `jobsFor`/`cancelJobs` scanned the table), retries of a failing job with
 * back-off (`run_at` is when it is tried next: its due time until it fails), and the outbox's due
 * messages by medium, the outbox by ref and kind (a vote finds its request's channel posts among
 * its receipts). Work that sweeps used to look for on every tick is now planned when it
 * arises; for a database that was running, one run of each sweep is planned here, due at once.
 */
export const migration008: Migration = {
  version: 8,
  name: 'jobs by ref, job retries with back-off, due outbox messages by medium, outbox by ref and kind; sweeps planned by events',
  sql: `
CREATE INDEX jobs_ref ON jobs(ref, kind);

ALTER TABLE jobs ADD COLUMN run_at TEXT;
ALTER TABLE jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN last_error TEXT;
ALTER TABLE jobs ADD COLUMN failure_reported INTEGER NOT NULL DEFAULT 0 CHECK (failure_reported IN (0, 1));
UPDATE jobs SET run_at = due_at;
CREATE INDEX jobs_run ON jobs(status, run_at);
DROP INDEX jobs_due;
CREATE TRIGGER jobs_run_at_default AFTER INSERT ON jobs WHEN NEW.run_at IS NULL
BEGIN UPDATE jobs SET run_at = NEW.due_at WHERE id = NEW.id; END;

CREATE INDEX outbox_pending ON outbox(status, medium, next_attempt_at);
DROP INDEX outbox_ref;
CREATE INDEX outbox_ref ON outbox(ref, kind);

INSERT INTO jobs (exercise_id, kind, ref, due_at, run_at)
SELECT e.id, 'minutes-due', 'exercise:' || e.id, '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z' FROM exercises e
WHERE e.status = 'active' AND EXISTS (SELECT 1 FROM meetings m WHERE m.exercise_id = e.id AND m.status = 'held');
INSERT INTO jobs (exercise_id, kind, ref, due_at, run_at)
SELECT e.id, 'meeting-catch-up', 'exercise:' || e.id, '1970-01-01T00:00:00.000Z', '1970-01-01T00:00:00.000Z' FROM exercises e
WHERE e.status = 'active' AND EXISTS (SELECT 1 FROM meetings m WHERE m.exercise_id = e.id AND m.status = 'noticed');
`,
};
