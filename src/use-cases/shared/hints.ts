import type { CommandContext } from '../../core/context';

/**
 * Whether a reply may suggest a command that changes something (`/meeting send M1`, `/members
 * add-focal ...`): only to a coordinator, the one who may use it, and not in a dissolved
 * exercise, which is read-only. Focal points and observers get the facts without the steps.
 */
export function offersCoordinatorSteps(ctx: CommandContext): boolean {
  return ctx.actor.member?.role === 'coordinator' && ctx.exercise?.status !== 'dissolved';
}

/** `/members add-focal KAS <email> <name>`: the organisation is named when there is only one. */
export function addFocalCommand(organisations: readonly { acronym: string }[]): string {
  return `/members add-focal ${organisations.length === 1 ? organisations[0]!.acronym : '<acronym>'} <email> <name>`;
}
