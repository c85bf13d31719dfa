import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../adapters/cli/main';
import { consoleLocal } from '../../adapters/cli/console-local';
import { createApp, type App } from '../../adapters/compose';
import { FixedClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/logger';

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup.splice(0).reverse()) c();
});

/** The Kosovo example in a fresh database, its coordinator reading `language`, and the bot's app over it. */
async function consoleApp(language: string): Promise<App> {
  const dir = mkdtempSync(join(tmpdir(), 'convene-console-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const env = { DATABASE_PATH: join(dir, 'convene.sqlite') };
  const io = { stdout: () => undefined, stderr: () => undefined, env };
  expect(await main(['init', '--example', 'kosovo', '--now', '2026-11-22T09:00:00Z'], io)).toBe(0);
  if (language !== 'en') expect(await main(['--now', '2026-11-22T09:00:00Z', `/members language me ${language}`], io)).toBe(0);
  const loaded = loadConfig(env, '');
  if (!loaded.ok) throw new Error(loaded.problems.join(' '));
  const app = createApp({ config: loaded.config, clock: new FixedClock('2026-11-22T09:00:00Z'), logger: silentLogger });
  cleanup.push(() => app.close());
  return app;
}

const SAID = {
  sq: ['Convene: koordinimi i Grupit', 'Në këtë konsolë edhe:', '  /exercise use <shkurtesa>   vepron në atë proces profilizimi tani e tutje (/exercise list i tregon)', '  quit                   ndalon botin'],
  'sr-Latn': ['Convene: koordinacija Radne grupe za profilisanje (PWG)', 'U ovoj konzoli još i:', '  /exercise use <skraćeni-naziv>   od sada radi u tom profilisanju (/exercise list ih prikazuje)', '  quit                   zaustavlja bota'],
  'sr-Cyrl': ['Convene: координација Радне групе за профилисање (PWG)', 'У овој конзоли још и:', '  /exercise use <скраћени-назив>   од сада ради у том профилисању (/exercise list их приказује)', '  quit                   зауставља бота'],
};

describe("the console's /help, in the language of the member it acts as", () => {
  for (const [language, lines] of Object.entries(SAID)) {
    it(`ends the ${language} help with the console's own commands in ${language}`, async () => {
      const help = (await consoleLocal(await consoleApp(language), () => null, () => undefined)('/help')) ?? '';
      for (const line of lines) expect(help).toContain(line);
      expect(help).not.toContain('In this console also');
    });
  }

  it('keeps the English lines as they were', async () => {
    const help = (await consoleLocal(await consoleApp('en'), () => null, () => undefined)('/help')) ?? '';
    expect(help).toContain(
      '\n\nIn this console also:\n  init --example kosovo | init --exercise "<name>" --timezone <IANA zone> --coordinator <email>   set up an exercise and switch to it\n  /exercise use <slug>   act in that exercise from now on (/exercise list shows them)\n',
    );
    expect(help.endsWith('Keys: Up and Down for earlier lines, Tab to complete a command or an id.')).toBe(true);
  });
});
