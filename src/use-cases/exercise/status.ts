import { z } from 'zod';
import { accepted, defineCommand } from '../../commands/registry';
import type { CommandContext } from '../../core/context';
import { focalPointGapsSection, keyMeetingsSection, shortNoticeSection, upcomingMeetingsSection } from '../meetings/status-sections';
import { endorsementsSection } from '../endorsements/status-section';
import { actionItemsSection, minutesSection } from '../minutes/status-section';
import { bouncedFocalPointsSection } from './status-gaps';
import { deliverySection } from './status-delivery';
import { overviewLink } from './overview-link';

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
  flags: ['web'],
  schema: z.object({ web: z.boolean() }),
  summary: 'One screen: the key meetings of the TOR (held, noticed on time, minuted, document endorsed), upcoming meetings and their notice deadlines, open endorsements, overdue minutes and action items, organisations without a working focal point.',
  details: '/exercise status web gives the coordinator a personal link to the overview page, where the timeline and the notice proof are drawn: printed in the terminal, e-mailed from chat.',
  access: 'member',
  // Issuing a personal link is recorded; the plain status only reads.
  changes: true,
  readsOnly: (args) => !args.web,
  run(ctx, args) {
    if (args.web) return overviewLink(ctx);
    const exercise = ctx.requireExercise();
    const say = ctx.sayFrom('reply-exercise-status');
    const state = exercise.status === 'dissolved' ? say('dissolved', { date: exercise.dissolvedAt?.slice(0, 10) }) : say('active');
    const head = say('head', {
      name: exercise.name,
      slug: exercise.slug,
      state,
      zone: exercise.timeZone,
      notice: say('noticeDays', { count: exercise.noticeDays }),
      minutes: say('minutesDays', { count: exercise.minutesDays }),
    });
    const parts = statusSections.map((section) => section(ctx)).filter((lines) => lines.length > 0);
    return accepted([head, ...parts.flatMap((lines) => ['', ...lines])].join('\n'));
  },
});
