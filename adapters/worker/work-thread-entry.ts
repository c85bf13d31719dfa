/**
 * The work thread (see work-thread.ts): the core's commands and the scheduler's due jobs, on
 * their own event loop and their own connection to the bot's database, so the bot's event loop
 * only reads requests, acknowledges them and does network I/O. Built as dist/work-thread-entry.mjs.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import pino from 'pino';
import { ConveneCore } from '../../src/core/core';
import { TemplateRenderer } from '../../src/render/renderer';
import { runDue, type JobReport } from '../../src/scheduler/run-due';
import { openDatabase } from '../../src/store/db';
import { buildJobHandlers, buildRegistry } from '../../src/use-cases/index';
import { giveWay } from '../shared/foreground';
import { workThreadData, type WorkMessage, type WorkRequest } from './protocol';
import { threadDelivery } from './thread-delivery';

/**
 * On Linux a thread has its own scheduling priority: this one yields the CPU to the thread that
 * acknowledges requests when both want it (two cores shared with a tick's rendering). Elsewhere
 * the thread keeps the process's priority.
 */
function lowerPriority(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid)) setPriority(tid, 19);
  } catch {
    // Not Linux, or not allowed: the same priority as the rest of the bot.
  }
}
lowerPriority();

const port = parentPort!;
const post = (m: WorkMessage) => port.postMessage(m);
const data = workThreadData.parse(workerData);
// Log lines go to the bot's logger, which writes them where it writes its own.
const logger = pino({ level: data.logLevel, base: { app: 'convene', thread: 'work' } }, { write: (line: string) => post({ kind: 'log', line }) });
const db = openDatabase(data.databasePath);
const renderer = new TemplateRenderer(data.templatesDir);
// The instant of the command being handled: the bot's clock when it was asked.
let commandNow = new Date();
const core = new ConveneCore({
  db, clock: { now: () => commandNow }, registry: buildRegistry(), renderer, settings: data.settings, logger,
  onCommitted: () => post({ kind: 'committed' }),
});
/** Requests waiting on the bot's loop for their answer (adapters/shared/foreground.ts): the tick's transaction of jobs commits after the job under way. */
const requestsWaiting = () => data.foreground !== undefined && Atomics.load(data.foreground, 0) > 0;
const jobDeps = { db, handlers: buildJobHandlers(), renderer, settings: data.settings, logger, requestsWaiting };
// Between two messages the sender gives way as the jobs do: blocked while requests wait on the bot's loop.
const delivery = data.delivery
  ? threadDelivery(data.delivery, {
    db, renderer, logger,
    pause: () => {
      if (data.foreground) giveWay(data.foreground, data.giveWayMs);
      return new Promise((resolve) => setImmediate(resolve));
    },
  })
  : null;
delivery?.sender.onNotice((sentence) => post({ kind: 'notice', sentence }));

/** Every due job at `now`, a slice of them per turn of this thread's loop (run-due.ts), so commands asked meanwhile are not held up behind all of them. */
async function runJobs(now: Date): Promise<JobReport[]> {
  let done = 0;
  // Requests waiting on the bot's loop come first, as on one loop (adapters/shared/foreground.ts):
  // before the first job and between two slices of them.
  const yieldToRequests = () => {
    if (!data.foreground || !requestsWaiting()) return;
    logger.debug({ done }, 'the tick gives way to requests waiting for their answer');
    giveWay(data.foreground, data.giveWayMs);
  };
  yieldToRequests();
  return runDue(jobDeps, () => now, async () => {
    done++;
    await new Promise((resolve) => setImmediate(resolve));
    yieldToRequests();
  });
}

port.on('message', (m: WorkRequest) => {
  if (m.op === 'stop') {
    void (delivery?.close() ?? Promise.resolve())
      .catch((err: unknown) => logger.error({ err }, 'closing the delivery failed'))
      .finally(() => {
        db.close();
        port.close();
      });
    return;
  }
  const answer = async () => {
    if (m.op === 'jobs') return runJobs(new Date(m.now));
    if (m.op === 'drain') {
      if (!delivery) return { sent: 0, retrying: 0, failed: 0 };
      delivery.asked(new Date(m.now));
      return delivery.sender.drain();
    }
    if (m.op === 'stop-delivery') {
      await delivery?.sender.stop(m.graceMs);
      return null;
    }
    commandNow = new Date(m.now);
    switch (m.op) {
      case 'handle':
        return core.handleSync(m.command);
      case 'suggest':
        return core.suggest(m.request);
      case 'words':
        return core.words(m.request);
      case 'home':
        return core.home(m.request);
    }
  };
  answer().then(
    (value) => post({ kind: 'answer', id: m.id, ok: true, value }),
    (err: unknown) => {
      logger.error({ err, op: m.op }, 'work thread request failed');
      post({ kind: 'answer', id: m.id, ok: false, error: err instanceof Error ? err.message : String(err) });
    },
  );
});
