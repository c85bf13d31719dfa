import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** An SMTP refusal: the reply code and text the server gives. */
export interface Refusal {
  code: number;
  text: string;
}

function refusal(r: Refusal): Error {
  return Object.assign(new Error(r.text), { responseCode: r.code });
}

/**
 * A real SMTP server on 127.0.0.1 (port chosen by the system) that keeps every message it accepts.
 * It can be told, and untold while it runs, to refuse the sender (`refuseSender`: 553, or 530 as a
 * server that wants a login says it) or some recipients (`refuseRecipient`).
 */
export class LoopbackSmtp {
  readonly received: Buffer[] = [];
  port = 0;
  refuseSender: Refusal | null = null;
  refuseRecipient: (address: string) => Refusal | null = () => null;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom: (_address, _session, callback) => callback(this.refuseSender ? refusal(this.refuseSender) : undefined),
    onRcptTo: (address, _session, callback) => {
      const r = this.refuseRecipient(address.address);
      callback(r ? refusal(r) : undefined);
    },
    onData: (stream, _session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        this.received.push(Buffer.concat(chunks));
        callback();
      });
    },
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(resolve));
  }

  parsed(): Promise<ParsedMail[]> {
    return Promise.all(this.received.map((raw) => simpleParser(raw)));
  }
}

/** A mail server that accepts the connection and then says nothing: no greeting, ever. */
export class StalledSmtp {
  port = 0;
  connections = 0;
  private readonly sockets = new Set<Socket>();
  private readonly server: Server = createServer((socket) => {
    this.connections++;
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
