import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { TemplateRenderer } from '../render/renderer';
import type { DeliveryPort, DeliveryResult, Medium } from '../core/ports';
import type { Db } from '../store/db';
import { markDrained, mediumState } from '../store/delivery-media';
import { toOutboundMessage, type OutboxEntry } from '../store/outbox';
import { anyDue, claimDue, countDue, releaseClaim, type ClaimedEntry } from '../store/outbox-claim';
import type { AttemptResult } from './record-result';
import { ResultWriter } from './result-writer';
import { rendersDeferred } from '../store/deferred-payloads';
import { deferredRenderer } from '../render/deferred';
import { checkpointLess, writeAndForget } from './write';
import { AttemptSignals } from './attempt-signals';
import { PROBE_EVERY_MS } from './medium-health';
import type { Delivery } from './delivery';

export { MAX_ATTEMPTS, retryDelayMs } from './record-result';

/** A claimed message is another process's to send again after this long (it must be answered by then). */
const LEASE_MS = 5 * 60_000;
/** One attempt is abandoned after this (a server that trickles its replies); well inside the lease. */
const SEND_TIMEOUT_MS = 2 * 60_000;
/** A port that does not say how many messages it takes at once gets this many. */
const DEFAULT_CONCURRENCY = 4;
/** While a drain runs, the log is checkpointed at most every this many pages (16 MB), and once after it. */
const DRAIN_CHECKPOINT_PAGES = 4000;

export interface DrainReport {
  sent: number;
  retrying: number;
  failed: number;
}

export interface SenderDependencies {
  db: Db;
  clock: Clock;
  ports: DeliveryPort[];
  renderer: TemplateRenderer;
  logger: Logger;
  onDelivered?: (entry: OutboxEntry, result: DeliveryResult) => void;
  /** Awaited between two messages of a lane: lets waiting requests be answered first (default: the next turn of the event loop). */
  pause?: () => Promise<void>;
  /**
   * Wall-clock milliseconds one drain may take (a one-shot command, which must exit): then it stops
   * claiming, abandons the attempts under way and gives their messages back for the next tick.
   */
  budgetMs?: number;
  /**
   * When this process started, on the bot's clock (default: when this sender was made). A medium
   * paused before it may have new settings and is tried once at once; one paused since waits for
   * its probe time. The work thread's sender is made anew at each start of the thread, and gets the
   * bot's.
   */
  startedAt?: Date;
}

interface Run {
  controller: AbortController;
  /** The abort signals of the attempts under way (their starts on the wall clock, for SEND_TIMEOUT_MS). */
  attempts: AttemptSignals;
  total: DrainReport;
  /** Every result recorded in this pass, given-back ones included: another pass is worth it. */
  touched: number;
}

interface Result extends AttemptResult {
  run: Run;
}

/**
 * Delivers the outbox: one lane per medium keeps its port busy (workers claim more as soon as
 * their queue runs low, with a lease so two processes do not send the same message), and the
 * results are recorded in small transactions that do not each wait for the disk (`ResultWriter`).
 *
 * A medium whose provider refuses our own settings is paused (one message tries again every
 * PROBE_EVERY_MS of medium-health.ts, and at once in a new process); one that keeps failing is reported once.
 */
export class OutboxSender implements Delivery {
  private readonly ports = new Map<Medium, DeliveryPort>();
  private running: Promise<DrainReport> | null = null;
  private current: Run | null = null;
  private again = false;
  private closed = false;
  private readonly results: ResultWriter<Result>;
  /** Paused media this sender has already tried once (a new process may have new settings). */
  private readonly probed = new Set<Medium>();
  private readonly startedAt: number;
  private readonly noticeListeners: ((sentence: string) => void)[] = [];
  private readonly drainListeners: ((report: DrainReport) => void)[] = [];

