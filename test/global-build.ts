import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Builds dist/ once per run, so the real-process smoke tests run the compiled code of the sources under test. */
export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
}
