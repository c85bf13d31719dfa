import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs on stderr (stdout belongs to the console and the CLI's replies).
 * `write` replaces the stderr file descriptor, e.g. with the CLI's own error stream when it runs in-process.
 */
export function createLogger(level: string, write?: (line: string) => void): Logger {
  return pino({ level, base: { app: 'convene' } }, write ? { write } : pino.destination(2));
}

export const silentLogger: Logger = pino({ level: 'silent' });
