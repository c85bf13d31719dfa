#!/usr/bin/env node
// Runs the compiled CLI from dist/ (built by `npm install`, or `npm run build` after a change).
// During development, `npm run dev -- <arguments>` runs the TypeScript sources through tsx instead.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/convene.mjs', import.meta.url);
if (existsSync(entry)) await import(entry.href);
else {
  process.stderr.write('Convene is not built yet: run npm run build in its folder (npm install does it too).\n');
  process.exitCode = 2;
}
