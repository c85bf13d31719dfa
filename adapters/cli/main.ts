import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { FixedClock, systemClock, type Clock } from '../../src/clock';
import { installationPaths, loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/logger';
import { listExercises } from '../../src/store/exercises';
import { leftBehindLine } from '../../src/delivery/left-behind';
import { createApp, PROJECT_ROOT, StartupError, type App } from '../compose';
import { CLI_HELP, parseArgv, type CliInvocation } from './argv';
import { initialiseExercise } from './init';
import { runBot } from './start';
import { maintenanceMode } from './maintenance-argv';
import { runMaintenance } from './maintenance';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** The terminal that `start` reads lines from and writes the console to (default: this process's). */
  terminal?: { input: Readable; output: Writable };
  /** How long a one-shot command spends delivering after its reply (default ONE_SHOT_DELIVERY_MS). */
  deliveryBudgetMs?: number;
}

/** Runs the CLI and returns its exit code: 0 accepted, 1 refused, 2 usage error. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const maintenance = maintenanceMode(argv);
  if (maintenance) return runMaintenance(argv, maintenance, io);
  const parsed = parseArgv(argv);
  if (!parsed.ok) {
    io.stderr(`${parsed.message}\n`);
    return 2;
  }
  const inv = parsed.invocation;
  if (inv.mode === 'help') {
    io.stdout(`${CLI_HELP}\n`);
    return 0;
  }
  if (inv.mode === 'version') {
    io.stdout(`convene ${installedVersion()}\n`);
    return 0;
  }
  // The installation's own .env and data/ folder, wherever the command is run from.
  const loaded = loadConfig(io.env, join(PROJECT_ROOT, '.env'), installationPaths(PROJECT_ROOT));
  if (!loaded.ok) {
    io.stderr(`The configuration has ${loaded.problems.length === 1 ? 'a problem' : 'problems'}:\n${loaded.problems.map((p) => `- ${p}`).join('\n')}\nSee .env.example.\n`);
    return 2;
  }
  const config: Config = { ...loaded.config, ...(inv.db ? { DATABASE_PATH: inv.db } : {}) };
  const clock: Clock = inv.now ? new FixedClock(inv.now) : systemClock;
  try {
    if (inv.mode === 'start') return await runBot(config, clock, inv, io);
    return await runOnce(config, clock, inv, io);
  } catch (err) {
    if (!(err instanceof StartupError)) throw err;
    io.stderr(`${err.message}\n`);
    return 2;
  }
}

/**
 * How long a one-shot command spends delivering after its reply: a script or cron job must not
 * wait on a slow mail server. What is left goes with the next tick or the running bot.
 */
export const ONE_SHOT_DELIVERY_MS = 3000;

async function runOnce(config: Config, clock: Clock, inv: CliInvocation, io: CliIo): Promise<number> {
  // One-shot runs log only warnings unless asked, so the reply is what a script reads; the sender's
  // sentences for the operator (a paused medium) go to stderr as sentences, once.
  const level = io.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn';
  const fresh = !existsSync(config.DATABASE_PATH);
  const app = createApp({ config: { ...config, LOG_LEVEL: level }, clock, logger: createLogger(level, io.stderr), deliveryBudgetMs: io.deliveryBudgetMs ?? ONE_SHOT_DELIVERY_MS });
  // Whoever typed a path by mistake learns at once where their data went.
  if (fresh) io.stderr(`Created a new database: ${resolve(config.DATABASE_PATH)}\n`);
  app.sender.onNotice((sentence) => io.stderr(`${sentence}\n`));
  const leftBehind = () => {
    const line = leftBehindLine(app.db, app.sender);
    if (line) io.stderr(`${line}\n`);
  };
  try {
    if (inv.mode === 'init') return initialise(app, inv, io);
    if (inv.mode === 'tick') {
      const report = await app.scheduler.tick();
      for (const j of report.jobs) io.stdout(`${j.late ? 'late ' : ''}${j.kind} ${j.ref}: ${j.note}\n`);
      const d = report.delivery;
      io.stdout(`${report.jobs.length} due job${report.jobs.length === 1 ? '' : 's'} run; messages: ${d.sent} sent, ${d.retrying} to retry, ${d.failed} failed.\n`);
      leftBehind();
      return 0;
    }
    if (listExercises(app.db).length === 0 && !/^\/?help\b/i.test(inv.text ?? '')) {
      io.stderr(`No exercise is set up yet. Start with: ${join(PROJECT_ROOT, 'bin', 'convene.mjs')} init --example kosovo\n`);
      return 1;
    }
    if (/^\/?exercise\s+use\b/i.test(inv.text ?? '')) {
      io.stderr('/exercise use is for the bot\'s terminal, which remembers it; from a shell, give --exercise <slug> with each command (/exercise list shows them).\n');
      return 2;
    }
    const outcome = app.core.handleSync({
      text: inv.text!,
      actor: { kind: 'local', ...(inv.as ? { email: inv.as } : {}) },
      ...(inv.exercise ? { exerciseSlug: inv.exercise } : {}),
    });
    io.stdout(`${outcome.reply}\n`);
    if (outcome.status === 'accepted') {
      // A command that changed something started delivering what it queued (within the budget);
      // a read starts nothing and waits for nothing.
      if (app.sender.busy) {
        const d = await app.sender.drain();
        if (d.sent + d.retrying + d.failed > 0) io.stderr(`messages: ${d.sent} sent, ${d.retrying} to retry, ${d.failed} failed\n`);
        leftBehind();
      }
      return 0;
    }
    return outcome.code === 'usage' ? 2 : 1;
  } finally {
    await app.close();
  }
}

function initialise(app: App, inv: CliInvocation, io: CliIo): number {
  const result = initialiseExercise(app, inv.init!, 'admin (local)');
  if (!result.ok) {
    io.stderr(`${result.message}\n`);
    return 1;
  }
  io.stdout(`${result.summary}\n${result.exercise.slug}\n`);
  return 0;
}

/** The version of this installation, from its package.json. */
function installedVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}
