import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COORDINATOR } from '../helpers/app';
import { FOCAL } from '../helpers/endorsements';
import { linksIn, startWeb, type WebHarness } from '../helpers/web';
import { auditOf } from '../../src/store/audit';
import { outboxOfExercise } from '../../src/store/outbox';

let web: WebHarness;
beforeEach(async () => {
  web = await startWeb({ chatMedia: ['slack'] });
});
afterEach(() => web.close());

describe('/exercise status web', () => {
  it('in the terminal prints the coordinator\'s personal overview link, which opens the overview', async () => {
    const r = web.app.run('/exercise status web');
    expect(r.status).toBe('accepted');
    const [url] = linksIn(r.reply);
    expect(url).toMatch(/\/l\/overview\.1\./);
    expect(r.reply).toContain('It is yours alone and works until');
    const page = await web.request(url!);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Overview of Kosovo 2014');
    expect(auditOf(web.app.db, 1).at(-1)).toMatchObject({ action: 'exercise status', command: '/exercise status web', outcome: 'accepted' });
  });

  it('from chat e-mails the link instead of posting it', async () => {
    const r = await web.app.runChat('/exercise status web', 'slack', 'U-COORD', { actor: { kind: 'chat', medium: 'slack', userId: 'U-COORD', email: COORDINATOR } });
    expect(r.status).toBe('accepted');
    expect(r.reply).toContain(`was e-mailed to ${COORDINATOR}`);
    expect(linksIn(r.reply)).toHaveLength(0);
    const mail = outboxOfExercise(web.app.db, 1).filter((m) => m.kind === 'overview-link');
    expect(mail.map((m) => [m.medium, m.address])).toEqual([['email', COORDINATOR]]);
    expect(linksIn(mail[0]!.payload.text)[0]).toMatch(/\/l\/overview\./);
  });

  it('is refused to a focal point; the plain /exercise status still works for them', () => {
    const r = web.app.run('/exercise status web', FOCAL.KAS);
    expect(r).toMatchObject({ status: 'refused', code: 'forbidden' });
    expect(web.app.run('/exercise status', FOCAL.KAS).status).toBe('accepted');
  });
});
