// A Slack stand-in in its own thread: posts `bodies` at once, signed as Slack signs them, each on
// a new connection, and reports how long each took to be acknowledged (ms). Plain JS, so the
// worker needs no loader; its own event loop, so the bot's work does not delay its clock.
import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

function post(url, secret, body) {
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = request(url, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature, 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(Number(process.hrtime.bigint() - t0) / 1e6) : reject(new Error(`status ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

parentPort.on('message', async ({ url, secret, bodies }) => {
  try {
    parentPort.postMessage({ ok: true, ms: await Promise.all(bodies.map((b) => post(url, secret, b))) });
  } catch (err) {
    parentPort.postMessage({ ok: false, error: String(err) });
  }
});
void workerData;
