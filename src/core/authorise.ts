import type { CommandDefinition } from '../commands/registry';
import type { Say } from '../i18n/say';
import type { ActingPerson } from './context';
import type { Actor } from './ports';

export type Authorisation = { ok: true } | { ok: false; message: string };

/**
 * Checks the command's access against the acting person's role in the exercise; the reading form
 * of a changing command (`readsOnly`) is checked against its `readAccess` when it has one. A
 * refusal is said in the actor's language (`say`).
 */
export function authorise(definition: CommandDefinition, args: unknown, acting: ActingPerson, actorKind: Actor['kind'], say: Say): Authorisation {
  const access = definition.readAccess && definition.readsOnly?.(args) ? definition.readAccess : definition.access;
  if (access === 'anyone') return { ok: true };
  if (!acting.person) return { ok: false, message: say(actorKind === 'chat' ? 'refusal.notLinked' : 'refusal.noCoordinator') };
  const role = acting.member?.role;
  if (!role) return { ok: false, message: say('refusal.notMember', { email: acting.person.email }) };
  const path = definition.path;
  switch (access) {
    case 'member':
      return { ok: true };
    case 'coordinator':
      return role === 'coordinator' ? { ok: true } : { ok: false, message: say(role === 'focal' ? 'refusal.coordinatorOnlyFocal' : 'refusal.coordinatorOnlyObserver', { path }) };
    case 'focal':
      return role === 'focal' ? { ok: true } : { ok: false, message: say(role === 'coordinator' ? 'refusal.focalOnlyCoordinator' : 'refusal.focalOnlyObserver', { path }) };
  }
}
