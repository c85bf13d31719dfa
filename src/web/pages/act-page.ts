import type { InboundCommand } from '../../core/ports';
import type { Db } from '../../store/db';
import { actionById } from '../../store/action-items';
import { currentVoteOf } from '../../store/endorsements';
import { personById } from '../../store/members';
import { doneCommand, voteCommand } from '../act';
import type { LinkHolder } from '../open-link';
import { actionPage } from './action-page';
import { refusal, whoView, type PageResult } from './page';
import { actionStateIn, voteIn } from './states';
import { choiceOf, votableRequest, votePage } from './vote-page';
import { wordsFor } from './words';

export type PlannedAction = { ok: true; command: InboundCommand } | { ok: false; shown: PageResult };

/**
 * What a POSTed form of a link asks for, as a command of the core; or the page again, with what
 * is missing (an objection without its reason). Nothing is changed here: the core does that.
 */
export function actionForm(db: Db, h: LinkHolder, now: Date, form: { choice: string; comment: string }): PlannedAction {
  const w = h.words;
  switch (h.claim.purpose) {
    case 'vote': {
      const found = votableRequest(db, h);
      if (!found.ok) return { ok: false, shown: found.result };
      const choice = choiceOf(form.choice);
      const comment = form.comment.trim();
      if (!choice) return { ok: false, shown: votePage(db, h, now, null, { message: w.t('web-vote.chooseFirst'), comment }) };
      if (choice === 'object' && !comment)
        return { ok: false, shown: votePage(db, h, now, choice, { message: w.t('web-vote.reasonNeeded', { acronym: h.member.organisation!.acronym }), comment }) };
      return { ok: true, command: voteCommand(h, choice, comment) };
    }
    case 'done': {
      const shown = actionPage(db, h, now);
      if (!shown.ok) return { ok: false, shown };
      return { ok: true, command: doneCommand(h) };
    }
    default:
      return { ok: false, shown: refusal(h, 405, 'nothingToDo') };
  }
}

export interface Acted {
  view: Record<string, unknown>;
  language: LinkHolder['words']['language'];
}

/** The result page: the core's own sentence, and what the record now says. */
export function afterAction(db: Db, h: LinkHolder, now: Date, command: InboundCommand, reply: string): Acted {
  const w = h.words;
  const rows: { label: string; value: string }[] = [];
  let heading = w.t('web-result.recorded');
  if (h.claim.purpose === 'vote') {
    const org = h.member.organisation!;
    const v = currentVoteOf(db, h.claim.target, org.id);
    heading = w.t('web-result.voteRecorded', { acronym: org.acronym, id: `E${h.claim.target}` });
    if (v) {
      rows.push({ label: w.t('web-result.vote', { acronym: org.acronym }), value: voteIn(w, v.choice, v.proxy) });
      rows.push({ label: w.t('web-result.castBy'), value: w.t('web-result.castByValue', { name: v.castBy.name, at: w.at(v.castAt) }) });
      if (v.comment) rows.push({ label: w.t('web-result.comment'), value: v.comment });
    }
  } else if (h.claim.purpose === 'done') {
    const a = actionById(db, h.exercise.id, h.claim.target);
    heading = w.t('web-result.actionDone', { id: `A${h.claim.target}` });
    if (a) rows.push({ label: `A${a.id}`, value: actionStateIn(w, a, h.exercise.timeZone, now) });
  }
  return { language: w.language, view: resultView(h, heading, reply, rows, command.text) };
}

/**
 * The result of the settings form, in the language the person now reads (the record's, read
 * again), with the time zone they now see dates in. `changed` is false when nothing differed.
 */
export function afterSettings(db: Db, h: LinkHolder, changed: boolean): Acted {
  const person = personById(db, h.person.id) ?? h.person;
  const w = wordsFor(person, h.exercise);
  const holder = { ...h, person, words: w };
  const rows = [
    { label: w.t('web-result.language'), value: w.t(`web-common.languageName.${w.language}`) },
    { label: w.t('web-result.zone'), value: w.zone === h.exercise.timeZone ? w.zone : w.t('web-result.zoneBeside', { zone: w.zone, exerciseZone: h.exercise.timeZone }) },
  ];
  const heading = w.t(changed ? 'web-result.settingsSaved' : 'web-result.settingsUnchanged');
  const reply = w.t(changed ? 'web-result.settingsReply' : 'web-result.settingsSame');
  return { language: w.language, view: resultView(holder, heading, reply, rows, false) };
}

function resultView(h: LinkHolder, heading: string, reply: string, rows: { label: string; value: string }[], command: string | false): Record<string, unknown> {
  return { ...whoView(h), title: heading, heading, reply, recorded: rows.length > 0, rows, back: `/l/${h.token}`, command };
}
