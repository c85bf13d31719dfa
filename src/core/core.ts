import type { Logger } from '../logger';
import type { Clock } from '../clock';
import type { Db } from '../store/db';
import { inTransaction, readFirst } from '../store/db';
import { storageProblem } from '../store/failure';
import { exerciseBySlug, listExercises, type Exercise } from '../store/exercises';
import { exerciseIdsOf, identityOf } from '../store/members';
import { appendAudit } from '../store/audit';
import { rememberOutcome, seenOutcome } from '../store/inbound';
import { channelExercise } from '../store/channels';
import type { Registry, CommandDefinition } from '../commands/registry';
import { parseCommand, type ParseResult } from '../commands/parse';
import { sayIn } from '../i18n/say';
import { translate } from '../i18n/catalogue';
import type { Language } from '../domain/vocabulary';
import type { TemplateRenderer } from '../render/renderer';
import { CommandContext, type ActingPerson, type Settings } from './context';
import { resolveActor } from './resolve-actor';
import { readOnlySentence } from './read-only';
import { authorise } from './authorise';
import type { Actor, ChatRequest, CommandOutcome, Core, InboundCommand, RefusalCode, Suggestion, SuggestionRequest } from './ports';
import { answerLanguage, chatLanguage } from './chat-language';
import { chatWords, type ChatWords } from '../chat/words';
import { HOME_SECTIONS, homeOf, type ChatHome } from '../chat/home';
import { suggestIds } from '../use-cases/shared/suggest';
import { rendersDeferred } from '../store/deferred-payloads';
import { deferredRenderer } from '../render/deferred';

export interface CoreDependencies {
  db: Db;
  clock: Clock;
  registry: Registry;
  renderer: TemplateRenderer;
  settings: Settings;
  logger: Logger;
  /** Called after a command committed messages to the outbox, so a sender can start at once. */
  onCommitted?: () => void;
}

/** Thrown inside the transaction to roll a refused command back; never escapes the core. */
class Refusal {
  constructor(readonly outcome: CommandOutcome) {}
}

/**
 * The platform-free heart: parse → identify → authorise → run the use case → audit, with the
 * state change, its outgoing messages and its audit entry in one IMMEDIATE transaction.
 */
export class ConveneCore implements Core {
  constructor(private readonly deps: CoreDependencies) {
    // What a command queues unrendered is rendered by this renderer when read on this connection.
    rendersDeferred(deps.db, deferredRenderer(deps.renderer));
  }

  async handle(command: InboundCommand): Promise<CommandOutcome> {
    return this.handleSync(command);
  }

  /** Ids for a chat picker: only a linked, active member of the exercise gets any. */
  async suggest(request: SuggestionRequest): Promise<Suggestion[]> {
    const now = this.deps.clock.now();
    const found = this.findExercise({ text: '', actor: request.actor, ...(request.channel ? { channel: request.channel } : {}) });
    if (!found.ok) return [];
    // Without an e-mail a chat user is only looked up, never linked: a suggestion writes nothing.
    const a = request.actor;
    const actor: Actor = a.kind === 'chat' ? { kind: 'chat', medium: a.medium, userId: a.userId } : a;
    const who = resolveActor(this.deps.db, actor, found.exercise, now.toISOString());
    if (!who.ok || !who.acting.member) return [];
    const ctx = new CommandContext(this.deps.db, now, found.exercise, who.acting, this.deps.settings, this.deps.renderer, '', request.channel);
    return suggestIds(ctx, request.lookup, request.typed);
  }

  async words(request: ChatRequest): Promise<ChatWords> {
    let language: Language = 'en';
    try {
      const found = this.findExercise({ text: '', actor: request.actor });
      language = chatLanguage(this.deps.db, request.actor, found.ok ? found.exercise : null);
    } catch (error) {
      // Said when things already go wrong (a database the bot cannot read): English then.
      this.deps.logger.warn({ err: error }, 'the language of a chat sentence could not be read; answering in English');
    }
    return chatWords(language, request.actor.medium, request.helpCommand, request.say, request.form);
  }

  /**
   * Each section runs as a command of the person (so a Slack user is linked by their e-mail on
   * the first one); the home's own words are then in the language its replies were given in.
   */
  async home(request: ChatRequest): Promise<ChatHome> {
    const outcomes = HOME_SECTIONS.map((section) => ({
      section,
      outcome: this.handleSync({ text: section.command, actor: request.actor, helpCommand: request.helpCommand }),
    }));
    const language = this.languageOrEnglish({ text: '', actor: request.actor });
    return homeOf(outcomes, sayIn(language), request.helpCommand);
  }

