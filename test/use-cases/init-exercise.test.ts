import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, EXAMPLES, snapshot, type TestApp } from '../helpers/app';
import { setUpExerciseSafely } from '../../src/use-cases/exercise/init-exercise';
import { loadExample } from '../../src/use-cases/exercise/load-example';

let app: TestApp;
afterEach(() => app?.close());

describe('setting up an exercise', () => {
  it('refuses a second exercise of the same name, naming the existing slug, and changes nothing', () => {
    app = createTestApp();
    const before = snapshot(app.db);
    const again = loadExample(app.db, EXAMPLES, 'kosovo', app.clock.now(), 'test');
    expect(again).toEqual({ ok: false, message: 'An exercise named "Kosovo 2014" already exists (slug kosovo-2014). Use it with --exercise kosovo-2014, or choose another name.' });
    const byHand = setUpExerciseSafely(app.db, { name: 'kosovo 2014', timeZone: 'Europe/Belgrade', noticeDays: 7, minutesDays: 7, coordinator: { email: 'c@example.org', name: 'C' } }, app.clock.now(), 'test');
    expect(byHand.ok).toBe(false);
    expect(snapshot(app.db)).toBe(before);
  });

  it('creates a second exercise under another name, with its own slug', () => {
    app = createTestApp();
    const r = setUpExerciseSafely(app.db, { name: 'Kosovo 2015', timeZone: 'Europe/Belgrade', noticeDays: 10, minutesDays: 5, coordinator: { email: 'c@example.org', name: 'C' } }, app.clock.now(), 'test');
    expect(r.ok && [r.exercise.slug, r.exercise.noticeDays]).toEqual(['kosovo-2015', 10]);
  });
});
