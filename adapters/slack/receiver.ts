import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { HTTPReceiver, type App, type Logger as BoltLogger, type Receiver } from '@slack/bolt';
import type { Clock } from '../../src/clock';
import { foreground } from '../shared/foreground';

/** Bolt refuses requests signed more than five minutes ago; we also refuse those dated more than five minutes ahead. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
export const EVENTS_PATH = '/slack/events';

export interface ListenOptions {
  port: number;
  /** Default: every interface. Tests use 127.0.0.1. */
  host?: string;
}

/**
 * Bolt's HTTPReceiver (signature and staleness checks, ack handling, the 3-second deadline)
 * behind our own HTTP server, which first refuses a request whose `x-slack-request-timestamp`
 * lies in the future: a replayed request with a forged date must not be fresh for longer.
 */
export class GuardedHttpReceiver implements Receiver {
  private readonly inner: HTTPReceiver;
  private server: Server | null = null;
  /** What a new connection marked as waiting, until its first request is routed (then that request is). */
  private readonly firstOnSocket = new WeakMap<Socket, () => void>();

  /** Set when the bot's shared HTTP server (adapters/http-server.ts) serves `/slack/events`: start() then opens no server of its own. */
  private readonly shared: boolean;

  constructor(
    options: { signingSecret: string; logger: BoltLogger; sharedServer?: boolean },
    private readonly wallClock: Clock,
  ) {
    this.shared = options.sharedServer ?? false;
    this.inner = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: EVENTS_PATH,
      logger: options.logger,
      // Answer Slack as soon as a listener calls ack(); the listener goes on afterwards.
      processBeforeResponse: false,
    });
  }

  init(app: App): void {
    this.inner.init(app);
  }

  /** The request handler, for a shared server. */
  readonly handle = (req: IncomingMessage, res: ServerResponse): void => this.route(req, res);

  start(options: ListenOptions): Promise<Server | null> {
    if (this.shared) return Promise.resolve(null);
    const server = createServer((req, res) => this.route(req, res));
    // A request is waited on from the moment its connection is accepted, before its headers are
    // read: background work must not slip in between.
    server.on('connection', (socket) => {
      const accepted = foreground.enter();
      socket.once('close', accepted);
      this.firstOnSocket.set(socket, accepted);
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve(server);
      });
    });
  }

  /** The port actually bound (after listening on port 0). */
  port(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return Promise.resolve();
    return new Promise((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    });
  }

  private route(req: IncomingMessage, res: ServerResponse): void {
    // Until Slack has its answer, background work (a tick, the outbox) waits for it.
    const answered = foreground.enter();
    res.once('finish', answered);
    res.once('close', answered);
    const accepted = this.firstOnSocket.get(req.socket);
    if (accepted) {
      this.firstOnSocket.delete(req.socket);
      accepted();
    }
    if (req.method === 'POST' && this.isFromTheFuture(req)) {
      // Read the body away first, so the client sees the 401 rather than a reset connection.
      req.on('end', () => {
        res.writeHead(401);
        res.end();
      });
      req.resume();
      return;
    }
    try {
      this.inner.requestListener(req, res);
    } catch {
      // Bolt throws for paths it does not serve.
      res.writeHead(404);
      res.end();
    }
  }

  private isFromTheFuture(req: IncomingMessage): boolean {
    const header = req.headers['x-slack-request-timestamp'];
    const seconds = Number(Array.isArray(header) ? header[0] : header);
    if (!Number.isFinite(seconds)) return false; // Bolt refuses a missing or malformed timestamp
    return seconds * 1000 > this.wallClock.now().getTime() + MAX_CLOCK_SKEW_MS;
  }
}
