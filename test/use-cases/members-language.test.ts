import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, snapshot, type TestApp } from '../helpers/app';
import { auditOf } from '../../src/store/audit';
import { personByEmail } from '../../src/store/members';
import { exerciseById } from '../../src/store/exercises';
import { setUpExerciseSafely } from '../../src/use-cases/exercise/init-exercise';

let app: TestApp;
afterEach(() => app?.close());

const FOCAL = 'focal@kas.example.org';

describe('/members language', () => {
  it('lets a member set their own language with me, in any letter case, and audits it', () => {
    app = createTestApp();
    const r = app.run('/members language me sr-cyrl', FOCAL);
    expect(r.status).toBe('accepted');
    // Said in the language just chosen: the first words the member reads in it.
    expect(r.reply).toBe('Valon Morina <focal@kas.example.org> од следеће поруке прима поруке на српском, ћирилицом.');
    expect(personByEmail(app.db, FOCAL)?.language).toBe('sr-Cyrl');
    expect(auditOf(app.db, 1).at(-1)).toMatchObject({ action: 'members language', outcome: 'accepted', detail: { email: FOCAL, from: null, to: 'sr-Cyrl' } });
  });

  it("lets the coordinator set anyone's language, but a focal point only their own", () => {
    app = createTestApp();
    expect(app.run(`/members language ${FOCAL} sq`).status).toBe('accepted');
    expect(personByEmail(app.db, FOCAL)?.language).toBe('sq');
    const r = app.run('/members language focal@drc.example.org sq', FOCAL);
    expect(r).toMatchObject({ status: 'refused', reply: expect.stringContaining('Vetëm koordinatori i profilizimit') });
    expect(personByEmail(app.db, 'focal@drc.example.org')?.language).toBeNull();
    expect(app.run(`/members language ${FOCAL} sr-Latn`, FOCAL).status).toBe('accepted');
  });

  it('refuses a language Convene does not speak, a non-member, and a setting that is already so, changing nothing', () => {
    app = createTestApp();
    const untouched = snapshot(app.db);
    expect(app.run('/members language me de', FOCAL)).toMatchObject({ status: 'refused', reply: expect.stringContaining('en, sq, sr-Latn, sr-Cyrl') });
    expect(app.run('/members language nobody@example.org sq')).toMatchObject({ status: 'refused', reply: expect.stringContaining('is not a member') });
    expect(snapshot(app.db)).toBe(untouched);
    expect(app.run('/members language me sq', FOCAL).status).toBe('accepted');
    const chosen = snapshot(app.db);
    expect(app.run('/members language me SQ', FOCAL)).toMatchObject({ status: 'refused', reply: expect.stringContaining('asgjë nuk ndryshoi') });
    expect(snapshot(app.db)).toBe(chosen);
  });
});

describe('/members timezone', () => {
  it('sets a member zone strictly: an IANA name, never an abbreviation or a typo', () => {
    app = createTestApp();
    expect(app.run('/members timezone me America/New_York', FOCAL)).toMatchObject({ status: 'accepted', reply: expect.stringContaining('beside them') });
    expect(personByEmail(app.db, FOCAL)?.timeZone).toBe('America/New_York');
    for (const bad of ['CET', 'Europe/Belgrad', 'Mars/Olympus']) {
      expect(app.run(`/members timezone me ${bad}`, FOCAL)).toMatchObject({ status: 'refused', reply: expect.stringContaining('is not a time zone') });
    }
    expect(personByEmail(app.db, FOCAL)?.timeZone).toBe('America/New_York');
    expect(app.run('/members timezone focal@drc.example.org Europe/Belgrade', FOCAL).status).toBe('refused');
    expect(app.run('/members timezone focal@drc.example.org Europe/Belgrade').status).toBe('accepted');
  });
});

describe('/exercise language and init --language', () => {
  it("is the coordinator's, and sets the exercise's default", () => {
    app = createTestApp();
    expect(app.run('/exercise language sq', FOCAL).status).toBe('refused');
    expect(exerciseById(app.db, 1)?.language).toBe('en');
    expect(app.run('/exercise language sr-Cyrl').status).toBe('accepted');
    expect(exerciseById(app.db, 1)?.language).toBe('sr-Cyrl');
  });

  it('init takes a language, and English is the default', () => {
    app = createTestApp({ example: null });
    const setup = { name: 'Mitrovica 2027', timeZone: 'Europe/Belgrade', noticeDays: 7, minutesDays: 7, coordinator: { email: 'c@example.org', name: 'C' } };
    const r = setUpExerciseSafely(app.db, { ...setup, language: 'sr-latn' }, app.clock.now(), 'test');
    expect(r.ok && r.exercise.language).toBe('sr-Latn');
    const plain = setUpExerciseSafely(app.db, { ...setup, name: 'Prizren 2027' }, app.clock.now(), 'test');
    expect(plain.ok && plain.exercise.language).toBe('en');
    expect(setUpExerciseSafely(app.db, { ...setup, name: 'Peja 2027', language: 'fr' }, app.clock.now(), 'test').ok).toBe(false);
  });
});
