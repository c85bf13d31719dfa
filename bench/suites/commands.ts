/**
 * What a command costs through the core, against the raw durable write it contains, on the same
 * file: a change (parse, role, write, audit), a refusal (rolled back) and a read.
 */
import { join } from 'node:path';
import { FixedClock } from '../../src/clock';
import { ConveneCore } from '../../src/core/core';
import { silentLogger } from '../../src/logger';
import { TemplateRenderer } from '../../src/render/renderer';
import { openDatabase } from '../../src/store/db';
import { loadExample } from '../../src/use-cases/exercise/load-example';
import { buildRegistry } from '../../src/use-cases/index';
import { rawDurableInsert } from '../lib/baselines';
import { compare } from '../lib/measure';
import type { BenchSuite } from '../lib/suite';

const suite: BenchSuite = {
  name: 'commands',
  async run({ dir, root, report, quick }) {
    const db = openDatabase(join(dir, 'commands.sqlite'));
    const clock = new FixedClock('2026-11-22T09:00:00Z');
    const example = loadExample(db, join(root, 'data', 'examples'), 'kosovo', clock.now(), 'bench');
    if (!example.ok) throw new Error(example.message);
    const core = new ConveneCore({
      db, clock, registry: buildRegistry(), renderer: new TemplateRenderer(join(root, 'templates')),
      settings: { noticeDays: 7, minutesDays: 7 }, logger: silentLogger,
    });
    const as = { kind: 'local' as const, email: 'coordinator@unhcr.example.org' };
    const raw = rawDurableInsert(db);
    const samples = quick ? 50 : 1000;
    let i = 0;
    const expectStatus = (want: string, got: { status: string; reply: string }) => {
      if (got.status !== want) throw new Error(`expected ${want}: ${got.reply}`);
    };

    // The read first: the changes below add an observer each, and the list would grow with them.
    const rows = db.prepare('SELECT * FROM organisations ORDER BY id LIMIT 10');
    report.figure({
      name: '/members list (a read)', scale: 1, baseline: 'raw 10-row read',
      result: await compare({ baseline: () => rows.all(), subject: () => expectStatus('accepted', core.handleSync({ text: '/members list', actor: as })) }, { samples }),
    });
    report.figure({
      name: '/members add-observer (a change)', scale: 1, baseline: 'raw durable INSERT',
      result: await compare({ baseline: raw, subject: () => expectStatus('accepted', core.handleSync({ text: `/members add-observer guest${i++}@example.org Guest`, actor: as })) }, { samples }),
    });
    report.figure({
      name: '/members add-focal NOPE (refused, rolled back)', scale: 1, baseline: 'raw durable INSERT',
      result: await compare({ baseline: raw, subject: () => expectStatus('refused', core.handleSync({ text: '/members add-focal NOPE a@b.example.org Name', actor: as })) }, { samples }),
    });
    db.close();
  },
};

export default suite;
