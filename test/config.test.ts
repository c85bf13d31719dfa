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
