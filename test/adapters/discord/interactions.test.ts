import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetingWithAgenda } from '../../helpers/meetings';
import { voteButtons } from '../../../src/use-cases/endorsements/buttons';
import { currentVotes } from '../../../src/store/endorsements';
import { GENERAL, PWG_CHANNEL, USERS, click, slash, startDiscordHarness, waitFor, type DiscordHarness } from './discord-harness';
import type { Json } from './fake-discord';

const EPHEMERAL = 64;
/** Interaction callback types: 5 deferred reply, 8 autocomplete result, 9 modal. */
const DEFERRED = 5;
const AUTOCOMPLETE = 8;
const MODAL = 9;

let h: DiscordHarness;
beforeEach(async () => {
  h = await startDiscordHarness();
});
afterEach(() => h.close());

/** The interaction's answer: its callback, then the edit of the deferred reply (or follow-ups). */
async function answered(token: string, edits = 1): Promise<{ callback: Json; texts: string[] }> {
  const calls = await waitFor(() => {
    const c = h.answers(token);
    return c.length >= 1 + edits ? c : undefined;
  });
  return { callback: calls[0]!.body, texts: calls.slice(1).map((c) => String(c.body.content)) };
}

function openEndorsement(): string {
  const r = h.app.run('/endorse open PWG Terms of Reference document:tor version:v1');
  expect(r.status).toBe('accepted');
  return 'E1';
}

