import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkChain, checkState, exportBodyDigest, type ChainedEntry, type Finding } from '../../domain/audit-chain';
import { exportSchema, type ExerciseRecord } from './export-schema';
import { reportMarkdown } from './export-report';

export interface ExportReport {
  record: ExerciseRecord | null;
  findings: Finding[];
}

const finding = (sentence: string): Finding => ({ entryId: null, sentence });

/** The first line where two texts differ (1-based), for a sentence a person can act on. */
function firstDifferentLine(a: string, b: string): number {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return i + 1;
  return 0;
}

/**
 * Checks an export folder without the database: record.json is byte for byte what Convene wrote,
 * its audit chain is whole, the export's own entry vouches for the rest of the record, the
 * votes, minutes and messages agree with the log, and report.md is the one made from the record.
 */
export function verifyExport(folder: string): ExportReport {
  const jsonPath = join(folder, 'record.json');
  const reportPath = join(folder, 'report.md');
  if (!existsSync(jsonPath)) return { record: null, findings: [finding(`${folder} has no record.json: it is not an export of Convene, or it is incomplete.`)] };
  const text = readFileSync(jsonPath, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { record: null, findings: [finding('record.json is not valid JSON: it was changed or cut short after it was exported.')] };
  }
  const parsed = exportSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { record: null, findings: [finding(`record.json is not a Convene export of this format (at ${issue?.path.join('.') || 'the top'}: ${issue?.message ?? 'unknown'}).`)] };
  }
  const record = parsed.data;
  const findings: Finding[] = [];
  const log = record.auditLog;
  if (`${JSON.stringify(raw, null, 2)}\n` !== text)
    findings.push(finding(`record.json is laid out differently from how Convene wrote it (line ${firstDifferentLine(`${JSON.stringify(raw, null, 2)}\n`, text)}): it was edited after the export.`));

  const entries: ChainedEntry[] = log.map((a) => ({ ...a, exerciseId: record.exercise.id }));
  findings.push(...checkChain(entries));
  const last = log.at(-1);
  if (!last || last.action !== 'exercise export' || typeof last.detail?.record !== 'string') {
    findings.push(finding('The audit log of record.json does not end with the entry of its own export: entries were removed from its end.'));
  } else if (exportBodyDigest({ ...record, auditLog: log.slice(0, -1) }) !== last.detail.record) {
    findings.push(finding(`record.json differs from what its export entry ${last.id} (${last.at}) recorded: a value in it was changed after the export.`));
  }
  if (record.chain.head !== (last?.hash ?? null) || record.chain.entries !== log.length)
    findings.push(finding(`The chain head of record.json (${record.chain.head ?? 'none'}, ${record.chain.entries} entries) is not that of its audit log (${last?.hash ?? 'none'}, ${log.length} entries).`));
  findings.push(...checkState(entries, { vote: record.votes, minutes: record.minutesVersions, message: record.messages }));

  if (!existsSync(reportPath)) findings.push(finding(`${folder} has no report.md: the export is incomplete.`));
  else {
    const expected = reportMarkdown(record);
    const actual = readFileSync(reportPath, 'utf8');
    if (actual !== expected) findings.push(finding(`report.md differs from the report of record.json at line ${firstDifferentLine(expected, actual)}: it was changed after the export.`));
  }
  return { record, findings };
}
