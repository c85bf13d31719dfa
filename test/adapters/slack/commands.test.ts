import { afterEach, describe, expect, it } from 'vitest';
import { snapshot } from '../../helpers/app';
import { USERS, startSlackHarness, type SlackHarness } from './slack-harness';
import { SLASH_COMMANDS } from '../../../adapters/slack/commands';

let h: SlackHarness;
afterEach(async () => h?.close());

const count = (sql: string, ...params: unknown[]) => (h.app.db.prepare(sql).get(...params) as { n: number }).n;

describe('Slack slash commands, end to end through Bolt on loopback', () => {
  it('acknowledges every slash command of the manifest and runs each as its command line', async () => {
    h = await startSlackHarness();
    for (const command of SLASH_COMMANDS) {
      const r = await h.slash(USERS.kas.id, command, 'list');
      expect(r.status).toBe(200);
      await h.reply(r.trigger);
    }
    expect(h.seen.map((s) => s.command.text)).toEqual(['/meeting list', '/endorse list', '/minutes list', '/members list', '/exercise list', '/help list']);
  });

  it('answers /members list to a member, ephemerally, as the person Slack reports', async () => {
    h = await startSlackHarness();
    const r = await h.slash(USERS.kas.id, '/members', 'list PMG');
    expect(r.status).toBe(200);
    const reply = await h.reply(r.trigger);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.replace_original).toBe(false);
    expect(reply.text).toContain('PMG of Kosovo 2014: 5 member organisations.');
    expect(reply.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn', verbatim: true } });
    expect(h.seen[0]!.command).toMatchObject({
      text: '/members list PMG',
      actor: { kind: 'chat', medium: 'slack', userId: 'UKAS', email: 'focal@kas.example.org' },
      channel: { medium: 'slack', id: 'CGENERAL' },
      deliveryId: `slack:command:${r.trigger}`,
    });
    // The Slack user is now linked by the e-mail Slack reported; the lookup is cached.
    await h.reply((await h.slash(USERS.kas.id, '/members', 'list')).trigger);
    expect(h.fake.callsTo('users.info')).toHaveLength(1);
  });

  it('refuses a focal point a coordinator command, with the core sentence, and changes nothing', async () => {
    h = await startSlackHarness();
    await h.reply((await h.slash(USERS.kas.id, '/members', 'list')).trigger); // linked on first use
    const before = snapshot(h.app.db);
    const r = await h.slash(USERS.kas.id, '/members', 'add-org XYZ Some Organisation');
    const reply = await h.reply(r.trigger);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe('Only the Profiling Coordinator can use /members add-org; you are a focal point.');
    expect(snapshot(h.app.db)).toBe(before);
  });

  it('refuses an unknown Slack user with one ephemeral sentence on how to be added', async () => {
    h = await startSlackHarness();
    const before = snapshot(h.app.db);
    const r = await h.slash(USERS.stranger.id, '/members', 'list');
    const reply = await h.reply(r.trigger);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toMatch(/^Your chat account is not linked to a member yet\./);
    expect(reply.blocks).toHaveLength(1);
    expect(h.fake.responsesTo(r.trigger)).toHaveLength(1);
    expect(snapshot(h.app.db)).toBe(before);
    // Nothing else works for them either.
    const again = await h.reply((await h.slash(USERS.stranger.id, '/endorse', 'vote E1 endorse')).trigger);
    expect(again.text).toMatch(/^Your chat account is not linked/);
  });

  it('applies a retried slash command (same trigger_id, x-slack-retry-num) once and answers once', async () => {
    h = await startSlackHarness();
    const first = await h.slash(USERS.coordinator.id, '/members', 'add-org XYZ Some Organisation', { trigger: 'T-retry' });
    const retry = await h.slash(USERS.coordinator.id, '/members', 'add-org XYZ Some Organisation', { trigger: 'T-retry', retryNum: 1 });
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect((await h.reply('T-retry')).text).toContain('XYZ');
    await new Promise((r) => setTimeout(r, 200));
    expect(count(`SELECT COUNT(*) AS n FROM organisations WHERE acronym = 'XYZ'`)).toBe(1);
    expect(count(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'members add-org'`)).toBe(1);
    expect(count(`SELECT COUNT(*) AS n FROM inbound_requests WHERE key = 'slack:command:T-retry'`)).toBe(1);
    expect(h.fake.responsesTo('T-retry')).toHaveLength(1);
  });

  it('decodes what Slack encodes and escapes what it sends back: <!channel> cannot ping', async () => {
    h = await startSlackHarness();
    // Slack sends &, < and > HTML-encoded in the command text.
    const add = await h.slash(USERS.coordinator.id, '/members', 'add-org ABC &lt;!channel&gt; Watchers &amp; Co');
    expect((await h.reply(add.trigger)).text).toContain('ABC');
    expect(h.app.db.prepare(`SELECT name FROM organisations WHERE acronym = 'ABC'`).get()).toEqual({ name: '<!channel> Watchers & Co' });
    const list = await h.reply((await h.slash(USERS.coordinator.id, '/members', 'list')).trigger);
    const all = JSON.stringify(list);
    expect(list.text).toContain('&lt;!channel&gt; Watchers &amp; Co');
    expect(all).not.toContain('<!channel>');
  });

  it('/convene is the help', async () => {
    h = await startSlackHarness();
    const r = await h.slash(USERS.kas.id, '/convene', 'members');
    expect((await h.reply(r.trigger)).text).toContain('/members list');
    expect(h.seen[0]!.command.text).toBe('/help members');
    const all = await h.reply((await h.slash(USERS.kas.id, '/convene', '')).trigger);
    expect(all.text).toContain('Type /convene &lt;command&gt; for details, e.g. /convene members add-focal.');
    expect(all.text).not.toContain('/help');
  });

  it('acknowledges within 3 s while every Web API call takes 2 s, then answers', async () => {
    h = await startSlackHarness();
    h.fake.delayMs = 2000;
    const r = await h.slash(USERS.coordinator.id, '/members', 'list PMG');
    expect(r.status).toBe(200);
    expect(r.ms).toBeLessThan(3000);
    expect(r.text).toBe('');
    // users.info (2 s), then the reply on the response_url (2 s) follow the acknowledgement.
    const reply = await h.reply(r.trigger);
    expect(reply.text).toContain('PMG of Kosovo 2014');
  });

  it('/exercise channel PWG typed in a channel binds it, and says so in the channel', async () => {
    h = await startSlackHarness();
    const r = await h.slash(USERS.coordinator.id, '/exercise', 'channel PWG', { channel: 'CPWG' });
    const reply = await h.reply(r.trigger);
    expect(reply.response_type).toBe('in_channel');
    expect(reply.text).toBe("The PWG's announcements for Kosovo 2014 will be posted in this channel.");
    expect(h.app.db.prepare(`SELECT grp, medium, channel_id FROM exercise_channels`).all()).toEqual([{ grp: 'PWG', medium: 'slack', channel_id: 'CPWG' }]);
    // A refusal in a channel stays private.
    const refused = await h.reply((await h.slash(USERS.kas.id, '/exercise', 'channel PMG', { channel: 'CPWG' })).trigger);
    expect(refused.response_type).toBe('ephemeral');
  });
});
