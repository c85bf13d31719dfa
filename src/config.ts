import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { EMAIL_ADDRESS } from './commands/args';

const optionalText = z
  .string()
  .optional()
  .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));

const days = (name: string, fallback: number) =>
  z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined || s.trim() === '') return fallback;
      if (!/^\d{1,2}$/.test(s.trim()) || Number(s) > 60) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number of days from 0 to 60 (got "${s}").` });
        return z.NEVER;
      }
      return Number(s);
    });

const url = (name: string, protocols: string[]) =>
  optionalText.superRefine((s, ctx) => {
    if (s === undefined) return;
    try {
      const u = new URL(s);
      if (!protocols.includes(u.protocol)) ctx.addIssue({ code: 'custom', message: `${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')} (got "${s}").` });
    } catch {
      ctx.addIssue({ code: 'custom', message: `${name} is not a URL (got "${s}").` });
    }
  });

/**
 * The sender of every e-mail: `convene@org.org`, `Convene <convene@org.org>` or
 * `"Convene, PWG" <convene@org.org>`. One address; no comments, groups or line breaks.
 */
export function parseSender(text: string): { name: string | null; address: string } | null {
  if (EMAIL_ADDRESS.test(text)) return { name: null, address: text };
  const m = /^(?:"((?:[^"\\\x00-\x1f\x7f]|\\[^\x00-\x1f\x7f])*)"|([^"<>@,;:()\\\x00-\x1f\x7f]*?))\s*<([^<>\s]+)>$/.exec(text);
  if (!m || !EMAIL_ADDRESS.test(m[3]!)) return null;
  return { name: (m[1] ?? m[2] ?? '').trim() || null, address: m[3]! };
}

