/**
 * A 600-recipient invitation to a loopback SMTP server: `/meeting send` through the core (render,
 * one transaction) and the outbox sender until all 600 e-mails are handed over, against plain
 * pooled nodemailer sending the same 600 messages to the same server, interleaved in one run; and
 * the same as `npm start` runs it, the command and the delivery in the work thread.
 *
 * The server runs in a thread of its own (bench/lib/smtp-thread.ts): no sender shares its loop.
 * smtp-server waits ~100 ms before greeting each new connection (to catch early talkers); both
 * sides keep a pool of 5 connections open, so it would only shift the first round. It is off unless
 * FANOUT_GREETING_DELAY=1. Runs in `npm run bench`, or alone: `node --import tsx bench/suites/fanout.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTransport } from 'nodemailer';
import type { SendMailOptions } from 'nodemailer';
import { createEmailAdapter } from '../../adapters/email/email-adapter';
import { WorkThread } from '../../adapters/worker/work-thread';
import { FixedClock } from '../../src/clock';
import { ConveneCore } from '../../src/core/core';
import { OutboxSender } from '../../src/delivery/sender';
import { silentLogger } from '../../src/logger';
import { TemplateRenderer } from '../../src/render/renderer';
import { openDatabase } from '../../src/store/db';
import { outboxByRef } from '../../src/store/outbox';
import { setUpExerciseSafely } from '../../src/use-cases/exercise/init-exercise';
import { buildRegistry } from '../../src/use-cases/index';
import { formatMs, Report, stats, timeOnce, type Comparison } from '../lib/measure';
import { startSmtpThread } from '../lib/smtp-thread';
import type { BenchContext, BenchSuite } from '../lib/suite';

const RECIPIENTS = 600;
const FROM = 'Convene <convene@pwg.example.org>';
const greetingDelay = process.env.FANOUT_GREETING_DELAY === '1';

/** 60 organisations with 598 focal points, the coordinator and an observer: 600 people in the PWG. */
function exerciseOf600(): unknown {
  const organisations = Array.from({ length: 60 }, (_, o) => ({
    acronym: `ORG${o + 1}`,
    name: `Member organisation ${o + 1}`,
    pmg: o < 5,
    focalPoints: Array.from({ length: o === 59 ? 8 : 10 }, (_, f) => ({ email: `focal${f + 1}@org${o + 1}.example.org`, name: `Focal Point ${o + 1}-${f + 1}` })),
  }));
  return {
    name: 'Fan-out 2027',
    timeZone: 'Europe/Belgrade',
    noticeDays: 7,
    minutesDays: 7,
    coordinator: { email: 'coordinator@org1.example.org', name: 'Profiling Coordinator', organisation: 'ORG1' },
    organisations,
    observers: [{ email: 'support@jips.example.org', name: 'JIPS' }],
  };
}

