import { DiscordAPIError, Routes, type RESTPutAPIApplicationGuildCommandsResult } from 'discord.js';
import { loadConfig } from '../../src/config';
import { buildRegistry } from '../../src/use-cases/index';
import { discordCommands } from './command-payload';
import { createRest } from './rest';

export interface RegisterIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** The `.env` file read under the environment (default `.env`; '' for none). */
  envFile?: string;
}

/**
 * `npm run discord:register`: replaces the guild commands of DISCORD_APPLICATION_ID in
 * DISCORD_GUILD_ID with the ones generated from the command registry (one PUT, so commands that
 * no longer exist disappear). Guild commands are available at once; global ones take up to an hour.
 * Exit code 0 registered, 1 not.
 */
export async function registerMain(io: RegisterIo): Promise<number> {
  const loaded = loadConfig(io.env, io.envFile ?? '.env');
  if (!loaded.ok) {
    io.stderr(`${loaded.problems.join('\n')}\n`);
    return 1;
  }
  const { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: application, DISCORD_GUILD_ID: guild, DISCORD_API_URL: api } = loaded.config;
  if (!token || !application || !guild) {
    io.stderr('Set DISCORD_TOKEN, DISCORD_APPLICATION_ID and DISCORD_GUILD_ID (in the environment or .env) to register the Discord commands; the README says where to find them.\n');
    return 1;
  }
  const body = discordCommands(buildRegistry());
  try {
    const rest = createRest(token, api);
    const registered = (await rest.put(Routes.applicationGuildCommands(application, guild), { body })) as RESTPutAPIApplicationGuildCommandsResult;
    io.stdout(`Registered ${registered.length} Discord commands in server ${guild}: ${registered.map((c) => `/${c.name}`).join(', ')}.\n`);
    return 0;
  } catch (err) {
    const why = err instanceof DiscordAPIError ? `Discord answered ${err.status}: ${err.message}` : err instanceof Error ? err.message : String(err);
    io.stderr(`The Discord commands could not be registered (${why}). Check DISCORD_TOKEN, DISCORD_APPLICATION_ID, and that the bot was invited to server ${guild} with the applications.commands scope.\n`);
    return 1;
  }
}
