import { LANGUAGES } from '../../domain/vocabulary';
import type { Db } from '../../store/db';
import { actionsOf } from '../../store/action-items';
import { currentVoteOf, endorsementsOf } from '../../store/endorsements';
import { currentNotice } from '../../store/meeting-notices';
import { agendaOf, meetingById, meetingsOf, meetingEnd } from '../../store/meetings';
import { publishedMeetingIds, versionsOf } from '../../store/minutes';
import { awaitingResult, shortId } from '../../use-cases/endorsements/request';
import type { LinkHolder } from '../open-link';
import { actionStateIn, voteIn } from './states';
import { pageLink, readsGroup, whoView, type PageResult } from './page';

const RECENT_MS = 45 * 86_400_000;

/** Each language in its own words, so a reader finds theirs whatever the page is written in. */
const LANGUAGE_LABELS: Record<(typeof LANGUAGES)[number], string> = {
  en: 'English',
  sq: 'Shqip',
  'sr-Latn': 'Srpski (latinica)',
  'sr-Cyrl': 'Српски (ћирилица)',
};

/**
 * A person's own page: their meetings (agenda, when the notice went out, `.ics`), the open votes
 * of their organisation, its open action items, and the published minutes of their groups. Only
 * what this person reads: a PWG-only focal point sees nothing of the PMG.
 */
export function homePage(db: Db, h: LinkHolder, now: Date): PageResult {
  const w = h.words;
  const link = (purpose: Parameters<typeof pageLink>[2], target: number, endsBy?: Date) => pageLink(db, h, purpose, target, now, endsBy);
  const org = h.member.role === 'focal' ? h.member.organisation : null;

  const meetings = meetingsOf(db, h.exercise.id)
    .filter((m) => readsGroup(h, m.group) && m.status !== 'cancelled' && meetingEnd(m).getTime() > now.getTime() - RECENT_MS)
    .map((m) => {
      const notice = currentNotice(db, m.id);
      const page = link('meeting', m.id);
      return {
        id: `M${m.id}`,
        title: m.title,
        group: m.group,
        when: w.at(m.startsAt),
        past: meetingEnd(m) <= now,
        notice: notice
          ? w.t(notice.late ? 'web-home.noticeSentLate' : 'web-home.noticeSent', { at: w.at(notice.sentAt) })
          : w.t('web-home.noticeNotSent', { deadline: w.at(m.noticeDeadline) }),
        agenda: (notice?.agenda ?? agendaOf(db, m.id).map((i) => i.text)).map((text, i) => ({ number: i + 1, text })),
        page,
        calendar: `${page}/calendar.ics`,
      };
    });

  const votes = org
    ? endorsementsOf(db, h.exercise.id, 'open')
        .filter((e) => e.group === 'PWG' || org.inPmg)
        .map((e) => {
          const v = currentVoteOf(db, e.id, org.id);
          const closing = awaitingResult(e, now);
          return {
            id: shortId(e),
            title: e.title,
            version: e.version ? w.t('web-common.version', { version: e.version }) : false,
            group: e.group,
            closes: w.t('web-home.closes', { deadline: w.at(e.deadlineAt) }),
            vote: v ? w.t('web-home.castBy', { choice: voteIn(w, v.choice, v.proxy), name: v.castBy.name }) : w.t('web-home.notVoted'),
            link: closing ? false : link('vote', e.id, new Date(e.deadlineAt)),
          };
        })
    : [];

  const actions = actionsOf(db, h.exercise.id, 'open')
    .filter((a) => (org ? a.organisation.id === org.id : h.member.role === 'coordinator'))
    .filter((a) => {
      const m = meetingById(db, a.meetingId);
      return m !== undefined && readsGroup(h, m.group);
    })
    .map((a) => ({ id: `A${a.id}`, text: a.text, meta: w.t('web-home.actionMeta', { owner: a.organisation.acronym, due: w.day(a.dueDate), state: actionStateIn(w, a, h.exercise.timeZone, now) }), link: link('done', a.id) }));

  const published = publishedMeetingIds(db, h.exercise.id);
  const minutes = meetingsOf(db, h.exercise.id)
    .filter((m) => published.has(m.id) && readsGroup(h, m.group))
    .map((m) => {
      const latest = versionsOf(db, m.id).at(-1)!;
      return { id: `M${m.id}`, title: m.title, group: m.group, meta: w.t('web-home.minutesMeta', { version: latest.version, published: w.at(latest.publishedAt) }), link: link('minutes', m.id) };
    });

  return {
    ok: true,
    page: {
      template: 'home',
      language: w.language,
      status: 200,
      view: {
        ...whoView(h),
        title: `${h.person.name}: ${h.exercise.name}`,
        zone: w.zone,
        exerciseZone: h.exercise.timeZone,
        bothZones: w.zone !== h.exercise.timeZone,
        open: h.exercise.status === 'active',
        ownZone: h.person.timeZone ?? '',
        languages: LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_LABELS[l], selected: l === w.language })),
        meetings,
        hasMeetings: meetings.length > 0,
        focal: org !== null,
        acronym: org?.acronym ?? false,
        votes,
        hasVotes: votes.length > 0,
        actions,
        hasActions: actions.length > 0,
        minutes,
        hasMinutes: minutes.length > 0,
      },
    },
  };
}
