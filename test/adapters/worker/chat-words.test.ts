import Database from 'better-sqlite3';
import type { Worker } from 'node:worker_threads';
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

/** A work thread on the test app's database. */
const startThread = (on: TestApp) =>
  new WorkThread({
    databasePath: on.dbPath, templatesDir: TEMPLATES, logLevel: 'silent', settings: { noticeDays: 7, minutesDays: 7 },
    clock: on.clock, logger: silentLogger, onCommitted: () => {},
  });

const kas = { actor: { kind: 'chat' as const, medium: 'slack' as const, userId: 'UKAS', email: 'focal@kas.example.org' }, helpCommand: '/convene' };

describe("the chat adapters' own words through the work thread", () => {
  it("gives the words and the App Home in the member's language, and English words once the thread is gone", async () => {
    app = createTestApp();
    expect(app.run('/members language focal@kas.example.org sr-Cyrl').status).toBe('accepted');
    thread = startThread(app);
    const words = await thread.words({ ...kas, say: staleCommand('meeting') });
    expect(words.unknownButton).toBe('Ова верзија програма Convene не познаје ово дугме. Откуцајте команду; /convene их наводи.');
    expect(words.said).toMatch(/^Овај сервер познаје \/meeting из старије верзије/);
    const home = await thread.home(kas);
    expect(home.header).toBe('Шта чека на вас');
    expect(home.sections.map((s) => s.title)).toContain('Профилисање');
    await thread.stop();
    expect((await thread.words(kas)).unknownButton).toBe('This button is not one this version of Convene knows. Type the command instead; /convene lists them.');
  });

  it("tells a member whose command the thread's end cut short in their own words", async () => {
    app = createTestApp();
    expect(app.run('/members language focal@kas.example.org sr-Latn').status).toBe('accepted');
    thread = startThread(app);
    expect((await thread.words(kas)).failed).toMatch(/^Nešto je pošlo naopako/); // the thread is up
    const worker = (thread as unknown as { worker: Worker }).worker;
    const lock = new Database(app.dbPath);
    lock.exec('BEGIN IMMEDIATE'); // the command cannot finish before the thread is reported ended
    const asked = thread.handle({ text: '/members timezone me Europe/Belgrade', actor: kas.actor, helpCommand: '/convene' });
    // What Node reports when a thread ends (ending it for real inside SQLite's busy wait would end the test's process too).
    worker.emit('exit', 1);
    const outcome = await asked;
    expect(outcome).toMatchObject({
      status: 'refused',
      reply: 'Nešto je pošlo naopako kod nas pre nego što ste dobili odgovor. Proverite da li je izvršeno (komanda list ili status to pokazuje) i pokušajte ponovo ako nije; ako se ponavlja, javite onome ko pokreće bota.',
    });
    // The old thread finishes its command once the lock is free, then is ended.
    const finished = new Promise<void>((resolve) => worker.on('message', (m: { kind: string }) => m.kind === 'answer' && resolve()));
    lock.exec('ROLLBACK');
    lock.close();
    await finished;
    await worker.terminate();
  });
});

