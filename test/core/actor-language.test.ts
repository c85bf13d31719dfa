import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { ok } from '../helpers/meetings';

let app: TestApp;
afterEach(() => app?.close());

const KAS = 'focal@kas.example.org';
// A line the grammar refuses: answered before the command runs, so before a chat account is linked.
const REFUSED = '/members language me de';

describe('a line the grammar refuses is answered in the language of the person behind it', () => {
  it('knows a chat account that is not linked yet by the e-mail its platform reports, as running the command would', async () => {
    app = createTestApp();
    ok(app, `/members language ${KAS} sq`);
    const asThemselves = app.run(REFUSED, KAS);
    expect(asThemselves.status).toBe('refused');
    expect(asThemselves.reply).toContain('nuk është gjuhë');
    const reported = await app.runChat(REFUSED, 'slack', 'U-KAS', { actor: { kind: 'chat', medium: 'slack', userId: 'U-KAS', email: KAS } });
    expect(reported.reply).toBe(asThemselves.reply);
    // Nobody known behind the account: English.
    const stranger = await app.runChat(REFUSED, 'slack', 'U-NOBODY', { actor: { kind: 'chat', medium: 'slack', userId: 'U-NOBODY', email: 'nobody@example.org' } });
    expect(stranger.reply).toContain('is not a language');
  });
});
