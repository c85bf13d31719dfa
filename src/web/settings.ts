import type { InboundCommand } from '../core/ports';
import { formatCommand } from '../commands/format';
import { parseTimeZone } from '../domain/time';
import { LANGUAGES, type Language } from '../domain/vocabulary';
import { setMemberLanguage } from '../use-cases/members/language';
import { setMemberTimeZone } from '../use-cases/members/timezone';
import type { LinkHolder, LinkRefusal } from './open-link';
import { refusalIn } from './open-link';

/** What the home page's settings form asks for: the commands to run, or why it cannot be done (nothing runs). */
export type PlannedSettings = { ok: true; commands: InboundCommand[]; language: Language; zone: string | null } | { ok: false; refusal: LinkRefusal };

/**
 * The person's own language and time zone from their home page, as the commands a member types
 * (`/members language me sq`, `/members timezone me Europe/Belgrade`) run as the link's person,
 * so the core applies its rules and audits them as it does in chat. Only what changes is asked;
 * an empty zone keeps the current one. A value not on offer refuses the whole form.
 */
export function settingsForm(h: LinkHolder, form: { language: string; zone: string }): PlannedSettings {
  const language = LANGUAGES.find((l) => l === form.language);
  if (!language) return { ok: false, refusal: refusalIn(h.words, 422, 'badLanguage', { languages: LANGUAGES.join(', ') }) };
  const typed = form.zone.trim();
  let zone: string | null = null;
  if (typed) {
    const parsed = parseTimeZone(typed);
    if (!parsed.ok) return { ok: false, refusal: refusalIn(h.words, 422, 'badZone', { zone: typed.slice(0, 64) }) };
    zone = parsed.value;
  }
  const as = (text: string): InboundCommand => ({ text, actor: { kind: 'web', personId: h.person.id }, exerciseSlug: h.exercise.slug });
  const commands: InboundCommand[] = [];
  if (language !== h.person.language) commands.push(as(formatCommand(setMemberLanguage, { email: 'me', language })));
  if (zone !== null && zone !== h.person.timeZone) commands.push(as(formatCommand(setMemberTimeZone, { email: 'me', zone })));
  return { ok: true, commands, language, zone };
}
