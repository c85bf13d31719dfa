import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-build.ts'],
    // Real SMTP/HTTP servers on loopback and the few real-process smoke tests need more than the default 5 s on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine, where much of a
    // test's time is waiting (servers, child processes, fsync). Two files at a time: 121 s -> 69 s
    // for the whole suite on this 2-core machine (loaded, load average 3.5), with every test passing.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Test files of one fork share the imported modules instead of importing the whole code base
    // again per file (that was 52 s of a 142 s run). Nothing in src/ or adapters/ keeps state at
    // module level apart from pure caches (formatters, compiled statements are per database), and
    // each test opens its own database file, clock and servers; the suite also passes with
    // `--sequence.shuffle.files`.
    isolate: false,
  },
});
