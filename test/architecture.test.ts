import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/app';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

// Static imports, side-effect imports, dynamic import() and require().
const SOURCE = `(?:from\\s+|import\\s*\\(?\\s*|require\\s*\\(\\s*)['"]`;
const SDK = new RegExp(`${SOURCE}(@slack\\/|discord\\.js|@discordjs\\/|nodemailer|smtp-server|hono['"/]|@hono\\/|ws['"])`);
const ADAPTERS = new RegExp(`${SOURCE}(\\.\\.\\/)+adapters\\/`);

describe('architecture', () => {
  it('keeps src/ free of platform SDKs and of adapters/', () => {
    const offenders = files(join(ROOT, 'src')).flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return SDK.test(text) || ADAPTERS.test(text) ? [relative(ROOT, f)] : [];
    });
    expect(offenders).toEqual([]);
  });

  it('recognises every form of import', () => {
    for (const line of [`import { App } from '@slack/bolt';`, `import '@slack/bolt';`, `await import('nodemailer')`, `require("discord.js")`, `import x from "ws";`, `import { Hono } from 'hono';`, `import { getCookie } from 'hono/cookie';`])
      expect(SDK.test(line), line).toBe(true);
    expect(ADAPTERS.test(`const m = await import('../../adapters/email/email-adapter');`)).toBe(true);
    expect(SDK.test(`import { z } from 'zod';`)).toBe(false);
  });

  it('keeps each SDK inside its own adapter folder', () => {
    const where: Record<string, RegExp> = {
      'adapters/email/': /from\s+['"]nodemailer/,
      'adapters/slack/': /from\s+['"]@slack\//,
      'adapters/discord/': /from\s+['"](discord\.js|@discordjs\/)/,
      'adapters/web/': /from\s+['"](hono['"/]|@hono\/)/,
    };
    const misplaced = files(join(ROOT, 'adapters')).flatMap((f) => {
      const rel = relative(ROOT, f);
      const text = readFileSync(f, 'utf8');
      return Object.entries(where).filter(([folder, re]) => re.test(text) && !rel.startsWith(folder)).map(() => rel);
    });
    expect(misplaced).toEqual([]);
  });

  it('reads the clock only through the injected Clock in src/', () => {
    const offenders = files(join(ROOT, 'src')).flatMap((f) => {
      if (f.endsWith('clock.ts')) return [];
      const text = readFileSync(f, 'utf8');
      return /Date\.now\(\)|new Date\(\)/.test(text) ? [relative(ROOT, f)] : [];
    });
    expect(offenders).toEqual([]);
  });
});
