#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx's loader: no build step between a change and a run.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../adapters/cli/main.ts');
const code = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
process.exitCode = code;
