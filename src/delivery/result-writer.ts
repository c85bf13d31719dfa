import type { Clock } from '../clock';
import type { Medium } from '../core/ports';
import type { TemplateRenderer } from '../render/renderer';
import type { Db } from '../store/db';
import { recordResults, type AttemptResult, type Recorded } from './record-result';
import { writeAndForget, writeDurably } from './write';

/** Results are recorded within FLUSH_MS of their answer, at once past FLUSH_AT waiting, at most FLUSH_CHUNK to a transaction. */
const FLUSH_MS = 20;
const FLUSH_AT = 64;
const FLUSH_CHUNK = 16;
/** At least every this many results the write is made durable (fsync). */
const DURABLE_EVERY = 100;

export interface ResultWriterDependencies<R extends AttemptResult> {
  db: Db;
  clock: Clock;
  renderer: TemplateRenderer;
  /** The media the sender delivers (a medium's health is judged against them). */
  media: () => Medium[];
  /** Awaited before a batch is written: waiting requests are answered first (default: none). */
  pause?: () => Promise<void>;
  /** Told of each result once it is written. */
  written: (attempt: R, recorded: Recorded) => void;
}

/**
 * The sender's attempts' results on their way to the database. They wait a few milliseconds
 * (FLUSH_MS), then are written together, at most FLUSH_CHUNK to a transaction, each once no
 * request waits for its answer (`pause`): recording a batch (its hand-overs' audit entries, each
 * row digested) held the loop 2-12 ms in the middle of acks, about 0.15 ms per result. A steady
 * stream of requests delays them by at most the pause's own limit (a second).
 *
 * The writes do not wait for the disk (synchronous=NORMAL): once committed, a crash of the process
 * loses none (WAL frames are written at commit); a crash before a result is written loses it, and
 * the message goes out again with the same Message-ID (at least once, as a crash between an SMTP
 * reply and any commit would). Every DURABLE_EVERY results, and where the sender ends a drain
 * (`durably`), the write is made durable, so a power cut loses at most that many.
 */
export class ResultWriter<R extends AttemptResult> {
  private results: R[] = [];
  private scheduled = false;
  private sinceDurable = 0;

  constructor(private readonly deps: ResultWriterDependencies<R>) {}

  add(result: R): void {
    this.results.push(result);
    if (this.results.length >= FLUSH_AT) this.writeChunk();
    else this.schedule(FLUSH_MS);
  }

  /** Every result waiting, now (the end of a pass or of a drain). */
  writeAll(): void {
    while (this.results.length > 0) this.writeChunk();
  }

  /** Runs `fn` in a durable transaction if anything was written without waiting for the disk since the last one. */
  durably(fn: () => void): void {
    if (this.sinceDurable === 0) return;
    writeDurably(this.deps.db, fn);
    this.sinceDurable = 0;
  }

  private schedule(delayMs: number): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => void (this.deps.pause ? this.deps.pause() : Promise.resolve()).then(() => this.writeChunk()), delayMs);
  }

  private writeChunk(): void {
    this.scheduled = false;
    if (this.results.length === 0) return;
    const items = this.results.splice(0, FLUSH_CHUNK);
    // The rest after the requests that came meanwhile.
    if (this.results.length > 0) this.schedule(0);
    const { db, renderer, clock } = this.deps;
    const h = { db, renderer, at: clock.now(), media: this.deps.media() };
    const durable = this.sinceDurable + items.length >= DURABLE_EVERY;
    const write = durable ? writeDurably : writeAndForget;
    const recorded = write(db, () => recordResults(h, items));
    this.sinceDurable = durable ? 0 : this.sinceDurable + items.length;
    recorded.forEach((r, n) => this.deps.written(items[n]!, r));
  }
}
