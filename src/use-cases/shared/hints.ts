import type { CommandContext } from '../../core/context';
import { hintWord } from '../../i18n/say';
import { usageIn } from '../../commands/registry';

/**
 * Whether a reply may suggest a command that changes something (`/meeting send M1`, `/members
 * add-focal ...`): only to a coordinator, the one who may use it, and not in a dissolved
 * exercise, which is read-only. Focal points and observers get the facts without the steps.
 */
export function offersCoordinatorSteps(ctx: CommandContext): boolean {
  return ctx.actor.member?.role === 'coordinator' && ctx.exercise?.status !== 'dissolved';
}

/**
 * `/members add-focal KAS <email> <name>`: the organisation is named when there is only one; the
 * words in <…> in the reader's language (`<adresa> <ime>`) when a context says it.
 */
export function addFocalCommand(organisations: readonly { acronym: string }[], ctx?: Pick<CommandContext, 'say'>): string {
  const line = `/members add-focal ${organisations.length === 1 ? organisations[0]!.acronym : '<acronym>'} <email> <name>`;
  return ctx ? commandIn(ctx, line) : line;
}

/** A command line to type, its words in <…> said in the reader's language: `/meeting schedule PWG <datum> <vreme> <naslov>`. */
export function commandIn(ctx: Pick<CommandContext, 'say'>, line: string): string {
  return usageIn(line, hintWord(ctx.say));
}

/** A sentence, and when an organisation was just left without a focal point (rule 2.2), the warning that says so. */
export function withNoFocalLeft(ctx: Pick<CommandContext, 'say'>, sentence: string, orphaned: string | null): string {
  return orphaned ? `${sentence} ${ctx.say('reply-members-admin.noFocalLeft', { org: orphaned })}` : sentence;
}
