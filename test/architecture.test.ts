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

const SDK = /from\s+['"](@slack\/[^'"]*|discord\.js|@discordjs\/[^'"]*|nodemailer[^'"]*|smtp-server|ws)['"]/;
const ADAPTERS = /from\s+['"](\.\.\/)+adapters\//;

describe('architecture', () => {
  it('keeps src/ free of platform SDKs and of adapters/', () => {
    const offenders = files(join(ROOT, 'src')).flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      return SDK.test(text) || ADAPTERS.test(text) ? [relative(ROOT, f)] : [];
    });
    expect(offenders).toEqual([]);
  });

  it('keeps each SDK inside its own adapter folder', () => {
    const where: Record<string, RegExp> = {
      'adapters/email/': /from\s+['"]nodemailer/,
      'adapters/slack/': /from\s+['"]@slack\//,
      'adapters/discord/': /from\s+['"](discord\.js|@discordjs\/)/,
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
