import { z } from 'zod';
import { accepted, defineCommand, refused, usageOf, type CommandDefinition, type Registry } from '../../commands/registry';
import { hasMessage, hintWord, type Say } from '../../i18n/say';
import type { Language } from '../../domain/vocabulary';

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
      const say = ctx.say;
      const word = hintWord(say);
      const usage = (d: CommandDefinition) => usageOf(d.path === 'help' ? { ...d, path: help.replace(/^\//, '') } : d, word);
      const notYet = say('reply-help.notAvailable');
      if (!args.command) {
        const lines = [say('reply-help.intro'), ''];
        for (const topic of reg.topics()) {
          for (const d of reg.under(topic)) lines.push(`${usage(d)}${d.pending ? `   ${notYet}` : ''}`);
        }
        lines.push('', say('reply-help.footer', { help }));
        return accepted(lines.join('\n'));
      }
      const words = args.command.replace(/^\//, '').toLowerCase().split(/\s+/);
      const exact = reg.get(words.slice(0, 2).join(' ')) ?? reg.get(words[0]!);
      if (exact && (words.length === 1 ? exact.path === words[0] && reg.under(words[0]!).length === 1 : true)) return accepted(describe(exact, usage, say, ctx.language));
      const topic = reg.under(words[0]!);
      if (topic.length === 0) return refused('not-found', say('reply-help.noCommand', { word: words[0]!.slice(0, 40), help }));
      return accepted(topic.map((d) => `${usage(d)}\n  ${textOf(d, 'summary', say, ctx.language)}${d.pending ? ` ${notYet}` : ''}`).join('\n'));
    },
  });
}

/**
 * A command's summary or details in the reader's language: the catalogue's `help-commands.<path>`
 * when it has them (the members' commands), else the definition's own English.
 */
function textOf(d: CommandDefinition, part: 'summary' | 'details', say: Say, language: Language): string | undefined {
  const key = `help-commands.${d.path}.${part}`;
  return language !== 'en' && hasMessage(key) ? say(key) : d[part];
}

function describe(d: CommandDefinition, usage: (d: CommandDefinition) => string, say: Say, language: Language): string {
  const lines = [usage(d), textOf(d, 'summary', say, language)!];
  const details = textOf(d, 'details', say, language);
  if (details) lines.push(details);
  const who = (access: CommandDefinition['access']) => say(`reply-help.access.${access}`);
  lines.push(d.readAccess ? say('reply-help.whoRead', { who: who(d.access), read: who(d.readAccess) }) : say('reply-help.who', { who: who(d.access) }));
  if (d.pending) lines.push(`Not available yet: ${d.pending} come in a coming release.`);
  return lines.join('\n');
}
