import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FixedClock } from '../../src/clock';
import { ConveneCore } from '../../src/core/core';
import type { CommandOutcome, DeliveryPort, DeliveryResult, InboundCommand, Medium, OutboundMessage } from '../../src/core/ports';
import { OutboxSender } from '../../src/delivery/sender';
import { silentLogger } from '../../src/logger';
import { TemplateRenderer } from '../../src/render/renderer';
import { Scheduler } from '../../src/scheduler/tick';
import { openDatabase, type Db } from '../../src/store/db';
import { loadExample } from '../../src/use-cases/exercise/load-example';
import { buildJobHandlers, buildRegistry } from '../../src/use-cases/index';
import type { Settings } from '../../src/core/context';
import type { LinkSettings } from '../../src/web/personal-links';

export const ROOT = join(import.meta.dirname, '..', '..');
export const TEMPLATES = join(ROOT, 'templates');
export const EXAMPLES = join(ROOT, 'data', 'examples');
export const COORDINATOR = 'coordinator@unhcr.example.org';

/** A delivery port that keeps what it was handed; `fail` decides per message (default: accept). */
export class MemoryPort implements DeliveryPort {
  readonly sent: OutboundMessage[] = [];
  fail: (m: OutboundMessage) => DeliveryResult | null = () => null;
  constructor(readonly medium: Medium = 'email') {}
  async send(message: OutboundMessage): Promise<DeliveryResult> {
    const failure = this.fail(message);
    if (failure) return failure;
    this.sent.push(message);
    return { status: 'sent', providerId: `${this.medium}-${message.id}` };
  }
  to(address: string): OutboundMessage[] {
    return this.sent.filter((m) => m.address === address);
  }
}

export interface TestApp {
  dir: string;
  dbPath: string;
  db: Db;
  clock: FixedClock;
  core: ConveneCore;
  email: MemoryPort;
  chat: MemoryPort[];
  sender: OutboxSender;
  scheduler: Scheduler;
  renderer: TemplateRenderer;
  settings: Settings;
  /** Runs a command as `as` (default: the first coordinator), through the real core. */
  run(text: string, as?: string): CommandOutcome;
  /** Same, from a chat identity. */
  runChat(text: string, medium: 'slack' | 'discord', userId: string, extra?: Partial<InboundCommand>): Promise<CommandOutcome>;
  /** Reopens the same database file as a fresh process would (a restart). */
  restart(): TestApp;
  close(): void;
}

export interface TestAppOptions {
  now?: string;
  example?: string | null;
  dir?: string;
  chatMedia?: Medium[];
  noticeDays?: number;
  /** The chat platforms the installation runs (config); none by default. */
  chatPlatforms?: ('slack' | 'discord')[];
  /** Write personal links into messages (the web pages); the address can be set once a server listens. */
  links?: LinkSettings;
}

/** A real app on a temp SQLite file with a fixed clock; the Kosovo example loaded unless `example: null`. */
export function createTestApp(options: TestAppOptions = {}): TestApp {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'convene-test-'));
  const dbPath = join(dir, 'convene.sqlite');
  const db = openDatabase(dbPath);
  const clock = new FixedClock(options.now ?? '2026-11-22T09:00:00Z');
  const renderer = new TemplateRenderer(TEMPLATES);
  const registry = buildRegistry();
  const settings: Settings = { noticeDays: options.noticeDays ?? 7, minutesDays: 7, exportsDir: join(dir, 'exports'), ...(options.chatPlatforms ? { chatPlatforms: options.chatPlatforms } : {}), ...(options.links ? { links: { ...options.links } } : {}) };
  const email = new MemoryPort('email');
  const chat = (options.chatMedia ?? []).map((m) => new MemoryPort(m));
  const sender = new OutboxSender({ db, clock, ports: [email, ...chat], renderer, logger: silentLogger });
  const core = new ConveneCore({ db, clock, registry, renderer, settings, logger: silentLogger });
  const scheduler = new Scheduler({ db, clock, handlers: buildJobHandlers(), renderer, settings, sender, logger: silentLogger });
  if (options.example !== null && !options.dir) {
    const r = loadExample(db, EXAMPLES, options.example ?? 'kosovo', clock.now(), 'test');
    if (!r.ok) throw new Error(r.message);
  }
  const app: TestApp = {
    dir, dbPath, db, clock, core, email, chat, sender, scheduler, renderer, settings,
    run: (text, as) => core.handleSync({ text, actor: { kind: 'local', email: as ?? COORDINATOR } }),
    runChat: (text, medium, userId, extra) => core.handle({ text, actor: { kind: 'chat', medium, userId }, ...extra }),
    restart() {
      db.close();
      const next = createTestApp({ ...options, dir, example: null });
      next.clock.set(clock.now());
      return next;
    },
    close() {
      if (db.open) db.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return app;
}

/** Every row of every table: to show that a refused command changed nothing. */
export function snapshot(db: Db): string {
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
  return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
}
