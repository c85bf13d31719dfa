import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshot } from '../helpers/app';
import { FOCAL } from '../helpers/endorsements';
import { ok } from '../helpers/meetings';
import { meetingUnderWay, tickAt } from '../helpers/minutes';
import { formOf, linkFor, startWeb, type WebHarness } from '../helpers/web';
import type { Language } from '../../src/domain/vocabulary';
import { auditOf } from '../../src/store/audit';
import { insertExercise, setExerciseLanguage } from '../../src/store/exercises';
import { personByEmail, setPersonLanguage, setPersonTimeZone } from '../../src/store/members';

let web: WebHarness;

/** M1 (PWG, Tue 1 Dec 2026 10:00 Belgrade) held and minuted with A1 for KAS, E1 open; the clock on 7 Dec. */
beforeEach(async () => {
  web = await startWeb({});
  const app = web.app;
  await meetingUnderWay(app);
  ok(app, '/minutes note M1 UNHCR presented the **draft TOR**.');
  ok(app, '/minutes action M1 KAS 2026-12-15 Share the 2011 census sampling frame');
  await tickAt(app, '2026-12-01T11:00:00Z');
  app.clock.set('2026-12-07T09:00:00Z');
  ok(app, '/minutes publish M1');
  ok(app, '/endorse open PWG Methodology version:v2');
  await web.app.sender.drain();
});
afterEach(() => web.close());

const kas = () => personByEmail(web.app.db, FOCAL.KAS)!;
const sign = (purpose: Parameters<typeof linkFor>[1], target: number, email: string = FOCAL.KAS) => linkFor(web, purpose, email, target);

/** What each page must say in each language: a heading or label of the page, and M1's start in New York with Belgrade beside it. */
const EXPECTED: Record<Language, { home: string; meeting: string; minutes: string; action: string; vote: string; m1: string }> = {
  en: { home: 'Your meetings', meeting: 'Notice deadline', minutes: 'Action items by owner', action: 'Mark A1 done', vote: 'Record KAS&#39;s vote', m1: 'Tue 1 Dec 2026, 04:00 (America/New_York) = 10:00 (Europe/Belgrade)' },
  sq: { home: 'Takimet tuaja', meeting: 'Afati i njoftimit', minutes: 'Detyrat sipas përgjegjësit', action: 'Shëno A1 si të kryer', vote: 'Regjistro votën e KAS', m1: 'Martë, 1 Dhjetor 2026, 04:00 (America/New_York) = 10:00 (Europe/Belgrade)' },
  'sr-Latn': { home: 'Vaši sastanci', meeting: 'Rok za obaveštenje', minutes: 'Zadaci po nosiocu', action: 'Označi A1 kao urađen', vote: 'Zabeleži glas organizacije KAS', m1: 'utorak, 1. decembar 2026, 04:00 (America/New_York) = 10:00 (Europe/Belgrade)' },
  'sr-Cyrl': { home: 'Ваши састанци', meeting: 'Рок за обавештење', minutes: 'Задаци по носиоцу', action: 'Означи A1 као урађен', vote: 'Забележи глас организације KAS', m1: 'уторак, 1. децембар 2026, 04:00 (America/New_York) = 10:00 (Europe/Belgrade)' },
};

describe('the pages of a personal link, in the person\'s language and zone', () => {
  for (const language of Object.keys(EXPECTED) as Language[]) {
    it(`${language}: home, meeting, minutes, action and vote pages, dates in New York with Belgrade beside them`, async () => {
      setPersonLanguage(web.app.db, kas().id, language);
      setPersonTimeZone(web.app.db, kas().id, 'America/New_York');
      const said = EXPECTED[language];
      const pages = {
        home: await web.request(sign('home', 0)),
        meeting: await web.request(sign('meeting', 1)),
        minutes: await web.request(sign('minutes', 1)),
        action: await web.request(sign('done', 1)),
        vote: await web.request(sign('vote', 1)),
      };
      for (const [name, page] of Object.entries(pages)) {
        expect(page.status, name).toBe(200);
        expect(page.html, name).toContain(`<html lang="${language}">`);
        expect(page.html, name).toContain(said[name as keyof typeof pages]);
        if (language === 'sr-Cyrl') expect(page.html.replace(/<[^>]*>/g, ''), name).toMatch(/[\u0400-\u04FF]{4,}/);
        if (language !== 'en') expect(page.html, name).not.toContain('You act as');
      }
      expect(pages.home.html).toContain(said.m1);
      expect(pages.meeting.html).toContain(said.m1);
      expect(pages.minutes.html).toContain(said.m1);
    });
  }

  it('a person who chose no language reads the exercise\'s, and one zone only when theirs is the exercise\'s', async () => {
    setExerciseLanguage(web.app.db, 1, 'sr-Latn');
    const home = await web.request(sign('home', 0));
    expect(home.html).toContain('<html lang="sr-Latn">');
    expect(home.html).toContain('utorak, 1. decembar 2026, 10:00 (Europe/Belgrade) <span class="hint">(prošao)</span>');
    expect(home.html).not.toContain(' = ');
  });

  it('counts in the reader\'s plural forms: Serbian "1 od 10 organizacija", Albanian "organizata"', async () => {
    ok(web.app, '/endorse vote E1 endorse', FOCAL.MCR);
    setPersonLanguage(web.app.db, kas().id, 'sr-Cyrl');
    expect((await web.request(sign('vote', 1))).html).toContain('Гласало је 1 од 10 организација: одобрава 1, противи се 0, уздржан 0');
    setPersonLanguage(web.app.db, kas().id, 'sq');
    expect((await web.request(sign('vote', 1))).html).toContain('1 nga 10 organizata kanë votuar: 1 miratojnë');
  });
});

