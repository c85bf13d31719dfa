import { ApplicationCommandOptionType, type APIApplicationCommandOption } from 'discord.js';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordCommands, type GuildSlashCommand } from '../../../adapters/discord/command-payload';
import { registerMain } from '../../../adapters/discord/register';
import { CHOICES, DOCUMENT_KINDS, GROUPS, MILESTONES, RULES } from '../../../src/domain/vocabulary';
import { buildRegistry } from '../../../src/use-cases/index';
import { Registry, accepted, defineCommand, usageOf } from '../../../src/commands/registry';
import { z } from 'zod';
import { ROOT } from '../../helpers/app';
import { APPLICATION_ID, FakeDiscord, GUILD_ID } from './fake-discord';

const payload = discordCommands(buildRegistry());

/** One line per command: `/meeting schedule group*=PWG|PMG date* ...`; `*` required, `?` autocomplete, `!` boolean. */
function summary(commands: GuildSlashCommand[]): string[] {
  const option = (o: APIApplicationCommandOption): string => {
    const required = 'required' in o && o.required ? '*' : '';
    const auto = 'autocomplete' in o && o.autocomplete ? '?' : '';
    const bool = o.type === ApplicationCommandOptionType.Boolean ? '!' : '';
    const choices = 'choices' in o && o.choices ? `=${o.choices.map((c) => c.value).join('|')}` : '';
    return `${o.name}${required}${auto}${bool}${choices}`;
  };
  return commands.flatMap((c) => {
    const options = c.options ?? [];
    if (!options.some((o) => o.type === ApplicationCommandOptionType.Subcommand)) return [`/${c.name} ${options.map(option).join(' ')}`.trim()];
    return options.map((s) => `/${c.name} ${s.name} ${('options' in s ? s.options ?? [] : []).map((o) => option(o as APIApplicationCommandOption)).join(' ')}`.trim());
  });
}

