import type { webApi } from '@slack/bolt';
import type { Clock } from '../../src/clock';
import type { Logger } from '../../src/logger';

const DEFAULT_TTL_MS = 10 * 60_000;

interface Entry {
  email: Promise<string | undefined>;
  until: number;
}

/**
 * The e-mail Slack reports for a user (`users.info` → `profile.email`, scope `users:read.email`),
 * cached for a while: the core links a Slack user to the member with that address on first use.
 * A user Slack does not know, or without an address, is cached as "no e-mail"; a failed lookup
 * is not cached, and the command goes on without an e-mail (a user linked before still acts).
 */
export class SlackDirectory {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly ttlMs = DEFAULT_TTL_MS,
  ) {}

  emailOf(userId: string): Promise<string | undefined> {
    const now = this.clock.now().getTime();
    const cached = this.cache.get(userId);
    if (cached && cached.until > now) return cached.email;
    const email = this.lookup(userId);
    this.cache.set(userId, { email, until: now + this.ttlMs });
    return email;
  }

  private async lookup(userId: string): Promise<string | undefined> {
    try {
      const r = await this.client.users.info({ user: userId });
      const email = r.user?.profile?.email;
      return typeof email === 'string' && email.includes('@') ? email.trim().toLowerCase() : undefined;
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error;
      if (code !== 'user_not_found') {
        this.cache.delete(userId);
        this.logger.warn({ err, userId }, 'slack users.info failed; going on without the e-mail');
      }
      return undefined;
    }
  }
}