  constructor(private readonly deps: SenderDependencies) {
    this.startedAt = (deps.startedAt ?? deps.clock.now()).getTime();
    for (const p of deps.ports) this.ports.set(p.medium, p);
    this.results = new ResultWriter({
      db: deps.db, clock: deps.clock, renderer: deps.renderer, media: () => this.media(), ...(deps.pause ? { pause: deps.pause } : {}),
      written: (attempt, { outcome, notice }) => {
        const { run } = attempt;
        run.touched++;
        if (outcome !== 'released') run.total[outcome]++;
        if (notice) this.tell(notice);
      },
    });
    // A message queued unrendered is rendered when claimed (claimDue), with these templates.
    rendersDeferred(deps.db, deferredRenderer(deps.renderer));
  }

  /** Whether a drain is under way (its messages are leased, so the outbox shows nothing due). */
  get busy(): boolean {
    return this.running !== null;
  }

  media(): Medium[] {
    return [...this.ports.keys()];
  }

  /** Sentences for whoever runs Convene: a medium paused, resumed, or failing for an hour. Also logged (info). */
  onNotice(listener: (sentence: string) => void): void {
    this.noticeListeners.push(listener);
  }

  /** After each drain that delivered, retried or failed something. */
  onDrained(listener: (report: DrainReport) => void): void {
    this.drainListeners.push(listener);
  }

