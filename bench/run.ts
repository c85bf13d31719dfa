/**
 * `npm run bench`: every module of `bench/suites/`, each figure against its baseline measured in
 * the same run. Flags: `--scale 100` (also 1× and 10×; `--scale 1,10,100` says it exactly),
 * `--only tick,vote` (suites by name), `--quick` (few samples, to check that the suites run).
 * Exits non-zero when a suite reports a failure (e.g. the idle tick scans a table that grows).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Report } from './lib/measure';
import type { BenchSuite } from './lib/suite';

const ROOT = join(import.meta.dirname, '..');

function parseFlags(argv: string[]): { scales: number[]; only: string[] | null; quick: boolean } {
  let scales = [1, 10];
  let only: string[] | null = null;
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--scale') {
      const list = value().split(',').map(Number);
      if (list.some((n) => ![1, 10, 100].includes(n))) throw new Error('--scale takes 1, 10 or 100 (or a list of them)');
      scales = list.length === 1 && list[0] === 100 ? [1, 10, 100] : list;
    } else if (a === '--only') only = value().split(',');
    else if (a === '--quick') quick = true;
    else throw new Error(`Unknown flag ${a}. Flags: --scale 1|10|100[,..], --only <suite>[,..], --quick`);
  }
  return { scales, only, quick };
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`# Convene benchmarks\n\nnode ${process.version}, ${cpus().length} × ${cpu}, ${new Date().toISOString()}, scales ${flags.scales.join('×, ')}×`);
  const files = readdirSync(join(import.meta.dirname, 'suites')).filter((f) => f.endsWith('.ts')).sort();
  const suites: BenchSuite[] = [];
  for (const f of files) {
    const mod = (await import(pathToFileURL(join(import.meta.dirname, 'suites', f)).href)) as { default: BenchSuite };
    suites.push(mod.default);
  }
  const unknown = flags.only?.filter((n) => !suites.some((s) => s.name === n)) ?? [];
  if (unknown.length) throw new Error(`No suite named ${unknown.join(', ')}; there are: ${suites.map((s) => s.name).join(', ')}`);
  const report = new Report();
  const dir = mkdtempSync(join(tmpdir(), 'convene-bench-'));
  try {
    for (const suite of suites) {
      if (flags.only && !flags.only.includes(suite.name)) continue;
      report.begin(suite.name);
      await suite.run({ scales: flags.scales, dir, root: ROOT, report, quick: flags.quick });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\n## Summary\n\n${report.summary()}`);
  if (report.failures.length) {
    console.log(`\n${report.failures.length} failure(s):\n${report.failures.map((f) => `- ${f}`).join('\n')}`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  // A suite that threw left its servers, threads and bots as they were, and they would keep the
  // run from ending (seen: a Slack suite's error, then minutes of silence).
  process.exit(1);
});
