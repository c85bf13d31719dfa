/**
 * What every benchmark suite uses: a figure is always measured against its baseline in the same
 * run, the two interleaved sample by sample (so a noisy neighbour on the machine hits both), and
 * printed as median and p99 of each with their ratios and the goal.
 *
 * @example
 *   const r = await compare({ baseline: () => rawInsert(), subject: () => core.handleSync(vote) }, { samples: 300 });
 *   report.figure({ name: '/endorse vote', scale: 1, baseline: 'raw durable INSERT', result: r, goal: 2 });
 */

export interface Stats {
  n: number;
  /** Milliseconds. */
  median: number;
  p99: number;
  min: number;
  max: number;
}

export interface Comparison {
  baseline: Stats;
  subject: Stats;
}

export type Sample = () => unknown;

/** Median, p99 (nearest rank), min and max of samples in milliseconds. */
export function stats(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error('stats of no samples');
  const s = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  return { n: s.length, median: rank(0.5), p99: rank(0.99), min: s[0]!, max: s[s.length - 1]! };
}

/** One call's duration in ms; awaits it when it returns a promise. */
export async function timeOnce(fn: Sample): Promise<number> {
  const t0 = process.hrtime.bigint();
  const r = fn();
  if (r instanceof Promise) await r;
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/**
 * Runs baseline and subject alternately, `samples` times each after `warmup` unrecorded rounds;
 * the order within a round alternates too, so neither always runs on a warm cache.
 */
export async function compare(
  fns: { baseline: Sample; subject: Sample },
  options: { samples: number; warmup?: number },
): Promise<Comparison> {
  const base: number[] = [];
  const subj: number[] = [];
  const warmup = options.warmup ?? Math.min(20, options.samples);
  for (let i = 0; i < warmup + options.samples; i++) {
    const first = i % 2 === 0;
    const a = await timeOnce(first ? fns.baseline : fns.subject);
    const b = await timeOnce(first ? fns.subject : fns.baseline);
    if (i < warmup) continue;
    base.push(first ? a : b);
    subj.push(first ? b : a);
  }
  return { baseline: stats(base), subject: stats(subj) };
}

/** Collects `samples` durations of one function (for figures whose baseline is measured by a loop of its own). */
export async function sample(fn: Sample, options: { samples: number; warmup?: number }): Promise<Stats> {
  const out: number[] = [];
  const warmup = options.warmup ?? Math.min(20, options.samples);
  for (let i = 0; i < warmup + options.samples; i++) {
    const ms = await timeOnce(fn);
    if (i >= warmup) out.push(ms);
  }
  return stats(out);
}

/** "0.081 ms", "6.90 s": three significant figures in a readable unit. */
export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toPrecision(3)} s`;
  if (ms >= 1) return `${ms.toPrecision(3)} ms`;
  return `${(ms * 1000).toPrecision(3)} µs`;
}

export interface Figure {
  suite: string;
  name: string;
  /** 1, 10 or 100: the size of the database, or 1 where size does not apply. */
  scale: number;
  baseline: string;
  result: Comparison;
  /** The most the subject may cost, as a multiple of the baseline (median and p99 both). */
  goal?: number;
  /** Which ratio the goal is about: the medians (default) or the p99s. */
  goalOn?: 'median' | 'p99';
  /**
   * A goal in time rather than as a ratio (issue 10 states start and one-shot CLI in seconds): the
   * subject's median at most this many ms. The ratio to the baseline is still printed.
   */
  goalMs?: number;
  note?: string;
  /** What was measured against the baseline, when it is not Convene itself (a floor, say). */
  subject?: string;
}

/** Prints figures as they come and a summary table at the end; a missed goal is shown, not fatal. */
export class Report {
  readonly figures: Figure[] = [];
  readonly failures: string[] = [];
  private suite = '';

  begin(suite: string): void {
    this.suite = suite;
    console.log(`\n## ${suite}\n`);
  }

  figure(f: Omit<Figure, 'suite'>): Figure {
    const full = { ...f, suite: this.suite };
    this.figures.push(full);
    console.log(describe(full));
    return full;
  }

  /** A line of text in the suite's section (an EXPLAIN QUERY PLAN, a note). */
  line(text: string): void {
    console.log(text);
  }

  /** Makes the run exit non-zero, with why (e.g. a statement of the idle tick scans history). */
  fail(why: string): void {
    this.failures.push(`${this.suite}: ${why}`);
    console.log(`FAIL ${why}`);
  }

  summary(): string {
    const rows = this.figures.map((f) => {
      const r = ratios(f.result);
      const verdict = goalText(f) === '' ? '' : `${goalText(f)} ${meets(f) ? 'met' : 'MISSED'}`;
      return `| ${f.name} | ${f.scale}× | ${f.baseline} ${formatMs(f.result.baseline.median)} / ${formatMs(f.result.baseline.p99)} | ${formatMs(f.result.subject.median)} / ${formatMs(f.result.subject.p99)} | ${r.median.toFixed(2)}× / ${r.p99.toFixed(2)}× | ${verdict} |`;
    });
    return [
      '| figure | data | baseline, median / p99 | Convene, median / p99 | ratio, median / p99 | goal |',
      '|---|---|---|---|---|---|',
      ...rows,
    ].join('\n');
  }
}

export function ratios(c: Comparison): { median: number; p99: number } {
  return { median: c.subject.median / c.baseline.median, p99: c.subject.p99 / c.baseline.p99 };
}

/** The goal as the summary states it: `≤ 2×`, or `≤ 0.6 s` for a goal in time; '' without one. */
function goalText(f: Figure): string {
  if (f.goalMs !== undefined) return `≤ ${f.goalMs / 1000} s`;
  return f.goal === undefined ? '' : `≤ ${f.goal}×`;
}

export function meets(f: Figure): boolean {
  if (f.goalMs !== undefined) return f.result.subject.median <= f.goalMs;
  if (f.goal === undefined) return true;
  const r = ratios(f.result);
  return (f.goalOn === 'p99' ? r.p99 : r.median) <= f.goal;
}

function describe(f: Figure): string {
  const r = ratios(f.result);
  const goal = goalText(f) === '' ? '' : `  goal ${goalText(f)} (${f.goalMs !== undefined ? 'median' : f.goalOn ?? 'median'}): ${meets(f) ? 'met' : 'MISSED'}`;
  return [
    `${f.name} [${f.scale}×]${f.note ? ` — ${f.note}` : ''}`,
    `  baseline (${f.baseline}): median ${formatMs(f.result.baseline.median)}, p99 ${formatMs(f.result.baseline.p99)}  (n=${f.result.baseline.n})`,
    `  ${f.subject ?? 'Convene'}: median ${formatMs(f.result.subject.median)}, p99 ${formatMs(f.result.subject.p99)}  (n=${f.result.subject.n})`,
    `  ratio: median ${r.median.toFixed(2)}×, p99 ${r.p99.toFixed(2)}×${goal}`,
  ].join('\n');
}
