import { CommandContext, type Settings } from '../../core/context';
import { formatInZone } from '../../domain/time';
import type { TemplateRenderer } from '../../render/renderer';
import type { Db } from '../../store/db';
import { endorsementsOf } from '../../store/endorsements';
import { meetingsOf } from '../../store/meetings';
import { activeFocalPoints, organisationsOf } from '../../store/members';
import { standingOf, shortId } from '../../use-cases/endorsements/request';
import { keyMeetingsSection } from '../../use-cases/meetings/status-sections';
import { actionItemsSection, minutesSection } from '../../use-cases/minutes/status-section';
import type { LinkHolder } from '../open-link';
import { readerZone } from '../open-link';
import { noticeMatrix } from './notice-matrix';
import { refusal, whoView, type PageResult } from './page';
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
  const zone = readerZone(h);
  const ctx = new CommandContext(db, now, h.exercise, { person: h.person, member: h.member, label: `${h.person.email} (web link)` }, reading.settings, reading.renderer, '(overview page)');
  const meetings = meetingsOf(db, h.exercise.id);
  const keys = keyMeetings(db, meetings, now);
  const organisations = organisationsOf(db, h.exercise.id, 'PWG');
  const requests = endorsementsOf(db, h.exercise.id, 'all').filter((e) => e.status === 'open' || (e.closedAt && now.getTime() - new Date(e.closedAt).getTime() < RECENT_MS));
  const standings = requests.map((e) => ({ e, s: standingOf(db, e) }));
  const bar = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * BAR));
  const gaps = organisations.flatMap((o) => {
    const focal = activeFocalPoints(db, o.id);
    if (focal.length === 0) return [`${o.acronym} (${o.name}): no focal point`];
    if (focal.every((p) => p.emailStatus === 'bounced')) return [`${o.acronym} (${o.name}): every focal point's e-mail bounced (${focal.map((p) => p.email).join(', ')})`];
    return [];
  });
  const item = (line: string) => line.replace(/^\s*- /, '');
  return {
    ok: true,
    page: {
      template: 'overview',
      status: 200,
      language: 'en',
      view: {
        ...whoView(h),
        title: `Overview of ${h.exercise.name}`,
        asOf: formatInZone(now, zone),
        timelines: [drawTimeline(keys, zone, now, 'wide'), drawTimeline(keys, zone, now, 'narrow')],
        keyLines: keyMeetingsSection(ctx).slice(1).map(item),
        matrix: noticeMatrix(ctx, meetings, zone),
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
              state: e.status === 'open' ? `open until ${formatInZone(new Date(e.deadlineAt), zone)}` : `closed: ${e.outcome}`,
              tally: `${s.tally.endorse} endorse, ${s.tally.object} object, ${s.tally.abstain} abstain; ${s.tally.voted} of ${of} voted, quorum ${s.tally.quorum}`,
              bar: { width: BAR, endorse, object, objectX: endorse, abstain, abstainX: endorse + object },
            };
          }),
          rows: organisations.map((o) => ({
            organisation: o.acronym,
            cells: standings.map(({ e, s }) => {
              if (!s.electorate.some((x) => x.id === o.id)) return { cls: 'cell-none', text: '—', title: `${o.acronym} does not vote on ${shortId(e)}` };
              const v = s.votes.find((x) => x.organisationId === o.id);
              return v
                ? { cls: `vote-${v.choice}`, text: v.choice, title: `${o.acronym}: ${v.choice}${v.proxy ? ' (proxy)' : ''}, ${v.castBy.name}` }
                : { cls: 'vote-none', text: 'not voted', title: `${o.acronym} has not voted on ${shortId(e)}` };
            }),
          })),
        },
        minutesLines: minutesSection(ctx).slice(1).map(item),
        actionLines: actionItemsSection(ctx).slice(1).map(item),
        gaps,
        hasGaps: gaps.length > 0,
      },
    },
  };
}
