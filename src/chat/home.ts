import type { ChatAction, CommandOutcome } from '../core/ports';
import type { Say } from '../i18n/say';

/**
 * The App Home's sections ("what needs you"): read-only commands run through the core as the
 * person looking, so the core decides what they may see; a refused one is left out. `title` is
 * the section's message in the catalogue's `chat-home`.
 */
export interface HomeSection {
  title: 'endorsements' | 'meetings' | 'actions' | 'exercise';
  command: string;
}

export const HOME_SECTIONS: readonly HomeSection[] = [
  { title: 'endorsements', command: '/endorse list open' },
  { title: 'meetings', command: '/meeting list upcoming' },
  { title: 'actions', command: '/minutes actions open' },
  { title: 'exercise', command: '/exercise status' },
];

/** A section the person may see: its title, its reply, the buttons offered with it, and what to type for all of it. */
export interface HomeShown {
  title: string;
  reply: string;
  actions: ChatAction[];
  /** Said where a platform cuts the reply short: "… the rest is not shown here: type /exercise status to read it all." */
  more: string;
}

/** A person's App Home as the core says it, in their language: the platform only lays it out. */
export interface ChatHome {
  header: string;
  sections: HomeShown[];
  /** When no section is shown: why (every section refused alike: not linked, not a member), or that nothing needs them. */
  empty?: string;
  /** How to reach the commands. */
  hint: string;
}

/** The home from each section's outcome for the person, in words `say` gives. */
export function homeOf(outcomes: readonly { section: HomeSection; outcome: CommandOutcome }[], say: Say, help: string): ChatHome {
  const sections: HomeShown[] = [];
  for (const { section, outcome } of outcomes) {
    if (outcome.status !== 'accepted') continue;
    sections.push({
      title: say(`chat-home.${section.title}`),
      reply: outcome.reply,
      actions: outcome.actions ?? [],
      more: say('chat-home.more', { command: section.command }),
    });
  }
  const home: ChatHome = { header: say('chat-home.header'), sections, hint: say('chat-home.hint', { help }) };
  if (sections.length > 0) return home;
  // Refused all alike (not linked, not a member, no exercise): the person is told why.
  const first = outcomes[0]?.outcome;
  const alike = first?.status === 'refused' && first.code !== 'not-available' && outcomes.every((o) => o.outcome.reply === first.reply);
  return { ...home, empty: alike ? first.reply : say('chat-home.nothing') };
}
