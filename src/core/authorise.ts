import type { CommandDefinition } from '../commands/registry';
import type { ActingPerson } from './context';
import type { Actor } from './ports';

export type Authorisation = { ok: true } | { ok: false; message: string };

/**
 * Checks the command's access against the acting person's role in the exercise; the reading form
 * of a changing command (`readsOnly`) is checked against its `readAccess` when it has one.
 */
export function authorise(definition: CommandDefinition, args: unknown, acting: ActingPerson, actorKind: Actor['kind']): Authorisation {
  const access = definition.readAccess && definition.readsOnly?.(args) ? definition.readAccess : definition.access;
  if (access === 'anyone') return { ok: true };
  if (!acting.person) {
    if (actorKind === 'chat')
      return { ok: false, message: 'Your chat account is not linked to a member yet. Type /members link <your e-mail> and then /members verify <code> with the code we e-mail you.' };
    return { ok: false, message: 'No coordinator is set up for this exercise; run init (bin/convene.mjs init in Convene\'s folder), or give --as <email>.' };
  }
  const role = acting.member?.role;
  if (!role) return { ok: false, message: `${acting.person.email} is not a member of this exercise. Ask the Profiling Coordinator to add you.` };
  switch (access) {
    case 'member':
      return { ok: true };
    case 'coordinator':
      return role === 'coordinator'
        ? { ok: true }
        : { ok: false, message: `Only the Profiling Coordinator can use /${definition.path}; you are ${role === 'focal' ? 'a focal point' : 'an observer'}.` };
    case 'focal':
      return role === 'focal'
        ? { ok: true }
        : { ok: false, message: `Only focal points of member organisations can use /${definition.path}; you are ${role === 'coordinator' ? 'the coordinator' : 'an observer'}.` };
  }
}
