import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from './fake-slack';
import { FakeSocketMode } from './fake-socket';
import { USERS, buttonClick, eventCallback, slashCommand, startSlackHarness, viewSubmission, type SlackHarness } from './slack-harness';
import { encodeIntent, voteIntent } from '../../../src/chat/intent';

let h: SlackHarness | undefined;
let socket: FakeSocketMode | undefined;
afterEach(async () => {
  await h?.close();
  await socket?.close();
  h = undefined;
  socket = undefined;
});

/** The adapter in Socket Mode, connected to the loopback socket that apps.connections.open names. */
async function startSocket(): Promise<{ h: SlackHarness; socket: FakeSocketMode }> {
  socket = await FakeSocketMode.start();
  h = await startSlackHarness({ socketUrl: socket.url });
  return { h, socket };
}

describe('Slack in Socket Mode (SLACK_APP_TOKEN)', () => {
  it('opens its connection with the app token and listens on no port', async () => {
    const { h, socket } = await startSocket();
    expect(h.slack.mode).toBe('socket');
    expect(h.slack.port()).toBeUndefined();
    const open = h.fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.token).toBe('xapp-test');
    expect(h.fake.callsTo('auth.test')[0]!.token).toBe('xoxb-test');
    expect(socket.socket).toBeDefined();
  });

  it('acknowledges a slash command envelope, runs it as the user, and answers on its response_url', async () => {
    const { h, socket } = await startSocket();
    const fields = slashCommand({ userId: USERS.kas.id, command: '/members', text: 'list PMG', channel: 'CPWG', fake: h.fake });
    const envelope = socket.send('slash_commands', fields);
    expect((await socket.ack(envelope)).payload).toEqual({});
    const reply = await h.reply(fields.trigger_id);
    const [run] = h.seen;
    expect(run!.command).toMatchObject({ text: '/members list PMG', actor: { kind: 'chat', medium: 'slack', userId: 'UKAS', email: 'focal@kas.example.org' }, channel: { medium: 'slack', id: 'CPWG' } });
    expect(run!.command.deliveryId).toBe(`slack:command:${fields.trigger_id}`);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('MCR');
  });

  it('applies a redelivered envelope (retry_attempt) once', async () => {
    const { h, socket } = await startSocket();
    const fields = slashCommand({ userId: USERS.coordinator.id, command: '/members', text: 'add-org WFP World Food Programme', fake: h.fake });
    const first = socket.send('slash_commands', fields);
    await socket.ack(first);
    await h.reply(fields.trigger_id);
    const again = socket.send('slash_commands', fields, { retryAttempt: 1 });
    await socket.ack(again);
    await new Promise((r) => setTimeout(r, 250));
    expect(h.app.run('/members list').reply.match(/WFP/g)).toHaveLength(1);
    expect(h.fake.responsesTo(fields.trigger_id)).toHaveLength(1);
  });

  it('takes a vote button as an interactive envelope, as the clicking user', async () => {
    const { h, socket } = await startSocket();
    expect(h.app.run('/endorse open PWG Terms of Reference').status).toBe('accepted');
    const click = buttonClick({ userId: USERS.kas.id, value: encodeIntent(voteIntent('E1', 'endorse')), actionId: '0:endorse-E1-endorse', fake: h.fake, responseId: 'vote' });
    await socket.ack(socket.send('interactive', click));
    const reply = await h.reply('vote');
    const vote = h.seen.find((s) => s.command.text === '/endorse vote E1 endorse')!;
    expect(vote.command.actor).toMatchObject({ userId: 'UKAS' });
    expect(vote.outcome.status).toBe('accepted');
    expect(reply.text).toContain('E1');
  });

  it("puts a form's refusal in the acknowledgement's payload, on the field it is about", async () => {
    const { h, socket } = await startSocket();
    const fields = slashCommand({ userId: USERS.coordinator.id, command: '/meeting', text: 'schedule', fake: h.fake });
    await socket.ack(socket.send('slash_commands', fields));
    const open = await waitFor(() => h.fake.callsTo('views.open')[0]);
    const values = {
      group: { value: { type: 'static_select', selected_option: { value: 'PWG' } } },
      date: { value: { type: 'datepicker', selected_date: '2026-11-25' } },
      time: { value: { type: 'timepicker', selected_time: '10:00' } },
      title: { value: { type: 'plain_text_input', value: 'Too soon' } },
    };
    const ack = await socket.ack(socket.send('interactive', viewSubmission({ userId: USERS.coordinator.id, view: open.args.view, values })));
    expect(ack.payload).toEqual({ response_action: 'errors', errors: { date: expect.stringContaining('needs its agenda sent by') } });
    expect(h.app.run('/meeting list all').reply).not.toContain('Too soon');
  });

  it('publishes the App Home on an events_api envelope', async () => {
    const { h, socket } = await startSocket();
    await socket.ack(socket.send('events_api', eventCallback({ type: 'app_home_opened', user: USERS.kas.id, channel: 'DKAS', tab: 'home', event_ts: `${Date.now() / 1000}` })));
    const publish = await waitFor(() => h.fake.callsTo('views.publish')[0]);
    expect(publish.args.user_id).toBe('UKAS');
    expect(publish.token).toBe('xoxb-test');
  });

  it('closes its connection when the adapter stops', async () => {
    const { h, socket } = await startSocket();
    const live = socket.socket!;
    await h.slack.stop();
    await waitFor(() => live.readyState === live.CLOSED);
  });
});
