import { quoteWord } from '../../src/commands/format';
import { instantOutOfRange } from '../../src/domain/time';
import { MAINTENANCE_HELP } from './maintenance-argv';

/** The one-shot CLI's grammar: `convene [flags] "<command text>"`, `convene tick`, `convene init ...`, `convene start`. */
export interface CliInvocation {
  mode: 'command' | 'tick' | 'init' | 'start' | 'help' | 'version';
  db?: string;
  exercise?: string;
  as?: string;
  now?: Date;
  /** The command text, for `command`. */
  text?: string;
  init?: { example?: string; name?: string; timeZone?: string; language?: string; coordinator?: string; coordinatorName?: string; noticeDays?: number; minutesDays?: number };
}

export type ParsedArgv = { ok: true; invocation: CliInvocation } | { ok: false; message: string };

const VALUE_FLAGS: Record<string, string[]> = {
  command: ['--db', '--exercise', '--as', '--now'],
  tick: ['--db', '--now'],
  start: ['--db', '--exercise', '--as', '--now'],
  init: ['--db', '--now', '--example', '--exercise', '--timezone', '--language', '--coordinator', '--coordinator-name', '--notice-days', '--minutes-days'],
  help: [],
  version: [],
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Strict ISO-8601 instant with an explicit zone: `2026-11-24T13:00:00Z`, `2026-11-24T14:00+01:00`. */
export function parseInstant(text: string): Date | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number, number];
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) return null;
  // Reject rolled-over values (2026-02-30T...): the wall fields must survive a round trip.
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d || probe.getUTCHours() !== h || probe.getUTCMinutes() !== mi) return null;
  return date;
}

/** Re-quotes shell words so the command grammar sees them as typed: `where:UNHCR office` → `where:"UNHCR office"`. */
function requote(word: string): string {
  if (!/\s/.test(word) && word !== '') return word;
  const kv = /^([A-Za-z][A-Za-z-]*):(.*)$/s.exec(word);
  return kv ? `${kv[1]}:${quoteWord(kv[2]!)}` : quoteWord(word);
}

export function parseArgv(argv: string[]): ParsedArgv {
  let mode: CliInvocation['mode'] = 'command';
  const words: string[] = [];
  // The mode word may come after flags: `convene --now 2026-11-21T09:00:00Z tick`.
  let at = 0;
  while (at < argv.length && argv[at]!.startsWith('--') && argv[at] !== '--' && argv[at] !== '--help') at += argv[at]!.includes('=') ? 1 : 2;
  const first = argv[at];
  let rest = argv;
  if (first === 'tick' || first === 'init' || first === 'start') {
    mode = first;
    rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
  }
  // Asking for help or the version wins over everything else typed (before a `--`).
  const asked = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length);
  if (asked.includes('--help') || asked.includes('-h') || argv[0] === 'help') return { ok: true, invocation: { mode: 'help' } };
  if (asked.includes('--version')) return { ok: true, invocation: { mode: 'version' } };
  const values: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--') {
      words.push(...rest.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      if (!VALUE_FLAGS[mode]!.includes(flag)) {
        // After the command text, a known flag is taken (above); anything else is most likely a flag in the wrong place.
        if (words.length > 0 && mode === 'command')
          return { ok: false, message: `${flag} is not a flag of convene. Flags go before the command text, e.g. convene --now 2026-11-24T13:00:00Z "/endorse status E1"; to pass ${flag} as part of the command, put it after --.` };
        return { ok: false, message: `Unknown flag ${flag} for convene ${mode === 'command' ? '"<command>"' : mode}. See convene --help.` };
      }
      const value = inline ?? rest[++i];
      if (value === undefined || value.trim() === '') return { ok: false, message: `${flag} needs a value.` };
      if (flag in values) return { ok: false, message: `${flag} is given twice.` };
      values[flag] = value;
      continue;
    }
    words.push(a);
  }
  const inv: CliInvocation = { mode };
  if (values['--db'] !== undefined) inv.db = values['--db'];
  if (values['--as'] !== undefined) inv.as = values['--as'].trim().toLowerCase();
  if (values['--now'] !== undefined) {
    const now = parseInstant(values['--now']);
    if (!now) return { ok: false, message: `--now ${values['--now']} is not an ISO-8601 instant with a zone, e.g. --now 2026-11-24T13:00:00Z.` };
    const range = instantOutOfRange(now);
    if (range) return { ok: false, message: `--now ${values['--now']} is out of range: ${range}, e.g. --now 2026-11-24T13:00:00Z.` };
    inv.now = now;
  }
  if (mode === 'init') {
    const num = (flag: string): number | undefined | null => {
      const v = values[flag];
      if (v === undefined) return undefined;
      return /^\d{1,2}$/.test(v) && Number(v) <= 60 ? Number(v) : null;
    };
    const noticeDays = num('--notice-days');
    const minutesDays = num('--minutes-days');
    if (noticeDays === null || minutesDays === null) return { ok: false, message: '--notice-days and --minutes-days are whole numbers of days from 0 to 60.' };
    if (words.length > 0) return { ok: false, message: `Unexpected "${words.join(' ')}" after init. See convene --help.` };
    const example = values['--example'];
    if (example === undefined && (values['--exercise'] === undefined || values['--timezone'] === undefined || values['--coordinator'] === undefined))
      return { ok: false, message: 'init needs --example kosovo, or --exercise "<name>" --timezone <IANA zone> --coordinator <email>.' };
    inv.init = {
      ...(example !== undefined ? { example } : {}),
      ...(values['--exercise'] !== undefined ? { name: values['--exercise'] } : {}),
      ...(values['--timezone'] !== undefined ? { timeZone: values['--timezone'] } : {}),
      ...(values['--language'] !== undefined ? { language: values['--language'] } : {}),
      ...(values['--coordinator'] !== undefined ? { coordinator: values['--coordinator'] } : {}),
      ...(values['--coordinator-name'] !== undefined ? { coordinatorName: values['--coordinator-name'] } : {}),
      ...(noticeDays !== undefined ? { noticeDays } : {}),
      ...(minutesDays !== undefined ? { minutesDays } : {}),
    };
    return { ok: true, invocation: inv };
  }
  if (values['--exercise'] !== undefined) inv.exercise = values['--exercise'];
  if (mode === 'command') {
    if (words.length === 0) return { ok: false, message: 'Give a command, e.g. convene "/members list", or convene --help.' };
    inv.text = words.length === 1 ? words[0]! : words.map(requote).join(' ');
  } else if (words.length > 0) return { ok: false, message: `Unexpected "${words.join(' ')}" after ${mode}.` };
  return { ok: true, invocation: inv };
}

export const CLI_HELP = `Convene: the coordination bot of a profiling working group (PWG/PMG).
Usage: convene [flags] "<command text>" | convene start | tick | init ... | --help | --version

  convene start                         run the bot (terminal console; Slack/Discord when configured)
  convene [--db <path>] [--exercise <slug>] [--as <email>] [--now <ISO-8601>] "<command text>"
                                        run one command and print the reply (flags may also follow it)
                                        exit 0 accepted, 1 refused, 2 usage error
  convene tick [--now <ISO-8601>]       run whatever is due once (reminders, deadlines, outbox)
  convene init --example kosovo         load the example working group from the Kosovo TOR
  convene init --exercise "<name>" --timezone <IANA zone> --coordinator <email> [--coordinator-name "<name>"] [--language en|sq|sr-Latn|sr-Cyrl]
               [--notice-days N] [--minutes-days N]
${MAINTENANCE_HELP}

Type convene "/help" for the commands of the working group.`;