  /** Synchronous form (better-sqlite3 is synchronous): used by the CLI and benchmarks. */
  handleSync(command: InboundCommand): CommandOutcome {
    const { db, clock, logger } = this.deps;
    const now = clock.now();
    const parsed = parseCommand(this.deps.registry, command.text, command.helpCommand);
    if (!parsed.ok) return this.refuseLine(command, parsed);
    const definition = parsed.definition;
    const changes = changesState(definition, parsed.args);
    // A platform retry of a change must not apply it twice: its delivery id and outcome are kept
    // durably. A read is simply answered again, so it writes no row (and costs no fsync).
    const deliveryId = changes ? command.deliveryId : undefined;
    try {
      const body = () => {
        if (deliveryId) {
          const seen = seenOutcome(db, deliveryId);
          if (seen) return seen;
        }
        const { outcome: result, keep } = this.run(definition, parsed.args, command, now);
        if (result.status === 'refused' && !keep) throw new Refusal(result);
        if (deliveryId) rememberOutcome(db, deliveryId, now.toISOString(), result);
        return result;
      };
      // A read takes no write lock, so it answers while another process writes; if it turns out
      // to write after all (an export's audit entry), it runs again under the lock.
      const outcome = changes ? inTransaction(db, body) : readFirst(db, body);
      if (changes) this.deps.onCommitted?.();
      return outcome;
    } catch (error) {
      if (error instanceof Refusal) {
        // Refusals are answered to the user; the log keeps them at debug so a console stays readable.
        logger.debug({ command: definition.path, code: error.outcome.status === 'refused' ? error.outcome.code : undefined }, 'command refused');
        return error.outcome;
      }
      const environment = storageProblem(error);
      if (environment) {
        // The person is told in a sentence; the log gets the code, not a stack trace (nothing is wrong
        // with Convene). Busy passes by itself, so it is only news at info (a one-shot CLI shows warn).
        const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
        const busy = code !== undefined && /^SQLITE_(BUSY|LOCKED)/.test(code);
        logger[busy ? 'info' : 'warn']({ command: definition.path, code, problem: environment }, 'command not run: database problem');
        // Busy passes by itself and may meet any member: said in their language. The others are for whoever runs the bot.
        return refusal('not-available', busy ? translate(this.languageOrEnglish(command), 'refusal.busy') : environment);
      }
      const reference = `E${now.getTime().toString(36)}`;
      logger.error({ err: error, command: definition.path, reference }, 'command failed');
      return refusal('rule', translate(this.languageOrEnglish(command), 'refusal.failed', { reference }));
    }
  }

  private run(definition: CommandDefinition, args: unknown, command: InboundCommand, now: Date): { outcome: CommandOutcome; keep: boolean } {
    const outcome = this.decide(definition, args, command, now);
    return 'keep' in outcome ? outcome : { outcome, keep: false };
  }

  private decide(
    definition: CommandDefinition,
    args: unknown,
    command: InboundCommand,
    now: Date,
  ): CommandOutcome | { outcome: CommandOutcome; keep: true } {
    const { db } = this.deps;
    const nowIso = now.toISOString();
    const scoped = definition.scope !== 'installation';
    const found = this.findExercise(command);
    if (!found.ok && scoped) return refusal('not-found', found.message);
    const exercise = found.ok ? found.exercise : null;

    const who = resolveActor(db, command.actor, exercise, nowIso);
    if (!who.ok) return refusal('forbidden', who.message);
    const acting: ActingPerson = who.acting;
    // The actor's language, once per command: their person row is already loaded.
    const say = sayIn(answerLanguage(db, acting.person, exercise));

    const allowed = authorise(definition, args, acting, command.actor.kind, say);
    if (!allowed.ok) return refusal('forbidden', allowed.message);
    if (definition.pending) return refusal('not-available', `/${definition.path} is not available yet: ${definition.pending} come in a coming release.`);
    const changes = changesState(definition, args);
    if (scoped && changes && exercise?.status === 'dissolved') {
      return refusal('rule', readOnlySentence(exercise, say));
    }
    const ctx = new CommandContext(db, now, exercise, acting, this.deps.settings, this.deps.renderer, parsed(command.text), command.channel, command.helpCommand);
    const result = definition.run(ctx, args);
    const audit = (outcome: 'accepted' | 'refused', detail: Record<string, unknown> | null) =>
      appendAudit(db, {
        exerciseId: exercise?.id ?? null,
        at: nowIso,
        actorPersonId: acting.person?.id ?? null,
        actor: acting.label,
        action: definition.path,
        command: ctx.command,
        outcome,
        detail,
      });
    if (!result.ok) {
      const refused = refusal(result.code, result.message, result.field);
      if (!result.commit) return refused;
      audit('refused', { reason: result.message });
      return { outcome: refused, keep: true };
    }
    if (changes) audit('accepted', result.detail ?? null);
    return { status: 'accepted', reply: result.reply, audience: result.audience ?? 'person', ...(result.actions?.length ? { actions: result.actions } : {}) };
  }

