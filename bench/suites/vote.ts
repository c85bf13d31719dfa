/**
 * `/endorse vote` end to end through the core (vote, receipts, channel tally, audit, reply) on
 * the generated databases, against one raw durable `BEGIN IMMEDIATE; INSERT; COMMIT` on the same
 * file; on a fresh request and once it has 300 votes (each vote leaves receipts and channel
 * updates in the outbox, which the next vote must not have to read); and, for where the floor
 * lies, the least any vote could do under the rules, as bare statements, and an estimate of a vote
 * redesigned on that floor (the real grammar, reply and audit digests added to it).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { FixedClock } from '../../src/clock';
import { ConveneCore } from '../../src/core/core';
import type { CommandOutcome } from '../../src/core/ports';
import { silentLogger } from '../../src/logger';
import { TemplateRenderer } from '../../src/render/renderer';
import { bindChannel } from '../../src/store/channels';
import { openDatabase, type Db } from '../../src/store/db';
import { buildRegistry } from '../../src/use-cases/index';
import { rawDurableInsert } from '../lib/baselines';
import { generatedDatabase, NOW } from '../lib/generate';
import { leastVote } from '../lib/least-vote';
import { leanVote } from '../lib/lean-vote';
import { compare } from '../lib/measure';
import type { BenchSuite } from '../lib/suite';

function accepted(o: CommandOutcome): CommandOutcome {
  if (o.status !== 'accepted') throw new Error(`refused: ${o.reply}`);
  return o;
}

/** A fresh PWG request of exercise 1, posted in a bound Slack channel as the platform accepted it. */
function openRequest(db: Db, core: ConveneCore): number {
  const exercise = db.prepare(`SELECT id FROM exercises WHERE slug = 'exercise-1'`).get() as { id: number };
  bindChannel(db, { exerciseId: exercise.id, group: 'PWG', medium: 'slack', channelId: 'C0PWG', at: NOW.toISOString() });
  const reply = accepted(core.handleSync({ text: '/endorse open PWG Terms of Reference version:v2', actor: { kind: 'local', email: 'coordinator.x1@example.org' }, exerciseSlug: 'exercise-1' })).reply;
  const id = Number(/E(\d+)/.exec(reply)![1]);
  db.prepare(`UPDATE outbox SET status = 'sent', handed_over_at = created_at, provider_id = '1700000000.000100' WHERE ref = ? AND medium = 'slack'`).run(`endorsement:${id}`);
  return id;
}

/**
 * What a machine's load does not move much, printed beside the timed figures: CPU time (user and
 * system, `process.cpuUsage`) per call, and WAL frames (pages) written per commit, each for `n` calls.
 */
function counts(db: Db, path: string, n: number, work: () => void): { cpuUs: number; frames: number } {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const autocheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const wal = `${path}-wal`;
  const size0 = statSync(wal).size;
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < n; i++) work();
  const cpu = process.cpuUsage(cpu0);
  const frames = (statSync(wal).size - size0) / (pageSize + 24) / n;
  db.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
  return { cpuUs: (cpu.user + cpu.system) / n, frames };
}

const suite: BenchSuite = {
  name: 'vote',
  async run({ scales, dir, root, report, quick }) {
    for (const scale of scales) {
      const { db } = generatedDatabase(dir, scale, (p) => openDatabase(p));
      const clock = new FixedClock(NOW);
      const core = new ConveneCore({
        db, clock, registry: buildRegistry(), renderer: new TemplateRenderer(join(root, 'templates')),
        settings: { noticeDays: 7, minutesDays: 7 }, logger: silentLogger,
      });
      const id = openRequest(db, core);
      // Two organisations change their votes back and forth: every vote is a change, and the request stays open.
      let n = 0;
      const vote = () => {
        const org = n % 2;
        const choice = Math.floor(n / 2) % 2 === 0 ? 'endorse' : 'object The figures need checking';
        n++;
        accepted(core.handleSync({ text: `/endorse vote E${id} ${choice}`, actor: { kind: 'local', email: `f0.o${org}.x1@example.org` }, exerciseSlug: 'exercise-1' }));
      };
      const raw = rawDurableInsert(db);
      const samples = quick ? 30 : 300;
      report.figure({ name: '/endorse vote, a new request', scale, baseline: 'raw durable INSERT, same file', result: await compare({ baseline: raw, subject: vote }, { samples, warmup: 0 }), goal: 2 });
      while (n < 300) vote();
      report.figure({ name: '/endorse vote, request with 300 votes', scale, baseline: 'raw durable INSERT, same file', result: await compare({ baseline: raw, subject: vote }, { samples }), goal: 2 });
      // Where the figure's floor lies: the least any vote could do under SPEC's rules (bench/lib/least-vote.ts).
      const exerciseId = (db.prepare(`SELECT id FROM exercises WHERE slug = 'exercise-1'`).get() as { id: number }).id;
      const least = leastVote(db, { exerciseId, requestId: id, emails: ['f0.o2.x1@example.org', 'f0.o3.x1@example.org'], at: NOW.toISOString() });
      report.figure({ name: 'the least a vote could do (floor: bare statements, one outbox row)', scale, baseline: 'raw durable INSERT, same file', subject: 'bare statements', result: await compare({ baseline: raw, subject: least }, { samples }) });
      // And what a vote redesigned around that floor would reach with the grammar, the reply and the digests it cannot drop (bench/lib/lean-vote.ts).
      const lean = leanVote(db, buildRegistry(), { exerciseId, requestId: id, emails: ['f0.o4.x1@example.org', 'f0.o5.x1@example.org'], at: NOW.toISOString() });
      report.figure({ name: 'a vote redesigned on that floor (estimate: + grammar, reply, digests)', scale, baseline: 'raw durable INSERT, same file', subject: 'floor + parse, reply, digests', result: await compare({ baseline: raw, subject: lean }, { samples }) });
      const path = db.name;
      const v = counts(db, path, samples, vote);
      const r = counts(db, path, samples, raw);
      report.line(
        `  counts [${scale}×]: a vote ${v.cpuUs.toFixed(0)} µs CPU (user + system), ${v.frames.toFixed(1)} WAL pages per commit; ` +
          `the raw insert ${r.cpuUs.toFixed(0)} µs, ${r.frames.toFixed(1)} pages`,
      );
      db.close();
    }
  },
};

export default suite;
