/** The compiled bot as a process, for the suites that start it (start, memory). */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from './measure';

/** Builds dist/ (`npm run build`) and gives bin/convene.mjs, or reports why it cannot and gives null. */
export function buildBot(root: string, report: Report): string | null {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    report.fail(`npm run build failed: ${build.stderr || build.stdout}`);
    return null;
  }
  return join(root, 'bin', 'convene.mjs');
}

/** A process's resident memory in MB (VmRSS), or null where there is no /proc. */
export function residentMb(pid: number): number | null {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
    return Number.isFinite(kb) ? kb / 1024 : null;
  } catch {
    return null;
  }
}
