/**
 * `npm run bench`: what a command costs through the core, against raw SQLite doing the same
 * durable write in the same run (same machine, same pragmas). Prints figures and ratios.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { FixedClock } from '../src/clock';
import { ConveneCore } from '../src/core/core';
import type { DeliveryPort } from '../src/core/ports';
import { OutboxSender } from '../src/delivery/sender';
import { silentLogger } from '../src/logger';
import { TemplateRenderer } from '../src/render/renderer';
import { openDatabase } from '../src/store/db';
import { enqueue } from '../src/store/outbox';
import { loadExample } from '../src/use-cases/exercise/load-example';
import { buildRegistry } from '../src/use-cases/index';

const ROOT = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'convene-bench-'));

function time(label: string, n: number, fn: (i: number) => void): number {
  for (let i = 0; i < Math.min(50, n); i++) fn(-1 - i); // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn(i);
  const us = Number(process.hrtime.bigint() - t0) / 1000 / n;
  console.log(`${label.padEnd(58)} ${us.toFixed(1).padStart(8)} µs/op  (${n} ops)`);
  return us;
}

async function main(): Promise<void> {
  console.log(`Convene benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);

  // Baseline: one durable write transaction in raw SQLite (WAL, synchronous=FULL, IMMEDIATE).
  const raw = new Database(join(dir, 'raw.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b TEXT, at TEXT)');
  const ins = raw.prepare('INSERT INTO t (a, b, at) VALUES (?, ?, ?)');
  const rawWrite = raw.transaction((i: number) => ins.run(`X${i}`, 'name', '2026-01-01'));
  const baseline = time('raw SQLite: one INSERT in an IMMEDIATE transaction', 2000, (i) => rawWrite.immediate(i));
  const sel = raw.prepare('SELECT * FROM t ORDER BY id DESC LIMIT 10');
  const rawRead = time('raw SQLite: read 10 rows', 5000, () => sel.all());
  raw.close();

  const db = openDatabase(join(dir, 'convene.sqlite'));
  const clock = new FixedClock('2026-11-22T09:00:00Z');
  const renderer = new TemplateRenderer(join(ROOT, 'templates'));
  const example = loadExample(db, join(ROOT, 'data', 'examples'), 'kosovo', clock.now(), 'bench');
  if (!example.ok) throw new Error(example.message);
  const core = new ConveneCore({ db, clock, registry: buildRegistry(), renderer, settings: { noticeDays: 7, minutesDays: 7 }, logger: silentLogger });
  const as = { kind: 'local' as const, email: 'coordinator@unhcr.example.org' };

  const read = time('core: /members list (12 focal points, 10 organisations)', 2000, () => core.handleSync({ text: '/members list', actor: as }));
  const write = time('core: /members add-observer (parse, role, write, audit)', 2000, (i) =>
    core.handleSync({ text: `/members add-observer guest${i + 100}@example.org Guest ${i}`, actor: as }),
  );
  const refused = time('core: a refused command (unknown organisation, rolled back)', 2000, () =>
    core.handleSync({ text: '/members add-focal NOPE a@b.example.org Name', actor: as }),
  );

  // Outbox: queue 2,000 e-mails and drain them through a port that accepts at once.
  const port: DeliveryPort = { medium: 'email', send: async (m) => ({ status: 'sent', providerId: `p${m.id}` }) };
  const sender = new OutboxSender({ db, clock, ports: [port], renderer, logger: silentLogger });
  const queue = db.transaction(() => {
    for (let i = 0; i < 2000; i++) enqueue(db, { exerciseId: 1, kind: 'bench', medium: 'email', address: `p${i}@example.org`, payload: { subject: 's', text: 't' } }, clock.now().toISOString());
  });
  queue.immediate();
  const t0 = process.hrtime.bigint();
  const report = await sender.drain();
  const drainUs = Number(process.hrtime.bigint() - t0) / 1000 / report.sent;
  console.log(`${'outbox: deliver one message (claim, send, record, audit)'.padEnd(58)} ${drainUs.toFixed(1).padStart(8)} µs/op  (${report.sent} ops)`);
  db.close();

  console.log('\nRatios to raw SQLite in this run:');
  console.log(`  changing command / raw durable write   ${(write / baseline).toFixed(1)}x`);
  console.log(`  refused command / raw durable write    ${(refused / baseline).toFixed(1)}x`);
  console.log(`  read command / raw 10-row read         ${(read / rawRead).toFixed(1)}x`);
  console.log(`  outbox delivery / raw durable write    ${(drainUs / baseline).toFixed(1)}x  (two transactions per message)`);
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => rmSync(dir, { recursive: true, force: true }));
