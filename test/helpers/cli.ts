import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../adapters/cli/main';
import { ROOT } from './app';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Both streams in the order they were written, as a terminal shows them (in-process runs only). */
  output?: string;
}

/** A temp folder for one CLI scenario: its database and outbox live there. */
export function cliSandbox(): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'convene-cli-'));
  return {
    dir,
    env: { PATH: process.env.PATH, HOME: dir, DATABASE_PATH: join(dir, 'convene.sqlite'), OUTBOX_DIR: join(dir, 'outbox'), LOG_LEVEL: 'warn' },
  };
}

/**
 * Runs `convene <args>` in this process through `main(argv, io)`, exactly what bin/convene.mjs calls:
 * the same replies, exit codes and streams, without paying a process start per case.
 * A throw that would crash the real process is turned into what the process would show: its stack on stderr, exit 1.
 */
export async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  let output = '';
  try {
    const code = await main(args, { stdout: (t) => void ((stdout += t), (output += t)), stderr: (t) => void ((stderr += t), (output += t)), env });
    return { code, stdout, stderr, output };
  } catch (err) {
    return { code: 1, stdout, stderr: `${stderr}${err instanceof Error ? err.stack : String(err)}\n`, output };
  }
}

/** Runs `convene <args>` as a child process, the way a script or cron would: for the few smoke tests of the real binary. */
export function runCliProcess(args: string[], env: NodeJS.ProcessEnv, cwd?: string, bin = join(ROOT, 'bin', 'convene.mjs')): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env, cwd: cwd ?? ROOT, timeout: 20_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 99) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
