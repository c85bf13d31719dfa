import type { Db } from './db';
import { checkChain, checkState, type Finding } from '../domain/audit-chain';
import { chainOf } from './audit';
import { recordedRows } from './recorded-rows';
import { listExercises, type Exercise } from './exercises';

export interface ChainReport {
  /** The exercise, or null for the installation's own chain (entries of no exercise). */
  exercise: Exercise | null;
  entries: number;
  head: string | null;
  /** Set when the chain was started by the upgrade to schema 5 over entries written before it. */
  startedByMigration: { entryId: number; at: string } | null;
  findings: Finding[];
}

/**
 * Re-computes every chain (or one exercise's) and checks that the votes, minutes versions and
 * handed-over messages are as their entries recorded them. Reads only, in one snapshot.
 */
export function verifyDatabase(db: Db, exercise?: Exercise): ChainReport[] {
  return db.transaction(() => {
    const reports: ChainReport[] = [];
    const exercises = exercise ? [exercise] : listExercises(db);
    for (const x of exercises) {
      const chain = chainOf(db, x.id);
      const rows = { vote: recordedRows(db, 'vote', 'exercise', x.id), minutes: recordedRows(db, 'minutes', 'exercise', x.id), message: recordedRows(db, 'message', 'exercise', x.id) };
      const start = chain.find((e) => e.action === 'audit chain start' && e.actor === 'migration 005');
      reports.push({
        exercise: x, entries: chain.length, head: chain.at(-1)?.hash ?? null,
        startedByMigration: start ? { entryId: start.id, at: start.at } : null,
        findings: [...checkChain(chain), ...checkState(chain, rows)],
      });
    }
    if (!exercise) {
      const chain = chainOf(db, null);
      if (chain.length > 0) reports.push({ exercise: null, entries: chain.length, head: chain.at(-1)?.hash ?? null, startedByMigration: null, findings: checkChain(chain) });
    }
    return reports;
  })();
}
