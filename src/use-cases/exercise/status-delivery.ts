import type { CommandContext } from '../../core/context';
import { mediumName, TROUBLE_AFTER_MS } from '../../delivery/medium-health';
import { troubledMedia } from '../../store/delivery-media';
import { countWaiting } from '../../store/outbox';

/**
 * Delivery in `/exercise status`: a medium paused because the provider refuses Convene's settings,
 * or one that has failed for everyone for an hour or more, with how many of this exercise's
 * messages wait. Shorter failures are retried quietly and not shown.
 */
export function deliverySection(ctx: CommandContext): string[] {
  const exercise = ctx.requireExercise();
  const lines: string[] = [];
  for (const m of troubledMedia(ctx.db)) {
    const count = countWaiting(ctx.db, exercise.id, m.medium);
    // English starts the sentence with the medium ("E-mail delivery"); the other languages name it inside.
    const medium = { Medium: mediumName(m.medium, true), medium: ctx.say(`media.${m.medium}`) };
    if (m.pausedAt) {
      lines.push(ctx.say('delivery-lines.paused', { ...medium, count, since: ctx.when(m.pausedAt), reason: m.pausedReason }));
    } else if (m.failingSince && ctx.now.getTime() - new Date(m.failingSince).getTime() >= TROUBLE_AFTER_MS) {
      lines.push(ctx.say('delivery-lines.failing', { ...medium, count, since: ctx.when(m.failingSince), error: m.lastError }));
    }
  }
  return lines;
}
