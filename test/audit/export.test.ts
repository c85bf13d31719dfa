import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app';
import { ok } from '../helpers/meetings';
import { main } from '../../adapters/cli/main';
import { chainHead } from '../../src/store/audit';
import { captureIo, meetingCycle } from './cycle';

let app: TestApp;
afterEach(() => app?.close());

async function exported(options: Parameters<typeof meetingCycle>[0] = {}): Promise<string> {
  app = await meetingCycle(options);
  const reply = ok(app, '/exercise export');
  const folder = /to (.*)\/: record\.json/.exec(reply)![1]!;
  expect(reply).toContain(`Chain head: ${chainHead(app.db, 1)}.`);
  return folder;
}

async function verifyExport(folder: string): Promise<{ code: number; out: string }> {
  const io = captureIo();
  const code = await main(['verify', '--export', folder], io);
  return { code, out: io.out.join('') + io.err.join('') };
}

/** Changes one byte of a file, at the first place `from` occurs. */
function changeByte(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

describe('the chain head in an export', () => {
  it('carries no usable personal link: the signatures are withheld, and the folder still verifies', async () => {
    const folder = await exported({ links: { baseUrl: 'https://convene.example.org', localOnly: false } });
    const json = readFileSync(join(folder, 'record.json'), 'utf8');
    // The e-mails of the cycle carried personal links (vote, meeting, person's page).
    const links = json.match(/\/l\/[a-z]+\.[^\s"\\]*( withheld\))?/g) ?? [];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link).toMatch(/\.\(signature withheld\)$/);
    const outbox = app.db.prepare("SELECT payload FROM outbox_payloads WHERE payload LIKE '%/l/vote.%'").all() as { payload: string }[];
    expect(outbox.length).toBeGreaterThan(0);
    for (const { payload } of outbox) {
      const signature = /\/l\/vote(?:\.[0-9a-z]{1,12}){5}\.([A-Za-z0-9_-]{22})/.exec(payload)![1]!;
      expect(json).not.toContain(signature);
    }
    expect((await verifyExport(folder)).code).toBe(0);
  });

  it('is in record.json and report.md, is the head of the database, and the folder verifies without the database', async () => {
    const folder = await exported();
    const record = JSON.parse(readFileSync(join(folder, 'record.json'), 'utf8')) as { chain: { head: string; entries: number }; auditLog: { hash: string }[] };
    expect(record.chain.head).toBe(chainHead(app.db, 1));
    expect(record.chain.head).toBe(record.auditLog.at(-1)!.hash);
    expect(readFileSync(join(folder, 'report.md'), 'utf8')).toContain(`- Chain head: \`${record.chain.head}\` (${record.chain.entries} audit entries).`);
    // No database is given: verify reads the folder alone.
    const { code, out } = await verifyExport(folder);
    expect(out).toBe(`The export of Kosovo 2014 (kosovo-2014, 2026-12-02T09:00:00.000Z) is complete and unaltered: ${record.chain.entries} audit entries, chain head ${record.chain.head}.\n`);
    expect(code).toBe(0);
  });

  it('does not verify when one byte of record.json changed: a vote, a meeting title, a provider id, or only the layout', async () => {
    const folder = await exported();
    const json = join(folder, 'record.json');
    const original = readFileSync(json, 'utf8');
    const cases: [string, string, RegExp][] = [
      ['"choice": "object"', '"choice": "abject"', /record\.json is not a Convene export|Vote \d+ differs/],
      ['"choice": "endorse"', '"choice": "abstain"', /Vote \d+ differs from what entry \d+ .* recorded/],
      ['Agree the TOR', 'Agree the TOS', /record\.json differs from what its export entry \d+ \(2026-12-02T09:00:00\.000Z\) recorded/],
      ['"providerId": "email-1"', '"providerId": "email-7"', /Message 1 differs from what entry \d+/],
      ['"format": "convene-exercise-export",\n', '"format":  "convene-exercise-export",\n', /record\.json is laid out differently from how Convene wrote it \(line 2\)/],
    ];
    for (const [from, to, found] of cases) {
      writeFileSync(json, original);
      changeByte(json, from, to);
      const { code, out } = await verifyExport(folder);
      expect(out).toMatch(found);
      expect(code).toBe(1);
    }
  });

  it('does not verify when report.md changed, or an entry was cut from the end of the log', async () => {
    const folder = await exported();
    changeByte(join(folder, 'report.md'), 'Terms of Reference', 'Terms of Referenze');
    const report = await verifyExport(folder);
    expect(report.out).toMatch(/^report\.md differs from the report of record\.json at line \d+: it was changed after the export\.$/m);
    expect(report.code).toBe(1);

    const json = join(folder, 'record.json');
    const record = JSON.parse(readFileSync(json, 'utf8')) as { auditLog: unknown[]; chain: { head: string | null; entries: number } };
    record.auditLog.pop();
    writeFileSync(json, `${JSON.stringify(record, null, 2)}\n`);
    const cut = await verifyExport(folder);
    expect(cut.out).toContain('The audit log of record.json does not end with the entry of its own export: entries were removed from its end.');
    expect(cut.code).toBe(1);
    expect(readdirSync(folder).sort()).toEqual(['record.json', 'report.md']);
  });
});
