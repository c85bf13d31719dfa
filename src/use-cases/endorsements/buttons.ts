import { encodeIntent, voteIntent } from '../../chat/intent';
import type { ChatAction } from '../../core/ports';
import { CHOICES, type Choice } from '../../domain/tally';

const LABELS: Record<Choice, { label: string; style?: 'primary' | 'danger' }> = {
  endorse: { label: 'Endorse', style: 'primary' },
  object: { label: 'Object', style: 'danger' },
  abstain: { label: 'Abstain' },
};

/**
 * The Endorse / Object / Abstain buttons under a request in chat. A button carries the vote's
 * intent (the request and the choice, never an organisation): whoever presses it votes for their
 * own organisation, as the platform identifies them; Object asks for the reason first.
 */
export function voteButtons(e: { id: number }, o: { named?: boolean } = {}): ChatAction[] {
  return CHOICES.map((choice) => ({
    id: `endorse-E${e.id}-${choice}`,
    // Among the buttons of several requests (a home view), each says which request it votes on.
    label: o.named ? `${LABELS[choice].label} E${e.id}` : LABELS[choice].label,
    value: encodeIntent(voteIntent(`E${e.id}`, choice)),
    ...(LABELS[choice].style ? { style: LABELS[choice].style } : {}),
  }));
}