  /**
   * A line the grammar refuses, answered in the actor's language: only then is the actor looked up
   * before parsing (read only), and the line parsed again to say why in that language.
   */
  private refuseLine(command: InboundCommand, parsed: Extract<ParseResult, { ok: false }>): CommandOutcome {
    const found = this.findExercise(command);
    const language = chatLanguage(this.deps.db, command.actor, found.ok ? found.exercise : null);
    const said = language === 'en' ? parsed : parseCommand(this.deps.registry, command.text, command.helpCommand, language);
    return said.ok ? refusal(parsed.code, parsed.message, parsed.field) : refusal(said.code, said.message, said.field);
  }

  /** The actor's language after a failure; English when even that cannot be read. */
  private languageOrEnglish(command: InboundCommand): Language {
    try {
      const found = this.findExercise(command);
      return chatLanguage(this.deps.db, command.actor, found.ok ? found.exercise : null);
    } catch {
      return 'en';
    }
  }

  /** The exercise a command acts on: named, bound to the channel, the person's only one, or the only active one. */
  private findExercise(command: InboundCommand): { ok: true; exercise: Exercise } | { ok: false; message: string } {
    const { db } = this.deps;
    if (command.exerciseSlug) {
      const e = exerciseBySlug(db, command.exerciseSlug);
      if (e) return { ok: true, exercise: e };
      const known = listExercises(db).map((x) => x.slug);
      return {
        ok: false,
        message: known.length === 0 ? `There is no exercise "${command.exerciseSlug}"; none is set up yet (init sets one up).` : `There is no exercise "${command.exerciseSlug}". Known exercises: ${known.join(', ')}.`,
      };
    }
    if (command.channel) {
      const e = channelExercise(db, command.channel.medium, command.channel.id);
      if (e) return { ok: true, exercise: e };
    }
    const all = listExercises(db);
    if (all.length === 0)
      return {
        ok: false,
        message:
          'No exercise is set up yet. Whoever runs the bot sets one up: init --example kosovo (the example from the TOR) or init --exercise "<name>" --timezone <zone> --coordinator <email>, typed in the bot\'s terminal, or from a shell as bin/convene.mjs init ... in Convene\'s folder.',
      };
    if (command.actor.kind === 'chat') {
      const identity = identityOf(db, command.actor.medium, command.actor.userId);
      if (identity) {
        const mine = exerciseIdsOf(db, identity.personId);
        const own = all.filter((e) => mine.includes(e.id));
        if (own.length === 1) return { ok: true, exercise: own[0]! };
      }
    }
    const active = all.filter((e) => e.status === 'active');
    if (active.length === 1) return { ok: true, exercise: active[0]! };
    if (all.length === 1) return { ok: true, exercise: all[0]! };
    // No exercise to take the language from: the person's own when the bot knows them, else the one all active exercises share.
    return { ok: false, message: translate(chatLanguage(db, command.actor, null), 'refusal.severalExercises', { slugs: all.map((e) => e.slug).join(', ') }) };
  }
}

/** A refusal is always for the person who gave the command. */
function refusal(code: RefusalCode, reply: string, field?: string): CommandOutcome {
  return { status: 'refused', code, reply, audience: 'person', ...(field ? { field } : {}) };
}

/** Whether this use of the command changes state (a changing command may have a reading form). */
function changesState(definition: CommandDefinition, args: unknown): boolean {
  return definition.changes && !(definition.readsOnly?.(args) ?? false);
}

/** The command as recorded: one line, bounded, for the audit log. */
function parsed(text: string): string {
  const t = text.trim();
  return t.length > 2000 ? `${t.slice(0, 2000)}…` : t;
}
