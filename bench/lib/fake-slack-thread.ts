/**
 * The Slack stand-in (test/adapters/slack/fake-slack.ts) in a thread of its own, for the slack
 * suite: Slack's side of the bot's Web API calls and response_url posts (reading the request,
 * parsing its body, answering) is Slack's work, not the bot's, and must not run on the loop whose
 * acknowledgements are measured. This module is both the thread (when it has a parent port) and
 * the handle the suite uses.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { tsxThread } from '../../adapters/worker/tsx-thread';
import { FakeSlack } from '../../test/adapters/slack/fake-slack';

type Ask = { op: 'responses' } | { op: 'close' };
type Said = { url: string } | { responses: number } | { closed: true };

export interface FakeSlackThread {
  apiUrl: string;
  responseUrl(id: string): string;
  /** How many replies the bot has posted to response_urls so far. */
  responses(): Promise<number>;
  close(): Promise<void>;
}

/** Starts the stand-in in a thread; `users` maps Slack user ids to the e-mail users.info reports. */
export async function startFakeSlackThread(users: [string, string][]): Promise<FakeSlackThread> {
  const worker = tsxThread(import.meta.url, { users });
  const next = () =>
    new Promise<Said>((resolve, reject) => {
      const failed = (err: Error) => {
        worker.off('message', said);
        reject(err);
      };
      const said = (m: Said) => {
        worker.off('error', failed);
        resolve(m);
      };
      worker.once('message', said);
      worker.once('error', failed);
    });
  const { url } = (await next()) as { url: string };
  const ask = async (m: Ask) => {
    const said = next();
    worker.postMessage(m);
    return said;
  };
  return {
    apiUrl: `${url}/api/`,
    responseUrl: (id) => `${url}/response/${encodeURIComponent(id)}`,
    responses: async () => ((await ask({ op: 'responses' })) as { responses: number }).responses,
    close: async () => {
      await ask({ op: 'close' });
      await worker.terminate();
    },
  };
}

if (!isMainThread && parentPort && (workerData as { users?: unknown } | null)?.users) {
  const port = parentPort;
  const fake = await FakeSlack.start();
  for (const [user, email] of (workerData as { users: [string, string][] }).users) fake.users.set(user, email);
  port.on('message', (m: Ask) => {
    if (m.op === 'responses') port.postMessage({ responses: fake.responses.length } satisfies Said);
    else void fake.close().then(() => port.postMessage({ closed: true } satisfies Said));
  });
  port.postMessage({ url: fake.url } satisfies Said);
}
