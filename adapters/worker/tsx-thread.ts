import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A thread running the TypeScript module at `moduleUrl` (its `import.meta.url`) from the sources
 * (`npm run dev`, tests, the benchmarks' threads), with `workerData`: tsx's loader is registered in
 * the thread before the module loads (an `--import` in execArgv races the module's own loading in a
 * thread), resolved from here, not from the working directory.
 */
export function tsxThread(moduleUrl: string, workerData: unknown): Worker {
  const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then((t) => t.register()).then(() => import(${JSON.stringify(moduleUrl)}))`, { eval: true, workerData });
}