async function run({ dir, root, report, quick }: Pick<BenchContext, 'dir' | 'root' | 'report' | 'quick'>): Promise<void> {
  const smtp = await startSmtpThread(greetingDelay);
  const db = openDatabase(join(dir, 'fanout.sqlite'));
  const clock = new FixedClock('2026-11-22T09:00:00Z');
  const renderer = new TemplateRenderer(join(root, 'templates'));
  const set = setUpExerciseSafely(db, exerciseOf600(), clock.now(), 'bench');
  if (!set.ok) throw new Error(set.message);
  const core = new ConveneCore({ db, clock, registry: buildRegistry(), renderer, settings: { noticeDays: 7, minutesDays: 7 }, logger: silentLogger });
  const as = { kind: 'local' as const, email: 'coordinator@org1.example.org' };
  const command = (text: string) => {
    const r = core.handleSync({ text, actor: as });
    if (r.status !== 'accepted') throw new Error(`${text}: ${r.reply}`);
    return r.reply;
  };
  const email = createEmailAdapter({ from: FROM, smtpUrl: `smtp://127.0.0.1:${smtp.port}`, smtp: { ignoreTLS: true } });
  const sender = new OutboxSender({ db, clock, ports: [email], renderer, logger: silentLogger });
  const plain = createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true, pool: true });

  let day = 0;
  /** Schedules the next meeting with an agenda (not timed); returns its id. */
  const nextMeeting = () => {
    const date = new Date(Date.UTC(2027, 0, 10 + day++)).toISOString().slice(0, 10);
    const id = /Scheduled (M\d+)/.exec(command(`/meeting schedule PWG ${date} 10:00 Agree the methodology and the data-collection tools`))![1]!;
    command(`/meeting agenda ${id} add Review of the draft methodology`);
    command(`/meeting agenda ${id} add Data-collection tools: questionnaire and sampling frame`);
    return id;
  };
  const convene = async (id: string) => {
    command(`/meeting send ${id}`);
    const d = await sender.drain();
    if (d.sent !== RECIPIENTS) throw new Error(`Convene handed over ${d.sent} of ${RECIPIENTS}`);
  };
  // The baseline sends exactly what Convene sent for the first meeting: same parts, same sizes.
  let mails: SendMailOptions[] = [];
  const baseline = async () => {
    const before = smtp.accepted();
    await Promise.all(mails.map((m) => plain.sendMail(m)));
    if (smtp.accepted() - before !== RECIPIENTS) throw new Error('the baseline lost messages');
  };

  const first = nextMeeting();
  await convene(first);
  mails = outboxByRef(db, `meeting:${first.slice(1)}`).filter((r) => r.medium === 'email').map((r) => ({
    from: FROM, to: r.address, subject: r.payload.subject, text: r.payload.text, html: r.payload.html,
    messageId: `<bench-${r.id}@pwg.example.org>`,
    ...(r.payload.calendar ? { icalEvent: { method: r.payload.calendar.method, filename: r.payload.calendar.filename, content: r.payload.calendar.content } } : {}),
  }));
  await baseline();

  // As `npm start` wires it (adapters/compose.ts): the command and the e-mail's delivery in the
  // work thread (its own connection, SMTP pool and sender, at the lowest CPU priority on Linux).
  const thread = new WorkThread({
    databasePath: db.name, templatesDir: join(root, 'templates'), logLevel: 'silent', settings: { noticeDays: 7, minutesDays: 7 }, clock, logger: silentLogger,
    onCommitted: () => undefined,
    delivery: { email: { from: FROM, smtpUrl: `smtp://127.0.0.1:${smtp.port}` }, systemClock: false, startedAt: clock.now().toISOString() },
  });
  const inThread = async (id: string) => {
    const r = await thread.handle({ text: `/meeting send ${id}`, actor: as });
    if (r.status !== 'accepted') throw new Error(`/meeting send ${id}: ${r.reply}`);
    let sent = 0;
    // A drain stops when nothing is due; results recorded at its end may show more to do: drain until all are handed over.
    while (sent < RECIPIENTS) {
      const d = await thread.drainOutbox();
      if (d.sent === 0) throw new Error(`Convene's work thread handed over ${sent} of ${RECIPIENTS}`);
      sent += d.sent;
    }
  };
  await inThread(nextMeeting());

  const samples = quick ? 2 : 9;
  const base: number[] = [];
  const subject: number[] = [];
  const threaded: number[] = [];
  for (let i = 0; i < samples; i++) {
    const id = nextMeeting();
    const other = nextMeeting();
    // Rotate which goes first, so none always meets a warm server.
    const rounds = [
      async () => base.push(await timeOnce(baseline)),
      async () => subject.push(await timeOnce(() => convene(id))),
      async () => threaded.push(await timeOnce(() => inThread(other))),
    ];
    for (let k = 0; k < rounds.length; k++) await rounds[(i + k) % rounds.length]!();
  }
  const result: Comparison = { baseline: stats(base), subject: stats(subject) };
  const note = `smtp-server greeting delay ${greetingDelay ? 'on (~100 ms per new connection)' : 'off'}; pool of 5 connections on both sides`;
  report.figure({
    name: `${RECIPIENTS}-recipient invitation to loopback SMTP (/meeting send + delivery)`,
    scale: 1,
    baseline: 'plain pooled nodemailer, same 600 messages',
    result,
    // ≥ 0.8 × the baseline's throughput is ≤ 1.25 × its time.
    goal: 1.25,
    note,
  });
  report.line(`  throughput: Convene ${(RECIPIENTS / (result.subject.median / 1000)).toFixed(0)} messages/s, nodemailer ${(RECIPIENTS / (result.baseline.median / 1000)).toFixed(0)} messages/s (medians; ${formatMs(result.subject.median)} vs ${formatMs(result.baseline.median)})`);
  report.figure({
    name: `${RECIPIENTS}-recipient invitation to loopback SMTP, as npm start runs it (command and delivery in the work thread)`,
    scale: 1,
    baseline: 'plain pooled nodemailer, same 600 messages',
    result: { baseline: stats(base), subject: stats(threaded) },
    goal: 1.25,
    note,
  });

  await thread.stop();
  plain.close();
  await email.close();
  db.close();
  await smtp.stop();
}

const suite: BenchSuite = { name: 'fanout', run };
export default suite;

// Alone: node --import tsx bench/suites/fanout.ts
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = mkdtempSync(join(tmpdir(), 'convene-fanout-'));
  const report = new Report();
  report.begin('fanout');
  run({ dir, root: join(import.meta.dirname, '..', '..'), report, quick: process.argv.includes('--quick') })
    .then(() => console.log(`\n${report.summary()}`))
    .finally(() => rmSync(dir, { recursive: true, force: true }));
}
