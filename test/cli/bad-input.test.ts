import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliSandbox, runCli } from '../helpers/cli';
import { snapshot } from '../helpers/app';

const box = cliSandbox();
beforeAll(async () => {
  expect((await runCli(['init', '--example', 'kosovo'], box.env)).code).toBe(0);
});
afterAll(() => rmSync(box.dir, { recursive: true, force: true }));

function dbState(): string {
  const db = new Database(box.env.DATABASE_PATH!, { readonly: true });
  try {
    return snapshot(db);
  } finally {
    db.close();
  }
}

const LONG_NAME = 'A'.repeat(10_000);

/** [what, argv, exit code, part of the message] */
const CASES: [string, string[], 1 | 2, string][] = [
  ['an unknown command', ['/frobnicate now'], 2, 'There is no command /frobnicate'],
  ['an unknown subcommand', ['/members promote x'], 2, '/members has no "promote"'],
  ['an unknown flag', ['--verbose', '/members list'], 2, 'Unknown flag --verbose'],
  ['a missing argument', ['/members add-focal KAS'], 1, 'Missing <email>.'],
  ['an unknown organisation', ['/members add-focal XYZ a@xyz.example.org Someone'], 1, 'There is no member organisation XYZ'],
  ['a duplicate organisation acronym', ['/members add-org unhcr UNHCR again'], 1, 'UNHCR is already a member organisation'],
  ['an e-mail without @', ['/members add-focal KAS focal.kas.example.org Someone'], 1, 'is not an e-mail address'],
  ['a 10,000-character name', ['/members', 'add-observer', 'long@example.org', LONG_NAME], 1, 'is 10000 characters long; the limit is 200'],
  ['CR/LF in a name', ['/members add-observer evil@example.org Evil\r\nBcc: all@example.org'], 1, 'must be one line of plain text'],
  ['a right-to-left override in a name', ['/members add-observer spoof@example.org N\u202Egnp.exe'], 1, 'must be one line of plain text'],
  ['an address inside a name', ['/members add-focal KAS evil@kas.example.org Evil <boss@kas.example.org>'], 1, 'A name is written without <, >, @ or quotes'],
  ['an acronym with markup', ['/members add-org <!channel> Everyone'], 1, 'An organisation acronym is 1 to 16 letters'],
  ['a non-coordinator adding members', ['--as', 'focal@kas.example.org', '/members add-org WFP World Food Programme'], 1, 'Only the Profiling Coordinator can use /members add-org'],
  ['an observer changing roles', ['--as', 'support@jips.example.org', '/members role support@jips.example.org coordinator'], 1, 'Only the Profiling Coordinator'],
  ['an unknown role', ['/members role focal@kas.example.org chair'], 1, 'The role is one of: coordinator, observer, focal.'],
  ['an unknown group', ['/members list XYZ'], 1, 'The group is PWG (the whole working group) or PMG'],
  ['an unclosed quote', ['/members add-org WFP "World Food Programme'], 1, 'A quote is not closed'],
  ['removing someone who is not a focal point', ['/members remove-focal KAS focal@osce.example.org'], 1, 'is not a focal point of KAS'],
  ['an impossible --now', ['--now', '2026-02-30T10:00:00Z', '/members list'], 2, 'is not an ISO-8601 instant'],
  ['an unknown exercise', ['--exercise', 'atlantis', '/members list'], 1, 'There is no exercise "atlantis"'],
  ['an unknown --as', ['--as', 'ghost@example.org', '/members list'], 1, 'Nobody with the e-mail ghost@example.org'],
  ['a verification code on the terminal', ['/members verify 12345'], 1, 'The code is the 6 digits from the e-mail'],
];

describe('bad input: a clear message, exit 1 or 2, and the database unchanged', () => {
  for (const [what, argv, code, message] of CASES) {
    it(what, async () => {
      const before = dbState();
      const r = await runCli(argv, box.env);
      expect(r.code).toBe(code);
      const said = `${r.stdout}${r.stderr}`;
      expect(said).toContain(message);
      expect(said).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
      expect(dbState()).toBe(before);
    });
  }

  it('takes <!channel> and @everyone in a name as plain text, harmless in every medium', async () => {
    const r = await runCli(['/members add-org WFP <!channel> @everyone Food'], box.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Added WFP (<!channel> @everyone Food)');
  });
});
