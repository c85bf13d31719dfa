import type { Report } from './measure';

/** What `bench/run.ts` gives every suite. */
export interface BenchContext {
  /** Database sizes to run at: 1 and 10 by default, 100 with `--scale 100` (it takes minutes). */
  scales: number[];
  /** A temporary folder of this run, removed at the end. */
  dir: string;
  /** The project's own folder (templates, examples). */
  root: string;
  report: Report;
  /** Fewer samples (`--quick`): for checking that a suite runs, not for figures. */
  quick: boolean;
}

/**
 * A module in `bench/suites/` default-exports one of these; `npm run bench` runs every one, in
 * file-name order, or those named with `--only <name>[,<name>]`.
 */
export interface BenchSuite {
  name: string;
  run(ctx: BenchContext): Promise<void>;
}
