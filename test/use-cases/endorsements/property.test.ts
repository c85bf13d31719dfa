import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestApp, COORDINATOR, type TestApp } from '../../helpers/app';
import { FOCAL, OBSERVER, PMG, PWG, SECOND_UNHCR, SECOND_UNICEF, type Acronym } from '../../helpers/endorsements';
import { endorsementById, voteHistory } from '../../../src/store/endorsements';
import { membershipOf, personByEmail } from '../../../src/store/members';
import type { Choice, Rule } from '../../../src/domain/tally';
import type { CommandOutcome } from '../../../src/core/ports';

/** Every focal point of the example, with the organisation they speak for. */
const FOCAL_POINTS: [string, Acronym][] = [
  ...PWG.map((o): [string, Acronym] => [FOCAL[o], o]),
  [SECOND_UNHCR, 'UNHCR'],
  [SECOND_UNICEF, 'UNICEF'],
];
/** People who never vote for an organisation: the coordinator (only by proxy), an observer, an unlinked chat user. */
const OUTSIDERS = [COORDINATOR, OBSERVER, 'unlinked-chat-user'];

type Op =
  | { op: 'vote'; who: number; choice: Choice; comment: number | null }
  | { op: 'proxy'; org: number; choice: Choice }
  | { op: 'remove'; focal: number }
  | { op: 'restore'; focal: number }
  | { op: 'close' }
  | { op: 'deadline' };

const choice = fc.constantFrom<Choice>('endorse', 'object', 'abstain');
/**
 * Who votes, resolved against the request's group when the step runs: mostly a focal point of an
 * organisation of the group (so that requests also close because everyone voted), sometimes any
 * focal point (a PWG-only one on a PMG request), sometimes an outsider.
 */
const voter = fc.nat(9_999);
function resolveVoter(n: number, electorate: Acronym[]): string {
  const inGroup = FOCAL_POINTS.filter(([, o]) => electorate.includes(o));
  const pick = Math.floor(n / 10);
  if (n % 10 < 7) return inGroup[pick % inGroup.length]![0];
  if (n % 10 < 9) return FOCAL_POINTS[pick % FOCAL_POINTS.length]![0];
  return OUTSIDERS[pick % OUTSIDERS.length]!;
}
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 24, arbitrary: fc.record({ op: fc.constant('vote' as const), who: voter, choice, comment: fc.option(fc.nat(2)) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('proxy' as const), org: fc.nat(PWG.length - 1), choice }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('remove' as const), focal: fc.nat(FOCAL_POINTS.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('restore' as const), focal: fc.nat(FOCAL_POINTS.length - 1) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'close' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'deadline' as const }) },
);

/** The rules, written as plainly as possible. */
class Model {
  readonly votes = new Map<Acronym, { choice: Choice; comment: string | null; proxy: boolean }>();
  readonly active = new Set(FOCAL_POINTS.map(([e]) => e));
  closed = false;
  outcome: string | null = null;
  constructor(readonly electorate: Acronym[], readonly rule: Rule, readonly quorum: number) {}

  /** Counted here, not by the code under test: consensus needs an endorsement and no objection; majority more endorse than object. */
  tally() {
    const choices = [...this.votes.values()].map((v) => v.choice);
    const n = (c: Choice) => choices.filter((x) => x === c).length;
    const [endorse, object, abstain] = [n('endorse'), n('object'), n('abstain')];
    const quorumReached = choices.length >= this.quorum;
    const carried = this.rule === 'consensus' ? endorse >= 1 && object === 0 : endorse > object;
    return { endorse, object, abstain, voted: choices.length, quorumReached, outcome: !quorumReached ? 'no-quorum' : carried ? 'endorsed' : 'not-endorsed' };
  }
  close(outcome?: string) {
    this.closed = true;
    this.outcome = outcome ?? this.tally().outcome;
  }
  /** Applies a vote; returns whether it must be accepted. */
  vote(org: Acronym, v: { choice: Choice; comment: string | null; proxy: boolean }): boolean {
    if (this.closed || !this.electorate.includes(org)) return false;
    this.votes.set(org, v);
    if (this.electorate.every((o) => this.votes.has(o))) this.close();
    return true;
  }
}

function run(app: TestApp, text: string, who: string): CommandOutcome {
  if (who === 'unlinked-chat-user') return app.core.handleSync({ text, actor: { kind: 'chat', medium: 'slack', userId: 'UNOBODY' } });
  return app.run(text, who);
}

