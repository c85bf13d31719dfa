import { escapeMarkdown as md } from '../../render/markdown';
import { formatInZone, formatLong } from '../../domain/time';
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
 * items, and the audit log. Everything a member typed is escaped, so it reads as text.
 */
export function reportMarkdown(r: R): string {
  const zone = r.exercise.timeZone;
  const at = (iso: string | null) => (iso ? formatInZone(new Date(iso), zone) : '');
  const person = (id: number | null) => {
    const p = r.people.find((x) => x.id === id);
    return p ? `${md(p.name)} (${md(p.email)})` : id === null ? 'the scheduler' : `person ${id}`;
  };
  const org = (id: number | null) => r.organisations.find((o) => o.id === id)?.acronym ?? '';
  const cell = (s: string | number | null) => (s === null || s === '' ? '' : md(String(s)));
  const lines: string[] = [];
  const table = (head: string[], rows: (string | number | null)[][], raw = false) => {
    lines.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`);
    for (const row of rows) lines.push(`| ${row.map((c) => (raw ? String(c ?? '') : cell(c))).join(' | ')} |`);
    lines.push('');
  };

  const e = r.exercise;
  lines.push(`# ${md(e.name)}: the record of the exercise`, '');
  lines.push(`- Slug: ${md(e.slug)}; time zone ${e.timeZone}; notice ${e.noticeDays} days; minutes within ${e.minutesDays} days.`);
  lines.push(`- Created ${at(e.createdAt)}; ${e.status === 'dissolved' ? `dissolved ${at(e.dissolvedAt)}` : 'active'}.`);
  lines.push(`- Exported ${at(r.exportedAt)} by ${md(r.exportedBy)}. The same record, complete, is in record.json (docs/EXPORT.md).`);
  lines.push(`- Chain head: \`${r.chain.head ?? 'none'}\` (${r.chain.entries} audit entries). Compare it with the one the coordinator sent you; \`convene verify --export <folder>\` checks this folder against it.`, '');

  lines.push('## Member organisations and their focal points', '');
  table(
    ['Organisation', 'Name', 'Groups', 'Focal points'],
    r.organisations.map((o) => {
      const focal = r.memberships.filter((m) => m.role === 'focal' && m.organisationId === o.id);
      const names = focal.map((m) => `${person(m.personId)}${m.active ? '' : ` (removed ${at(m.removedAt)})`}`).join('; ');
      return [md(o.acronym), md(o.name), o.inPmg ? 'PWG, PMG' : 'PWG', names || 'none'];
    }),
    true,
  );
  const others = r.memberships.filter((m) => m.role !== 'focal');
  lines.push('Coordinators and observers:', '');
  for (const m of others) lines.push(`- ${person(m.personId)}: ${m.role}${m.active ? '' : ` (removed ${at(m.removedAt)})`}`);
  lines.push('');

  lines.push('## Meetings', '');
  if (r.meetings.length === 0) lines.push('None.', '');
  for (const m of r.meetings) {
    lines.push(`### M${m.id} ${m.group}: ${md(m.title)}`, '');
    lines.push(`- When: ${formatLong(new Date(m.startsAt), zone)}, ${m.durationMinutes} minutes${m.place ? `, at ${md(m.place)}` : ''}.`);
    lines.push(`- Status: ${m.status}${m.cancelReason ? ` (${md(m.cancelReason)})` : ''}${m.milestone ? `; key meeting: ${m.milestone}` : ''}${m.urgentReason ? `; short notice: ${md(m.urgentReason)}` : ''}.`);
    lines.push(`- Notice deadline: ${at(m.noticeDeadline)}; called by ${person(m.organizerPersonId)}.`);
    const agenda = r.agendaItems.filter((a) => a.meetingId === m.id);
    lines.push(`- Agenda (current): ${agenda.length ? '' : 'none'}`);
    for (const a of agenda) lines.push(`    ${a.position}. ${md(a.text)}`);
    for (const n of r.meetingNotices.filter((x) => x.meetingId === m.id)) {
      const sent = r.noticeMessages.filter((x) => x.noticeId === n.id).map((x) => r.messages.find((msg) => msg.id === x.outboxId)!);
      const handed = sent.filter((x) => x.status === 'sent').length;
      const failed = sent.filter((x) => x.status === 'failed').length;
      const timing = n.kind === 'cancellation' ? 'cancellation' : n.late ? 'after the deadline' : 'on time';
      lines.push(`- Notice v${n.version} ${n.kind}, sent ${at(n.sentAt)} (${timing})${n.reason ? `: ${md(n.reason)}` : ''}; ${sent.length} message${sent.length === 1 ? '' : 's'}, ${handed} handed over${failed ? `, ${failed} failed` : ''}; agenda of ${n.agenda.length} item${n.agenda.length === 1 ? '' : 's'}.`);
    }
    minutesOf(m.id);
    lines.push('');
  }

  function minutesOf(meetingId: number): void {
    const versions = r.minutesVersions.filter((v) => v.meetingId === meetingId);
    if (versions.length === 0) {
      const captured = r.minutesEntries.filter((x) => x.meetingId === meetingId && !removed(r.minutesRevisions, 'entryId', x.id)).length;
      lines.push(`- Minutes: not published${captured ? ` (${captured} notes and decisions captured)` : ''}.`);
      return;
    }
    for (const v of versions) {
      const sent = r.minutesMessages.filter((x) => x.versionId === v.id).length;
      const what = v.correction ? `correction: ${md(v.correction)}` : v.late ? `late, due ${v.dueDate}` : `on time, due ${v.dueDate}`;
      lines.push(`- Minutes v${v.version} published ${at(v.publishedAt)} by ${person(v.publishedByPersonId)} (${what}); ${sent} messages.`);
    }
    const c = versions.at(-1)!.content;
    lines.push(`- Minutes as last published (v${versions.at(-1)!.version}):`);
    lines.push(`    - Present: ${c.attendance ? `${c.attendance.present.join(', ') || 'none'}${c.attendance.absent.length ? `; absent: ${c.attendance.absent.join(', ')}` : ''}` : 'not recorded'}`);
    c.notes.forEach((n, i) => lines.push(`    - Note ${i + 1}: ${md(n.text)} (${md(n.by)}, ${n.at})`));
    c.decisions.forEach((d, i) => lines.push(`    - Decision ${i + 1}: ${md(d.text)} (${md(d.by)}, ${d.at})`));
    c.actions.forEach((a) => lines.push(`    - Action ${a.id} (${a.organisation}, due ${a.dueDate}): ${md(a.text)}`));
  }

  lines.push('## Endorsements', '');
  if (r.endorsements.length === 0) lines.push('None sought.', '');
  for (const x of r.endorsements) {
    lines.push(`### E${x.id} ${x.group}: ${md(x.title)}${x.version ? ` (version ${md(x.version)})` : ''}`, '');
    lines.push(`- Rule ${x.rule}, quorum ${x.quorum}; opened ${at(x.openedAt)} by ${person(x.openedByPersonId)}; deadline ${at(x.deadlineAt)}${x.link ? `; document: ${md(x.link)}` : ''}.`);
    lines.push(`- ${x.status === 'open' ? 'Open' : `Closed ${at(x.closedAt)} (${x.closedHow}): ${x.outcome}${x.supersededBy ? `, superseded by E${x.supersededBy}` : ''}`}.`, '');
    const votes = r.votes.filter((v) => v.endorsementId === x.id);
    if (votes.length)
      table(
        ['Organisation', 'Vote', 'Comment', 'Cast by', 'At', 'Counts'],
        votes.map((v) => [
          md(org(v.organisationId)), v.choice, v.comment ? md(v.comment) : '', `${person(v.castByPersonId)}${v.proxy ? ' (proxy)' : ''}`, at(v.castAt),
          v.current ? 'yes' : `replaced ${at(v.replacedAt)}`,
        ]),
        true,
      );
  }

  lines.push('## Action items', '');
  if (r.actionItems.length === 0) lines.push('None.', '');
  else
    table(
      ['Item', 'Owner', 'Due', 'Meeting', 'What', 'Status'],
      r.actionItems.map((a) => [
        `A${a.id}`, org(a.organisationId), a.dueDate, `M${a.meetingId}`, latestText(r.minutesRevisions, a),
        removed(r.minutesRevisions, 'actionItemId', a.id) ? 'removed from the minutes' : a.status === 'done' ? `done ${at(a.doneAt)}` : 'open',
      ]),
    );

  lines.push('## Audit log', '', `${r.auditLog.length} entries, oldest first. Messages sent: ${r.messages.filter((m) => m.status === 'sent').length} of ${r.messages.length}.`, '');
  table(
    ['#', 'At', 'Who', 'What', 'Outcome', 'Command'],
    r.auditLog.map((a) => [a.id, at(a.at), a.actor, a.action, a.outcome, a.command ?? '']),
  );
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