describe('a refused link acts as no one: its page is in the exercise\'s language', () => {
  it('tampered, expired: the exercise\'s language (the person\'s own is not used), with a 4xx status', async () => {
    setExerciseLanguage(web.app.db, 1, 'sq');
    setPersonLanguage(web.app.db, kas().id, 'sr-Cyrl');
    const link = sign('home', 0);
    const tampered = await web.request(link.slice(0, -3) + (link.endsWith('AAA') ? 'BBB' : 'AAA'));
    expect(tampered.status).toBe(403);
    expect(tampered.html).toContain('<html lang="sq">');
    expect(tampered.html).toContain('Kjo lidhje nuk është e vlefshme');
    web.app.clock.set('2027-02-01T09:00:00Z');
    const expired = await web.request(link);
    expect(expired.status).toBe(410);
    expect(expired.html).toContain('Kjo lidhje ka skaduar');
    expect(expired.html).toContain('6 Janar 2027');
  });
});

describe('the language form on the home page', () => {
  it('sets the language and zone through the core (one audit entry each), and the result page is in the new language', async () => {
    const link = sign('home', 0);
    const page = await web.request(link);
    expect(page.html).toContain('<select id="language" name="language">');
    const form = formOf(page);
    const done = await web.request(link, { form: { csrf: form.csrf, language: 'sr-Cyrl', zone: 'America/New_York' }, cookie: form.cookie });
    expect(done.status).toBe(200);
    expect(done.html).toContain('<html lang="sr-Cyrl">');
    expect(done.html).toContain('Ваша подешавања су сачувана');
    expect(done.html).toContain('српски (ћирилица)');
    expect(kas()).toMatchObject({ language: 'sr-Cyrl', timeZone: 'America/New_York' });
    const entries = auditOf(web.app.db, 1).slice(-2);
    expect(entries).toMatchObject([
      { action: 'members language', actor: `${FOCAL.KAS} (web link)`, outcome: 'accepted' },
      { action: 'members timezone', actor: `${FOCAL.KAS} (web link)`, outcome: 'accepted' },
    ]);
    const next = await web.request(link);
    expect(next.html).toContain('<html lang="sr-Cyrl">');
    expect(next.html).toContain('уторак, 1. децембар 2026, 04:00 (America/New_York) = 10:00 (Europe/Belgrade)');
  });

  it('the same choice again changes nothing and says so', async () => {
    setPersonLanguage(web.app.db, kas().id, 'sq');
    const link = sign('home', 0);
    const form = formOf(await web.request(link));
    const before = snapshot(web.app.db);
    const same = await web.request(link, { form: { csrf: form.csrf, language: 'sq', zone: '' }, cookie: form.cookie });
    expect(same.status).toBe(200);
    expect(same.html).toContain('Asgjë për të ndryshuar');
    expect(snapshot(web.app.db)).toBe(before);
  });

  it('a forged CSRF value, a language not on offer or a zone that does not exist: a plain 4xx page, nothing changed', async () => {
    const link = sign('home', 0);
    const form = formOf(await web.request(link));
    const before = snapshot(web.app.db);
    const forged = await web.request(link, { form: { csrf: 'x'.repeat(43), language: 'sq', zone: '' }, cookie: form.cookie });
    expect(forged.status).toBe(403);
    expect(forged.html).toContain('Please confirm again');
    const noCookie = await web.request(link, { form: { csrf: form.csrf, language: 'sq', zone: '' } });
    expect(noCookie.status).toBe(403);
    const german = await web.request(link, { form: { csrf: form.csrf, language: 'de', zone: '' }, cookie: form.cookie });
    expect(german.status).toBe(422);
    expect(german.html).toContain('Not a language on offer');
    const mars = await web.request(link, { form: { csrf: form.csrf, language: 'sq', zone: 'Mars/Olympus_Mons' }, cookie: form.cookie });
    expect(mars.status).toBe(422);
    expect(mars.html).toContain('“Mars/Olympus_Mons” is not a time zone');
    expect(snapshot(web.app.db)).toBe(before);
    expect(kas()).toMatchObject({ language: null, timeZone: null });
  });
});

