import { escapeMarkdown as md } from '../../render/markdown';
import { formatInZone } from '../../domain/time';
import { formatLongIn } from '../../i18n/dates';
import { sayIn } from '../../i18n/say';
import type { ExerciseRecord } from './export-schema';

type R = ExerciseRecord;

type Revisions = R['minutesRevisions'];

/** Whether a revision removed this captured item from the minutes. */
function removed(revisions: Revisions, key: 'entryId' | 'actionItemId', id: number): boolean {
  return revisions.some((x) => x[key] === id && x.change === 'remove');
}

/** An action item's text as last edited. */
function latestText(revisions: Revisions, a: { id: number; text: string }): string {
  return revisions.filter((x) => x.actionItemId === a.id && x.change === 'edit').at(-1)?.text ?? a.text;
}

/**
 * The readable side of an export (`report.md`): the same record as the JSON, laid out for a
 * person: members, meetings with their notices and minutes, endorsements with every vote, action
 * items, and the audit log. Everything a member typed is escaped, so it reads as text. Written in
 * the exercise's language (catalogue section `export-report`; English for a record that names
 * none), so `convene verify --export` makes the same file again from record.json alone.
 */
export function reportMarkdown(r: R): string {
  const language = r.exercise.language ?? 'en';
  const t = sayIn(language);
  const say = (key: string, values: Record<string, unknown> = {}) => t(`export-report.${key}`, values);
  const zone = r.exercise.timeZone;
  const at = (iso: string | null) => (iso ? formatInZone(new Date(iso), zone) : '');
  const person = (id: number | null) => {
    const p = r.people.find((x) => x.id === id);
    return p ? `${md(p.name)} (${md(p.email)})` : id === null ? say('scheduler') : say('person', { id });
  };
  const org = (id: number | null) => r.organisations.find((o) => o.id === id)?.acronym ?? '';
  const cell = (s: string | number | null) => (s === null || s === '' ? '' : md(String(s)));
  const lines: string[] = [];
  const table = (head: string[], rows: (string | number | null)[][], raw = false) => {
    lines.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const row of rows) lines.push(`| ${row.map((c) => (raw ? String(c ?? '') : cell(c))).join(' | ')} |`);
    lines.push('');
  };
  const heads = (section: string, keys: string[]) => keys.map((k) => say(`${section}.${k}`));

  const e = r.exercise;
  lines.push(say('title', { name: md(e.name) }), '');
  lines.push(say('slug', { slug: md(e.slug), zone: e.timeZone, notice: say('noticeDays', { count: e.noticeDays }), minutes: say('minutesDays', { count: e.minutesDays }) }));
  lines.push(say('created', { at: at(e.createdAt), state: e.status === 'dissolved' ? say('dissolved', { at: at(e.dissolvedAt) }) : say('active') }));
  lines.push(say('exported', { at: at(r.exportedAt), by: md(r.exportedBy) }));
  lines.push(say('chain', { head: r.chain.head ?? say('noHead'), count: r.chain.entries }), '');

  lines.push(say('organisationsHead'), '');
  table(
    heads('organisationsTable', ['organisation', 'name', 'groups', 'focal']),
    r.organisations.map((o) => {
      const focal = r.memberships.filter((m) => m.role === 'focal' && m.organisationId === o.id);
      const names = focal.map((m) => (m.active ? person(m.personId) : say('removed', { person: person(m.personId), at: at(m.removedAt) }))).join('; ');
      return [md(o.acronym), md(o.name), o.inPmg ? 'PWG, PMG' : 'PWG', names || say('none')];
    }),
    true,
  );
  const others = r.memberships.filter((m) => m.role !== 'focal');
  lines.push(say('othersHead'), '');
  for (const m of others) {
    const who = `${person(m.personId)}: ${say(`roles.${m.role}`)}`;
    lines.push(`- ${m.active ? who : say('removed', { person: who, at: at(m.removedAt) })}`);
  }
  lines.push('');

  lines.push(say('meetingsHead'), '');
  if (r.meetings.length === 0) lines.push(say('noneYet'), '');
  for (const m of r.meetings) {
    lines.push(`### M${m.id} ${m.group}: ${md(m.title)}`, '');
    const when = formatLongIn(new Date(m.startsAt), zone, language);
    lines.push(say(m.place ? 'whenAt' : 'when', { when, count: m.durationMinutes, place: m.place ? md(m.place) : '' }));
    const status = [
      `${say(`meetingStatus.${m.status}`)}${m.cancelReason ? ` (${md(m.cancelReason)})` : ''}`,
      ...(m.milestone ? [say('keyMeeting', { milestone: m.milestone })] : []),
      ...(m.urgentReason ? [say('shortNotice', { reason: md(m.urgentReason) })] : []),
    ];
    lines.push(say('status', { status: status.join('; ') }));
    lines.push(say('deadline', { deadline: at(m.noticeDeadline), person: person(m.organizerPersonId) }));
    const agenda = r.agendaItems.filter((a) => a.meetingId === m.id);
    lines.push(`${say('agenda')} ${agenda.length ? '' : say('none')}`);
    for (const a of agenda) lines.push(`    ${a.position}. ${md(a.text)}`);
    for (const n of r.meetingNotices.filter((x) => x.meetingId === m.id)) {
      const sent = r.noticeMessages.filter((x) => x.noticeId === n.id).map((x) => r.messages.find((msg) => msg.id === x.outboxId)!);
      const failed = sent.filter((x) => x.status === 'failed').length;
      const timing = n.kind === 'cancellation' ? 'cancellation' : n.late ? 'late' : 'onTime';
      lines.push(say('notice', {
        version: n.version,
        kind: say(`noticeKinds.${n.kind}`),
        at: at(n.sentAt),
        timing: say(`timing.${timing}`),
        reason: n.reason ? `: ${md(n.reason)}` : '',
        messages: say('messages', { count: sent.length }),
        handed: sent.filter((x) => x.status === 'sent').length,
        failed: failed ? say('failed', { count: failed }) : '',
        items: say('items', { count: n.agenda.length }),
      }));
    }
    minutesOf(m.id);
    lines.push('');
  }

  function minutesOf(meetingId: number): void {
    const versions = r.minutesVersions.filter((v) => v.meetingId === meetingId);
    if (versions.length === 0) {
      const captured = r.minutesEntries.filter((x) => x.meetingId === meetingId && !removed(r.minutesRevisions, 'entryId', x.id)).length;
      lines.push(captured ? say('minutesCaptured', { count: captured }) : say('minutesNotPublished'));
      return;
    }
    for (const v of versions) {
      const sent = r.minutesMessages.filter((x) => x.versionId === v.id).length;
      const what = v.correction ? say('correction', { correction: md(v.correction) }) : say(v.late ? 'late' : 'onTime', { due: v.dueDate });
      lines.push(say('minutesVersion', { version: v.version, at: at(v.publishedAt), person: person(v.publishedByPersonId), what, count: sent }));
    }
    const c = versions.at(-1)!.content;
    lines.push(say('minutesLast', { version: versions.at(-1)!.version }));
    const present = c.attendance ? c.attendance.present.join(', ') || say('none') : say('notRecorded');
    lines.push(say('present', { list: c.attendance?.absent.length ? say('absent', { present, absent: c.attendance.absent.join(', ') }) : present }));
    c.notes.forEach((n, i) => lines.push(say('note', { n: i + 1, text: md(n.text), by: md(n.by), at: n.at })));
    c.decisions.forEach((d, i) => lines.push(say('decision', { n: i + 1, text: md(d.text), by: md(d.by), at: d.at })));
    c.actions.forEach((a) => lines.push(say('action', { id: a.id, org: a.organisation, due: a.dueDate, text: md(a.text) })));
  }

  lines.push(say('endorsementsHead'), '');
  if (r.endorsements.length === 0) lines.push(say('noneSought'), '');
  for (const x of r.endorsements) {
    lines.push(`### E${x.id} ${x.group}: ${md(x.title)}${x.version ? ` ${say('version', { version: md(x.version) })}` : ''}`, '');
    const opened = { rule: x.rule, quorum: x.quorum, at: at(x.openedAt), person: person(x.openedByPersonId), deadline: at(x.deadlineAt), link: x.link ? md(x.link) : '' };
    lines.push(say(x.link ? 'ruleLink' : 'rule', opened));
    const closed = { at: at(x.closedAt), how: x.closedHow ? say(`closedHow.${x.closedHow}`) : '', outcome: x.outcome ? say(`outcomes.${x.outcome}`) : '', id: x.supersededBy };
    lines.push(x.status === 'open' ? say('open') : say(x.supersededBy ? 'closedSuperseded' : 'closed', closed), '');
    const votes = r.votes.filter((v) => v.endorsementId === x.id);
    if (votes.length)
      table(
        heads('votesTable', ['organisation', 'vote', 'comment', 'by', 'at', 'counts']),
        votes.map((v) => [
          md(org(v.organisationId)), v.choice, v.comment ? md(v.comment) : '', v.proxy ? say('proxy', { person: person(v.castByPersonId) }) : person(v.castByPersonId), at(v.castAt),
          v.current ? say('yes') : say('replaced', { at: at(v.replacedAt) }),
        ]),
        true,
      );
  }

  lines.push(say('actionsHead'), '');
  if (r.actionItems.length === 0) lines.push(say('noneYet'), '');
  else
    table(
      heads('actionsTable', ['item', 'owner', 'due', 'meeting', 'what', 'status']),
      r.actionItems.map((a) => [
        `A${a.id}`, org(a.organisationId), a.dueDate, `M${a.meetingId}`, latestText(r.minutesRevisions, a),
        removed(r.minutesRevisions, 'actionItemId', a.id) ? say('actionRemoved') : a.status === 'done' ? say('actionDone', { at: at(a.doneAt) }) : say('actionOpen'),
      ]),
    );

  const sent = r.messages.filter((m) => m.status === 'sent').length;
  lines.push(say('auditHead'), '', say('auditIntro', { count: r.auditLog.length, sent, total: r.messages.length }), '');
  table(
    ['#', ...heads('auditTable', ['at', 'who', 'what', 'outcome', 'command'])],
    r.auditLog.map((a) => [a.id, at(a.at), a.actor, a.action, a.outcome, a.command ?? '']),
  );
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
