import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MESSAGE_BLOCKS, SECTION_LIMIT, decodeSlackText, leftOut, messageBlocks, replyBlocks, replyRoom, splitEscaped, truncateEscaped } from '../../../adapters/slack/blocks';
import { SLASH_COMMANDS, commandLine } from '../../../adapters/slack/commands';
import { SlackAdapter } from '../../../adapters/slack/slack-adapter';
import { silentLogger } from '../../../src/logger';
import { SCHEDULE_FORM, formIntent, inputOfRefusal } from '../../../src/chat/forms';
import { decodeIntent, intentCommand } from '../../../src/chat/intent';
import { quoteWord as quoted } from '../../../src/commands/format';
import { buildRegistry } from '../../../src/use-cases/index';
import { createTestApp } from '../../helpers/app';

const registry = buildRegistry();
/** A button's value read by src/, in the terms these tests were first written in. */
function buttonIntent(value: string) {
  const intent = decodeIntent(value);
  if (!intent) return { kind: 'unknown' };
  return intent.needsReason ? { kind: 'objection', request: intent.args['id'] } : { kind: 'command', text: intentCommand(registry, intent) };
}
const scheduleCommand = (values: Record<string, string>) => intentCommand(registry, formIntent(SCHEDULE_FORM, values)) ?? '';
import { parseCommand } from '../../../src/commands/parse';
import { tokenize } from '../../../src/commands/tokenize';
import { ROOT } from '../../helpers/app';

type Section = { type: string; text?: { text: string } };

describe('Slack text: escaping, splitting and limits', () => {
  it('splits a long reply into sections within 3,000 characters, at line breaks, without cutting an entity', () => {
    const line = `${'a'.repeat(40)} <b> & c\n`;
    const { blocks, text } = replyBlocks(line.repeat(300));
    expect(blocks.length).toBeGreaterThan(3);
    for (const b of blocks as Section[]) {
      expect(b.text!.text.length).toBeLessThanOrEqual(SECTION_LIMIT);
      expect(b.text!.text).not.toMatch(/&(?:a|am|amp|l|lt|g|gt)?$/);
      expect(b.text!.text).not.toMatch(/^(?:mp|p|t)?;/);
    }
    const escaped = line.repeat(300).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect((blocks as Section[]).map((b) => b.text!.text).join('\n').trimEnd()).toBe(escaped.trimEnd());
    expect(text.length).toBeLessThanOrEqual(3001);
  });

  it('never splits inside an entity or a surrogate pair, even without spaces', () => {
    for (const unit of ['&', '<', '😀', 'x&']) {
      const escaped = unit.repeat(2000).replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const pieces = splitEscaped(escaped, 100);
      expect(pieces.join('')).toBe(escaped);
      for (const p of pieces) {
        expect(p.length).toBeLessThanOrEqual(100);
        expect(p).not.toMatch(/&[a-z]*$/);
        expect(p.charCodeAt(p.length - 1) >= 0xd800 && p.charCodeAt(p.length - 1) <= 0xdbff).toBe(false);
      }
    }
  });

  it("cuts a reply longer than a message with the core's sentence, and counts what it leaves out as before", () => {
    const reply = `${'word '.repeat(599)}\n`.repeat(60);
    const left = leftOut(reply, replyRoom());
    expect(left).toBeGreaterThan(0);
    expect(leftOut('short', replyRoom())).toBe(0);
    const english = replyBlocks(reply).blocks;
    expect(JSON.stringify(english.at(-1))).toContain(`… ${left} more characters are not shown here: the reply is too long for one Slack message`);
    const { blocks } = replyBlocks(reply, [], '… још 9000 знакова се овде не приказује: <одговор>');
    expect(blocks).toHaveLength(MESSAGE_BLOCKS);
    expect(blocks.at(-1)).toMatchObject({ type: 'context', elements: [{ text: '… још 9000 знакова се овде не приказује: &lt;одговор&gt;' }] });
  });

  it('keeps a message within 50 blocks and says how much was left out', () => {
    const { blocks } = messageBlocks({ subject: 'Minutes', text: `${'word '.repeat(599)}\n`.repeat(60), actions: [{ id: 'a', label: 'A', value: 'E1:endorse' }] });
    expect(blocks).toHaveLength(MESSAGE_BLOCKS);
    expect(blocks[0]!.type).toBe('header');
    expect(blocks.at(-1)!.type).toBe('actions');
    expect(JSON.stringify(blocks.at(-2))).toMatch(/more characters are not shown here: the whole message went to every recipient by e-mail/);
  });

  it('shortens a long subject to the 150 characters of a header', () => {
    const { blocks } = messageBlocks({ subject: '&'.repeat(200), text: 'x' });
    const header = (blocks[0] as { text: { text: string } }).text.text;
    expect(header.length).toBeLessThanOrEqual(150);
    expect(header.endsWith('&amp;…')).toBe(true);
    expect(truncateEscaped('short', 150)).toBe('short');
  });

  it('decodes what Slack encodes in command text', () => {
    expect(decodeSlackText('&lt;!channel&gt; &amp;lt; &amp; x')).toBe('<!channel> &lt; & x');
  });
});

