import type { Medium } from '../core/ports';
import { deliverToPerson } from '../core/context';
import type { Language } from '../domain/vocabulary';
import { messageLanguage, translate } from '../i18n/catalogue';
import { formatForReader } from '../i18n/dates';
import type { TemplateRenderer } from '../render/renderer';
import type { Db } from '../store/db';
import { markMediumFailing, markMediumWorking, markTroubleReported, pauseMedium, type MediumState } from '../store/delivery-media';
import { listExercises } from '../store/exercises';
import { coordinators } from '../store/members';

/** A medium that has failed for everyone this long is reported to the coordinators, once. */
export const TROUBLE_AFTER_MS = 3600_000;
/** A paused medium tries one message this often (and at once in a new process: the settings may be fixed). */
export const PROBE_EVERY_MS = 2 * 60_000;

/** What the person running Convene changes when a provider refuses it, in `language` (catalogue: delivery-paused.settings). */
function settingsOf(medium: Medium, language: Language = 'en'): string {
  return translate(language, `delivery-paused.settings.${medium}`);
}

/** How a medium is named in a sentence: "e-mail", "Slack"; `atStart` for the first word ("E-mail"). */
export function mediumName(medium: Medium, atStart = false): string {
  const name = medium === 'email' ? 'e-mail' : medium.charAt(0).toUpperCase() + medium.slice(1);
  return atStart ? name.charAt(0).toUpperCase() + name.slice(1) : name;
}

export interface HealthContext {
  db: Db;
  renderer: TemplateRenderer;
  at: Date;
  /** Every medium the sender can deliver on: the coordinators are told on another one. */
  media: readonly Medium[];
}

/**
 * The provider refused our own settings: pause the medium. Returns the one sentence for the
 * operator the first time (the coordinators are told by another medium when one works), else null.
 */
export function pauseForConfiguration(h: HealthContext, medium: Medium, error: string): string | null {
  const atIso = h.at.toISOString();
  const first = pauseMedium(h.db, medium, atIso, error, new Date(h.at.getTime() + PROBE_EVERY_MS).toISOString());
  if (!first) return null;
  tellCoordinators(h, 'delivery-paused', medium, { error, since: atIso, settings: true }, false);
  return `${mediumName(medium, true)} delivery is paused: the provider refuses Convene's own settings (${error}); check ${settingsOf(medium)}. Nothing is lost: messages wait and go out by themselves once it accepts them.`;
}

/** A message went through: the medium works. Returns a sentence when it had been paused, else null. */
export function deliveredOn(h: HealthContext, medium: Medium): string | null {
  const before = markMediumWorking(h.db, medium);
  return before?.pausedAt ? `${mediumName(medium, true)} delivery has resumed: the provider accepts Convene's settings again.` : null;
}

/**
 * A transient failure. After an hour of nothing but failures on the medium the coordinators hear
 * it once for the whole episode (not per message); returns the operator's sentence then, else null.
 */
export function failedTransiently(h: HealthContext, medium: Medium, error: string): string | null {
  const atIso = h.at.toISOString();
  const state = markMediumFailing(h.db, medium, atIso, error);
  if (h.at.getTime() - new Date(state.failingSince!).getTime() < TROUBLE_AFTER_MS) return null;
  if (!markTroubleReported(h.db, medium, atIso)) return null;
  tellCoordinators(h, 'delivery-trouble', medium, { error, since: state.failingSince }, true);
  return `${mediumName(medium, true)} delivery has been failing since ${state.failingSince} (${error}); messages wait and are retried with back-off.`;
}

/** True while the medium's long failure has been reported: give-ups are covered by that one report. */
export function troubleReported(state: MediumState | undefined): boolean {
  return !!state?.troubleReportedAt;
}

/**
 * Queues a notice to the coordinators of every active exercise on another medium than the one in
 * trouble; with `orSame`, to a coordinator who has no other, on the failing medium itself (it goes
 * out once that works again, and explains the delay).
 */
function tellCoordinators(h: HealthContext, kind: string, medium: Medium, view: { error: string; since: string | null; settings?: boolean }, orSame: boolean): void {
  const others = h.media.filter((m) => m !== medium);
  const atIso = h.at.toISOString();
  for (const exercise of listExercises(h.db).filter((e) => e.status === 'active')) {
    for (const c of coordinators(h.db, exercise.id)) {
      const language = messageLanguage(kind, c, exercise);
      const name = translate(language, `media.${medium}`);
      const message = {
        kind,
        ref: `delivery:${medium}`,
        to: c,
        view: {
          medium: name,
          Medium: name.charAt(0).toUpperCase() + name.slice(1),
          error: view.error,
          since: view.since ? formatForReader(new Date(view.since), exercise.timeZone, c.timeZone, language) : '',
          settings: view.settings ? settingsOf(medium, language) : '',
        },
      };
      const ids = others.length > 0 ? deliverToPerson(h.db, h.renderer, exercise.id, atIso, { ...message, media: others }) : [];
      if (ids.length === 0 && orSame) deliverToPerson(h.db, h.renderer, exercise.id, atIso, { ...message, media: [medium] });
    }
  }
}
