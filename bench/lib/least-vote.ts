/**
 * The least any implementation of `/endorse vote` could do under SPEC's rules, as bare prepared
 * statements on the real schema, for the vote suite to print beside Convene's vote: where the
 * floor of the figure lies on this machine. One transaction: identify the person, check the role,
 * read the request and the organisation's current vote, write the vote (replacing the earlier one),
 * count voters against the electorate, ONE outbox row (as if receipts and the tally were expanded
 * by the sender later), and the audit entry with digests of the written rows chained to the
 * previous entry. No zod, no templates, no languages: each of those would only add to it.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../src/store/db';

/** The floor's prepared statements, shared with the redesign's estimate (lean-vote.ts). */
export function floorStatements(db: Db) {
  return {
    person: db.prepare(`SELECT id, name, language FROM people WHERE email = ?`),
    member: db.prepare(`SELECT m.role, m.organisation_id, o.acronym FROM memberships m JOIN organisations o ON o.id = m.organisation_id WHERE m.exercise_id = ? AND m.person_id = ? AND m.active = 1`),
    request: db.prepare(`SELECT id, status, deadline_at, title FROM endorsements WHERE id = ? AND exercise_id = ?`),
    current: db.prepare(`SELECT id, choice, comment, cast_by_person_id, proxy, cast_at FROM endorsement_votes WHERE endorsement_id = ? AND organisation_id = ? AND current = 1`),
    replace: db.prepare(`UPDATE endorsement_votes SET current = 0, replaced_at = ? WHERE id = ?`),
    cast: db.prepare(`INSERT INTO endorsement_votes (endorsement_id, organisation_id, choice, comment, cast_by_person_id, proxy, cast_at) VALUES (?, ?, ?, ?, ?, 0, ?)`),
    counts: db.prepare(`SELECT (SELECT count(*) FROM organisations WHERE exercise_id = ?) AS electorate, (SELECT count(*) FROM endorsement_votes WHERE endorsement_id = ? AND current = 1) AS voted`),
    outbox: db.prepare(`INSERT INTO outbox (exercise_id, kind, ref, medium, address, organisation_id, next_attempt_at, created_at) VALUES (?, 'endorsement-receipt', ?, 'email', ?, ?, ?, ?)`),
    payload: db.prepare(`INSERT INTO outbox_payloads (outbox_id, payload) VALUES (?, ?)`),
    head: db.prepare(`SELECT hash FROM audit_log WHERE exercise_id = ? ORDER BY id DESC LIMIT 1`),
    audit: db.prepare(`INSERT INTO audit_log (exercise_id, at, actor_person_id, actor, action, command, outcome, detail, state, prev_hash, hash) VALUES (?, ?, ?, ?, 'endorse vote', ?, 'accepted', ?, ?, ?, ?)`),
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
  };
}

export function leastVote(db: Db, o: { exerciseId: number; requestId: number; emails: string[]; at: string }): () => string {
  const q = floorStatements(db);
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  let n = 0;
  return () => {
    const email = o.emails[n % o.emails.length]!;
    const text = Math.floor(n / o.emails.length) % 2 === 0 ? `/endorse vote E${o.requestId} endorse` : `/endorse vote E${o.requestId} object The figures need checking`;
    n++;
    const m = /^\/endorse vote E(\d+) (endorse|object|abstain)(?: (.+))?$/.exec(text)!;
    const comment = m[3] ?? null;
    q.begin.run();
    try {
      const p = q.person.get(email) as { id: number };
      const mem = q.member.get(o.exerciseId, p.id) as { role: string; organisation_id: number; acronym: string } | undefined;
      if (mem?.role !== 'focal') throw new Error(`${email} is not a focal point`);
      const e = q.request.get(Number(m[1]), o.exerciseId) as { id: number; status: string; deadline_at: string };
      if (e.status !== 'open' || e.deadline_at <= o.at) throw new Error(`E${e.id} is closed`);
      const prev = q.current.get(e.id, mem.organisation_id) as { id: number } | undefined;
      if (prev) q.replace.run(o.at, prev.id);
      const vote = Number(q.cast.run(e.id, mem.organisation_id, m[2], comment, p.id, o.at).lastInsertRowid);
      const c = q.counts.get(o.exerciseId, e.id) as { electorate: number; voted: number };
      const payload = JSON.stringify({ vote, replaces: prev?.id ?? null });
      const row = Number(q.outbox.run(o.exerciseId, `endorsement:${e.id}`, email, mem.organisation_id, o.at, o.at).lastInsertRowid);
      q.payload.run(row, payload);
      const detail = JSON.stringify({ endorsement: `E${e.id}`, organisation: mem.acronym, choice: m[2], comment, vote, replaces: prev?.id ?? null });
      const state = JSON.stringify({
        endorsement_votes: [sha(JSON.stringify([vote, e.id, mem.organisation_id, m[2], comment, p.id, 0, o.at, 1, null])), prev ? sha(JSON.stringify([prev.id, o.at])) : null],
        outbox: [sha(JSON.stringify([row, payload]))],
      });
      const prevHash = (q.head.get(o.exerciseId) as { hash: string | null } | undefined)?.hash ?? '';
      q.audit.run(o.exerciseId, o.at, p.id, email, text, detail, state, prevHash, sha(JSON.stringify([prevHash, o.at, email, text, detail, state])));
      q.commit.run();
      return `${mem.acronym}'s vote on E${e.id} is recorded: ${m[2]}. ${c.voted} of ${c.electorate} organisations have voted.`;
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
  };
}
