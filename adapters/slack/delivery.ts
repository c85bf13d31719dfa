import type { DeliveryResult, OutboundMessage, SendOptions } from '../../src/core/ports';
import { messageBlocks } from './blocks';
import type { ChatAnswer, ChatApi } from './chat-api';

/** Platform errors that a retry cannot mend: the address or the message is wrong. */
const PERMANENT = new Set([
  'channel_not_found', 'not_in_channel', 'is_archived', 'no_permission', 'restricted_action', 'user_not_found',
  'cannot_dm_bot', 'msg_too_long', 'no_text', 'invalid_blocks', 'invalid_arguments', 'too_many_attachments', 'invalid_arg_name',
]);
/**
 * Slack refuses Convene itself, whatever the message: its token is wrong, revoked or expired, or
 * the app lacks a scope or access to the workspace. Slack delivery pauses (nothing is marked failed,
 * the coordinators hear it on another medium) until the token works again; then everything waiting goes out.
 */
const REFUSES_CONVENE = new Set([
  'invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type',
  'missing_scope', 'team_access_not_granted', 'org_login_required', 'ekm_access_denied',
]);
/** An update whose original is gone is posted as a new message instead. */
const ORIGINAL_GONE = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed']);

/**
 * Delivers one outbox message to Slack: a channel address is posted in that channel, a person's
 * in their direct messages with the bot. With `replaces` (a previous `<channel>/<ts>`) the message is edited in place.
 * `ChatApi` makes one call per method and never retries: the outbox is the one place that
 * retries, so nothing is posted twice by a hidden retry.
 */
export async function deliverToSlack(api: ChatApi, message: OutboundMessage, options: SendOptions = {}): Promise<DeliveryResult> {
  if (message.to.medium !== 'slack') return { status: 'permanent', error: `Not a Slack address: ${message.address}` };
  // chat.postMessage takes a user id as its channel: the message lands in the bot's DM with them.
  const target = message.to.id;
  const { text, blocks } = messageBlocks(message.payload);
  const replaces = message.payload.replaces ? /^([A-Z0-9]+)\/(\d+\.\d+)$/i.exec(message.payload.replaces) : null;
  if (replaces) {
    const channel = replaces[1]!;
    const ts = replaces[2]!;
    const r = await api.call('chat.update', { channel, ts, text, blocks }, options.signal);
    if (r.kind === 'ok') return { status: 'sent', providerId: `${r.channel ?? channel}/${r.ts ?? ts}` };
    if (r.kind !== 'refused' || !ORIGINAL_GONE.has(r.error)) return classify(r);
  }
  const r = await api.call('chat.postMessage', { channel: target, text, blocks, link_names: false }, options.signal);
  if (r.kind === 'ok') return { status: 'sent', providerId: `${r.channel ?? target}/${r.ts ?? ''}` };
  return classify(r);
}

/** What a Web API answer other than a delivered message means for the outbox. */
export function classify(r: Exclude<ChatAnswer, { kind: 'ok' }>): DeliveryResult {
  switch (r.kind) {
    case 'rate-limited':
      return r.retryAfterS === undefined
        ? { status: 'transient', error: 'Slack rate limit' }
        : { status: 'transient', error: `Slack rate limit: retry after ${r.retryAfterS} s`, retryAfterMs: r.retryAfterS * 1000 };
    case 'refused':
      if (REFUSES_CONVENE.has(r.error)) return { status: 'misconfigured', error: r.error };
      return PERMANENT.has(r.error) ? { status: 'permanent', error: `Slack refused the message: ${r.error}` } : { status: 'transient', error: `Slack error: ${r.error}` };
    case 'http': {
      const transient = r.status >= 500 || r.status === 408;
      return transient
        ? { status: 'transient', error: `Slack answered HTTP ${r.status}` }
        : { status: 'permanent', error: `Slack answered HTTP ${r.status} ${r.statusText}` };
    }
    case 'unreachable':
      return { status: 'transient', error: `Slack could not be reached: ${r.reason}` };
  }
}