export const configSchema = z
  .object({
    DATABASE_PATH: optionalText.transform((s) => s ?? 'data/convene.sqlite'),
    OUTBOX_DIR: optionalText.transform((s) => s ?? 'data/outbox'),
    EXPORTS_DIR: optionalText.transform((s) => s ?? 'data/exports'),
    TEMPLATES_DIR: optionalText,
    BACKUP_DIR: optionalText.transform((s) => s ?? 'data/backups'),
    /** A cron expression (node-cron: 5 fields, or 6 with seconds) in the installation's time zone; checked at start. */
    BACKUP_CRON: optionalText,
    BACKUP_KEEP: optionalText.transform((s, ctx) => {
      if (s === undefined) return 7;
      if (!/^\d{1,4}$/.test(s) || Number(s) < 1) {
        ctx.addIssue({ code: 'custom', message: `BACKUP_KEEP must be a whole number of backups to keep, 1 or more (got "${s}").` });
        return z.NEVER;
      }
      return Number(s);
    }),
    SLACK_BOT_TOKEN: optionalText,
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText,
    SLACK_API_URL: url('SLACK_API_URL', ['http:', 'https:']),
    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: optionalText,
    DISCORD_GUILD_ID: optionalText,
    DISCORD_API_URL: url('DISCORD_API_URL', ['http:', 'https:']),
    SMTP_URL: url('SMTP_URL', ['smtp:', 'smtps:']).superRefine((s, ctx) => {
      if (s !== undefined && URL.canParse(s) && new URL(s).hostname === '')
        ctx.addIssue({ code: 'custom', message: `SMTP_URL names no mail server, e.g. smtp://user:password@mail.your-org.org:587 (got "${s}").` });
    }),
    PUBLIC_URL: url('PUBLIC_URL', ['http:', 'https:']),
    REPLY_TO: optionalText.superRefine((s, ctx) => {
      if (s !== undefined && !/^[^\s<>@,;"]+@[^\s<>@,;"]+\.[^\s<>@,;"]+$/.test(s))
        ctx.addIssue({ code: 'custom', message: `REPLY_TO must be one e-mail address, e.g. coordinator@your-org.org (got "${s}").` });
    }),
    EMAIL_FROM: optionalText.superRefine((s, ctx) => {
      if (s !== undefined && !parseSender(s))
        ctx.addIssue({ code: 'custom', message: `EMAIL_FROM must be one e-mail address, optionally with a display name, e.g. "Convene <convene@your-org.org>" or convene@your-org.org (got "${s}").` });
    }),
    SMTP_TIMEOUT_SECONDS: optionalText.transform((s, ctx) => {
      if (s === undefined) return 20;
      if (!/^\d{1,3}$/.test(s) || Number(s) < 1 || Number(s) > 600) {
        ctx.addIssue({ code: 'custom', message: `SMTP_TIMEOUT_SECONDS must be a whole number of seconds from 1 to 600 (got "${s}").` });
        return z.NEVER;
      }
      return Number(s);
    }),
    WORK_THREAD_IDLE_SECONDS: optionalText.transform((s, ctx) => {
      if (s === undefined) return 60;
      if (!/^\d{1,5}$/.test(s) || Number(s) > 86_400) {
        ctx.addIssue({ code: 'custom', message: `WORK_THREAD_IDLE_SECONDS must be a whole number of seconds from 0 (never end it) to 86400 (got "${s}").` });
        return z.NEVER;
      }
      return Number(s);
    }),
    NOTICE_DAYS: days('NOTICE_DAYS', 7),
    MINUTES_DAYS: days('MINUTES_DAYS', 7),
    PORT: optionalText.transform((s, ctx) => {
      if (s === undefined) return 3000;
      const n = Number(s);
      if (!/^\d+$/.test(s) || n < 1 || n > 65535) {
        ctx.addIssue({ code: 'custom', message: `PORT must be a port number from 1 to 65535 (got "${s}").` });
        return z.NEVER;
      }
      return n;
    }),
    LOG_LEVEL: optionalText.transform((s, ctx) => {
      const level = (s ?? 'info').toLowerCase();
      const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
      if (!levels.includes(level)) {
        ctx.addIssue({ code: 'custom', message: `LOG_LEVEL must be one of ${levels.join(', ')} (got "${s}").` });
        return z.NEVER;
      }
      return level;
    }),
  })
  .superRefine((c, ctx) => {
    const need = (cond: boolean, message: string) => cond || ctx.addIssue({ code: 'custom', message });
    need(!c.SMTP_URL || !!c.EMAIL_FROM, 'SMTP_URL is set but EMAIL_FROM is not: say which address Convene sends from, e.g. EMAIL_FROM="Convene <convene@your-org.org>".');
    need(!c.SLACK_BOT_TOKEN || !!c.SLACK_SIGNING_SECRET || !!c.SLACK_APP_TOKEN, 'SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is.');
    need(!(c.SLACK_SIGNING_SECRET || c.SLACK_APP_TOKEN) || !!c.SLACK_BOT_TOKEN, 'A Slack secret or app token is set but SLACK_BOT_TOKEN is not.');
    need(!c.DISCORD_TOKEN || !!c.DISCORD_APPLICATION_ID, 'DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is not.');
    need(!c.DISCORD_TOKEN || !!c.DISCORD_GUILD_ID, 'DISCORD_TOKEN is set but DISCORD_GUILD_ID is not: say which Discord server (its id) the bot serves.');
  });

export type Config = z.output<typeof configSchema>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/**
 * Where an installation keeps its files unless told otherwise: under its own folder, not the
 * folder a command happens to be run from (cron, a script, another project).
 */
export function installationPaths(root: string): Record<'DATABASE_PATH' | 'OUTBOX_DIR' | 'EXPORTS_DIR', string> {
  return { DATABASE_PATH: join(root, 'data', 'convene.sqlite'), OUTBOX_DIR: join(root, 'data', 'outbox'), EXPORTS_DIR: join(root, 'data', 'exports') };
}

/** Reads the environment, with `.env` filling in what the environment does not set, and `defaults` what neither sets. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = '.env', defaults: Record<string, string> = {}): ConfigResult {
  let fromFile: Record<string, string> = {};
  if (envFile && existsSync(envFile)) {
    try {
      fromFile = parseEnv(readFileSync(envFile, 'utf8')) as Record<string, string>;
    } catch (err) {
      return { ok: false, problems: [`${envFile} could not be read: ${err instanceof Error ? err.message : String(err)}`] };
    }
  }
  // A relative path written in a .env file means a path next to that file, not in whatever folder the command runs from.
  for (const key of ['DATABASE_PATH', 'OUTBOX_DIR', 'EXPORTS_DIR', 'TEMPLATES_DIR']) {
    const value = fromFile[key]?.trim();
    if (value && !isAbsolute(value)) fromFile[key] = resolve(dirname(envFile), value);
  }
  const parsed = configSchema.safeParse({ ...defaults, ...fromFile, ...stripUndefined(env) });
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problems: parsed.error.issues.map((i) => i.message) };
}

function stripUndefined(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}
