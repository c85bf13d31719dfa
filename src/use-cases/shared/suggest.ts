import type { Lookup } from '../../commands/registry';
import type { CommandContext } from '../../core/context';
import type { Suggestion } from '../../core/ports';
import { formatInZone } from '../../domain/time';
import { actionsOf } from '../../store/action-items';
import { endorsementsOf } from '../../store/endorsements';
import { meetingById, meetingsOf } from '../../store/meetings';
import { mayRead, shortId } from '../endorsements/request';
import { canRead, meetingLabel } from '../meetings/lookups';
import { actionLabel } from '../minutes/lookups';

/** Chat pickers show at most this many (Discord's autocomplete limit). */
export const SUGGESTIONS_MAX = 25;
const LABEL_MAX = 100;

const clip = (s: string) => (s.length > LABEL_MAX ? `${s.slice(0, LABEL_MAX - 1)}…` : s);

/**
 * The meetings, endorsement requests or action items the acting person may see, for a chat
 * platform's picker: what is still ahead first, then the rest; narrowed to those whose id or
 * words contain what was typed so far. The words around ids and titles are in the person's language.
 * @example suggestIds(ctx, 'meeting', 'tor') // [{ value: 'M1', label: 'M1 PWG 2026-12-10 10:00 Agree the TOR' }]
 */
export function suggestIds(ctx: CommandContext, lookup: Lookup, typed: string): Suggestion[] {
  const exercise = ctx.requireExercise();
  const zone = exercise.timeZone;
  const now = ctx.now.getTime();
  let all: Suggestion[];
  switch (lookup) {
    case 'meeting': {
      const meetings = meetingsOf(ctx.db, exercise.id).filter((m) => canRead(ctx, m));
      const ahead = meetings.filter((m) => m.startsAt.getTime() > now);
      const past = meetings.filter((m) => m.startsAt.getTime() <= now).reverse();
      all = [...ahead, ...past].map((m) => ({
        value: meetingLabel(m),
        label: `${meetingLabel(m)} ${m.group} ${formatInZone(m.startsAt, zone).slice(0, 16)} ${m.title}${m.status === 'cancelled' ? ` ${ctx.say('chat-suggest.cancelled')}` : ''}`,
      }));
      break;
    }
    case 'endorsement': {
      const requests = endorsementsOf(ctx.db, exercise.id, 'all').filter((e) => mayRead(ctx, e));
      const ordered = [...requests.filter((e) => e.status === 'open'), ...requests.filter((e) => e.status !== 'open').reverse()];
      all = ordered.map((e) => ({ value: shortId(e), label: `${shortId(e)} ${e.group} ${ctx.say(`chat-suggest.${e.status}`)} ${e.title}${e.version ? ` (${e.version})` : ''}` }));
      break;
    }
    case 'action': {
      const actions = actionsOf(ctx.db, exercise.id, 'all').filter((a) => {
        const m = meetingById(ctx.db, a.meetingId);
        return m !== undefined && canRead(ctx, m);
      });
      const ordered = [...actions.filter((a) => a.status === 'open'), ...actions.filter((a) => a.status !== 'open')];
      all = ordered.map((a) => ({
        value: actionLabel(a),
        label: `${actionLabel(a)} ${a.organisation.acronym} ${ctx.say('chat-suggest.due', { date: a.dueDate })}${a.status === 'done' ? ` ${ctx.say('chat-suggest.done')}` : ''} ${a.text}`,
      }));
      break;
    }
  }
  const words = typed.trim().toLowerCase();
  const matching = words === '' ? all : all.filter((s) => s.label.toLowerCase().includes(words));
  return matching.slice(0, SUGGESTIONS_MAX).map((s) => ({ value: s.value, label: clip(s.label.replace(/\s+/g, ' ')) }));
}
