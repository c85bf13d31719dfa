import { webApi } from '@slack/bolt';
import type { DeliveryResult, OutboundMessage } from '../../src/core/ports';
import { messageBlocks } from './blocks';

/** Platform errors that a retry cannot mend: the address, the token or the message is wrong. */
const PERMANENT = new Set([
  'channel_not_found', 'not_in_channel', 'is_archived', 'invalid_auth', 'not_authed', 'account_inactive',
  'token_revoked', 'token_expired', 'missing_scope', 'no_permission', 'restricted_action', 'user_not_found',
  'cannot_dm_bot', 'msg_too_long', 'no_text', 'invalid_blocks', 'invalid_arguments', 'too_many_attachments',
  'ekm_access_denied', 'team_access_not_granted', 'org_login_required', 'invalid_arg_name', 'not_allowed_token_type',
]);
/** An update whose original is gone is posted as a new message instead. */
const ORIGINAL_GONE = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed']);

/**
 * Delivers one outbox message to Slack: a channel address is posted in that channel, a person's
 * in their direct messages with the bot. With `replaces` (a previous `<channel>/<ts>`) the message is edited in place.
 * The Web API client must be built with retries off and rate-limited calls rejected: the outbox
 * is the one place that retries, so nothing is posted twice by a hidden retry.
 */
export async function deliverToSlack(client: webApi.WebClient, message: OutboundMessage): Promise<DeliveryResult> {
  if (message.to.medium !== 'slack') return { status: 'permanent', error: `Not a Slack address: ${message.address}` };
  // chat.postMessage takes a user id as its channel: the message lands in the bot's DM with them.
  const target = message.to.id;
  const { text, blocks } = messageBlocks(message.payload);
  try {
    const replaces = message.payload.replaces ? /^([A-Z0-9]+)\/(\d+\.\d+)$/i.exec(message.payload.replaces) : null;
    if (replaces) {
      try {
        const r = await client.chat.update({ channel: replaces[1]!, ts: replaces[2]!, text, blocks });
        return { status: 'sent', providerId: `${r.channel ?? replaces[1]}/${r.ts ?? replaces[2]}` };
      } catch (err) {
        if (!ORIGINAL_GONE.has(platformError(err) ?? '')) throw err;
      }
    }
    const r = await client.chat.postMessage({ channel: target, text, blocks, link_names: false });
    return { status: 'sent', providerId: `${r.channel ?? target}/${r.ts}` };
  } catch (err) {
    return classify(err);
  }
}

function platformError(err: unknown): string | undefined {
  return err instanceof webApi.WebAPIPlatformError ? err.data.error : undefined;
}

/** What a failed Web API call means for the outbox. */
export function classify(err: unknown): DeliveryResult {
  if (err instanceof webApi.WebAPIRateLimitedError) {
    return { status: 'transient', error: `Slack rate limit: retry after ${err.retryAfter} s`, retryAfterMs: err.retryAfter * 1000 };
  }
  if (err instanceof webApi.WebAPIPlatformError) {
    const code = err.data.error;
    return PERMANENT.has(code) ? { status: 'permanent', error: `Slack refused the message: ${code}` } : { status: 'transient', error: `Slack error: ${code}` };
  }
  if (err instanceof webApi.WebAPIHTTPError) {
    const transient = err.statusCode >= 500 || err.statusCode === 408;
    return transient
      ? { status: 'transient', error: `Slack answered HTTP ${err.statusCode}` }
      : { status: 'permanent', error: `Slack answered HTTP ${err.statusCode} ${err.statusMessage}` };
  }
  return { status: 'transient', error: `Slack could not be reached: ${err instanceof Error ? err.message : String(err)}` };
}
