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
    const gaps: string[] = [];
    for (const org of organisationsOf(ctx.db, exercise.id, 'PWG')) {
      const focal = members.filter((m) => m.role === 'focal' && m.organisation?.id === org.id);
      const groups = org.inPmg ? 'PWG and PMG' : 'PWG';
      if (focal.length === 0) {
        gaps.push(`${org.acronym} (${groups}) has no focal point: add one with /members add-focal ${org.acronym} <email> <name>.`);
        continue;
      }
      const working = focal.filter((f) => f.emailStatus !== 'bounced');
      if (working.length === 0)
        gaps.push(
          `${org.acronym} (${groups}) has no working e-mail: ${focal.map((f) => `${f.email} bounced (${f.emailStatusDetail ?? 'no detail'})`).join('; ')}.`,
        );
    }
    const coordinatorsBounced = members.filter((m) => m.role !== 'focal' && m.emailStatus === 'bounced');
    for (const m of coordinatorsBounced) gaps.push(`${m.role === 'coordinator' ? 'Coordinator' : 'Observer'} ${m.email} bounced (${m.emailStatusDetail ?? 'no detail'}).`);
    if (gaps.length === 0) return accepted(`Every member organisation of ${exercise.name} has a focal point with a working e-mail.`);
    return accepted(`${gaps.length} gap${gaps.length === 1 ? '' : 's'} in ${exercise.name}:\n${gaps.map((g) => `- ${g}`).join('\n')}`);
  },
});
