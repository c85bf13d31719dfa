/**
 * What a person or a script waits for, against `node -e 0` in the same run: a one-shot CLI
 * command (what cron pays), and `start` to its prompt, with the resident memory then. Runs the
 * compiled bin/convene.mjs (built here first), on the example database and the generated ones.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { openDatabase } from '../../src/store/db';
import { runProcess } from '../lib/baselines';
import { buildBot, residentMb } from '../lib/bot-process';
import { generatedDatabase } from '../lib/generate';
import { compare, formatMs, sample } from '../lib/measure';
import type { BenchSuite } from '../lib/suite';

/** Starts `convene start`, resolves when the prompt shows, with the child's resident memory (MB) then; stops it. */
function startToPrompt(bin: string, env: NodeJS.ProcessEnv, onRss: (mb: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'start'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('convene> ')) return;
      child.stdout.removeAllListeners('data');
      const mb = residentMb(child.pid!);
      if (mb !== null) onRss(mb);
      child.stdin.end('quit\n');
    });
    child.on('error', reject);
    child.on('exit', () => (out.includes('convene> ') ? resolve() : reject(new Error(`start showed no prompt: ${out.slice(0, 300)}`))));
  });
}

const suite: BenchSuite = {
  name: 'start',
  async run({ scales, dir, root, report, quick }) {
    const bin = buildBot(root, report);
    if (!bin) return;
    const samples = quick ? 5 : 30;
    const baseline = () => runProcess(process.execPath, ['-e', '0']);
    const databases: { label: string; scale: number; path: string; exercise: string }[] = [];
    const example = join(dir, 'start-example.sqlite');
    await runProcess(process.execPath, [bin, 'init', '--example', 'kosovo'], { ...process.env, DATABASE_PATH: example, OUTBOX_DIR: join(dir, 'outbox') });
    databases.push({ label: 'the example', scale: 1, path: example, exercise: 'kosovo-2014' });
    for (const scale of scales.filter((s) => s > 1)) {
      generatedDatabase(dir, scale, (p) => openDatabase(p)).db.close();
      databases.push({ label: `generated ${scale}×`, scale, path: join(dir, `generated-${scale}x.sqlite`), exercise: 'exercise-1' });
    }
    for (const d of databases) {
      const env = { ...process.env, DATABASE_PATH: d.path, OUTBOX_DIR: join(dir, 'outbox'), LOG_LEVEL: 'error' };
      report.figure({
        name: `one-shot CLI command (/members list), ${d.label}`, scale: d.scale, baseline: 'node -e 0', goalMs: 500,
        note: "issue 10's goal: ≤ 0.5 s (node -e 0 beside it for scale)",
        result: await compare({ baseline, subject: () => runProcess(process.execPath, [bin, '--exercise', d.exercise, '/members list'], env) }, { samples, warmup: 2 }),
      });
      const rss: number[] = [];
      report.figure({
        name: `start to the prompt, ${d.label}`, scale: d.scale, baseline: 'node -e 0', goalMs: 600,
        note: "issue 10's goal: ≤ 0.6 s (node -e 0 beside it for scale)",
        result: await compare({ baseline, subject: () => startToPrompt(bin, env, (mb) => rss.push(mb)) }, { samples, warmup: 2 }),
      });
      if (rss.length) {
        const s = rss.sort((a, b) => a - b);
        report.line(`  resident memory at the prompt: median ${s[Math.floor(s.length / 2)]!.toFixed(0)} MB, max ${s[s.length - 1]!.toFixed(0)} MB (goal ≤ 100 MB; after work and with Slack: the memory suite)`);
        if (s[s.length - 1]! > 100) report.line('  memory goal MISSED');
      }
    }
    const node = await sample(baseline, { samples, warmup: 2 });
    report.line(`\nnode -e 0 alone: median ${formatMs(node.median)}, p99 ${formatMs(node.p99)}`);
  },
};

export default suite;
