import Database from 'better-sqlite3';
import { createTestApp, type TestApp } from '../helpers/app';
import { meetingWithAgenda, ok } from '../helpers/meetings';
import { FOCAL } from '../helpers/endorsements';
import type { CliIo } from '../../adapters/cli/main';

/**
 * A whole meeting cycle on the Kosovo example: notices sent and handed over, an agenda amended,
 * votes cast, replaced and by proxy, an endorsement closed, minutes published and corrected.
 */
export async function meetingCycle(options: Omit<Parameters<typeof createTestApp>[0], 'now'> = {}): Promise<TestApp> {
  const app = createTestApp({ ...options, now: '2026-11-10T09:00:00Z' });
  meetingWithAgenda(app, '2026-12-01', '10:00', 'milestone:tor');
  ok(app, '/meeting send M1');
  await app.sender.drain();
  ok(app, '/meeting agenda M1 add Any other business');
  ok(app, '/meeting send M1');
  ok(app, '/endorse open PWG Terms of Reference version:v1 meeting:M1');
  ok(app, '/endorse vote E1 object Section IV needs work', FOCAL.KAS);
  ok(app, '/endorse vote E1 endorse Objection withdrawn', FOCAL.KAS);
  ok(app, '/endorse vote E1 endorse', FOCAL.UNHCR);
  ok(app, '/endorse proxy E1 SCR endorse given by phone');
  await app.sender.drain();
  app.clock.set('2026-12-01T09:30:00Z');
  ok(app, '/minutes note M1 KAS asked about the frame');
  ok(app, '/minutes decision M1 The TOR is agreed');
  ok(app, '/minutes action M1 KAS 2026-12-15 Share the sampling frame');
  app.clock.set('2026-12-02T09:00:00Z');
  ok(app, '/minutes publish M1');
  ok(app, '/minutes correct M1 Decision 1 names the TOR version: v1');
  await app.scheduler.tick();
  return app;
}

/** Captures a CLI run's output. */
export function captureIo(env: NodeJS.ProcessEnv = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: { LOG_LEVEL: 'silent', ...env } };
}

/** Edits a database file the way someone with the file and the sqlite3 shell could: triggers dropped, plain SQL. */
export function tamper(path: string, sql: string): void {
  const db = new Database(path);
  db.pragma('foreign_keys = OFF');
  const triggers = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string }[]).map((t) => t.name);
  for (const t of triggers) db.exec(`DROP TRIGGER "${t}"`);
  db.exec(sql);
  db.close();
}
