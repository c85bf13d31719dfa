import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatPort, Core, DeliveryResult, InboundCommand, OutboundMessage } from '../../src/core/ports';
import { plainText } from '../../src/render/escape';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /** Act as this member (default: the exercise's first coordinator). */
  as?: string;
  exercise?: string;
  /** Lines that are not commands of the grammar (init, tick, quit): answered here, or null to pass on. */
  local?: (line: string) => Promise<string | null>;
  /** Called when the input ends (Ctrl-D, a closed pipe). */
  onClose?: () => void;
  prompt?: string;
  /** The words that may complete the one being typed (Tab), given the line so far. */
  complete?: (line: string) => string[];
  /** Line editing, history (Up arrow) and Tab completion; default: when input and output are a terminal. */
  terminal?: boolean;
}

const isTerminal = (stream: Readable | Writable) => (stream as { isTTY?: boolean }).isTTY === true;

/**
 * The terminal as a chat platform: each line is a command in the common grammar, answered
 * in plain text; messages addressed to the console are printed. A real adapter, used by
 * `npm start` and driven through its streams in tests.
 */
export class ConsoleAdapter implements ChatPort {
  readonly medium = 'console' as const;
  private rl: Interface | null = null;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;
  /** Set by stop() (`quit`): lines typed or piped after it are not run. */
  private stopping = false;
  /** The exercise this console acts in (`/exercise use`, `init`); unset: the core picks the only one. */
  private exercise: string | undefined;

  constructor(private readonly options: ConsoleOptions) {
    this.exercise = options.exercise;
  }

  /** From now on, commands typed here act in this exercise. */
  useExercise(slug: string): void {
    this.exercise = slug;
  }

  get exerciseInUse(): string | undefined {
    return this.exercise;
  }

  /** A line typed here as the core receives it: acting as --as (or the coordinator), in the exercise in use. */
  inbound(text: string): InboundCommand {
    return {
      text,
      actor: { kind: 'local', ...(this.options.as ? { email: this.options.as } : {}) },
      ...(this.exercise ? { exerciseSlug: this.exercise } : {}),
      channel: { medium: 'console', id: 'terminal' },
    };
  }

  async start(core: Core): Promise<void> {
    const { input, output, complete } = this.options;
    const terminal = this.options.terminal ?? (isTerminal(input) && isTerminal(output));
    const rl = createInterface({
      input,
      output,
      terminal,
      historySize: 500,
      removeHistoryDuplicates: true,
      ...(complete ? { completer: (line: string): [string[], string] => completeWord(line, complete(line)) } : {}),
    });
    this.rl = rl;
    rl.setPrompt(this.options.prompt ?? 'convene> ');
    rl.prompt();
    rl.on('line', (line) => {
      // One command at a time, in order, even if lines arrive faster than they are answered.
      this.queue = this.queue.then(async () => {
        if (this.stopping) return;
        const reply = await this.answer(core, line);
        if (reply !== '') output.write(`${reply}\n`);
        if (!this.closed) rl.prompt();
      });
    });
    rl.on('close', () => {
      this.closed = true;
      void this.queue.then(() => this.options.onClose?.());
    });
  }

  private async answer(core: Core, line: string): Promise<string> {
    const text = line.trim();
    if (text === '') return '';
    try {
      const local = await this.options.local?.(text);
      if (local !== null && local !== undefined) return local;
      const outcome = await core.handle(this.inbound(text));
      return plainText(outcome.reply);
    } catch {
      return 'Something went wrong on our side; nothing was changed.';
    }
  }

  /** Whatever waits for this medium in the outbox is shown in the terminal. */
  async send(message: OutboundMessage): Promise<DeliveryResult> {
    this.options.output.write(`\n--- to ${plainText(message.address)}: ${plainText(message.payload.subject)}\n${plainText(message.payload.text)}\n---\n`);
    return { status: 'sent', providerId: `console-${message.id}` };
  }

  /** Prints a line from the bot itself (delivery summaries, reminders). */
  notice(text: string): void {
    if (!this.closed) this.options.output.write(`${plainText(text)}\n`);
  }

  /** Resolves once every line read so far has been answered. */
  idle(): Promise<void> {
    return this.queue;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.closed = true;
    this.rl?.close();
    await this.queue;
  }
}

/** readline's completer answer: the candidates that extend the word under the cursor, and that word. */
export function completeWord(line: string, candidates: string[]): [string[], string] {
  const word = /\S*$/.exec(line)![0];
  const lower = word.toLowerCase();
  const hits = [...new Set(candidates)].filter((c) => c.toLowerCase().startsWith(lower));
  return [hits, word];
}
