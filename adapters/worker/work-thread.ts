import { Worker } from 'node:worker_threads';
import type { Clock } from '../../src/clock';
import { woken } from '../shared/foreground';
import { tsxThread } from './tsx-thread';
import type { ChatRequest, CommandOutcome, Core, InboundCommand, Suggestion, SuggestionRequest } from '../../src/core/ports';
import type { ChatHome } from '../../src/chat/home';
import { crashedInEnglish, wordsWithoutCore, type ChatWords } from '../../src/chat/words';
import type { Logger } from '../../src/logger';
import type { JobReport } from '../../src/scheduler/run-due';
import type { DrainReport } from '../../src/delivery/sender';
import type { WorkAsk, WorkMessage, WorkRequest, WorkThreadData, WorkValue } from './protocol';

export interface WorkThreadOptions extends WorkThreadData {
  /** The bot's clock: each request carries its instant, so an injected clock drives the thread. */
  clock: Clock;
  logger: Logger;
  /** A command committed messages to the outbox (the sender drains on this thread). */
  onCommitted: () => void;
  /**
   * Ends the thread once nothing was asked of it for this long (the next request starts a new
   * one), so an idle bot does not keep the thread's own heap and modules (about 30 MB). Unset: it
   * runs until `stop()`.
   */
  idleMs?: number;
  /** Called once a thread ended for being idle has exited: the bot is quiet. */
  onIdle?: () => void;
  /** A sentence of the thread's sender for whoever runs Convene (with `delivery`). */
  onNotice?: (sentence: string) => void;
}


type Pending = { resolve: (v: WorkValue) => void; reject: (e: Error) => void; worker: Worker };

/** How long `stop()` waits for the thread to close its database before ending it. */
const STOP_WAIT_MS = 5000;

/**
 * The core's commands and the scheduler's due jobs in a worker thread with its own connection to
 * the same database (WAL: one writer at a time, the busy timeout waits for the lock), so neither a
 * command's fsync nor a tick rendering hundreds of messages holds the event loop that reads and
 * acknowledges the chat platforms' requests. A `Core` for the adapters, and `runDueJobs` for the
 * Scheduler. Started on first use; if it dies, what it was doing is answered as failed, the error
 * is logged, and the next request starts a new one (a job is its own transaction: one cut short
 * rolled back, and runs again). After `idleMs` with nothing asked it is ended and, like one that
 * died, started again by the next request: it is only ever ended with nothing under way, and an
 * answer comes from the thread that was asked, so nothing is lost or answered twice. From the
 * sources (tsx) it runs the .ts entry under tsx; from dist/ the compiled one next to this bundle.
 */
export class WorkThread implements Core {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly inFlight = new Set<Promise<WorkValue>>();
  /** What `quiet()` waits for: the commands under way (not the thread's drains, which go on beside the bot's writes). */
  private readonly commands = new Set<Promise<WorkValue>>();
  private readonly quietWaiters: (() => void)[] = [];
  /** Settles when the tick's jobs under way are done (a Scheduler runs one tick at a time). */
  private jobs: Promise<void> | null = null;
  private next = 1;
  private stopped = false;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Threads ended for being idle that are still closing their database. */
  private readonly retiring = new Set<Promise<void>>();
  private readonly log: Logger;

  constructor(private readonly options: WorkThreadOptions) {
    this.log = options.logger.child({ component: 'work-thread' });
  }

  async handle(command: InboundCommand): Promise<CommandOutcome> {
    try {
      return (await this.call({ op: 'handle', now: this.now(), command })) as CommandOutcome;
    } catch {
      // A chat member is told in their words, by the thread started again (or in English if it cannot be).
      const actor = command.actor;
      const reply = actor.kind === 'chat' ? (await this.words({ actor, helpCommand: command.helpCommand ?? '/help' })).crashed : crashedInEnglish();
      return { status: 'refused', code: 'rule', reply, audience: 'person' };
    }
  }

  async suggest(request: SuggestionRequest): Promise<Suggestion[]> {
    return ((await this.call({ op: 'suggest', now: this.now(), request }).catch(() => [])) as Suggestion[]);
  }

  async words(request: ChatRequest): Promise<ChatWords> {
    try {
      return (await this.call({ op: 'words', now: this.now(), request })) as ChatWords;
    } catch {
      return wordsWithoutCore(request.actor.medium, request.helpCommand, request.say, request.form);
    }
  }

  async home(request: ChatRequest): Promise<ChatHome> {
    return (await this.call({ op: 'home', now: this.now(), request })) as ChatHome;
  }

  /** The Scheduler's `runDueJobs`: the jobs due at `now` and the forgetting of old delivery ids, on the thread. */
  readonly runDueJobs = (now: Date): Promise<JobReport[]> => {
    const jobs = this.call({ op: 'jobs', now: now.toISOString() }) as Promise<JobReport[]>;
    const over = jobs.then(() => undefined, () => undefined);
    this.jobs = over;
    void over.then(() => {
      if (this.jobs === over) this.jobs = null;
    });
    return jobs;
  };

  /**
   * With `delivery`: the thread delivers what is due of its media (e-mail, Slack), starting the
   * thread if it is not running; resolves with what it did.
   */
  drainOutbox(): Promise<DrainReport> {
    return this.call({ op: 'drain', now: this.now() }) as Promise<DrainReport>;
  }

