import type { webApi } from '@slack/bolt';
import type { ChatAction, ChatRequest, CommandOutcome, Core } from '../../src/core/ports';
import { replyCut, type ChatWords } from '../../src/chat/words';
import type { DrawnForm } from '../../src/chat/form-words';
import type { Logger } from '../../src/logger';
import { leftOut, replyBlocks, replyRoom } from './blocks';
import { formInTime, within } from '../shared/budget';
import type { SlackDirectory } from './identity';
import type { Registry } from '../../src/commands/registry';
import type { RecentRequests } from '../shared/recent';
import type { AfterAck } from '../shared/after-ack';
import { httpFetch } from './http-fetch';

/** What the listeners share: the core, who people are, what was answered, the Web API. */
export interface SlackDeps {
  core: Core;
  /** The command registry: intents and forms become command lines with it. */
  registry: Registry;
  directory: SlackDirectory;
  recent: RecentRequests;
  /** Runs what follows an acknowledgement one piece per turn of the event loop, so acks never queue behind it. */
  afterAck: AfterAck;
  client: webApi.WebClient;
  logger: Logger;
}

export interface SlackRequest {
  /** The command line in the common grammar. */
  text: string;
  userId: string;
  channelId?: string;
  /** Slack's id for this delivery: a retry or a double click carries the same one. */
  deliveryId?: string;
}

/** The help as Slack offers it: Slack keeps `/help` for itself. */
export const HELP_COMMAND = '/convene';

/**
 * The Slack user as the core knows them: their user id, and the e-mail Slack reports for them
 * (waited for at most `emailWithinMs` when given; the lookup goes on and is cached).
 */
export async function asked(deps: SlackDeps, userId: string, emailWithinMs?: number): Promise<ChatRequest> {
  const lookup = deps.directory.emailOf(userId);
  const email = await (emailWithinMs === undefined ? lookup : within(lookup, emailWithinMs));
  return { actor: { kind: 'chat', medium: 'slack', userId, ...(email ? { email } : {}) }, helpCommand: HELP_COMMAND };
}

/** Runs a command through the core as the Slack user, with the e-mail Slack reports for them. */
export async function runAs(deps: SlackDeps, r: SlackRequest): Promise<CommandOutcome> {
  const { actor } = await asked(deps, r.userId);
  return deps.core.handle({
    text: r.text,
    actor,
    ...(r.channelId ? { channel: { medium: 'slack' as const, id: r.channelId } } : {}),
    ...(r.deliveryId ? { deliveryId: r.deliveryId } : {}),
    helpCommand: HELP_COMMAND,
  });
}

const RESPONSE_TIMEOUT_MS = 10_000;

/**
 * Answers the person: through the response_url of their command or click when there is one
 * (valid 30 minutes, 5 times), otherwise in their direct messages with the bot. Ephemeral unless
 * the outcome's audience is the channel (`inChannel`).
 */
export async function answer(deps: SlackDeps, to: { responseUrl?: string; userId: string }, reply: string, inChannel = false, actions: ChatAction[] = []): Promise<void> {
  // Posting a reply costs the loop more than an ack: acks that arrived meanwhile go first.
  await deps.afterAck.turn();
  try {
    // A reply longer than a message says so in the person's words (the core counts in their language).
    const left = leftOut(reply, replyRoom(actions));
    const body = replyBlocks(reply, actions, left > 0 ? (await wordsFor(deps, to.userId, { say: replyCut(left) })).said : undefined);
    if (to.responseUrl) {
      const res = await httpFetch(to.responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response_type: inChannel ? 'in_channel' : 'ephemeral', replace_original: false, ...body }),
        signal: AbortSignal.timeout(RESPONSE_TIMEOUT_MS),
      });
      if (!res.ok) deps.logger.warn({ status: res.status }, 'slack response_url refused the reply');
      return;
    }
    await deps.client.chat.postMessage({ channel: to.userId, ...body, link_names: false });
  } catch (err) {
    deps.logger.warn({ err }, 'slack reply could not be delivered');
  }
}

/** Answers with an outcome: to the channel or the person as it says, with the buttons it offers the person. */
export function answerWith(deps: SlackDeps, to: { responseUrl?: string; userId: string }, outcome: CommandOutcome): Promise<void> {
  const inChannel = outcome.audience === 'channel';
  return answer(deps, to, outcome.reply, inChannel, outcome.status === 'accepted' && !inChannel ? (outcome.actions ?? []) : []);
}

/**
 * How long the adapter's own sentences wait for the e-mail Slack reports (only someone not linked
 * yet needs it): a form must open within Slack's 3 s of the click. The lookup goes on meanwhile
 * and is cached for the form's submission.
 */
const WORDS_EMAIL_MS = 500;

/** A form in the person's words, or in English if the core is slow to say them (Slack's trigger lasts 3 s). */
export function formFor(deps: SlackDeps, userId: string, form: NonNullable<ChatRequest['form']>): Promise<DrawnForm> {
  return formInTime(wordsFor(deps, userId, { form }), 'slack', HELP_COMMAND, form);
}

/** The sentences the adapter says itself, in the person's language (the core knows it). */
export async function wordsFor(deps: SlackDeps, userId: string, also: Pick<ChatRequest, 'say' | 'form'> = {}): Promise<ChatWords> {
  return deps.core.words({ ...(await asked(deps, userId, WORDS_EMAIL_MS)), ...also });
}

/** A listener's last resort: the person hears that it failed, the log says why. */
export async function failed(deps: SlackDeps, userId: string, err: unknown, what: string): Promise<string> {
  deps.logger.error({ err }, `slack ${what} failed`);
  return (await wordsFor(deps, userId)).failed;
}
