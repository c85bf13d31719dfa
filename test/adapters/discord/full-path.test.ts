import { afterEach, describe, expect, it } from 'vitest';
import { meetingWithAgenda } from '../../helpers/meetings';
import { currentVotes } from '../../../src/store/endorsements';
import { PWG_CHANNEL, USERS, click, slash, startDiscordHarness, waitFor, type DiscordHarness } from './discord-harness';
import type { Json } from './fake-discord';

let h: DiscordHarness;
afterEach(async () => h?.close());

const postsIn = (channel: string) => h.fake.callsTo('POST', new RegExp(`^/channels/${channel}/messages$`));

describe('Discord, end to end through the outbox', () => {
  it('posts an endorsement request with buttons in the bound channel, and edits its tally in place as votes arrive', async () => {
    h = await startDiscordHarness();
    const bind = h.interact(USERS.coordinator.id, 2, slash('exercise', 'channel', { group: 'PWG' }), { channel_id: PWG_CHANNEL });
    await waitFor(() => h.answers(bind.token).length >= 3);
    expect(h.app.run('/endorse open PWG Terms of Reference version:v1').status).toBe('accepted');
    await h.sender.drain();

    const request = postsIn(PWG_CHANNEL).find((c) => (c.body.components ?? []).length > 0)!;
    expect(request).toBeDefined();
    expect(request.body.allowed_mentions).toEqual({ parse: [] });
    const buttons: Json[] = request.body.components[0].components;
    expect(buttons.map((b) => b.label)).toEqual(['Endorse', 'Object', 'Abstain']);
    const id = (label: string) => buttons.find((b) => b.label === label)!.custom_id as string;

    const vote = click(h, USERS.kas.id, id('Endorse'), PWG_CHANNEL);
    await waitFor(() => h.answers(vote.token).length >= 2);
    expect(currentVotes(h.app.db, 1).map((v) => v.choice)).toEqual(['endorse']);
    await h.sender.drain();

    const edits = h.fake.callsTo('PATCH', new RegExp(`^/channels/${PWG_CHANNEL}/messages/\\d+$`));
    expect(edits).toHaveLength(1);
    expect(String(edits[0]!.body.content)).toContain('KAS: endorse');
    expect(edits[0]!.body.components[0].components.map((b: Json) => b.custom_id)).toEqual(buttons.map((b) => b.custom_id));
    // The request itself was posted once; the tally is an edit of that post, not a new one.
    expect(postsIn(PWG_CHANNEL).filter((c) => (c.body.components ?? []).length > 0)).toHaveLength(1);
  });

  it('shows in /meeting notices a member whom Discord refuses DMs (50007), and tells the coordinators', async () => {
    h = await startDiscordHarness();
    h.fake.closedDms.add(USERS.kas.id);
    const m = meetingWithAgenda(h.app);
    expect(h.app.run(`/meeting send ${m}`).status).toBe('accepted');
    await h.sender.drain();
    const notices = h.app.run(`/meeting notices ${m}`).reply;
    expect(notices).toContain(`discord:${USERS.kas.id}: not delivered, permanent error: Discord refused the message: 50007`);
    const report = h.app.email.sent.find((e) => e.payload.text.includes('50007'));
    expect(report?.address).toMatch(/coordinator/);
  });
});
