import { afterEach, describe, expect, it } from 'vitest';
import { WorkThread } from '../../../adapters/worker/work-thread';
import { staleCommand } from '../../../src/chat/words';
import { silentLogger } from '../../../src/logger';
import { TEMPLATES, createTestApp, type TestApp } from '../../helpers/app';

let app: TestApp | null = null;
let thread: WorkThread | null = null;
afterEach(async () => {
  await thread?.stop();
  thread = null;
  app?.close();
  app = null;
});

const kas = { actor: { kind: 'chat' as const, medium: 'slack' as const, userId: 'UKAS', email: 'focal@kas.example.org' }, helpCommand: '/convene' };

describe("the chat adapters' own words through the work thread", () => {
  it("gives the words and the App Home in the member's language, and English words once the thread is gone", async () => {
    app = createTestApp();
    expect(app.run('/members language focal@kas.example.org sr-Cyrl').status).toBe('accepted');
    thread = new WorkThread({
      databasePath: app.dbPath, templatesDir: TEMPLATES, logLevel: 'silent', settings: { noticeDays: 7, minutesDays: 7 },
      clock: app.clock, logger: silentLogger, onCommitted: () => {},
    });
    const words = await thread.words({ ...kas, say: staleCommand('meeting') });
    expect(words.unknownButton).toBe('Ова верзија програма Convene не познаје ово дугме. Откуцајте команду; /convene их наводи.');
    expect(words.said).toMatch(/^Овај сервер познаје \/meeting из старије верзије/);
    const home = await thread.home(kas);
    expect(home.header).toBe('Шта чека на вас');
    expect(home.sections.map((s) => s.title)).toContain('Профилисање');
    await thread.stop();
    expect((await thread.words(kas)).unknownButton).toBe('This button is not one this version of Convene knows. Type the command instead; /convene lists them.');
  });
});
