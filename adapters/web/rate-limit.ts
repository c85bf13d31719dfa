import type { Clock } from '../../src/clock';

/**
 * Counts events per key (a client address) in a sliding window. Link verification is limited
 * twice: every link request, and more tightly the failed ones, so guessing tokens gets nowhere.
 */
export class SlidingWindowLimit {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly clock: Clock,
  ) {}

  /** Whether `key` is over the limit now (without counting this call). */
  exceeded(key: string): boolean {
    return this.recent(key).length >= this.max;
  }

  record(key: string): void {
    const list = this.recent(key);
    list.push(this.clock.now().getTime());
    this.hits.set(key, list);
    if (this.hits.size > 10_000) this.forgetIdle();
  }

  private recent(key: string): number[] {
    const since = this.clock.now().getTime() - this.windowMs;
    return (this.hits.get(key) ?? []).filter((t) => t > since);
  }

  private forgetIdle(): void {
    for (const key of [...this.hits.keys()]) if (this.recent(key).length === 0) this.hits.delete(key);
  }
}
