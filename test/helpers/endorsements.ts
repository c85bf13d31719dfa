import type { CommandOutcome } from '../../src/core/ports';
import { outboxByRef, type OutboxEntry } from '../../src/store/outbox';
import type { TestApp } from './app';

/** One focal point per organisation of the Kosovo example (UNHCR and UNICEF have a second one). */
export const FOCAL = {
  MCR: 'focal@mcr.example.org',
  UNHCR: 'focal@unhcr.example.org',
  DRC: 'focal@drc.example.org',
  UNDP: 'focal@undp.example.org',
  IOM: 'focal@iom.example.org',
  KAS: 'focal@kas.example.org',
  SCR: 'focal@scr.example.org',
  UNFPA: 'focal@unfpa.example.org',
  UNICEF: 'focal@unicef.example.org',
  OSCE: 'focal@osce.example.org',
} as const;
export type Acronym = keyof typeof FOCAL;
export const PWG = Object.keys(FOCAL) as Acronym[];
export const PMG: Acronym[] = ['MCR', 'UNHCR', 'DRC', 'UNDP', 'IOM'];
export const SECOND_UNHCR = 'protection@unhcr.example.org';
export const SECOND_UNICEF = 'data@unicef.example.org';
export const OBSERVER = 'support@jips.example.org';

/** The helper's clock starts at 2026-11-22 10:00 in Belgrade; a default request closes a week later. */
export const OPENED_AT = '2026-11-22T09:00:00Z';
export const DEFAULT_DEADLINE = '2026-11-29T09:00:00.000Z';

/** Runs a command that must be accepted, and returns its reply. */
export function ok(app: TestApp, text: string, as?: string): string {
  const r: CommandOutcome = app.run(text, as);
  if (r.status !== 'accepted') throw new Error(`${text} was refused: ${r.reply}`);
  return r.reply;
}

/** Queued messages of one kind about a request. */
export function messages(app: TestApp, kind: string, ref = 'endorsement:1'): OutboxEntry[] {
  return outboxByRef(app.db, ref).filter((m) => m.kind === kind);
}

/** The e-mail addresses a kind of message about a request went to, sorted. */
export function emailedTo(app: TestApp, kind: string, ref = 'endorsement:1'): string[] {
  return messages(app, kind, ref).filter((m) => m.medium === 'email').map((m) => m.address).sort();
}

/** Every organisation of the list votes `endorse` through its first focal point. */
export function everyoneEndorses(app: TestApp, orgs: readonly Acronym[], id = 'E1'): void {
  for (const o of orgs) ok(app, `/endorse vote ${id} endorse`, FOCAL[o]);
}
