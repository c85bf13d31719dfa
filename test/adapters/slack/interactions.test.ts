import { afterEach, describe, expect, it } from 'vitest';
import { formView } from '../../../adapters/slack/modals';
import { formIn } from '../../../src/chat/form-words';
import { REASON_FORM } from '../../../src/chat/forms';
import { sayIn } from '../../../src/i18n/say';
import { encodeIntent, voteIntent } from '../../../src/chat/intent';
import { HOME_SECTIONS } from '../../../src/chat/home';
import { waitFor, type Args } from './fake-slack';
import { USERS, buttonClick, startSlackHarness, viewSubmission, type SlackHarness } from './slack-harness';

let h: SlackHarness;
afterEach(async () => h?.close());

const votes = (text: string) => h.seen.filter((s) => s.command.text === text);
const settle = () => new Promise((r) => setTimeout(r, 250));

describe('Slack buttons', () => {
  it('runs the vote as the clicking user, through the core, and relays the answer ephemerally', async () => {
    h = await startSlackHarness();
    const click = buttonClick({ userId: USERS.kas.id, value: 'E3:endorse', fake: h.fake, responseId: 'click-1' });
    expect((await h.interact(click)).status).toBe(200);
    const reply = await h.reply('click-1');
    const [run] = votes('/endorse vote E3 endorse');
    expect(run!.command).toMatchObject({ actor: { kind: 'chat', medium: 'slack', userId: 'UKAS', email: 'focal@kas.example.org' }, channel: { medium: 'slack', id: 'CPWG' } });
    expect(run!.command.deliveryId).toMatch(/^slack:block_actions:CPWG\/1795000000\.000001:0:endorse:E3:endorse:UKAS:/);
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply.text).toBe(run!.outcome.reply.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });

  it('takes the vote command itself as a button value too', async () => {
    h = await startSlackHarness();
    await h.interact(buttonClick({ userId: USERS.kas.id, value: '/endorse vote E7 abstain', actionId: '2:endorse-E7-abstain', fake: h.fake, responseId: 'c' }));
    await h.reply('c');
    expect(votes('/endorse vote E7 abstain')).toHaveLength(1);
  });

  it('applies a double click once: same button, same person, same message, a moment apart', async () => {
    h = await startSlackHarness();
    const t = Date.now() / 1000;
    const first = buttonClick({ userId: USERS.kas.id, value: 'E3:endorse', fake: h.fake, responseId: 'first', actionTs: `${t}` });
    const second = buttonClick({ userId: USERS.kas.id, value: 'E3:endorse', fake: h.fake, responseId: 'second', actionTs: `${t + 0.4}` });
    const [a, b] = await Promise.all([h.interact(first), h.interact(second)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await h.reply('first');
    await settle();
    expect(votes('/endorse vote E3 endorse')).toHaveLength(1);
    expect(h.fake.responsesTo('second')).toHaveLength(0);
    // Slack's retry of the first click (same action_ts) is the same request as well.
    await h.interact(first, { retryNum: 1 });
    await settle();
    expect(votes('/endorse vote E3 endorse')).toHaveLength(1);
    expect(h.fake.responsesTo('first')).toHaveLength(1);
  });

  it('counts Endorse, Abstain, Endorse as three votes, and another person\'s click as theirs', async () => {
    h = await startSlackHarness();
    for (const [i, value] of ['E3:endorse', 'E3:abstain', 'E3:endorse'].entries()) {
      await h.interact(buttonClick({ userId: USERS.kas.id, value, fake: h.fake, responseId: `kas-${i}` }));
      await h.reply(`kas-${i}`);
    }
    await h.interact(buttonClick({ userId: USERS.unhcr.id, value: 'E3:endorse', fake: h.fake, responseId: 'unhcr' }));
    await h.reply('unhcr');
    expect(h.seen.map((s) => `${s.command.actor.kind === 'chat' ? s.command.actor.userId : ''} ${s.command.text}`)).toEqual([
      'UKAS /endorse vote E3 endorse',
      'UKAS /endorse vote E3 abstain',
      'UKAS /endorse vote E3 endorse',
      'UUNHCR /endorse vote E3 endorse',
    ]);
    expect(new Set(h.seen.map((s) => s.command.deliveryId)).size).toBe(4);
  });

  it('answers a button it does not know without running anything', async () => {
    h = await startSlackHarness();
    await h.interact(buttonClick({ userId: USERS.kas.id, value: 'ORG:UNHCR:endorse', fake: h.fake, responseId: 'odd' }));
    expect((await h.reply('odd')).text).toMatch(/^This button is not one this version of Convene knows/);
    expect(h.seen).toHaveLength(0);
  });
});

describe('Slack forms', () => {
  it('Object opens a form for the reason; its submission votes object with the reason, as the submitting user', async () => {
    h = await startSlackHarness();
    await h.interact(buttonClick({ userId: USERS.kas.id, value: 'E3:object', fake: h.fake, responseId: 'obj' }));
    const open = await waitFor(() => h.fake.callsTo('views.open')[0]);
    expect(open.args.trigger_id).toMatch(/\.click$/);
    expect(open.args.view).toMatchObject({ type: 'modal', callback_id: 'convene-endorse-objection' });
    expect(JSON.parse(open.args.view.private_metadata)).toEqual({ intent: encodeIntent(voteIntent('E3', 'object')), responseUrl: h.fake.responseUrl('obj'), channelId: 'CPWG' });
    expect(h.seen).toHaveLength(0);

    const r = await h.interact(viewSubmission({ userId: USERS.kas.id, view: open.args.view, values: { reason: { value: { type: 'plain_text_input', value: 'The “SCR” figures\nare missing \\ late' } } } }));
    expect(r.status).toBe(200);
    const [run] = h.seen;
    expect(run!.command.text).toBe('/endorse vote E3 object "The \\"SCR\\" figures\nare missing \\\\ late"');
    expect(run!.command.actor).toMatchObject({ userId: 'UKAS' });
    expect(run!.command.deliveryId).toMatch(/^slack:view_submission:VFORM1:[\w-]{22}:UKAS$/);
    if (run!.outcome.status === 'refused') {
      expect(JSON.parse(r.text)).toEqual({ response_action: 'errors', errors: { reason: expect.stringContaining(run!.outcome.reply.slice(0, 40)) } });
    } else {
      expect(r.text).toBe('');
      expect((await h.reply('obj')).text).toContain(run!.outcome.reply.slice(0, 20));
    }
  });

  it('/meeting schedule with no arguments opens the form; its submission is the command line, run as the user', async () => {
    h = await startSlackHarness();
    const typed = await h.slash(USERS.coordinator.id, '/meeting', 'schedule', { channel: 'CPWG' });
    const open = await waitFor(() => h.fake.callsTo('views.open')[0]);
    expect(open.args.trigger_id).toBe(typed.trigger);
    expect(open.args.view.callback_id).toBe('convene-meeting-schedule');
    expect(open.args.view.blocks.map((b: Args) => b.block_id)).toEqual(['group', 'date', 'time', 'title', 'milestone', 'where', 'duration', 'urgent']);
    expect(h.seen).toHaveLength(0);

    const values = {
      group: { value: { type: 'static_select', selected_option: { value: 'PWG', text: { type: 'plain_text', text: 'PWG' } } } },
      date: { value: { type: 'datepicker', selected_date: '2026-12-10' } },
      time: { value: { type: 'timepicker', selected_time: '14:00' } },
      title: { value: { type: 'plain_text_input', value: 'Methodology workshop' } },
      milestone: { value: { type: 'static_select', selected_option: { value: 'methodology', text: { type: 'plain_text', text: 'Methodology' } } } },
      where: { value: { type: 'plain_text_input', value: 'UNHCR office, Pristina' } },
      duration: { value: { type: 'number_input', value: '90' } },
      urgent: { value: { type: 'plain_text_input', value: null } },
    };
    const r = await h.interact(viewSubmission({ userId: USERS.coordinator.id, view: open.args.view, values }));
    const [run] = h.seen;
    expect(run!.command.text).toBe('/meeting schedule PWG 2026-12-10 14:00 "Methodology workshop" milestone:methodology where:"UNHCR office, Pristina" duration:90');
    expect(run!.command.channel).toEqual({ medium: 'slack', id: 'CPWG' });
    if (run!.outcome.status === 'refused') {
      expect(JSON.parse(r.text).response_action).toBe('errors');
    } else {
      expect(r.text).toBe('');
      expect((await h.reply(typed.trigger)).response_type).toBe('ephemeral');
    }
  });

  it('shows a refusal inside the form, on a field, and changes nothing', async () => {
    h = await startSlackHarness();
    const typed = await h.slash(USERS.kas.id, '/meeting', 'schedule');
    const open = await waitFor(() => h.fake.callsTo('views.open')[0]);
    const values = {
      group: { value: { type: 'static_select', selected_option: { value: 'PMG' } } },
      date: { value: { type: 'datepicker', selected_date: '2026-12-10' } },
      time: { value: { type: 'timepicker', selected_time: '10:00' } },
      title: { value: { type: 'plain_text_input', value: 'PMG <!channel> sync' } },
    };
    const r = await h.interact(viewSubmission({ userId: USERS.kas.id, view: open.args.view, values }));
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text)).toEqual({
      response_action: 'errors',
      errors: { group: 'Only the Profiling Coordinator can use /meeting schedule; you are a focal point.' },
    });
    await settle();
    expect(h.fake.responsesTo(typed.trigger)).toHaveLength(0);
  });
});

