/**
 * What a vote redesigned around the floor (bench/lib/least-vote.ts) would cost: the floor's
 * statements and its one outbox row (receipts and tally expanded by the sender later), plus what
 * no design can drop under the brief: the real command grammar (`parseCommand`, the registry,
 * the command's zod schema), the reply in the person's language from the real catalogue, and the
 * audit entry through the real canonical digests and chain hash (`rowDigest`, `entryHash`), taken
 * from the values written instead of read back (the reply's deadline is left as stored, not
 * formatted: a memoised format costs next to nothing). Not the product's code: an estimate, printed
 * beside Convene's vote and the floor, of what the redesign the vote's goal calls for would reach.
 */
import { parseCommand } from '../../src/commands/parse';
import type { Registry } from '../../src/commands/registry';
import { entryHash, rowDigest, type StateItem } from '../../src/domain/audit-chain';
import { LANGUAGES, type Language } from '../../src/domain/vocabulary';
import { sayIn } from '../../src/i18n/say';
import type { Db } from '../../src/store/db';
import { floorStatements } from './least-vote';

export function leanVote(db: Db, registry: Registry, o: { exerciseId: number; requestId: number; emails: string[]; at: string }): () => string {
  const q = floorStatements(db);
  let n = 0;
  return () => {
    const email = o.emails[n % o.emails.length]!;
    const text = Math.floor(n / o.emails.length) % 2 === 0 ? `/endorse vote E${o.requestId} endorse` : `/endorse vote E${o.requestId} object The figures need checking`;
    n++;
    const parsed = parseCommand(registry, text);
    if (!parsed.ok) throw new Error(parsed.message);
    const args = parsed.args as { id: number; choice: string; comment?: string };
    const comment = args.comment ?? null;
    q.begin.run();
    try {
      const p = q.person.get(email) as { id: number; name: string; language: string | null };
      const mem = q.member.get(o.exerciseId, p.id) as { role: string; organisation_id: number; acronym: string } | undefined;
      if (mem?.role !== 'focal') throw new Error(`${email} is not a focal point`);
      const e = q.request.get(args.id, o.exerciseId) as { id: number; status: string; deadline_at: string; title: string };
      if (e.status !== 'open' || e.deadline_at <= o.at) throw new Error(`E${e.id} is closed`);
      type Cast = { id: number; choice: string; comment: string | null; cast_by_person_id: number; proxy: number; cast_at: string };
      const prev = q.current.get(e.id, mem.organisation_id) as Cast | undefined;
      if (prev) q.replace.run(o.at, prev.id);
      const vote = Number(q.cast.run(e.id, mem.organisation_id, args.choice, comment, p.id, o.at).lastInsertRowid);
      const c = q.counts.get(o.exerciseId, e.id) as { electorate: number; voted: number };
      const payload = JSON.stringify({ vote, replaces: prev?.id ?? null });
      const row = Number(q.outbox.run(o.exerciseId, `endorsement:${e.id}`, email, mem.organisation_id, o.at, o.at).lastInsertRowid);
      q.payload.run(row, payload);
      const detail = { endorsement: `E${e.id}`, organisation: mem.acronym, choice: args.choice, comment, vote, replaces: prev?.id ?? null };
      // Both rows the vote wrote: the replaced one and the new one, digested from what was written.
      const state: StateItem[] = [];
      if (prev) {
        state.push(['vote', prev.id, rowDigest('vote', {
          id: prev.id, endorsementId: e.id, organisationId: mem.organisation_id, choice: prev.choice, comment: prev.comment, castByPersonId: prev.cast_by_person_id,
          proxy: prev.proxy === 1, castAt: prev.cast_at, current: false, replacedAt: o.at,
        })]);
      }
      state.push(['vote', vote, rowDigest('vote', {
        id: vote, endorsementId: e.id, organisationId: mem.organisation_id, choice: args.choice, comment, castByPersonId: p.id, proxy: false, castAt: o.at, current: true, replacedAt: null,
      })]);
      const prevHash = (q.head.get(o.exerciseId) as { hash: string | null } | undefined)?.hash ?? null;
      const content = { exerciseId: o.exerciseId, at: o.at, actorPersonId: p.id, actor: email, action: 'endorse vote', command: text, outcome: 'accepted', detail, state, prevHash };
      q.audit.run(o.exerciseId, o.at, p.id, email, text, JSON.stringify(detail), JSON.stringify(state), prevHash, entryHash(content));
      q.commit.run();
      const say = sayIn((LANGUAGES as readonly string[]).includes(p.language ?? '') ? (p.language as Language) : 'en');
      return [
        say('reply-vote.recorded', { org: mem.acronym, id: `E${e.id}`, document: `"${e.title}"`, choice: args.choice }),
        say('reply-vote.votedSoFar', { voted: c.voted, count: c.electorate, org: mem.acronym, deadline: e.deadline_at }),
      ].join(' ');
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
  };
}