describe('the coordinator\'s overview in the coordinator\'s language', () => {
  const COORDINATOR = 'coordinator@unhcr.example.org';
  const SAID: Record<Language, { heading: string; cell: string; month: string; vote: string }> = {
    en: { heading: 'The four key meetings', cell: '<span class="cell-text">on time</span>', month: '>Dec 2026</text>', vote: '>object</td>' },
    sq: { heading: 'Katër takimet kyçe', cell: '<span class="cell-text">në kohë</span>', month: '>Dhj 2026</text>', vote: '>kundërshton</td>' },
    'sr-Latn': { heading: 'Četiri ključna sastanka', cell: '<span class="cell-text">na vreme</span>', month: '>dec 2026</text>', vote: '>protivi se</td>' },
    'sr-Cyrl': { heading: 'Четири кључна састанка', cell: '<span class="cell-text">на време</span>', month: '>дец 2026</text>', vote: '>противи се</td>' },
  };
  for (const language of Object.keys(SAID) as Language[]) {
    it(`${language}: timeline, notice matrix and tallies`, async () => {
      ok(web.app, '/endorse vote E1 object Needs the census figures', FOCAL.KAS);
      const coordinator = personByEmail(web.app.db, COORDINATOR)!;
      setPersonLanguage(web.app.db, coordinator.id, language);
      setPersonTimeZone(web.app.db, coordinator.id, 'America/New_York');
      const page = await web.request(sign('overview', 0, COORDINATOR));
      expect(page.status).toBe(200);
      expect(page.html).toContain(`<html lang="${language}">`);
      for (const text of Object.values(SAID[language])) expect(page.html).toContain(text);
      expect(page.html).toContain('(America/New_York) = ');
      if (language !== 'en') expect(page.html).not.toMatch(/>(not scheduled|today|on time|Organisation)</);
    });
  }
});

describe('what a form records, said in the person\'s language', () => {
  it('a vote and an action marked done: the result page (and the core\'s own sentence for the vote) in Serbian Cyrillic', async () => {
    setPersonLanguage(web.app.db, kas().id, 'sr-Cyrl');
    const vote = sign('vote', 1);
    const form = formOf(await web.request(vote));
    const bare = await web.request(vote, { form: { csrf: form.csrf, choice: 'object', comment: '' }, cookie: form.cookie });
    expect(bare.status).toBe(422);
    expect(bare.html).toContain('Противљење тражи разлог');
    const voted = await web.request(vote, { form: { csrf: form.csrf, choice: 'object', comment: 'Недостају подаци пописа' }, cookie: form.cookie });
    expect(voted.status).toBe(200);
    expect(voted.html).toContain('<html lang="sr-Cyrl">');
    expect(voted.html).toContain('Глас организације KAS о захтеву E1 је забележен');
    expect(/<p class="recorded" role="status">([^<]*)<\/p>/.exec(voted.html)![1]).toContain('Забележено: глас организације KAS');
    const done = sign('done', 1);
    const doneForm = formOf(await web.request(done));
    const marked = await web.request(done, { form: { csrf: doneForm.csrf }, cookie: doneForm.cookie });
    expect(marked.status).toBe(200);
    expect(marked.html).toContain('A1 је означен као урађен');
  });

  it('an organisation that does not vote on a request is told so in the person\'s language', async () => {
    ok(web.app, '/endorse open PMG Workplan');
    setPersonLanguage(web.app.db, kas().id, 'sq');
    const page = await web.request(sign('vote', 2));
    expect(page.status).toBe(404);
    expect(page.html).toContain('<html lang="sq">');
    expect(page.html).toContain('Asgjë për të votuar');
  });
});

describe('pages that name no one', () => {
  it('the .ics from a meeting page is written in the person\'s language, and still a calendar', async () => {
    setPersonLanguage(web.app.db, kas().id, 'sr-Cyrl');
    const ics = await web.request(`${sign('meeting', 1)}/calendar.ics`);
    expect(ics.status).toBe(200);
    expect(ics.html).toMatch(/^BEGIN:VCALENDAR/);
    expect(ics.html).toContain('SUMMARY:Састанак групе PWG');
  });

  it('the address of the server and an unknown one: in the language every active exercise shares, else English', async () => {
    setExerciseLanguage(web.app.db, 1, 'sr-Latn');
    const root = await web.request('/');
    expect(root.html).toContain('<html lang="sr-Latn">');
    expect(root.html).toContain('O botu Convene');
    const missing = await web.request('/nothing/here');
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('Ta stranica ne postoji');
    insertExercise(web.app.db, { slug: 'other', name: 'Another exercise', timeZone: 'UTC', language: 'sq', noticeDays: 7, minutesDays: 7, createdAt: '2026-12-01T00:00:00Z' });
    expect((await web.request('/')).html).toContain('<html lang="en">');
  });
});
