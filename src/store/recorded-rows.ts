import type { Db } from './db';
import type { RecordedKind } from '../domain/audit-chain';
import { select, type Row } from './select-rows';
import { canRender, isDeferred, neverWritten, renderedPayload, type StoredPayload } from './deferred-payloads';

const OF_MEETINGS = 'SELECT id FROM meetings WHERE exercise_id = ?';

/** Per kind: the query (a WHERE clause is added), how the exercise scopes it, and the shape of its rows. */
const SOURCES: Record<RecordedKind, { sql: string; ofExercise: string; order: string; shape: Parameters<typeof select>[3] }> = {
  vote: {
    sql: 'SELECT * FROM endorsement_votes',
    ofExercise: 'endorsement_id IN (SELECT id FROM endorsements WHERE exercise_id = ?)',
    order: 'id',
    shape: { booleans: ['proxy', 'current'] },
  },
  minutes: {
    sql: 'SELECT * FROM minutes_versions',
    ofExercise: `meeting_id IN (${OF_MEETINGS})`,
    order: 'meeting_id, version',
    shape: { booleans: ['late'], json: ['content'] },
  },
  message: {
    sql: `SELECT id, kind, ref, medium, address, person_id, organisation_id, payload, status, attempts, created_at, handed_over_at, provider_id, last_error, failed_at
          FROM outbox JOIN outbox_payloads ON outbox_payloads.outbox_id = outbox.id`,
    ofExercise: 'exercise_id = ?',
    order: 'id',
    shape: { json: ['payload'] },
  },
};

/** Before migration 13 (migration 5 digests messages) the payload was a column of `outbox`. */
const MESSAGES_BEFORE_013 = { ...SOURCES.message, sql: SOURCES.message.sql.replace(/ JOIN outbox_payloads .*$/, '') };

/** Connections known to have `outbox_payloads` (a table never dropped once there). */
const apart = new WeakSet<Db>();

function payloadsApart(db: Db): boolean {
  if (apart.has(db)) return true;
  if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outbox_payloads'`).get()) return false;
  apart.add(db);
  return true;
}

/**
 * A personal link's signature (`/l/<purpose>.<claim parts>.<22-character HMAC>`): whoever holds it
 * acts as that person until it expires, so it never leaves the database in an export.
 */
const LINK_SIGNATURE = /(\/l\/[a-z]+(?:\.[0-9a-z]{1,12}){5})\.[A-Za-z0-9_-]{22}/g;
export const WITHHELD_SIGNATURE = '(signature withheld)';

/**
 * A message as the export shows it: the payload's subject and text with personal links' signatures
 * withheld, whether it had HTML and a calendar part. The audit chain's digests are taken over this
 * same shape, so an export verifies without carrying a usable link.
 */
function messageShape(db: Db, { payload, ...rest }: Row): Row {
  const stored = payload as StoredPayload;
  const wordless = () => ({ ...rest, subject: null, text: null, hasHtml: isDeferred(stored) && stored.deferred.html, calendarMethod: stored.calendar?.method ?? null });
  // Given up before it could be rendered: nobody got it, and its words are unknown for good (its
  // entry vouches for it so, on every connection alike).
  if (neverWritten(stored, String(rest.status))) return wordless();
  // Still waiting to be rendered and sent, read where no renderer is (`convene verify`, a backup's
  // check) or whose template fails now: such a row has no audit entry yet, so no digest is compared.
  if (isDeferred(stored) && !canRender(db)) return wordless();
  let p;
  try {
    p = renderedPayload(db, stored);
  } catch (error) {
    if (!isDeferred(stored)) throw error;
    return wordless();
  }
  const text = p.text.replace(LINK_SIGNATURE, `$1.${WITHHELD_SIGNATURE}`);
  return { ...rest, subject: p.subject, text, hasHtml: p.html !== undefined, calendarMethod: p.calendar?.method ?? null };
}

/** The rows in the order of `ids` (one read for all of them), leaving out the ones that are gone. */
function inOrder(ids: number[], rows: Row[]): Row[] {
  const byId = new Map(rows.map((r) => [r.id as number, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [row] : [];
  });
}

/**
 * The rows the audit log vouches for, shaped as the export shows them (docs/EXPORT.md), so the
 * same digest can be computed from the database and from an export: all of one exercise, or
 * the ones with the given ids.
 */
export function recordedRows(db: Db, kind: RecordedKind, by: 'exercise', exerciseId: number): Row[];
export function recordedRows(db: Db, kind: RecordedKind, by: 'ids', ids: number[]): Row[];
export function recordedRows(db: Db, kind: RecordedKind, by: 'exercise' | 'ids', key: number | number[]): Row[] {
  const source = kind === 'message' && !payloadsApart(db) ? MESSAGES_BEFORE_013 : SOURCES[kind];
  const rows =
    by === 'exercise'
      ? select(db, `${source.sql} WHERE ${source.ofExercise} ORDER BY ${source.order}`, [key], source.shape)
      : inOrder(key as number[], select(db, `${source.sql} WHERE id IN (SELECT value FROM json_each(?))`, [JSON.stringify(key)], source.shape));
  return kind === 'message' ? rows.map((r) => messageShape(db, r)) : rows;
}
