import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { giveMemoryBack } from '../../../adapters/shared/give-memory-back';
import { openDatabase, type Db } from '../../../src/store/db';

/** The wait between the two collections (SHRINK_AFTER_MS). */
const SHRINK_AFTER_MS = 6000;

/** What Node says of a collection (perf_hooks.constants name the values). */
const gcEntry = z.object({ detail: z.object({ kind: z.number(), flags: z.number() }) });

let dir: string;
let db: Db;
let collections: PerformanceEntry[];
let observer: PerformanceObserver;
/** Collections of the test's own waiting to be reported: when each started, and whom to tell. */
const markers: { at: number; reported: () => void }[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'convene-memory-'));
  db = openDatabase(join(dir, 'convene.sqlite'));
  // Every collection forced by a call (not V8's own), as Node reports it, in the order they ran.
  collections = [];
  observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const { kind, flags } = gcEntry.parse(entry.toJSON()).detail;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR && flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) collections.push(entry);
    }
    for (const m of markers.filter((m) => collections.some((c) => c.startTime >= m.at))) {
      markers.splice(markers.indexOf(m), 1);
      m.reported();
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  // The test's timers: the wait between the collections is reached by advancing them, not by waiting.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  // A wait left by a failed case must not run in the next one.
  vi.clearAllTimers();
  vi.useRealTimers();
  observer.disconnect();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves once the wait between the two collections has started (the first one is over). */
async function waitingForTheSecond(): Promise<void> {
  while (vi.getTimerCount() === 0) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * A collection of the test's own, once Node has reported it: reports come in order, so every
 * collection before it has been reported by then. Returns when it started. (`gc` is there
 * because giveMemoryBack has exposed it.)
 */
async function reportedSoFar(): Promise<number> {
  const at = performance.now();
  const reported = new Promise<void>((resolve) => markers.push({ at, reported: resolve }));
  await (runInNewContext('gc') as (o: { type: 'major'; execution: 'async' }) => Promise<void>)({ type: 'major', execution: 'async' });
  await reported;
  return at;
}

const between = (from: number, to: number) => collections.filter((c) => c.startTime >= from && c.startTime < to).length;

describe('giving memory back when the bot has gone quiet', () => {
  it('frees SQLite\'s page cache, collects at once, and again 6 s later if the bot is still quiet', async () => {
    const pragma = vi.spyOn(db, 'pragma');
    let asked = 0;
    const start = performance.now();
    const done = giveMemoryBack(db, () => (++asked, true));

    await waitingForTheSecond();
    await vi.advanceTimersByTimeAsync(SHRINK_AFTER_MS - 1);
    expect(asked).toBe(0);
    const second = performance.now();
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(asked).toBe(1);
    const end = await reportedSoFar();
    expect(between(start, second)).toBeGreaterThan(0);
    expect(between(second, end)).toBeGreaterThan(0);
    expect(pragma).toHaveBeenCalledWith('shrink_memory');
  });

  it('skips the second collection if the bot is busy again by then', async () => {
    const start = performance.now();
    const done = giveMemoryBack(db, () => false);
    await waitingForTheSecond();
    const second = performance.now();
    await vi.advanceTimersByTimeAsync(SHRINK_AFTER_MS);
    await done;
    const end = await reportedSoFar();
    expect(between(start, second)).toBeGreaterThan(0);
    expect(between(second, end)).toBe(0);
  });
});
