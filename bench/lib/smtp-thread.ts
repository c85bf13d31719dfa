/**
 * The loopback SMTP server of the fan-out suite in a thread of its own: receiving the messages is
 * the mail server's work, not the sender's. On one loop with it, a sender on that loop (nodemailer's
 * pool, or Convene's sender in the bench process) talks to it without waking another thread for
 * every reply, while `npm start` sends from its work thread; with the server apart, every side pays
 * the same crossing. This module is both the thread (with a parent port) and the handle the suite uses.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { tsxThread } from '../../adapters/worker/tsx-thread';
import { SMTPServer } from 'smtp-server';
import { SMTPConnection } from 'smtp-server/lib/smtp-connection';

export interface SmtpThread {
  port: number;
  /** Messages accepted so far (read without asking the thread). */
  accepted(): number;
  stop(): Promise<void>;
}

/** Starts the server in a thread; `greetingDelay`: keep smtp-server's ~100 ms wait before greeting a new connection. */
export async function startSmtpThread(greetingDelay: boolean): Promise<SmtpThread> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const worker = tsxThread(import.meta.url, { counter, greetingDelay });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (m: { port: number }) => resolve(m.port));
    worker.once('error', reject);
  });
  return {
    port,
    accepted: () => Atomics.load(counter, 0),
    stop: async () => {
      await worker.terminate();
    },
  };
}

if (!isMainThread && parentPort && (workerData as { counter?: unknown } | null)?.counter) {
  const { counter, greetingDelay } = workerData as { counter: Int32Array; greetingDelay: boolean };
  if (!greetingDelay) {
    // Greets at once instead of after smtp-server's fixed 100 ms (STACK.md: measure without it).
    const proto = SMTPConnection.prototype as unknown as { init(): void; _setListeners(done: () => void): void; connectionReady(): void };
    proto.init = function init(this: typeof proto) {
      this._setListeners(() => this.connectionReady());
    };
  }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        Atomics.add(counter, 0, 1);
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.server.address();
    parentPort!.postMessage({ port: typeof address === 'object' && address ? address.port : 0 });
  });
}