describe('a slow form submission', () => {
  it('closes the form within Slack\'s 3 s and answers afterwards through the response_url', async () => {
    h = await startSlackHarness();
    h.fake.delayMs = 2500; // users.info for a user not looked up yet
    const view = formView(formIn(REASON_FORM, sayIn('en'), voteIntent('E3', 'object')), { intent: encodeIntent(voteIntent('E3', 'object')), responseUrl: h.fake.responseUrl('slow'), channelId: 'CPWG' });
    const r = await h.interact(viewSubmission({ userId: USERS.unhcr.id, view: view as unknown as Args, values: { reason: { value: { type: 'plain_text_input', value: 'Too late to read it.' } } } }));
    expect(r.status).toBe(200);
    expect(r.ms).toBeLessThan(3000);
    expect(r.text).toBe('');
    const reply = await h.reply('slow');
    expect(reply.text).toBe(h.seen[0]!.outcome.reply.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  });
});

describe('Slack App Home', () => {
  it('shows a member what the core lets them see, leaving out what is refused or not available', async () => {
    h = await startSlackHarness();
    expect((await h.event({ type: 'app_home_opened', user: USERS.kas.id, channel: 'DKAS', tab: 'home', event_ts: `${Date.now() / 1000}` })).status).toBe(200);
    const publish = await waitFor(() => h.fake.callsTo('views.publish')[0]);
    expect(publish.args.user_id).toBe('UKAS');
    expect(publish.args.view.type).toBe('home');
    // The core ran each section as the person (linking them by the e-mail Slack reports): what it answers them now.
    const outcomes = HOME_SECTIONS.map((s) => h.app.core.handleSync({ text: s.command, actor: { kind: 'chat', medium: 'slack', userId: USERS.kas.id } }));
    expect(outcomes.some((o) => o.status === 'accepted')).toBe(true);
    const text = JSON.stringify(publish.args.view.blocks);
    const titles = ['Open endorsements', 'Upcoming meetings', 'Open action items', 'The exercise'];
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 'accepted') expect(text).toContain(titles[i]);
      else expect(text).not.toContain(titles[i]);
    });
    expect(text).not.toContain('not available yet');
    expect(publish.args.view.blocks.length).toBeLessThanOrEqual(100);
  });

  it("shows a focal point their organisation's vote on each open request, as /endorse list gives it", async () => {
    h = await startSlackHarness();
    for (const text of ['/endorse open PWG Terms of Reference version:v1 document:tor', '/endorse open PWG Methodology', '/endorse open PMG Workplan']) {
      expect(h.app.run(text).status).toBe('accepted');
    }
    expect(h.app.run('/endorse vote E1 object Section IV <!channel> is unclear', USERS.kas.email).status).toBe('accepted');
    await h.event({ type: 'app_home_opened', user: USERS.kas.id, channel: 'DKAS', tab: 'home', event_ts: `${Date.now() / 1000}` });
    const publish = await waitFor(() => h.fake.callsTo('views.publish')[0]);
    const shown = (publish.args.view.blocks as Args[]).map((b) => b.text?.text ?? '').join('\n');
    const endorsements = shown.slice(shown.indexOf('*Open endorsements*'), shown.indexOf('*Upcoming meetings*'));
    expect(endorsements).toContain('E1 PWG "Terms of Reference" (version v1): open until 2026-11-29 10:00 Europe/Belgrade; 1 of 10 voted\n  KAS: object, cast by Valon Morina on 2026-11-22 10:00 Europe/Belgrade: "Section IV &lt;!channel&gt; is unclear"');
    expect(endorsements).toContain('E2 PWG "Methodology": open until 2026-11-29 10:00 Europe/Belgrade; 0 of 10 voted\n  KAS has not voted yet — /endorse vote E2 endorse|object|abstain');
    expect(endorsements).not.toContain('Workplan');
    expect(shown).not.toContain('<!channel>');
  });

  it('tells a Slack user who is not a member how to be added', async () => {
    h = await startSlackHarness();
    await h.event({ type: 'app_home_opened', user: USERS.stranger.id, channel: 'DSTRANGER', tab: 'home', event_ts: `${Date.now() / 1000}` });
    const publish = await waitFor(() => h.fake.callsTo('views.publish')[0]);
    expect(JSON.stringify(publish.args.view.blocks)).toContain('Your chat account is not linked to a member yet.');
  });
});
