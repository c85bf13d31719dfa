import { existsSync } from 'node:fs';
import type { Finding } from '../../src/domain/audit-chain';
import type { Db } from '../../src/store/db';
import { exerciseBySlug, listExercises } from '../../src/store/exercises';
import { verifyDatabase, type ChainReport } from '../../src/store/verify-database';
import { verifyExport } from '../../src/use-cases/exercise/verify-export';
import type { CliIo } from './main';

/** `1 entry`, `2 entries`. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function verdict(findings: number, io: CliIo): number {
  if (findings === 0) return 0;
  io.stdout(`${plural(findings, 'finding')}: the record was changed outside Convene after it was written.\n`);
  return 1;
}

/** `convene verify --export <folder>`: the export alone, without the database. */
export function verifyExportFolder(folder: string, io: CliIo): number {
  if (!existsSync(folder)) {
    io.stderr(`There is no folder ${folder}.\n`);
    return 2;
  }
  const { record, findings } = verifyExport(folder);
  for (const f of findings) io.stdout(`${f.sentence}\n`);
  if (findings.length === 0 && record)
    io.stdout(`The export of ${record.exercise.name} (${record.exercise.slug}, ${record.exportedAt}) is complete and unaltered: ${plural(record.auditLog.length, 'audit entry', 'audit entries')}, chain head ${record.chain.head}.\n`);
  return verdict(findings.length, io);
}

function describe(r: ChainReport): string {
  const name = r.exercise ? `${r.exercise.name} (${r.exercise.slug})` : 'The installation (entries of no exercise)';
  const since = r.startedByMigration ? `; chained since the upgrade to schema 5 (entry ${r.startedByMigration.entryId}), earlier entries are vouched for from then on` : '';
  return `${name}: ${plural(r.entries, 'entry', 'entries')}, chain head ${r.head ?? 'none'}${since}.`;
}

/** `convene verify [--exercise <slug>]`: every chain of the database, and state against the log. */
export function verifyDatabaseChains(db: Db, slug: string | undefined, io: CliIo): number {
  const exercise = slug === undefined ? undefined : exerciseBySlug(db, slug);
  if (slug !== undefined && !exercise) {
    io.stderr(`There is no exercise "${slug}". Known: ${listExercises(db).map((e) => e.slug).join(', ') || 'none'}.\n`);
    return 2;
  }
  const reports = verifyDatabase(db, exercise ?? undefined);
  const findings: Finding[] = [];
  for (const r of reports) {
    for (const f of r.findings) io.stdout(`${r.exercise ? `${r.exercise.slug}: ` : ''}${f.sentence}\n`);
    findings.push(...r.findings);
  }
  for (const r of reports) io.stdout(`${describe(r)}${r.findings.length ? ` ${plural(r.findings.length, 'finding')} above.` : ' Intact.'}\n`);
  if (reports.length === 0) io.stdout('There is nothing to verify yet: the audit log is empty.\n');
  return verdict(findings.length, io);
}
