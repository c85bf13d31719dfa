import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FanOutRenderer, viewKey } from '../../src/render/fan-out';
import { TemplateRenderer } from '../../src/render/renderer';
import { LANGUAGES } from '../../src/domain/vocabulary';
import { templateFolder, type TemplateFolder } from '../helpers/template-folder';

const TEMPLATES = join(import.meta.dirname, '..', '..', 'templates');

/** What `/meeting send` gives the invitation template for one person (dispatchNotice + deliverToPerson). */
function invitationView(name: string, email: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    exercise: 'Kosovo PWG 2027',
    id: 'M3', group: 'PWG', groupName: 'Profiling Working Group', title: 'Agree the methodology & the "tools"',
    when: 'Tue 12 Jan 2027, 10:00 (Europe/Belgrade)', until: '12:00', durationMinutes: 120, place: false, yourTime: false,
    deadline: 'Tue 5 Jan 2027, 10:00 (Europe/Belgrade)', noticeDays: 7, milestone: false, shortNotice: false,
    agenda: [
      { number: 1, text: 'Review of the draft <methodology>', lines: [{ line: 'Review of the draft <methodology>', more: false }] },
      { number: 2, text: "Data-collection tools: the partners' questionnaire", lines: [{ line: "Data-collection tools: the partners' questionnaire", more: false }] },
    ],
    hasAgenda: true, version: 1, late: false, joinedLate: false, previousSentAt: false,
    ...extra,
    recipientName: name, recipientEmail: email,
  };
}

/** Names as people are written: plain ones (rendered from the shared rendering) and every other character (rendered whole). */
const names = fc.oneof(
  fc.constantFrom('Focal Point 1-1', 'Ana Ruiz', 'Luan Berisha', 'José Müller-Lüdenscheidt', 'Đorđe Petrović', '李雷', 'X'),
  fc.string({ minLength: 0, maxLength: 30, unit: 'grapheme' }),
  fc.string({ minLength: 0, maxLength: 12, unit: 'binary' }),
  fc.constantFrom("Siobhán O'Brien", 'A & B', ' leading', 'trailing ', 'two\nlines', 'tab\there', '\uE0000\uE001', '<b>bold</b>', 'x\x1b[31m'),
);
const emails = fc.oneof(fc.constantFrom('focal1@org1.example.org', 'ana.ruiz+pwg@unhcr.example.org'), fc.emailAddress(), fc.string({ maxLength: 20 }));

