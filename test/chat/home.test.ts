import { describe, expect, it } from 'vitest';
import { textBlocks } from '../../adapters/slack/blocks';
import { HOME_SECTIONS, homeOf } from '../../src/chat/home';
import type { CommandOutcome } from '../../src/core/ports';
import { sayIn } from '../../src/i18n/say';

const accepted = (reply: string): CommandOutcome => ({ status: 'accepted', reply, audience: 'person' });
const refused = (reply: string, code: 'forbidden' | 'not-available' = 'forbidden'): CommandOutcome => ({ status: 'refused', code, reply, audience: 'person' });

describe('the App Home as the core says it (homeOf)', () => {
  it('titles the sections it shows in the reader words, and says where to read a section cut short', () => {
    const outcomes = HOME_SECTIONS.map((section, i) => ({ section, outcome: i === 1 ? refused('no') : accepted(`reply ${i}`) }));
    const home = homeOf(outcomes, sayIn('sr-Cyrl'), '/convene');
    expect(home.header).toBe('Шта чека на вас');
    expect(home.sections.map((s) => s.title)).toEqual(['Отворени захтеви за одобрење', 'Отворени задаци', 'Профилисање']);
    expect(home.sections[2]!.more).toBe('… остатак се овде не приказује: откуцајте /exercise status да прочитате све.');
    expect(home.empty).toBeUndefined();
    // Slack puts the sentence as it is where it cuts the reply.
    const blocks = textBlocks('x'.repeat(2999) + '\n' + 'y'.repeat(2999) + '\n' + 'z'.repeat(2999), 2, { note: home.sections[2]!.more });
    expect(blocks).toHaveLength(2);
    expect(blocks[1]).toMatchObject({ type: 'context', elements: [{ text: home.sections[2]!.more }] });
  });

  it('tells why when every section is refused alike, and that nothing needs them otherwise', () => {
    const alike = homeOf(HOME_SECTIONS.map((section) => ({ section, outcome: refused('Not linked.') })), sayIn('sq'), '/convene');
    expect([alike.sections, alike.empty]).toEqual([[], 'Not linked.']);
    const unavailable = homeOf(HOME_SECTIONS.map((section) => ({ section, outcome: refused('Later.', 'not-available') })), sayIn('sq'), '/convene');
    expect(unavailable.empty).toBe('Tani për tani asgjë nuk kërkon vëmendjen tuaj.');
    expect(unavailable.hint).toBe('Shkruani /convene në çdo kanal për të parë komandat. Çdo komandë funksionon këtu si në konsolë.');
  });
});
