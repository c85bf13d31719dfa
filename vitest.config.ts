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
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine, where much of a test's
    // time is spent waiting on loopback servers. Two files at a time keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
