import type { App } from '@slack/bolt';
import type { CommandOutcome } from '../../src/core/ports';
import { ACTIONS_BLOCK, VIEW_BLOCKS, buttonBlocks, textBlocks, type Block } from './blocks';
import { HOME_SECTIONS } from '../../src/chat/home';
import { runAs, type SlackDeps } from './bridge';

const HINT = 'Type /convene in any channel for the commands. Every command works here as in the console.';
const PER_SECTION_BLOCKS = 20;

export function registerHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event }) => {
    if (event.tab && event.tab !== 'home') return;
    await publishHome(deps, event.user);
  });
}

/** Draws the person's App Home afresh (when they open it, and after they act on it). */
export async function publishHome(deps: SlackDeps, userId: string): Promise<void> {
  try {
    const blocks = await homeBlocks(deps, userId);
    await deps.client.views.publish({ user_id: userId, view: { type: 'home', blocks } });
  } catch (err) {
    deps.logger.warn({ err, user: userId }, 'slack App Home could not be published');
  }
}

/**
 * The person's App Home: each section of HOME_SECTIONS (src/chat/home.ts) run through the core as
 * them, the reply's text and, under it, the buttons the core offered them (their organisation's
 * votes, Done for its action items). A section the core refuses them is left out.
 */
export async function homeBlocks(deps: SlackDeps, userId: string): Promise<Block[]> {
  const outcomes: { title: string; outcome: CommandOutcome }[] = [];
  for (const s of HOME_SECTIONS) outcomes.push({ title: s.title, outcome: await runAs(deps, { text: s.command, userId }) });
  const shown = outcomes.filter((o) => o.outcome.status === 'accepted');
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: 'What needs you', emoji: false } }];
  for (const [i, { title, outcome }] of shown.entries()) {
    const buttons = outcome.status === 'accepted' && outcome.actions?.length ? buttonBlocks(outcome.actions, `${ACTIONS_BLOCK}-home-${i}`) : [];
    const room = VIEW_BLOCKS - blocks.length - buttons.length - 3;
    if (room < 2) break;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${title}*`, verbatim: true } });
    blocks.push(...textBlocks(outcome.reply, Math.min(PER_SECTION_BLOCKS, room - 1), `type ${HOME_SECTIONS.find((s) => s.title === title)!.command} to read it all.`));
    blocks.push(...buttons);
    blocks.push({ type: 'divider' });
  }
  if (shown.length === 0) {
    // Refused all alike (not linked, not a member, no exercise): the person is told why.
    const first = outcomes[0]?.outcome;
    const alike = first?.status === 'refused' && first.code !== 'not-available' && outcomes.every((o) => o.outcome.reply === first.reply);
    blocks.push(...textBlocks(alike ? first.reply : 'Nothing needs you right now.', 3, ''));
  }
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: HINT, verbatim: true }] });
  return blocks;
}
