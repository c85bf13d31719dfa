import type { Db } from '../store/db';
import { troubledMedia } from '../store/delivery-media';
import { mediumName } from './medium-health';
import type { Delivery } from './delivery';

/**
 * The one line a one-shot command prints when it exits with messages still to deliver (its time
 * ran out, or a medium is paused), or null when nothing is left.
 */
export function leftBehindLine(db: Db, sender: Delivery): string | null {
  const left = sender.waiting();
  if (left === 0) return null;
  const paused = troubledMedia(db).filter((m) => m.pausedAt && sender.media().includes(m.medium));
  const why = paused.length > 0
    ? `; ${paused.map((m) => mediumName(m.medium)).join(' and ')} delivery is paused (${paused[0]!.pausedReason}), see /exercise status`
    : '';
  return `${left} message${left === 1 ? '' : 's'} not delivered yet: the running bot or the next tick sends ${left === 1 ? 'it' : 'them'}${why}.`;
}
