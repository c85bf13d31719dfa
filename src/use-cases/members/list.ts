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
    const lines = [`${group} of ${exercise.name}: ${orgs.length} member organisation${orgs.length === 1 ? '' : 's'}.`];
    for (const org of orgs) {
      const focal = members.filter((m) => m.role === 'focal' && m.organisation?.id === org.id);
      const pmg = group === 'PWG' && org.inPmg ? ' [PMG]' : '';
      lines.push(`${org.acronym}${pmg}: ${org.name}`);
      if (focal.length === 0) lines.push('  (no focal point)');
      for (const f of focal) lines.push(`  focal point: ${person(f)}`);
    }
    const coordinators = members.filter((m) => m.role === 'coordinator');
    const observers = members.filter((m) => m.role === 'observer');
    lines.push(`Coordinator${coordinators.length === 1 ? '' : 's'}: ${coordinators.map(person).join('; ') || 'none'}`);
    if (observers.length) lines.push(`Observers: ${observers.map(person).join('; ')}`);
    return accepted(lines.join('\n'));
  },
});

function person(m: Member): string {
  const flag = m.emailStatus === 'bounced' ? ' (e-mail bounced)' : '';
  const host = m.role !== 'focal' && m.organisation ? `, ${m.organisation.acronym}` : '';
  return `${m.name} <${m.email}>${host}${flag}`;
}
