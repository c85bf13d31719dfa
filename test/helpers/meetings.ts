import { expect } from 'vitest';
import type { Db } from '../../src/store/db';
import { jobsFor } from '../../src/store/jobs';
import { outboxByRef, type OutboxEntry } from '../../src/store/outbox';
import type { TestApp } from './app';

export const BELGRADE = 'Europe/Belgrade';

/** Everyone the Kosovo example's PWG notices go to: 12 focal points, the coordinator, JIPS. */
export const PWG_PEOPLE = 14;
/** The PMG: the focal points of MCR, UNHCR (two), DRC, UNDP, IOM, the coordinator, JIPS. */
export const PMG_PEOPLE = 8;

/** Runs a command that must be accepted, and returns its reply. */
export function ok(app: TestApp, text: string, as?: string): string {
  const r = app.run(text, as);
  expect(r, text).toMatchObject({ status: 'accepted' });
  return r.reply;
}

/** Runs a command that must be refused, and returns the refusal. */
export function no(app: TestApp, text: string, as?: string): { code: string; reply: string } {
  const r = app.run(text, as);
  expect(r.status, `${text} → ${r.reply}`).toBe('refused');
  return r as { code: string; reply: string; status: 'refused' };
}

/** A PWG meeting M<n> with an agenda of two items; returns its id ("M1"). */
export function meetingWithAgenda(app: TestApp, date = '2026-12-10', time = '10:00', extra = ''): string {
  const reply = ok(app, `/meeting schedule PWG ${date} ${time} Agree the TOR ${extra}`.trim());
  // The first meeting id of the reply, in whichever language the coordinator reads.
  const id = /\b(M\d+)\b/.exec(reply)![1]!;
  ok(app, `/meeting agenda ${id} add Review of the draft TOR`);
  ok(app, `/meeting agenda ${id} add Roles of the PWG and the PMG`);
  return id;
}

export function outbox(db: Db, meetingId: string, kind?: string): OutboxEntry[] {
  return outboxByRef(db, `meeting:${meetingId.slice(1)}`).filter((e) => kind === undefined || e.kind === kind);
}

export function pendingJobs(db: Db, meetingId: string): { kind: string; dueAt: string }[] {
  return jobsFor(db, `meeting:${meetingId.slice(1)}`)
    .filter((j) => j.status === 'pending')
    .map((j) => ({ kind: j.kind, dueAt: j.dueAt }));
}

/**
 * The properties of the VEVENT of an iCalendar text, lines unfolded (RFC 5545 §3.1), as
 * name → value; the parameters stay in `params` (e.g. `ATTENDEE` → `ROLE=...;CN="..."`).
 */
export function icsFields(content: string): { calendar: Record<string, string>; event: Record<string, { value: string; params: string }> } {
  const lines = content.replace(/\r\n[ \t]/g, '').split(/\r\n/).filter(Boolean);
  const calendar: Record<string, string> = {};
  const event: Record<string, { value: string; params: string }> = {};
  let inEvent = false;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') inEvent = true;
    else if (line === 'END:VEVENT') inEvent = false;
    const colon = line.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    const head = line.slice(0, colon);
    const value = line.slice(colon + 1);
    const [name, ...params] = head.split(';');
    if (inEvent) event[name!] = { value, params: params.join(';') };
    else calendar[name!] = value;
  }
  return { calendar, event };
}
