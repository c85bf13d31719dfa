import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app';
import { FOCAL, ok, OPENED_AT, PWG, SECOND_UNHCR } from '../../helpers/endorsements';
import { endorsementById, voteHistory } from '../../../src/store/endorsements';
import { outboxByRef } from '../../../src/store/outbox';
import type { CommandOutcome } from '../../../src/core/ports';

let app: TestApp;
afterEach(() => app?.close());

/** The example's ten organisations and forty more, each with one focal point: fifty voters. */
function fiftyOrganisations(): { org: string; focal: string }[] {
  app = createTestApp();
  const voters: { org: string; focal: string }[] = PWG.map((o) => ({ org: o, focal: FOCAL[o] }));
  for (let i = 1; i <= 40; i++) {
    const org = `ORG${i}`;
    ok(app, `/members add-org ${org} Member organisation ${i}`);
    ok(app, `/members add-focal ${org} focal@org${i}.example.org Focal Point ${i}`);
    voters.push({ org, focal: `focal@org${i}.example.org` });
  }
  ok(app, '/endorse open PWG Terms of Reference rule:majority');
  return voters;
}

function currentRowsPerOrganisation(t: TestApp): number[] {
  return (t.db.prepare('SELECT COUNT(*) AS n FROM endorsement_votes WHERE endorsement_id = 1 AND current = 1 GROUP BY organisation_id').all() as { n: number }[]).map((r) => r.n);
}

describe('fifty focal points voting at once', () => {
  it('through one core: no vote is lost, one current row per organisation, one result', async () => {
    const voters = fiftyOrganisations();
    const outcomes = await Promise.all(
      voters.map((v, i) => app.core.handle({ text: `/endorse vote E1 ${i % 3 === 0 ? 'object' : 'endorse'} vote ${i}`, actor: { kind: 'local', email: v.focal } })),
    );
    expect(outcomes.map((o: CommandOutcome) => o.status)).toEqual(voters.map(() => 'accepted'));
    expect(currentRowsPerOrganisation(app)).toEqual(voters.map(() => 1));
    expect(endorsementById(app.db, 1, 1)).toMatchObject({ status: 'closed', outcome: 'endorsed', closedHow: 'all-voted' });
    expect(outboxByRef(app.db, 'endorsement:1').filter((m) => m.kind === 'endorsement-result' && m.medium === 'email')).toHaveLength(54);
  });

  it('from five processes on the same database file: every vote lands, the request closes once', async () => {
    const voters = fiftyOrganisations();
    // UNHCR's second focal point votes at the same time as its first, from another worker.
    const ballots: [string, string][] = voters.map((v, i) => [`/endorse vote E1 ${i % 4 === 0 ? 'abstain' : 'endorse'} from worker ${i % 5}`, v.focal]);
    ballots.push(['/endorse vote E1 object second thoughts', SECOND_UNHCR]);
    const workers = 5;
    // The workers start voting together, once all five have opened the database.
    const ready = new SharedArrayBuffer(4);
    const runs = Array.from({ length: workers }, (_, w) =>
      new Promise<{ as: string; status: string; reply: string }[]>((resolve, reject) => {
        const worker = new Worker(join(import.meta.dirname, 'concurrent-voter.mjs'), {
          workerData: { dir: app.dir, now: OPENED_AT, commands: ballots.filter((_, i) => i % workers === w), ready, workers },
        });
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
    );
    const outcomes = (await Promise.all(runs)).flat();
    expect(outcomes).toHaveLength(ballots.length);
    const refused = outcomes.filter((o) => o.status !== 'accepted');
    // Only UNHCR's second vote may come too late: after the fiftieth organisation closed the request.
    for (const r of refused) expect(r).toMatchObject({ as: SECOND_UNHCR, reply: expect.stringContaining('votes are no longer taken') });
    const history = voteHistory(app.db, 1);
    expect(history).toHaveLength(outcomes.length - refused.length);
    expect(new Set(history.filter((v) => v.current).map((v) => v.acronym)).size).toBe(50);
    expect(currentRowsPerOrganisation(app)).toEqual(voters.map(() => 1));
    expect(endorsementById(app.db, 1, 1)).toMatchObject({ status: 'closed', closedHow: 'all-voted' });
    expect(outboxByRef(app.db, 'endorsement:1').filter((m) => m.kind === 'endorsement-result' && m.medium === 'email')).toHaveLength(54);
  });
});