describe('endorsement votes under random sequences of votes, replacements, removals and closes', () => {
  it('keep one current vote per organisation, tally like the model, and count no ineligible vote', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'PWG' | 'PMG'>('PWG', 'PMG'),
        fc.constantFrom<Rule>('consensus', 'majority'),
        fc.nat(4),
        fc.array(opArb, { minLength: 1, maxLength: 50, size: 'max' }),
        (group, rule, quorumOffset, ops) => {
          const app = createTestApp();
          try {
            const electorate = group === 'PWG' ? PWG : PMG;
            const quorum = Math.max(1, electorate.length - quorumOffset);
            const model = new Model(electorate, rule, quorum);
            expect(app.run(`/endorse open ${group} Terms of Reference rule:${rule} quorum:${quorum}`).status).toBe('accepted');
            for (const step of ops) {
              if (step.op === 'vote') {
                const who = resolveVoter(step.who, electorate);
                const org = FOCAL_POINTS.find(([e]) => e === who)?.[1];
                const comment = step.comment === null ? null : `reason ${step.comment}`;
                const expected = org !== undefined && model.active.has(who) && model.vote(org, { choice: step.choice, comment, proxy: false });
                const r = run(app, `/endorse vote E1 ${step.choice}${comment ? ` ${comment}` : ''}`, who);
                expect(r.status, `${who}: ${r.reply}`).toBe(expected ? 'accepted' : 'refused');
              } else if (step.op === 'proxy') {
                const org = PWG[step.org]!;
                const expected = model.vote(org, { choice: step.choice, comment: null, proxy: true });
                expect(app.run(`/endorse proxy E1 ${org} ${step.choice}`).status).toBe(expected ? 'accepted' : 'refused');
              } else if (step.op === 'remove' || step.op === 'restore') {
                const [email, org] = FOCAL_POINTS[step.focal]!;
                const expected = step.op === 'remove' ? model.active.delete(email) : !model.active.has(email) && !!model.active.add(email);
                const text = step.op === 'remove' ? `/members remove-focal ${org} ${email}` : `/members add-focal ${org} ${email} Restored Person`;
                expect(app.run(text).status).toBe(expected ? 'accepted' : 'refused');
              } else if (step.op === 'close') {
                const expected = !model.closed;
                if (expected) model.close();
                expect(app.run('/endorse close E1').status).toBe(expected ? 'accepted' : 'refused');
              } else {
                app.clock.set('2026-11-29T09:00:00Z');
                app.scheduler.runDueJobs();
                if (!model.closed) model.close();
              }
            }

            const rows = app.db.prepare('SELECT organisation_id, COUNT(*) AS n FROM endorsement_votes WHERE current = 1 GROUP BY organisation_id').all() as { n: number }[];
            expect(rows.every((r) => r.n === 1)).toBe(true);
            const history = voteHistory(app.db, 1);
            const current = history.filter((v) => v.current);
            expect(new Map(current.map((v) => [v.acronym, { choice: v.choice, comment: v.comment, proxy: v.proxy }]))).toEqual(model.votes);
            const status = app.run('/endorse status E1').reply;
            const expected = model.tally();
            expect(status).toContain(`Tally: ${expected.endorse} endorse, ${expected.object} object, ${expected.abstain} abstain; ${expected.voted} voted, quorum ${quorum} ${expected.quorumReached ? 'reached' : 'not reached'}.`);
            const request = endorsementById(app.db, 1, 1)!;
            expect(request.status).toBe(model.closed ? 'closed' : 'open');
            expect(request.outcome).toBe(model.outcome);
            // Every vote ever recorded came from a focal point of that organisation, or from the coordinator as a proxy.
            for (const v of history) {
              if (v.proxy) expect(v.castBy.email).toBe(COORDINATOR);
              else expect(membershipOf(app.db, 1, personByEmail(app.db, v.castBy.email)!.id)!.organisation!.acronym).toBe(v.acronym);
              expect(electorate).toContain(v.acronym);
            }
          } finally {
            app.close();
          }
        },
      ),
      { numRuns: 80 },
    );
    // 80 runs of up to 50 commands each on real SQLite files: CPU-bound, ~18 s alone on 2 cores.
  }, 120_000);
});
