import { z } from 'zod';
import type { ChatRequest, CommandOutcome, InboundCommand, Suggestion, SuggestionRequest } from '../../src/core/ports';
import type { ChatHome } from '../../src/chat/home';
import type { ChatWords } from '../../src/chat/words';
import type { JobReport } from '../../src/scheduler/run-due';
import type { DrainReport } from '../../src/delivery/sender';

/** What the work thread is started with (workerData): plain values, checked on arrival. */
export const workThreadData = z.object({
  databasePath: z.string().min(1),
  templatesDir: z.string().min(1),
  logLevel: z.string(),
  /** At most this long between two jobs (default 1 s, as `Foreground.pause`): a steady stream of requests cannot starve a tick. */
  giveWayMs: z.number().int().positive().optional(),
  /** The bot's `Foreground.shared`: how many requests wait for an answer on its loop. */
  foreground: z.custom<Int32Array<SharedArrayBuffer>>((v) => v instanceof Int32Array && v.buffer instanceof SharedArrayBuffer).optional(),
  settings: z.object({
    noticeDays: z.number(),
    minutesDays: z.number(),
    exportsDir: z.string().optional(),
    links: z.object({ baseUrl: z.string(), localOnly: z.boolean() }).optional(),
    chatPlatforms: z.array(z.enum(['slack', 'discord'])).readonly().optional(),
  }),
  /**
   * The media the thread delivers (adapters/worker/thread-delivery.ts): e-mail as the bot's
   * e-mail adapter is configured, Slack posts with the bot's token. Without it the thread delivers nothing.
   */
  delivery: z
    .object({
      email: z.object({
        from: z.string(),
        replyTo: z.string().optional(),
        smtpUrl: z.string().optional(),
        smtp: z.object({ connectionTimeout: z.number(), greetingTimeout: z.number(), socketTimeout: z.number() }).partial().optional(),
        outboxDir: z.string().optional(),
      }),
      slack: z.object({ botToken: z.string().min(1), apiUrl: z.string().optional(), timeoutMs: z.number().int().positive() }).optional(),
      /** The bot runs on the system clock: the thread's sender reads its own; otherwise (`--now`, tests) the instant each drain was asked at. */
      systemClock: z.boolean(),
      /** When the bot started, on its clock (ISO): a medium paused since then is not tried again at each start of the thread. */
      startedAt: z.string().datetime(),
    })
    .optional(),
});
export type WorkThreadData = z.infer<typeof workThreadData>;

/** A request to the work thread; `now` is the bot's clock at the time it was asked (an injected clock drives the thread). */
export type WorkAsk =
  | { op: 'handle'; now: string; command: InboundCommand }
  | { op: 'suggest'; now: string; request: SuggestionRequest }
  | { op: 'words'; now: string; request: ChatRequest }
  | { op: 'home'; now: string; request: ChatRequest }
  | { op: 'jobs'; now: string }
  | { op: 'drain'; now: string }
  | { op: 'stop-delivery'; graceMs: number };
export type WorkRequest = (WorkAsk & { id: number }) | { op: 'stop' };

export type WorkValue = CommandOutcome | Suggestion[] | JobReport[] | ChatWords | ChatHome | DrainReport | null;

/** What the thread sends back: an answer to a request, a log line, or word that a command committed messages. */
export type WorkMessage =
  | { kind: 'answer'; id: number; ok: true; value: WorkValue }
  | { kind: 'answer'; id: number; ok: false; error: string }
  | { kind: 'log'; line: string }
  | { kind: 'committed' }
  /** A sentence of the thread's sender for whoever runs Convene (a medium paused, resumed, failing). */
  | { kind: 'notice'; sentence: string };
