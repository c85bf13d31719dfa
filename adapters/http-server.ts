import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Slack posts its commands, clicks and events here (see adapters/slack/manifest.yml). */
export const SLACK_PATH_PREFIX = '/slack/';

/**
 * The bot's one HTTP server on PORT: Slack's `/slack/...` requests go to Bolt's handler when
 * Slack runs in HTTP mode; everything else goes to the web pages. It runs whether or not Slack
 * is configured.
 */
export class BotHttpServer {
  private server: Server | null = null;

  constructor(private readonly routes: { web: RequestListener; slack?: RequestListener }) {}

  listen(port: number, host?: string): Promise<number> {
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const path = (req.url ?? '/').split('?')[0]!;
      if (this.routes.slack && path.startsWith(SLACK_PATH_PREFIX)) this.routes.slack(req, res);
      else this.routes.web(req, res);
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  }

  close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
