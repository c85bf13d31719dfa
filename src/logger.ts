import pino from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs on stderr (stdout belongs to the console and the CLI's replies). */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'convene' } }, pino.destination(2));
}

export const silentLogger: Logger = pino({ level: 'silent' });
