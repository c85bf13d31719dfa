import { outboxByRef, type OutboxEntry } from '../../src/store/outbox';
import type { TestApp } from './app';
import { meetingWithAgenda, ok } from './meetings';

/**
 * The Kosovo example with the PWG meeting M1 on Tue 1 Dec 2026, 10:00-12:00 Belgrade, noticed on
 * time; the clock stands at 10:30 that day (the meeting is under way). Its minutes are due 8 Dec.
 */
export async function meetingUnderWay(app: TestApp, group: 'PWG' | 'PMG' = 'PWG'): Promise<string> {
  app.clock.set('2026-11-10T09:00:00Z');
  const id =
    group === 'PWG'
      ? meetingWithAgenda(app, '2026-12-01', '10:00', 'milestone:tor')
      : /\b(M\d+)\b/.exec(ok(app, '/meeting schedule PMG 2026-12-01 10:00 Workplan'))![1]!;
  if (group === 'PMG') ok(app, `/meeting agenda ${id} add Workplan and budget`);
  ok(app, `/meeting send ${id}`);
  await app.sender.drain();
  app.clock.set('2026-12-01T09:30:00Z');
  return id;
}

/** Moves the clock and runs a tick: jobs, sweeps, then the outbox. */
export async function tickAt(app: TestApp, iso: string) {
  app.clock.set(iso);
  return app.scheduler.tick();
}

/** Messages of one kind about a meeting's minutes. */
export function minutesMessages(app: TestApp, meetingId: string, kind?: string): OutboxEntry[] {
  return outboxByRef(app.db, `minutes:${meetingId.slice(1)}`).filter((e) => kind === undefined || e.kind === kind);
}

/** The e-mail addresses a kind of message about the minutes went to, sorted. */
export function minutesEmailedTo(app: TestApp, meetingId: string, kind: string): string[] {
  return minutesMessages(app, meetingId, kind).filter((m) => m.medium === 'email').map((m) => m.address).sort();
}
