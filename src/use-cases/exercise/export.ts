import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { accepted, defineCommand, refused } from '../../commands/registry';
import { formatDate, todayIn } from '../../domain/minutes';
import { appendAudit } from '../../store/audit';
import { exportBodyDigest } from '../../domain/audit-chain';
import { gatherRecord } from './export-record';
import { reportMarkdown } from './export-report';

export const DEFAULT_EXPORTS_DIR = 'data/exports';

/** `<root>/<base>`, or `<base>-2`, `-3`... when an export of that day is already there (earlier exports are kept). */
function freeTarget(root: string, base: string): string {
  let target = join(root, base);
  for (let n = 2; existsSync(target); n++) target = join(root, `${base}-${n}`);
  return target;
}

/** Writes the files into a temporary folder beside the target, then renames it: the folder appears whole or not at all. */
function writeAtomically(root: string, target: string, files: Record<string, string>): { ok: true } | { ok: false; error: string } {
  let temp: string | undefined;
  try {
    mkdirSync(root, { recursive: true });
    temp = mkdtempSync(join(root, '.export-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(temp, name), content, { flag: 'wx' });
    renameSync(temp, target);
    return { ok: true };
  } catch (err) {
    if (temp) rmSync(temp, { recursive: true, force: true });
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export const exportExercise = defineCommand({
  path: 'exercise export',
  params: [],
  schema: z.object({}),
  summary: "Write the exercise's whole record as JSON (record.json) and a readable Markdown report (report.md), and say where.",
  details: [
    'The record: the exercise, its organisations, members (removed ones too), meetings, agendas and every notice version, every message and its delivery, endorsement requests and every vote (replaced ones and proxies too), minutes and every published version, action items, reminders, and the audit log.',
    'It is written to <EXPORTS_DIR>/<slug>-<date>/ on the server running the bot (EXPORTS_DIR, default data/exports); the JSON shape is documented in docs/EXPORT.md.',
    'Typed in Slack or Discord, the report is also e-mailed to you; the JSON stays on the server. It works in a dissolved exercise too: it changes nothing in the record.',
  ].join('\n'),
  access: 'coordinator',
  // It writes files, not the record: allowed in a dissolved exercise. The use case audits it itself.
  changes: false,
  run(ctx) {
    const exercise = ctx.requireExercise();
    const root = resolve(ctx.settings.exportsDir ?? DEFAULT_EXPORTS_DIR);
    const date = formatDate(todayIn(exercise.timeZone, ctx.now));
    const target = freeTarget(root, `${exercise.slug}-${date}`);
    // The entry of the export records the digest of the record gathered before it, then closes the
    // record: its hash is the chain head printed in the report (verify --export checks both).
    const body = gatherRecord(ctx.db, exercise.id, ctx.now, ctx.actor.label);
    appendAudit(ctx.db, {
      exerciseId: exercise.id, at: ctx.nowIso, actorPersonId: ctx.actor.person?.id ?? null, actor: ctx.actor.label,
      action: 'exercise export', command: ctx.command, outcome: 'accepted', detail: { path: target, record: exportBodyDigest(body) },
    });
    const record = gatherRecord(ctx.db, exercise.id, ctx.now, ctx.actor.label);
    const report = reportMarkdown(record);
    const written = writeAtomically(root, target, { 'record.json': `${JSON.stringify(record, null, 2)}\n`, 'report.md': report });
    const say = ctx.sayFrom('reply-exercise-dissolve');
    if (!written.ok) return refused('not-available', say('exportFailed', { target, error: written.error }));

    const n = (key: string, list: readonly unknown[]) => say(key, { count: list.length });
    const counts = [
      n('memberships', record.memberships),
      n('meetings', record.meetings),
      n('notices', record.meetingNotices),
      n('messages', record.messages),
      say('requestsWithVotes', { requests: n('requests', record.endorsements), votes: n('votes', record.votes) }),
      n('minutesVersions', record.minutesVersions),
      n('actionItems', record.actionItems),
      n('auditEntries', record.auditLog),
    ].join(', ');
    let mailed = '';
    if (ctx.actor.chat && ctx.actor.person) {
      ctx.deliver({
        kind: 'exercise-export',
        ref: `exercise:${exercise.id}`,
        to: ctx.actor.person,
        emailOnly: true,
        view: { date, path: target, report },
      });
      mailed = ` ${say('exportMailed', { email: ctx.actor.person.email })}`;
    }
    return accepted(`${say('exported', { exercise: exercise.name, target, counts, head: record.chain.head })}${mailed}`);
  },
});
