import type { App } from '@slack/bolt';
import { ACTIONS_BLOCK, VIEW_BLOCKS, buttonBlocks, textBlocks, type Block } from './blocks';
import { asked, type SlackDeps } from './bridge';

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
 * The person's App Home as the core says it (`Core.home`: the sections of src/chat/home.ts run as
 * them, in their language) laid out as blocks: each section's title and reply and, under it, the
 * buttons the core offered them (their organisation's votes, Done for its action items).
 */
export async function homeBlocks(deps: SlackDeps, userId: string): Promise<Block[]> {
  const home = await deps.core.home(await asked(deps, userId));
  const blocks: Block[] = [{ type: 'header', text: { type: 'plain_text', text: home.header, emoji: false } }];
  for (const [i, section] of home.sections.entries()) {
    const buttons = section.actions.length ? buttonBlocks(section.actions, `${ACTIONS_BLOCK}-home-${i}`) : [];
    const room = VIEW_BLOCKS - blocks.length - buttons.length - 3;
    if (room < 2) break;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*${section.title}*`, verbatim: true } });
    blocks.push(...textBlocks(section.reply, Math.min(PER_SECTION_BLOCKS, room - 1), { note: section.more }));
    blocks.push(...buttons);
    blocks.push({ type: 'divider' });
  }
  if (home.empty) blocks.push(...textBlocks(home.empty, 3, { note: '…' }));
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: home.hint, verbatim: true }] });
  return blocks;
}