describe('Slack requests as command lines of the grammar', () => {
  it('maps each slash command onto the grammar; /convene is the help', () => {
    expect(commandLine('/members', 'list PMG')).toBe('/members list PMG');
    expect(commandLine('/convene', '')).toBe('/help');
    expect(commandLine('/convene', 'members add-focal')).toBe('/help members add-focal');
    const topics = buildRegistry().topics();
    for (const c of SLASH_COMMANDS) expect(topics).toContain(c === '/convene' ? 'help' : c.slice(1));
  });

  it('reads vote buttons in both forms and nothing else', () => {
    expect(buttonIntent('E3:endorse')).toEqual({ kind: 'command', text: '/endorse vote E3 endorse' });
    expect(buttonIntent('/endorse vote E12 abstain')).toEqual({ kind: 'command', text: '/endorse vote E12 abstain' });
    expect(buttonIntent('e3:OBJECT')).toEqual({ kind: 'objection', request: 'E3' });
    for (const v of ['E3:endorse UNHCR', 'UNHCR:endorse', '/endorse vote E3 endorse; /members role x coordinator', 'E3:', '']) {
      expect(buttonIntent(v)).toEqual({ kind: 'unknown' });
    }
  });

  it('quotes free text so the tokenizer gives it back unchanged (curly quotes become straight)', () => {
    for (const text of ['plain', 'say "no" \\ then', 'two\nlines', 'ends with \\', 'key:value inside', '“curly” „low']) {
      const t = tokenize(`/endorse vote E1 object ${quoted(text)}`);
      expect(t.ok).toBe(true);
      if (t.ok) expect(t.tokens.slice(4).map((x) => x.text)).toEqual([text.replace(/[“”]/g, '"')]);
    }
  });

  it('builds the schedule command from the form, quoting what a person typed', () => {
    const line = scheduleCommand({ group: 'PMG', date: '2026-12-10', time: '09:30', title: 'Tools "v2" review', where: 'Room 1', urgent: 'Donor visit' });
    expect(line).toBe('/meeting schedule PMG 2026-12-10 09:30 "Tools \\"v2\\" review" where:"Room 1" urgent:"Donor visit"');
    const parsed = parseCommand(buildRegistry(), line);
    expect(parsed.ok).toBe(true);
    // A value that is not one bare word is quoted and left to the core to refuse.
    expect(scheduleCommand({ group: 'PWG urgent:x', date: '2026-12-10', time: '09:30', title: 't' })).toContain('"PWG urgent:x"');
  });

  it('shows a refusal on the field it names, or on the first one', () => {
    const app = createTestApp();
    const on = (line: string, as?: string) => {
      const outcome = app.run(line, as);
      expect(outcome.status).toBe('refused');
      return inputOfRefusal(SCHEDULE_FORM.inputs, outcome);
    };
    try {
      expect(on('/meeting schedule PWG 2026-11-25 14:00 T')).toBe('date'); // its notice deadline has passed
      expect(on('/meeting schedule PWG 2027-03-28 02:30 T')).toBe('time'); // the clocks go forward
      expect(on('/meeting schedule PWG 2026-12-10 14:00 T urgent:""')).toBe('urgent');
      expect(on(`/meeting schedule PWG 2026-12-10 14:00 ${'t'.repeat(300)}`)).toBe('title');
      expect(on('/meeting schedule PWG 2026-12-10 14:00 T duration:x')).toBe('duration');
      expect(on('/meeting schedule PWG 2026-12-10 14:00 T milestone:x')).toBe('milestone');
      expect(on('/meeting schedule PWG 2026-12-10 14:00 T', 'focal@kas.example.org')).toBe('group');
    } finally {
      app.close();
    }
  });
});

describe('the Slack transport', () => {
  it('uses Socket Mode when an app token is given, HTTP otherwise, and needs one of the two', () => {
    expect(new SlackAdapter({ botToken: 'xoxb-1', appToken: 'xapp-1', port: 3000, logger: silentLogger }).mode).toBe('socket');
    expect(new SlackAdapter({ botToken: 'xoxb-1', signingSecret: 's', port: 3000, logger: silentLogger }).mode).toBe('http');
    expect(() => new SlackAdapter({ botToken: 'xoxb-1', port: 3000, logger: silentLogger })).toThrow(/SLACK_SIGNING_SECRET/);
  });
});

describe('the Slack app manifest', () => {
  const manifest = readFileSync(join(ROOT, 'adapters', 'slack', 'manifest.yml'), 'utf8');

  it('declares exactly the slash commands the adapter serves, all on /slack/events', () => {
    expect([...manifest.matchAll(/- command: (\/\w+)/g)].map((m) => m[1])).toEqual([...SLASH_COMMANDS]);
    const urls = [...manifest.matchAll(/(?:url|request_url): (\S+)/g)].map((m) => m[1]);
    expect(new Set(urls)).toEqual(new Set(['https://convene.example.org/slack/events']));
  });

  it('asks for the minimum scopes, with interactivity and the App Home', () => {
    const scopes = /bot:\n((?:\s+(?:#.*|- \S+)\n)+)/.exec(manifest)![1]!.replace(/#.*$/gm, '').match(/[a-z.:_]+/g);
    expect(scopes).toEqual(['commands', 'chat:write', 'users:read', 'users:read.email']);
    expect(manifest).toMatch(/bot_events:\n\s+- app_home_opened\n/);
    expect(manifest).toMatch(/home_tab_enabled: true/);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
  });
});