  /** Stops the thread's delivery (attempts under way get `graceMs`, then are given back); later drains deliver nothing. */
  async stopDelivery(graceMs: number): Promise<void> {
    if (!this.worker || this.stopped) return;
    await this.call({ op: 'stop-delivery', graceMs });
  }

  /**
   * Resolves once no command and no tick's jobs are under way. A tick's jobs are waited for however
   * long they take (they write back to back, a few microseconds apart: a write of the bot's own
   * connection would spin in SQLite's busy handler meanwhile, synchronously, holding every
   * acknowledgement); commands for at most `maxWaitMs`, so a steady stream of them cannot starve
   * the caller. The outbox sender on the bot's loop waits for this between two messages.
   */
  async quiet(maxWaitMs = 1000): Promise<void> {
    while (this.jobs) await this.jobs;
    if (this.commands.size === 0) return;
    await woken(this.quietWaiters, maxWaitMs);
  }

  /** Waits for what was asked, then lets the thread close its database and end. Later requests are refused. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.inFlight]);
    this.clearIdle();
    const worker = this.worker;
    this.worker = null;
    await Promise.all([...this.retiring, ...(worker ? [this.end(worker)] : [])]);
  }

  /** Whether a thread is running now (it starts on the first request, and ends after `idleMs` with nothing asked). */
  get running(): boolean {
    return this.worker !== null;
  }

  /** Asks `worker` to close its database and end (it has nothing under way); resolves once it has exited. */
  private async end(worker: Worker): Promise<void> {
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ op: 'stop' } satisfies WorkRequest);
    const timer = setTimeout(() => void worker.terminate(), STOP_WAIT_MS);
    await exited;
    clearTimeout(timer);
  }

  /** Once nothing is under way: ends the thread after `idleMs` unless something is asked first (`call` clears the timer). */
  private armIdle(): void {
    const { idleMs } = this.options;
    if (idleMs === undefined || this.stopped || !this.worker || this.inFlight.size > 0) return;
    this.clearIdle();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      const worker = this.worker;
      if (!worker || this.stopped || this.inFlight.size > 0) return;
      this.worker = null;
      this.log.debug({ idleMs }, 'the work thread ends after a quiet spell; the next command or tick starts it again');
      const ended = this.end(worker);
      this.retiring.add(ended);
      void ended.then(() => {
        this.retiring.delete(ended);
        if (!this.worker && !this.stopped) this.options.onIdle?.();
      });
    }, idleMs);
    // An idle bot's thread is not a reason for the process to stay up.
    this.idleTimer.unref();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  private now(): string {
    return this.options.clock.now().toISOString();
  }

  private call(ask: WorkAsk): Promise<WorkValue> {
    if (this.stopped) return Promise.reject(new Error('the work thread is stopped'));
    this.clearIdle();
    const worker = this.worker ?? this.start();
    const id = this.next++;
    const answer = new Promise<WorkValue>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker });
      worker.postMessage({ ...ask, id } satisfies WorkRequest);
    });
    this.inFlight.add(answer);
    const command = ask.op !== 'drain' && ask.op !== 'stop-delivery';
    if (command) this.commands.add(answer);
    const settled = () => {
      this.inFlight.delete(answer);
      this.commands.delete(answer);
      if (this.commands.size === 0) for (const w of this.quietWaiters.splice(0)) w();
      if (this.inFlight.size === 0) this.armIdle();
    };
    answer.then(settled, settled);
    return answer;
  }

  private start(): Worker {
    const { clock: _clock, logger: _logger, onCommitted: _onCommitted, onIdle: _onIdle, onNotice: _onNotice, ...data } = this.options;
    const fromSources = /\.ts$/.test(import.meta.url);
    const entry = new URL(fromSources ? './work-thread-entry.ts' : './work-thread-entry.mjs', import.meta.url);
    const worker = fromSources ? tsxThread(entry.href, data satisfies WorkThreadData) : new Worker(entry, { workerData: data satisfies WorkThreadData });
    worker.on('message', (m: WorkMessage) => this.receive(m));
    worker.on('error', (err) => {
      this.log.error({ err }, 'the work thread failed; what it was doing is answered as failed, and the next command or tick starts it again');
      this.lost(worker, err);
    });
    worker.on('exit', (code) => {
      if (this.worker === worker && !this.stopped) this.log.error({ code }, 'the work thread ended; the next command or tick starts it again');
      this.lost(worker, new Error(`the work thread ended (${code})`));
    });
    this.worker = worker;
    return worker;
  }

  /** A thread that died answers nothing more: everything it was asked fails, and it is replaced on next use. */
  private lost(worker: Worker, err: Error): void {
    if (this.worker === worker) this.worker = null;
    for (const [id, p] of this.pending)
      if (p.worker === worker) {
        this.pending.delete(id);
        p.reject(err);
      }
  }

  private receive(m: WorkMessage): void {
    if (m.kind === 'committed') return this.options.onCommitted();
    if (m.kind === 'log') return this.relay(m.line);
    if (m.kind === 'notice') return this.options.onNotice?.(m.sentence);
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(new Error(m.error));
  }

  /** A log line of the thread, through the bot's logger (same destination, same level). */
  private relay(line: string): void {
    try {
      const { level, msg, time: _t, pid: _p, hostname: _h, app: _a, ...rest } = JSON.parse(line) as { level: number; msg?: string; [k: string]: unknown };
      const label = this.options.logger.levels.labels[level] as 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'fatal' | undefined;
      (label ? this.log[label] : this.log.info).call(this.log, rest, msg ?? '');
    } catch {
      this.log.info(line);
    }
  }
}
