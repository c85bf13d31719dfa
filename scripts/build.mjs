#!/usr/bin/env node
// Compiles the CLI and the bot into dist/ (run by `npm install`/`npm ci` through "prepare", or `npm run build`),
// so that a CLI call loads plain JavaScript instead of compiling TypeScript at run time.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist');
rmSync(outdir, { recursive: true, force: true });

/**
 * Bolt is bundled, and only what the Slack adapter uses of it: its package index loads every receiver
 * (Express with its dependencies, AWS Lambda, Socket Mode with @slack/socket-mode and undici), and the
 * bot kept all of them resident. The adapters' '@slack/bolt' resolves to adapters/slack/bolt-parts.cjs
 * (Bolt's App and HTTP receiver), and Bolt's App gets its Socket Mode receiver on first use
 * (adapters/slack/bolt-socket-mode-on-use.cjs). Measured idle after work with Slack: see docs/performance.md.
 */
const slack = join(root, 'adapters', 'slack');
let socketModeOnUse = false;
const boltParts = {
  name: 'bolt-parts',
  setup(b) {
    b.onResolve({ filter: /^@slack\/bolt$/ }, () => ({ path: join(slack, 'bolt-parts.cjs') }));
    b.onResolve({ filter: /^\.\/receivers\/SocketModeReceiver$/ }, (args) => {
      if (!/[\\/]@slack[\\/]bolt[\\/]dist[\\/]App\.js$/.test(args.importer)) return undefined;
      socketModeOnUse = true;
      return { path: join(slack, 'bolt-socket-mode-on-use.cjs') };
    });
    b.onEnd(() => {
      if (!socketModeOnUse) console.warn('scripts/build.mjs: Bolt\'s App no longer requires ./receivers/SocketModeReceiver; the Slack bot now loads the Socket Mode client in HTTP mode too.');
    });
  },
};

await build({
  absWorkingDir: root,
  // The work thread (adapters/worker) is its own entry: a worker is started from a file.
  entryPoints: { convene: 'adapters/cli/run.ts', 'discord-register': 'adapters/discord/register-main.ts', 'work-thread-entry': 'adapters/worker/work-thread-entry.ts' },
  outdir,
  bundle: true,
  // Lazily imported adapters (Slack, Discord) become their own files, loaded only when configured.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  // Pure-JavaScript packages are bundled (one file to read instead of hundreds); these stay in node_modules:
  // a native module, discord.js, hono, the Socket Mode client (loaded only in Socket Mode) and pino (it
  // starts worker files by path). Bolt is bundled (above) into the Slack adapter's own file.
  external: ['better-sqlite3', '@slack/socket-mode', 'discord.js', '@discordjs/*', 'pino', 'hono', '@hono/*'],
  plugins: [boltParts],
  // Bundled CommonJS packages call require() for Node's own modules; an ES module has none by default.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // Without the whitespace the running bot keeps about 4.5 MB less resident (measured idle after work:
  // 99 → 95 MB); names stay, and dist/*.map maps a stack trace back (node --enable-source-maps).
  minifyWhitespace: true,
  sourcemap: 'linked',
  logLevel: 'warning',
});
