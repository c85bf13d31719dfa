import { z } from 'zod';
import { accepted, defineCommand } from '../../commands/registry';
import { activeMembers, organisationsOf } from '../../store/members';

/** Rule 2.2: every member organisation needs at least one focal point with a working e-mail. */
export const checkFocalPoints = defineCommand({
  path: 'members check',
  params: [],
  schema: z.object({}),
  summary: 'List the gaps: organisations without a focal point, or whose focal points cannot be reached by e-mail.',
  access: 'member',
  changes: false,
  run(ctx) {
    const exercise = ctx.requireExercise();
    const members = activeMembers(ctx.db, exercise.id);
    const say = ctx.sayFrom('reply-minutes');
    const detail = (d: string | null) => d ?? say('checkNoDetail');
    const gaps: string[] = [];
    for (const org of organisationsOf(ctx.db, exercise.id, 'PWG')) {
      const focal = members.filter((m) => m.role === 'focal' && m.organisation?.id === org.id);
      const groups = org.inPmg ? say('checkBothGroups') : 'PWG';
      if (focal.length === 0) {
        gaps.push(say('checkNoFocal', { org: org.acronym, groups }));
        continue;
      }
      const working = focal.filter((f) => f.emailStatus !== 'bounced');
      if (working.length === 0) {
        const list = focal.map((f) => say('checkBounced', { email: f.email, detail: detail(f.emailStatusDetail) })).join('; ');
        gaps.push(say('checkNoEmail', { org: org.acronym, groups, list }));
      }
    }
    const coordinatorsBounced = members.filter((m) => m.role !== 'focal' && m.emailStatus === 'bounced');
    for (const m of coordinatorsBounced) gaps.push(say(m.role === 'coordinator' ? 'checkCoordinator' : 'checkObserver', { email: m.email, detail: detail(m.emailStatusDetail) }));
    if (gaps.length === 0) return accepted(say('checkNone', { exercise: exercise.name }));
    return accepted(`${say('checkGaps', { count: gaps.length, exercise: exercise.name })}\n${gaps.map((g) => `- ${g}`).join('\n')}`);
  },
});
