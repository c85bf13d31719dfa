import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Db } from '../../src/store/db';

type CollectGarbage = (options: { type: 'major'; execution: 'async'; flavor: 'last-resort' }) => Promise<void>;
let collect: CollectGarbage | null = null;

/**
 * V8 shrinks the young generation only at a collection that finds little allocated since the one
 * before (measured: a second collection 2 s after the first kept it, one 6 s after gave it back).
 */
const SHRINK_AFTER_MS = 6000;

/**
 * For a bot that has gone quiet (its work thread ended after its quiet spell): V8 keeps the young
 * generation as large as the last burst of work grew it (16–32 MB after a tick's delivery, measured)
 * and does not shrink it on its own while the process idles; two last-resort collections a few
 * seconds apart do, and SQLite's `shrink_memory` frees the connection's page cache. The second is
 * skipped if the bot is no longer quiet. Once per quiet spell: a full collection holds the loop
 * while it runs (0.6–2 ms for the bot's 20–30 MB heap with Slack, measured).
 */
export async function giveMemoryBack(db: Db, quiet: () => boolean): Promise<void> {
  db.pragma('shrink_memory');
  if (!collect) {
    // Node offers the collector only with --expose-gc; set now, it is visible in a new context.
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as CollectGarbage;
  }
  await collect({ type: 'major', execution: 'async', flavor: 'last-resort' });
  // Not a reason for the process to stay up.
  await new Promise((resolve) => setTimeout(resolve, SHRINK_AFTER_MS).unref());
  if (quiet()) await collect({ type: 'major', execution: 'async', flavor: 'last-resort' });
}
