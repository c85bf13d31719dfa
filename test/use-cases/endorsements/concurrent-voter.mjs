// A second process in miniature: a worker thread with its own app on the same SQLite file, casting
// the votes it is given as fast as it can, while other workers do the same.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { createTestApp } = await import('../../helpers/app.ts');
const app = createTestApp({ dir: workerData.dir, example: null, now: workerData.now });
const ready = new Int32Array(workerData.ready);
Atomics.add(ready, 0, 1);
Atomics.notify(ready, 0);
for (let seen = Atomics.load(ready, 0); seen < workerData.workers; seen = Atomics.load(ready, 0)) Atomics.wait(ready, 0, seen, 100);
const outcomes = [];
for (const [text, as] of workerData.commands) {
  const r = app.run(text, as);
  outcomes.push({ as, status: r.status, reply: r.reply });
}
app.close();
parentPort.postMessage(outcomes);
