import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../../src/clock';
import { DOUBLE_CLICK_MS, RecentRequests, type Click } from '../../../adapters/shared/recent';

const KEEP_MS = 15 * 60_000;
const click = (over: Partial<Click> = {}): Click => ({
  prefix: 'slack:block_actions', userId: 'U1', container: 'C1/1.000', actionId: 'endorse', value: 'v1', actionTs: `${Math.random()}`, ...over,
});

describe('RecentRequests: what this process answered', () => {
  it('shares the answer of a repeated delivery for a quarter of an hour, then runs it again', async () => {
    const clock = new FixedClock('2026-11-22T09:00:00Z');
    const recent = new RecentRequests(clock);
    let runs = 0;
    const work = async () => ++runs;
    const a = recent.once('slack:command:1', work);
    expect(a.first).toBe(true);
    clock.advance(KEEP_MS - 1);
    const b = recent.once('slack:command:1', work);
    expect(b.first).toBe(false);
    expect(await b.result).toBe(1);
    clock.advance(1);
    const c = recent.once('slack:command:1', work);
    expect(c.first).toBe(true);
    expect(await c.result).toBe(2);
  });

  it('forgets the expired deliveries and keeps the later ones', async () => {
    const clock = new FixedClock('2026-11-22T09:00:00Z');
    const recent = new RecentRequests(clock);
    const runs: string[] = [];
    const work = (key: string) => async () => void runs.push(key);
    for (let i = 0; i < 5; i++) {
      recent.once(`k${i}`, work(`k${i}`));
      clock.advance(60_000);
    }
    // k0 and k1 were answered more than 15 minutes ago, k2–k4 less.
    clock.set(new Date(Date.parse('2026-11-22T09:00:00Z') + KEEP_MS + 60_000));
    expect(recent.once('k4', work('k4')).first).toBe(false);
    expect(recent.once('k2', work('k2')).first).toBe(false);
    expect(recent.once('k1', work('k1')).first).toBe(true);
    expect(recent.once('k0', work('k0')).first).toBe(true);
    expect(runs).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k1', 'k0']);
  });

  it('takes a second click of the same button within the double-click window as the first, not at its end', () => {
    const clock = new FixedClock('2026-11-22T09:00:00Z');
    const recent = new RecentRequests(clock);
    const first = recent.clickId(click());
    clock.advance(DOUBLE_CLICK_MS - 1);
    expect(recent.clickId(click())).toBe(first);
    clock.advance(1);
    expect(recent.clickId(click())).not.toBe(first);
  });

  it('keeps the last click of a person on a message after older clicks elsewhere expire', () => {
    const clock = new FixedClock('2026-11-22T09:00:00Z');
    const recent = new RecentRequests(clock);
    recent.clickId(click({ container: 'C1/1.000', actionId: 'object' }));
    clock.advance(1000);
    const elsewhere = recent.clickId(click({ container: 'C2/2.000' }));
    clock.advance(1000);
    // The first person–message pair clicks another button: that click is now the one remembered.
    const endorse = recent.clickId(click({ container: 'C1/1.000', actionId: 'endorse' }));
    clock.advance(DOUBLE_CLICK_MS - 1000);
    // C2's click is 10 s old: a new click; C1's second click is 9 s old: a repeat is the same click.
    expect(recent.clickId(click({ container: 'C2/2.000' }))).not.toBe(elsewhere);
    expect(recent.clickId(click({ container: 'C1/1.000', actionId: 'endorse' }))).toBe(endorse);
  });

  it('counts Endorse, Object, Endorse as three clicks', () => {
    const clock = new FixedClock('2026-11-22T09:00:00Z');
    const recent = new RecentRequests(clock);
    const ids = ['endorse', 'object', 'endorse'].map((actionId) => {
      clock.advance(100);
      return recent.clickId(click({ actionId }));
    });
    expect(new Set(ids).size).toBe(3);
  });
});
