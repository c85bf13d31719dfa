import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERAL, USERS, click, slash, startDiscordHarness, waitFor, type DiscordHarness } from './discord-harness';

const EPHEMERAL = 64;

let h: DiscordHarness;
beforeEach(async () => {
  h = await startDiscordHarness();
});
afterEach(() => h.close());

/** The first answer to an interaction: its text, and whether only the person sees it. */
async function firstAnswer(token: string): Promise<{ content: string; ephemeral: boolean }> {
  const reply = await waitFor(() => h.answers(token)[0]);
  expect(reply.body.type).toBe(4);
  return { content: String(reply.body.data.content), ephemeral: reply.body.data.flags === EPHEMERAL };
}

describe("Discord's own words, in the member's language from the core", () => {
  it('answers an Albanian member who presses a button it does not know in Albanian, running nothing', async () => {
    expect(h.app.run('/members language focal@kas.example.org sq').status).toBe('accepted');
    const { token } = click(h, USERS.kas.id, 'cv9|endorse vote|id=E1', GENERAL);
    expect(await firstAnswer(token)).toEqual({
      content: 'Ky version i Convene nuk e njeh këtë buton. Shkruani komandën; /convene i tregon të gjitha komandat.',
      ephemeral: true,
    });
    expect(h.seen).toHaveLength(0);
  });

  it('keeps the English sentence for a member who reads English', async () => {
    const { token } = click(h, USERS.kas.id, 'cv9|endorse vote|id=E1', GENERAL);
    expect((await firstAnswer(token)).content).toBe('This button is not one this version of Convene knows. Type the command instead; /convene lists them.');
  });

  it('declines another server in the Serbian of a member who reads it', async () => {
    expect(h.app.run('/members language focal@kas.example.org sr-Cyrl').status).toBe('accepted');
    const { token } = h.interact(USERS.kas.id, 2, slash('meeting', 'list', {}), { guild_id: '1200000000000000099' });
    expect((await firstAnswer(token)).content).toBe('Convene одговара само на Discord серверу за који је подешен; користите га тамо.');
    expect(h.seen).toHaveLength(0);
  });

  it('says what is missing from a slash command, and that a command is stale, in Serbian Latin', async () => {
    expect(h.app.run('/members language focal@kas.example.org sr-Latn').status).toBe('accepted');
    const order = h.interact(USERS.kas.id, 2, slash('meeting', 'schedule', { date: '2026-12-10', time: '10:00', title: 'Agree the TOR' }));
    const refusal = (await firstAnswer(order.token)).content;
    expect(refusal).toMatch(/^Navedite i group:, uz date:\. Upotreba: \/meeting schedule/);
    // The option and choice words are Discord's grammar; the words describing a value are the member's (Discord's markdown escapes aside).
    expect(refusal.replace(/\\/g, '')).toContain('/meeting schedule <PWG|PMG> <datum> <vreme> <naslov...> [milestone:<tor|methodology|findings|report>]');
    expect(refusal.replace(/\\/g, '')).toContain('[duration:<minuti>] [urgent:"<razlog>"]');
    const stale = h.interact(USERS.kas.id, 2, slash('meeting', 'reschedule', {}));
    expect((await firstAnswer(stale.token)).content).toBe(
      'Ovaj server poznaje /meeting iz starije verzije programa Convene; onaj ko pokreće bota ponovo registruje komande sa npm run discord:register.',
    );
    expect(h.seen).toHaveLength(0);
  });

  it('answers someone it cannot identify in the language of the only exercise', async () => {
    expect(h.app.run('/exercise language sq').status).toBe('accepted');
    const { token } = click(h, USERS.stranger.id, 'not-ours', GENERAL);
    expect((await firstAnswer(token)).content).toBe('Ky version i Convene nuk e njeh këtë buton. Shkruani komandën; /convene i tregon të gjitha komandat.');
  });

  it('draws the schedule modal in Serbian Cyrillic, and names the input a refusal is about in the same words', async () => {
    expect(h.app.run('/members language me sr-Cyrl').status).toBe('accepted');
    const open = h.interact(USERS.coordinator.id, 2, slash('meeting', 'schedule', {}));
    const shown = (await waitFor(() => h.answers(open.token)[0]))!.body;
    expect(shown.type).toBe(9);
    expect(shown.data.title).toBe('Закажите састанак');
    expect(shown.data.components.map((c: { label: string }) => c.label).slice(0, 4)).toEqual(['Група', 'Датум', 'Време почетка', 'Наслов']);
    const value = (custom_id: string, v: string) =>
      custom_id === 'group' ? { type: 18, component: { type: 3, custom_id, values: [v] } } : { type: 18, component: { type: 4, custom_id, value: v } };
    const submit = h.interact(USERS.coordinator.id, 5, {
      custom_id: shown.data.custom_id,
      components: [value('group', 'PWG'), value('date', '2026-02-30'), value('time', '10:00'), value('title', 'Agree the TOR')],
    });
    const edit = await waitFor(() => h.answers(submit.token)[1]);
    expect(String(edit.body.content)).toMatch(/^Датум: /);
  });

  it("offers an Albanian member the requests and action items as they type an id, the words around them in Albanian", async () => {
    expect(h.app.run('/members language focal@kas.example.org sq').status).toBe('accepted');
    expect(h.app.run('/endorse open PWG Terms of Reference').status).toBe('accepted');
    const data = { id: '1', name: 'endorse', type: 1, options: [{ type: 1, name: 'status', options: [{ type: 3, name: 'id', value: '', focused: true }] }] };
    const { token } = h.interact(USERS.kas.id, 4, data);
    const offered = (await waitFor(() => h.answers(token)[0]))!.body;
    expect(offered.data.choices).toEqual([{ name: 'E1 PWG e hapur Terms of Reference', value: 'E1' }]);
    // The coordinator, who reads English, sees them as before.
    const english = h.interact(USERS.coordinator.id, 4, data);
    expect((await waitFor(() => h.answers(english.token)[0]))!.body.data.choices).toEqual([{ name: 'E1 PWG open Terms of Reference', value: 'E1' }]);
  });
});

