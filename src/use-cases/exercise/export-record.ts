import type { Db } from '../../store/db';
import { schemaVersion } from '../../store/db';
import { exerciseById } from '../../store/exercises';
import { exerciseRows } from '../../store/export';
import { chainHead } from '../../store/audit';
import { exportSchema, type ExerciseRecord } from './export-schema';

/**
 * The whole record of one exercise as one object, in the documented shape (docs/EXPORT.md):
 * reads only, writes nothing. Checked against the schema on the way out, so a file that
 * `/exercise export` writes always validates.
 */
export function gatherRecord(db: Db, exerciseId: number, exportedAt: Date, exportedBy: string): ExerciseRecord {
  const e = exerciseById(db, exerciseId);
  if (!e) throw new Error(`No exercise ${exerciseId} to export.`);
  const rows = exerciseRows(db, exerciseId);
  return exportSchema.parse({
    format: 'convene-exercise-export',
    formatVersion: 1,
    exportedAt: exportedAt.toISOString(),
    exportedBy,
    databaseVersion: schemaVersion(db),
    exercise: {
      id: e.id, slug: e.slug, name: e.name, timeZone: e.timeZone, noticeDays: e.noticeDays, minutesDays: e.minutesDays,
      status: e.status, createdAt: e.createdAt, dissolvedAt: e.dissolvedAt, language: e.language,
    },
    ...rows,
    chain: { head: chainHead(db, exerciseId), entries: rows.auditLog?.length ?? 0 },
  });
}
