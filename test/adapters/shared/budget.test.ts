import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formInTime } from '../../../adapters/shared/budget';
import { SCHEDULE_FORM } from '../../../src/chat/forms';
import { chatWords, wordsWithoutCore, type ChatWords } from '../../../src/chat/words';

// The timers are the test's: the edge of the wait is reached by advancing them, not by waiting.
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => vi.useRealTimers());

const form = { id: SCHEDULE_FORM.id };
const inAlbanian = chatWords('sq', 'slack', '/convene', undefined, form);
const inEnglish = wordsWithoutCore('slack', '/convene', undefined, form);

/** Words the core says when the test lets it (a core busy with a long job on its thread). */
function slowWords(): { words: Promise<ChatWords>; say: () => void } {
  let say!: () => void;
  const words = new Promise<ChatWords>((resolve) => {
    say = () => resolve(inAlbanian);
  });
  return { words, say };
}

/** Whether `p` has settled, after the microtasks queued so far have run. */
async function settled<T>(p: Promise<T>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true), () => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

describe('a form a platform is about to draw (formInTime)', () => {
  it('is drawn in the person\'s words when the core says them within 1.5 s', async () => {
    const core = slowWords();
    const drawn = formInTime(core.words, 'slack', '/convene', form);
    await vi.advanceTimersByTimeAsync(1499);
    expect(await settled(drawn)).toBe(false);
    core.say();
    expect(await drawn).toEqual(inAlbanian.form);
    expect(inAlbanian.form).not.toEqual(inEnglish.form);
  });

  it('is drawn in English at 1.5 s when the core has not said them, and not before', async () => {
    const core = slowWords();
    const drawn = formInTime(core.words, 'slack', '/convene', form);
    await vi.advanceTimersByTimeAsync(1499);
    expect(await settled(drawn)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(drawn)).toBe(true);
    core.say(); // too late: the form is open
    expect(await drawn).toEqual(inEnglish.form);
    expect(inEnglish.form?.title).toBe(SCHEDULE_FORM.title);
  });
});
