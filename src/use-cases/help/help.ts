import { z } from 'zod';
import { accepted, defineCommand, refused, usageOf, type CommandDefinition, type Registry } from '../../commands/registry';

const WHO: Record<CommandDefinition['access'], string> = {
  anyone: 'anyone, even before linking their chat account',
  member: 'every member (coordinators, focal points, observers)',
  focal: 'focal points of member organisations',
  coordinator: 'the Profiling Coordinator',
};

/**
 * `/help` is built from the registry itself, so it can never disagree with the parser. It names
 * itself as the platform offers it (`/convene` in Slack and Discord: `ctx.helpCommand`).
 */
export function helpCommand(registry: () => Registry) {
  return defineCommand({
    path: 'help',
    params: [{ name: 'command', rest: true, optional: true }],
    schema: z.object({ command: z.string().optional() }),
    summary: 'List the commands, or explain one, e.g. meeting or members add-focal.',
    access: 'anyone',
    changes: false,
    scope: 'installation',
    run(ctx, args) {
      const reg = registry();
      const help = ctx.helpCommand;
      // The help itself is listed by the name the platform offers it under (`/convene [command]`).
      const usage = (d: CommandDefinition) => usageOf(d.path === 'help' ? { ...d, path: help.replace(/^\//, '') } : d);
      if (!args.command) {
        const lines = ['Convene: the coordination of the Profiling Working Group (PWG) and its Management Group (PMG).', ''];
        for (const topic of reg.topics()) {
          for (const d of reg.under(topic)) lines.push(`${usage(d)}${d.pending ? '   (not available yet)' : ''}`);
        }
        lines.push('', `Type ${help} <command> for details, e.g. ${help} members add-focal. Dates are YYYY-MM-DD, times HH:MM.`);
        return accepted(lines.join('\n'));
      }
      const words = args.command.replace(/^\//, '').toLowerCase().split(/\s+/);
      const exact = reg.get(words.slice(0, 2).join(' ')) ?? reg.get(words[0]!);
      if (exact && (words.length === 1 ? exact.path === words[0] && reg.under(words[0]!).length === 1 : true)) return accepted(describe(exact, usage));
      const topic = reg.under(words[0]!);
      if (topic.length === 0) return refused('not-found', `There is no command /${words[0]!.slice(0, 40)}. Type ${help} to see the commands.`);
      return accepted(topic.map((d) => `${usage(d)}\n  ${d.summary}${d.pending ? ' (not available yet)' : ''}`).join('\n'));
    },
  });
}

function describe(d: CommandDefinition, usage: (d: CommandDefinition) => string): string {
  const lines = [usage(d), d.summary];
  if (d.details) lines.push(d.details);
  lines.push(`Who may use it: ${WHO[d.access]}${d.readAccess ? `; to read (show): ${WHO[d.readAccess]}` : ''}.`);
  if (d.pending) lines.push(`Not available yet: ${d.pending} come in a coming release.`);
  return lines.join('\n');
}
