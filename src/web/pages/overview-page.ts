import { CommandContext, type Settings } from '../../core/context';
import type { TemplateRenderer } from '../../render/renderer';
import type { Db } from '../../store/db';
import { endorsementsOf } from '../../store/endorsements';
import { meetingsOf } from '../../store/meetings';
import { activeFocalPoints, organisationsOf } from '../../store/members';
import { standingOf, shortId } from '../../use-cases/endorsements/request';
import type { LinkHolder } from '../open-link';
import { noticeMatrix } from './notice-matrix';
import { actionLines, keyMeetingLines, minutesLines } from './overview-lines';
import { refusal, whoView, type PageResult } from './page';
import { outcomeIn, voteIn } from './states';
import { drawTimeline, keyMeetings } from './timeline';

/** What reading pages that reuse the core's own summaries needs (the renderer is not used to send anything). */
export interface Reading {
  renderer: TemplateRenderer;
  settings: Settings;
}

const RECENT_MS = 30 * 86_400_000;
const BAR = 200;

/**
 * The coordinator's overview: the key meetings on a drawn timeline with their notice deadlines,
 * the notice proof as a grid of organisations × meetings, each organisation's vote on the current
 * endorsements with tally bars, overdue minutes and actions, and organisations without a working
 * focal point. Only a coordinator's link opens it.
 */
export function overviewPage(db: Db, h: LinkHolder, now: Date, reading: Reading): PageResult {
  if (h.member.role !== 'coordinator')
    return refusal(h, 403, 'coordinatorsOnly', { name: h.person.name, exercise: h.exercise.name });
  const w = h.words;
  const t = (key: string, values: Record<string, unknown> = {}) => w.t(`web-overview.${key}`, values);
  const ctx = new CommandContext(db, now, h.exercise, { person: h.person, member: h.member, label: `${h.person.email} (web link)` }, reading.settings, reading.renderer, '(overview page)');
  const meetings = meetingsOf(db, h.exercise.id);
  const keys = keyMeetings(db, meetings, now);
  const organisations = organisationsOf(db, h.exercise.id, 'PWG');
  const requests = endorsementsOf(db, h.exercise.id, 'all').filter((e) => e.status === 'open' || (e.closedAt && now.getTime() - new Date(e.closedAt).getTime() < RECENT_MS));
  const standings = requests.map((e) => ({ e, s: standingOf(db, e) }));
  const bar = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * BAR));
  const gaps = organisations.flatMap((o) => {
    const focal = activeFocalPoints(db, o.id);
    if (focal.length === 0) return [t('gapNoFocal', { acronym: o.acronym, name: o.name })];
    if (focal.every((p) => p.emailStatus === 'bounced')) return [t('gapBounced', { acronym: o.acronym, name: o.name, emails: focal.map((p) => p.email).join(', ') })];
    return [];
  });
  const actions = actionLines(ctx, w);
  return {
    ok: true,
    page: {
      template: 'overview',
      status: 200,
      language: w.language,
      view: {
        ...whoView(h),
        title: t('title', { exercise: h.exercise.name }),
        asOf: t('asOf', { at: w.at(now) }),
        zones: w.zone === h.exercise.timeZone ? w.t('web-home.timesIn', { zone: w.zone }) : w.t('web-home.timesInBoth', { zone: w.zone, exerciseZone: h.exercise.timeZone }),
        timelines: [drawTimeline(keys, w.zone, now, 'wide', w.language), drawTimeline(keys, w.zone, now, 'narrow', w.language)],
        keyLines: keyMeetingLines(ctx, keys, w),
        matrix: noticeMatrix(ctx, meetings, w),
        endorsements: {
          has: requests.length > 0,
          columns: standings.map(({ e, s }) => {
            const of = s.electorate.length;
            const endorse = bar(s.tally.endorse, of);
            const object = bar(s.tally.object, of);
            const abstain = bar(s.tally.abstain, of);
            return {
              id: shortId(e),
              title: `${e.title}${e.version ? ` (${e.version})` : ''}`,
              group: e.group,
              state: e.status === 'open' ? t('openUntil', { deadline: w.at(e.deadlineAt) }) : t('closedAs', { outcome: e.outcome ? outcomeIn(w, e.outcome) : '—' }),
              tally: t('tally', { count: of, voted: s.tally.voted, endorse: s.tally.endorse, object: s.tally.object, abstain: s.tally.abstain, quorum: s.tally.quorum }),
              bar: { width: BAR, endorse, object, objectX: endorse, abstain, abstainX: endorse + object },
            };
          }),
          rows: organisations.map((o) => ({
            organisation: o.acronym,
            cells: standings.map(({ e, s }) => {
              if (!s.electorate.some((x) => x.id === o.id)) return { cls: 'cell-none', text: '—', title: t('doesNotVote', { acronym: o.acronym, id: shortId(e) }) };
              const v = s.votes.find((x) => x.organisationId === o.id);
              return v
                ? { cls: `vote-${v.choice}`, text: voteIn(w, v.choice), title: t('voteTitle', { acronym: o.acronym, choice: voteIn(w, v.choice, v.proxy), name: v.castBy.name }) }
                : { cls: 'vote-none', text: t('notVoted'), title: t('hasNotVoted', { acronym: o.acronym, id: shortId(e) }) };
            }),
          })),
        },
        minutesLines: minutesLines(ctx, meetings, w),
        actionSummary: actions.summary,
        actionLines: actions.overdue,
        gaps,
        hasGaps: gaps.length > 0,
      },
    },
  };
}
