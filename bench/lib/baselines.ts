import { spawn } from 'node:child_process';
import type { Db } from '../../src/store/db';

/**
 * The baseline of every write figure: one durable `BEGIN IMMEDIATE; INSERT; COMMIT` on the same
 * file (WAL, synchronous=FULL, as `openDatabase` sets), in a table of its own.
 */
export function rawDurableInsert(db: Db): () => void {
  db.exec('CREATE TABLE IF NOT EXISTS bench_baseline (id INTEGER PRIMARY KEY, a TEXT NOT NULL, at TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO bench_baseline (a, at) VALUES (?, ?)');
  let i = 0;
  const write = db.transaction(() => insert.run(`row ${i++}`, '2026-11-22T09:00:00.000Z'));
  return () => write.immediate();
}

/** Runs a process to its end; resolves when it exits (rejects on a non-zero exit). For `node -e 0` and CLI figures. */
export function runProcess(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', env });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}
