import { afterEach, describe, expect, it } from 'vitest';
import { waitFor, type Args } from './fake-slack';
import { USERS, buttonClick, startSlackHarness, viewSubmission, type SlackHarness } from './slack-harness';

let h: SlackHarness;
afterEach(async () => h?.close());

const DRC = { id: 'UDRC', email: 'focal@drc.example.org' };

async function run(userId: string, command: string, text: string, channel = 'CPWG'): Promise<Args> {
  return h.reply((await h.slash(userId, command, text, { channel })).trigger);
}

function postsTo(channel: string): Args[] {
  return h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel).map((c) => c.args);
}

describe('an endorsement voted with Slack buttons, end to end', () => {
  it('posts the request with buttons in the PWG channel; three organisations vote by button, one objects with a reason; a double click counts once', async () => {
    h = await startSlackHarness();
    h.fake.users.set(DRC.id, DRC.email);
    expect((await run(USERS.coordinator.id, '/exercise', 'channel PWG')).response_type).toBe('in_channel');
    const opened = await run(USERS.coordinator.id, '/endorse', 'open PWG Terms of Reference version:v1');
    expect(h.seen.at(-1)!.outcome.status).toBe('accepted');
    expect(opened.response_type).toBe('ephemeral');
    await h.sender.drain();

    const request = postsTo('CPWG').find((p) => p.blocks.some((b: Args) => b.type === 'actions'));
    expect(request).toBeDefined();
    const buttons: Args[] = request!.blocks.find((b: Args) => b.type === 'actions').elements;
    expect(buttons.map((b) => b.text.text)).toEqual(['Endorse', 'Object', 'Abstain']);
    const value = (label: string) => buttons.find((b) => b.text.text === label)!.value as string;
    const click = (user: string, label: string, responseId: string, actionTs?: string) =>
      buttonClick({ userId: user, value: value(label), actionId: buttons.find((b) => b.text.text === label)!.action_id, fake: h.fake, responseId, ...(actionTs ? { actionTs } : {}) });

    // KAS endorses, with a double click.
    const t = Date.now() / 1000;
    await Promise.all([h.interact(click(USERS.kas.id, 'Endorse', 'kas-1', `${t}`)), h.interact(click(USERS.kas.id, 'Endorse', 'kas-2', `${t + 0.3}`))]);
    expect((await h.reply('kas-1')).response_type).toBe('ephemeral');
    // UNHCR abstains.
    await h.interact(click(USERS.unhcr.id, 'Abstain', 'unhcr'));
    await h.reply('unhcr');
    // DRC objects: the button opens a form, the reason comes with the vote.
    await h.interact(click(DRC.id, 'Object', 'drc'));
    const form = await waitFor(() => h.fake.callsTo('views.open')[0]);
    const submitted = await h.interact(viewSubmission({ userId: DRC.id, view: form.args.view, values: { reason: { value: { type: 'plain_text_input', value: 'The sampling frame leaves out <!here> informal settlements.' } } } }));
    expect(submitted.text).toBe('');
    await h.reply('drc');
    await new Promise((r) => setTimeout(r, 200));

    const votes = h.app.db.prepare(
      `SELECT o.acronym, v.choice, v.comment, v.current FROM endorsement_votes v JOIN organisations o ON o.id = v.organisation_id ORDER BY v.id`,
    ).all();
    expect(votes).toEqual([
      { acronym: 'KAS', choice: 'endorse', comment: null, current: 1 },
      { acronym: 'UNHCR', choice: 'abstain', comment: null, current: 1 },
      { acronym: 'DRC', choice: 'object', comment: 'The sampling frame leaves out <!here> informal settlements.', current: 1 },
    ]);
    expect(h.fake.responsesTo('kas-2')).toHaveLength(0);

    // Receipts go by direct message to the voters' linked Slack accounts, escaped.
    await h.sender.drain();
    const toDrc = h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === DRC.id);
    expect(toDrc.length).toBeGreaterThan(0);
    expect(JSON.stringify(toDrc.map((c) => c.args))).not.toContain('<!here>');

    // The request in the channel is updated in place with the tally, by organisation.
    // The running bot's own drain may still hold the last update when ours returns: wait for it to land.
    const latest = await waitFor(() => {
      const last = h.fake.callsTo('chat.update').filter((c) => c.args.channel === 'CPWG').at(-1);
      const blocks = last ? JSON.stringify(last.args.blocks) : '';
      if (blocks.includes('3 voted')) return blocks;
      h.sender.kick();
      return undefined;
    });
    expect(latest).toContain('1 endorse, 1 object, 1 abstain; 3 voted');
    expect(latest).toContain('DRC: object');
    expect(latest).not.toContain('<!here>');

    const status = await run(USERS.coordinator.id, '/endorse', 'status E1');
    expect(status.text).toMatch(/KAS: endorse/);
    expect(status.text).toMatch(/DRC: object/);
  });
});

describe('a meeting scheduled with the Slack form, end to end', () => {
  const form = (date: string) => ({
    group: { value: { type: 'static_select', selected_option: { value: 'PWG' } } },
    date: { value: { type: 'datepicker', selected_date: date } },
    time: { value: { type: 'timepicker', selected_time: '14:00' } },
    title: { value: { type: 'plain_text_input', value: 'Methodology workshop' } },
    milestone: { value: { type: 'static_select', selected_option: { value: 'methodology' } } },
  });

  it('refuses a date inside the notice period in the form, on the date, then schedules a compliant one; the agenda reaches the channel escaped', async () => {
    h = await startSlackHarness();
    await run(USERS.coordinator.id, '/exercise', 'channel PWG');
    const typed = await h.slash(USERS.coordinator.id, '/meeting', 'schedule', { channel: 'CPWG' });
    const open = await waitFor(() => h.fake.callsTo('views.open')[0]);

    const early = await h.interact(viewSubmission({ userId: USERS.coordinator.id, view: open.args.view, values: form('2026-11-25') }));
    const refusal = JSON.parse(early.text) as Args;
    expect(refusal.response_action).toBe('errors');
    expect(Object.keys(refusal.errors)).toEqual(['date']);
    expect(refusal.errors.date).toMatch(/urgent/);
    expect(h.app.db.prepare('SELECT COUNT(*) AS n FROM meetings').get()).toEqual({ n: 0 });

    const ok = await h.interact(viewSubmission({ userId: USERS.coordinator.id, view: open.args.view, values: form('2026-12-10') }));
    expect(ok.text).toBe('');
    const scheduled = await h.reply(typed.trigger);
    expect(scheduled.response_type).toBe('ephemeral');
    expect(h.app.db.prepare('SELECT COUNT(*) AS n FROM meetings').get()).toEqual({ n: 1 });

    // Slack sends the typed text HTML-encoded; the agenda keeps what was typed; the post escapes it.
    expect(h.seen.at(-1)!.outcome.status).toBe('accepted');
    await run(USERS.coordinator.id, '/meeting', 'agenda M1 add Budget &lt;!channel&gt; review');
    expect(h.seen.at(-1)!.outcome.status).toBe('accepted');
    await run(USERS.coordinator.id, '/meeting', 'send M1');
    expect(h.seen.at(-1)!.outcome.status).toBe('accepted');
    await h.sender.drain();
    const inChannel = JSON.stringify(postsTo('CPWG'));
    expect(inChannel).toContain('Budget &lt;!channel&gt; review');
    expect(inChannel).not.toContain('<!channel>');
    const upcoming = await run(USERS.kas.id, '/meeting', 'list upcoming');
    expect(upcoming.text).toContain('Methodology workshop');
  });
});
