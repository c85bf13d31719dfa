import { afterEach, describe, expect, it } from 'vitest';
import { encodeIntent, voteIntent } from '../../../src/chat/intent';
import { waitFor, type Args } from './fake-slack';
import { USERS, buttonClick, startSlackHarness, type SlackHarness } from './slack-harness';

let h: SlackHarness;
afterEach(async () => h?.close());

/** Opens the App Home as `userId` and returns the blocks published. */
async function openHome(userId: string): Promise<Args[]> {
  await h.event({ type: 'app_home_opened', user: userId, channel: `D${userId}`, tab: 'home', event_ts: `${Date.now() / 1000}` });
  const publish = await waitFor(() => h.fake.callsTo('views.publish').find((c) => c.args.user_id === userId));
  return publish.args.view.blocks as Args[];
}

const CYRILLIC_TITLES = ['*Отворени захтеви за одобрење*', '*Предстојећи састанци*', '*Отворени задаци*', '*Профилисање*'];
const ENGLISH_TITLES = ['*Open endorsements*', '*Upcoming meetings*', '*Open action items*', '*The exercise*'];

describe("Slack's own words, in the member's language from the core", () => {
  it('draws the App Home of a member who reads Serbian Cyrillic with a Cyrillic header, titles and hint', async () => {
    h = await startSlackHarness();
    expect(h.app.run('/members language focal@kas.example.org sr-Cyrl').status).toBe('accepted');
    expect(h.app.run('/endorse open PWG Terms of Reference').status).toBe('accepted');
    const blocks = await openHome(USERS.kas.id);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Шта чека на вас' } });
    const titles = blocks.filter((b) => b.type === 'section' && /^\*.*\*$/.test(b.text.text)).map((b) => b.text.text as string);
    expect(titles).toContain('*Отворени захтеви за одобрење*');
    expect(titles.every((t) => CYRILLIC_TITLES.includes(t))).toBe(true);
    const shown = JSON.stringify(blocks);
    for (const english of [...ENGLISH_TITLES, 'What needs you', 'to read it all']) expect(shown).not.toContain(english);
    expect(blocks.at(-1)).toMatchObject({
      type: 'context',
      elements: [{ text: 'Откуцајте /convene у било ком каналу да видите команде. Свака команда овде ради као у конзоли.' }],
    });
  });

  it('draws the App Home of a member without a language of their own in English, as before', async () => {
    h = await startSlackHarness();
    const blocks = await openHome(USERS.kas.id);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'What needs you' } });
    const titles = blocks.filter((b) => b.type === 'section' && /^\*.*\*$/.test(b.text.text)).map((b) => b.text.text as string);
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((t) => ENGLISH_TITLES.includes(t))).toBe(true);
    expect(blocks.at(-1)).toMatchObject({ elements: [{ text: 'Type /convene in any channel for the commands. Every command works here as in the console.' }] });
  });

  it('answers an Albanian member who presses a button it does not know in Albanian, running nothing', async () => {
    h = await startSlackHarness();
    expect(h.app.run('/members language focal@kas.example.org sq').status).toBe('accepted');
    const click = buttonClick({ userId: USERS.kas.id, value: 'cv9|endorse vote|id=E1', responseId: 'unknown-sq', fake: h.fake });
    expect((await h.interact(click)).status).toBe(200);
    const reply = await h.reply('unknown-sq');
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe('Ky version i Convene nuk e njeh këtë buton. Shkruani komandën; /convene i tregon të gjitha komandat.');
    expect(h.seen).toHaveLength(0);
  });

  it('answers someone it cannot identify in the language of the only exercise, and in English otherwise', async () => {
    h = await startSlackHarness();
    // Two different buttons: the same one pressed again soon after is one click.
    const press = async (id: string) => {
      await h.interact(buttonClick({ userId: USERS.stranger.id, value: `not-ours-${id}`, responseId: id, fake: h.fake }));
      return (await h.reply(id)).text as string;
    };
    expect(await press('stranger-en')).toBe('This button is not one this version of Convene knows. Type the command instead; /convene lists them.');
    expect(h.app.run('/exercise language sr-Latn').status).toBe('accepted');
    expect(await press('stranger-sr')).toBe('Ova verzija programa Convene ne poznaje ovo dugme. Otkucajte komandu; /convene ih navodi.');
  });

  it("opens the objection form of an Albanian member in Albanian, keeping Object, the command word", async () => {
    h = await startSlackHarness();
    expect(h.app.run('/members language focal@kas.example.org sq').status).toBe('accepted');
    expect(h.app.run('/endorse open PWG Terms of Reference').status).toBe('accepted');
    await h.interact(buttonClick({ userId: USERS.kas.id, value: encodeIntent(voteIntent('E1', 'object')), fake: h.fake }));
    const view = (await waitFor(() => h.fake.callsTo('views.open')[0])).args.view as Args;
    expect([view.title.text, view.submit.text, view.close.text]).toEqual(['Object', 'Object', 'Anulo']);
    expect(view.blocks[0].text.text).toBe('Organizata juaj kundërshton E1.');
    expect(view.blocks[1]).toMatchObject({ type: 'input', block_id: 'reason', label: { text: 'Pse kundërshton organizata juaj?' } });
  });

  it('opens the schedule form of a coordinator who reads Serbian Latin in Serbian, with the groups by name', async () => {
    h = await startSlackHarness();
    expect(h.app.run('/members language me sr-Latn').status).toBe('accepted');
    await h.slash(USERS.coordinator.id, '/meeting', 'schedule');
    const view = (await waitFor(() => h.fake.callsTo('views.open')[0])).args.view as Args;
    expect([view.title.text, view.submit.text, view.close.text]).toEqual(['Zakažite sastanak', 'Zakaži', 'Otkaži']);
    const labels = (view.blocks as Args[]).map((b) => b.label.text);
    expect(labels.slice(0, 4)).toEqual(['Grupa', 'Datum', 'Vreme početka', 'Naslov']);
    expect(view.blocks[0].element.options.map((o: Args) => o.text.text)).toEqual(['PWG: Radna grupa za profilisanje', 'PMG: Upravljačka grupa za profilisanje']);
    expect(view.blocks[1].hint.text).toBe('U vremenskoj zoni profilisanja.');
  });
});
