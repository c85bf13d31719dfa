import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';

describe('configuration', () => {
  it('has defaults that run the bot with no platform', () => {
    const r = loadConfig({}, '');
    expect(r.ok && r.config).toMatchObject({ DATABASE_PATH: 'data/convene.sqlite', OUTBOX_DIR: 'data/outbox', NOTICE_DAYS: 7, MINUTES_DAYS: 7, PORT: 3000, LOG_LEVEL: 'info' });
  });

  it('gives one clear sentence per bad value', () => {
    const r = loadConfig({ NOTICE_DAYS: 'seven', PORT: '99999', LOG_LEVEL: 'loud', SMTP_URL: 'http://x', SLACK_API_URL: 'not a url' }, '');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual(
      expect.arrayContaining([
        'NOTICE_DAYS must be a whole number of days from 0 to 60 (got "seven").',
        'PORT must be a port number from 1 to 65535 (got "99999").',
        expect.stringContaining('LOG_LEVEL must be one of'),
        'SMTP_URL must start with smtp:// or smtps:// (got "http://x").',
        'SLACK_API_URL is not a URL (got "not a url").',
      ]),
    );
  });

  it.each([
    'Convene convene@pwg.example.org',
    'a@pwg.example.org, b@pwg.example.org',
    'Convene <convene@pwg.example.org',
    '<convene@pwg.example.org> PWG',
    'Convene <>',
    '"Convene" <convene>',
    'Convene\r\nBcc: x@evil.example <convene@pwg.example.org>',
    'convene@@pwg.example.org',
  ])('refuses EMAIL_FROM %j: one address, with an optional display name', (value) => {
    const r = loadConfig({ SMTP_URL: 'smtp://mail.example.org:587', EMAIL_FROM: value }, '');
    expect(!r.ok && r.problems).toEqual([expect.stringMatching(/^EMAIL_FROM must be one e-mail address, optionally with a display name/)]);
  });

  it.each(['convene@pwg.example.org', 'Convene <convene@pwg.example.org>', '"Convene, PWG" <convene@pwg.example.org>', '<convene@pwg.example.org>'])(
    'takes EMAIL_FROM %j',
    (value) => expect(loadConfig({ EMAIL_FROM: value }, '').ok).toBe(true),
  );

  it('refuses an SMTP_URL that names no server, and an SMTP timeout that is not a number of seconds', () => {
    const r = loadConfig({ SMTP_URL: 'smtp://', EMAIL_FROM: 'convene@pwg.example.org', SMTP_TIMEOUT_SECONDS: '0' }, '');
    expect(!r.ok && r.problems).toEqual([
      'SMTP_URL names no mail server, e.g. smtp://user:password@mail.your-org.org:587 (got "smtp://").',
      'SMTP_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 600 (got "0").',
    ]);
    const ok = loadConfig({ SMTP_URL: 'smtp://mail.example.org', EMAIL_FROM: 'convene@pwg.example.org', SMTP_TIMEOUT_SECONDS: '5' }, '');
    expect(ok.ok && ok.config.SMTP_TIMEOUT_SECONDS).toBe(5);
  });

  it('ends the idle work thread after 60 s unless WORK_THREAD_IDLE_SECONDS says otherwise (0: never), and refuses what is not seconds', () => {
    const byDefault = loadConfig({}, '');
    expect(byDefault.ok && byDefault.config.WORK_THREAD_IDLE_SECONDS).toBe(60);
    const never = loadConfig({ WORK_THREAD_IDLE_SECONDS: '0' }, '');
    expect(never.ok && never.config.WORK_THREAD_IDLE_SECONDS).toBe(0);
    const day = loadConfig({ WORK_THREAD_IDLE_SECONDS: '86400' }, '');
    expect(day.ok && day.config.WORK_THREAD_IDLE_SECONDS).toBe(86_400);
    for (const bad of ['86401', '1.5', 'soon'])
      expect(loadConfig({ WORK_THREAD_IDLE_SECONDS: bad }, '')).toEqual({
        ok: false, problems: [`WORK_THREAD_IDLE_SECONDS must be a whole number of seconds from 0 (never end it) to 86400 (got "${bad}").`],
      });
  });

  it('refuses half-configured platforms', () => {
    const smtp = loadConfig({ SMTP_URL: 'smtp://mail.example.org:587' }, '');
    expect(!smtp.ok && smtp.problems[0]).toContain('EMAIL_FROM is not');
    const slack = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' }, '');
    expect(!slack.ok && slack.problems[0]).toContain('neither SLACK_SIGNING_SECRET');
  });

  it('reads .env, with the environment taking precedence', () => {
    const dir = mkdtempSync(join(tmpdir(), 'convene-env-'));
    try {
      const file = join(dir, '.env');
      writeFileSync(file, 'NOTICE_DAYS=10\nMINUTES_DAYS=5\n# comment\nEMAIL_FROM="Convene <c@example.org>"\n');
      const r = loadConfig({ MINUTES_DAYS: '3' }, file);
      expect(r.ok && [r.config.NOTICE_DAYS, r.config.MINUTES_DAYS, r.config.EMAIL_FROM]).toEqual([10, 3, 'Convene <c@example.org>']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
