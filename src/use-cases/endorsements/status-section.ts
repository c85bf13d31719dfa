import type { CommandContext } from '../../core/context';
import { DOCUMENT_KINDS, endorsementsOf, type DocumentKind, type Endorsement } from '../../store/endorsements';
import { OUTCOME_TEXT } from '../../domain/tally';
import { formatInZone } from '../../domain/time';
import { documentName, mayRead, openState, shortId, standingOf } from './request';
import { offersCoordinatorSteps } from '../shared/hints';

/** The documents the TOR asks the group to endorse, and the key meeting each belongs to. */
const DOCUMENTS: Record<DocumentKind, string> = {
  tor: 'objectives and TOR (key meeting: tor)',
  methodology: 'methodology (key meeting: methodology)',
  tools: 'data-collection tools (key meeting: methodology)',
  findings: 'findings and recommendations (key meeting: findings)',
  report: 'final report (key meeting: report)',
  dissemination: 'dissemination strategy (key meeting: report)',
};

function state(ctx: CommandContext, e: Endorsement): string {
  const zone = ctx.requireExercise().timeZone;
  const name = `${shortId(e)} ${e.group} ${documentName(e)}`;
  if (e.status === 'closed') return `${name}: ${OUTCOME_TEXT[e.outcome!]} (closed ${formatInZone(new Date(e.closedAt!), zone)})`;
  const s = standingOf(ctx.db, e);
  return `${name}: ${openState(e, zone, ctx.now)}, ${s.tally.voted} of ${s.electorate.length} voted`;
}

/** `/exercise status`: for each document of the key meetings, whether the group endorsed it (the latest request decides). */
export function endorsementsSection(ctx: CommandContext): string[] {
  const exercise = ctx.requireExercise();
  const all = endorsementsOf(ctx.db, exercise.id, 'all').filter((e) => mayRead(ctx, e));
  const lines = ['Endorsement of the key documents:'];
  for (const kind of DOCUMENT_KINDS) {
    const latest = all.find((e) => e.document === kind);
    const hint = offersCoordinatorSteps(ctx) ? ` /endorse open PWG <title> document:${kind}` : '';
    lines.push(`- ${DOCUMENTS[kind]}: ${latest ? state(ctx, latest) : `not sought yet.${hint}`}`);
  }
  const other = all.filter((e) => e.document === null && e.status === 'open');
  if (other.length) lines.push(`Other open requests: ${other.map((e) => state(ctx, e)).join('; ')}.`);
  return lines;
}
