import { REST, type RESTOptions } from 'discord.js';

/** Discord's REST base (what discord.js calls `rest.api`); `DISCORD_API_URL` points it elsewhere. */
export const DEFAULT_API_URL = 'https://discord.com/api';

/**
 * The REST options of every Discord client the bot makes. No hidden retries: a failed or
 * rate-limited request comes back as an error (a 429 as `RateLimitError` with its retry-after),
 * so the outbox is the one place that retries and nothing is posted twice.
 */
export function restOptions(apiUrl: string | undefined): Partial<RESTOptions> {
  // discord.js appends `/v10/...`: a base given with a trailing slash would double it.
  return { api: (apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, ''), retries: 0, rejectOnRateLimit: () => true, timeout: 20_000 };
}

export function createRest(token: string, apiUrl: string | undefined): REST {
  return new REST(restOptions(apiUrl)).setToken(token);
}
