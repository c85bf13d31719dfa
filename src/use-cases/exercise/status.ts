import { z } from 'zod';
import { accepted, defineCommand } from '../../commands/registry';
import type { CommandContext } from '../../core/context';
import { focalPointGapsSection, keyMeetingsSection, shortNoticeSection, upcomingMeetingsSection } from '../meetings/status-sections';
import { endorsementsSection } from '../endorsements/status-section';
import { actionItemsSection, minutesSection } from '../minutes/status-section';
import { bouncedFocalPointsSection } from './status-gaps';
import { deliverySection } from './status-delivery';

/** One part of `/exercise status`: its lines, or none when it has nothing to say. */
export type StatusSection = (ctx: CommandContext) => string[];

/**
 * The sections of `/exercise status`, in the order shown. A capability adds its own here
 * (endorsements, minutes): a function from the context to a few lines.
 */
export const statusSections: StatusSection[] = [
  keyMeetingsSection,
  minutesSection,
  endorsementsSection,
  upcomingMeetingsSection,
  shortNoticeSection,
  actionItemsSection,
  focalPointGapsSection,
  bouncedFocalPointsSection,
  deliverySection,
];

export const exerciseStatus = defineCommand({
  path: 'exercise status',
  params: [],
  schema: z.object({}),
  summary: 'One screen: the key meetings of the TOR (held, noticed on time, minuted, document endorsed), upcoming meetings and their notice deadlines, open endorsements, overdue minutes and action items, organisations without a working focal point.',
  access: 'member',
  changes: false,
  run(ctx) {
    const exercise = ctx.requireExercise();
    const state = exercise.status === 'dissolved' ? `dissolved on ${exercise.dissolvedAt?.slice(0, 10)}, read-only` : 'active';
    const head = `${exercise.name} (${exercise.slug}): ${state}; time zone ${exercise.timeZone}, notice ${exercise.noticeDays} days, minutes within ${exercise.minutesDays} days.`;
    const parts = statusSections.map((section) => section(ctx)).filter((lines) => lines.length > 0);
    return accepted([head, ...parts.flatMap((lines) => ['', ...lines])].join('\n'));
  },
});
