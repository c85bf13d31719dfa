import { z } from 'zod';
import { groupArg } from '../../commands/args';
import { accepted, defineCommand } from '../../commands/registry';
import { activeMembers, organisationsOf, type Member } from '../../store/members';
import { GROUPS } from '../../domain/vocabulary';

export const listMembers = defineCommand({
  path: 'members list',
  params: [{ name: 'group', choices: GROUPS, optional: true }],
  schema: z.object({ group: groupArg.optional() }),
  summary: 'List the member organisations of a group (PWG by default), their focal points, the coordinators and observers.',
  access: 'member',
  changes: false,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const group = args.group ?? 'PWG';
    const members = activeMembers(ctx.db, exercise.id);
    const orgs = organisationsOf(ctx.db, exercise.id, group);
    const say = ctx.sayFrom('reply-meetings');
    const person = (m: Member): string => {
      const flag = m.emailStatus === 'bounced' ? say('bounced') : '';
      const host = m.role !== 'focal' && m.organisation ? `, ${m.organisation.acronym}` : '';
      return `${m.name} <${m.email}>${host}${flag}`;
    };
    const lines = [say('membersHead', { group, exercise: exercise.name, count: orgs.length })];
    for (const org of orgs) {
      const focal = members.filter((m) => m.role === 'focal' && m.organisation?.id === org.id);
      const pmg = group === 'PWG' && org.inPmg ? ' [PMG]' : '';
      lines.push(`${org.acronym}${pmg}: ${org.name}`);
      if (focal.length === 0) lines.push(say('noFocal'));
      for (const f of focal) lines.push(say('focal', { person: person(f) }));
    }
    const coordinators = members.filter((m) => m.role === 'coordinator');
    const observers = members.filter((m) => m.role === 'observer');
    lines.push(say('coordinators', { count: coordinators.length, list: coordinators.map(person).join('; ') || say('none') }));
    if (observers.length) lines.push(say('observers', { list: observers.map(person).join('; ') }));
    return accepted(lines.join('\n'));
  },
});
