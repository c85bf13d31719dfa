import type { Choice } from '../domain/tally';
import type { InboundCommand } from '../core/ports';
import { formatCommand } from '../commands/format';
import { castVoteCommand } from '../use-cases/endorsements/vote';
import { completeAction } from '../use-cases/minutes/actions';
import type { LinkHolder } from './open-link';

/** What a vote link's form asks the core to do, as the link's person (`medium: web`). */
export function voteCommand(h: LinkHolder, choice: Choice, comment: string): InboundCommand {
  const text = formatCommand(castVoteCommand, { id: `E${h.claim.target}`, choice, ...(comment.trim() ? { comment: comment.trim() } : {}) });
  return { text, actor: { kind: 'web', personId: h.person.id }, exerciseSlug: h.exercise.slug };
}

/** What a "Mark done" link's form asks the core to do. */
export function doneCommand(h: LinkHolder): InboundCommand {
  return { text: formatCommand(completeAction, { 'action-id': `A${h.claim.target}` }), actor: { kind: 'web', personId: h.person.id }, exerciseSlug: h.exercise.slug };
}
