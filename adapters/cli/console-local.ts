import { tokenize } from '../../src/commands/tokenize';
import { exerciseBySlug, listExercises } from '../../src/store/exercises';
import { completionWords } from '../../src/store/completion';
import type { ConsoleAdapter } from '../console/console-adapter';
import { GROUPS } from '../../src/domain/vocabulary';
import type { App } from '../compose';
import { parseArgv } from './argv';
import { initialiseExercise } from './init';
import { within } from '../shared/budget';
import type { InboundCommand } from '../../src/core/ports';
import { chatLanguage } from '../../src/core/chat-language';
import { translate } from '../../src/i18n/catalogue';

/**
 * What the console answers itself, beyond the commands of the grammar; `/help` ends with it, in the
 * language of the member the console acts as (catalogue: console-lines.help). The console's other
 * own lines (tick, quit, init, /exercise use) are for whoever runs the bot, and stay English.
 */
function consoleHelp(app: App, asked: InboundCommand): string {
  const exercises = listExercises(app.db);
  const exercise = asked.exerciseSlug ? (exerciseBySlug(app.db, asked.exerciseSlug) ?? null) : exercises.length === 1 ? exercises[0]! : null;
  return translate(chatLanguage(app.db, asked.actor, exercise), 'console-lines.help');
}

const LOCAL_WORDS = ['init', 'tick', 'quit'];
/** How long `tick` in the console waits before it answers and lets delivery go on behind the prompt. */
const TICK_ANSWER_MS = 3000;

/**
 * The console's own lines: `init` (then acts in the new exercise), `tick`, `quit`, `/exercise use`,
 * `/help` with these lines added; null for a line the core answers. `tick` answers within
 * `tickAnswerMs` (default TICK_ANSWER_MS).
 */
export function consoleLocal(
  app: App, console: () => ConsoleAdapter | null, quit: () => void, tickAnswerMs = TICK_ANSWER_MS,
): (line: string) => Promise<string | null> {
  return async (line) => {
    const words = line.split(/\s+/);
    const word = words[0]!.replace(/^\//, '').toLowerCase();
    if (word === 'quit' || word === 'exit') {
      quit();
      return 'Bye.';
    }
    if (word === 'tick') {
      const run = app.scheduler.tick();
      const said = (r: Awaited<typeof run>) => `${r.jobs.length} due job(s) run; messages: ${r.delivery.sent} sent, ${r.delivery.retrying} to retry, ${r.delivery.failed} failed.`;
      // The answer does not wait on a slow mail server: what the tick did is printed when it is done.
      const r = await within(run, tickAnswerMs);
      if (r) return said(r);
      void run.then((late) => console()?.notice(said(late)), () => undefined);
      return 'Running what is due; delivery is slow, so it goes on in the background and what it did is printed here when it is done.';
    }
    if (word === 'init') return initFromConsole(app, line, console());
    if (word === 'exercise' && words[1]?.toLowerCase() === 'use') return useExercise(app, words.slice(2), console());
    if (word.startsWith('-'))
      return 'Flags such as --exercise and --as go on the shell command that starts the bot. Here, pick the exercise with /exercise use <slug> (see /exercise list).';
    if (word === 'help' && words.length === 1) {
      const here = console();
      const asked: InboundCommand = here ? here.inbound('/help') : { text: '/help', actor: { kind: 'local' } };
      const outcome = await app.core.handle(asked);
      return `${outcome.reply}\n\n${consoleHelp(app, asked)}`;
    }
    return null;
  };
}

function useExercise(app: App, rest: string[], console: ConsoleAdapter | null): string {
  const known = listExercises(app.db);
  if (rest.length !== 1) return `Usage: /exercise use <slug>. Exercises: ${known.map((e) => e.slug).join(', ') || 'none yet'}.`;
  const exercise = exerciseBySlug(app.db, rest[0]!.toLowerCase());
  if (!exercise) return `There is no exercise "${rest[0]}". Known exercises: ${known.map((e) => e.slug).join(', ') || 'none yet (init sets one up)'}.`;
  console?.useExercise(exercise.slug);
  return `From now on this console acts in ${exercise.name} (${exercise.slug}).`;
}

function initFromConsole(app: App, line: string, console: ConsoleAdapter | null): string {
  const parsed = parseArgv(splitShellWords(line));
  if (!parsed.ok || parsed.invocation.mode !== 'init') return parsed.ok ? 'Usage: init --example kosovo' : parsed.message;
  const result = initialiseExercise(app, parsed.invocation.init!, 'admin (console)');
  if (!result.ok) return result.message;
  console?.useExercise(result.exercise.slug);
  return `${result.summary}\nThis console now acts in it, as its coordinator. Try /members list, then /help.`;
}

/** Tab completion: commands and their subcommands, then ids, acronyms and e-mails of the exercise in use. */
export function consoleCompletion(app: App, exercise: () => string | undefined): (line: string) => string[] {
  return (line) => {
    const words = line.trimStart().split(/\s+/);
    if (words.length <= 1) return [...app.registry.topics().map((t) => `/${t}`), ...LOCAL_WORDS];
    const topic = words[0]!.replace(/^\//, '').toLowerCase();
    if (words.length === 2) {
      const subs = app.registry.under(topic).map((d) => d.path.split(' ')[1]!);
      if (subs.length > 0) return topic === 'exercise' ? [...subs, 'use'] : subs;
    }
    if (topic === 'exercise' && words[1]?.toLowerCase() === 'use') return listExercises(app.db).map((e) => e.slug);
    const all = listExercises(app.db);
    const slug = exercise();
    const current = slug ? all.find((e) => e.slug === slug) : all.length === 1 ? all[0] : undefined;
    return [...(current ? completionWords(app.db, current.id) : []), ...GROUPS];
  };
}

/**
 * Splits `init --exercise "Kosovo 2014" --timezone Europe/Belgrade` into shell-like words, with
 * the quoting of the command grammar (one tokenizer); an unclosed quote splits at spaces.
 */
export function splitShellWords(line: string): string[] {
  const t = tokenize(line);
  return t.ok ? t.tokens.map((w) => w.text) : line.split(/\s+/).filter((w) => w !== '');
}
