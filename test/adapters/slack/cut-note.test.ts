import { afterEach, describe, expect, it } from 'vitest';
import { CommandContext } from '../../../src/core/context';
import { TemplateRenderer } from '../../../src/render/renderer';
import { exerciseBySlug } from '../../../src/store/exercises';
import { coordinators, linkIdentity, personByEmail } from '../../../src/store/members';
import { TEMPLATES } from '../../helpers/app';
import { USERS, startSlackHarness, type SlackHarness } from './slack-harness';

let h: SlackHarness;
afterEach(async () => {
  await h?.close();
});

/** A message far longer than one Slack message holds, queued to KAS's focal point the way a use case does. */
function longMessageToKas(): void {
  const exercise = exerciseBySlug(h.app.db, 'kosovo-2014')!;
  const coordinator = coordinators(h.app.db, exercise.id)[0]!;
  const kas = personByEmail(h.app.db, USERS.kas.email)!;
  linkIdentity(h.app.db, { medium: 'slack', userId: USERS.kas.id, personId: kas.id, at: '2026-11-01T00:00:00Z', by: 'test' });
  const ctx = new CommandContext(h.app.db, h.app.clock.now(), exercise, { person: coordinator, member: coordinator, label: 'test' },
    { noticeDays: 7, minutesDays: 7 }, new TemplateRenderer(TEMPLATES), 'test');
  const report = `${'A line of the record that goes on for a while. '.repeat(60)}\n`.repeat(80);
  ctx.deliver({ kind: 'exercise-export', to: kas, view: { date: '2026-11-22', path: '/srv/exports/kosovo-2014-2026-11-22', report } });
}

/** The note under the last section of the one Slack post. */
function noteOfThePost(): string {
  const [post] = h.fake.callsTo('chat.postMessage');
  expect(post!.args.channel).toBe(USERS.kas.id);
  const context = post!.args.blocks.filter((b: { type: string }) => b.type === 'context').at(-1);
  return context.elements[0].text;
}

describe("Slack's note where it cuts an outbox message, in the reader's language", () => {
  it('says it in Serbian Cyrillic to a member who reads it', async () => {
    h = await startSlackHarness();
    expect(h.app.run(`/members language ${USERS.kas.email} sr-Cyrl`).status).toBe('accepted');
    longMessageToKas();
    await h.sender.drain();
    expect(noteOfThePost()).toBe('… остатак ове поруке се овде не приказује: цела порука је послата е-поштом свим примаоцима.');
  });

  it('says it in Albanian to a member who reads it', async () => {
    h = await startSlackHarness();
    expect(h.app.run(`/members language ${USERS.kas.email} sq`).status).toBe('accepted');
    longMessageToKas();
    await h.sender.drain();
    expect(noteOfThePost()).toBe('… pjesa tjetër e këtij mesazhi nuk shfaqet këtu: i gjithë mesazhi iu dërgua me e-mail çdo marrësi.');
  });

  it('says it in English to a member who reads English', async () => {
    h = await startSlackHarness();
    longMessageToKas();
    await h.sender.drain();
    expect(noteOfThePost()).toBe('… the rest of this message is not shown here: the whole message went to every recipient by e-mail.');
  });
});
