import { messageLanguage } from '../../i18n/catalogue';
import { z } from 'zod';
import { choiceArg, dateArg, groupArg, idArg, lineText, refuse } from '../../commands/args';
import { accepted, defineCommand, refused } from '../../commands/registry';
import type { CommandContext } from '../../core/context';
import type { Medium } from '../../core/ports';
import { DOCUMENT_KINDS, endorsementsOf, insertEndorsement, type DocumentKind, type Endorsement } from '../../store/endorsements';
import type { Milestone } from '../../store/meetings';
import { findMeeting } from '../meetings/lookups';
import { scheduleJob } from '../../store/jobs';
import { outboxEntry } from '../../store/outbox';
import { organisationsOf, recipientsOf, type Organisation } from '../../store/members';
import { defaultQuorum, RULE_TEXT, RULES } from '../../domain/tally';
import {
  DEFAULT_DEADLINE_DAYS, deadlineOn, defaultDeadline, earliestFullNoticeDate, givesFullNotice, hoursUntil, MAX_DEADLINE_DAYS, MIN_NOTICE_HOURS, openingMinute, reminderTimes, tooFarAhead,
} from '../../domain/endorsement-deadline';
import { formatDate, formatTime, localPartsAt } from '../../domain/time';
import { sayIn, type Say } from '../../i18n/say';
import { describeMedia } from '../meetings/dispatch';
import { voteButtons } from './buttons';
import { closeRequest } from './close-request';
import { documentName, refOf, requestView, shortId } from './request';
import { CLOSE_JOB, REMINDER_JOB } from './jobs';
import { GROUPS } from '../../domain/vocabulary';

const linkArg = z.string().superRefine((s, ctx) => {
  if (s.length > 500) refuse(ctx, 'The link is longer than 500 characters; use a shorter address.', 'reply-endorse-admin.args.linkTooLong');
  else if (!/^https?:\/\/[^\s\u0000-\u001f\u007f]+$/i.test(s) || !URL.canParse(s))
    refuse(ctx, 'The link must be a web address starting with https:// or http://, e.g. link:https://drive.example.org/tor-v2.', 'reply-endorse-admin.args.linkNotWeb');
});

const quorumArg = z.string().transform((s, ctx): number => {
  if (/^\d{1,3}$/.test(s)) return Number(s);
  refuse(ctx, 'The quorum is a number of organisations, e.g. quorum:6.', 'reply-endorse-admin.args.quorum');
  return z.NEVER;
});

/** The document kind of a key meeting's milestone. */
const MILESTONE_DOCUMENT: Record<Milestone, DocumentKind> = { tor: 'tor', methodology: 'methodology', findings: 'findings', report: 'report' };

