import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/domain/vocabulary';
import { CATALOGUES, messagesFor, missingKeys, translate } from '../../src/i18n/catalogue';
import { formatLongIn } from '../../src/i18n/dates';
import { formatLong } from '../../src/domain/time';

describe('the catalogues', () => {
  // A message English has and another language lacks is shown in English: this lists them all.
  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    it(`${language} has every message the English catalogue has, in every plural form its rules need`, () => {
      expect(missingKeys(language)).toEqual([]);
    });
  }

  it('lists a missing message and a missing plural form, and falls back to English for it', () => {
    const sr = CATALOGUES['sr-Latn'] as Record<string, Record<string, string>>;
    const section = sr['meeting-invitation']!;
    const saved = { dear: section.dear!, few: section.noticeDays_few! };
    delete section.dear;
    delete section.noticeDays_few;
    try {
      expect(missingKeys('sr-Latn')).toEqual(['meeting-invitation.dear', 'meeting-invitation.noticeDays_few']);
      expect(translate('sr-Latn', 'meeting-invitation.dear', { recipientName: 'Milica' })).toBe('Dear Milica,');
    } finally {
      section.dear = saved.dear;
      section.noticeDays_few = saved.few;
    }
    expect(missingKeys('sr-Latn')).toEqual([]);
  });

  it('Serbian counts days one/few/other: 1, 21 and 101 dan; 2 dana; 5 and 11 dana', () => {
    const footer = (count: number) => messagesFor('sr-Cyrl', 'meeting-invitation', { noticeDays: count, deadline: 'x' })!.noticeDays!;
    const said = Object.fromEntries([1, 2, 5, 11, 21, 101].map((n) => [n, footer(n)]));
    expect(said[1]).toContain('најмање 1 дан пре');
    expect(said[21]).toContain('најмање 21 дан пре');
    expect(said[101]).toContain('најмање 101 дан пре');
    expect(said[2]).toContain('најмање 2 дана пре');
    expect(said[5]).toContain('најмање 5 дана пре');
    expect(said[11]).toContain('најмање 11 дана пре');
    expect(messagesFor('sr-Latn', 'meeting-invitation', { noticeDays: 21, deadline: 'x' })!.noticeDays).toContain('najmanje 21 dan pre');
  });

  it('English and Albanian count one/other', () => {
    expect(messagesFor('en', 'meeting-invitation', { noticeDays: 1, deadline: 'x' })!.noticeDays).toContain('at least 1 day before');
    expect(messagesFor('en', 'meeting-invitation', { noticeDays: 7, deadline: 'x' })!.noticeDays).toContain('at least 7 days before');
    expect(messagesFor('sq', 'meeting-invitation', { noticeDays: 7, deadline: 'x' })!.noticeDays).toContain('të paktën 7 ditë para');
  });

  // A command line quoted inside a sentence names its values as the usage lines do (`<razlog>`), never in English (`<reason>`).
  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    it(`${language} names a command's values in its own words wherever a sentence quotes a command`, () => {
      const catalogue = CATALOGUES[language] as Record<string, unknown>;
      const english = Object.keys(CATALOGUES.en.hints as Record<string, string>);
      const strings = (node: unknown): string[] => (typeof node === 'string' ? [node] : Object.values(node as Record<string, unknown>).flatMap(strings));
      const said = Object.entries(catalogue).filter(([section]) => section !== 'hints').flatMap(([, node]) => strings(node));
      const left = said.flatMap((m) => [...m.matchAll(/<([a-zA-Z][a-zA-Z -]*)>/g)].map((x) => x[1]!)).filter((w) => english.includes(w));
      expect(left).toEqual([]);
    });
  }

  it('writes Serbian Cyrillic in Cyrillic, keeping acronyms and placeholders Latin', () => {
    const values = (c: object): string[] => Object.values(c).flatMap((v) => (typeof v === 'string' ? [v] : values(v as object)));
    const latin = values(CATALOGUES['sr-Cyrl']).flatMap((v) => v.replace(/\{\{[^}]*\}\}/g, '').match(/[A-Za-z]+/g) ?? []);
    // Acronyms, the bot's name, and the command words (the grammar) with the buttons that carry them.
    const kept = ['TOR', 'PWG', 'PMG', 'endorse', 'vote', 'status', 'object', 'abstain', 'Endorse', 'Object', 'Abstain', 'ics', 'Convene',
      // The command words of the messages about minutes, meetings and action items.
      'minutes', 'show', 'actions', 'publish', 'note', 'decision', 'action', 'done', 'meeting', 'send', 'exercise', 'export', 'members', 'language', 'timezone', 'me', 'verify',
      // File names the export e-mail names.
      'JSON', 'docs', 'EXPORT', 'md',
      // The settings, commands and platforms the operator's alerts name.
      'SMTP', 'URL', 'EMAIL', 'FROM', 'SLACK', 'BOT', 'TOKEN', 'DISCORD', 'PUBLIC', 'PORT', 'UTC', 'Slack', 'Discord', 'convene', 'backup', 'check', 'remove', 'focal', 'add', 'notices'];
    // The web pages also name the time zones' database (IANA) and two of its names, as examples of what to type.
    kept.push('IANA', 'Europe', 'Belgrade', 'America', 'New', 'York');
    // Command replies name more of the grammar (commands, ids), the platforms, and what is typed as it is typed.
    kept.push('link', 'verify', 'list', 'all', 'open', 'help', 'E', 'M', 'A', 'Slack', 'Discord', 'name', 'organisation', 'org', 'init', 'bin', 'convene', 'mjs', 'as');
    // The help names commands and their hints as they are typed, and the languages by their codes.
    kept.push('add', 'focal', 'web', 'id', 'due', 'date', 'text', 'YYYY', 'MM', 'DD', 'HH', 'en', 'sq', 'sr', 'Latn', 'Cyrl');
    // /exercise status names the key meetings by their milestone words (milestone:tor) and minutes versions (v2).
    kept.push('tor', 'methodology', 'findings', 'report', 'urgent', 'v', 'meeting', 'schedule', 'notices', 'time', 'title', 'note', 'publish', 'correct', 'email', 'agenda');
    // The chat adapters' own sentences name the command that re-registers Discord's commands.
    kept.push('npm', 'run', 'discord', 'register');
    // The coordinator's replies about members and the exercise name their command words, and an export its files and setting.
    kept.push('role', 'observer', 'channel', 'dissolve', 'confirm', 'EXPORTS', 'DIR', 'record', 'json', 'UNHCR');
    // The console's own commands and options, as /help lists them there.
    kept.push('example', 'kosovo', 'coordinator', 'use', 'tick', 'quit');
    // The help of the coordinator's commands: its examples as typed, JIPS, Markdown and the export's default folder.
    kept.push('pmg', 'kas', 'JIPS', 'Markdown', 'data', 'exports');
    // The help of the meeting, endorsement and minutes commands: their choice and item words as typed, and the organisations of an example.
    kept.push('cancel', 'attendance', 'upcoming', 'past', 'consensus', 'majority', 'tools', 'dissemination', 'withdraw', 'where', 'Note', 'Decision', 'Remove', 'IV', 'SCR', 'DRC', 'UNDP', 'IOM', 'UNFPA');
    // The replies to the coordinator's own commands name their command and option words (/meeting postpone, milestone:).
    kept.push('duration', 'postpone', 'milestone', 'edit', 'n', 'N', 'D', 'deadline', 'version', 'label', 'close', 'proxy', 'move', 'to', 'link', 'https', 'http', 'drive', 'example', 'org', 'quorum', 'MCR', 'UNHCR', 'KAS', 'rule', 'document');
    expect(latin.filter((w) => !kept.includes(w))).toEqual([]);
    // A value with no Cyrillic at all is only a kept word or name ("Slack", "SLACK_BOT_TOKEN").
    const onlyKept = (v: string) => (v.replace(/\{\{[^}]*\}\}/g, '').match(/[A-Za-z]+/g) ?? []).every((w) => kept.includes(w));
    expect(values(CATALOGUES['sr-Cyrl']).filter((v) => !/[\u0400-\u04FF]/.test(v) && !onlyKept(v))).toEqual([]);
  });
});