describe('FanOutRenderer', () => {
  const renderer = new TemplateRenderer(TEMPLATES);

  it('gives every person of an invitation byte for byte what rendering their message alone gives, in every language', () => {
    for (const language of LANGUAGES) {
      const fanOut = new FanOutRenderer(renderer);
      fc.assert(
        fc.property(names, emails, (name, email) => {
          const view = invitationView(name, email);
          expect(fanOut.render('meeting-invitation', view, language)).toEqual(renderer.render('meeting-invitation', view, language));
        }),
        { numRuns: 150 },
      );
      // Most of them from the shared rendering (the rest had a name or address it must not fill in).
      expect(fanOut.personalised).toBeGreaterThan(20);
    }
  });

  it('gives every person of a reminder (a kind whose HTML is made from its text) what rendering it alone gives, personal links too', () => {
    // The day-before reminder of a meeting and an endorsement reminder, as the tick's jobs make them, each person with their own links.
    const links = (n: number) => ({
      page: `https://pwg.example.org/l/home.1.${n}.0.0.0.sig${n}`, meeting: `https://pwg.example.org/l/meeting.1.${n}.3.0.0.sig${n}`,
      calendar: `https://pwg.example.org/l/meeting.1.${n}.3.0.0.sig${n}/calendar.ics`, localOnly: false,
    });
    const reminder = (name: string, email: string, n: number) =>
      invitationView(name, email, { day: 'tomorrow', Day: 'Tomorrow', timeLeft: '1 day', late: false, links: links(n) });
    const voteLinks = (n: number) => ({ page: links(n).page, endorse: `https://pwg.example.org/l/vote.1.${n}.7.0.0.sig${n}?choice=endorse`, object: `https://pwg.example.org/l/vote.1.${n}.7.0.0.sig${n}?choice=object`, abstain: `https://pwg.example.org/l/vote.1.${n}.7.0.0.sig${n}?choice=abstain`, localOnly: false });
    const vote = (name: string, email: string, n: number) => ({
      exercise: 'Kosovo PWG 2027', id: 'E4', group: 'PWG', title: 'The TOR', version: 2, link: 'https://docs.example.org/tor-v2.pdf', document: 'the TOR (version 2)',
      rule: 'a simple majority', quorum: 6, organisations: 10, deadline: 'Fri 15 Jan 2027, 17:00 (Europe/Belgrade)', urgent: null,
      organisation: 'UNHCR', hoursLeft: 24, voted: 4, buttonsIn: 'Slack', links: voteLinks(n), recipientName: name, recipientEmail: email,
    });
    for (const [kind, viewOf] of [['meeting-reminder', reminder], ['endorsement-reminder', vote]] as const) {
      expect(renderer.hasHtml(kind)).toBe(false);
      for (const language of LANGUAGES) {
        const fanOut = new FanOutRenderer(renderer);
        let n = 0;
        fc.assert(
          fc.property(names, emails, (name, email) => {
            const view = viewOf(name, email, ++n);
            expect(fanOut.render(kind, view, language)).toEqual(renderer.render(kind, view, language));
          }),
          { numRuns: 100 },
        );
        expect(fanOut.personalised).toBeGreaterThan(10);
      }
    }
  });

  it('keeps views that differ in more than the person apart: their own time, a late notice, personal links', () => {
    const fanOut = new FanOutRenderer(renderer);
    const links = (n: number) => ({ page: `https://pwg.example.org/l/home.1.${n}.0.0.0.sig${n}`, meeting: `https://pwg.example.org/l/meeting.1.${n}.3.0.0.sig${n}`, calendar: `https://pwg.example.org/l/meeting.1.${n}.3.0.0.sig${n}/calendar.ics`, localOnly: false });
    const views = [
      invitationView('Ana Ruiz', 'ana@unhcr.example.org'),
      invitationView('Ana Ruiz', 'ana@unhcr.example.org', { yourTime: 'Tue 12 Jan 2027, 04:00 (America/New_York)' }),
      invitationView('Luan Berisha', 'luan@unicef.example.org', { late: true, version: 2 }),
      invitationView('Luan Berisha', 'luan@unicef.example.org', { links: links(1) }),
      invitationView('Dea Krasniqi', 'dea@unfpa.example.org', { links: links(2) }),
      invitationView('Dea Krasniqi', 'dea@unfpa.example.org', { shortNotice: { reason: 'The donor meeting moved' } }),
    ];
    for (const view of [...views, ...views]) expect(fanOut.render('meeting-invitation', view, 'en')).toEqual(renderer.render('meeting-invitation', view, 'en'));
    // Each distinct view was rendered whole once (the first of its kind), then shared: views[4] shares views[3]'s links' shape.
    expect(fanOut.personalised).toBe(7);
    const sent = fanOut.render('meeting-invitation', views[4]!, 'en');
    expect(sent.html).toContain('sig2/calendar.ics');
    expect(sent.text).toContain('Dea Krasniqi');
  });

  describe('templates that look at a value rather than write it', () => {
    let folder: TemplateFolder;
    let own: TemplateRenderer;
    beforeAll(() => {
      folder = templateFolder({
        'layout.html': '<html><title>{{subject}}</title>{{{body}}}</html>\n',
        // Mustache reads a string's properties: a name's length is not the length of its stand-in.
        'counted.txt': 'Subject: For {{recipientName}}\n\n{{recipientName}} has {{recipientName.length}} letters.\n',
        'counted.html': '<p>{{recipientName}}</p>\n',
        'sectioned.txt': 'Subject: Hello\n\n{{#recipientName}}Dear {{.}},{{/recipientName}}{{^recipientName}}Dear member,{{/recipientName}} {{note}}\n',
        'sectioned.html': '<p>{{#recipientName}}Dear {{.}},{{/recipientName}}</p>\n',
        'plain-only.txt': 'Subject: See\n\nhttps://pwg.example.org/people/{{recipientName}} and {{recipientEmail}}.\n',
      });
      own = folder.renderer;
    });
    afterAll(() => folder.remove());

    it('renders them person by person, as rendering alone does', () => {
      const people = ['Ana', 'Luan Berisha', 'Bo', 'Dea K.', 'J.R.', "O'Neil", ''];
      const plainNote = 'See you there';
      // A value of the meeting's own that looks like a stand-in is written as it is.
      const oddNote = 'A note written with \uE0000\uE001 in it';
      // plain-only has no HTML template: its HTML body, the text with its addresses made links, is made from each person's text.
      const cases = [['counted', plainNote, false], ['plain-only', plainNote, true], ['sectioned', plainNote, true], ['sectioned', oddNote, false]] as const;
      for (const [kind, note, shared] of cases) {
        const fanOut = new FanOutRenderer(own);
        for (const name of people) {
          const view = { recipientName: name, recipientEmail: `${name.replace(/\W/g, '') || 'x'}@example.org`, note };
          expect(fanOut.render(kind, view, 'en')).toEqual(own.render(kind, view, 'en'));
        }
        expect(fanOut.personalised > 0).toBe(shared);
      }
      expect(new FanOutRenderer(own).render('counted', { recipientName: 'Luan Berisha', recipientEmail: 'l@example.org' }, 'en').text).toContain('has 12 letters');
      // The address ends where the person's name does: the link is theirs, not the stand-in's.
      const plain = new FanOutRenderer(own);
      for (const name of ['Ana', 'Luan.Berisha']) plain.render('plain-only', { recipientName: name, recipientEmail: `${name}@example.org`, note: plainNote }, 'en');
      expect(plain.personalised).toBe(1);
      expect(plain.render('plain-only', { recipientName: 'Dea', recipientEmail: 'dea@example.org', note: plainNote }, 'en').html).toContain(
        '<a href="https://pwg.example.org/people/Dea">https://pwg.example.org/people/Dea</a> and dea@example.org.',
      );
    });
  });

  it('renders a message to one person once, and an invitation to 600 three times in all', () => {
    class Counting extends TemplateRenderer {
      calls = 0;
      override render(...args: Parameters<TemplateRenderer['render']>) {
        this.calls++;
        return super.render(...args);
      }
    }
    const counting = new Counting(TEMPLATES);
    new FanOutRenderer(counting).render('meeting-invitation', invitationView('Ana Ruiz', 'ana@unhcr.example.org'), 'en');
    expect(counting.calls).toBe(1);
    counting.calls = 0;
    const fanOut = new FanOutRenderer(counting);
    for (let n = 1; n <= 600; n++) fanOut.render('meeting-invitation', invitationView(`Focal Point ${n}`, `focal${n}@org.example.org`), 'en');
    // The first person whole, then the shared view with stand-ins of two lengths.
    expect(counting.calls).toBe(3);
    expect(fanOut.personalised).toBe(599);
  });

  it('tells views apart that Mustache tells apart, and gives up on anything but plain data', () => {
    expect(viewKey({ a: undefined })).not.toBe(viewKey({}));
    expect(viewKey({ a: '1' })).not.toBe(viewKey({ a: 1 }));
    expect(viewKey({ a: [true, null] })).not.toBe(viewKey({ a: [true] }));
    expect(viewKey({ a: { b: 'x' } })).toBe(viewKey({ a: { b: 'x' } }));
    expect(viewKey({ at: new Date(0) })).toBeNull();
    expect(viewKey({ f: () => 'x' })).toBeNull();
  });
});
