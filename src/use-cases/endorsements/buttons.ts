import type { OutboundPayload } from '../../core/ports';
import { CHOICES, type Choice } from '../../domain/tally';

type Actions = NonNullable<OutboundPayload['actions']>;

const LABELS: Record<Choice, { label: string; style?: 'primary' | 'danger' }> = {
  endorse: { label: 'Endorse', style: 'primary' },
  object: { label: 'Object', style: 'danger' },
  abstain: { label: 'Abstain' },
};

/**
 * The Endorse / Object / Abstain buttons under a request in chat. A button's value is the vote
 * command itself (`/endorse vote E3 object`): it names the request and the choice, never an
 * organisation; whoever presses it votes for their own organisation, as the platform identifies them.
 */
export function voteButtons(e: { id: number }): Actions {
  return CHOICES.map((choice) => ({
    id: `endorse-E${e.id}-${choice}`,
    label: LABELS[choice].label,
    value: `/endorse vote E${e.id} ${choice}`,
    ...(LABELS[choice].style ? { style: LABELS[choice].style } : {}),
  }));
}

/**
 * Reads a pressed button's value back: the request and the choice, or null when the value is not
 * one of ours (a client can send anything). Adapters ask for a comment when the choice is `object`.
 * @example parseVoteButton('/endorse vote E3 object') // { request: 'E3', choice: 'object' }
 */
export function parseVoteButton(value: string): { request: string; choice: Choice } | null {
  const m = /^\/endorse vote (E\d{1,9}) (endorse|object|abstain)$/.exec(value);
  return m ? { request: m[1]!, choice: m[2] as Choice } : null;
}