describe('Discord command registration', () => {
  // A command added to the registry changes this snapshot on purpose: check how it reads in Discord,
  // then accept it with `npx vitest run test/adapters/discord/register.test.ts -u`.
  it('is generated from the registry: names, options, choices', () => {
    expect(payload.map((c) => c.name)).toEqual(['convene', 'meeting', 'endorse', 'minutes', 'members', 'exercise']);
    expect(summary(payload)).toMatchSnapshot();
  });

  it('takes its choices from the TOR vocabularies of src/domain', () => {
    const choices = (command: string, sub: string, option: string) => {
      const c = payload.find((x) => x.name === command)!;
      const s = c.options!.find((o) => o.name === sub) as { options: { name: string; choices?: { value: string }[] }[] };
      return s.options.find((o) => o.name === option)!.choices!.map((x) => x.value);
    };
    expect(choices('meeting', 'schedule', 'group')).toEqual([...GROUPS]);
    expect(choices('meeting', 'schedule', 'milestone')).toEqual([...MILESTONES]);
    expect(choices('endorse', 'open', 'document')).toEqual([...DOCUMENT_KINDS]);
    expect(choices('endorse', 'open', 'rule')).toEqual([...RULES]);
    expect(choices('endorse', 'vote', 'choice')).toEqual([...CHOICES]);
    expect(choices('exercise', 'channel', 'group')).toEqual([...GROUPS]);
  });

  it('takes its choices from the lists the registry gives, never from the usage text', () => {
    const sample = defineCommand({
      path: 'sample',
      params: [{ name: 'word', hint: 'yes|no' }, { name: 'group', choices: GROUPS }],
      options: { rule: `<${RULES.join('|')}>`, kind: '<a|b>' },
      optionChoices: { rule: RULES },
      schema: z.object({}),
      summary: 'A sample.',
      access: 'anyone',
      changes: false,
      run: () => accepted(''),
    });
    const [command] = discordCommands(new Registry([sample]));
    const choices = Object.fromEntries((command!.options ?? []).map((o) => [o.name, 'choices' in o ? o.choices?.map((c) => c.value) : undefined]));
    expect(choices).toEqual({ word: undefined, group: [...GROUPS], rule: [...RULES], kind: undefined });
    expect(usageOf(sample)).toBe(`/sample <yes|no> <${GROUPS.join('|')}> [rule:<${RULES.join('|')}>] [kind:<a|b>]`);
  });

  it('offers every id param as you type: each says what it looks up', () => {
    const ids = buildRegistry().all().flatMap((d) => d.params.filter((p) => /(^|-)id$/.test(p.name)).map((p) => ({ command: d.path, param: p.name, lookup: p.lookup })));
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.filter((i) => i.lookup === undefined)).toEqual([]);
  });

  it('offers an id option as you type too: meeting: of /endorse open', () => {
    const ids = buildRegistry().all().flatMap((d) =>
      Object.entries(d.options ?? {}).filter(([, hint]) => hint === '<id>').map(([key]) => ({ command: d.path, key, lookup: d.optionLookups?.[key] })));
    expect(ids).toEqual([{ command: 'endorse open', key: 'meeting', lookup: 'meeting' }]);
    const open = payload.find((c) => c.name === 'endorse')!.options!.find((o) => o.name === 'open') as { options: { name: string; autocomplete?: boolean }[] };
    expect(open.options.find((o) => o.name === 'meeting')!.autocomplete).toBe(true);
  });

  it('keeps within what Discord accepts', () => {
    const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;
    const check = (o: { name: string; description: string; options?: APIApplicationCommandOption[] }, depth: number) => {
      expect(o.name).toMatch(NAME);
      expect(o.description.length).toBeGreaterThan(0);
      expect(o.description.length).toBeLessThanOrEqual(100);
      const options = o.options ?? [];
      expect(options.length).toBeLessThanOrEqual(25);
      const required = options.map((x) => 'required' in x && x.required === true);
      // Discord refuses a required option after an optional one.
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
      for (const x of options) {
        if ('choices' in x && x.choices) expect(x.choices.length).toBeLessThanOrEqual(25);
        if (depth < 1 && x.type === ApplicationCommandOptionType.Subcommand) check(x as never, depth + 1);
        else check(x as never, 2);
      }
    };
    // Discord's limit on a whole command: 4,000 characters of names, descriptions and choice names and values.
    const size = (o: Record<string, unknown>): number =>
      String(o['name'] ?? '').length + String(o['description'] ?? '').length +
      ((o['choices'] as { name: string; value: string }[] | undefined) ?? []).reduce((n, c) => n + c.name.length + c.value.length, 0) +
      ((o['options'] as Record<string, unknown>[] | undefined) ?? []).reduce((n, x) => n + size(x), 0);
    for (const c of payload) {
      check(c as never, 0);
      expect(size(c as never)).toBeLessThanOrEqual(4000);
    }
  });

  it('lets /meeting schedule be given without options, so it can open the form', () => {
    const meeting = payload.find((c) => c.name === 'meeting')!;
    const schedule = meeting.options!.find((o) => o.name === 'schedule') as { options: { required?: boolean }[] };
    expect(schedule.options.length).toBeGreaterThan(4);
    expect(schedule.options.every((o) => !o.required)).toBe(true);
  });

  describe('npm run discord:register', () => {
    let fake: FakeDiscord;
    beforeAll(async () => {
      fake = await FakeDiscord.start();
    });
    afterAll(() => fake.close());

    const run = async (env: Record<string, string>) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await registerMain({ stdout: (t) => out.push(t), stderr: (t) => err.push(t), env, envFile: '' });
      return { code, out: out.join(''), err: err.join('') };
    };

    it('replaces the guild commands with one PUT over REST', async () => {
      const r = await run({ DISCORD_TOKEN: 'bot-token', DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_GUILD_ID: GUILD_ID, DISCORD_API_URL: fake.api });
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain('Registered 6 Discord commands');
      const puts = fake.callsTo('PUT', new RegExp(`^/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands$`));
      expect(puts).toHaveLength(1);
      expect(puts[0]!.body).toEqual(JSON.parse(JSON.stringify(payload)));
    });

    it('runs as npm run discord:register does: the compiled script, in its own process', async () => {
      const before = fake.callsTo('PUT', /commands$/).length;
      const env = { ...process.env, DISCORD_TOKEN: 'bot-token', DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_GUILD_ID: GUILD_ID, DISCORD_API_URL: fake.api };
      const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, [join(ROOT, 'dist', 'discord-register.mjs')], { env, cwd: mkdtempSync(join(tmpdir(), 'convene-register-')) });
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (out += c.toString()));
        child.on('close', (code) => resolve({ code, out }));
      });
      expect(r.out).toContain('Registered 6 Discord commands');
      expect(r.code).toBe(0);
      expect(fake.callsTo('PUT', /commands$/)).toHaveLength(before + 1);
    });

    it('says which variables are missing, and registers nothing', async () => {
      const before = fake.calls.length;
      const r = await run({ DISCORD_TOKEN: 'bot-token', DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: fake.api });
      expect(r.code).toBe(1);
      expect(r.err).toContain('DISCORD_GUILD_ID');
      expect(fake.calls.length).toBe(before);
    });

    it('explains a refusal by Discord in one sentence', async () => {
      fake.failNext('PUT', /commands$/, { status: 403, body: { code: 50001, message: 'Missing Access' } });
      const r = await run({ DISCORD_TOKEN: 'bot-token', DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_GUILD_ID: GUILD_ID, DISCORD_API_URL: fake.api });
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/could not be registered \(Discord answered 403: Missing Access\)/);
      expect(r.err).not.toMatch(/\n\s+at /);
    });
  });
});
