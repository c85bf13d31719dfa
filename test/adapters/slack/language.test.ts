import { afterEach, describe, expect, it } from 'vitest';
import { snapshot } from '../../helpers/app';
import { USERS, startSlackHarness, type SlackHarness } from './slack-harness';

let h: SlackHarness;
afterEach(async () => h?.close());

describe('Slack answers in the member language, the adapter knowing none', () => {
  it("shows a focal point who reads Serbian Cyrillic the core's refusals ephemerally, in Cyrillic, and changes nothing", async () => {
    h = await startSlackHarness();
    h.app.run('/members language focal@kas.example.org sr-Cyrl');
    await h.reply((await h.slash(USERS.kas.id, '/members', 'list')).trigger); // linked on first use
    const before = snapshot(h.app.db);
    const role = await h.reply((await h.slash(USERS.kas.id, '/members', 'add-org XYZ Some Organisation')).trigger);
    expect(role.response_type).toBe('ephemeral');
    expect(role.text).toBe('Само координатор профилисања може да користи /members add-org; ви сте контакт особа.');
    // A line the grammar refuses is answered in the same language, naming the help as Slack offers it.
    const grammar = await h.reply((await h.slash(USERS.kas.id, '/endorse', 'vot E1 endorse')).trigger);
    expect(grammar.response_type).toBe('ephemeral');
    expect(grammar.text).toBe('/endorse нема „vot“ (да ли сте мислили на /endorse vote?); има: open, vote, proxy, status, close, list. Откуцајте /convene endorse за детаље.');
    expect(snapshot(h.app.db)).toBe(before);
  });
});
