import type { Db } from '../../src/store/db';

/** Tables that grow with history: an idle tick must never scan one. */
export const GROWING_TABLES = [
  'outbox', 'audit_log', 'jobs', 'meetings', 'meeting_notices', 'meeting_notice_messages', 'agenda_items', 'endorsements',
  'endorsement_votes', 'minutes_entries', 'minutes_versions', 'minutes_messages', 'minutes_attendance', 'action_items',
  'people', 'memberships', 'organisations', 'chat_identities', 'inbound_requests', 'link_codes',
];

export interface Recorded {
  sql: string;
  args: unknown[];
}

/**
 * Records every statement run on `db` while `fn` runs (with its arguments), by wrapping
 * `db.prepare`: the store functions prepare (from the cache) at each call.
 */
export async function recordStatements(db: Db, fn: () => Promise<unknown>): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  const prepare = db.prepare;
  db.prepare = ((source: string) => {
    const statement = prepare.call(db, source);
    return new Proxy(statement, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== 'function') return value;
        if (prop === 'run' || prop === 'get' || prop === 'all' || prop === 'iterate')
          return (...args: unknown[]) => {
            recorded.push({ sql: source, args });
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  }) as Db['prepare'];
  try {
    await fn();
  } finally {
    db.prepare = prepare;
  }
  return recorded;
}

/** The query plan of a statement, one line per step, and the growing tables it scans in full. */
export function queryPlan(db: Db, r: Recorded): { lines: string[]; scans: string[] } {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${r.sql}`).all(...r.args) as { detail: string }[];
  const lines = rows.map((row) => row.detail);
  const scans = lines
    .map((l) => /^SCAN (\w+)/.exec(l)?.[1])
    .filter((t): t is string => t !== undefined && GROWING_TABLES.includes(t));
  return { lines, scans };
}
