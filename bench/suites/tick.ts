/**
 * The idle scheduler tick (nothing due) on the generated databases, against one indexed due-jobs
 * query on the same file; it must stay flat as history grows. Prints the EXPLAIN QUERY PLAN of
 * every statement the idle tick runs and fails the run if one scans a table that grows.
 */
import { join } from 'node:path';
import { FixedClock } from '../../src/clock';
import type { DeliveryPort, Medium } from '../../src/core/ports';
import { OutboxSender } from '../../src/delivery/sender';
import { silentLogger } from '../../src/logger';
import { TemplateRenderer } from '../../src/render/renderer';
import { Scheduler } from '../../src/scheduler/tick';
import { openDatabase } from '../../src/store/db';
import { buildJobHandlers } from '../../src/use-cases/index';
import { generatedDatabase, NOW } from '../lib/generate';
import { compare } from '../lib/measure';
import { queryPlan, recordStatements } from '../lib/plans';
import type { BenchSuite } from '../lib/suite';

const accepting = (medium: Medium): DeliveryPort => ({ medium, send: async (m) => ({ status: 'sent', providerId: `p${m.id}` }) });

const suite: BenchSuite = {
  name: 'tick',
  async run({ scales, dir, root, report, quick }) {
    for (const scale of scales) {
      const { db } = generatedDatabase(dir, scale, (p) => openDatabase(p));
      const clock = new FixedClock(NOW);
      const renderer = new TemplateRenderer(join(root, 'templates'));
      const settings = { noticeDays: 7, minutesDays: 7 };
      const sender = new OutboxSender({ db, clock, ports: [accepting('email'), accepting('slack'), accepting('discord')], renderer, logger: silentLogger });
      const scheduler = new Scheduler({ db, clock, handlers: buildJobHandlers(), renderer, settings, sender, logger: silentLogger });
      // Whatever the generated history left due (nothing, by design) runs once before measuring.
      const first = await scheduler.tick();
      if (first.jobs.length || first.delivery.sent) report.line(`note: the first tick did ${first.jobs.length} jobs and sent ${first.delivery.sent} messages`);

      const due = db.prepare(`SELECT * FROM jobs WHERE status = 'pending' AND run_at <= ? ORDER BY run_at, id LIMIT 100`);
      const nowIso = NOW.toISOString();
      const result = await compare({ baseline: () => due.all(nowIso), subject: () => scheduler.tick() }, { samples: quick ? 50 : 500 });
      report.figure({ name: 'idle scheduler tick (nothing due)', scale, baseline: 'one indexed due-jobs query', result, goal: 3 });

      // The first idle tick after a change reads when work falls due next; the ones after read no table.
      db.prepare(`INSERT INTO inbound_requests (key, received_at, outcome) VALUES (?, ?, '{}')`).run(`bench-${scale}`, nowIso);
      const statements = [...(await recordStatements(db, () => scheduler.tick())), ...(await recordStatements(db, () => scheduler.tick()))];
      report.line(`\nEXPLAIN QUERY PLAN of the ${statements.length} statements of two idle ticks, the first after a change, at ${scale}×:`);
      for (const s of statements) {
        const plan = queryPlan(db, s);
        report.line(`- ${s.sql.replace(/\s+/g, ' ').trim()}\n${plan.lines.map((l) => `    ${l}`).join('\n')}`);
        for (const table of plan.scans) report.fail(`the idle tick scans ${table}, which grows with history, at ${scale}×`);
      }
      report.line('');
      db.close();
    }
  },
};

export default suite;
