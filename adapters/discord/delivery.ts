import { DiscordAPIError, HTTPError, RateLimitError, Routes, type REST, type RESTPostAPIChannelMessageResult } from 'discord.js';
import type { DeliveryResult, OutboundMessage } from '../../src/core/ports';
import { CONTENT_LIMIT, NO_MENTIONS, buttonRows, messageContent, splitContent } from './message';

/**
 * Discord JSON error codes that a retry cannot mend: the address, the permissions or the message
 * is wrong. 50007: cannot send messages to this user (DMs closed, no shared server); 10003:
 * unknown channel; 10013: unknown user; 50001: missing access; 50013: missing permissions;
 * 50035: invalid form body; 50006: empty message.
 */
const PERMANENT = new Set([50007, 10003, 10013, 50001, 50013, 50035, 50006]);
/** An edit whose original message is gone (10008: unknown message) is posted as a new message instead. */
const UNKNOWN_MESSAGE = 10008;

/** The DM channel of each person, once opened: Discord gives the same one every time. */
export class DmChannels {
  private readonly byUser = new Map<string, Promise<string>>();

  constructor(private readonly rest: REST) {}

  of(userId: string): Promise<string> {
    const known = this.byUser.get(userId);
    if (known) return known;
    const opened = (this.rest.post(Routes.userChannels(), { body: { recipient_id: userId } }) as Promise<{ id: string }>).then((c) => c.id);
    this.byUser.set(userId, opened);
    opened.catch(() => this.byUser.delete(userId));
    return opened;
  }
}

/**
 * Delivers one outbox message to Discord: `discord:channel:<id>` is posted in that channel,
 * `discord:person:<id>` in the person's DM channel (opened first). Text past 2,000 characters goes
 * as several messages, the buttons under the last. Each message carries the outbox id as its nonce
 * with `enforce_nonce`, so a re-send within minutes returns the message already posted. With
 * `replaces` (`<channel>/<message id>,...`) the messages are edited in place. The provider id is
 * `<channel>/<message id>,...`.
 */
export async function deliverToDiscord(rest: REST, dms: DmChannels, message: OutboundMessage): Promise<DeliveryResult> {
  const to = message.to;
  if (to.medium !== 'discord' || !/^\d{1,20}$/.test(to.id)) return { status: 'permanent', error: `Not a Discord address: ${message.address}` };
  const pieces = splitContent(messageContent(message.payload));
  const components = message.payload.actions?.length ? buttonRows(message.payload.actions) : [];
  try {
    const replaces = message.payload.replaces ? /^(\d+)\/(\d+(?:,\d+)*)$/.exec(message.payload.replaces) : null;
    if (replaces) {
      try {
        return await edit(rest, replaces[1]!, replaces[2]!.split(','), pieces, components);
      } catch (err) {
        if (!(err instanceof DiscordAPIError && err.code === UNKNOWN_MESSAGE)) throw err;
      }
    }
    const channel = to.kind === 'person' ? await dms.of(to.id) : to.id;
    const ids: string[] = [];
    for (const [i, content] of pieces.entries()) {
      const last = i === pieces.length - 1;
      const posted = (await rest.post(Routes.channelMessages(channel), {
        body: {
          content,
          allowed_mentions: NO_MENTIONS,
          // Discord nonces are at most 25 characters: the outbox id and the piece.
          nonce: `convene-${message.id}-${i}`,
          enforce_nonce: true,
          ...(last && components.length ? { components } : {}),
        },
      })) as RESTPostAPIChannelMessageResult;
      ids.push(posted.id);
    }
    return { status: 'sent', providerId: `${channel}/${ids.join(',')}` };
  } catch (err) {
    return classify(err);
  }
}

async function edit(rest: REST, channel: string, ids: string[], pieces: string[], components: ReturnType<typeof buttonRows>): Promise<DeliveryResult> {
  // The edit keeps the number of messages: what no longer fits is cut at the last one.
  const fitted = pieces.slice(0, ids.length);
  if (pieces.length > ids.length) {
    const tail = pieces.slice(ids.length - 1).join('\n');
    fitted[ids.length - 1] = tail.length > CONTENT_LIMIT ? `${tail.slice(0, CONTENT_LIMIT - 1)}…` : tail;
  }
  for (const [i, id] of ids.entries()) {
    const last = i === ids.length - 1;
    await rest.patch(Routes.channelMessage(channel, id), {
      body: { content: fitted[i] ?? '…', allowed_mentions: NO_MENTIONS, components: last ? components : [] },
    });
  }
  return { status: 'sent', providerId: `${channel}/${ids.join(',')}` };
}

/** What a failed REST call means for the outbox. */
export function classify(err: unknown): DeliveryResult {
  if (err instanceof RateLimitError) {
    const ms = Math.max(err.retryAfter, err.timeToReset, 0);
    return { status: 'transient', error: `Discord rate limit on ${err.route}: retry after ${ms} ms`, retryAfterMs: ms };
  }
  if (err instanceof DiscordAPIError) {
    const code = typeof err.code === 'number' ? err.code : Number(err.code);
    // 401: Discord refuses the bot's token itself, whatever the message: delivery pauses until it works again.
    if (err.status === 401) return { status: 'misconfigured', error: `${err.status}: ${err.message}` };
    if (PERMANENT.has(code)) return { status: 'permanent', error: `Discord refused the message: ${code} ${err.message}` };
    const transient = err.status >= 500 || err.status === 408;
    return transient
      ? { status: 'transient', error: `Discord answered HTTP ${err.status}: ${err.message}` }
      : { status: 'permanent', error: `Discord answered HTTP ${err.status}: ${code} ${err.message}` };
  }
  if (err instanceof HTTPError) return { status: 'transient', error: `Discord answered HTTP ${err.status}` };
  return { status: 'transient', error: `Discord could not be reached: ${err instanceof Error ? err.message : String(err)}` };
}
