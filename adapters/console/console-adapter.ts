import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatPort, Core, DeliveryResult, OutboundMessage } from '../../src/core/ports';
import { plainText } from '../../src/render/escape';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /** Act as this member (default: the exercise's first coordinator). */
  as?: string;
  exercise?: string;
  /** Lines that are not commands of the grammar (init, tick, quit): answered here, or null to pass on. */
  local?: (line: string) => Promise<string | null>;
  /** After an accepted command: e.g. deliver what it queued and say so. */
  afterCommand?: () => Promise<string | null>;
  /** Called when the input ends (Ctrl-D, a closed pipe). */
  onClose?: () => void;
  prompt?: string;
}

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

  constructor(private readonly options: ConsoleOptions) {}

  async start(core: Core): Promise<void> {
    const { input, output } = this.options;
    const rl = createInterface({ input, output, terminal: false });
    this.rl = rl;
    const prompt = this.options.prompt ?? 'convene> ';
    output.write(prompt);
    rl.on('line', (line) => {
      // One command at a time, in order, even if lines arrive faster than they are answered.
      this.queue = this.queue.then(async () => {
        if (this.stopping) return;
        const reply = await this.answer(core, line);
        if (reply !== '') output.write(`${reply}\n`);
        if (!this.closed) output.write(prompt);
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
      const outcome = await core.handle({
        text,
        actor: { kind: 'local', ...(this.options.as ? { email: this.options.as } : {}) },
        ...(this.options.exercise ? { exerciseSlug: this.options.exercise } : {}),
        channel: { medium: 'console', id: 'terminal' },
      });
      const reply = plainText(outcome.reply);
      if (outcome.status !== 'accepted' || !this.options.afterCommand) return reply;
      const after = await this.options.afterCommand();
      return after ? `${reply}\n${plainText(after)}` : reply;
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
