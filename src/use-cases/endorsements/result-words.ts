import type { Outcome } from '../../domain/tally';
import type { Language } from '../../domain/vocabulary';
import { translate } from '../../i18n/catalogue';
import { LATE_AFTER_MS } from '../../scheduler/tick';
import type { ClosedHow, Endorsement } from '../../store/endorsements';
import { shortId, type Standing } from './request';
import { readerTime } from '../../i18n/say';

/** The words of a request's result, in `language` (catalogue section `endorsement-result`). */
const say = (language: Language, key: string, values: Record<string, unknown> = {}) => translate(language, `endorsement-result.${key}`, values);

/** "endorsed", "no quorum", in `language`. */
export function outcomeIn(outcome: Outcome, language: Language): string {
  return say(language, `outcome.${outcome}`);
}

/**
 * How a request closed: "at its deadline, 2026-11-29 10:00 Europe/Belgrade", "by the coordinator on …",
 * in `language`; times in the exercise's zone, and the reader's own beside it when `person` has another.
 */
export function howClosedIn(
  e: Pick<Endorsement, 'deadlineAt'>,
  how: ClosedHow,
  at: string,
  zone: string,
  language: Language,
  supersededBy?: Endorsement,
  person?: { timeZone: string | null } | null,
): string {
  const on = readerTime(at, zone, person, language);
  switch (how) {
    case 'deadline': {
      const deadline = readerTime(e.deadlineAt, zone, person, language);
      const late = new Date(at).getTime() - new Date(e.deadlineAt).getTime() > LATE_AFTER_MS;
      return say(language, late ? 'how.deadlineLate' : 'how.deadline', { deadline, on });
    }
    case 'coordinator':
      return say(language, 'how.coordinator', { on });
    case 'all-voted':
      return say(language, 'how.allVoted', { on });
    case 'new-version':
      if (!supersededBy) return say(language, 'how.newVersionUnknown', { on });
      return say(language, supersededBy.version ? 'how.newVersionOf' : 'how.newVersion', { on, id: shortId(supersededBy), version: supersededBy.version });
  }
}

/** Why the tally gave what it gave, in the group's words and `language`. */
export function outcomeReasonIn(e: Pick<Endorsement, 'rule'>, s: Standing, outcome: Outcome, language: Language): string {
  const t = s.tally;
  switch (outcome) {
    case 'no-quorum':
      return say(language, 'reason.noQuorum', { count: s.electorate.length, voted: t.voted, quorum: t.quorum });
    case 'endorsed':
      return e.rule === 'consensus' ? say(language, 'reason.consensus') : say(language, 'reason.majority', { count: t.endorse, object: t.object });
    case 'not-endorsed':
      if (e.rule === 'consensus') {
        const objecting = s.votes.filter((v) => v.choice === 'object').map((v) => v.acronym);
        if (objecting.length === 0) return say(language, 'reason.noneEndorsed');
        return say(language, 'reason.objecting', { count: objecting.length, objecting: objecting.join(', ') });
      }
      return say(language, 'reason.noMajority', { endorse: t.endorse, object: t.object });
    case 'superseded':
      return say(language, 'reason.superseded');
    case 'withdrawn':
      return say(language, 'reason.withdrawn');
  }
}
