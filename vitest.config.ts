import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-build.ts'],
    // Real SMTP/HTTP servers on loopback and the few real-process smoke tests need more than the default 5 s on 2 cores.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Test files of one fork share the imported modules instead of importing the whole code base
    // again per file (that was 52 s of a 142 s run). Nothing in src/ or adapters/ keeps state at
    // module level apart from pure caches (formatters, compiled statements are per database), and
    // each test opens its own database file, clock and servers; the suite also passes with
    // `--sequence.shuffle.files`.
    isolate: false,
  },
});