describe('Discord interactions through the real discord.js client', () => {
  it('logs in over the gateway with the Guilds intent only', async () => {
    await h.fake.ready();
    expect(h.fake.callsTo('GET', /^\/gateway\/bot$/)).toHaveLength(1);
  });

  it('defers a slash command at once, then edits the reply with the answer, for the person only', async () => {
    const { token } = h.interact(USERS.coordinator.id, 2, slash('meeting', 'list', { which: 'all' }));
    const { callback, texts } = await answered(token);
    expect(callback).toEqual({ type: DEFERRED, data: { flags: EPHEMERAL } });
    expect(texts[0]).toContain('No meetings yet');
    const edit = h.answers(token)[1]!;
    expect(edit.method).toBe('PATCH');
    expect(edit.path).toMatch(/\/messages\/@original$/);
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
    expect(h.seen[0]!.command).toMatchObject({
      text: '/meeting list all',
      actor: { kind: 'chat', medium: 'discord', userId: USERS.coordinator.id },
      channel: { medium: 'discord', id: GENERAL },
    });
  });

  it('refuses a stranger everything but the help and linking', async () => {
    const list = h.interact(USERS.stranger.id, 2, slash('meeting', 'list', {}));
    expect((await answered(list.token)).texts[0]).toMatch(/not linked to a member yet.*\/members link/);
    const help = h.interact(USERS.stranger.id, 2, slash('convene', null, {}));
    const helpText = (await answered(help.token)).texts[0];
    expect(helpText).toContain('/meeting schedule');
    // The help names itself as Discord offers it.
    expect(helpText).toContain('\n/convene [command...]\n');
    expect(helpText).not.toContain('/help');
    const link = h.interact(USERS.stranger.id, 2, slash('members', 'link', { email: 'nobody@elsewhere.example.org' }));
    expect((await answered(link.token)).texts[0]).toContain('a 6-digit code is on its way');
  });

  it('records a button vote once when the same interaction arrives twice', async () => {
    openEndorsement();
    const endorse = voteButtons({ id: 1 }).find((b) => b.label === 'Endorse')!;
    const first = click(h, USERS.kas.id, endorse.value, PWG_CHANNEL);
    click(h, USERS.kas.id, endorse.value, PWG_CHANNEL, first);
    const { texts } = await answered(first.token);
    expect(texts[0]).toMatch(/KAS.*endorse/i);
    await new Promise((r) => setTimeout(r, 100));
    expect(h.answers(first.token).filter((c) => c.path.endsWith('/callback'))).toHaveLength(1);
    expect(currentVotes(h.app.db, 1).map((v) => v.choice)).toEqual(['endorse']);
    expect(h.seen).toHaveLength(1);
  });

  it('puts the buttons that go with a reply under it: a focal point lists the requests and votes from the list', async () => {
    openEndorsement();
    const list = h.interact(USERS.kas.id, 2, slash('endorse', 'list', {}));
    await answered(list.token);
    const edit = h.answers(list.token)[1]!;
    const buttons: Json[] = edit.body.components[0].components;
    expect(buttons.map((b) => b.label)).toEqual(expect.arrayContaining([expect.stringMatching(/Endorse/), expect.stringMatching(/Object/), expect.stringMatching(/Abstain/)]));
    const abstain = buttons.find((b) => /Abstain/.test(String(b.label)))!;
    const pressed = click(h, USERS.kas.id, String(abstain.custom_id), GENERAL);
    await answered(pressed.token);
    expect(currentVotes(h.app.db, 1).map((v) => v.choice)).toEqual(['abstain']);
  });

  it('asks for the reason when Object is pressed, and records the objection with it', async () => {
    openEndorsement();
    const object = voteButtons({ id: 1 }).find((b) => b.label === 'Object')!;
    const pressed = click(h, USERS.kas.id, object.value, PWG_CHANNEL);
    const shown = (await waitFor(() => h.answers(pressed.token)[0]))!.body;
    expect(shown.type).toBe(MODAL);
    expect(shown.data.components[0]).toMatchObject({ type: 10, content: 'Your organisation objects to E1.' });
    const reasonField = shown.data.components[1].component;
    expect(reasonField).toMatchObject({ type: 4, required: true });
    const submit = h.interact(USERS.kas.id, 5, {
      custom_id: shown.data.custom_id,
      components: [{ type: 18, id: 1, component: { type: 4, id: 2, custom_id: reasonField.custom_id, value: 'The sampling frame leaves out @everyone in informal settlements' } }],
    }, { channel_id: PWG_CHANNEL });
    const { callback, texts } = await answered(submit.token);
    expect(callback).toEqual({ type: DEFERRED, data: { flags: EPHEMERAL } });
    expect(texts[0]).toMatch(/object/i);
    const votes = currentVotes(h.app.db, 1);
    expect(votes.map((v) => [v.choice, v.comment])).toEqual([['object', 'The sampling frame leaves out @everyone in informal settlements']]);
  });

  it('opens the schedule form for /meeting schedule without options, and schedules from it', async () => {
    const open = h.interact(USERS.coordinator.id, 2, slash('meeting', 'schedule', {}));
    const shown = (await waitFor(() => h.answers(open.token)[0]))!.body;
    expect(shown.type).toBe(MODAL);
    expect(shown.data.components.length).toBeLessThanOrEqual(5);
    const fields = shown.data.components.map((c: Json) => c.component.custom_id);
    expect(fields.slice(0, 4)).toEqual(['group', 'date', 'time', 'title']);
    const value = (custom_id: string, v: string): Json =>
      custom_id === 'group' ? { type: 18, component: { type: 3, custom_id, values: [v] } } : { type: 18, component: { type: 4, custom_id, value: v } };
    const submit = h.interact(USERS.coordinator.id, 5, {
      custom_id: shown.data.custom_id,
      components: [value('group', 'PWG'), value('date', '2026-12-10'), value('time', '10:00'), value('title', 'Agree the TOR')],
    });
    const { texts } = await answered(submit.token);
    expect(texts[0]).toContain('Scheduled M1');
  });

  it('says what is missing when /meeting schedule is given a later option without an earlier one', async () => {
    const { token } = h.interact(USERS.coordinator.id, 2, slash('meeting', 'schedule', { date: '2026-12-10', time: '10:00', title: 'Agree the TOR' }));
    const reply = await waitFor(() => h.answers(token)[0]);
    expect(reply.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(String(reply.body.data.content)).toMatch(/^Give group: too, with date:\. Usage: \/meeting schedule/);
    expect(h.seen).toHaveLength(0);
  });

  it('answers a refused form in the reply, naming what to change, with nothing scheduled', async () => {
    const submit = h.interact(USERS.coordinator.id, 5, {
      custom_id: 'convene:form:meeting-schedule',
      components: [{ type: 18, component: { type: 3, custom_id: 'group', values: ['PWG'] } }, { type: 18, component: { type: 4, custom_id: 'date', value: '2026-02-30' } },
        { type: 18, component: { type: 4, custom_id: 'time', value: '10:00' } }, { type: 18, component: { type: 4, custom_id: 'title', value: 'Agree the TOR' } }],
    });
    const { texts } = await answered(submit.token);
    expect(texts[0]).toMatch(/^Date: .*2026-02-30/);
    expect(h.app.run('/meeting list all').reply).toContain('No meetings yet');
  });

  it('offers the meetings the person may see while they type an id', async () => {
    h.app.run('/meeting schedule PWG 2026-12-10 10:00 Agree the TOR');
    h.app.run('/meeting schedule PMG 2026-12-11 10:00 Budget of the survey');
    const data = { id: '1', name: 'meeting', type: 1, options: [{ type: 1, name: 'show', options: [{ type: 3, name: 'id', value: '', focused: true }] }] };
    const kas = h.interact(USERS.kas.id, 4, data);
    const offered = (await waitFor(() => h.answers(kas.token)[0]))!.body;
    expect(offered.type).toBe(AUTOCOMPLETE);
    // KAS is not in the PMG: it does not see the PMG's meeting.
    expect(offered.data.choices.map((c: Json) => c.value)).toEqual(['M1']);
    const stranger = h.interact(USERS.stranger.id, 4, data);
    expect((await waitFor(() => h.answers(stranger.token)[0]))!.body.data.choices).toEqual([]);
  });

  it('offers the meetings while the person types the meeting: option of /endorse open', async () => {
    h.app.run('/meeting schedule PWG 2026-12-10 10:00 Agree the TOR');
    const data = { id: '1', name: 'endorse', type: 1, options: [{ type: 1, name: 'open', options: [
      { type: 3, name: 'group', value: 'PWG' }, { type: 3, name: 'meeting', value: 'M', focused: true },
    ] }] };
    const { token } = h.interact(USERS.coordinator.id, 4, data);
    const offered = (await waitFor(() => h.answers(token)[0]))!.body;
    expect(offered.type).toBe(AUTOCOMPLETE);
    expect(offered.data.choices.map((c: Json) => c.value)).toEqual(['M1']);
  });

  it('binds the channel where /exercise channel is typed, and says so in the channel', async () => {
    const { token } = h.interact(USERS.coordinator.id, 2, slash('exercise', 'channel', { group: 'PWG' }), { channel_id: PWG_CHANNEL });
    const { texts } = await answered(token, 2);
    expect(texts[0]).toContain("PWG's announcements");
    const post = h.answers(token)[2]!;
    expect(post.method).toBe('POST');
    expect(post.body.flags ?? 0).toBe(0);
  });

  it('sends a long answer as the edited reply and ephemeral follow-ups of at most 2,000 characters', async () => {
    const m = meetingWithAgenda(h.app);
    h.app.run(`/meeting send ${m}`);
    await h.sender.drain();
    const { token } = h.interact(USERS.coordinator.id, 2, slash('meeting', 'notices', { id: m }));
    const calls = await waitFor(() => {
      const c = h.answers(token);
      return c.length >= 3 ? c : undefined;
    });
    const [, edit, ...followUps] = calls;
    expect(edit!.method).toBe('PATCH');
    expect(followUps.every((f) => f.method === 'POST' && f.body.flags === EPHEMERAL)).toBe(true);
    const texts = [edit!, ...followUps].map((c) => String(c.body.content));
    expect(texts.every((t) => t.length <= 2000)).toBe(true);
    expect(texts.join('\n')).toContain('Reached on time');
  });

  it('declines an interaction from another server, running nothing', async () => {
    const { token } = h.interact(USERS.coordinator.id, 2, slash('meeting', 'list', {}), { guild_id: '1200000000000000099' });
    const reply = await waitFor(() => h.answers(token)[0]);
    expect(reply.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    expect(String(reply.body.data.content)).toContain('server it was set up for');
    expect(h.seen).toHaveLength(0);
  });
});

describe('a repeated interaction after a restart', () => {
  it('is applied once: the interaction id is kept in SQLite as the delivery id', async () => {
    openEndorsement();
    const endorse = voteButtons({ id: 1 }).find((b) => b.label === 'Endorse')!;
    const first = click(h, USERS.kas.id, endorse.value, PWG_CHANNEL);
    await answered(first.token);
    // A new adapter (a restarted bot) gets the same interaction again, as a gateway replay would bring it.
    await h.discord.stop();
    const again = await startDiscordHarness({ app: h.app });
    try {
      click(again, USERS.kas.id, endorse.value, PWG_CHANNEL, first);
      await waitFor(() => again.answers(first.token).length >= 2);
      expect(again.seen[0]!.outcome.status).toBe('accepted');
      expect(currentVotes(h.app.db, 1)).toHaveLength(1);
      const votes = h.app.db.prepare('SELECT COUNT(*) AS n FROM endorsement_votes').get() as { n: number };
      expect(votes.n).toBe(1);
    } finally {
      await again.discord.stop();
      await again.fake.close();
    }
  });
});

