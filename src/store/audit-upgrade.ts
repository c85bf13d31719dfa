import type { Db } from './db';
import { needsEntry, rowDigest, type RecordedKind, type StateItem } from '../domain/audit-chain';
import { appendAudit, chainOf } from './audit';
import { recordedRows } from './recorded-rows';

/**
 * After a schema upgrade: a migration that rewrote rows the log vouches for (a message's address
 * in a new form) is the one that changed them, so an entry of each exercise's chain says so and
 * records them as they now are. Runs once per upgrade, inside its transaction; nothing when no
 * recorded row changed. Its time is that of the chain's last entry (a migration has no clock).
 */
export function recordUpgradeChanges(db: Db, versions: number[]): void {
  const exercises = db.prepare('SELECT id FROM exercises ORDER BY id').all() as { id: number }[];
  for (const { id } of exercises) {
    const chain = chainOf(db, id);
    const recorded = new Map<string, string>();
    for (const e of chain) for (const [kind, rowId, digest] of e.state ?? []) recorded.set(`${kind}:${rowId}`, digest);
    const changed: StateItem[] = [];
    for (const kind of ['message', 'minutes', 'vote'] as RecordedKind[])
      for (const row of recordedRows(db, kind, 'exercise', id)) {
        const digest = rowDigest(kind, row);
        const before = recorded.get(`${kind}:${row.id as number}`);
        if (before !== undefined ? before !== digest : needsEntry(kind, row)) changed.push([kind, row.id as number, digest]);
      }
    if (changed.length === 0) continue;
    appendAudit(db, {
      exerciseId: id, at: chain.at(-1)?.at ?? '1970-01-01T00:00:00.000Z', actor: `migration ${versions.map((v) => String(v).padStart(3, '0')).join(', ')}`,
      action: 'schema upgrade', outcome: 'done', detail: { schemaVersions: versions, rows: changed.length }, state: changed,
    });
  }
}
