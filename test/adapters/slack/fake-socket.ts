import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { waitFor, type Args } from './fake-slack';

/** What the bot sent back for an envelope: Socket Mode's acknowledgement, with its optional payload. */
export interface SocketAck {
  envelopeId: string;
  payload: Args;
  at: number;
}

/**
 * Slack's Socket Mode played on 127.0.0.1: the WebSocket that apps.connections.open points to. It
 * greets a connection with `hello`, sends envelopes (`slash_commands`, `interactive`, `events_api`)
 * and records the bot's acknowledgements (`{ envelope_id, payload }`).
 */
export class FakeSocketMode {
  readonly acks: SocketAck[] = [];
  readonly connections: WebSocket[] = [];
  private constructor(private readonly server: WebSocketServer, readonly url: string) {}

  static async start(): Promise<FakeSocketMode> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/link' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const fake = new FakeSocketMode(server, `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`);
    server.on('connection', (ws) => {
      fake.connections.push(ws);
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { envelope_id: string; payload?: Args };
        fake.acks.push({ envelopeId: message.envelope_id, payload: message.payload ?? {}, at: Date.now() });
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'applink-test', approximate_connection_time: 18060 }, connection_info: { app_id: 'A1' } }));
    });
    return fake;
  }

  /** The live connection, once the bot has connected. */
  get socket(): WebSocket | undefined {
    return this.connections.filter((c) => c.readyState === c.OPEN).at(-1);
  }

  /** Sends an envelope as Slack does; returns its id. `retryAttempt` marks Slack's redelivery. */
  send(type: 'slash_commands' | 'interactive' | 'events_api', payload: Args, o: { retryAttempt?: number } = {}): string {
    const envelopeId = randomUUID();
    const socket = this.socket;
    if (!socket) throw new Error('FakeSocketMode: the bot is not connected');
    socket.send(JSON.stringify({
      envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api',
      ...(o.retryAttempt !== undefined ? { retry_attempt: o.retryAttempt, retry_reason: 'timeout' } : {}),
    }));
    return envelopeId;
  }

  ack(envelopeId: string): Promise<SocketAck> {
    return waitFor(() => this.acks.find((a) => a.envelopeId === envelopeId));
  }

  async close(): Promise<void> {
    for (const c of this.connections) c.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
