import type { DeliveryPort } from '../../src/core/ports';
import type { Logger } from '../../src/logger';
import { OutboxSender } from '../../src/delivery/sender';
import type { TemplateRenderer } from '../../src/render/renderer';
import type { Db } from '../../src/store/db';
import { createEmailAdapter } from '../email/email-adapter';
import { chatApiFor, type ChatApi } from '../slack/chat-api';
import { deliverToSlack } from '../slack/delivery';
import type { WorkThreadData } from './protocol';

/** The media the work thread delivers, and how to stop them. */
export interface ThreadDelivery {
  sender: OutboxSender;
  /** The instant a drain was asked at (the bot's clock); the sender's now unless the bot runs on the system clock. */
  asked(now: Date): void;
  /** Stops the sender (attempts under way abandoned and given back) and closes the connections. */
  close(): Promise<void>;
}

/**
 * The outbox sender of the work thread: e-mail (SMTP or .eml files) and Slack posts. Claiming,
 * rendering, sending and recording results then run on this thread's loop and connection, not on
 * the loop that acknowledges Slack's requests: a tick's 190 messages going out had cost that loop
 * 10-12 ms of CPU per round of 50 acks against 7-8 idle (docs/performance.md). What must stay with
 * the bot (the console; Discord, through discord.js's client and gateway) is delivered there.
 */
export function threadDelivery(
  options: NonNullable<WorkThreadData['delivery']>,
  deps: { db: Db; renderer: TemplateRenderer; logger: Logger; pause: () => Promise<void> },
): ThreadDelivery {
  let askedAt = new Date();
  const clock = { now: () => (options.systemClock ? new Date() : askedAt) };
  const email = createEmailAdapter({ ...options.email, now: () => clock.now() });
  const ports: DeliveryPort[] = [email];
  let chat: ChatApi | null = null;
  if (options.slack) {
    const api = chatApiFor(options.slack, deps.logger.child({ component: 'slack' }));
    chat = api;
    ports.push({ medium: 'slack', send: (message, o) => deliverToSlack(api, message, o) });
  }
  const sender = new OutboxSender({ db: deps.db, clock, ports, renderer: deps.renderer, logger: deps.logger, pause: deps.pause, startedAt: new Date(options.startedAt) });
  return {
    sender,
    asked: (now) => {
      askedAt = now;
    },
    async close() {
      await sender.stop();
      await email.close();
      chat?.close();
    },
  };
}