const sameText = (a: string | null, b: string | null) => (a ?? '').replace(/\s+/g, ' ').trim().toLowerCase() === (b ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

export const openEndorsement = defineCommand({
  path: 'endorse open',
  params: [{ name: 'group', choices: GROUPS }, { name: 'title', rest: true }],
  options: {
    version: '<label>', link: '<url>', deadline: '<date>', rule: `<${RULES.join('|')}>`, meeting: '<id>', urgent: '"<reason>"', quorum: '<n>',
    document: `<${DOCUMENT_KINDS.join('|')}>`,
  },
  optionLookups: { meeting: 'meeting' },
  optionChoices: { rule: RULES, document: DOCUMENT_KINDS },
  schema: z.object({
    group: groupArg,
    title: lineText('title', 200, 'reply-endorse-admin.args'),
    version: lineText('version', 40, 'reply-endorse-admin.args').optional(),
    link: linkArg.optional(),
    deadline: dateArg.optional(),
    rule: choiceArg('rule', RULES, 'reply-endorse-admin.args').optional(),
    meeting: idArg('M', 'meeting').optional(),
    urgent: lineText('urgent reason', 300, 'reply-endorse-admin.args').optional(),
    quorum: quorumArg.optional(),
    document: choiceArg('document', DOCUMENT_KINDS, 'reply-endorse-admin.args').optional(),
  }),
  summary: `Seek the group's endorsement of a document: every member organisation of the group gets one vote. Rule: ${RULE_TEXT.consensus}, the default, or ${RULE_TEXT.majority}.`,
  details: [
    'Example: /endorse open PWG Terms of Reference of the PWG version:v2 link:https://drive.example.org/tor-v2 meeting:M1',
    `The request goes to every member of the group by e-mail, and in chat to those who linked a chat account, with Endorse / Object / Abstain buttons there. Defaults: rule consensus, quorum more than half of the group's organisations (an abstention counts towards it), deadline in ${DEFAULT_DEADLINE_DAYS} days.`,
    `deadline:<date> is a date in the exercise's time zone, at the same time of day the request is opened (opened at 10:30, deadline:2026-12-01 closes on 1 December at 10:30). A vote in that minute or later is refused. It must be at least ${MIN_NOTICE_HOURS} hours away unless urgent:"<reason>" is given, and at most ${MAX_DEADLINE_DAYS} days.`,
    "Opening a request with the same group and title as an open one, but a new version:, closes the old one as superseded. document:<kind> says which document of the TOR it is (tor, methodology, tools, findings, report, dissemination), so /exercise status shows whether it was endorsed; meeting:<id> ties it to a meeting, and a key meeting's milestone names the document when document: is not given.",
    'It closes at its deadline, when the coordinator closes it, or as soon as every organisation of the group has voted. Organisations that have not voted are reminded 48 and 24 hours before the deadline.',
  ].join('\n'),
  access: 'coordinator',
  changes: true,
  run(ctx, args) {
    const exercise = ctx.requireExercise();
    const zone = exercise.timeZone;
    const say = ctx.sayFrom('reply-endorse-admin', { group: args.group });
    const electorate = organisationsOf(ctx.db, exercise.id, args.group);
    if (electorate.length === 0)
      return refused('rule', say('noOrganisations', { command: `/members add-org <acronym> <name...>${args.group === 'PMG' ? ' pmg' : ''}` }));
    const quorum = args.quorum ?? defaultQuorum(electorate.length);
    if (quorum < 1 || quorum > electorate.length) return refused('bad-argument', say('quorumRange', { count: electorate.length }));

    const found = args.meeting === undefined ? undefined : findMeeting(ctx, args.meeting);
    if (found && !found.ok) return refused('not-found', found.message);
    const meeting = found?.ok ? found.value : undefined;
    const document = args.document ?? (meeting?.milestone ? MILESTONE_DOCUMENT[meeting.milestone] : null);

    const opened = openingMinute(ctx.now);
    if (args.deadline && tooFarAhead(ctx.now, zone, args.deadline))
      return refused('bad-argument', say('tooFar', { date: formatDate(args.deadline), count: MAX_DEADLINE_DAYS }));
    const deadline = args.deadline ? deadlineOn(ctx.now, zone, args.deadline) : defaultDeadline(ctx.now, zone);
    const at = formatTime(localPartsAt(opened, zone));
    const until = { deadline: ctx.when(deadline), at, count: hoursUntil(ctx.now, deadline), min: say('hours', { count: MIN_NOTICE_HOURS }) };
    if (deadline.getTime() <= opened.getTime()) return refused('rule', say('noTimeToVote', until));
    const full = givesFullNotice(ctx.now, deadline);
    if (!full && !args.urgent) return refused('rule', say('tooSoon', { ...until, earliest: formatDate(earliestFullNoticeDate(ctx.now, zone)) }));
    if (full && args.urgent) return refused('rule', say('urgentNotNeeded', until));

    const version = args.version ?? null;
    const sameDocument = endorsementsOf(ctx.db, exercise.id, 'open').filter((o) => o.group === args.group && sameText(o.title, args.title));
    const duplicate = sameDocument.find((o) => sameText(o.version, version));
    if (duplicate)
      return refused('rule', say('duplicate', { id: shortId(duplicate), document: documentName(duplicate, ctx.language), deadline: ctx.when(duplicate.deadlineAt) }));

    const e = insertEndorsement(ctx.db, {
      exerciseId: exercise.id, group: args.group, title: args.title, document, version, link: args.link ?? null, rule: args.rule ?? 'consensus', quorum,
      meetingId: meeting?.id ?? null, deadlineAt: deadline.toISOString(), urgentReason: args.urgent ?? null, openedAt: ctx.nowIso,
      openedByPersonId: ctx.actor.person?.id ?? null,
    });
    const superseded = sameDocument.map((old) => closeRequest(ctx, old, { how: 'new-version', outcome: 'superseded', supersededBy: e }));
    for (const r of reminderTimes(ctx.now, deadline)) scheduleJob(ctx.db, { exerciseId: exercise.id, kind: REMINDER_JOB, ref: refOf(e), dueAt: r.dueAt.toISOString(), payload: { hours: r.hours } });
    scheduleJob(ctx.db, { exerciseId: exercise.id, kind: CLOSE_JOB, ref: refOf(e), dueAt: e.deadlineAt });

    const sent = announce(ctx, e, electorate);
    const unreachable = electorate.filter((o) => !sent.reached.has(o.id)).map((o) => o.acronym);
    const lines = [
      say('opened', { id: shortId(e), document: documentName(e, ctx.language), rule: say(`rules.${e.rule}`), quorum, count: electorate.length, deadline: ctx.when(deadline) }),
      say('went', { sent: describeSent(sent, ctx.say) }),
    ];
    if (sameDocument.length) lines.push(say('replaces', { ids: sameDocument.map(shortId).join(', ') }));
    if (unreachable.length) lines.push(say('unreachable', { list: unreachable.join(', '), count: unreachable.length }));
    return accepted(lines.join(' '), {
      endorsement: shortId(e), group: e.group, title: e.title, version, link: e.link, document, rule: e.rule, quorum,
      electorate: electorate.map((o) => o.acronym), deadline: e.deadlineAt, urgent: e.urgentReason, meeting: meeting ? `M${meeting.id}` : null,
      supersedes: superseded.flatMap((s) => (s ? [s.detail] : [])),
    });
  },
});

/** What announcing a request queued: the organisations reached, the members, their messages by medium, the channel posts. */
interface Sent {
  reached: Set<number>;
  members: number;
  byMedium: Map<Medium, number>;
  channels: number;
}

/** "14 members, 14 messages (14 e-mail)", "14 members, 17 messages (14 e-mail, 3 slack), and 1 group channel", in the reader's language. */
export function describeSent(s: Pick<Sent, 'members' | 'byMedium' | 'channels'>, say: Say = sayIn('en')): string {
  const messages = [...s.byMedium.values()].reduce((a, n) => a + n, 0);
  const media = [...s.byMedium].sort(([a], [b]) => (a === 'email' ? -1 : b === 'email' ? 1 : a.localeCompare(b)));
  return say('reply-endorse-admin.sent', {
    members: say('reply-endorse-admin.members', { count: s.members }),
    messages: say('reply-meeting-admin.messages', { count: messages }),
    media: media.length ? say('reply-endorse-admin.media', { list: describeMedia(media, say) }) : '',
    channels: s.channels ? say('reply-endorse-admin.channels', { count: s.channels }) : '',
  });
}

/** Tells every member of the group, and the group's channels; focal points get the buttons. */
function announce(ctx: CommandContext, e: Endorsement, electorate: Organisation[]): Sent {
  const exercise = ctx.requireExercise();
  const buttons = voteButtons(e);
  const voters = new Set(electorate.map((o) => o.id));
  const channelLanguage = messageLanguage('endorsement-request', null, exercise);
  const posts = ctx.announce({ kind: 'endorsement-request', ref: refOf(e), group: e.group, view: { ...requestView(e, electorate.length, exercise.timeZone, null, channelLanguage), inChannel: true }, actions: buttons });
  const reached = new Set<number>();
  const byMedium = new Map<Medium, number>();
  const members = recipientsOf(ctx.db, exercise.id, e.group);
  for (const member of members) {
    const votes = member.role === 'focal' && member.organisation !== null && voters.has(member.organisation.id);
    if (votes && member.emailStatus !== 'bounced') reached.add(member.organisation!.id);
    const ids = ctx.deliver({
      kind: 'endorsement-request',
      ref: refOf(e),
      to: member,
      organisationId: votes ? member.organisation!.id : null,
      view: { ...requestView(e, electorate.length, exercise.timeZone, member, messageLanguage('endorsement-request', member, exercise)), votes, organisation: member.organisation?.acronym ?? null },
      ...(votes ? { actions: buttons, links: { vote: e } } : {}),
    });
    for (const id of ids) {
      const medium = outboxEntry(ctx.db, id)?.medium;
      if (medium) byMedium.set(medium, (byMedium.get(medium) ?? 0) + 1);
    }
  }
  return { reached, members: members.length, byMedium, channels: posts.length };
}
