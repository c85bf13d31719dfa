import { describe, expect, it } from 'vitest';
import { AttemptSignals } from '../../src/delivery/attempt-signals';

describe('the abort signals of attempts under way', () => {
  it('gives attempts started within a second one signal, and a later one its own', () => {
    const s = new AttemptSignals();
    const a = s.start(0);
    const b = s.start(1000);
    const c = s.start(1001);
    expect(b.signal).toBe(a.signal);
    expect(c.signal).not.toBe(a.signal);
  });

  it('abandons an attempt only once the last one started with it is past the limit', () => {
    const s = new AttemptSignals();
    const first = s.start(0);
    s.start(900);
    s.abortStartedBefore(900); // the first is past 900 ms, the second is not: both wait
    expect(first.signal.aborted).toBe(false);
    s.abortStartedBefore(901);
    expect(first.signal.aborted).toBe(true);
  });

  it('leaves alone attempts that have their answer, and starts afresh after an abort', () => {
    const s = new AttemptSignals();
    const done = s.start(0);
    done.done();
    s.abortAll();
    expect(done.signal.aborted).toBe(false);
    const under = s.start(10);
    s.abortAll();
    expect(under.signal.aborted).toBe(true);
    expect(s.start(20).signal.aborted).toBe(false);
  });

  it('shares a signal among more listeners than the default limit without a warning', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    const s = new AttemptSignals();
    for (let i = 0; i < 30; i++) s.start(i).signal.addEventListener('abort', () => undefined);
    // Node emits the warning on a later turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
  });
});
