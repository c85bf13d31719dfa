import type { CommandContext } from '../../core/context';
import { mediumName, TROUBLE_AFTER_MS } from '../../delivery/medium-health';
import { formatInZone } from '../../domain/time';
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
    const waiting = countWaiting(ctx.db, exercise.id, m.medium);
    const wait = `${waiting} message${waiting === 1 ? '' : 's'} of this exercise ${waiting === 1 ? 'waits' : 'wait'}`;
    if (m.pausedAt) {
      lines.push(
        `${mediumName(m.medium, true)} delivery is paused since ${formatInZone(new Date(m.pausedAt), exercise.timeZone)}: the provider refuses Convene's own settings (${m.pausedReason}). ${wait}; nobody is marked unreachable for it, and delivery resumes by itself once the settings are fixed.`,
      );
    } else if (m.failingSince && ctx.now.getTime() - new Date(m.failingSince).getTime() >= TROUBLE_AFTER_MS) {
      lines.push(
        `${mediumName(m.medium, true)} delivery has been failing since ${formatInZone(new Date(m.failingSince), exercise.timeZone)} (last answer: ${m.lastError}). ${wait} and ${waiting === 1 ? 'is' : 'are'} retried with back-off.`,
      );
    }
  }
  return lines;
}