describe('dates in the reader language', () => {
  const at = new Date('2026-11-24T13:00:00Z');
  it('keeps English as it was, byte for byte', () => {
    expect(formatLongIn(at, 'Europe/Belgrade', 'en')).toBe(formatLong(at, 'Europe/Belgrade'));
    expect(formatLongIn(at, 'Europe/Belgrade', 'en')).toBe('Tue 24 Nov 2026, 14:00 (Europe/Belgrade)');
  });
  it('writes Cyrillic and Latin Serbian, and Albanian, month and weekday names from date-fns', () => {
    expect(formatLongIn(at, 'America/New_York', 'sr-Cyrl')).toBe('уторак, 24. новембар 2026, 08:00 (America/New_York)');
    expect(formatLongIn(at, 'Europe/Belgrade', 'sr-Latn')).toBe('utorak, 24. novembar 2026, 14:00 (Europe/Belgrade)');
    expect(formatLongIn(at, 'Europe/Belgrade', 'sq')).toBe('Martë, 24 Nëntor 2026, 14:00 (Europe/Belgrade)');
  });
  it('keeps the offset on a wall time that happens twice, as the strict rules say', () => {
    const first = new Date('2027-10-31T00:30:00Z');
    expect(formatLongIn(first, 'Europe/Belgrade', 'sr-Latn')).toBe('nedelja, 31. oktobar 2027, 02:30+02:00 (Europe/Belgrade)');
  });
});
