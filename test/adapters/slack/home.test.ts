import { afterEach, describe, expect, it } from 'vitest';
import { waitFor, type Args } from './fake-slack';
import { USERS, buttonClick, homeClick, startSlackHarness, viewSubmission, type SlackHarness } from './slack-harness';

let h: SlackHarness;
afterEach(async () => h?.close());

/** M1 held with an action item for KAS and one for UNHCR, M2 to come, E1 (PWG) and E2 (PMG) open. */
async function withWork(): Promise<SlackHarness> {
  h = await startSlackHarness();
  const run = (text: string) => expect(h.app.run(text).status).toBe('accepted');
  run('/meeting schedule PWG 2026-12-01 10:00 Kick-off');
  run('/meeting schedule PWG 2026-12-20 10:00 Methodology workshop');
  h.app.clock.set('2026-12-01T10:00:00Z');
  run('/minutes action M1 KAS 2026-12-15 Share the sampling frame');
  run('/minutes action M1 UNHCR 2026-12-15 Circulate the questionnaire');
  run('/endorse open PWG Terms of Reference');
  run('/endorse open PMG Workplan');
  return h;
}

/** Opens the App Home as `userId` and returns the n-th view published. */
async function openHome(userId: string, n = 1): Promise<Args[]> {
  if (n === 1) await h.event({ type: 'app_home_opened', user: userId, channel: `D${userId}`, tab: 'home', event_ts: `${Date.now() / 1000}` });
  const publish = await waitFor(() => h.fake.callsTo('views.publish').filter((c) => c.args.user_id === userId)[n - 1]);
  return publish.args.view.blocks as Args[];
}

const buttons = (blocks: Args[]) => blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements.map((e: Args) => ({ ...e, blockId: b.block_id })));
const text = (blocks: Args[]) => blocks.map((b) => b.text?.text ?? '').join('\n');

describe('the App Home, to act on', () => {
  it("offers a focal point the votes of their organisation and Done for its action items, nothing of others'", async () => {
    await withWork();
    const blocks = await openHome(USERS.kas.id);
    expect(buttons(blocks).map((b) => b.text.text)).toEqual(['Endorse E1', 'Object E1', 'Abstain E1', 'Done A1']);
    expect(new Set(blocks.filter((b) => b.type === 'actions').map((b) => b.block_id)).size).toBe(blocks.filter((b) => b.type === 'actions').length);
    expect(text(blocks)).toContain('M2 PWG "Methodology workshop"');
    expect(text(blocks)).toContain('E1 PWG "Terms of Reference"');
    // Coordinator hints are for coordinators.
    expect(text(blocks)).not.toContain('/endorse open PWG');
    expect(text(blocks)).not.toContain('/meeting schedule PWG');
  });

  it('shows an observer no buttons, and a coordinator the coordinator hints without vote buttons', async () => {
    await withWork();
    expect(buttons(await openHome(USERS.jips.id))).toEqual([]);
    const coordinator = await openHome(USERS.coordinator.id);
    expect(buttons(coordinator)).toEqual([]);
    expect(text(coordinator)).toContain('/endorse open PWG &lt;title&gt; document:methodology');
  });

  it('records a vote pressed on the home once, as the person, answers them, and draws the home again with the vote', async () => {
    await withWork();
    const endorse = buttons(await openHome(USERS.kas.id)).find((b) => b.text.text === 'Endorse E1')!;
    const click = homeClick({ userId: USERS.kas.id, button: endorse, blockId: endorse.blockId });
    expect((await h.interact(click)).status).toBe(200);
    const again = await openHome(USERS.kas.id, 2);
    const votes = h.seen.filter((s) => s.command.text === '/endorse vote E1 endorse');
    expect(votes).toHaveLength(1);
    expect(votes[0]!.command.actor).toMatchObject({ kind: 'chat', medium: 'slack', userId: 'UKAS' });
    expect(votes[0]!.outcome.status).toBe('accepted');
    expect(text(again)).toMatch(/KAS: endorse, cast by/);
    // No response_url on a home click: the answer is a direct message.
    const dm = await waitFor(() => h.fake.callsTo('chat.postMessage').find((c) => c.args.channel === 'UKAS'));
    expect(dm.args.text).toContain('E1');
    // Slack's retry of the same click is the same request.
    await h.interact(click, { retryNum: 1 });
    await new Promise((r) => setTimeout(r, 250));
    expect(h.seen.filter((s) => s.command.text === '/endorse vote E1 endorse')).toHaveLength(1);
  });

  it('marks an action item done from the home, and the Done button goes', async () => {
    await withWork();
    const done = buttons(await openHome(USERS.kas.id)).find((b) => b.text.text === 'Done A1')!;
    await h.interact(homeClick({ userId: USERS.kas.id, button: done, blockId: done.blockId }));
    const again = await openHome(USERS.kas.id, 2);
    expect(h.seen.find((s) => s.command.text === '/minutes done A1')!.outcome.status).toBe('accepted');
    expect(buttons(again).map((b) => b.text.text)).toEqual(['Endorse E1', 'Object E1', 'Abstain E1']);
  });

  it('asks for the reason of an objection pressed on the home, then draws the home again', async () => {
    await withWork();
    const object = buttons(await openHome(USERS.kas.id)).find((b) => b.text.text === 'Object E1')!;
    await h.interact(homeClick({ userId: USERS.kas.id, button: object, blockId: object.blockId }));
    const open = await waitFor(() => h.fake.callsTo('views.open')[0]);
    expect(JSON.parse(open.args.view.private_metadata)).toMatchObject({ home: true });
    expect(h.seen.filter((s) => s.command.text.startsWith('/endorse vote'))).toHaveLength(0);
    const r = await h.interact(viewSubmission({ userId: USERS.kas.id, view: open.args.view, values: { reason: { value: { type: 'plain_text_input', value: 'Section IV is unclear' } } } }));
    expect(r.text).toBe('');
    const again = await openHome(USERS.kas.id, 2);
    expect(h.seen.find((s) => s.command.text === '/endorse vote E1 object "Section IV is unclear"')!.outcome.status).toBe('accepted');
    expect(text(again)).toContain('KAS: object, cast by');
  });
});

describe('buttons under a reply', () => {
  it('gives a focal point who lists the open requests their vote buttons, and a press votes', async () => {
    await withWork();
    const typed = await h.slash(USERS.kas.id, '/endorse', 'list open', { channel: 'CPWG' });
    const reply = await h.reply(typed.trigger);
    expect(reply.response_type).toBe('ephemeral');
    const offered = (reply.blocks as Args[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements as Args[]);
    expect(offered.map((b) => b.text.text)).toEqual(['Endorse E1', 'Object E1', 'Abstain E1']);
    const abstain = offered.find((b) => b.text.text === 'Abstain E1')!;
    await h.interact(buttonClick({ userId: USERS.kas.id, value: abstain.value, actionId: abstain.action_id, fake: h.fake, responseId: 'from-reply' }));
    await h.reply('from-reply');
    expect(h.seen.find((s) => s.command.text === '/endorse vote E1 abstain')!.outcome.status).toBe('accepted');
  });

  it('gives an observer the same list without buttons', async () => {
    await withWork();
    const typed = await h.slash(USERS.jips.id, '/endorse', 'list open');
    const reply = await h.reply(typed.trigger);
    expect(reply.text).toContain('E1 PWG');
    expect((reply.blocks as Args[]).filter((b) => b.type === 'actions')).toEqual([]);
  });
});