  /** Starts a drain soon, coalescing calls made while one runs. Never rejects. */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    void this.drain().catch((err: unknown) => this.deps.logger.error({ err }, 'outbox drain failed'));
  }

  /** Delivers everything due now; resolves when done. Concurrent callers share one run. */
  async drain(): Promise<DrainReport> {
    if (this.closed) return { sent: 0, retrying: 0, failed: 0 };
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drainLoop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Messages due now that no drain of this process is sending: what a stopped one-shot command leaves. */
  waiting(): number {
    return countDue(this.deps.db, this.deps.clock.now().toISOString(), this.media());
  }

  /**
   * Stops delivering: waits up to `graceMs` for the attempts under way, then abandons them (their
   * messages are given back, not counted as attempts). Later drains do nothing.
   */
  async stop(graceMs = 0): Promise<void> {
    this.closed = true;
    const running = this.running;
    if (!running) return;
    if (graceMs > 0) await Promise.race([running.catch(() => undefined), new Promise((r) => setTimeout(r, graceMs).unref())]);
    this.current?.controller.abort();
    await running.catch(() => undefined);
  }

  private async drainLoop(): Promise<DrainReport> {
    const run: Run = { controller: new AbortController(), attempts: new AttemptSignals(), total: { sent: 0, retrying: 0, failed: 0 }, touched: 0 };
    this.current = run;
    run.controller.signal.addEventListener('abort', () => run.attempts.abortAll());
    const budget = this.deps.budgetMs;
    const timer = budget === undefined ? undefined : setTimeout(() => run.controller.abort(), budget);
    // One watchdog per run rather than a timer per message: an attempt past SEND_TIMEOUT_MS is abandoned.
    const checkpointAgain = checkpointLess(this.deps.db, DRAIN_CHECKPOINT_PAGES);
    const watchdog = setInterval(() => run.attempts.abortStartedBefore(performance.now() - SEND_TIMEOUT_MS), 5000);
    try {
      for (;;) {
        this.again = false;
        run.touched = 0;
        await Promise.all([...this.ports.values()].map((port) => this.lane(port, run)));
        this.results.writeAll();
        // Loop until a pass finds nothing: a failure report queued during this one goes out in this drain.
        if (run.controller.signal.aborted || (run.touched === 0 && !this.again)) break;
      }
    } finally {
      clearTimeout(timer);
      clearInterval(watchdog);
      this.current = null;
      // The last results, the checkpoint and the durable commit below: after the waiting requests.
      if (this.deps.pause) await this.deps.pause().catch(() => undefined);
      this.results.writeAll();
      // The durable commit below checkpoints what the drain wrote, if that is over SQLite's limit.
      checkpointAgain();
      const { db, clock } = this.deps;
      this.results.durably(() => markDrained(db, this.media(), clock.now().toISOString()));
    }
    const { sent, retrying, failed } = run.total;
    if (sent + retrying + failed > 0) for (const l of this.drainListeners) l(run.total);
    return run.total;
  }

  /** Keeps one medium's port busy until nothing of it is due (or the run is aborted, or it pauses). */
  private async lane(port: DeliveryPort, run: Run): Promise<void> {
    const { db, clock } = this.deps;
    const medium = port.medium;
    const concurrency = Math.max(1, port.concurrency ?? DEFAULT_CONCURRENCY);
    const state = mediumState(db, medium);
    let paused = !!state?.pausedAt;
    // A paused medium sends one message to see whether its settings work now.
    const probeAt = new Date(state?.probeAt ?? 0).getTime();
    // The probe time was set PROBE_EVERY_MS after the pause or the last failed probe: before this process began, its settings may be new.
    const pausedBeforeStart = probeAt - PROBE_EVERY_MS < this.startedAt;
    let probe = paused && ((!this.probed.has(medium) && pausedBeforeStart) || clock.now().getTime() >= probeAt);
    let exhausted = false;
    const queue: ClaimedEntry[] = [];
    const claim = (): ClaimedEntry | undefined => {
      if (exhausted || run.controller.signal.aborted) return undefined;
      if (paused && !probe) return undefined;
      const limit = paused ? 1 : Math.max(8, concurrency * 4);
      if (paused) {
        probe = false;
        this.probed.add(medium);
      }
      const now = clock.now();
      const nowIso = now.toISOString();
      // Read first: a write transaction only when there is something to claim.
      const got = anyDue(db, nowIso, [medium])
        ? writeAndForget(db, () => claimDue(db, nowIso, new Date(now.getTime() + LEASE_MS).toISOString(), limit, [medium]))
        : [];
      if (got.length < limit && !paused) exhausted = true;
      queue.push(...got);
      return queue.shift();
    };
    const worker = async () => {
      for (;;) {
        if (run.controller.signal.aborted || (paused && queue.length > 0)) return;
        const entry = queue.shift() ?? claim();
        if (!entry) return;
        const r = await this.attempt(port, entry, run);
        if (r.result.status === 'misconfigured') paused = true;
        else if (r.result.status === 'sent') paused = false;
        this.results.add(r);
        // Let what waits (a Slack ack) be answered between two messages.
        await (this.deps.pause ? this.deps.pause() : new Promise<void>((resolve) => setImmediate(resolve)));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    // Claimed but not tried (the run stopped, or the medium paused): give them back as they were.
    if (queue.length > 0) writeAndForget(db, () => queue.splice(0).forEach((e) => releaseClaim(db, e.id, null)));
  }

  private async attempt(port: DeliveryPort, entry: ClaimedEntry, run: Run): Promise<Result> {
    // Its template failed at the claim: nothing to send; the failure is recorded (recordResults).
    if (entry.unrenderable !== undefined) return { run, entry, result: { status: 'permanent', error: entry.unrenderable }, abandoned: false };
    const message = toOutboundMessage(entry, entry.recipientName ?? undefined);
    const { signal, done } = run.attempts.start(performance.now());
    let result: DeliveryResult;
    try {
      result = message
        ? await port.send(message, { signal })
        : { status: 'permanent', error: `${entry.address} is not a ${entry.medium} address this version of Convene can deliver to.` };
    } catch (err) {
      // A port must not throw; if one does, treat it as a transient fault of ours.
      result = { status: 'transient', error: err instanceof Error ? err.message : String(err) };
    } finally {
      done();
    }
    this.deps.onDelivered?.(entry, result);
    return { run, entry, result, abandoned: run.controller.signal.aborted };
  }

  private tell(sentence: string): void {
    // A warning in the log, unless someone shows it to the operator already (the console, a one-shot command).
    if (this.noticeListeners.length > 0) this.deps.logger.info(sentence);
    else this.deps.logger.warn(sentence);
    for (const l of this.noticeListeners) l(sentence);
  }
}
